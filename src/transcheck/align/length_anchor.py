"""A first sentence aligner: dynamic programming over beads scored by length, with number anchors.

This is Gale & Church's method with two changes that matter for checking machine translation:

* the length ratio and its variance are calibrated on the document itself (a first pass over its 1-1 links),
  because characters per sentence differ threefold between Chinese and English and MT output is regular;
* a sentence without counterpart (1-0, 0-1) costs a fixed amount instead of a length-based amount, so that a
  dropped sentence shows up as an omission instead of being glued to its neighbour in a 2-1 bead.

Shared numbers (by value) pull sentences together and clashing numbers push them apart. The search is
restricted to a band around the diagonal so time grows linearly with the document.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from ..text.numbers import extract_numbers
from ..text.script import count_scripts
from .base import Link

#: (source sentences, target sentences) of each bead kind, with its prior probability (Gale & Church 1993).
_BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.005,
    (0, 1): 0.005,
    (2, 1): 0.0445,
    (1, 2): 0.0445,
}
_NULL_EXTRA = 3.5  # added to -log(prior) for a null link: about 8.8 in all
_DEFAULT_VARIANCE = 3.0
_MIN_VARIANCE = 0.6
_MAX_VARIANCE = 12.0
_ANCHOR_WEIGHT = 1.5
_INF = float("inf")

#: How many Latin-script characters one character of each CJK script yields in translation, on average for
#: news text. Lengths are measured in these Latin-equivalent units so that the expected ratio is near 1 for
#: every pair (and a sentence left in Chinese inside an English translation keeps its real weight); each
#: document then calibrates its own ratio and variance.
_LATIN_PER_CHAR = {"han": 3.0, "hangul": 2.3, "kana": 1.6}


def _length(sentence: str) -> float:
    counts = count_scripts(sentence)
    other = len("".join(sentence.split())) - counts.han - counts.hangul - counts.kana
    weighted = (
        other
        + counts.han * _LATIN_PER_CHAR["han"]
        + counts.hangul * _LATIN_PER_CHAR["hangul"]
        + counts.kana * _LATIN_PER_CHAR["kana"]
    )
    return max(1.0, float(weighted))


def _neg_log_two_sided_p(z: float) -> float:
    """-log P(|Z| >= z) for a standard normal Z, stable for large z."""
    z = abs(z)
    if z < 8:
        return -math.log(max(math.erfc(z / math.sqrt(2)), 1e-300))
    # Asymptotic tail: erfc(x) ~ exp(-x^2) / (x sqrt(pi)), x = z / sqrt(2)
    x = z / math.sqrt(2)
    return x * x + math.log(x * math.sqrt(math.pi))


#: Turns a sentence into anchor keys that must agree across languages (number values, name ids …).
AnchorFunction = Callable[[str, str], frozenset[Hashable]]


def number_anchors(sentence: str, lang: str) -> frozenset[Hashable]:
    """Hard numbers by value (rounded so that 3万 and 30,000 give the same key)."""
    return frozenset(round(n.value, 6) for n in extract_numbers(sentence, lang) if n.hard)


@dataclass
class _Side:
    lengths: list[float]
    anchors: list[frozenset[Hashable]]


def _prepare(sentences: Sequence[str], lang: str, functions: Sequence[AnchorFunction]) -> _Side:
    lengths = [_length(s) for s in sentences]
    anchors = [frozenset().union(*(f(s, lang) for f in functions)) for s in sentences]
    return _Side(lengths, anchors)


def _anchor_cost(src_keys: frozenset[Hashable], tgt_keys: frozenset[Hashable]) -> float:
    """Shared anchors lower the cost, anchors present on one side only raise it (capped either way)."""
    if not src_keys or not tgt_keys:
        return 0.0
    matched = len(src_keys & tgt_keys)
    unmatched = len(src_keys ^ tgt_keys)
    return _ANCHOR_WEIGHT * (min(unmatched, 3) - min(matched, 3))


class LengthAnchorAligner:
    """Gale-Church-style aligner, self-calibrated per document, with number anchors and a diagonal band."""

    def __init__(self, band: int = 30, anchors: Sequence[AnchorFunction] = (number_anchors,)) -> None:
        self.band = band
        self.anchors = tuple(anchors)

    def align(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Link]:
        return self.align_blocks([(src, tgt)], src_lang, tgt_lang)[0]

    def align_blocks(
        self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]], src_lang: str, tgt_lang: str
    ) -> list[list[Link]]:
        """Align each (source, target) block — paragraphs of one document — calibrated on all of them.

        A paragraph has too few sentences to estimate the length ratio and its variance; the document has
        enough, so the estimate is shared across its blocks.
        """
        sides = [(_prepare(src, src_lang, self.anchors), _prepare(tgt, tgt_lang, self.anchors)) for src, tgt in blocks]
        total_s = sum(sum(s.lengths) for s, _ in sides)
        total_t = sum(sum(t.lengths) for _, t in sides)
        ratio = total_t / total_s if total_s and total_t else 1.0
        variance = _DEFAULT_VARIANCE
        links = [self._search(s, t, ratio, variance) for s, t in sides]
        for _ in range(2):
            calibrated = self._calibrate(sides, links)
            if calibrated is None or calibrated == (ratio, variance):
                break
            ratio, variance = calibrated
            links = [self._search(s, t, ratio, variance) for s, t in sides]
        return links

    @staticmethod
    def _calibrate(sides: list[tuple[_Side, _Side]], links: list[list[Link]]) -> tuple[float, float] | None:
        """Re-estimate ratio and variance from the 1-1 links (needs a handful of them)."""
        pairs = [
            (s.lengths[lk.src[0]], t.lengths[lk.tgt[0]])
            for (s, t), block in zip(sides, links, strict=True)
            for lk in block
            if len(lk.src) == len(lk.tgt) == 1
        ]
        if len(pairs) < 4:
            return None
        new_ratio = sum(b for _, b in pairs) / sum(a for a, _ in pairs)
        residuals = [((b / new_ratio) - a) ** 2 / ((a + b / new_ratio) / 2) for a, b in pairs]
        residuals.sort()
        kept = residuals[: max(3, int(len(residuals) * 0.9))]  # trim the worst tenth: they may be errors
        variance = sum(kept) / len(kept)
        return new_ratio, min(_MAX_VARIANCE, max(_MIN_VARIANCE, variance * 1.5))

    def _bead_cost(
        self, s: _Side, t: _Side, i: int, j: int, di: int, dj: int, ratio: float, variance: float
    ) -> tuple[float, float]:
        """Cost of the bead covering src[i-di:i] and tgt[j-dj:j], and the p-value of its length match."""
        prior = -math.log(_BEADS[(di, dj)])
        if di == 0 or dj == 0:
            return prior + _NULL_EXTRA, 1.0
        ls = sum(s.lengths[i - di : i])
        lt = sum(t.lengths[j - dj : j]) / ratio
        z = (lt - ls) / math.sqrt(variance * (ls + lt) / 2)
        length_cost = _neg_log_two_sided_p(z)
        src_keys = frozenset().union(*s.anchors[i - di : i])
        tgt_keys = frozenset().union(*t.anchors[j - dj : j])
        cost = prior + length_cost + _anchor_cost(src_keys, tgt_keys)
        return cost, math.exp(-length_cost)

    def _search(self, s: _Side, t: _Side, ratio: float, variance: float) -> list[Link]:
        n, m = len(s.lengths), len(t.lengths)
        if not n or not m:
            return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
        band = max(self.band, abs(n - m) + 5)
        cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
        back: dict[tuple[int, int], tuple[int, int, float]] = {}
        for i in range(n + 1):
            centre = i * m / n
            lo = max(0, int(centre) - band)
            hi = min(m, math.ceil(centre) + band)
            for j in range(lo, hi + 1):
                if i == 0 and j == 0:
                    continue
                best = _INF
                best_back: tuple[int, int, float] | None = None
                for di, dj in _BEADS:
                    pi, pj = i - di, j - dj
                    if pi < 0 or pj < 0:
                        continue
                    prev = cost.get((pi, pj))
                    if prev is None:
                        continue
                    bead, pvalue = self._bead_cost(s, t, i, j, di, dj, ratio, variance)
                    total = prev + bead
                    if total < best:
                        best, best_back = total, (di, dj, pvalue)
                if best_back is not None:
                    cost[(i, j)] = best
                    back[(i, j)] = best_back
        links: list[Link] = []
        i, j = n, m
        while (i, j) != (0, 0):
            di, dj, pvalue = back[(i, j)]
            links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), pvalue))
            i, j = i - di, j - dj
        links.reverse()
        return self._score_nulls(links, s, t, ratio, variance)

    def _score_nulls(self, links: list[Link], s: _Side, t: _Side, ratio: float, variance: float) -> list[Link]:
        """A null link's confidence: how badly the sentence would fit if glued to a neighbouring bead."""
        scored: list[Link] = []
        for k, link in enumerate(links):
            if link.src and link.tgt:
                scored.append(link)
                continue
            best_fit = 0.0
            for other in (links[k - 1] if k else None, links[k + 1] if k + 1 < len(links) else None):
                if other is None or not (other.src and other.tgt):
                    continue
                src_ids = sorted(set(other.src) | set(link.src))
                tgt_ids = sorted(set(other.tgt) | set(link.tgt))
                ls = sum(s.lengths[x] for x in src_ids)
                lt = sum(t.lengths[y] for y in tgt_ids) / ratio
                z = (lt - ls) / math.sqrt(variance * (ls + lt) / 2)
                best_fit = max(best_fit, math.exp(-_neg_log_two_sided_p(z)))
            scored.append(Link(link.src, link.tgt, round(1.0 - best_fit, 6)))
        return scored
