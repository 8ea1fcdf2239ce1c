"""Throughput and peak memory of the backends on synthetic corpora (issue 8).

``PYTHONPATH=src python benchmarks/bench_scale.py [--pairs 10000,100000] [--engines serial,pool,dask]
[--workers 2] [--seed 0]`` writes a synthetic zh→en corpus (synthetic_corpus.py, no references) of about each
size, then checks it once per engine in a fresh process: reading, corpus fit, every default check, the
corpus pass and the report tables (build_tables), not the report files. Prints seconds, segment pairs per
second and peak RSS (the run's own process, and the largest worker process).
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


def _one(corpus: str, engine: str, workers: int) -> dict[str, float]:
    """Run in a child process: check ``corpus`` with one backend and report time and memory."""
    import resource

    from transcheck.backends import make_backend
    from transcheck.config import build_settings
    from transcheck.engine import run
    from transcheck.readers import read_inputs
    from transcheck.reports import build_tables

    started = time.perf_counter()
    settings = build_settings()
    result = run(read_inputs([corpus]), settings, backend=make_backend(engine, workers))
    tables = build_tables(result)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pairs": len(tables.segments),
        "findings": len(tables.findings),
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", default="10000,100000")
    parser.add_argument("--engines", default="serial,pool,dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", nargs=3, metavar=("CORPUS", "ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], args.one[1], int(args.one[2]))))
        return
    rows = []
    print(f"{'pairs':>9} {'docs':>6} {'engine':<7} {'seconds':>8} {'pairs/s':>8} {'RSS MiB':>8} {'worker MiB':>10}")
    for size in (int(s) for s in args.pairs.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            docs, _ = write(Path(tmp) / "corpus", documents_for_pairs(size), args.seed)
            for engine in args.engines.split(","):
                command = [sys.executable, __file__, "--one", str(Path(tmp) / "corpus"), engine, str(args.workers)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                row = json.loads(done.stdout.strip().splitlines()[-1])
                row.update(engine=engine, documents=docs)
                rows.append(row)
                workers = "-" if engine == "serial" else f"{row['child_rss_mib']:.0f}"
                print(
                    f"{row['pairs']:>9,} {docs:>6} {engine:<7} {row['seconds']:>8.1f} "
                    f"{row['pairs'] / row['seconds']:>8.0f} {row['rss_mib']:>8.0f} {workers:>10}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
