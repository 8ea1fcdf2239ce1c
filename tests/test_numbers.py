"""Tests for transcheck.text.numbers: numbers parsed to values on both sides of a translation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.text.numbers import NumberMention, extract_numbers, format_value, same_value


def hard(text: str, lang: str) -> list[NumberMention]:
    return [m for m in extract_numbers(text, lang) if m.hard]


def soft(text: str, lang: str) -> list[NumberMention]:
    return [m for m in extract_numbers(text, lang) if not m.hard]


def hard_values(text: str, lang: str) -> list[float]:
    return [m.value for m in hard(text, lang)]


def only_hard(text: str, lang: str) -> NumberMention:
    found = hard(text, lang)
    assert len(found) == 1, found
    return found[0]


# --- Chinese, Japanese and Korean values -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("约有3万人参加集会。", "zh", 30_000),
        ("3.5万", "zh", 35_000),
        ("投资15亿元", "zh", 1_500_000_000),
        ("1,500亿韩元", "zh", 150_000_000_000),
        ("一千五百亿", "zh", 150_000_000_000),
        ("十二年来", "zh", 12),
        ("两千名士兵", "zh", 2_000),
        ("３万人", "zh", 30_000),  # full-width digits
        ("１，５００亿", "zh", 150_000_000_000),  # full-width digits and comma
        ("三千五百万", "zh", 35_000_000),
        ("1.5万亿", "zh", 1_500_000_000_000),
        ("3만 명", "ko", 30_000),
        ("1,500억 원", "ko", 150_000_000_000),
        ("2億円", "ja", 200_000_000),
    ],
)
def test_cjk_values(text: str, lang: str, value: float) -> None:
    mention = only_hard(text, lang)
    assert same_value(mention.value, value)
    assert not mention.percent


def test_mention_text_and_offsets_point_into_the_input() -> None:
    text = "据报道，约有3万人参加。"
    mention = only_hard(text, "zh")
    assert mention.text == "3万"
    assert text[mention.start : mention.end] == "3万"


def test_full_width_offsets_stay_valid() -> None:
    text = "共３万人"
    mention = only_hard(text, "zh")
    assert (mention.start, mention.end) == (1, 3)
    assert mention.value == 30_000


def test_chinese_percent_in_words_and_digits() -> None:
    words = only_hard("支持率为百分之三十", "zh")
    assert words.value == 30 and words.percent
    digits = only_hard("增长了百分之3.5", "zh")
    assert digits.value == 3.5 and digits.percent
    sign = only_hard("增长了５０％", "zh")
    assert sign.value == 50 and sign.percent


def test_chinese_date_yields_each_part() -> None:
    assert hard_values("2023年3月16日", "zh") == [2023, 3, 16]


def test_several_numbers_come_in_order() -> None:
    found = extract_numbers("3万人和15亿元", "zh")
    assert [m.value for m in found] == [30_000, 1_500_000_000]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_language_codes_with_region_are_understood() -> None:
    assert hard_values("3万", "zh-CN") == [30_000]
    assert hard_values("3만", "ko_KR") == [30_000]


# --- English values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("About 30,000 people", 30_000, False),
        ("1.5 billion dollars", 1_500_000_000, False),
        ("150 billion won", 150_000_000_000, False),
        ("$1.5bn", 1_500_000_000, False),
        ("10 million", 10_000_000, False),
        ("1,234.56", 1234.56, False),
        ("grew 3.5%", 3.5, True),
        ("grew 3.5 percent", 3.5, True),
        ("grew 3 per cent", 3, True),
    ],
)
def test_english_values(text: str, value: float, percent: bool) -> None:
    mention = only_hard(text, "en")
    assert same_value(mention.value, value)
    assert mention.percent is percent


def test_a_scale_word_takes_the_whole_phrase() -> None:
    mention = only_hard("150 billion won", "en")
    assert mention.text == "150 billion"


# --- identifiers are not numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The G7 summit", "en"),
        ("an F-35 fighter", "en"),
        ("the COVID-19 pandemic", "en"),
        ("a Hwasong-17 missile", "en"),
        ("朝鲜发射了火星-17导弹", "zh"),
        ("G7峰会", "zh"),
        ("COVID-19疫情", "zh"),
    ],
)
def test_identifiers_are_not_numbers(text: str, lang: str) -> None:
    assert extract_numbers(text, lang) == []


def test_identifier_beside_a_real_number() -> None:
    assert hard_values("The G7 pledged 600 billion dollars", "en") == [600_000_000_000]


def test_a_range_is_two_numbers_not_an_identifier() -> None:
    assert hard_values("in 2020-2021", "en") == [2020, 2021]


# --- hard and soft -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("两国关系", 2), ("七国集团", 7), ("第一次", 1)])
def test_single_cjk_numerals_are_soft(text: str, value: float) -> None:
    found = extract_numbers(text, "zh")
    assert [(m.value, m.hard) for m in found] == [(value, False)]


def test_two_character_numerals_are_hard() -> None:
    assert [(m.value, m.hard) for m in extract_numbers("十二", "zh")] == [(12, True)]


def test_numeral_idioms_are_soft() -> None:
    assert hard("千万不要", "zh") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("the two countries", 2), ("twelve years", 12), ("twenty-one people", 21), ("ten million", 10_000_000)],
)
def test_english_number_words_are_soft(text: str, value: float) -> None:
    assert [(m.value, m.hard) for m in extract_numbers(text, "en")] == [(value, False)]


def test_capitalised_month_names_are_soft() -> None:
    found = extract_numbers("On March 16, 2023", "en")
    assert [(m.text, m.value, m.hard) for m in found] == [("March", 3, False), ("16", 16, True), ("2023", 2023, True)]


@pytest.mark.parametrize("text", ["You may go now", "They march on", "Prices may rise in june"])
def test_lower_case_month_words_are_not_months(text: str) -> None:
    assert [m for m in extract_numbers(text, "en") if m.text.lower() in {"may", "march", "june"}] == []


def test_may_the_month_is_a_month() -> None:
    assert [(m.value, m.hard) for m in extract_numbers("in May", "en")] == [(5, False)]


def test_english_words_inside_cjk_text_are_soft_only() -> None:
    found = extract_numbers("会议在 March 举行, 3万人", "zh")
    assert sorted((m.text, m.value, m.hard) for m in found) == [("3万", 30_000, True), ("March", 3, False)]
    assert soft("他说 two 次", "zh")[0].value == 2
    assert hard("他说 two 次", "zh") == []


def test_pm_time_also_yields_a_soft_24_hour_value() -> None:
    found = extract_numbers("at 3 p.m. today", "en")
    assert [(m.value, m.hard) for m in found] == [(3, True), (15, False)]


def test_pm_without_dots() -> None:
    assert (23, False) in [(m.value, m.hard) for m in extract_numbers("at 11 pm", "en")]


def test_am_time_has_no_afternoon_value() -> None:
    assert [m.value for m in extract_numbers("at 3 a.m.", "en")] == [3]


# --- decimal comma languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.000,5", 1000.5), ("1.000.000", 1_000_000), ("3,5 Milliarden", 3_500_000_000), ("1,5", 1.5)],
)
def test_german_decimal_comma(text: str, value: float) -> None:
    assert same_value(only_hard(text, "de").value, value)


def test_german_percent() -> None:
    mention = only_hard("um 3,5 % gestiegen", "de")
    assert mention.value == 3.5 and mention.percent


def test_same_digits_read_differently_in_english() -> None:
    assert hard_values("1,000", "en") == [1000]
    assert hard_values("1,000", "de") == [1.0]


# --- same_value and format_value ---------------------------------------------------------------------------


def test_same_value() -> None:
    assert same_value(0.1 + 0.2, 0.3)
    assert same_value(30_000, 30_000.0)
    assert not same_value(30_000, 3_000)
    assert not same_value(1.5, 1.50001)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (30_000.0, "30,000"),
        (1.5, "1.5"),
        (0.25, "0.25"),
        (1_500_000_000.0, "1,500,000,000"),
        (0.0, "0"),
        (-3.0, "-3"),
        (2 / 3, "0.666667"),
        (1234.5, "1,234.5"),
    ],
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text


# --- known gaps --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1亿2000万", "zh", 120_000_000),
        ("2億5千万円", "ja", 250_000_000),
        ("3억 5천만 원", "ko", 350_000_000),
        ("12万5千", "ja", 125_000),
        ("1조 5천억", "ko", 1_500_000_000_000),
    ],
)
def test_compound_unit_number_is_one_value(text: str, lang: str, value: float) -> None:
    assert hard_values(text, lang) == [value]


def test_cjk_mentions_come_in_order_of_appearance() -> None:
    found = extract_numbers("会议在 March 举行, 3万人", "zh")
    assert [m.text for m in found] == ["March", "3万"]


# --- properties --------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouped_integer_round_trips(n: int) -> None:
    found = hard(f"{n:,}", "en")
    assert len(found) == 1
    assert found[0].value == n
    assert found[0].text == f"{n:,}"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_digits_with_wan(n: int) -> None:
    found = hard(f"{n}万", "zh")
    assert [m.value for m in found] == [n * 10_000]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["en", "zh", "ja", "ko", "de", "fr", None, "zh-TW"]))
def test_arbitrary_text_never_raises(text: str, lang: str | None) -> None:
    found = extract_numbers(text, lang)
    for m in found:
        assert 0 <= m.start <= m.end <= len(text)


NUMERAL_SOUP = "零〇一二三四五六七八九十百千万亿两兩萬億点百分之" + "0123456789,.%％０１억만 "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=NUMERAL_SOUP, max_size=20))
def test_numeral_soup_never_raises(text: str) -> None:
    for lang in ("zh", "ko", "en"):
        extract_numbers(text, lang)
