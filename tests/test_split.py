"""Tests for transcheck.text.split: sentence splitting for CJK and space-delimited scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.text.split import MAX_SENTENCE_CHARS, split_sentences


def non_space(text: str) -> str:
    return "".join(text.split())


def test_chinese_full_stop_exclamation_question() -> None:
    text = "韩国总统周四抵达东京。你知道吗？太好了！他周五返回首尔。"
    assert split_sentences(text, "zh") == ["韩国总统周四抵达东京。", "你知道吗？", "太好了！", "他周五返回首尔。"]


def test_chinese_closing_quote_stays_with_its_sentence() -> None:
    text = "他说：“我们会赢。”然后他走了。"
    assert split_sentences(text, "zh") == ["他说：“我们会赢。”", "然后他走了。"]


def test_chinese_quote_with_exclamation() -> None:
    text = "他喊道：“我们赢了！”大家都笑了。"
    assert split_sentences(text, "zh") == ["他喊道：“我们赢了！”", "大家都笑了。"]


def test_japanese_corner_brackets_stay_together() -> None:
    text = "「明日行きます。」今日は晴れです。"
    assert split_sentences(text, "ja") == ["「明日行きます。」", "今日は晴れです。"]


@pytest.mark.xfail(strict=True, reason="「…。」と言った is one sentence; the splitter cuts before と")
def test_japanese_quotation_followed_by_particle_is_one_sentence() -> None:
    assert split_sentences("彼は「明日行きます。」と言った。", "ja") == ["彼は「明日行きます。」と言った。"]


def test_korean() -> None:
    text = "오늘은 날씨가 좋습니다. 내일은 비가 옵니다. 정말요?"
    assert split_sentences(text, "ko") == ["오늘은 날씨가 좋습니다.", "내일은 비가 옵니다.", "정말요?"]


def test_english_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. capital yesterday. They spoke at 3 p.m. on Monday. Then they left."
    assert split_sentences(text, "en") == [
        "Mr. Smith met Dr. Jones in the U.S. capital yesterday.",
        "They spoke at 3 p.m. on Monday.",
        "Then they left.",
    ]


def test_english_initials_and_decimals() -> None:
    text = "J. R. Smith scored 3.5 points on average. He was happy."
    assert split_sentences(text, "en") == ["J. R. Smith scored 3.5 points on average.", "He was happy."]


def test_english_question_and_exclamation() -> None:
    assert split_sentences("Is it true? Yes! It is.", "en") == ["Is it true?", "Yes!", "It is."]


def test_german_abbreviation_and_ordinal_date() -> None:
    text = "Dr. Müller kam z. B. am 3. Mai an. Dann ging er."
    assert split_sentences(text, "de") == ["Dr. Müller kam z. B. am 3. Mai an.", "Dann ging er."]


def test_pieces_are_stripped() -> None:
    assert split_sentences("  First one.   Second one.  ", "en") == ["First one.", "Second one."]


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\u3000"])
def test_blank_text_gives_no_sentences(text: str) -> None:
    assert split_sentences(text, "zh") == []


def test_missing_language_falls_back() -> None:
    assert split_sentences("One sentence. Another one.", None) == ["One sentence.", "Another one."]


def test_region_code() -> None:
    assert split_sentences("你好。再见。", "zh-CN") == ["你好。", "再见。"]


@pytest.mark.parametrize(("text", "lang"), [("字" * 5000, "zh"), ("word " * 1000, "en"), ("a" * 5000, "en")])
def test_text_without_full_stop_is_cut(text: str, lang: str) -> None:
    pieces = split_sentences(text, lang)
    assert len(pieces) >= 3
    assert all(0 < len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert non_space("".join(pieces)) == non_space(text)


def test_result_is_a_fresh_list() -> None:
    first = split_sentences("One. Two.", "en")
    first.append("changed")
    assert split_sentences("One. Two.", "en") == ["One.", "Two."]


PIECES = [*"ab字한。！？.!?“”「」\"' \n\t\u3000\x85\u2028…3", "Dr.", "U.S.", "p.m.", "\r\n"]
PUNCTUATION_HEAVY = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
LANGS = st.sampled_from(["en", "zh", "ja", "ko", "de", None])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), PUNCTUATION_HEAVY), LANGS)
def test_nothing_lost_or_invented(text: str, lang: str | None) -> None:
    pieces = split_sentences(text, lang)
    assert non_space("".join(pieces)) == non_space(text)
    assert all(p and p == p.strip() for p in pieces)
