"""Alignment rules: a source sentence with no translation (A001), a target sentence with no source (A002), and
a linked pair whose lengths disagree far more than the document's other pairs do (A003).

A003 catches what a null link cannot: a sentence that is translated, but only in part (a dropped clause) or with
an invented clause. Lengths are in Latin-equivalent units (a Chinese character counts as the Latin letters it
usually becomes), and each document is its own reference: the median log ratio of its pairs and their spread
(median absolute deviation, with a floor), so that a terse translator or a verbose language is not an outlier.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import AlignedPair, Finding, Severity
from ..text.script import count_scripts, latin_equivalent_length
from . import finding

#: A003 needs this many linked pairs in the document to know its usual ratio.
MIN_PAIRS_FOR_RATIO = 6
#: A pair is an outlier when its log length ratio is this many spreads below the document's median (too
#: short: a part may be missing) or above it (too long: something may be added; long translations are far more
#: often just wordy, so the bar is higher) ...
SHORT_OUTLIER_Z = 2.5
LONG_OUTLIER_Z = 5.0
#: ... the spread being at least this (a log ratio of 0.25 is about ±28 % in length) ...
MIN_LOG_SPREAD = 0.25
#: ... and the lengths differ from the expected by at least this many Latin-equivalent characters.
MIN_LENGTH_GAP = 30.0

#: Below this confidence a null link is reported as a warning rather than an error.
CONFIDENT_NULL = 0.5


def check_pair_alignment(doc_id: str, pair: AlignedPair) -> list[Finding]:
    if pair.src_ids and not pair.tgt_ids:
        if count_scripts(pair.source).letters < 3:
            return []
        severity = None if pair.score >= CONFIDENT_NULL else Severity.WARNING
        return [
            finding(
                "A001",
                doc_id,
                "This source text has no translation.",
                pair=pair,
                evidence=pair.source,
                severity=severity,
            )
        ]
    if pair.tgt_ids and not pair.src_ids:
        if count_scripts(pair.target).letters < 3:
            return []
        return [
            finding(
                "A002", doc_id, "This translated text matches nothing in the source.", pair=pair, evidence=pair.target
            )
        ]
    return []


@dataclass(frozen=True)
class LengthDeviation:
    """How far a linked pair's length ratio lies from its document's usual ratio, in robust standard
    deviations (``z``; negative: shorter), with the lengths and the target length the usual ratio expects."""

    z: float
    src: float
    tgt: float
    expected: float


def length_deviations(pairs: Sequence[AlignedPair]) -> dict[int, LengthDeviation]:
    """Each linked pair's deviation from the median log length ratio of the document's linked pairs, the
    spread being the median absolute deviation (scaled to a standard deviation) or :data:`MIN_LOG_SPREAD`."""
    ratios = {}
    for pair in pairs:
        src, tgt = latin_equivalent_length(pair.source), latin_equivalent_length(pair.target)
        if pair.src_ids and pair.tgt_ids and src >= 1 and tgt >= 1:
            ratios[pair.pair_id] = (math.log(tgt / src), src, tgt)
    if not ratios:
        return {}
    logs = [r for r, _, _ in ratios.values()]
    centre = statistics.median(logs)
    spread = max(1.4826 * statistics.median(abs(x - centre) for x in logs), MIN_LOG_SPREAD)
    return {
        k: LengthDeviation((r - centre) / spread, src, tgt, src * math.exp(centre))
        for k, (r, src, tgt) in ratios.items()
    }


def check_length_ratios(doc_id: str, pairs: Sequence[AlignedPair]) -> list[Finding]:
    """A003 for each linked pair whose length ratio lies far outside the document's usual ratio."""
    deviations = length_deviations(pairs)
    if len(deviations) < MIN_PAIRS_FOR_RATIO:
        return []
    findings = []
    for pair in pairs:
        deviation = deviations.get(pair.pair_id)
        if deviation is None:
            continue
        z, tgt, expected = deviation.z, deviation.tgt, deviation.expected
        if -SHORT_OUTLIER_Z < z < LONG_OUTLIER_Z or abs(tgt - expected) < MIN_LENGTH_GAP:
            continue
        share = tgt / expected
        message = (
            f"The translation is {share:.0%} of the length this document's translations usually have for a "
            "source this long: part of the sentence may be missing."
            if z < 0
            else f"The translation is {share:.1f} times as long as this document's translations usually are for a "
            "source this long: it may add something the source does not say."
        )
        findings.append(finding("A003", doc_id, message, pair=pair, evidence=pair.target))
    return findings
