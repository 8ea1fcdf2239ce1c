"""Tests for transcheck.checks: numbers (D), language (L), alignment (A), glossary terms (T), rule catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import transcheck
from transcheck.checks.alignment import check_pair_alignment
from transcheck.checks.language import check_pair_language
from transcheck.checks.numbers import check_pair_numbers
from transcheck.checks.rules import RULES, rule
from transcheck.checks.terms import GlossaryChecker, GlossaryError, Term, read_glossary
from transcheck.model import AlignedPair, Finding, Severity


def pair(
    source: str,
    target: str,
    src_ids: tuple[int, ...] = (0,),
    tgt_ids: tuple[int, ...] = (0,),
    score: float = 1.0,
    pair_id: int = 4,
) -> AlignedPair:
    return AlignedPair(
        pair_id=pair_id, src_ids=src_ids, tgt_ids=tgt_ids, source=source, target=target, score=score, location="line 5"
    )


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def numbers(source: str, target: str, src_lang: str = "zh", tgt_lang: str = "en") -> list[Finding]:
    return check_pair_numbers("doc", pair(source, target), src_lang, tgt_lang)


# --- numbers -----------------------------------------------------------------------------------------------


def test_changed_value_is_d003_with_source_value_as_suggestion() -> None:
    [found] = numbers("约有3万人参加集会。", "About 3,000 people attended the rally.")
    assert found.rule == "D003"
    assert found.severity is Severity.ERROR
    assert found.suggestion == "30,000"
    assert found.evidence == "3,000"
    assert "3万" in found.message and "30,000" in found.message
    assert (found.doc_id, found.pair_id, found.location) == ("doc", 4, "line 5")
    assert found.source == "约有3万人参加集会。"
    assert found.target == "About 3,000 people attended the rally."


def test_changed_percent_keeps_the_percent_sign() -> None:
    [found] = numbers("支持率为百分之三十。", "Approval stood at 13%.")
    assert (found.rule, found.suggestion) == ("D003", "30%")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("韩国将投资1,500亿韩元。", "South Korea will invest 150 billion won."),
        ("2023年3月16日，尹锡悦抵达东京。", "On March 16, 2023, Yoon arrived in Tokyo."),
        ("两国关系紧张。", "Relations between the two countries are tense."),
        ("约有3万人参加集会。", "About 30,000 people attended the rally."),
        ("增长了百分之三十。", "It grew 30%."),
        ("增长了3.5%。", "It grew 3.5 percent."),
        ("七国集团峰会在广岛举行。", "The G7 summit was held in Hiroshima."),
        ("朝鲜发射了火星-17导弹。", "North Korea launched a Hwasong-17 missile."),
        ("这是十二年来的首次访问。", "It is the first visit in twelve years."),
        ("投资１５亿美元。", "An investment of 1.5 billion dollars."),
        ("会议下午3点开始。", "The meeting starts at 3 p.m."),
    ],
)
def test_same_values_written_differently_are_not_flagged(source: str, target: str) -> None:
    assert numbers(source, target) == []


def test_missing_number_is_d001() -> None:
    [found] = numbers("他买了5个苹果。", "He bought some apples.")
    assert (found.rule, found.severity, found.evidence, found.suggestion) == ("D001", Severity.ERROR, "5", "5")


def test_added_number_is_d002_warning() -> None:
    [found] = numbers("他买了苹果。", "He bought 5 apples.")
    assert (found.rule, found.severity, found.evidence) == ("D002", Severity.WARNING, "5")


def test_missing_and_added_pair_up_as_changes_and_the_rest_is_missing() -> None:
    found = numbers("有5人、7人和9人。", "There were 5 and 8 people.")
    assert rules_of(found) == ["D003", "D001"]
    assert found[0].suggestion == "7" and found[0].evidence == "8"
    assert found[1].evidence == "9"


def test_repeated_number_is_reported_once() -> None:
    assert rules_of(numbers("5人和5人", "people")) == ["D001"]


def test_english_to_german_numbers() -> None:
    assert (
        numbers("Prices rose 3.5% to 1,000.5 euros.", "Die Preise stiegen um 3,5 % auf 1.000,5 Euro.", "en", "de") == []
    )
    assert rules_of(numbers("Prices rose 3.5%.", "Die Preise stiegen um 5,3 %.", "en", "de")) == ["D003"]


def test_pm_time_matches_24_hour_clock() -> None:
    assert numbers("会议15点开始。", "The meeting starts at 3 p.m.") == []


def test_compound_chinese_number_matches_its_english_value() -> None:
    assert numbers("投资1亿2000万美元。", "An investment of 120 million dollars.") == []


# --- language ----------------------------------------------------------------------------------------------


def language(source: str, target: str, src_lang: str = "zh", tgt_lang: str = "en") -> list[Finding]:
    return check_pair_language("doc", pair(source, target), [target], src_lang, tgt_lang)


def test_chinese_sentence_left_in_english_translation_is_l002() -> None:
    [found] = language("韩国总统尹锡悦周四抵达东京。", "这是韩国领导人十二年来首次对日本进行双边访问。")
    assert found.rule == "L002" and found.severity is Severity.ERROR
    assert found.evidence == "这是韩国领导人十二年来首次对日本进行双边访问。"
    assert "(zh)" in found.message


def test_copied_chinese_source_is_l002() -> None:
    text = "韩国总统尹锡悦周四抵达东京，开始为期两天的访问。"
    assert rules_of(language(text, text)) == ["L002"]


@pytest.mark.parametrize("text", ["Click Save to store your changes.", "Open the Settings page."])
def test_english_target_identical_to_english_source_is_l002_in_en_to_zh(text: str) -> None:
    [found] = language(text, text, "en", "zh")
    assert found.rule == "L002"
    assert "(en)" in found.message


def test_long_english_target_in_en_to_zh_is_l002() -> None:
    target = "The settings page lets you change the language of the interface at any time."
    assert rules_of(language("设置页面可以让您随时更改界面语言。", target, "en", "zh")) == ["L002"]


def test_chinese_characters_inside_english_sentence_are_l003() -> None:
    found = language("韩国总统尹锡悦周四抵达东京。", "South Korean President 尹锡悦 arrived in 东京 on Thursday.")
    assert rules_of(found) == ["L003", "L003"]
    assert [f.evidence for f in found] == ["尹锡悦", "东京"]
    assert all(f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize(
    "target",
    ["South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday for a two-day visit.", "OK.", "Yes", "G7", ""],
)
def test_normal_or_short_english_sentence_is_fine(target: str) -> None:
    assert language("韩国总统尹锡悦周四抵达东京。", target) == []


def test_other_language_in_target_is_l001() -> None:
    target = "Le président sud-coréen est arrivé à Tokyo jeudi pour une visite de deux jours."
    [found] = language("韩国总统尹锡悦周四抵达东京。", target)
    assert found.rule == "L001"
    assert "fr" in found.message


def test_korean_in_english_translation_of_chinese_is_l001() -> None:
    assert rules_of(language("韩国总统抵达东京。", "한국 대통령이 도쿄에 도착했다.")) == ["L001"]


def test_german_translation_is_fine() -> None:
    assert (
        language(
            "The president arrived in Tokyo on Thursday for a two-day visit.",
            "Der Präsident ist am Donnerstag zu einem zweitägigen Besuch in Tokio eingetroffen.",
            "en",
            "de",
        )
        == []
    )


def test_each_target_sentence_is_judged() -> None:
    p = pair("韩国总统抵达东京。他说很好。", "The president arrived in Tokyo. 他说很好。")
    found = check_pair_language("doc", p, ["The president arrived in Tokyo.", "他说很好。"], "zh", "en")
    assert rules_of(found) == ["L002"]
    assert found[0].evidence == "他说很好。"


# --- alignment ---------------------------------------------------------------------------------------------


def test_one_to_zero_is_a001_error_when_confident() -> None:
    source = "韩国总统尹锡悦周四抵达东京。"
    [found] = check_pair_alignment("doc", pair(source, "", (3,), (), score=0.9))
    assert (found.rule, found.severity, found.evidence) == ("A001", Severity.ERROR, source)


def test_one_to_zero_is_a_warning_when_unsure() -> None:
    [found] = check_pair_alignment("doc", pair("韩国总统尹锡悦周四抵达东京。", "", (3,), (), score=0.2))
    assert (found.rule, found.severity) == ("A001", Severity.WARNING)


def test_zero_to_one_is_a002() -> None:
    [found] = check_pair_alignment("doc", pair("", "Photo: Reuters", (), (2,)))
    assert (found.rule, found.severity, found.evidence) == ("A002", Severity.WARNING, "Photo: Reuters")


@pytest.mark.parametrize(
    ("source", "target", "src_ids", "tgt_ids"),
    [("。", "", (0,), ()), ("", "—", (), (0,)), ("", "* * *", (), (0,)), ("12.", "", (0,), ())],
)
def test_punctuation_only_null_links_are_ignored(
    source: str, target: str, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]
) -> None:
    assert check_pair_alignment("doc", pair(source, target, src_ids, tgt_ids)) == []


def test_matched_pair_has_no_alignment_finding() -> None:
    assert check_pair_alignment("doc", pair("韩国总统抵达东京。", "The president arrived.", (0, 1), (0,))) == []


# --- glossary ----------------------------------------------------------------------------------------------

TERMS = [
    Term("半导体", ("semiconductor", "chip")),
    Term("外交部", ("foreign ministry",)),
    Term("强制劳工", ("forced labour", "forced labor")),
]


def terms(source: str, target: str) -> list[Finding]:
    return GlossaryChecker(TERMS, "en").check_pair("doc", pair(source, target))


def test_missing_rendering_is_t001() -> None:
    [found] = terms("半导体出口增长。", "Exports of wafers rose.")
    assert (found.rule, found.severity, found.evidence, found.suggestion) == (
        "T001",
        Severity.WARNING,
        "半导体",
        "semiconductor",
    )
    assert "'semiconductor' or 'chip'" in found.message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("半导体出口增长。", "Exports of semiconductors rose."),
        ("半导体出口增长。", "Exports of chips rose."),
        ("外交部表示", "The Foreign Ministry's spokesman said."),
        ("外交部表示", "THE FOREIGN MINISTRY SAID"),
        ("外交部表示", "The foreign ministry’s statement"),
        ("强制劳工", "victims of forced labor"),
        ("没有术语", "Nothing to check here."),
    ],
)
def test_plural_possessive_case_and_alternatives_are_tolerated(source: str, target: str) -> None:
    assert terms(source, target) == []


def test_rendering_must_be_a_whole_word() -> None:
    assert rules_of(terms("半导体", "semiconductorX makers")) == ["T001"]


def test_y_to_ies_plural_is_tolerated() -> None:
    assert terms("两国外交部", "The foreign ministries of both countries met.") == []


def test_cjk_target_matches_substring() -> None:
    checker = GlossaryChecker([Term("foreign ministry", ("外交部",))], "zh")
    assert checker.check_pair("doc", pair("The foreign ministry said", "外交部表示")) == []
    assert rules_of(checker.check_pair("doc", pair("The foreign ministry said", "外务省表示"))) == ["T001"]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_read_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(
        "Source,Target,note\n半导体,semiconductor|chip,x\n外交部 , foreign ministry ,\n", encoding="utf-8-sig"
    )
    assert read_glossary(path) == [
        Term("半导体", ("semiconductor", "chip"), "x"),
        Term("外交部", ("foreign ministry",), ""),
    ]


def test_read_glossary_tsv(tmp_path: Path) -> None:
    path = write(tmp_path / "glossary.tsv", "source\ttarget\n半导体\tsemiconductor, chip\n")
    assert read_glossary(path) == [Term("半导体", ("semiconductor, chip",))]


def test_glossary_without_target_column_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "my-terms.csv", "source,english\n半导体,semiconductor\n")
    with pytest.raises(GlossaryError, match=r"my-terms\.csv.*target"):
        read_glossary(path)


def test_glossary_with_empty_target_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "source,target\n外交部,foreign ministry\n半导体,\n")
    with pytest.raises(GlossaryError, match=r"g\.csv: line 3"):
        read_glossary(path)


def test_glossary_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes("source,target\n半导体,chip\n".encode("gbk"))
    with pytest.raises(GlossaryError, match="not UTF-8"):
        read_glossary(path)


# --- rule catalogue ----------------------------------------------------------------------------------------

CODE = re.compile(r"""["']([IALDNTQ]0\d\d)["']""")


def codes_used_in_src() -> set[str]:
    package = Path(transcheck.__file__).parent
    found = set()
    for path in package.rglob("*.py"):
        if path.name == "rules.py":
            continue
        found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_used_in_src_is_in_the_catalogue() -> None:
    used = codes_used_in_src()
    assert {"A001", "D003", "L002", "N002", "T001", "I001"} <= used  # the scan does find them
    assert used - set(RULES) == set()


def test_codes_are_well_formed_and_match_their_keys() -> None:
    for key, r in RULES.items():
        assert key == r.code
        assert re.fullmatch(r"[IALDNTQ]\d{3}", r.code)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", r.name)
        assert isinstance(r.severity, Severity)
        assert r.summary and r.explanation
        assert rule(key) is r


def test_codes_and_names_are_unique() -> None:
    source = (Path(transcheck.__file__).parent / "checks" / "rules.py").read_text(encoding="utf-8")
    declared = re.findall(r'\bRule\(\s*"([A-Z]\d{3})"', source)
    assert len(declared) == len(set(declared)) == len(RULES)  # no code silently overwritten in the dict
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


def test_severities_of_key_rules() -> None:
    assert RULES["A001"].severity is Severity.ERROR
    assert RULES["A002"].severity is Severity.WARNING
    assert RULES["N003"].severity is Severity.INFO
    assert RULES["D003"].severity is Severity.ERROR


# --- numbers by meaning: rounding, units, words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("营收达1,234,567元。", "Revenue reached 1.23 million yuan.", "zh"),  # rounded, with a scale word
        ("Die Partei erhielt 49,8 Prozent.", "The party won almost 50 percent.", "de"),  # rounded, said so
        ("Die Geburtenrate lag bei 1,1 ‰.", "The birth rate was 0.11%.", "de"),
        ("回答者の50％が賛成した。", "Half of the respondents agreed.", "ja"),
        ("4,8 Mrd. Euro wurden investiert.", "4.8 billion euros were invested.", "de"),
        ("约3万人参加。", "About 30,000 people took part.", "zh"),
        ("지원금으로 1인당 10만 원이 지급된다.", "Each person receives 100,000 won.", "ko"),
    ],
)
def test_equivalent_figures_pass(source: str, target: str, src: str) -> None:
    pair = AlignedPair(0, (0,), (0,), source, target, location="line 1")
    assert check_pair_numbers("doc", pair, src, "en") == []


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("出生率为6.39‰。", "The birth rate was 6.39%.", "zh"),  # per mille is not percent
        ("营收约1,234,567元。", "Revenue was 1.3 million yuan.", "zh"),  # more than rounding
        ("他获得第三名。", "He came second.", "zh"),  # a rank changed in words
        ("용의자 세 명이 체포됐다.", "Four suspects were arrested.", "ko"),  # a count changed in words
        ("Zwölf Personen wurden verletzt.", "Eleven people were injured.", "de"),
    ],
)
def test_changed_figures_are_flagged(source: str, target: str, src: str) -> None:
    pair = AlignedPair(0, (0,), (0,), source, target, location="line 1")
    assert [f.rule for f in check_pair_numbers("doc", pair, src, "en")] == ["D003"]


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("支持率达六成。", "Support reached 60%.", "zh"),  # shares in tenths
        ("全品八折。", "Everything is 20% off.", "zh"),
        ("3割の世帯が賛成した。", "30% of households agreed.", "ja"),
        ("売上は2倍になった。", "Sales doubled.", "ja"),
        ("请更新到3.2.1版本。", "Please update to version 3.2.1.", "zh"),
        ("Telefon: 030 12345678", "Phone: +49 30 12345678", "de"),
        ("사망률은 인구 1,000명당 7.3명이었다.", "The death rate was 7.3 per 1,000 people.", "ko"),
        ("活动将于中午12点开始。", "The event begins at noon.", "zh"),
        ("Die Frist endet um 24 Uhr.", "The deadline expires at midnight.", "de"),
        ("Die Region zählt 1.234.567 Einwohner.", "The region has 1.23 million inhabitants.", "de"),
    ],
)
def test_more_equivalent_forms_pass(source: str, target: str, src: str) -> None:
    pair = AlignedPair(0, (0,), (0,), source, target, location="line 1")
    assert check_pair_numbers("doc", pair, src, "en") == []
