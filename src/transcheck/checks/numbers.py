"""Number rules by value: missing (D001), added (D002) and changed (D003).

Hard numbers (digits, numerals with units) must reappear on the other side with the same value; soft
ones (number words, month names, single CJK numerals such as 两) only count as a match. A missing and an
added number in the same pair are reported together as one change, which is what a reviewer fixes.
"""

from __future__ import annotations

from ..model import AlignedPair, Finding
from ..text.numbers import NumberMention, extract_numbers, format_value, same_value
from . import finding


def _unmatched(mine: list[NumberMention], theirs: list[NumberMention]) -> list[NumberMention]:
    """Hard numbers of ``mine`` whose value (or a reading of the same words, "3 p.m." = 15) is not in ``theirs``."""
    matched_spans = {(m.start, m.end) for m in mine if any(same_value(m.value, t.value) for t in theirs)}
    seen: set[float] = set()
    result = []
    for m in mine:
        if not m.hard or m.value in seen or (m.start, m.end) in matched_spans:
            continue
        seen.add(m.value)
        result.append(m)
    return result


def _describe(m: NumberMention) -> str:
    shown = format_value(m.value) + ("%" if m.percent else "")
    return m.text if m.text == shown else f"{m.text} ({shown})"


def check_pair_numbers(doc_id: str, pair: AlignedPair, src_lang: str, tgt_lang: str) -> list[Finding]:
    src_numbers = extract_numbers(pair.source, src_lang)
    tgt_numbers = extract_numbers(pair.target, tgt_lang)
    missing = _unmatched(src_numbers, tgt_numbers)
    added = _unmatched(tgt_numbers, src_numbers)
    findings: list[Finding] = []
    for src_num, tgt_num in zip(missing, added, strict=False):
        findings.append(
            finding(
                "D003",
                doc_id,
                f"Number changed: the source says {_describe(src_num)}, the translation says {_describe(tgt_num)}.",
                pair=pair,
                evidence=tgt_num.text,
                suggestion=format_value(src_num.value) + ("%" if src_num.percent else ""),
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
                suggestion=format_value(src_num.value),
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
    return findings
