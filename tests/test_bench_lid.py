"""The language-identification battery's shape, and the benchmark's parsing, pairing and counting on tiny inputs."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_lid.py"
_SPEC = importlib.util.spec_from_file_location("bench_lid", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_lid"] = bench
_SPEC.loader.exec_module(bench)

BATTERY_PATH = _PATH.with_name("lid_battery.csv")
CJK = {"zh", "ja", "ko"}


@pytest.fixture(scope="module")
def battery() -> list[object]:
    raw = BATTERY_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "battery must be UTF-8 without a BOM"
    return bench.parse_battery(raw.decode("utf-8"))


# --- the shipped battery -------------------------------------------------------------------------------------


def test_battery_size_and_ids(battery: list[object]) -> None:
    assert len(battery) >= 480
    ids = [row.id for row in battery]
    assert len(ids) == len(set(ids))


def test_battery_languages_and_minimums(battery: list[object]) -> None:
    counts = Counter(row.lang for row in battery)
    assert set(counts) <= set(bench.LANGS)
    for lang, minimum in bench.MINIMUM_ROWS.items():
        assert counts[lang] >= minimum, lang


def test_battery_kinds_texts_and_notes(battery: list[object]) -> None:
    for row in battery:
        assert row.kind in bench.KINDS, row.id
        assert row.text.strip() == row.text and row.text, row.id
        if row.kind == "hard":
            assert row.note, f"{row.id}: hard rows say what they test"


def test_battery_word_counts_outside_cjk(battery: list[object]) -> None:
    for row in battery:
        if row.lang in CJK:
            continue
        words = [w for w in row.text.split() if any(ch.isalpha() for ch in w)]
        if row.kind == "short":
            assert 1 <= len(words) <= 4, row.id
        elif row.kind == "sentence":
            assert 5 <= len(words) <= 25, row.id


def test_battery_has_the_hard_cases_it_promises(battery: list[object]) -> None:
    hard = [row for row in battery if row.kind == "hard"]
    assert Counter(row.lang for row in hard)["ja"] >= 10
    assert any(row.lang == "ko" and any("\u4e00" <= ch <= "\u9fff" for ch in row.text) for row in hard)
    assert any(row.lang == "en" and any("\u4e00" <= ch <= "\u9fff" for ch in row.text) for row in hard)
    assert any("Traditional" in row.note for row in battery if row.lang == "zh")


# --- parsing and pairing -------------------------------------------------------------------------------------

TINY = "\ufeff" + "\n".join(
    [
        "id,lang,text,kind,note",
        'a1,zh-TW,"台北, 今天",short,',
        ",en,skipped,short,",
        'b2,EN,"Say ""hi"".",hard,quote',
    ]
)


def test_parse_battery_strips_bom_normalises_and_skips_blank_ids() -> None:
    rows = bench.parse_battery(TINY)
    assert [(r.id, r.lang, r.text, r.kind, r.note) for r in rows] == [
        ("a1", "zh", "台北, 今天", "short", ""),
        ("b2", "en", 'Say "hi".', "hard", "quote"),
    ]


def test_parse_battery_rejects_missing_columns() -> None:
    with pytest.raises(ValueError, match="kind"):
        bench.parse_battery("id,lang,text,note\nx,en,hello,\n")


@pytest.mark.parametrize(
    ("code", "expected"), [("zh-cn", "zh"), ("zh-TW", "zh"), ("zh-Hant", "zh"), ("EN", "en"), ("pt_BR", "pt"), ("", "")]
)
def test_normalise(code: str, expected: str) -> None:
    assert bench.normalise(code) == expected


def test_alternative_for_is_en_or_a_deterministic_pick_for_english() -> None:
    assert bench.alternative_for(bench.Row("x", "ja", "テスト", "short")) == "en"
    picks = {bench.alternative_for(bench.Row(f"en-{i:03d}", "en", "Hello there", "short")) for i in range(50)}
    assert picks == set(bench.EN_ALTERNATIVES)
    row = bench.Row("en-007", "en", "Hello there", "short")
    assert bench.alternative_for(row) == bench.alternative_for(row)


# --- counting ------------------------------------------------------------------------------------------------


def outcome(lang: str, predicted: str, kind: str = "sentence", row_id: str = "") -> object:
    return bench.Outcome(row_id or f"{lang}-{predicted}", lang, kind, "text", predicted)


def test_summarize_counts_per_language_kind_and_confusion() -> None:
    outcomes = [
        outcome("ja", "ja", "sentence", "1"),
        outcome("ja", "zh", "hard", "2"),
        outcome("ja", "zh", "hard", "3"),
        outcome("ru", "bg", "short", "4"),
        outcome("en", "en", "short", "5"),
        outcome("zh", "und", "short", "6"),
    ]
    result = bench.summarize(outcomes)
    assert result["overall"] == {"n": 6, "correct": 2, "accuracy": pytest.approx(2 / 6)}
    assert list(result["per_lang"]) == ["en", "zh", "ja", "ru"]
    assert result["per_lang"]["ja"] == {"n": 3, "correct": 1, "accuracy": pytest.approx(1 / 3)}
    assert result["per_kind"]["short"] == {"n": 3, "correct": 1, "accuracy": pytest.approx(1 / 3)}
    assert result["per_lang_kind"]["ja"]["hard"]["correct"] == 0
    assert result["per_lang_kind"]["en"]["hard"] == {"n": 0, "correct": 0, "accuracy": None}
    assert result["confusion"] == [
        {"true": "ja", "predicted": "zh", "count": 2},
        {"true": "ru", "predicted": "bg", "count": 1},
        {"true": "zh", "predicted": "und", "count": 1},
    ]
    assert [e["id"] for e in result["errors"]] == ["2", "3", "4", "6"]


def test_summarize_empty() -> None:
    assert bench.summarize([])["overall"] == {"n": 0, "correct": 0, "accuracy": None}


def test_run_single_and_run_pair_with_stub_detectors() -> None:
    rows = [bench.Row("a", "ja", "首相訪米", "hard"), bench.Row("b", "en", "", "short")]

    class Guess:
        def __init__(self, lang: str) -> None:
            self.lang = lang

    single, _ = bench.run_single(rows, lambda text: Guess("zh-cn" if text else ""))
    assert [o.predicted for o in single] == ["zh", "und"]

    calls: list[tuple[str, str]] = []

    def always_expected(text: str, expected: str, alternative: str) -> str:
        calls.append((expected, alternative))
        return expected

    kept, _ = bench.run_pair(rows, always_expected, "expected")
    swapped, _ = bench.run_pair(rows, always_expected, "alternative")
    assert [o.correct for o in kept] == [True, True]
    assert [o.correct for o in swapped] == [False, False]
    english_alternative = bench.alternative_for(rows[1])
    assert calls == [("ja", "en"), ("en", english_alternative), ("en", "ja"), (english_alternative, "en")]
    with pytest.raises(ValueError):
        bench.run_pair(rows, always_expected, "sideways")


# --- the fallback decision -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "alternative", "chosen"),
    [
        ("首相、訪米へ", "zh", "ja", "ja"),  # kana settles Japanese against Chinese
        ("北 미사일 발사", "zh", "ko", "ko"),  # Hangul settles Korean
        ("中美元首会晤", "en", "zh", "zh"),  # no Latin: English is ruled out by script
        ("Yoon Suk-yeol met 岸田文雄 in Tokyo.", "en", "ja", "en"),  # mostly Latin
        ("Погода", "en", "ru", "ru"),
        ("12345 !!", "de", "en", "de"),  # no letters: the expected language stands
    ],
)
def test_fallback_decide_by_script(text: str, expected: str, alternative: str, chosen: str) -> None:
    assert bench.fallback_decide(text, expected, alternative) == chosen


def test_fallback_decide_uses_langdetect_between_latin_languages() -> None:
    text = "Die Regierung will den Mindestlohn im nächsten Frühjahr deutlich erhöhen."
    assert bench.fallback_decide(text, "en", "de") == "de"
    assert bench.fallback_decide(text, "de", "en") == "de"
    probabilities = bench.restricted_probabilities(text, ("en", "de"))
    assert set(probabilities) <= {"en", "de"} and probabilities["de"] > 0.5


def test_pick_decider_prefers_transcheck_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    def decide(text: str, expected: str, alternative: str) -> str:
        return alternative

    monkeypatch.setattr(bench.lid, "decide", decide, raising=False)
    chosen, label = bench.pick_decider()
    assert chosen is decide and label == "transcheck.lid.decide"
    monkeypatch.delattr(bench.lid, "decide")
    chosen, _ = bench.pick_decider()
    assert chosen is bench.fallback_decide
