"""Longer fuzzing run (issue 9): the hypothesis properties of the readers, the sentence splitter, the number
parser and the aligner, each with many more examples than the test suite uses; then the fault corpus
(tests/fault_corpus.py) checked end to end, and one large input with its time and peak memory.

    PYTHONPATH=src python benchmarks/bench_fuzz.py [--examples 2000] [--targets reader_tsv,aligner] [--big-mb 1]

Prints one row per target: examples run, failures, seconds. Exit code 1 when any target failed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

import test_aligner  # noqa: E402
import test_fuzz_readers  # noqa: E402
import test_numbers  # noqa: E402
import test_split  # noqa: E402
from fault_corpus import build  # noqa: E402

TARGETS: dict[str, Callable[..., None]] = {
    "reader_tsv": test_fuzz_readers.test_reader_tsv_survives_any_bytes,
    "reader_csv": test_fuzz_readers.test_reader_csv_survives_any_bytes,
    "reader_jsonl": test_fuzz_readers.test_reader_jsonl_survives_any_bytes,
    "reader_tmx": test_fuzz_readers.test_reader_tmx_survives_any_bytes,
    "reader_xliff": test_fuzz_readers.test_reader_xliff_survives_any_bytes,
    "reader_po": test_fuzz_readers.test_reader_po_survives_any_bytes,
    "reader_text": test_fuzz_readers.test_reader_text_survives_any_bytes,
    "splitter": test_split.test_nothing_lost_or_invented,
    "numbers": test_numbers.test_arbitrary_text_never_raises,
    "numbers_soup": test_numbers.test_numeral_soup_never_raises,
    "aligner": test_aligner.test_links_cover_every_sentence_once_in_order,
}


def fuzz(name: str, examples: int) -> tuple[int, int, float]:
    """Run one property with ``examples`` examples; return (examples run, failures, seconds)."""
    count = 0
    inner = TARGETS[name].hypothesis.inner_test  # type: ignore[attr-defined]

    def counted(*args: object, **kwargs: object) -> None:
        nonlocal count
        count += 1
        inner(*args, **kwargs)

    TARGETS[name].hypothesis.inner_test = counted  # type: ignore[attr-defined]
    target = TARGETS[name]
    own = target._hypothesis_internal_use_settings  # type: ignore[attr-defined]
    # Replace the test's own @settings (hypothesis refuses a second decorator) for this run only.
    target._hypothesis_internal_use_settings = settings(  # type: ignore[attr-defined]
        own,
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    run = target
    start = time.perf_counter()
    failures = 0
    try:
        run()
    except Exception as exc:
        failures = 1
        print(f"{name}: FAILED: {type(exc).__name__}: {str(exc)[:500]}", file=sys.stderr)
    finally:
        TARGETS[name].hypothesis.inner_test = inner  # type: ignore[attr-defined]
        target._hypothesis_internal_use_settings = own  # type: ignore[attr-defined]
    return count, failures, time.perf_counter() - start


def fault_corpus() -> tuple[int, int, int, float]:
    """Check the fault corpus end to end: (cases, crashes, documents lost, seconds)."""
    import csv

    from transcheck.cli import main

    with tempfile.TemporaryDirectory() as folder:
        inputs, cases = build(Path(folder) / "in")
        start = time.perf_counter()
        crashes = 0
        try:
            main(["check", *map(str, inputs), "--out", f"{folder}/out", "--format", "all", "-q", "--no-config"])
        except Exception as exc:
            crashes = 1
            print(f"fault corpus: CRASH {type(exc).__name__}: {exc}", file=sys.stderr)
        seconds = time.perf_counter() - start
        rows = []
        if not crashes:
            with open(f"{folder}/out/documents.csv", encoding="utf-8-sig", newline="") as handle:
                rows = [row["doc_id"] for row in csv.DictReader(handle)]
        lost = len({case.doc_id for case in cases} - set(rows))
    return len(cases), crashes, lost, seconds


def big_input(megabytes: float) -> tuple[str, float, float]:
    """One document with a ``megabytes`` MB translation that is a single sentence, checked in this process."""
    from transcheck.cli import main

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "big"
        (root / "src").mkdir(parents=True)
        (root / "mt").mkdir()
        size = int(megabytes * 1_000_000)
        (root / "src" / "big.txt").write_text(("会议讨论了贸易问题" * (size // 27 + 1))[: size // 3], encoding="utf-8")
        (root / "mt" / "big.txt").write_text(
            ("the meeting discussed trade " * (size // 28 + 1))[:size], encoding="utf-8"
        )
        start = time.perf_counter()
        main(
            [
                "check",
                str(root),
                "--out",
                f"{folder}/out",
                "--format",
                "all",
                "-q",
                "--no-config",
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
            ]
        )
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = f"{megabytes:g} MB single-sentence translation (+{megabytes / 3:.2g} MB source)"
    return what, seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="hypothesis examples per target")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated subset of: " + ",".join(TARGETS))
    parser.add_argument("--big-mb", type=float, default=1.0, help="size of the large input (0 to skip)")
    args = parser.parse_args()
    failed = 0
    print("| target | examples | failures | seconds |\n| --- | ---: | ---: | ---: |")
    for name in args.targets.split(","):
        count, failures, seconds = fuzz(name.strip(), args.examples)
        failed += failures
        print(f"| {name} | {count:,} | {failures} | {seconds:.1f} |", flush=True)
    cases, crashes, lost, seconds = fault_corpus()
    print(
        f"\nfault corpus: {cases} documents, crashes {crashes}, documents lost {lost}, {seconds:.1f} s (--format all)"
    )
    if args.big_mb > 0:
        what, seconds, peak = big_input(args.big_mb)
        print(f"largest input: {what}: {seconds:.1f} s, peak RSS {peak:.0f} MiB (whole bench process)")
    return 1 if failed or crashes or lost else 0


if __name__ == "__main__":
    sys.exit(main())
