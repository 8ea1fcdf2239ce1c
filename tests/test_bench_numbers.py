"""The number benchmark's battery (shape and balance) and its scoring, on a tiny hand-made input."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_numbers.py"
_SPEC = importlib.util.spec_from_file_location("bench_numbers", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_numbers"] = bench
_SPEC.loader.exec_module(bench)

TINY = """id,src_lang,source,target,expected,error_kind,note
a,zh,3万人,"30,000 people",ok,,unit: 3万
b,zh,3万人,"3,000 people",error,tenfold,unit: 3万 as 3000
c,de,"1,5 Millionen","1.5 million",ok,,unit: Millionen
d,de,etwa 200,about 20,error,dropped-digit,approx: etwa
e,fr,le 10 mars,on March 11,error,wrong-date,date: day changed
,fr,blank id,is skipped,ok,,
"""


@pytest.fixture(scope="module")
def battery() -> list:
    return bench.load_battery(bench.DEFAULT_BATTERY)


def test_battery_shape(battery: list) -> None:
    raw = bench.DEFAULT_BATTERY.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").splitlines()[0] == ",".join(bench.COLUMNS)
    assert len(battery) >= 300
    ids = [row.id for row in battery]
    assert len(ids) == len(set(ids))
    per_lang = Counter(row.src_lang for row in battery)
    assert set(per_lang) == set(bench.LANGS)
    assert all(n >= 60 for n in per_lang.values()), per_lang
    share = sum(row.is_error for row in battery) / len(battery)
    assert 0.45 <= share <= 0.55
    for lang in bench.LANGS:
        rows = [r for r in battery if r.src_lang == lang]
        assert 0.45 <= sum(r.is_error for r in rows) / len(rows) <= 0.55, lang


def test_battery_labels(battery: list) -> None:
    for row in battery:
        assert row.id.startswith(f"{row.src_lang}-")
        assert row.source.strip() and row.target.strip()
        assert row.form in bench.FORMS, row.id
        if row.is_error:
            assert row.error_kind in bench.ERROR_KINDS, row.id
        else:
            assert row.error_kind == "", row.id
    assert set(bench.ERROR_KINDS) <= {row.error_kind for row in battery}
    assert any("\u202f" in row.source for row in battery)  # French narrow no-break space


def test_parse_rejects_bad_rows() -> None:
    with pytest.raises(ValueError, match="note"):
        bench.parse_battery("id,src_lang,source,target,expected,error_kind\n")
    header = ",".join(bench.COLUMNS) + "\n"
    with pytest.raises(ValueError, match="error_kind"):
        bench.parse_battery(header + "x,zh,a,b,error,typo,unit: x\n")
    with pytest.raises(ValueError, match="repeated"):
        bench.parse_battery(header + "x,zh,a,b,ok,,unit: x\nx,zh,a,b,ok,,unit: x\n")
    with pytest.raises(ValueError, match="ok row"):
        bench.parse_battery(header + "x,zh,a,b,ok,tenfold,unit: x\n")


def test_score_counts_precision_recall() -> None:
    rows = bench.parse_battery(TINY)
    assert [r.id for r in rows] == ["a", "b", "c", "d", "e"]
    assert rows[3].form == "approx" and rows[2].source == "1,5 Millionen"
    flagged = {"a": True, "b": True, "c": False, "d": False, "e": True}
    verdicts = {k: bench.Verdict(v) for k, v in flagged.items()}
    s = bench.score(rows, verdicts)
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (2, 1, 1, 1)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    assert s["false_alarm_rate"] == pytest.approx(0.5)

    nothing = bench.score(rows, {k: bench.Verdict(False) for k in flagged})
    assert nothing["precision"] is None and nothing["recall"] == 0.0 and nothing["f1"] is None

    result = bench.tool_report(rows, verdicts)
    assert result["per_kind"]["tenfold"] == {"rows": 1, "caught": 1}
    assert result["per_kind"]["dropped-digit"] == {"rows": 1, "caught": 0}
    assert result["per_form"]["unit"] == {"ok_rows": 2, "false_alarms": 1, "error_rows": 1, "caught": 1}
    assert result["per_lang"]["de"]["recall"] == 0.0
    assert [m["id"] for m in result["misses"]] == ["d"]
    assert [f["id"] for f in result["false_alarms"]] == ["a"]
    assert result["caught_but_twin_flagged"] == ["b"]  # its correct twin "a" is flagged as well


def test_transcheck_verdict_and_report() -> None:
    rows = bench.parse_battery(TINY)
    verdicts = bench.transcheck_verdicts(rows)
    assert verdicts["b"].flagged and "D" in verdicts["b"].detail
    assert not verdicts["a"].flagged
    text = bench.format_report(bench.report(rows, {bench.TRANSCHECK: verdicts}), show=3)
    assert "error detection" in text and "recall per error kind" in text
