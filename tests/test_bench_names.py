"""The name benchmark's own parsing and counting, on a tiny list and a tiny lexicon (not the shipped ones)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from transcheck.names.lexicon import NameEntry, NameLexicon

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_names.py"
_SPEC = importlib.util.spec_from_file_location("bench_names", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_names"] = bench
_SPEC.loader.exec_module(bench)

LIST = """\ufeffid,source_form,origin,kind,standard,alternatives,garbles,swapped
yoon,尹锡悦,ko,person,Yoon Suk-yeol,Yoon Suk Yeol| Yun Seok-yeol ,Yoon Suk-yue|Yoon Sook-yeol,Suk-yeol Yoon
,空行,zh,person,Nobody Here,,,
gu,谷爱凌,zh,person,Eileen Gu,,Eileen Gui,Gu Eileen
osaka,大阪,ja,place,Osaka,,Osako,
"""

LEXICON = NameLexicon(
    [
        NameEntry("yoon", "person", "ko", ("尹锡悦",), "Yoon Suk-yeol", ("Yoon Suk Yeol",)),
        NameEntry("osaka", "place", "ja", ("大阪",), "Osaka", ()),
    ]
)


def trial(category: str, verdict: str, mode: str = "source", suggested: str = "A B", **kw: object) -> object:
    fields = dict(
        entry_id="x",
        origin="ko",
        kind="person",
        in_lexicon=True,
        category=category,
        rendering="r",
        mode=mode,
        verdict=verdict,
        suggested=suggested,
        expected_standard="A B",
    )
    fields.update(kw)
    return bench.Trial(**fields)


def test_parse_testlist_splits_and_skips_blank_ids() -> None:
    entries = bench.parse_testlist(LIST)
    assert [e.id for e in entries] == ["yoon", "gu", "osaka"]
    yoon = entries[0]
    assert yoon.alternatives == ("Yoon Suk Yeol", "Yun Seok-yeol")
    assert yoon.garbles == ("Yoon Suk-yue", "Yoon Sook-yeol")
    assert yoon.swapped == "Suk-yeol Yoon"
    assert entries[2].kind == "place" and entries[2].swapped == ""


def test_parse_testlist_rejects_missing_columns() -> None:
    with pytest.raises(ValueError, match="garbles"):
        bench.parse_testlist("id,source_form,origin,kind,standard,alternatives,swapped\n")


def test_renderings_and_sentences() -> None:
    yoon = bench.parse_testlist(LIST)[0]
    assert bench.renderings(yoon) == [
        ("standard", "Yoon Suk-yeol"),
        ("alternative", "Yoon Suk Yeol"),
        ("alternative", "Yun Seok-yeol"),
        ("garble", "Yoon Suk-yue"),
        ("garble", "Yoon Sook-yeol"),
        ("swapped", "Suk-yeol Yoon"),
    ]
    assert "尹锡悦" in bench.source_sentence(yoon)
    assert bench.target_sentence(yoon, "X Y").startswith("X Y said")


def test_in_lexicon() -> None:
    yoon, gu, osaka = bench.parse_testlist(LIST)
    assert bench.in_lexicon(yoon, LEXICON) and bench.in_lexicon(osaka, LEXICON)
    assert not bench.in_lexicon(gu, LEXICON)


def test_counting_rules() -> None:
    assert bench.is_detected(trial("garble", "nonstandard"))
    assert not bench.is_detected(trial("garble", "nonstandard", suggested="C D"))  # wrong suggestion
    assert not bench.is_detected(trial("garble", "suspect"))  # wrong verdict for the mode
    assert bench.is_detected(trial("garble", "suspect", mode="target", suggested="a-b"))  # key comparison
    assert not bench.is_detected(trial("standard", "nonstandard"))
    assert bench.is_false_alarm(trial("alternative", "suspect", mode="target"))
    assert not bench.is_false_alarm(trial("garble", "nonstandard"))
    assert not bench.is_false_alarm(trial("standard", "variant"))

    trials = [
        trial("garble", "nonstandard"),
        trial("garble", "nonstandard", suggested="C D"),
        trial("garble", "unverified", suggested=""),
        trial("garble", "not-extracted", suggested=""),
        trial("standard", "standard"),
        trial("alternative", "nonstandard"),
        trial("alternative", "unverified"),
        trial("swapped", "nonstandard"),
    ]
    summary = bench.summarize(trials)
    assert summary["garbles"] == 4 and summary["detected"] == 1 and summary["detection_rate"] == 0.25
    assert summary["flagged_wrong_suggestion"] == 1
    assert summary["accepted"] == 3 and summary["false_alarms"] == 1
    assert summary["recognised"] == 1
    assert bench.summarize([])["detection_rate"] is None


def test_end_to_end_on_tiny_lexicon() -> None:
    entries = bench.parse_testlist(LIST)
    trials = bench.run_trials(entries, LEXICON)
    by = {(t.entry_id, t.rendering, t.mode): t for t in trials}
    assert len(trials) == 2 * (6 + 3 + 2)
    assert by["yoon", "Yoon Suk-yue", "source"].verdict == "nonstandard"
    assert bench.is_detected(by["yoon", "Yoon Suk-yue", "source"])
    assert by["yoon", "Yoon Suk Yeol", "source"].verdict == "variant"
    assert by["gu", "Eileen Gui", "source"].verdict == "unverified"
    assert not by["gu", "Eileen Gui", "source"].in_lexicon
    # a one-word mention is a name when the source holds a one-word name it resembles
    assert by["osaka", "Osako", "source"].verdict == "nonstandard"
    assert by["osaka", "Osako", "target"].verdict == bench.NOT_EXTRACTED  # without a source it is not extracted

    result = bench.report(trials, entries, LEXICON)
    assert result["entries"] == 3 and result["in_lexicon"] == 2 and result["not_in_lexicon_ids"] == ["gu"]
    assert result["in_lexicon_only"]["source"]["garbles"] == 3
    assert set(result["per_origin"]) == {"ko", "zh", "ja"}
    missed = {t["rendering"] for t in result["misses"]["source"]}
    assert "Eileen Gui" in missed and "Yoon Suk-yue" not in missed
    text = bench.format_report(result, show=5)
    assert "all entries, with source" in text and "missed garbles, source" in text
