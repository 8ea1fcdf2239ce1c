"""Time and memory of aligning one long document, each size in a fresh process pinned to one core.

A fresh process per size keeps caches and the memory high-water mark of one run out of the next. The child
reports its peak resident memory twice: after imports, building the aligner and reading the input (the
baseline), and after aligning (the peak); the difference is what alignment itself needed. Pinning to one core
and one thread per math library makes the figure comparable across machines with different core counts.

Run by bench_align.py; the child side is ``python benchmarks/align_speed.py --child SRC TGT ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def peak_memory_mib() -> tuple[float, str]:
    """Peak resident memory of this process so far, and where the figure comes from.

    On Linux ``ru_maxrss`` is not enough: a child starts with its parent's high-water mark (it survives fork
    and exec), so a child of a benchmark that has just aligned the Bible reports the Bible's gigabytes. The
    kernel's ``VmHWM`` belongs to the new program image, so we use it there and ``ru_maxrss`` elsewhere.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024, "VmHWM"
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024), "ru_maxrss"  # macOS: bytes


def _pin_to_one_core() -> int | None:
    """Pin this process to the last core it may use; None where the OS has no affinity call."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def run_child(src_path: Path, tgt_path: Path, src_lang: str, tgt_lang: str, model: str | None) -> dict[str, object]:
    core = _pin_to_one_core()
    from transcheck.align import default_aligner

    aligner = default_aligner(model=model) if model else default_aligner()
    src = src_path.read_text(encoding="utf-8").splitlines()
    tgt = tgt_path.read_text(encoding="utf-8").splitlines()
    # Resources loaded once per process (the CC-CEDICT vocabulary, the name lexicon, an encoder) are timed
    # apart: a warm-up alignment of the first two sentence pairs loads them.
    warm_started = time.perf_counter()
    aligner.align_blocks([(src[:2], tgt[:2])], src_lang, tgt_lang)
    load_seconds = time.perf_counter() - warm_started
    baseline, _ = peak_memory_mib()
    started = time.perf_counter()
    links = aligner.align_blocks([(src, tgt)], src_lang, tgt_lang)[0]
    seconds = time.perf_counter() - started
    peak, memory_source = peak_memory_mib()
    return {
        "src_sentences": len(src),
        "tgt_sentences": len(tgt),
        "links": len(links),
        "align_seconds": round(seconds, 3),
        "load_seconds": round(load_seconds, 3),
        "baseline_mib": round(baseline, 1),
        "peak_mib": round(peak, 1),
        "align_mib": round(peak - baseline, 1),
        "memory_source": memory_source,
        "core": core,
    }


def measure(
    src: list[str], tgt: list[str], src_lang: str, tgt_lang: str, model: str | None, timeout: float
) -> dict[str, object]:
    """Align one document in a child process; the result dict has ``error`` set when the child failed."""
    with tempfile.TemporaryDirectory(prefix="align-speed-") as tmp:
        src_path, tgt_path = Path(tmp) / "src.txt", Path(tmp) / "tgt.txt"
        src_path.write_text("\n".join(src) + "\n", encoding="utf-8")
        tgt_path.write_text("\n".join(tgt) + "\n", encoding="utf-8")
        command = [sys.executable, __file__, "--child", str(src_path), str(tgt_path), src_lang, tgt_lang]
        if model:
            command += ["--model", model]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, env={**os.environ, **_ONE_THREAD}
            )
        except subprocess.TimeoutExpired:
            return {"src_sentences": len(src), "tgt_sentences": len(tgt), "error": f"timed out after {timeout:.0f} s"}
        wall = time.perf_counter() - started
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        return {"src_sentences": len(src), "tgt_sentences": len(tgt), "error": last[0]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = round(wall, 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=4, metavar=("SRC", "TGT", "SRC_LANG", "TGT_LANG"), required=True)
    parser.add_argument("--model")
    args = parser.parse_args()
    src, tgt, src_lang, tgt_lang = args.child
    print(json.dumps(run_child(Path(src), Path(tgt), src_lang, tgt_lang, args.model)))


if __name__ == "__main__":
    main()
