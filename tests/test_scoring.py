"""Tests for reference-based scores (sentence level, chrF++, aligned references), the score command and the
Q threshold rules."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from transcheck.cli import main
from transcheck.scoring.files import paired_segments, score_segments
from transcheck.scoring.metrics import scores_from_statistics, segment_statistics, sentence_scores

HYP = ["The cat sat on the mat.", "It was raining in Seoul.", "The talks ended on Friday."]
REF = ["The cat is on the mat.", "It rained in Seoul.", "The talks ended on Friday."]


def test_sentence_scores_use_effective_order() -> None:
    short = sentence_scores("Hello there", "Hello there", "en")
    assert short.bleu == 100.0 and short.chrf == 100.0 and short.ter == 0.0
    partial = sentence_scores("Hello", "Hello there", "en")
    assert 0 < partial.bleu < 100  # no 4-grams, yet not zero: effective order


def test_chrf_pp_merges_exactly_across_parts() -> None:
    whole = scores_from_statistics(segment_statistics(HYP, REF, "en"), "en")
    parts = segment_statistics(HYP[:1], REF[:1], "en") + segment_statistics(HYP[1:], REF[1:], "en")
    assert scores_from_statistics(parts, "en") == whole
    assert 0 < whole.chrf_pp < 100


def test_segments_are_lines_when_counts_agree_else_aligned_sentences() -> None:
    assert paired_segments(HYP, REF, "en") == list(zip(HYP, REF, strict=True))
    merged_reference = [" ".join(REF[:2]), REF[2]]
    pairs = paired_segments(HYP, merged_reference, "en")
    assert [h for h, _ in pairs] == HYP and [r for _, r in pairs] == REF


def test_score_segments_per_sentence() -> None:
    corpus, scored = score_segments(list(zip(HYP, REF, strict=True)), "en", per_sentence=True)
    assert corpus.segments == 3 and scored[2].scores is not None and scored[2].scores.chrf == 100.0


def _files(tmp_path: Path) -> tuple[Path, Path]:
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("\n".join(HYP) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    return hyp, ref


def test_score_command_prints_metrics_with_signatures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hyp, ref = _files(tmp_path)
    assert main(["score", str(hyp), "--ref", str(ref), "--tgt-lang", "en", "--format", "json", "--sentence"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["segments"] == 3 and len(data["sentences"]) == 3
    assert set(data["signatures"]) == {"bleu", "chrf", "chrf_pp", "ter"}
    assert "nw:2" in data["signatures"]["chrf_pp"]


def test_score_command_gates_on_minimums(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hyp, ref = _files(tmp_path)
    assert main(["score", str(hyp), "--ref", str(ref), "--tgt-lang", "en", "--min-chrf", "99"]) == 1
    assert "below threshold: chrF" in capsys.readouterr().err
    assert main(["score", str(hyp), "--ref", str(ref), "--tgt-lang", "en", "--min-chrf", "10"]) == 0


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig")))


def test_check_writes_sentence_scores_risk_and_thresholds(tmp_path: Path) -> None:
    out = tmp_path / "r"
    code = main(["check", "corpora/news-zh-en", "--out", str(out), "--min-chrf", "70", "--max-risk", "0.9", "-q"])
    assert code == 1
    segments = _rows(out / "segments.csv")
    assert all(0.0 <= float(r["risk"]) <= 1.0 for r in segments)
    with_ref = [r for r in segments if r["chrf"]]
    assert with_ref and all(0.0 <= float(r["chrf_pp"]) <= 100.0 for r in with_ref)
    documents = _rows(out / "documents.csv")
    assert all(d["risk"] for d in documents if int(d["pairs"]))
    rules = {r["rule"] for r in _rows(out / "findings.csv")}
    assert {"Q001", "Q003"} <= rules
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["thresholds"] == {"max_risk": 0.9, "min_bleu": None, "min_chrf": 70.0}
    assert summary["risk"]["pairs"] == len(segments)
    assert summary["risk"]["documents_by_risk"][0]["doc_id"] == "a03"  # the garbled-name article


def test_thresholds_from_the_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Path("corpora/news-zh-en").resolve()
    (tmp_path / "transcheck.toml").write_text("min-chrf = 99\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(corpus), "--out", "r", "--select", "Q", "-q"]) == 1
    assert {r["rule"] for r in _rows(tmp_path / "r" / "findings.csv")} == {"Q001"}
