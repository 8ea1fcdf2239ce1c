"""Tests for Japanese names in kanji → English spellings (transcheck.names.japanese), the Japanese paths of the
name linker, and the corpus rule on mixed name order (N004)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from transcheck.checks.names import corpus_name_pass
from transcheck.model import AlignedPair, Severity
from transcheck.names import japanese
from transcheck.names.lexicon import shipped_lexicon
from transcheck.names.linking import GIVEN_FIRST, SURNAME_FIRST, NameLinker, NameOccurrence

# --- readings --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ("Kōno", {"Kono", "Kouno", "Kohno", "Kōno"}),
        ("Yuuko", {"Yuuko", "Yuko", "Yūko"}),
        ("Honma", {"Honma", "Homma"}),
        ("Shin'ichi", {"Shin'ichi", "Shinichi"}),
    ],
)
def test_spellings_cover_the_long_vowel_styles(reading: str, expected: set[str]) -> None:
    assert expected <= set(japanese.spellings(reading))


def test_customary_spelling_is_plain_hepburn() -> None:
    assert japanese.customary_spelling("Kōno") == "Kono"
    assert japanese.customary_spelling("Shinzou") == "Shinzo"
    assert japanese.customary_spelling("Shin'ichi") == "Shinichi"


def test_splits_into_surname_and_given_name() -> None:
    assert japanese.splits("岸田文雄") == [("岸田", "文雄")]
    assert ("小泉", "進次郎") in japanese.splits("小泉进次郎")  # simplified characters brought to Japanese forms
    assert japanese.splits("岸") == []  # one character cannot be surname and given name
    assert japanese.splits("記者団に") == []


@pytest.mark.parametrize(
    ("name", "spelling"),
    [
        ("岸田文雄", "Fumio Kishida"),
        ("岸田文雄", "Kishida Fumio"),
        ("河野太郎", "Taro Kono"),
        ("河野太郎", "Taro Kohno"),
        ("菅义伟", "Yoshihide Suga"),  # simplified Chinese form, read through the dictionary's person entry
        ("上川阳子", "Yoko Kamikawa"),
        ("小泉进次郎", "Shinjiro Koizumi"),
    ],
)
def test_english_candidates_hold_the_press_spelling(name: str, spelling: str) -> None:
    assert spelling in japanese.english_candidates(name)
    assert japanese.is_possible_rendering(spelling, name)


def test_a_garble_is_not_a_reading() -> None:
    assert not japanese.is_possible_rendering("Fumia Kishida", "岸田文雄")
    assert not japanese.is_possible_rendering("Fumio Kishda", "岸田文雄")


def test_given_name_first() -> None:
    assert japanese.given_name_first("Shinzo Abe", "安倍晋三") is True
    assert japanese.given_name_first("Abe Shinzo", "安倍晋三") is False
    assert japanese.given_name_first("Shinza Abe", "安倍晋三") is None  # not a reading: cannot tell


def test_same_reading_allows_style_and_order_only() -> None:
    assert japanese.same_reading("Taro Kohno", "Taro Kono")
    assert japanese.same_reading("Kōno Tarō", "Taro Kono")
    assert japanese.same_reading("Kouno Tarou", "Taro Kono")
    # another reading of the same characters is another name
    assert not japanese.same_reading("Akio Toyota", "Akio Toyoda")
    assert not japanese.same_reading("Toshimitsu Mogi", "Toshimitsu Motegi")


def test_customary_candidates_put_the_given_name_first() -> None:
    assert "Yoji Muto" in japanese.customary_candidates("武藤容治")
    assert "Muto Yoji" not in japanese.customary_candidates("武藤容治")


# --- linking -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def linker() -> NameLinker:
    return NameLinker(shipped_lexicon())


def link(linker: NameLinker, source: str, target: str, has_source: bool = True) -> list[NameOccurrence]:
    pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="line 1")
    return linker.link_pair("doc", pair, has_source)


# 武藤容治 is not in the shipped lexicon: only the name dictionary can judge its renderings.
MUTO_ZH = "日本经济产业大臣武藤容治表示，双方将继续合作。"
MUTO_JA = "武藤容治経済産業相は記者団に語った。"


def test_unknown_name_garble_gets_the_customary_reading(linker: NameLinker) -> None:
    [occ] = link(linker, MUTO_ZH, "Japanese Economy Minister Yoji Muta said the two sides would keep working.")
    assert (occ.verdict, occ.standard, occ.source_form) == ("nonstandard", "Yoji Muto", "武藤容治")


@pytest.mark.parametrize(("rendering", "order"), [("Yoji Muto", GIVEN_FIRST), ("Muto Yoji", SURNAME_FIRST)])
def test_unknown_name_readings_are_accepted_in_either_order(linker: NameLinker, rendering: str, order: str) -> None:
    [occ] = link(linker, MUTO_ZH, f"Japanese Economy Minister {rendering} said the two sides would keep working.")
    assert (occ.verdict, occ.order) == ("variant", order)


def test_japanese_source_names_before_their_office(linker: NameLinker) -> None:
    [occ] = link(linker, MUTO_JA, "Economy Minister Mutu Yoji told reporters.")
    # the suggestion keeps the translation's order
    assert (occ.verdict, occ.standard) == ("nonstandard", "Muto Yoji")


def test_lexicon_person_accepts_romanization_styles_not_other_readings(linker: NameLinker) -> None:
    source = "日本外相上川阳子表示，双方将继续合作。"
    [styled] = link(linker, source, "Foreign Minister Youko Kamikawa said so.")
    assert (styled.verdict, styled.order) == ("variant", GIVEN_FIRST)
    [other] = link(linker, source, "Foreign Minister Yoko Kamigawa said so.")
    assert (other.verdict, other.standard) == ("nonstandard", "Yoko Kamikawa")


def test_lexicon_person_order_is_recorded_without_a_source(linker: NameLinker) -> None:
    [occ] = link(linker, "", "Kishida Fumio said so.", has_source=False)
    assert (occ.verdict, occ.order) == ("variant", SURNAME_FIRST)


# --- N004: both orders in one corpus ----------------------------------------------------------------------------


def _occ(rendering: str, doc: str, pair_id: int, order: str) -> NameOccurrence:
    return NameOccurrence(
        rendering, doc, pair_id, f"line {pair_id + 1}", entity=rendering, verdict="variant", order=order
    )


def test_mixed_orders_report_the_minority() -> None:
    occurrences = [
        _occ("Fumio Kishida", "a", 0, GIVEN_FIRST),
        _occ("Taro Kono", "a", 1, GIVEN_FIRST),
        _occ("Kamikawa Yoko", "b", 2, SURNAME_FIRST),
    ]
    findings, _ = corpus_name_pass(occurrences, {})
    [found] = [f for f in findings if f.rule == "N004"]
    assert (found.doc_id, found.evidence, found.suggestion, found.severity) == (
        "b",
        "Kamikawa Yoko",
        "Yoko Kamikawa",
        Severity.WARNING,
    )
    assert "given name first" in found.message


def test_one_order_throughout_is_not_reported() -> None:
    occurrences = [_occ("Kishida Fumio", "a", 0, SURNAME_FIRST), _occ("Kono Taro", "b", 1, SURNAME_FIRST)]
    findings, _ = corpus_name_pass(occurrences, {})
    assert [f for f in findings if f.rule == "N004"] == []


def test_same_name_in_both_orders_is_n004_not_n003() -> None:
    occurrences = [
        _occ("Fumio Kishida", "a", 0, GIVEN_FIRST),
        _occ("Fumio Kishida", "a", 1, GIVEN_FIRST),
        _occ("Kishida Fumio", "b", 2, SURNAME_FIRST),
    ]
    occurrences = [replace(o, entity="fumio-kishida", standard="Fumio Kishida") for o in occurrences]
    findings, _ = corpus_name_pass(occurrences, {})
    assert [f.rule for f in findings] == ["N004"]


def test_places_have_no_order(linker: NameLinker) -> None:
    # 東京 splits into a surname and a given name in the name dictionary; a place still has no name order
    occurrences = link(linker, "尹锡悦抵达东京。", "Yoon Suk-yeol arrived in Tokyo.")
    assert all(o.order == "" for o in occurrences)
