"""Throughput of `transcheck check` on copies of the sample news corpus.

Prints documents, sentence pairs, seconds and pairs per second for the whole pipeline (reading, splitting,
alignment, all default checks, reports). Usage: python benchmarks/bench_check.py [COPIES] [--no-refs]
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from transcheck.config import build_settings
from transcheck.engine import run
from transcheck.readers import read_inputs
from transcheck.reports import build_tables, write_reports

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "corpora" / "news-zh-en"


def make_corpus(folder: Path, copies: int, with_refs: bool) -> None:
    for side in ("src", "mt", "ref") if with_refs else ("src", "mt"):
        (folder / side).mkdir(parents=True)
        for path in sorted((NEWS / side).glob("*.txt")):
            for k in range(copies):
                shutil.copy(path, folder / side / f"{path.stem}-{k:04d}.txt")


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with_refs = "--no-refs" not in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, copies, with_refs)
        settings = build_settings(glossary=NEWS / "glossary.csv")
        started = time.perf_counter()
        result = run(read_inputs([corpus]), settings)
        tables = build_tables(result)
        write_reports(tables, Path(tmp) / "out")
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pairs = len(tables.segments)
    print(f"documents {len(tables.documents)}  pairs {pairs}  findings {len(tables.findings)}")
    print(f"seconds {elapsed:.2f}  pairs/s {pairs / elapsed:.0f}  peak RSS {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
