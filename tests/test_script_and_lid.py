"""Tests for transcheck.text.script (script counts, Han runs, language codes) and transcheck.lid.detect."""

from __future__ import annotations

import pytest

from transcheck.lid import detect, detect_document
from transcheck.text.script import ScriptCounts, base_lang, count_scripts, han_runs, is_cjk_lang

# --- script ------------------------------------------------------------------------------------------------


def test_count_scripts_by_writing_system() -> None:
    counts = count_scripts("Hello 世界 한국 カタカナ ひらがな Ünï Привет 123 !?")
    assert counts == ScriptCounts(han=2, hangul=2, kana=8, latin=8, other=6)
    assert counts.letters == 26


def test_digits_punctuation_and_spaces_are_not_letters() -> None:
    assert count_scripts("123 ,.!? ０１２。、“”").letters == 0


def test_share() -> None:
    counts = count_scripts("ab中国")
    assert counts.share("han") == 0.5
    assert counts.share("latin") == 0.5
    assert ScriptCounts().share("han") == 0.0


def test_han_runs() -> None:
    assert han_runs("The 中国 delegation met 外交部 officials.") == ["中国", "外交部"]
    assert han_runs("中国") == ["中国"]
    assert han_runs("") == []
    assert han_runs("no Chinese here") == []


def test_han_runs_min_len() -> None:
    assert han_runs("a中b国c", 2) == []
    assert han_runs("a中b中国c", 2) == ["中国"]


def test_han_runs_ignore_kana_and_hangul() -> None:
    assert han_runs("東京に行く한국") == ["東京", "行"]
    assert han_runs("とうきょう한국") == []


@pytest.mark.parametrize(
    ("code", "base"),
    [("zh-CN", "zh"), ("pt_BR", "pt"), ("EN", "en"), ("zh-Hant-TW", "zh"), (None, ""), ("", "")],
)
def test_base_lang(code: str | None, base: str) -> None:
    assert base_lang(code) == base


def test_is_cjk_lang() -> None:
    assert is_cjk_lang("zh-TW") and is_cjk_lang("ja") and is_cjk_lang("ko")
    assert not is_cjk_lang("en") and not is_cjk_lang(None)


# --- detect ------------------------------------------------------------------------------------------------

CHINESE = [
    "我们今天去学校。",
    "中国外交部发言人在例行记者会上表示，中方坚决反对。",
    "韩国总统尹锡悦周四抵达东京。",
    "新华社北京3月16日电",
    "习近平在G20峰会上发表讲话",
    "“好！”他说。",
]


@pytest.mark.parametrize("text", CHINESE)
def test_plain_chinese_is_zh(text: str) -> None:
    guess = detect(text)
    assert guess.lang == "zh"
    assert guess.by_script


@pytest.mark.parametrize("text", ["한국 대통령이 도쿄에 도착했다.", "오늘은 날씨가 좋습니다"])
def test_hangul_is_ko(text: str) -> None:
    assert detect(text).lang == "ko"


@pytest.mark.parametrize("text", ["日本の首相は東京で記者会見を開いた。", "これはペンです。"])
def test_kana_is_ja(text: str) -> None:
    assert detect(text).lang == "ja"


ENGLISH = "The president arrived in Tokyo on Thursday for a two-day visit aimed at repairing ties."
GERMAN = "Der Präsident ist am Donnerstag zu einem zweitägigen Besuch in Tokio eingetroffen."


def test_long_english_sentence() -> None:
    guess = detect(ENGLISH)
    assert guess.lang == "en"
    assert guess.confidence > 0.9
    assert not guess.by_script
    assert guess.probability("en") == guess.confidence
    assert guess.probability("en-GB") == guess.confidence


def test_german_sentence() -> None:
    assert detect(GERMAN).lang == "de"


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, CHINESE[1]])
def test_detect_is_deterministic(text: str) -> None:
    answers = set()
    for _ in range(5):
        detect.cache_clear()  # the cache would hide a random detector
        answers.add(detect(text))
    assert len(answers) == 1


@pytest.mark.parametrize("text", ["", "ab", "a1!", "中国", "12345!!", "。。。", "ok."])
def test_fewer_than_three_letters_is_undetermined(text: str) -> None:
    guess = detect(text)
    assert guess.lang == ""
    assert guess.confidence == 0.0


def test_detect_document_uses_the_texts() -> None:
    assert detect_document([ENGLISH, "It was his first visit in twelve years."]) == "en"
    assert detect_document(CHINESE[:3]) == "zh"
    assert detect_document([]) == ""


def test_chinese_with_latin_acronym_is_not_korean() -> None:
    assert detect("他在NASA工作").lang == "zh"


def test_chinese_with_product_name_is_zh() -> None:
    assert detect("苹果公司发布了iPhone 15 Pro Max手机").lang == "zh"
