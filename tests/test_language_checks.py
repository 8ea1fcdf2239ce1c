"""Tests for transcheck.checks.language: wrong language (L001), untranslated (L002), source-script fragments
(L003) and identical translations (L004), with the false alarms they must not raise on correct translations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.checks.language import (
    check_pair_language,
    judge_segment,
    judge_sentence,
    needs_translation,
    source_script_fragments,
)
from transcheck.model import AlignedPair, Finding, Severity

ROOT = Path(__file__).resolve().parents[1]


def pair(source: str, target: str) -> AlignedPair:
    return AlignedPair(pair_id=3, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="line 2")


def check(source: str, target: str, src: str, tgt: str) -> list[Finding]:
    return check_pair_language("doc", pair(source, target), [target], src, tgt)


def rules(source: str, target: str, src: str, tgt: str) -> list[str]:
    return [f.rule for f in check(source, target, src, tgt)]


# --- L002: left in the source language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        ("韩国总统抵达东京。", "他说很好。", "zh", "en"),  # short Chinese in an English translation
        ("Save changes", "Save changes", "en", "zh"),  # a UI string copied
        ("Click Save to keep your changes.", "Click Save to keep them.", "en", "zh"),  # English, not a copy
        ("保存更改", "保存更改", "zh", "en"),
        ("这是一个测试。", "这是一个测试。", "zh", "ja"),  # simplified forms in a Japanese translation
        ("日米首脳会談", "日米首脳会談", "ja", "zh"),  # Japanese forms in a Chinese translation
        ("Thời tiết hôm nay rất đẹp", "Thời tiết hôm nay", "vi", "en"),  # letters English does not write
        ("Поезд опаздывает.", "Поезд опаздывает на двадцать минут.", "ru", "en"),
        (
            "Die Regierung will den Mindestlohn im nächsten Frühjahr erhöhen.",
            "Die Regierung will den Mindestlohn erhöhen.",
            "de",
            "fr",
        ),
    ],
)
def test_untranslated_is_l002(source: str, target: str, src: str, tgt: str) -> None:
    [found] = check(source, target, src, tgt)
    assert found.rule == "L002" and found.severity is Severity.ERROR
    assert found.evidence == target
    assert f"({src})" in found.message


def test_short_latin_strings_are_not_accused_on_ngrams_alone() -> None:
    # "Speichern" is German, but a two-way n-gram verdict on nine letters is not proof enough either way.
    assert rules("Save", "Speichern", "en", "de") == []
    assert rules("Speichern", "Save", "de", "en") == []


# --- L004: identical to the source, language undecidable -----------------------------------------------------


def test_identical_single_word_is_l004_unless_the_target_language_has_it() -> None:
    [found] = check("Cancel", "Cancel", "en", "fr")
    assert found.rule == "L004" and found.severity is Severity.WARNING
    assert "en → fr" in found.message
    assert rules("Menu", "Menu", "en", "fr") == []  # French has the word


@pytest.mark.parametrize(
    "text",
    [
        "2024",
        "3.5 %",
        "https://example.com/help",
        "support@example.com",
        "{0} / {1}",
        "<b>%s</b>",
        "GDP",
        "SU7",
        "iPhone 15 Pro",
        "Google Drive",
        "Yoon Suk-yeol",
        "v2.1.0",
        "— !? …",
        "ERR_404",
    ],
)
def test_identical_numbers_codes_urls_names_are_not_reported(text: str) -> None:
    assert not needs_translation(text)
    assert rules(text, text, "en", "de") == []
    assert rules(text, text, "zh", "en") == []


def test_identical_in_the_same_language_is_fine() -> None:
    assert rules("Hello", "Hello", "en", "en-GB") == []


# --- L001: a third language ----------------------------------------------------------------------------------


def test_korean_in_an_english_translation_of_chinese_is_l001() -> None:
    [found] = check("韩国总统抵达东京。", "한국 대통령이 도쿄에 도착했다.", "zh", "en")
    assert (found.rule, found.severity) == ("L001", Severity.ERROR)
    assert "ko" in found.message


def test_long_french_in_an_english_translation_is_l001() -> None:
    target = "Le président sud-coréen est arrivé à Tokyo jeudi pour une visite de deux jours."
    assert rules("韩国总统周四抵达东京。", target, "zh", "en") == ["L001"]
    assert judge_sentence(target, "", "zh", "en") == ("L001", "fr")


def test_chinese_in_a_japanese_translation_of_english_is_l001() -> None:
    assert rules("This is a very important question.", "这是一个非常重要的问题。", "en", "ja") == ["L001"]


def test_short_third_language_is_not_guessed() -> None:
    # "Merci" is French, but five letters do not make a verdict against English.
    assert rules("谢谢", "Merci", "zh", "en") == []


# --- L003: source-script fragments -------------------------------------------------------------------------------


def test_a_name_left_in_kanji_is_l003_not_l002() -> None:
    found = check("尹錫悦氏は東京で岸田文雄首相と会談した。", "Yoon Suk-yeol met 岸田文雄 in Tokyo.", "ja", "en")
    assert [(f.rule, f.evidence) for f in found] == [("L003", "岸田文雄")]


def test_chinese_characters_inside_english_are_l003() -> None:
    found = check(
        "韩国总统尹锡悦周四抵达东京。", "South Korean President 尹锡悦 arrived in 东京 on Thursday.", "zh", "en"
    )
    assert [(f.rule, f.evidence) for f in found] == [("L003", "尹锡悦"), ("L003", "东京")]
    assert all(f.severity is Severity.WARNING for f in found)
    assert "Chinese characters" in found[0].message


@pytest.mark.parametrize(
    "target",
    [
        "Kyodo News (共同通信) reported the quake at 9:42 a.m.",
        "South Korean President Yoon Suk-yeol（尹锡悦）arrived in Tokyo.",
        "The agreement [军事情报保护协定] was restored.",
    ],
)
def test_a_gloss_in_brackets_after_its_rendering_is_legitimate(target: str) -> None:
    assert check("共同通信报道了地震。", target, "zh", "en") == []


@pytest.mark.parametrize(
    ("text", "src", "tgt", "fragments"),
    [
        ("President 윤석열 said the 국민의 힘 party won.", "ko", "en", ["윤석열", "국민의 힘"]),
        ("他很喜欢ラーメン。", "ja", "zh", ["ラーメン"]),  # kana in a Chinese translation of Japanese
        ("他说：东京很好。", "ja", "zh", []),  # Han in Chinese is not foreign
        ("日本の首相は東京にいる。", "zh", "ja", []),  # nor in Japanese
        ("The word Путин means nothing here.", "ru", "en", ["Путин"]),
        ("使用 GitHub 登录", "en", "zh", []),  # Latin names in a CJK translation are not flagged
        ("The 尹锡悦 (Yoon) visit", "zh", "en", ["尹锡悦"]),  # the source form first is not a gloss
        ("The capital is 東京.", "", "en", ["東京"]),  # no source language: CJK in a Latin target
    ],
)
def test_source_script_fragments(text: str, src: str, tgt: str, fragments: list[str]) -> None:
    assert source_script_fragments(text, src, tgt) == fragments


# --- false alarms on correct translations -----------------------------------------------------------------------

CORRECT = [
    ("韩国总统尹锡悦周四抵达东京。", "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday.", "zh", "en"),
    ("习近平会见拜登。", "Xi Jinping met Biden.", "zh", "en"),
    (
        "三星、LG和SK海力士公布创纪录的第三季度盈利。",
        "Samsung, LG and SK Hynix reported record Q3 earnings.",
        "zh",
        "en",
    ),
    ("北约、欧盟和联合国谴责了这次袭击。", "NATO, the EU and the UN condemned the attack.", "zh", "en"),
    ("第三季度GDP增长5.2%。", "Q3 GDP +5.2%", "zh", "en"),
    ("好。", "OK.", "zh", "en"),
    ("是", "Yes", "zh", "en"),
    ("张伟、李娜和王芳在深圳加入华为。", "Zhang Wei, Li Na and Wang Fang joined Huawei in Shenzhen.", "zh", "en"),
    ("阮文青在河内会见朴智星。", "Nguyen Van Thanh met Park Ji-sung in Hanoi.", "zh", "en"),
    ("Sign in with GitHub", "使用 GitHub 登录", "en", "zh"),
    ("Export as PDF", "导出为 PDF", "en", "zh"),
    ("Apple released the new iPhone and MacBook.", "苹果公司发布了新款iPhone和MacBook。", "en", "zh"),
    ("Download from the App Store or Google Play.", "用户可在App Store或Google Play下载该应用。", "en", "zh"),
    ("Nvidia H100 GPUs are in short supply", "NVIDIA H100 GPU供不应求", "en", "zh"),
    ("LG Energy Solution wins an order", "LG Energy Solution 수주", "en", "ko"),
    ("The new iPhone 16 Pro Max", "Новый iPhone 16 Pro Max", "en", "ru"),
    ("Samsung Galaxy S24: price in Russia", "Samsung Galaxy S24: цена в России", "en", "ru"),
    ("The prime minister visits the US", "首相訪米", "en", "ja"),
    ("Japan–US summit", "日米首脳会談", "en", "ja"),
    ("Weather", "天気", "en", "ja"),
    ("Weather", "天气", "en", "zh"),
    ("Weather", "날씨", "en", "ko"),
    ("Weather", "Wetter", "en", "de"),
    ("Weather", "Météo", "en", "fr"),
    ("Weather", "Погода", "en", "ru"),
    ("Settings saved", "Einstellungen gespeichert", "en", "de"),
    ("Sign in", "Se connecter", "en", "fr"),
    ("Download complete", "Download completato", "en", "it"),
    ("Sports", "Sport", "en", "de"),
    ("Start", "Start", "en", "de"),
    ("Hotel", "Hotel", "en", "de"),
    ("The hotel is modern.", "Das Hotel ist modern.", "en", "de"),
    ("The film is excellent.", "Le film est excellent.", "en", "fr"),
    ("Scholz met Macron and Meloni in Rome.", "Scholz traf Macron und Meloni in Rom.", "en", "de"),
    ("Kim Jong-un received Putin in Pyongyang.", "Kim Jong-un empfing Putin in Pjöngjang.", "en", "de"),
    ("Price: 49.99 € incl. VAT", "Preis: 49,99 € inkl. MwSt.", "en", "de"),
    (
        "President Yoon Suk-yeol met Kishida Fumio in Tokyo.",
        "윤석열 대통령은 도쿄에서 기시다 후미오를 만났다.",
        "en",
        "ko",
    ),
    ("Kishida (岸田) visits Korea", "기시다(岸田) 日 총리 방한", "en", "ko"),
    ("共同通信が報じた。", "Kyodo News (共同通信) reported it.", "ja", "en"),
]


@pytest.mark.parametrize(("source", "target", "src", "tgt"), CORRECT)
def test_correct_translations_raise_no_language_finding(source: str, target: str, src: str, tgt: str) -> None:
    assert check(source, target, src, tgt) == []


def test_each_target_sentence_is_judged_alone() -> None:
    p = pair("韩国总统抵达东京。他说很好。", "The president arrived in Tokyo. 他说很好。")
    found = check_pair_language("doc", p, ["The president arrived in Tokyo.", "他说很好。"], "zh", "en")
    assert [(f.rule, f.evidence) for f in found] == [("L002", "他说很好。")]


def test_unknown_target_language_is_not_judged() -> None:
    assert judge_segment("这是中文。", "", "en", "") is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=50), st.text(max_size=50), st.sampled_from(["zh", "en", "ja", "ko", "de", "ru", ""]))
def test_check_never_raises_and_reports_only_language_rules(source: str, target: str, src: str) -> None:
    found = check(source, target, src, "en")
    assert {f.rule for f in found} <= {"L001", "L002", "L003", "L004"}
    assert all(f.evidence for f in found)


# --- the sample corpora stay clean ------------------------------------------------------------------------------


def test_sample_corpora_have_only_the_planted_language_findings() -> None:
    import transcheck

    tables = transcheck.check([str(ROOT / "corpora" / "news-zh-en"), str(ROOT / "corpora" / "docs-l10n")])
    language = tables.findings[tables.findings["rule"].str.startswith("L")]
    found = sorted(zip(language["rule"], language["doc_id"], language["evidence"].str[:12], strict=True))
    assert found == [("L002", "a07", "韩国舆论普遍认为，此番表"), ("L002", "user-guide", "Collaborator")]
