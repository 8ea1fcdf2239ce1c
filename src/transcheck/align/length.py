"""Sentence length in Latin-equivalent units, and the length ratio of a language pair calibrated per document.

Characters per sentence differ about threefold between Chinese and English, so raw character counts would
make every Chinese sentence look like a fragment. Lengths are counted in Latin-equivalent units: each CJK
character counts as the Latin characters it yields in translation on average, so the expected ratio is near 1
for every pair and a sentence left in Chinese inside an English translation keeps its real weight. Each
document then calibrates the exact ratio and its variance on its own confident links.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.script import latin_equivalent_length

DEFAULT_VARIANCE = 3.0
MIN_VARIANCE = 1.5
MAX_VARIANCE = 12.0


def latin_length(sentence: str) -> float:
    """Non-space characters, CJK weighted by what they yield in translation (see ``text.script``); at least 1."""
    return max(1.0, latin_equivalent_length(sentence))


def calibrate(pairs: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Target/source length ratio and the variance of the length difference, from (source, target) lengths of
    confident 1-1 links; None with fewer than four links."""
    if len(pairs) < 4:
        return None
    ratios = sorted(b / a for a, b in pairs if a > 0)
    ratio = ratios[len(ratios) // 2]
    residuals = sorted(((b / ratio) - a) ** 2 / ((a + b / ratio) / 2) for a, b in pairs)
    # Medians throughout, so that the few wrong links a first pass has cannot pull the ratio or inflate the
    # variance: the median of a squared standard normal is 0.455.
    variance = residuals[len(residuals) // 2] / 0.455
    return ratio, min(MAX_VARIANCE, max(MIN_VARIANCE, variance))
