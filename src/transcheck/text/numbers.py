"""Numbers by value, on both sides of a translation.

A checker that compares digit strings flags "1,500억 원 → 150 billion won" and lets "3만 → 3,000" pass.
We parse every number to a value instead: Arabic and full-width digits with separators, digits with CJK
large units (3.5万, 15亿, 3만, 1,500억, 2億), Chinese numerals (十二, 两千, 一千五百亿, via ``cn2an``), English
scale words (1.5 billion), percentages, and, as *soft* evidence, number words (two, twelve), month names and
single-character CJK numerals (两国, 第一).

Hard numbers must be found again on the other side; soft ones only excuse a match. That asymmetry keeps
"两国 → the two countries" or "七国集团 → G7" from becoming false alarms while a changed digit is still caught.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from .script import base_lang


@dataclass(frozen=True)
class NumberMention:
    """A number found in text. ``hard`` numbers must be matched on the other side; soft ones need not."""

    text: str
    value: float
    start: int
    end: int
    hard: bool = True
    percent: bool = False


# Full-width digits and separators map one to one onto ASCII, so offsets stay valid.
_WIDTH = str.maketrans("０１２３４５６７８９，．％", "0123456789,.%")

_CJK_UNITS = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
    "兆": 10**12,
    "십": 10,
    "백": 100,
    "천": 1000,
    "만": 10**4,
    "억": 10**8,
    "조": 10**12,
}
_UNIT_CHARS = "".join(_CJK_UNITS)
_CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿两兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅"
_TRAD_TO_SIMPL = str.maketrans("萬億兩貳參陸", "万亿两贰叁陆")

# Runs of numeral characters that are ordinary words, not quantities.
_CN_IDIOMS = frozenset({"千万", "万万", "一一", "万一", "千千万万", "十十", "三三两两", "一二", "百万分"})

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGITS_EU = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_LATIN_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
    "tn": 10**12,
    "mn": 10**6,
}
_PERCENT_AFTER = r"(?P<pct>\s?%|\s?‰|\s?(?:per\s?cent|percent)\b)?"

_CJK_NUMBER = re.compile(rf"(?P<num>{_DIGITS})(?P<units>[{_UNIT_CHARS}]*)(?P<pct>\s?%|\s?‰)?")
_CN_PERCENT = re.compile(rf"百分之(?P<num>{_DIGITS}|[{_CN_NUMERAL_CHARS}点]+)")
_CN_RUN = re.compile(rf"[{_CN_NUMERAL_CHARS}]+(?:点[{_CN_NUMERAL_CHARS}]+)?")
_LATIN_NUMBER = re.compile(
    rf"(?P<num>{_DIGITS})(?:st|nd|rd|th)?"
    rf"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<abbr>bn|tn|mn)\b)?" + _PERCENT_AFTER,
    re.IGNORECASE,
)
_LATIN_NUMBER_EU = re.compile(
    rf"(?P<num>{_DIGITS_EU})(?:\.)?(?:\s(?P<scale>Millionen|Milliarden|millions?|milliards?)\b)?"
    r"(?P<pct>\s?%)?",
)
_EU_SCALES = {
    "millionen": 10**6,
    "milliarden": 10**9,
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
}
_PM = re.compile(r"\s?(?:p\.?m\.?)(?!\w)", re.IGNORECASE)

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twelfth": 12,
    "once": 1,
    "twice": 2,
    "both": 2,
    "dozen": 12,
    "half": 0.5,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 10**6,
    "a billion": 10**9,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WORD_RE = re.compile(
    r"\b(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?P<ones>one|two|three|four|five|"
    r"six|seven|eight|nine)|(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r"))"
    r"(?:\s(?P<scale>hundred|thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\b(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
# Languages that write 1.000,5 rather than 1,000.5.
_DECIMAL_COMMA_LANGS = frozenset(
    {"de", "fr", "es", "it", "pt", "nl", "ru", "pl", "cs", "sv", "da", "nb", "fi", "tr", "id", "vi", "uk", "ro", "hu"}
)


def _to_float(digits: str, decimal_comma: bool = False) -> float:
    """Digits with separators → float; ``decimal_comma`` for 1.000,5-style locales."""
    if decimal_comma:
        return float(re.sub(r"[.\u00a0\u202f ]", "", digits).replace(",", "."))
    return float(digits.replace(",", ""))


def _identifier_digit(text: str, start: int) -> bool:
    """True for the digits of names such as G7, F-35, COVID-19 or 火星-17 (Hwasong-17): not quantities."""
    before = text[start - 1] if start > 0 else ""
    if before == "-" or before == "‐":
        return start > 1 and text[start - 2].isalpha()
    return before.isascii() and before.isalpha()


def _cn_run_value(run: str) -> float | None:
    simplified = run.translate(_TRAD_TO_SIMPL)
    if simplified[0] in "十百千万亿":
        simplified = "一" + simplified
    try:
        value = cn2an.cn2an(simplified, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _extract_cjk(text: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    for m in _CN_PERCENT.finditer(text):
        raw = m.group("num")
        value = _to_float(raw) if raw[0].isdigit() else _cn_run_value(raw)
        if value is not None:
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), True, True))
            taken.append((m.start(), m.end()))
    for m in _CJK_NUMBER.finditer(text):
        if overlaps(m.start(), m.end()) or _identifier_digit(text, m.start()):
            continue
        value = _to_float(m.group("num"))
        for unit in m.group("units"):
            value *= _CJK_UNITS[unit]
        end = m.end()
        found.append(NumberMention(text[m.start() : end].strip(), value, m.start(), end, True, bool(m.group("pct"))))
        taken.append((m.start(), end))
    for m in _CN_RUN.finditer(text):
        if overlaps(m.start(), m.end()):
            continue
        run = m.group(0)
        value = _cn_run_value(run)
        if value is None:
            continue
        hard = len(run) >= 2 and run not in _CN_IDIOMS
        found.append(NumberMention(run, value, m.start(), m.end(), hard))
    return sorted(found, key=lambda n: n.start)


def _extract_latin(text: str, lang: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    decimal_comma = lang in _DECIMAL_COMMA_LANGS
    pattern = _LATIN_NUMBER_EU if decimal_comma else _LATIN_NUMBER
    for m in pattern.finditer(text):
        if _identifier_digit(text, m.start()):
            continue
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,"):
            continue
        try:
            value = _to_float(m.group("num"), decimal_comma)
        except ValueError:
            continue
        scale = m.group("scale")
        if scale:
            value *= _EU_SCALES[scale.lower()] if decimal_comma else _LATIN_SCALES[scale.lower()]
        elif not decimal_comma and m.group("abbr"):
            value *= _LATIN_SCALES[m.group("abbr").lower()]
        mention = NumberMention(m.group(0).strip(), value, m.start(), m.end(), True, bool(m.group("pct")))
        found.append(mention)
        # "3 p.m." also means 15 o'clock: a soft alternative so that 15点 matches.
        if not decimal_comma and value < 12 and _PM.match(text, m.end()):
            found.append(NumberMention(mention.text, value + 12, m.start(), m.end(), False))
    if lang == "en":
        for m in _WORD_RE.finditer(text):
            if m.group("tens"):
                value = float(_WORDS[m.group("tens").lower()] + _WORDS[m.group("ones").lower()])
            else:
                value = float(_WORDS[m.group("word").lower()])
            if m.group("scale"):
                value *= _LATIN_SCALES[m.group("scale").lower()]
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), False))
        for m in _MONTH_RE.finditer(text):
            word = m.group("m")
            if not word[0].isupper():
                continue  # "may" the verb, "march" the walk: month names are capitalised in English
            found.append(NumberMention(word, float(_MONTHS[word.lower()]), m.start(), m.end(), False))
    return sorted(found, key=lambda n: n.start)


@lru_cache(maxsize=65536)
def _extract_cached(text: str, lang: str) -> tuple[NumberMention, ...]:
    normalised = text.translate(_WIDTH)
    if lang in {"zh", "ja", "ko"}:
        mentions = _extract_cjk(normalised)
        mentions += [m for m in _extract_latin(normalised, "en") if not m.hard]  # English words inside CJK text
        mentions.sort(key=lambda n: n.start)
    else:
        mentions = _extract_latin(normalised, lang)
    return tuple(mentions)


def extract_numbers(text: str, lang: str | None) -> list[NumberMention]:
    """All numbers in ``text`` with their values, in order of appearance."""
    return list(_extract_cached(text, base_lang(lang) or "en"))


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def format_value(value: float) -> str:
    """Render a value the way an English reader expects: 30,000 / 1.5 / 0.25."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
