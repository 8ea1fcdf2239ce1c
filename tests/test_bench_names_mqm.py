"""The MQM name benchmark's own matching and counting, on tiny in-memory segments (no shared data needed)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_names_mqm.py"
_spec = importlib.util.spec_from_file_location("bench_names_mqm", _PATH)
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_names_mqm"] = bench
_spec.loader.exec_module(bench)

NAME = "Locale convention/Name format"


def _segment(target: str, errors=(), system: str = "MT-1", ref: bool = False, seg_id: int = 1) -> dict:
    return {
        "system": system,
        "doc": "d1",
        "seg_id": seg_id,
        "source": "源",
        "target": target,
        "ref": ref,
        "errors": list(errors),
    }


def _error(category: str, span=None, rater: str = "r1") -> dict:
    return {"category": category, "severity": "Minor", "rater": rater, "span": span, "source_span": None}


def test_overlaps_is_half_open():
    assert bench.overlaps((0, 5), (4, 8))
    assert not bench.overlaps((0, 5), (5, 8))
    assert not bench.overlaps((3, 3), (0, 10))  # an empty span overlaps nothing


def test_merge_spans_joins_raters_marks():
    assert bench.merge_spans([(10, 15), (0, 4), (12, 20), (4, 6), (30, 30)]) == [(0, 6), (10, 20)]


def test_gold_spans_uses_only_name_category():
    errors = [_error("Accuracy/Mistranslation", [0, 4]), _error(NAME, [5, 9]), _error(NAME, [6, 12], rater="r2")]
    assert bench.gold_spans(errors) == (True, [(5, 12)])
    assert bench.gold_spans([_error("Fluency/Grammar", [0, 3])]) == (False, [])
    assert bench.gold_spans([_error(NAME, None)]) == (True, [])  # gold without a span


def test_find_all_and_mention_spans():
    text = "Li Wei met Li Wei and li wei."
    assert bench.find_all(text, "Li Wei") == [(0, 6), (11, 17)]
    assert bench.find_all(text, "") == []
    assert bench.mention_spans("Met LI WEI.", ["Li Wei"]) == [(4, 10)]  # case-insensitive fallback
    assert bench.mention_spans(text, ["Zhang San"]) == []


def test_score_segment_span_hit_and_miss():
    target = "Premier Li Keqaing met Wang Yi."
    gold = [_error(NAME, [8, 17])]  # "Li Keqaing"
    hit = bench.score_segment(_segment(target, gold), [("Li Keqaing", "Li Keqiang")])
    assert (hit.flagged, hit.gold, hit.hit) == (True, True, True)
    assert hit.flagged_spans == [(8, 18)]
    off = bench.score_segment(_segment(target, gold), [("Wang Yi", "Wang Yi")])
    assert (off.flagged, off.gold, off.hit) == (True, True, False)
    clean = bench.score_segment(_segment(target), [])
    assert (clean.flagged, clean.gold, clean.hit) == (False, False, False)


def test_score_segment_falls_back_to_segment_level_without_spans():
    result = bench.score_segment(_segment("Li Keqaing spoke.", [_error(NAME, None)]), [("Li Keqaing", "x")])
    assert result.hit


def test_score_segment_records_other_categories_under_flag():
    errors = [_error("Accuracy/Mistranslation", [0, 16]), _error("Fluency/Grammar", [20, 25])]
    result = bench.score_segment(_segment("Security Council is here today", errors), [("Security Council", "UN")])
    assert result.other_categories == ["Accuracy/Mistranslation"]
    assert not result.gold and result.flagged


def test_tally_counts_and_figures():
    tally = bench.Tally()
    tally.add(True, True)  # tp
    tally.add(True, False)  # fp
    tally.add(False, True)  # fn
    tally.add(False, False)  # nothing
    tally.add(True, True, hit=False)  # wrong spot: counts as fp and fn
    assert (tally.tp, tally.fp, tally.fn, tally.flagged, tally.gold) == (1, 2, 2, 3, 3)
    assert tally.precision == pytest.approx(1 / 3)
    assert tally.recall == pytest.approx(1 / 3)
    assert tally.f1 == pytest.approx(1 / 3)
    assert bench.Tally().as_dict()["precision"] == 0.0  # no division by zero


def test_aggregate_separates_machine_and_human():
    r = [
        bench.score_segment(_segment("A B", [_error(NAME, [0, 1])], system="MT-1"), [("A", "Ā")]),
        bench.score_segment(_segment("A B", system="MT-2"), [("A", "Ā")]),
        bench.score_segment(_segment("A B", system="Human-A.0", ref=True), [("A", "Ā")]),
        bench.score_segment(_segment("A B", system="Human-B.0", ref=True), []),
    ]
    r[1].n002 = 2
    scores = bench.aggregate(r)
    assert set(scores) == {"MT-1", "MT-2", "Human-A.0", "Human-B.0", "ALL MT", "ALL HUMAN"}
    assert scores["ALL MT"].segment.as_dict()["precision"] == 0.5
    assert scores["ALL MT"].span.tp == 1
    assert scores["ALL MT"].n002_findings == 2
    assert scores["ALL MT"].n002_segment.fp == 1
    assert scores["ALL HUMAN"].segments == 2
    assert scores["ALL HUMAN"].flag_rate == 0.5
    assert [x.system for x in bench.false_positives(r)] == ["MT-2"]  # human flags are reported as a rate


def test_false_negative_and_misplaced_lists():
    r = [
        bench.score_segment(_segment("X Y", [_error(NAME, [0, 1])], seg_id=1), []),
        bench.score_segment(_segment("X Y", [_error(NAME, [0, 1])], seg_id=2), [("Y", "Z")]),
    ]
    assert [x.seg_id for x in bench.false_negatives(r)] == [1]
    assert [x.seg_id for x in bench.misplaced(r)] == [2]
    ex = bench.example(r[1], "fp")
    assert ex["flagged"] == ["Y → Z"] and ex["gold_text"] == ["X"] and "[[Y]]" in ex["snippet"]


def test_category_counts():
    segs = [_segment("a", [_error(NAME), _error("Other")]), _segment("b", [_error(NAME)])]
    assert bench.category_counts(segs) == {NAME: 2, "Other": 1}


def test_main_skips_cleanly_without_data(tmp_path, capsys):
    assert bench.main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out


def test_main_runs_on_a_tiny_file(tmp_path, capsys):
    rows = [
        _segment("Premier Li Keqiang spoke.", seg_id=1),
        _segment("Premier Li Keqiang spoke.", [_error(NAME, [8, 18])], system="Human-A.0", ref=True, seg_id=1),
    ]
    with gzip.open(tmp_path / bench.SEGMENTS_FILE, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    out = tmp_path / "out.json"
    assert bench.main(["--data", str(tmp_path), "--json", str(out)]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["segments"] == 2
    assert payload["scores"]["ALL HUMAN"]["segment_level"]["gold"] == 1
    assert payload["categories"] == {NAME: 1}
    assert "false-alarm rate on human translations" in capsys.readouterr().out
