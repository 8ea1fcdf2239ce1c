"""Tests for the reference-free risk score (transcheck.risk) and the ranking helpers of its benchmark."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np

from transcheck.model import AlignedPair, Finding, Severity
from transcheck.risk import RiskFeatures, document_features, document_risk, risk_score, uncovered_share


def test_risk_grows_with_errors_and_uncovered_source() -> None:
    base = RiskFeatures(length=0.5)
    assert risk_score(RiskFeatures(errors=1, length=0.5)) > risk_score(base)
    assert risk_score(RiskFeatures(uncovered=0.8, length=0.5)) > risk_score(base)
    assert 0.0 < risk_score(base) < 1.0


def test_uncovered_share_for_chinese_to_english() -> None:
    source = "韩国总统抵达东京"
    assert uncovered_share(source, "The South Korean president arrived in Tokyo.", "zh", "en") < 0.2
    assert uncovered_share(source, "The weather was fine.", "zh", "en") == 1.0
    assert uncovered_share(source, "anything", "ja", "en") == 0.0  # only Chinese → English is read


def _pair(k: int, source: str, target: str, score: float = 1.0) -> AlignedPair:
    return AlignedPair(k, (k,) if source else (), (k,) if target else (), source, target, score)


def test_document_features_count_findings_and_null_links() -> None:
    pairs = [_pair(0, "尹锡悦抵达东京。", "Yoon Suk-yue arrived in Tokyo."), _pair(1, "双方举行会谈。", "")]
    found = Finding("N001", Severity.ERROR, "doc", "garbled", pair_id=0)
    features = document_features(pairs, [found], "zh", "en")
    assert features[0].errors == 1 and features[0].misaligned == 0.0
    assert features[1].misaligned == 1.0


def test_document_risk_is_the_mean_of_the_top_three() -> None:
    assert math.isclose(document_risk([0.1, 0.9, 0.8, 0.7, 0.2]), 0.8)
    assert document_risk([]) == 0.0


def _bench():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_risk.py"
    spec = importlib.util.spec_from_file_location("bench_risk", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_roc_auc_and_precision_at() -> None:
    bench = _bench()
    assert bench.roc_auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert bench.roc_auc([0.1, 0.2, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert bench.roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert bench.precision_at([0.9, 0.1, 0.8, 0.2], [True, False, False, False], share=0.5) == 0.5


def test_fit_logistic_recovers_the_sign_of_a_signal() -> None:
    bench = _bench()
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(float)
    weights = bench.fit_logistic(x, y)
    assert weights[1] > 1.0 and abs(weights[2]) < 0.5


def test_split_puts_about_half_of_the_documents_in_the_test_half() -> None:
    bench = _bench()
    names = [f"news-{k}.txt" for k in range(400)]
    in_test = sum(bench._in_test_half(name) for name in names)
    assert 160 <= in_test <= 240  # a hash split, not everything on one side
