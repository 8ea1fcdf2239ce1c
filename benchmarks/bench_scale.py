"""Throughput and peak memory of the backends on synthetic corpora (issue 8).

``PYTHONPATH=src python benchmarks/bench_scale.py [--pairs 10000,100000] [--engines serial,pool,dask]
[--workers 2] [--seed 0]`` writes a synthetic zh→en corpus (synthetic_corpus.py, no references) of about each
size, then checks it once per engine in a fresh process: reading, corpus fit, every default check, the
corpus pass and the report tables (build_tables), not the report files. Prints seconds, segment pairs per
second and peak RSS (the run's own process, and the largest worker process).

``--formats ci`` (or any ``--format`` value of ``transcheck check``) also writes those report files into a
temporary folder and times them separately; ``--keep DIR`` writes the corpora under DIR and reuses them on a
later run (a million pairs take a few minutes to generate).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic_corpus import documents_for_pairs, write  # noqa: E402


def _one(corpus: str, engine: str, workers: int, formats: str) -> dict[str, float]:
    """Run in a child process: check ``corpus`` with one backend and report time and memory."""
    import resource

    from transcheck.backends import make_backend
    from transcheck.config import build_settings
    from transcheck.engine import run
    from transcheck.readers import read_inputs
    from transcheck.reports import build_tables, write_reports

    started = time.perf_counter()
    settings = build_settings()
    result = run(read_inputs([corpus]), settings, backend=make_backend(engine, workers))
    tables = build_tables(result)
    del result
    seconds = time.perf_counter() - started
    rss_checked = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_seconds = 0.0
    if formats:
        with tempfile.TemporaryDirectory() as out:
            begun = time.perf_counter()
            write_reports(tables, out, formats.split(","))
            write_seconds = time.perf_counter() - begun
    return {
        "seconds": seconds,
        "write_seconds": write_seconds,
        "pairs": len(tables.segments),
        "findings": len(tables.findings),
        "rss_checked_mib": rss_checked,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default="10000,100000")
    parser.add_argument("--engines", default="serial,pool,dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default="", help="report formats to write and time (default: none)")
    parser.add_argument("--keep", type=Path, help="write the corpora under this folder and reuse them")
    parser.add_argument("--one", nargs=4, metavar=("CORPUS", "ENGINE", "WORKERS", "FORMATS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], args.one[1], int(args.one[2]), args.one[3])))
        return
    print(
        f"{'pairs':>9} {'docs':>6} {'engine':<7} {'seconds':>8} {'pairs/s':>8} {'RSS MiB':>8} {'worker MiB':>10}"
        f" {'write s':>8} {'RSS with reports':>16}"
    )
    for size in (int(s) for s in args.pairs.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = (args.keep or Path(tmp)) / f"corpus-{size}-seed{args.seed}"
            if (corpus / "truth.json").is_file():
                docs = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))["documents"]
            else:
                docs, _ = write(corpus, documents_for_pairs(size), args.seed)
            for engine in args.engines.split(","):
                command = [sys.executable, __file__, "--one", str(corpus), engine, str(args.workers), args.formats]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                row = json.loads(done.stdout.strip().splitlines()[-1])
                workers = "-" if engine == "serial" else f"{row['child_rss_mib']:.0f}"
                print(
                    f"{row['pairs']:>9,} {docs:>6} {engine:<7} {row['seconds']:>8.1f} "
                    f"{row['pairs'] / row['seconds']:>8.0f} {row['rss_checked_mib']:>8.0f} {workers:>10}"
                    f" {row['write_seconds']:>8.1f} {row['rss_mib']:>16.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
