"""transcheck against Translate Toolkit's pofilter on the same PO file of synthetic zh→en units (issue 8).

``PYTHONPATH=src python benchmarks/bench_pofilter.py [--units 50000] [--pofilter PATH] [--workers 1,2]``
writes one PO file of ``--units`` entries (sentences from ``synthetic_corpus.py``, with its planted defects:
dropped, untranslated, changed numbers and garbled names, deterministic from ``--seed``), then times

* ``pofilter --progress=none IN OUT`` with all its default checks (when pofilter is installed: Translate
  Toolkit is GPL, so it is never a dependency of transcheck; give its path with ``--pofilter`` or put it on
  PATH), and
* ``transcheck check IN --format csv`` (CSV reports written) with each ``--workers`` value,

each in a fresh process, and prints seconds and units per second. The PO file is unit-aligned, so no sentence
alignment runs; transcheck's other default checks all do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic_corpus import generate  # noqa: E402


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_po(path: Path, units: int, seed: int) -> int:
    """``units`` entries (a few more documents are generated than needed, then cut); returns the count."""
    docs, _ = generate(max(1, units // 20), seed)
    pairs = [pair for _, paragraphs in docs for paragraph in paragraphs for pair in paragraph]
    while len(pairs) < units:  # a short seed run: generate more
        more, _ = generate(max(1, (units - len(pairs)) // 20 + 1), seed + len(pairs))
        pairs += [pair for _, paragraphs in more for paragraph in paragraphs for pair in paragraph]
    pairs = pairs[:units]
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: en\\n"', ""]
    for k, (zh, en) in enumerate(pairs):
        lines += [f"#: news.txt:{k + 1}", f"msgctxt {_quoted(str(k))}", f"msgid {_quoted(zh)}"]
        lines += [f"msgstr {_quoted(en)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(pairs)


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # transcheck exits 1 when it has findings at --fail-on
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pofilter", default=shutil.which("pofilter"), help="path of pofilter (default: on PATH)")
    parser.add_argument("--workers", default="1,2", help="transcheck --workers values to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "news.po"
        units = write_po(po, args.units, args.seed)
        print(f"{units:,} units, {po.stat().st_size / 2**20:.1f} MiB")
        rows: list[tuple[str, float]] = []
        if args.pofilter:
            rows.append(
                ("pofilter (all default checks)", _timed([args.pofilter, "--progress=none", str(po), f"{tmp}/out.po"]))
            )
        else:
            print("pofilter not found: install translate-toolkit in another environment and pass --pofilter PATH")
        runner = "import sys; from transcheck.cli import main; sys.exit(main(sys.argv[1:]))"
        for workers in args.workers.split(","):
            command = [sys.executable, "-c", runner, "check", str(po), "--src-lang", "zh", "--tgt-lang", "en"]
            command += ["--out", f"{tmp}/reports-{workers}", "--format", "csv", "--workers", workers]
            rows.append((f"transcheck check --workers {workers}", _timed(command)))
        for label, seconds in rows:
            print(f"  {label:<40} {seconds:8.1f} s  {units / seconds:8.0f} units/s")


if __name__ == "__main__":
    main()
