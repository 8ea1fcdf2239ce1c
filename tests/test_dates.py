"""Tests for dates and times read to their meaning (transcheck.text.dates) and the D004 rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.checks.numbers import check_pair_numbers
from transcheck.model import AlignedPair
from transcheck.text.dates import compatible_dates, compatible_times, extract_dates, extract_times


@pytest.mark.parametrize(
    ("text", "lang", "ymd"),
    [
        ("2023年3月10日", "zh", (2023, 3, 10)),
        ("3月10号", "zh", (None, 3, 10)),
        ("三月十日", "zh", (None, 3, 10)),
        ("令和5年3月1日", "ja", (2023, 3, 1)),
        ("平成31年4月", "ja", (2019, 4, None)),
        ("2023년 3월 10일", "ko", (2023, 3, 10)),
        ("on March 10, 2023", "en", (2023, 3, 10)),
        ("on 10 March 2023", "en", (2023, 3, 10)),
        ("the 10th of March", "en", (None, 3, 10)),
        ("in March 2023", "en", (2023, 3, None)),
        ("2023-03-10", "en", (2023, 3, 10)),
        ("am 10. März 2023", "de", (2023, 3, 10)),
        ("10.03.2023", "de", (2023, 3, 10)),
        ("le 1er mars 2023", "fr", (2023, 3, 1)),
        ("10/03/2023", "fr", (2023, 3, 10)),
    ],
)
def test_dates_are_read_to_year_month_day(text: str, lang: str, ymd: tuple[int | None, ...]) -> None:
    [date] = extract_dates(text, lang)
    assert (date.year, date.month, date.day) == ymd
    assert text[date.start : date.end] == date.text


def test_english_slash_date_keeps_both_readings() -> None:
    [date] = extract_dates("3/10/2023", "en")
    assert set(date.readings) == {(2023, 3, 10), (2023, 10, 3)}


@pytest.mark.parametrize("text", ["He may come.", "They march on.", "Version 3.10.2 is out."])
def test_words_and_versions_are_not_dates(text: str) -> None:
    assert extract_dates(text, "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "minutes"),
    [
        ("下午3点半", "zh", {15 * 60 + 30}),
        ("3点钟", "zh", {3 * 60, 15 * 60}),  # no half-day word: both readings kept
        ("15时30分", "zh", {15 * 60 + 30}),
        ("午後3時", "ja", {15 * 60}),
        ("오후 3시 30분", "ko", {15 * 60 + 30}),
        ("at 3:30 p.m.", "en", {15 * 60 + 30}),
        ("at 9 a.m.", "en", {9 * 60}),
        ("at noon", "en", {12 * 60}),
        ("um 9 Uhr", "de", {9 * 60}),  # the 24-hour clock
        ("à 15 h 30", "fr", {15 * 60 + 30}),
    ],
)
def test_times_are_read_to_minutes(text: str, lang: str, minutes: set[int]) -> None:
    [time] = extract_times(text, lang)
    assert time.minutes == minutes


@pytest.mark.parametrize("text", ["提出3点建议", "第3时期"])
def test_counted_points_are_not_times(text: str) -> None:
    assert extract_times(text, "zh") == []


def test_compatible_dates_need_agreeing_parts() -> None:
    [full] = extract_dates("2023年3月10日", "zh")
    [partial] = extract_dates("March 10", "en")
    [swapped] = extract_dates("10 May", "en")
    assert compatible_dates(full, partial)
    assert not compatible_dates(full, swapped)


def test_compatible_times_share_a_reading() -> None:
    [afternoon] = extract_times("下午3点", "zh")
    [ambiguous] = extract_times("3点钟", "zh")
    [morning] = extract_times("3 a.m.", "en")
    assert compatible_times(afternoon, ambiguous) and compatible_times(ambiguous, morning)
    assert not compatible_times(afternoon, morning)


def _check(source: str, target: str, src: str = "zh") -> list[tuple[str, str]]:
    pair = AlignedPair(0, (0,), (0,), source, target, location="line 1")
    return [(f.rule, f.suggestion) for f in check_pair_numbers("doc", pair, src, "en")]


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("会议于2024年5月3日举行。", "The meeting was held on May 3, 2024.", "zh"),
        ("2024년 5월 3일 회의가 열렸다.", "The meeting was held on 3 May 2024.", "ko"),
        ("Die Sitzung findet am 10.03.2023 statt.", "The meeting takes place on March 10, 2023.", "de"),
        ("发布会下午3点开始。", "The press conference starts at 3 p.m.", "zh"),
        ("Le match commence à 15 h 30.", "The match starts at 3:30 p.m.", "fr"),
    ],
)
def test_same_date_or_time_in_another_form_passes(source: str, target: str, src: str) -> None:
    assert _check(source, target, src) == []


@pytest.mark.parametrize(
    ("source", "target", "suggestion"),
    [
        ("会议将于2024年5月8日举行。", "The meeting will be held on 5 August 2024.", "8 May 2024"),
        ("发布会定于下午3点开始。", "The press conference begins at 3 a.m.", "15:00"),
        ("该法规于2023年3月10日生效。", "The regulation took effect on March 10.", "10 March 2023"),
    ],
)
def test_changed_date_or_time_is_d004(source: str, target: str, suggestion: str) -> None:
    assert _check(source, target) == [("D004", suggestion)]


@given(st.text(max_size=60), st.sampled_from(["zh", "ja", "ko", "en", "de", "fr", None]))
def test_arbitrary_text_never_raises(text: str, lang: str | None) -> None:
    for date in extract_dates(text, lang):
        assert 0 <= date.start < date.end <= len(text)
        assert date.month is None or 1 <= date.month <= 12
    for time in extract_times(text, lang):
        assert all(0 <= m < 24 * 60 for m in time.minutes)
