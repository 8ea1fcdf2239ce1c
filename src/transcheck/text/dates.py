"""Dates and times of day, read to their meaning on both sides of a translation.

A digit-string check calls "2024년 5월 3일 → May 3, 2024" an error (the digits differ in order) and lets
"5月8日 → 5 August" pass (the same digits). Reading each date to (year, month, day) and each time to the minutes
after midnight it may mean compares what the reader is told. The forms read:

- Chinese and Japanese 2023年3月10日 / 3月10号 / 2023年3月, Korean 2023년 3월 10일, Japanese eras (令和5年 = 2023),
  ISO 2023-03-10 and 2023/3/10 in any language;
- English "March 10, 2023", "10 March 2023", "the 10th of March", "March 2023", "Mar. 10", numeric 3/10/2023
  (which could be either order, so both are kept);
- German "10. März 2023", "10.03.2023"; French "10 mars 2023", "le 1er mars", "10/03/2023" (day first);
- times: 下午3点, 15时30分, 3点半, 午後3時, 오후 3시 30분, 3:30 p.m., 9 a.m., 15:30, 15.30 Uhr, 15 h 30, noon.

A time without a half-day marker keeps every hour it may mean (3点 is 3:00 or 15:00; "3:30" too), so that a
correct translation is never flagged and a flipped half day still is (下午3点 → 3 a.m.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .script import base_lang

_CJK_NUMERALS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9, "十": 10}  # fmt: skip
_WIDTH = str.maketrans("０１２３４５６７８９：", "0123456789:")


@dataclass(frozen=True)
class DateMention:
    """A calendar date; a part the text does not state is None ("March 10" has no year)."""

    text: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    #: The same text read the other way round (3/4/2023 in English is 4 March or 3 April), if any.
    alternative: tuple[int | None, int | None, int | None] | None = None

    @property
    def readings(self) -> tuple[tuple[int | None, int | None, int | None], ...]:
        main = (self.year, self.month, self.day)
        return (main,) if self.alternative is None else (main, self.alternative)


@dataclass(frozen=True)
class TimeMention:
    """A time of day as every number of minutes after midnight it may mean (3点: 180 or 900)."""

    text: str
    start: int
    end: int
    minutes: frozenset[int]


def compatible_dates(a: DateMention, b: DateMention) -> bool:
    """Whether two dates can be the same day: every part both state agrees, in some reading of each."""
    return any(
        all(x is None or y is None or x == y for x, y in zip(ra, rb, strict=True)) and _shared_part(ra, rb)
        for ra in a.readings
        for rb in b.readings
    )


def _shared_part(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> bool:
    return any(x is not None and y is not None for x, y in zip(a, b, strict=True))


def compatible_times(a: TimeMention, b: TimeMention) -> bool:
    return bool(a.minutes & b.minutes)


def describe_date(date: DateMention) -> str:
    """An unambiguous English form: 10 March 2023, March 2023, 10 March."""
    month = _MONTH_NAMES[date.month - 1] if date.month else ""
    parts = [str(date.day) if date.day else "", month, str(date.year) if date.year else ""]
    return " ".join(p for p in parts if p)


def describe_time(time: TimeMention) -> str:
    return " or ".join(f"{m // 60:02d}:{m % 60:02d}" for m in sorted(time.minutes))


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")  # fmt: skip
_MONTHS = {
    **{name.casefold(): k + 1 for k, name in enumerate(_MONTH_NAMES)},
    **{name.casefold()[:3]: k + 1 for k, name in enumerate(_MONTH_NAMES)},
    "sept": 9,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
    # Spanish and Italian, the most frequent other targets of news translation
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
}  # fmt: skip
_MONTH_WORD = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)"

# Japanese eras: the Gregorian year of each era's first year (元年 = 1).
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}

_NUM = r"(?:\d{1,4}|[〇零一二两兩三四五六七八九十]{1,3})"
_CJK_DATE = re.compile(
    rf"(?:(?P<era>令和|平成|昭和|大正|明治)?(?P<y>\d{{1,4}}|元|[〇零一二三四五六七八九]{{2,4}})\s?[年년]\s?)?"
    rf"(?P<m>{_NUM})\s?[月월](?:\s?(?P<d>{_NUM})\s?[日号號일])?"
)
_CJK_YEAR_ONLY_ERA = re.compile(r"(?P<era>令和|平成|昭和|大正|明治)(?P<y>\d{1,2}|元)年")
_KO_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<y>1[5-9]\d\d|2[01]\d\d)\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?(?![\d])")
_ISO_DATE = re.compile(r"(?<![\d.])(?P<y>1[5-9]\d\d|2[01]\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])")
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d])")
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?:(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+|di\s+)?)"
    rf"(?P<mon>{_MONTH_WORD})\.?(?:,?\s+(?:de\s+|del\s+)?{_YEAR})?(?!\w)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)(?P<mon>{_MONTH_WORD})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{_YEAR})?(?!\w)",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"(?<!\w)(?P<mon>{_MONTH_WORD})\.?\s+(?:de\s+)?{_YEAR}(?!\w)", re.IGNORECASE)

_HALF_DAY_CJK = {
    "上午": "am", "早上": "am", "早晨": "am", "清晨": "am", "凌晨": "am", "午前": "am", "오전": "am", "새벽": "am",
    "下午": "pm", "晚上": "pm", "傍晚": "pm", "夜里": "pm", "夜間": "pm", "午後": "pm", "오후": "pm", "저녁": "pm",
    "中午": "noon", "正午": "noon", "밤": "pm", "夜": "pm", "今晚": "pm", "昨晚": "pm", "明晚": "pm", "晚": "pm",
    "今早": "am", "明早": "am", "早": "am", "夕方": "pm", "朝": "am", "夜中": "pm",
}  # fmt: skip
_CJK_TIME = re.compile(
    rf"(?P<half>{'|'.join(_HALF_DAY_CJK)})?\s?(?P<h>{_NUM})\s?(?P<mark>[点點时時시])(?![间間期代刻候간])"
    rf"(?:\s?(?P<min>{_NUM})\s?[分분]|\s?(?P<halfhour>半|반)|(?P<clock>钟|鐘))?(?P<after>[前后後左起许許开開整到至])?"
)
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)",
    re.IGNORECASE,
)
_CLOCK_24 = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])[:h](?P<min>[0-5]\d)(?![\d:])(?:\s?Uhr)?")
_CLOCK_UHR = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?:[.:](?P<min>[0-5]\d))?\s?Uhr\b")
_CLOCK_FR = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<min>[0-5]\d)?(?![\w])")
_NOON = re.compile(
    r"\b(?:noon|midday|midnight|midi|minuit|Mittag|Mitternacht)\b|正午|中午12点|정오|자정|午前0時|深夜0時",
    re.IGNORECASE,
)
_MIDNIGHT_WORDS = ("midnight", "minuit", "mitternacht", "자정", "午前0時", "深夜0時")
#: "10 in the morning", "8 in the evening", "3 o'clock in the afternoon"
_CLOCK_PHRASE = re.compile(
    r"(?<![\d.,:])(?P<h>\d{1,2})(?::(?P<min>\d{2}))?(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)",
    re.IGNORECASE,
)


def _cjk_int(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    if all(ch in "〇零一二三四五六七八九" for ch in text) and len(text) >= 2:  # 二〇二三 (year digits)
        return int("".join(str(_CJK_NUMERALS[ch]) for ch in text))
    if "十" in text:  # 十, 十二, 二十, 二十三
        tens, _, ones = text.partition("十")
        return (_CJK_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_CJK_NUMERALS.get(ones, 0) if ones else 0)
    return _CJK_NUMERALS.get(text) if len(text) == 1 else None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _full_year(year: int) -> int:
    return year if year >= 100 else (2000 + year if year < 70 else 1900 + year)


def _hour_readings(hour: int, half: str | None) -> frozenset[int]:
    """Hours (0–23) that an hour written with ``half`` ("am", "pm", "noon" or None) may mean."""
    if half == "pm":
        return frozenset({hour + 12 if hour < 12 else hour})
    if half == "am":
        return frozenset({0 if hour == 12 else hour})
    if half == "24h":
        return frozenset({hour % 24})
    if half == "noon":
        return frozenset({12 if hour == 12 else hour + 12 if hour < 6 else hour})
    if hour >= 13 or hour == 0:
        return frozenset({hour % 24})
    return frozenset({hour, (hour + 12) % 24})


#: Languages whose clock times without a half-day word are on the 24-hour clock (9 Uhr is 09:00, not 21:00).
_TWENTY_FOUR_HOUR_LANGS = frozenset({"de", "fr", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "nb", "fi", "cs"})


def _time(
    text: str, start: int, end: int, hour: int | None, minute: int | None, half: str | None
) -> TimeMention | None:
    if hour is None or not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    if hour == 24:  # 24 Uhr, 24時: midnight at the end of the day
        return TimeMention(text[start:end], start, end, frozenset({0, 24 * 60 - 1}))
    minutes = frozenset(h * 60 + (minute or 0) for h in _hour_readings(hour % 24 if hour == 24 else hour, half))
    return TimeMention(text[start:end], start, end, minutes)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _cjk_dates(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _CJK_DATE.finditer(text):
        month, day = _cjk_int(m.group("m")), _cjk_int(m.group("d"))
        year = _cjk_int(m.group("y"))
        if year is not None and m.group("era"):
            year += _ERAS[m.group("era")]
        if month is None or not _valid(year, month, day):
            continue
        found.append(DateMention(m.group(0), m.start(), m.end(), year, month, day))
    spans = [(d.start, d.end) for d in found]
    for m in _CJK_YEAR_ONLY_ERA.finditer(text):
        if not _overlaps(spans, m.start(), m.end()):
            year = (_cjk_int(m.group("y")) or 0) + _ERAS[m.group("era")]
            found.append(DateMention(m.group(0), m.start(), m.end(), year, None, None))
    return found


def _latin_dates(text: str, lang: str) -> list[DateMention]:
    found: list[DateMention] = []
    spans: list[tuple[int, int]] = []

    def add(
        m: re.Match[str],
        year: int | None,
        month: int | None,
        day: int | None,
        alt: tuple[int | None, int | None, int | None] | None = None,
    ) -> None:
        if _overlaps(spans, m.start(), m.end()) or not _valid(year, month, day):
            return
        found.append(DateMention(m.group(0), m.start(), m.end(), year, month, day, alt))
        spans.append((m.start(), m.end()))

    for pattern in (_ISO_DATE, _KO_NUMERIC_DATE):
        for m in pattern.finditer(text):
            add(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in _NUMERIC_DATE.finditer(text):
        a, b, year = int(m.group("a")), int(m.group("b")), _full_year(int(m.group("y")))
        if lang == "en" and m.group("sep") == "/":  # 3/10/2023: US month first, elsewhere day first
            alt = (year, b, a) if _valid(year, b, a) and a != b else None
            if _valid(year, a, b):
                add(m, year, a, b, alt)
            elif alt:
                add(m, *alt)
        else:
            add(m, year, b, a)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            word = m.group("mon")
            month = _MONTHS.get(word.casefold().rstrip("."))
            if month is None or (lang == "en" and not word[0].isupper()):
                continue  # "may" the verb, "march" the walk: English capitalises month names
            stated_year = int(m.group("year")) if m.group("year") else None
            add(m, stated_year, month, int(m.group("d")))
    for m in _MONTH_YEAR.finditer(text):
        word = m.group("mon")
        month = _MONTHS.get(word.casefold())
        if month is not None and not (lang == "en" and not word[0].isupper()):
            add(m, int(m.group("year")), month, None)
    return found


def _cjk_times(text: str) -> list[TimeMention]:
    found = []
    for m in _CJK_TIME.finditer(text):
        # 点 also counts items (提出3点建议, "three proposals"): as a time it needs a half-day word, minutes or
        # 钟 after it, a word of time after it (3点前, 3点左右, 3点开始), or an hour past noon (15点)
        timely = m.group("half") or m.group("min") or m.group("halfhour") or m.group("clock") or m.group("after")
        hour = _cjk_int(m.group("h"))
        if m.group("mark") in "点點" and not timely and (hour is None or hour < 13):
            continue
        minute = 30 if m.group("halfhour") else _cjk_int(m.group("min"))
        half = _HALF_DAY_CJK.get(m.group("half") or "")
        time = _time(text, m.start(), m.end(), hour, minute, half)
        if time is not None:
            found.append(time)
    return found


def _latin_times(text: str, lang: str) -> list[TimeMention]:
    found: list[TimeMention] = []
    spans: list[tuple[int, int]] = []
    patterns: list[tuple[re.Pattern[str], str | None]] = [(_CLOCK, "ampm"), (_CLOCK_UHR, None), (_CLOCK_24, None)]
    if lang == "fr":
        patterns.append((_CLOCK_FR, None))
    if lang in _TWENTY_FOUR_HOUR_LANGS:
        patterns = [p for p in patterns if p[1] is None]
    for pattern, ampm in patterns:
        for m in pattern.finditer(text):
            if _overlaps(spans, m.start(), m.end()):
                continue
            half = "24h" if lang in _TWENTY_FOUR_HOUR_LANGS else None
            if ampm:
                half = "pm" if m.group("ampm").lower().startswith("p") else "am"
            minute = int(m.group("min")) if m.group("min") else None
            time = _time(text, m.start(), m.end(), int(m.group("h")), minute, half)
            if time is not None:
                found.append(time)
                spans.append((m.start(), m.end()))
    for m in _NOON.finditer(text):
        if _overlaps(spans, m.start(), m.end()):
            continue
        value = 0 if m.group(0).casefold() in {w.casefold() for w in _MIDNIGHT_WORDS} else 12 * 60
        found.append(
            TimeMention(m.group(0), m.start(), m.end(), frozenset({value, 24 * 60 - 1} if value == 0 else {value}))
        )
    for m in _CLOCK_PHRASE.finditer(text):
        if _overlaps(spans, m.start(), m.end()):
            continue
        half = "am" if m.group("part").lower() == "morning" else "pm"
        time = _time(text, m.start(), m.end(), int(m.group("h")), int(m.group("min") or 0), half)
        if time is not None:
            found.append(time)
    return found


@lru_cache(maxsize=16384)
def _extract(text: str, lang: str) -> tuple[tuple[DateMention, ...], tuple[TimeMention, ...]]:
    normalised = text.translate(_WIDTH)
    if lang in {"zh", "ja", "ko"}:
        dates = _cjk_dates(normalised) + [d for d in _latin_dates(normalised, lang) if d.year]
        times = _cjk_times(normalised)
        times += [
            t
            for t in _latin_times(normalised, "en")
            if not _overlaps([(x.start, x.end) for x in times], t.start, t.end)
        ]
    else:
        dates = _latin_dates(normalised, lang)
        times = _latin_times(normalised, lang)
    date_spans = [(d.start, d.end) for d in dates]
    times = [t for t in times if not _overlaps(date_spans, t.start, t.end)]
    return tuple(sorted(dates, key=lambda d: d.start)), tuple(sorted(times, key=lambda t: t.start))


def extract_dates(text: str, lang: str | None) -> list[DateMention]:
    """Dates in ``text``, in order of appearance."""
    return list(_extract(text, base_lang(lang) or "en")[0])


def extract_times(text: str, lang: str | None) -> list[TimeMention]:
    """Times of day in ``text``, in order of appearance (none inside a date)."""
    return list(_extract(text, base_lang(lang) or "en")[1])
