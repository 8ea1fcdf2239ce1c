"""Length-ratio outliers (A003) against expert MQM annotations of omissions and additions (newstest2020 zh→en).

For every system × document of ``../shared/data/mqm-newstest2020-zhen`` (read at run time, never copied here; the
script says so and exits 0 when the folder is absent) the segments are taken as the document's aligned pairs and
:func:`transcheck.checks.alignment.check_length_ratios` runs over them. A flagged MT segment that is too short is a
true positive when a rater marked a Major ``Accuracy/Omission`` in it, one that is too long when a rater marked an
``Accuracy/Addition``; the base rate (the share of all MT segments with such an error) says what chance would give.
Flags on the two human translations are counted apart.

Usage::

    PYTHONPATH=src python benchmarks/bench_length.py [--data DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-newstest2020-zhen"


def _has(errors: list[dict], category: str, major_only: bool) -> bool:
    return any(e.get("category") == category and (not major_only or e.get("severity") == "Major") for e in errors)


def main(argv: list[str] | None = None) -> int:
    from transcheck.checks.alignment import check_length_ratios
    from transcheck.model import AlignedPair

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    path = args.data / "segments.jsonl.gz"
    if not path.is_file():
        print(f"bench_length: {path} not found; skipping (the MQM data is not in this checkout).")
        return 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        docs[(row["system"], row["doc"])].append(row)
    start = time.perf_counter()
    counts: Counter[str] = Counter()
    for (_, doc), segments in sorted(docs.items()):
        pairs = [AlignedPair(k, (k,), (k,), s["source"], s["target"]) for k, s in enumerate(segments)]
        for found in check_length_ratios(doc, pairs):
            segment = segments[found.pair_id]
            short = "missing" in found.message
            if segment["ref"]:
                counts["human " + ("short" if short else "long")] += 1
                continue
            gold = (
                _has(segment["errors"], "Accuracy/Omission", True)
                if short
                else _has(segment["errors"], "Accuracy/Addition", False)
            )
            counts[("short" if short else "long") + (" tp" if gold else " fp")] += 1
    elapsed = time.perf_counter() - start
    mt = [r for r in rows if not r["ref"]]
    omission_rate = sum(_has(r["errors"], "Accuracy/Omission", True) for r in mt) / len(mt)
    addition_rate = sum(_has(r["errors"], "Accuracy/Addition", False) for r in mt) / len(mt)
    humans = sum(1 for r in rows if r["ref"])
    for kind, rate in (("short", omission_rate), ("long", addition_rate)):
        tp, fp = counts[f"{kind} tp"], counts[f"{kind} fp"]
        print(
            f"{kind:5}: {tp + fp} MT segments flagged, precision {tp / max(tp + fp, 1):.3f} "
            f"(base rate {rate:.3f}); human translations flagged: {counts['human ' + kind]}/{humans}"
        )
    print(f"{len(rows)} segments in {len(docs)} system documents, {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
