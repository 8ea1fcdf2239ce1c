"""Tests for transcheck.names (mentions, lexicon keys, linking) and the corpus-wide name rules N002/N003."""

from __future__ import annotations

import pytest

from transcheck.checks.names import corpus_name_pass, occurrence_findings
from transcheck.model import AlignedPair, Severity
from transcheck.names.lexicon import NameEntry, NameLexicon, name_key
from transcheck.names.linking import NameLinker, NameOccurrence, given_name_similarity
from transcheck.names.mentions import extract_mentions
from transcheck.text.script import han_runs

# --- mentions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("South Korean President Yoon Suk-yeol's visit was short.", ["Yoon Suk-yeol"]),
        ("Japanese Prime Minister Fumio Kishida met him.", ["Fumio Kishida"]),
        ("North Korean leader Kim Jong Un watched the launch.", ["Kim Jong Un"]),
        ("Kim Jong Un watched the launch.", ["Kim Jong Un"]),
        ("J. R. Smith scored 20 points.", ["J. R. Smith"]),
        ("Samsung Electronics chairman Lee Jae-yong said so.", ["Lee Jae-yong"]),
        ("He met Kim Jong Un and Yoon Suk-yeol.", ["Kim Jong Un", "Yoon Suk-yeol"]),
        ("Yoon Suk Yeol’s plan failed.", ["Yoon Suk Yeol"]),
        ("According to Lee Jae-myung, it failed.", ["Lee Jae-myung"]),
        ("Ludwig van Beethoven wrote it.", ["Ludwig van Beethoven"]),
        ("Dr. Jane Smith agreed.", ["Jane Smith"]),
        ("The talks went well.", []),
        ("President Yoon arrived.", []),  # one word left after the title
    ],
)
def test_extract_mentions(text: str, names: list[str]) -> None:
    assert [m.text for m in extract_mentions(text)] == names


def test_mention_offsets() -> None:
    text = "South Korean President Yoon Suk-yeol's visit"
    [mention] = extract_mentions(text)
    assert text[mention.start : mention.end] == "Yoon Suk-yeol"


def test_single_word_mentions_on_request() -> None:
    assert [m.text for m in extract_mentions("President Yoon arrived.", min_words=1)] == ["Yoon"]


# --- lexicon -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rendering", ["Yoon Suk Yeol", "yoon suk-yeol", "Yoon Suk‐yeol", "YOON SUKYEOL"])
def test_name_key_ignores_case_hyphens_and_spaces(rendering: str) -> None:
    assert name_key(rendering) == name_key("Yoon Suk-yeol") == "yoonsukyeol"


def test_name_key_keeps_letters() -> None:
    assert name_key("O’Brien") == name_key("O'Brien") == "obrien"
    assert name_key("J. R. Smith") == "jrsmith"
    assert name_key("Kim Jong Un") != name_key("Kim Jong Il")


def entry(id_: str, form: str, english: str, *variants: str) -> NameEntry:
    return NameEntry(
        id=id_, kind="person", origin="KR", source_forms=(form,), english=english, variants=tuple(variants)
    )


LEXICON = NameLexicon(
    [
        entry("yoon", "尹锡悦", "Yoon Suk-yeol", "Yoon Suk Yeol"),
        entry("kju", "金正恩", "Kim Jong Un"),
        entry("kji", "金正日", "Kim Jong Il"),
        entry("ljm", "李在明", "Lee Jae-myung"),
        entry("ljy", "李在镕", "Lee Jae-yong"),
    ]
)


def test_lexicon_lookups() -> None:
    assert {e.id for e in LEXICON.by_rendering("yoon suk yeol")} == {"yoon"}
    assert {e.id for e in LEXICON.by_rendering("Kim Jong Il")} == {"kji"}
    assert LEXICON.by_rendering("Yoon Suk-yue") == []
    assert [(form, e.id) for form, e in LEXICON.find_in_source("金正恩会见了尹锡悦。")] == [
        ("金正恩", "kju"),
        ("尹锡悦", "yoon"),
    ]
    assert NameLexicon([]).find_in_source("金正恩") == []


def test_lexicon_overrides_replace_by_id_or_english() -> None:
    updated = LEXICON.with_overrides([entry("yoon", "尹锡悦", "Yoon Seok-yeol")])
    assert [e.english for e in updated.by_rendering("Yoon Seok-yeol")] == ["Yoon Seok-yeol"]
    assert updated.by_rendering("Yoon Suk-yeol") == []
    assert len(updated.entries) == len(LEXICON.entries)


def test_given_name_similarity_needs_the_surname() -> None:
    assert given_name_similarity("Yoon Suk-yue", "Yoon Suk-yeol") >= 0.6
    assert given_name_similarity("Park Ji-sung", "Yoon Suk-yeol") == 0.0
    assert given_name_similarity("Park Suk-yeol", "Yoon Suk-yeol") < 0.6
    assert given_name_similarity("Yoon", "Yoon Suk-yeol") == 0.0


# --- linking -----------------------------------------------------------------------------------------------


def aligned(source: str, target: str) -> AlignedPair:
    return AlignedPair(pair_id=3, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="line 4")


def link(source: str, target: str, has_source: bool = True) -> list[NameOccurrence]:
    return NameLinker(LEXICON).link_pair("doc", aligned(source, target), has_source)


YOON_SRC = "韩国总统尹锡悦周四抵达东京。"


def test_standard_rendering() -> None:
    [occ] = link(YOON_SRC, "President Yoon Suk-yeol arrived in Tokyo.")
    assert (occ.verdict, occ.entity, occ.standard, occ.source_form) == ("standard", "yoon", "Yoon Suk-yeol", "尹锡悦")
    assert (occ.doc_id, occ.pair_id, occ.location) == ("doc", 3, "line 4")
    assert occ.source_han == ("韩国总统尹锡悦周四抵达东京",)


def test_accepted_variant() -> None:
    [occ] = link(YOON_SRC, "President Yoon Suk Yeol arrived in Tokyo.")
    assert (occ.verdict, occ.entity, occ.rendering) == ("variant", "yoon", "Yoon Suk Yeol")


def test_garbled_rendering_with_source_is_nonstandard() -> None:
    [occ] = link(YOON_SRC, "President Yoon Suk-yue arrived in Tokyo.")
    assert (occ.verdict, occ.entity, occ.standard, occ.source_form) == (
        "nonstandard",
        "yoon",
        "Yoon Suk-yeol",
        "尹锡悦",
    )


@pytest.mark.parametrize("rendering", ["Yun Seok-yeol", "Yoon Seok-yeol", "Yun Suk-yeol"])
def test_other_romanization_of_a_korean_name_is_a_variant(rendering: str) -> None:
    [occ] = link(YOON_SRC, f"President {rendering} arrived in Tokyo.")
    assert (occ.verdict, occ.entity, occ.standard, occ.rendering) == ("variant", "yoon", "Yoon Suk-yeol", rendering)


@pytest.mark.parametrize("rendering", ["Yoon Suk-yue", "Yoon Suk-yeal", "Yoon Sak-yeol"])
def test_impossible_reading_of_a_korean_name_stays_nonstandard(rendering: str) -> None:
    occurrences = link(YOON_SRC, f"President {rendering} arrived in Tokyo.")
    assert [(o.verdict, o.entity) for o in occurrences] == [("nonstandard", "yoon")]


def test_garbled_rendering_without_source_is_suspect() -> None:
    [occ] = link("", "President Yoon Suk-yue arrived in Tokyo.", has_source=False)
    assert (occ.verdict, occ.entity, occ.standard, occ.source_form) == ("suspect", "yoon", "Yoon Suk-yeol", "")


def test_garble_of_a_name_absent_from_the_source_is_unverified() -> None:
    [occ] = link("韩国总统周四抵达东京。", "President Yoon Suk-yue arrived in Tokyo.")
    assert (occ.verdict, occ.entity) == ("unverified", "")


def test_unknown_name_is_unverified() -> None:
    [occ] = link(YOON_SRC, "Officials met John Smith in Tokyo.")
    assert (occ.rendering, occ.verdict, occ.entity, occ.standard) == ("John Smith", "unverified", "", "")


def test_distant_name_without_source_is_not_suspect() -> None:
    [occ] = link("", "Kim Jong Am spoke.", has_source=False)
    assert occ.verdict == "unverified"


def test_lee_jae_yong_garble_links_to_the_person_in_the_source() -> None:
    [occ] = link("三星电子会长李在镕说", "Samsung Electronics chairman Lee Jae-yung said")
    assert (occ.verdict, occ.entity, occ.standard) == ("nonstandard", "ljy", "Lee Jae-yong")
    [occ] = link("李在明说", "Lee Jae-myong said")  # a McCune–Reischauer-style reading of 명: accepted
    assert (occ.verdict, occ.entity, occ.standard) == ("variant", "ljm", "Lee Jae-myung")
    [occ] = link("李在明说", "Lee Jae-myang said")
    assert (occ.verdict, occ.entity, occ.standard) == ("nonstandard", "ljm", "Lee Jae-myung")


def test_no_mentions_no_occurrences() -> None:
    assert link(YOON_SRC, "The president arrived.") == []


def test_other_persons_name_for_the_source_name_is_nonstandard() -> None:
    [occ] = link("三星电子会长李在镕说", "Samsung Electronics chairman Lee Jae-myung said")
    assert (occ.verdict, occ.standard, occ.source_form) == ("nonstandard", "Lee Jae-yong", "李在镕")
    [occ] = link("朝鲜领导人金正恩表示", "North Korean leader Kim Jong Il said")
    assert (occ.verdict, occ.standard) == ("nonstandard", "Kim Jong Un")


def test_two_people_in_the_source_both_rendered_stay_standard() -> None:
    occurrences = link("李在明和李在镕会面", "Lee Jae-myung met Lee Jae-yong")
    assert [(o.rendering, o.verdict) for o in occurrences] == [
        ("Lee Jae-myung", "standard"),
        ("Lee Jae-yong", "standard"),
    ]


def test_occurrence_findings() -> None:
    nonstandard = link(YOON_SRC, "President Yoon Suk-yue arrived in Tokyo.")
    suspect = link("", "President Yoon Suk-yue arrived in Tokyo.", has_source=False)
    fine = link(YOON_SRC, "President Yoon Suk-yeol arrived in Tokyo.")
    text = {("doc", 3): (YOON_SRC, "President Yoon Suk-yue arrived in Tokyo.")}
    found = occurrence_findings([*nonstandard, *suspect, *fine], text)
    assert [(f.rule, f.severity, f.suggestion, f.evidence) for f in found] == [
        ("N001", Severity.ERROR, "Yoon Suk-yeol", "Yoon Suk-yue"),
        ("N001", Severity.WARNING, "Yoon Suk-yeol", "Yoon Suk-yue"),
    ]
    assert found[0].source == YOON_SRC and found[0].pair_id == 3


# --- corpus pass -------------------------------------------------------------------------------------------


def corpus(*rows: tuple[str, str, str, str], **extra: str) -> tuple[list[NameOccurrence], dict]:
    """Occurrences from (doc, source, target, rendering) rows, one pair each, without a lexicon."""
    occurrences, pair_text = [], {}
    for k, (doc, source, target, rendering) in enumerate(rows):
        occurrences.append(
            NameOccurrence(rendering, doc, k, f"line {k + 1}", source_han=tuple(han_runs(source, 2)), **extra)
        )
        pair_text[(doc, k)] = (source, target)
    return occurrences, pair_text


YOON_ROWS = [
    ("a", "尹锡悦周四抵达东京。", "Yoon Suk-yeol arrived in Tokyo.", "Yoon Suk-yeol"),
    ("a", "尹锡悦与岸田文雄会谈。", "Yoon Suk-yeol held talks with Kishida.", "Yoon Suk-yeol"),
    ("b", "尹锡悦返回首尔。", "Yoon Suk-yeol returned to Seoul.", "Yoon Suk-yeol"),
]


def test_rare_rendering_beside_the_dominant_anchor_is_n002() -> None:
    occurrences, text = corpus(*YOON_ROWS, ("b", "尹锡悦发表讲话。", "Yoon Seok-yeol gave a speech.", "Yoon Seok-yeol"))
    findings, families = corpus_name_pass(occurrences, text)
    [found] = findings
    assert (found.rule, found.severity, found.evidence, found.suggestion) == (
        "N002",
        Severity.WARNING,
        "Yoon Seok-yeol",
        "Yoon Suk-yeol",
    )
    assert (found.doc_id, found.pair_id, found.location) == ("b", 3, "line 4")
    assert found.target == "Yoon Seok-yeol gave a speech."
    assert "尹锡悦" in found.message
    [family] = families
    assert family.dominant == "Yoon Suk-yeol" and family.verdict == "inconsistent"
    assert family.source_forms == ("尹锡悦",)
    assert family.renderings == (("Yoon Suk-yeol", 3, ("a", "b")), ("Yoon Seok-yeol", 1, ("b",)))


def test_rare_rendering_with_another_source_name_is_not_merged() -> None:
    occurrences, text = corpus(*YOON_ROWS, ("b", "尹锡烈发表讲话。", "Yoon Seok-yeol gave a speech.", "Yoon Seok-yeol"))
    assert corpus_name_pass(occurrences, text) == ([], [])


def test_two_names_in_one_sentence_are_not_merged() -> None:
    row = ("b", "尹锡悦会见了尹锡烈。", "Yoon Suk-yeol met Yoon Seok-yeol.", "Yoon Seok-yeol")
    occurrences, text = corpus(*YOON_ROWS, row)
    assert corpus_name_pass(occurrences, text)[0] == []


def test_kim_jong_il_is_never_merged_with_kim_jong_un() -> None:
    occurrences, text = corpus(
        ("a", "金正恩视察工厂。", "Kim Jong Un inspected a factory.", "Kim Jong Un"),
        ("a", "金正恩观看导弹发射。", "Kim Jong Un watched the launch.", "Kim Jong Un"),
        ("b", "金正恩发表新年讲话。", "Kim Jong Un gave a new year speech.", "Kim Jong Un"),
        ("b", "金正日于2011年去世。", "Kim Jong Il died in 2011.", "Kim Jong Il"),
    )
    assert given_name_similarity("Kim Jong Il", "Kim Jong Un") >= 0.6  # alike in spelling
    assert corpus_name_pass(occurrences, text) == ([], [])


def test_lee_jae_yong_is_never_merged_with_lee_jae_myung() -> None:
    occurrences, text = corpus(
        ("a", "民主党党首李在明批评政府。", "Democratic Party leader Lee Jae-myung criticised it.", "Lee Jae-myung"),
        ("a", "李在明表示反对。", "Lee Jae-myung said he opposed it.", "Lee Jae-myung"),
        ("b", "李在明出席集会。", "Lee Jae-myung attended the rally.", "Lee Jae-myung"),
        ("b", "三星电子会长李在镕访问美国。", "Samsung chairman Lee Jae-yong visited the US.", "Lee Jae-yong"),
    )
    assert corpus_name_pass(occurrences, text) == ([], [])


def test_shared_context_does_not_merge_different_people() -> None:
    occurrences, text = corpus(
        ("a", "朝鲜领导人金正恩视察工厂。", "North Korean leader Kim Jong Un inspected a factory.", "Kim Jong Un"),
        ("a", "朝鲜领导人金正恩观看导弹发射。", "North Korean leader Kim Jong Un watched it.", "Kim Jong Un"),
        ("b", "朝鲜领导人金正恩发表讲话。", "North Korean leader Kim Jong Un gave a speech.", "Kim Jong Un"),
        ("b", "前朝鲜领导人金正日于2011年去世。", "Former leader Kim Jong Il died in 2011.", "Kim Jong Il"),
    )
    assert corpus_name_pass(occurrences, text)[0] == []


def test_accepted_variants_mixed_is_n003() -> None:
    linked = {"entity": "yoon", "standard": "Yoon Suk-yeol", "source_form": "尹锡悦"}
    standard, _ = corpus(*YOON_ROWS[:2], verdict="standard", **linked)
    variant = [NameOccurrence("Yoon Suk Yeol", "b", 7, "line 8", verdict="variant", **linked)]
    text = {("b", 7): ("尹锡悦返回首尔。", "Yoon Suk Yeol returned to Seoul.")}
    findings, families = corpus_name_pass([*standard, *variant], text)
    [found] = findings
    assert (found.rule, found.severity, found.evidence, found.suggestion) == (
        "N003",
        Severity.INFO,
        "Yoon Suk Yeol",
        "Yoon Suk-yeol",
    )
    assert (found.doc_id, found.pair_id) == ("b", 7)
    [family] = families
    assert (family.key, family.verdict, family.standard, family.dominant) == (
        "yoon",
        "mixed",
        "Yoon Suk-yeol",
        "Yoon Suk-yeol",
    )


def test_consistent_standard_family_has_no_findings() -> None:
    linked = {"entity": "yoon", "standard": "Yoon Suk-yeol", "source_form": "尹锡悦"}
    occurrences, text = corpus(*YOON_ROWS, verdict="standard", **linked)
    findings, families = corpus_name_pass(occurrences, text)
    assert findings == []
    assert [(f.key, f.verdict) for f in families] == [("yoon", "consistent")]


def test_nonstandard_in_family_marks_the_family() -> None:
    linked = {"entity": "yoon", "standard": "Yoon Suk-yeol", "source_form": "尹锡悦"}
    good, _ = corpus(*YOON_ROWS[:2], verdict="standard", **linked)
    bad = NameOccurrence("Yoon Suk-yue", "b", 9, "line 10", verdict="nonstandard", **linked)
    findings, families = corpus_name_pass([*good, bad], {})
    assert findings == []  # N001 comes from occurrence_findings, not from the corpus pass
    assert families[0].verdict == "nonstandard"


def test_corpus_pass_on_nothing() -> None:
    assert corpus_name_pass([], {}) == ([], [])


def test_by_rendering_lists_each_entry_once_when_variants_share_a_key() -> None:
    entry = NameEntry("yoon", "person", "ko", ("尹锡悦",), "Yoon Suk-yeol", ("Yoon Suk Yeol",))
    assert NameLexicon([entry]).by_rendering("Yoon Suk Yeol") == [entry]


def test_long_name_glossed_with_its_short_form_is_not_mixed_spelling() -> None:
    linked = {"entity": "yoon", "standard": "Yoon Suk-yeol", "source_form": "尹锡悦"}
    standard, _ = corpus(*YOON_ROWS[:2], verdict="standard", **linked)
    glossed = [NameOccurrence("President Yoon", "b", 7, "line 8", verdict="variant", **linked)]
    text = {("b", 7): ("尹锡悦返回首尔。", "President Yoon (Yoon Suk-yeol) returned to Seoul.")}
    findings, _ = corpus_name_pass([*standard, *glossed], text)
    assert [f.rule for f in findings] == []


def test_names_that_differ_by_a_whole_word_are_different_families() -> None:
    airport = "北京国际机场"
    rows = [
        (
            "a",
            f"{airport}航班恢复。",
            "Flights resumed at Beijing Daxing International Airport.",
            "Beijing Daxing International Airport",
        ),
        (
            "b",
            f"{airport}航班恢复。",
            "Flights resumed at Beijing Daxing International Airport.",
            "Beijing Daxing International Airport",
        ),
        (
            "c",
            f"{airport}航班恢复。",
            "Flights resumed at Beijing Capital International Airport.",
            "Beijing Capital International Airport",
        ),
    ]
    occurrences, text = corpus(*rows)
    findings, _ = corpus_name_pass(occurrences, text)
    assert findings == []
    # a near spelling of one word is still a stray rendering of the same name
    garbled = [
        *rows[:2],
        (
            "c",
            f"{airport}航班恢复。",
            "Flights resumed at Beijing Daxin International Airport.",
            "Beijing Daxin International Airport",
        ),
    ]
    occurrences, text = corpus(*garbled)
    findings, _ = corpus_name_pass(occurrences, text)
    assert [(f.rule, f.evidence, f.suggestion) for f in findings] == [
        ("N002", "Beijing Daxin International Airport", "Beijing Daxing International Airport")
    ]


# --- without a source: one-word names -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_linker() -> NameLinker:
    from transcheck.names.lexicon import shipped_lexicon

    return NameLinker(shipped_lexicon())


def _target_only(linker: NameLinker, target: str) -> list[NameOccurrence]:
    return linker.link_pair("doc", AlignedPair(0, (), (0,), "", target), False)


def test_target_only_misspelt_city_is_suspect(shipped_linker: NameLinker) -> None:
    [occ] = _target_only(shipped_linker, "Officials in Bejing said the talks would resume.")
    assert (occ.rendering, occ.verdict, occ.standard) == ("Bejing", "suspect", "Beijing")


@pytest.mark.parametrize(
    "target",
    [
        "Officials in Kyoto said the talks would resume.",  # another city, a word of CC-CEDICT's glosses
        "Routers were replaced overnight.",  # an English word in the plural
        "Hiroshi said the talks would resume.",  # a Japanese given name, not a garbled Hiroshima
        "Officials in Xing'an said the talks would resume.",  # a pinyin place name with its apostrophe
    ],
)
def test_target_only_real_words_and_names_are_not_suspects(shipped_linker: NameLinker, target: str) -> None:
    assert all(o.verdict != "suspect" for o in _target_only(shipped_linker, target))


def test_target_only_other_pinyin_name_is_not_a_suspect(shipped_linker: NameLinker) -> None:
    # as close to Wang Yang as a garble would be, but an ordinary pinyin name: without a source, another person
    assert all(o.verdict != "suspect" for o in _target_only(shipped_linker, "Wang Yong said the plan would work."))
    # a letter away from a lexicon name is still suspected
    [occ] = _target_only(shipped_linker, "Xi Jinpin said the plan would work.")
    assert (occ.verdict, occ.standard) == ("suspect", "Xi Jinping")
