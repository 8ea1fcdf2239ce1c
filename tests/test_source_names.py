"""Tests for names found in a Chinese source by their titles, and the judgement of renderings of names the
lexicon does not know (Korean names read in Korean, with the closest reading as the suggestion)."""

from __future__ import annotations

import pytest

from transcheck.model import AlignedPair
from transcheck.names.lexicon import shipped_lexicon
from transcheck.names.linking import NameLinker
from transcheck.names.source_names import (
    japanese_titled_names,
    source_person_names,
    tagged_chinese_names,
    titled_names,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韩国总统尹锡悦于2023年3月16日抵达东京。", [("尹锡悦", "ko")]),
        ("日本首相岸田文雄在会谈后表示", [("岸田文雄", "ja")]),
        ("朝鲜外相崔善姬周四发表谈话", [("崔善姬", "ko")]),
        ("韩国国务总理韩德洙说", [("韩德洙", "ko")]),  # nested titles 国务总理/总理 give one name
        ("国家主席习近平同韩国总统尹锡悦会谈", [("习近平", "zh"), ("尹锡悦", "ko")]),
        ("韩国总统府发言人金恩慧表示", [("金恩慧", "ko")]),  # 总统府 is not a name: the later title wins
        ("韩国外交部长官朴振与中国外长王毅通电话", [("朴振", "ko"), ("王毅", "zh")]),  # two-character names
        ("三星电子会长李在镕说", [("李在镕", "")]),  # no country: no reading tradition
        ("美国总统拜登", [("拜登", "")]),
        ("双方同意加强合作。", []),
    ],
)
def test_titled_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.form, n.origin) for n in titled_names(text)] == expected


def test_name_start_is_reported() -> None:
    [name] = titled_names("韩国总统尹锡悦说")
    assert "韩国总统尹锡悦说"[name.start : name.start + len(name.form)] == "尹锡悦"


# --- judging renderings of names outside the lexicon ----------------------------------------------------------

SOURCE = "韩国总统府发言人金恩慧表示，双方将继续合作。"  # 金恩慧 is not in the shipped lexicon


def link(target: str) -> list[tuple[str, str, str, str]]:
    pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source=SOURCE, target=target, location="line 1")
    occurrences = NameLinker(shipped_lexicon()).link_pair("doc", pair, has_source=True)
    return [(o.rendering, o.verdict, o.standard, o.entity) for o in occurrences]


def test_the_name_is_outside_the_lexicon() -> None:
    assert not shipped_lexicon().find_in_source(SOURCE)


@pytest.mark.parametrize("rendering", ["Kim Eun-hye", "Kim Eun Hye", "Gim Eun-hye"])
def test_a_reading_of_the_source_name_is_accepted(rendering: str) -> None:
    assert link(f"Presidential spokeswoman {rendering} said the two sides would keep working together.") == [
        (rendering, "variant", "", "src:金恩慧")
    ]


@pytest.mark.parametrize("rendering", ["Kim Eun-hyo", "Kim Eun-hae", "Kim Un-hyi"])
def test_a_garbled_reading_is_nonstandard_with_the_closest_reading_as_suggestion(rendering: str) -> None:
    [(text, verdict, suggestion, entity)] = link(f"Presidential spokeswoman {rendering} said so.")
    assert (text, verdict, entity) == (rendering, "nonstandard", "src:金恩慧")
    assert suggestion.startswith("Kim E") or suggestion.startswith("Kim U")
    assert suggestion in {"Kim Eun-hye", "Kim Eun-hea", "Kim Un-hye"}


def test_a_different_name_is_left_unverified() -> None:
    assert link("Presidential spokeswoman Choi Ji-won said so.") == [("Choi Ji-won", "unverified", "", "")]


def test_a_chinese_name_outside_the_lexicon_is_read_in_pinyin() -> None:
    source = "中国驻美国大使馆发言人刘鹏宇表示，双方将继续合作。"  # 刘鹏宇 (Liu Pengyu) is not in the lexicon
    assert not shipped_lexicon().find_in_source(source)
    assert [(n.form, n.origin) for n in titled_names(source)] == [("刘鹏宇", "zh")]
    linker = NameLinker(shipped_lexicon())

    def judge(target: str) -> tuple[str, str, str]:
        pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="1")
        [occ] = linker.link_pair("doc", pair, has_source=True)
        return occ.verdict, occ.standard, occ.entity

    assert judge("Embassy spokesman Liu Pengyu said so.") == ("variant", "", "src:刘鹏宇")
    assert judge("Embassy spokesman Liu Peng-yu said so.") == ("variant", "", "src:刘鹏宇")
    assert judge("Embassy spokesman Liu Pengyi said so.") == ("nonstandard", "Liu Pengyu", "src:刘鹏宇")


# --- short mentions: one-word places and surnames that look like words -----------------------------------------


def judge(source: str, target: str) -> list[tuple[str, str, str]]:
    pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="1")
    return [(o.rendering, o.verdict, o.standard) for o in NameLinker(shipped_lexicon()).link_pair("d", pair, True)]


def test_one_word_place_garble_is_flagged_against_the_source() -> None:
    source = "数万人周六在首尔市中心举行集会。"
    assert judge(source, "Tens of thousands rallied in central Seol on Saturday.") == [("Seol", "nonstandard", "Seoul")]
    assert judge(source, "Tens of thousands rallied in central Seoul on Saturday.") == [("Seoul", "standard", "Seoul")]
    # without the place in the source, a one-word capitalised word is not a name mention
    assert judge("数万人周六举行集会。", "Tens of thousands rallied in central Seol on Saturday.") == []


def test_surname_that_looks_like_a_pronoun_is_kept() -> None:
    source = "国务院副总理何立峰表示，双方将继续合作。"
    assert judge(source, "Vice Premier He Lifeng said the two sides would keep working together.") == [
        ("He Lifeng", "standard", "He Lifeng")
    ]
    assert judge(source, "Vice Premier He Lifang said the two sides would keep working together.") == [
        ("He Lifang", "nonstandard", "He Lifeng")
    ]


def test_a_garble_that_extends_the_standard_spelling_is_flagged() -> None:
    # "Roh Moo-hyung" contains "Roh Moo-hyun" as a string: a name is rendered only by a whole mention
    assert judge("卢武铉表示，双方将继续合作。", "Roh Moo-hyung said so.") == [
        ("Roh Moo-hyung", "nonstandard", "Roh Moo-hyun")
    ]
    assert judge("比尔·盖茨表示，双方将继续合作。", "Bill Gate said so.") == [
        ("Bill Gate", "nonstandard", "Bill Gates")
    ]


def test_acronyms_stay_inside_a_name() -> None:
    from transcheck.names.mentions import extract_mentions

    assert [m.text for m in extract_mentions("Resolutions of the UN Security Council prohibit it.")] == [
        "UN Security Council"
    ]


def test_diacritics_are_a_house_style() -> None:
    from transcheck.names.lexicon import name_key

    assert name_key("Ichirō Suzuki") == name_key("Ichiro Suzuki")
    assert name_key("Recep Tayyip Erdoğan") == name_key("Recep Tayyip Erdogan")
    assert judge("埃尔多安表示，双方将继续合作。", "Recep Tayyip Erdoğan said so.") == [
        ("Recep Tayyip Erdoğan", "variant", "Recep Tayyip Erdogan")
    ]


def test_without_source_another_romanization_of_a_korean_name_is_not_suspect() -> None:
    pair = AlignedPair(pair_id=0, src_ids=(), tgt_ids=(0,), source="", target="Han Dong-hun said so.", location="1")
    [occ] = NameLinker(shipped_lexicon()).link_pair("d", pair, has_source=False)
    assert (occ.verdict, occ.standard) == ("variant", "Han Dong-hoon")
    garbled = AlignedPair(pair_id=0, src_ids=(), tgt_ids=(0,), source="", target="Han Dong-hwan said so.", location="1")
    [occ] = NameLinker(shipped_lexicon()).link_pair("d", garbled, has_source=False)
    assert (occ.verdict, occ.standard) == ("suspect", "Han Dong-hoon")


def test_the_only_name_left_on_each_side_is_matched() -> None:
    # "Wang Ye" is too short for the similarity gate, but it is the only unexplained mention and 王毅 the
    # only unrendered name of the source
    assert judge("王毅表示，双方将继续合作。", "Wang Ye said the two sides would keep working together.") == [
        ("Wang Ye", "nonstandard", "Wang Yi")
    ]
    # with a second unexplained mention nothing is guessed
    assert [v for _, v, _ in judge("王毅表示，双方将继续合作。", "Wang Ye told Maria Lopez so.")] == [
        "unverified",
        "unverified",
    ]
    # a wholly different spelling is not matched
    assert judge("王毅表示，双方将继续合作。", "Christopher Columbus said so.") == [
        ("Christopher Columbus", "unverified", "")
    ]


def test_vietnamese_letters_stay_inside_a_name() -> None:
    assert judge("范明政表示，双方将继续合作。", "Prime Minister Phạm Minh Chính said so.") == [
        ("Phạm Minh Chính", "variant", "Pham Minh Chinh")
    ]


@pytest.mark.parametrize(
    ("source", "rendering", "verdict", "standard"),
    [
        ("习近平表示，双方将继续合作。", "Jinping Xi", "swapped", "Xi Jinping"),
        ("朝鲜领导人金正恩表示", "Jong Un Kim", "swapped", "Kim Jong Un"),
        ("尹锡悦表示，双方将继续合作。", "Suk-yeol Yoon", "swapped", "Yoon Suk-yeol"),
        ("岸田文雄表示，双方将继续合作。", "Kishida Fumio", "variant", "Fumio Kishida"),  # both orders are used
    ],
)
def test_order_swapped_names(source: str, rendering: str, verdict: str, standard: str) -> None:
    assert judge(source, f"{rendering} said the two sides would keep working together.") == [
        (rendering, verdict, standard)
    ]


def test_a_swapped_name_is_a_warning() -> None:
    from transcheck.checks.names import occurrence_findings

    pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source="习近平说", target="Jinping Xi said", location="1")
    occurrences = NameLinker(shipped_lexicon()).link_pair("d", pair, True)
    [finding] = occurrence_findings(occurrences, {("d", 0): (pair.source, pair.target)})
    assert (finding.rule, finding.severity.value, finding.suggestion) == ("N001", "warning", "Xi Jinping")


def test_without_source_a_pronoun_like_surname_is_kept() -> None:
    linker = NameLinker(shipped_lexicon())

    def alone(target: str) -> list[tuple[str, str, str]]:
        pair = AlignedPair(pair_id=0, src_ids=(), tgt_ids=(0,), source="", target=target, location="1")
        return [(o.rendering, o.verdict, o.standard) for o in linker.link_pair("d", pair, has_source=False)]

    assert alone("Vice Premier He Lifeng said so.") == [("He Lifeng", "standard", "He Lifeng")]
    assert alone("Vice Premier He Lifen said so.") == [("He Lifen", "suspect", "He Lifeng")]
    # a pinyin name a vowel away is another person as far as anyone can tell without the source
    assert alone("Vice Premier He Lifang said so.") == [("He Lifang", "unverified", "")]


# --- Japanese names before their office, Chinese names by their person-name tag ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岸田文雄首相は記者団に語った。", [("岸田文雄", 0)]),
        ("日本政府の河野太郎氏が述べた。", [("河野太郎", 5)]),
        ("武藤容治経済産業相は語った。", [("武藤容治", 0)]),  # a ministry before 相
        ("河野太郎さんと会った。", [("河野太郎", 0)]),  # a kana honorific
        ("自民党の岸田首相は語った。", []),  # a surname alone cannot be checked as a full name
        ("日本首相岸田文雄表示", []),  # no kana: not Japanese text
    ],
)
def test_japanese_titled_names(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(n.form, n.start) for n in japanese_titled_names(text)] == expected
    assert all(n.origin == "ja" for n in japanese_titled_names(text))


def test_tagged_chinese_names_need_a_common_surname() -> None:
    names = tagged_chinese_names("据邵万生介绍，张芳芳和特朗普都来了。")
    assert [(n.form, n.origin) for n in names] == [("邵万生", "zh"), ("张芳芳", "zh")]
    assert tagged_chinese_names("岸田文雄首相は語った。") == []  # kana: not Chinese text


def test_source_person_names_take_the_origin_from_the_tagger_when_the_title_has_none() -> None:
    names = source_person_names("国务院副总理刘鹤和美国贸易代表举行会谈。")
    assert [(n.form, n.origin) for n in names] == [("刘鹤", "zh")]


def test_untitled_chinese_name_garble_is_judged_by_its_pinyin() -> None:
    linker = NameLinker(shipped_lexicon())
    pair = AlignedPair(0, (0,), (0,), "魏家祥表示，双方将继续合作。", "Wei Jiaxian said the two sides would go on.")
    [occ] = linker.link_pair("doc", pair, True)
    assert (occ.verdict, occ.standard, occ.source_form) == ("nonstandard", "Wei Jiaxiang", "魏家祥")
