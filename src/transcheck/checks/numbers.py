"""Number, date and time rules by meaning: missing (D001), added (D002), changed (D003), date or time changed (D004).

Hard numbers (digits, numerals with units) must reappear on the other side with the same value; soft ones
(number words, month names, single CJK numerals such as 两) only count as a match. Two values also match when
one is the other rounded and the text says so: an approximation word (约, about, knapp) or a scale word
(1.23 million for 1,234,567). Percentages and per mille are different units (6.39‰ is not 6.39 %). A missing and
an added number in the same pair are reported together as one change, which is what a reviewer fixes; a
number word changed into another (第三 → second, zwölf → eleven) is a change too.

Dates and times are compared as dates and times (:mod:`transcheck.text.dates`), so "2024년 5월 3일 → May 3, 2024"
passes and "5月8日 → 5 August" or "下午3点 → 3 a.m." does not; their digits are not compared again as numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import AlignedPair, Finding
from ..text.dates import (
    DateMention,
    TimeMention,
    compatible_dates,
    compatible_times,
    describe_date,
    describe_time,
    extract_dates,
    extract_times,
)
from ..text.numbers import NumberMention, extract_numbers, format_value, same_value
from . import finding

#: Without an approximation word, a figure written with a scale word may differ from the exact one by this
#: share at most (1,234,567 → 1.23 million: 0.4 %).
ROUNDING_TOLERANCE = 0.01
#: Counters after a single CJK numeral that make it a count worth comparing with a number word (三人, 二人).
_COUNTERS = frozenset("人名个個位项項件次届屆国國家只头頭辆輛台部本张張条條座所艘架枚匹口명개번곳편권대")


def _ratio(m: NumberMention) -> float | None:
    """The value in percent for a percentage or per-mille figure, else None."""
    if m.percent:
        return m.value
    if m.per_mille:
        return m.value / 10
    return None


def numbers_match(a: NumberMention, b: NumberMention) -> bool:
    """Whether two numbers state the same quantity: equal values in the same unit, or one the other rounded
    where the text says it is rounded."""
    ra, rb = _ratio(a), _ratio(b)
    if ra is not None and rb is not None:
        # in percent: 1,1 ‰ = 0.11 %; precision scaled alike
        pa = a.precision / 10 if a.per_mille else a.precision
        pb = b.precision / 10 if b.per_mille else b.precision
        return same_value(ra, rb) or _rounded(ra, pa, a, rb, pb, b)
    if (ra is not None and not b.hard and same_value(ra / 100, b.value)) or (
        rb is not None and not a.hard and same_value(rb / 100, a.value)
    ):
        return True  # 50 % = "half"
    return same_value(a.value, b.value) or _rounded(a.value, a.precision, a, b.value, b.precision, b)


def _rounded(va: float, pa: float, a: NumberMention, vb: float, pb: float, b: NumberMention) -> bool:
    """One value is the other rounded to its last written digit, and the text says it is rounded: an
    approximation word on either side, or a scale word with at most :data:`ROUNDING_TOLERANCE` lost."""
    if not (a.hard and b.hard):
        return False
    rounder, precision = (a, pa) if pa >= pb else (b, pb)
    if not (rounder.approximate or rounder.scaled):
        return False
    difference = abs(va - vb)
    if difference > precision / 2 * (1 + 1e-9):
        return False
    largest = max(abs(va), abs(vb))
    return a.approximate or b.approximate or difference <= ROUNDING_TOLERANCE * largest


def _unmatched(mine: list[NumberMention], theirs: list[NumberMention]) -> list[NumberMention]:
    """Hard numbers of ``mine`` that no number of ``theirs`` matches (or another reading of the same words
    does: "3 p.m." = 15), each value once."""
    matched_spans = {(m.start, m.end) for m in mine if any(numbers_match(m, t) for t in theirs)}
    seen: set[tuple[float, bool, bool]] = set()
    result = []
    for m in mine:
        key = (m.value, m.percent, m.per_mille)
        if not m.hard or key in seen or (m.start, m.end) in matched_spans:
            continue
        seen.add(key)
        result.append(m)
    return result


def _describe(m: NumberMention) -> str:
    shown = format_value(m.value) + ("%" if m.percent else "‰" if m.per_mille else "")
    return m.text if m.text == shown else f"{m.text} ({shown})"


def _suggest(m: NumberMention) -> str:
    return format_value(m.value) + ("%" if m.percent else "‰" if m.per_mille else "")


def _inside(spans: list[tuple[int, int]], m: NumberMention) -> bool:
    """The number is (part of) a date or time: its digits overlap one ("2024." at the end of a date)."""
    return any(m.start < e and s < m.end for s, e in spans)


def _countable_word(m: NumberMention, text: str, lang: str) -> bool:
    """A soft number worth comparing with a number word on the other side: a rank (第三, third), a number word
    of two or more (three, zwölf), or a CJK numeral counting something (三人, 二人)."""
    if m.hard or m.value < 2 or m.value != int(m.value):
        return False
    if m.ordinal:
        return True
    if lang in {"zh", "ja", "ko"}:
        return text[m.end : m.end + 1] in _COUNTERS or text[m.end : m.end + 2].strip()[:1] in _COUNTERS
    return m.text[:1].isalpha() and m.text.casefold() not in _MONTH_WORDS


_MONTH_WORD_TEXT = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTH_WORDS = frozenset(_MONTH_WORD_TEXT.split())


@dataclass(frozen=True)
class _Kind:
    """How one kind of temporal mention (dates, times) is matched, found in plain numbers and described."""

    name: str
    compatible: Callable[[Any, Any], bool]
    among: Callable[[Any, list[float]], bool]  # the mention stated with plain numbers ("at 3", "3 10 2023")
    describe: Callable[[Any], str]


def _date_among(date: DateMention, values: list[float]) -> bool:
    return all(any(same_value(p, v) for v in values) for p in _parts(date))


def _hour_among(time: TimeMention, values: list[float]) -> bool:
    """The time written without a clock form on the other side ("at 3"): one of its hours is there."""
    return any(math.isclose(m / 60, v) or math.isclose((m / 60) % 12, v) for m in time.minutes for v in values)


_DATES = _Kind("date", compatible_dates, _date_among, describe_date)
_TIMES = _Kind("time", compatible_times, _hour_among, describe_time)


def _temporal_findings(
    kind: _Kind,
    doc_id: str,
    pair: AlignedPair,
    src_items: Sequence[DateMention | TimeMention],
    tgt_items: Sequence[DateMention | TimeMention],
    src_values: list[float],
    tgt_values: list[float],
) -> list[Finding]:
    """D004 for a source date or time the translation changes or drops, D002 for one it adds; a date that
    keeps day and month but drops its stated year is D004 too."""
    findings = []
    free: list[DateMention | TimeMention] = list(tgt_items)
    missing: list[DateMention | TimeMention] = []
    for item in src_items:
        match = next((t for t in free if kind.compatible(item, t)), None)
        if match is not None:
            free.remove(match)
            if isinstance(item, DateMention) and isinstance(match, DateMention):
                findings += _year_dropped(doc_id, pair, item, match, tgt_values)
        elif not kind.among(item, tgt_values):
            missing.append(item)
    free = [t for t in free if not kind.among(t, src_values)]
    label = kind.name.capitalize()
    for item, other in zip(missing, free, strict=False):
        message = (
            f"{label} changed: the source says {item.text} ({kind.describe(item)}), the translation says "
            f"{other.text} ({kind.describe(other)})."
        )
        findings.append(
            finding("D004", doc_id, message, pair=pair, evidence=other.text, suggestion=kind.describe(item))
        )
    for item in missing[len(free) :]:
        message = f"The source {kind.name} {item.text} ({kind.describe(item)}) does not appear in the translation."
        findings.append(finding("D004", doc_id, message, pair=pair, evidence=item.text, suggestion=kind.describe(item)))
    for item in free[len(missing) :]:
        message = (
            f"The translation has the {kind.name} {item.text} ({kind.describe(item)}), which is not in the source."
        )
        findings.append(finding("D002", doc_id, message, pair=pair, evidence=item.text))
    return findings


def _year_dropped(
    doc_id: str, pair: AlignedPair, date: DateMention, match: DateMention, tgt_values: list[float]
) -> list[Finding]:
    if date.year is None or match.year is not None or any(same_value(date.year, v) for v in tgt_values):
        return []
    message = f"The source date {date.text} ({describe_date(date)}) is rendered {match.text!r} without its year."
    return [finding("D004", doc_id, message, pair=pair, evidence=match.text, suggestion=describe_date(date))]


def _parts(date: DateMention) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


def check_pair_numbers(doc_id: str, pair: AlignedPair, src_lang: str, tgt_lang: str) -> list[Finding]:
    src_dates, tgt_dates = extract_dates(pair.source, src_lang), extract_dates(pair.target, tgt_lang)
    src_times, tgt_times = extract_times(pair.source, src_lang), extract_times(pair.target, tgt_lang)
    src_spans = [(d.start, d.end) for d in src_dates] + [(t.start, t.end) for t in src_times]
    tgt_spans = [(d.start, d.end) for d in tgt_dates] + [(t.start, t.end) for t in tgt_times]
    src_all = extract_numbers(pair.source, src_lang)
    tgt_all = extract_numbers(pair.target, tgt_lang)
    src_numbers = [n for n in src_all if not _inside(src_spans, n)]
    tgt_numbers = [n for n in tgt_all if not _inside(tgt_spans, n)]
    # numbers outside dates and times, which may state a date or time in a form not read as one ("at 3")
    src_values, tgt_values = [n.value for n in src_numbers], [n.value for n in tgt_numbers]

    findings = _temporal_findings(_DATES, doc_id, pair, src_dates, tgt_dates, src_values, tgt_values)
    findings += _temporal_findings(_TIMES, doc_id, pair, src_times, tgt_times, src_values, tgt_values)

    missing = _unmatched(src_numbers, tgt_numbers)
    added = _unmatched(tgt_numbers, src_numbers)
    for src_num, tgt_num in zip(missing, added, strict=False):
        findings.append(
            finding(
                "D003",
                doc_id,
                f"Number changed: the source says {_describe(src_num)}, the translation says {_describe(tgt_num)}.",
                pair=pair,
                evidence=tgt_num.text,
                suggestion=_suggest(src_num),
            )
        )
    for src_num in missing[len(added) :]:
        findings.append(
            finding(
                "D001",
                doc_id,
                f"The source number {_describe(src_num)} does not appear in the translation.",
                pair=pair,
                evidence=src_num.text,
                suggestion=_suggest(src_num),
            )
        )
    for tgt_num in added[len(missing) :]:
        findings.append(
            finding(
                "D002",
                doc_id,
                f"The translation has the number {_describe(tgt_num)}, which is not in the source.",
                pair=pair,
                evidence=tgt_num.text,
            )
        )
    findings += _word_changes(doc_id, pair, src_numbers, tgt_numbers, src_lang, tgt_lang)
    return findings


def _word_changes(
    doc_id: str,
    pair: AlignedPair,
    src_numbers: list[NumberMention],
    tgt_numbers: list[NumberMention],
    src_lang: str,
    tgt_lang: str,
) -> list[Finding]:
    """A count or rank in words changed into another (第三 → second, 二人 → three, zwölf → eleven): one such
    word left unmatched on each side, both ranks or both counts."""
    from ..text.script import base_lang

    src_base, tgt_base = base_lang(src_lang) or "", base_lang(tgt_lang) or ""
    src_words = [
        m
        for m in src_numbers
        if _countable_word(m, pair.source, src_base) and not any(same_value(m.value, t.value) for t in tgt_numbers)
    ]
    tgt_words = [
        m
        for m in tgt_numbers
        if _countable_word(m, pair.target, tgt_base) and not any(same_value(m.value, s.value) for s in src_numbers)
    ]
    if len(src_words) != 1 or len(tgt_words) != 1 or src_words[0].ordinal != tgt_words[0].ordinal:
        return []
    src_word, tgt_word = src_words[0], tgt_words[0]
    return [
        finding(
            "D003",
            doc_id,
            f"Number changed: the source says {src_word.text} ({format_value(src_word.value)}), the translation "
            f"says {tgt_word.text} ({format_value(tgt_word.value)}).",
            pair=pair,
            evidence=tgt_word.text,
            suggestion=format_value(src_word.value),
        )
    ]
