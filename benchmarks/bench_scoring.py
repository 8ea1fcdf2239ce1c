"""Throughput of the scoring stage: sacrebleu statistics per segment (what corpus and document scores need), and
sentence-level BLEU/chrF/chrF++/TER per segment (what segments.csv shows), on one core.

Hypotheses and references come from the MQM newstest2020 zh→en data when ``../shared`` is present (the MT of one
system against a human translation, English target) and from a reversed pairing of the same texts scored as if
Chinese were the target is not possible there, so a Chinese-target run uses the Chinese sources paired with each
other shifted by one (a realistic length and character mix; the scores themselves mean nothing). Without the data
the script builds synthetic sentences. Pure Python (sacrebleu), so one process uses one core.

Usage::

    PYTHONPATH=src python benchmarks/bench_scoring.py [--segments N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-newstest2020-zhen"


def _texts(n: int) -> tuple[list[str], list[str], list[str]]:
    path = DEFAULT_DATA / "segments.jsonl.gz"
    if path.is_file():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle]
        mt = {(r["doc"], r["seg_id"]): r["target"] for r in rows if r["system"] == "Online-B.1605"}
        ref = {(r["doc"], r["seg_id"]): r["target"] for r in rows if r["system"] == "Human-A.0"}
        keys = sorted(mt.keys() & ref.keys())[:n]
        sources = sorted({r["source"] for r in rows})[: n + 1]
        return [mt[k] for k in keys], [ref[k] for k in keys], sources
    rng = random.Random(7)
    words = ["the", "talks", "on", "trade", "ended", "with", "a", "joint", "statement", "on", "security"]
    hyps = [" ".join(rng.choices(words, k=25)) for _ in range(n)]
    refs = [" ".join(rng.choices(words, k=25)) for _ in range(n)]
    sources = ["双方就贸易问题举行会谈并发表联合声明，同意在安全和气候领域加强合作。" * 2 for _ in range(n + 1)]
    return hyps, refs, sources


def _rate(label: str, n: int, seconds: float) -> None:
    print(f"  {label:52} {n / seconds:9.0f} segments/s  ({seconds:.2f} s for {n})")


def main(argv: list[str] | None = None) -> int:
    from transcheck.scoring.metrics import scores_from_statistics, segment_statistics, sentence_scores

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=2000)
    args = parser.parse_args(argv)
    hyps, refs, sources = _texts(args.segments)
    n = len(hyps)
    words = sum(len(h.split()) for h in hyps) / max(n, 1)
    print(f"{n} English segments ({words:.0f} words on average); {len(sources) - 1} Chinese segments")
    for lang, h, r in (("en", hyps, refs), ("zh", sources[:-1], sources[1:])):
        segment_statistics(h[:5], r[:5], lang)  # warm-up: tokenizers, caches
        start = time.perf_counter()
        stats = segment_statistics(h, r, lang)
        scores_from_statistics(stats, lang)
        _rate(f"{lang}: corpus/document statistics (BLEU, chrF, chrF++, TER)", len(h), time.perf_counter() - start)
        start = time.perf_counter()
        for hyp, ref in zip(h, r, strict=True):
            sentence_scores(hyp, ref, lang)
        _rate(f"{lang}: sentence-level BLEU, chrF, chrF++, TER", len(h), time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
