"""Banded dynamic programming over alignment beads, one row at a time, vectorised with numpy.

The search is generic: a :class:`BeadCosts` object prices every bead ending in a row of cells, and this module
finds the cheapest monotone path from (0, 0) to (n, m). Each row only visits the cells inside its band, so
time and memory grow with n × band width rather than n × m. Within a row the insertion bead (0-1) is a
running minimum, computed with ``np.minimum.accumulate`` instead of a Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

#: Bead shapes (source sentences, target sentences) searched. 0-1 is handled apart (it stays in its row).
BEADS: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
)
MAX_BEAD_SIDE = 4
INSERTION = (0, 1)


class BeadCosts(Protocol):
    """Prices beads: ``matrices(band)`` returns, for each shape (a, b) it allows (all or some of :data:`BEADS`;
    (1, 0) is required), an (n+1, W) array
    whose cell (i, c) is the cost of the bead covering source sentences i-a … i-1 and target sentences
    j-b … j-1, where j = band.lo[i] + c (inf where impossible), and the same array for the insertion bead
    (0-1, target sentence j-1 unaligned)."""

    def matrices(self, band: Band) -> tuple[dict[tuple[int, int], np.ndarray], np.ndarray]: ...


@dataclass(frozen=True)
class Band:
    """Inclusive column range [lo[i], hi[i]] searched in each row i = 0 … n; both non-decreasing."""

    lo: np.ndarray
    hi: np.ndarray

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def band_around(path: Sequence[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """A band of ``width`` cells either side of a path of (i, j) points, made monotone and connected."""
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    for i, j in path:
        i0, i1 = max(0, i - width), min(n, i + width)
        lo[i0 : i1 + 1] = np.minimum(lo[i0 : i1 + 1], j - width)
        hi[i0 : i1 + 1] = np.maximum(hi[i0 : i1 + 1], j + width)
    # Rows no path point reached inherit their neighbours' range.
    for i in range(1, n + 1):
        if hi[i] < 0:
            lo[i], hi[i] = lo[i - 1], hi[i - 1]
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0], hi[n] = 0, m
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing from the end: never cut a later row's start
    hi = np.maximum.accumulate(hi)
    return Band(lo, hi)


def search(n: int, m: int, costs: BeadCosts, band: Band) -> list[tuple[int, int, int, int]]:
    """Cheapest path as beads (i0, i1, j0, j1): source i0 … i1-1 with target j0 … j1-1."""
    bead_costs, insertion_costs = costs.matrices(band)
    width = insertion_costs.shape[1]
    lows = band.lo
    # Each row's accumulated costs sit in the middle of a wider row of inf, so that reading the previous
    # row shifted by any amount is a slice, not a gather.
    pad = width + MAX_BEAD_SIDE
    rows = np.full((n + 1, width + 2 * pad), np.inf)
    shapes = [shape for shape in BEADS if shape in bead_costs]  # the shapes this model prices
    choices = np.full((n + 1, width), len(shapes), dtype=np.int8)  # len(shapes) stands for the insertion bead
    insertion_index = len(shapes)
    for i in range(n + 1):
        best = np.full(width, np.inf)
        choice = choices[i]
        if i == 0:
            if lows[0] == 0:
                best[0] = 0.0
        else:
            for k, (a, b) in enumerate(shapes):
                if a > i:
                    continue
                shift = int(lows[i] - b - lows[i - a])
                if not -pad <= shift <= pad:
                    continue
                candidate = rows[i - a, pad + shift : pad + shift + width] + bead_costs[(a, b)][i]
                better = candidate < best
                best[better] = candidate[better]
                choice[better] = k
        # Insertions within the row: best[j] = min(best[j], best[j-1] + ins[j]) as a running minimum.
        ins = np.where(np.isfinite(insertion_costs[i]), insertion_costs[i], 1e18)
        ins[0] = 0.0  # the first cell has no left neighbour in this row; its insertion is never taken
        offset = np.cumsum(ins)
        shifted = best - offset
        lowest = np.minimum.accumulate(shifted)
        # Compare in the shifted domain: re-adding the offset would round and fake an improvement.
        took_insertion = lowest < shifted
        rows[i, pad : pad + width] = np.where(took_insertion, lowest + offset, best)
        choice[took_insertion] = insertion_index
    if not np.isfinite(rows[n, pad + m - int(lows[n])]):
        raise RuntimeError("alignment band does not reach the end cell")  # a bug in band construction
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = int(choices[i][j - int(lows[i])])
        a, b = INSERTION if k == insertion_index else shapes[k]
        beads.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    return beads
