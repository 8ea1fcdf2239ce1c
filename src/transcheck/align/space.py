"""Sentence vectors in one shared space, and the dot products the bead search needs from them.

A bead joins consecutive sentences, and the vector of a joined block is the sum of its sentences' vectors, so
every similarity the search asks for comes from two things: the dot products between single source and target
sentences near the search path, and the dot products between neighbouring sentences of one side (for the
norms of joined blocks). Both sparse lexical vectors (dicts) and dense neural embeddings (numpy rows)
implement this; spaces can be downsampled (pairs of sentences summed) for the coarse-to-fine search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .search import MAX_BEAD_SIDE

SparseVector = dict[str, float]


class VectorSpace(Protocol):
    n: int
    m: int

    def dots(self, p: int, q_lo: int, q_hi: int) -> np.ndarray:
        """Dot products of source sentence p with target sentences q_lo … q_hi - 1."""
        ...

    def src_neighbour_dots(self) -> np.ndarray:
        """(n, MAX_BEAD_SIDE) array: [p, d] = s_p · s_{p+d} (0 past the end)."""
        ...

    def tgt_neighbour_dots(self) -> np.ndarray: ...

    def block_dot(self, src: Sequence[int], tgt: Sequence[int]) -> float: ...

    def downsample(self) -> VectorSpace: ...


class SparseRows:
    """Sparse rows in compressed form (CSR): feature ids and weights of row r in ``indptr[r]:indptr[r+1]``."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray) -> None:
        self.indptr, self.indices, self.data = indptr, indices, data

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, r: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.indptr[r], self.indptr[r + 1]
        return self.indices[a:b], self.data[a:b]

    def dots_with(self, scratch: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Dot product of the dense vector ``scratch`` with rows lo … hi-1."""
        a, b = self.indptr[lo], self.indptr[hi]
        products = scratch[self.indices[a:b]] * self.data[a:b]
        running = np.concatenate([[0.0], np.cumsum(products)])
        bounds = self.indptr[lo : hi + 1] - a
        return running[bounds[1:]] - running[bounds[:-1]]

    def pair_sums(self) -> SparseRows:
        """Rows 2k and 2k+1 summed (features merged), for the coarser level of the search."""
        indptr = [0]
        indices: list[np.ndarray] = []
        data: list[np.ndarray] = []
        for r in range(0, len(self), 2):
            lo, hi = self.indptr[r], self.indptr[min(r + 2, len(self))]
            ids, inverse = np.unique(self.indices[lo:hi], return_inverse=True)
            indices.append(ids)
            data.append(np.bincount(inverse, weights=self.data[lo:hi], minlength=len(ids)))
            indptr.append(indptr[-1] + len(ids))
        return SparseRows(
            np.asarray(indptr, dtype=np.int64),
            np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
            np.concatenate(data) if data else np.zeros(0),
        )


def _compress(vectors: list[SparseVector], ids: dict[str, int]) -> SparseRows:
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indices: list[int] = []
    data: list[float] = []
    for r, vec in enumerate(vectors):
        for key in sorted(vec):
            indices.append(ids.setdefault(key, len(ids)))
            data.append(vec[key])
        indptr[r + 1] = len(indices)
    return SparseRows(indptr, np.asarray(indices, dtype=np.int64), np.asarray(data, dtype=np.float64))


class SparseSpace:
    """Lexical vectors (token → weight), stored compressed; dot products go through a dense scratch vector."""

    def __init__(
        self, src: list[SparseVector] | SparseRows, tgt: list[SparseVector] | SparseRows, dim: int = 0
    ) -> None:
        if isinstance(src, SparseRows) and isinstance(tgt, SparseRows):
            self.src_rows, self.tgt_rows, self.dim = src, tgt, dim
        else:
            ids: dict[str, int] = {}
            self.src_rows = _compress(list(src), ids)  # type: ignore[arg-type]
            self.tgt_rows = _compress(list(tgt), ids)  # type: ignore[arg-type]
            self.dim = len(ids)
        self.n, self.m = len(self.src_rows), len(self.tgt_rows)
        self._scratch = np.zeros(max(self.dim, 1))

    def _load(self, rows: SparseRows, members: Sequence[int]) -> None:
        if len(members) == 1:  # a row's features are unique: plain assignment is enough, and much faster
            idx, val = rows.row(members[0])
            self._scratch[idx] = val
            return
        for r in members:
            idx, val = rows.row(r)
            np.add.at(self._scratch, idx, val)

    def _clear(self, rows: SparseRows, members: Sequence[int]) -> None:
        for r in members:
            self._scratch[rows.row(r)[0]] = 0.0

    def dots(self, p: int, q_lo: int, q_hi: int) -> np.ndarray:
        if q_hi <= q_lo:
            return np.zeros(0)
        self._load(self.src_rows, [p])
        out = self.tgt_rows.dots_with(self._scratch, q_lo, q_hi)
        self._clear(self.src_rows, [p])
        return out

    def _neighbours(self, rows: SparseRows) -> np.ndarray:
        out = np.zeros((len(rows), MAX_BEAD_SIDE))
        for p in range(len(rows)):
            self._load(rows, [p])
            hi = min(len(rows), p + MAX_BEAD_SIDE)
            out[p, : hi - p] = rows.dots_with(self._scratch, p, hi)
            self._clear(rows, [p])
        return out

    def src_neighbour_dots(self) -> np.ndarray:
        return self._neighbours(self.src_rows)

    def tgt_neighbour_dots(self) -> np.ndarray:
        return self._neighbours(self.tgt_rows)

    def block_dot(self, src: Sequence[int], tgt: Sequence[int]) -> float:
        if not src or not tgt:
            return 0.0
        self._load(self.src_rows, src)
        total = float(sum(self.tgt_rows.dots_with(self._scratch, q, q + 1)[0] for q in tgt))
        self._clear(self.src_rows, src)
        return total

    def downsample(self) -> SparseSpace:
        return SparseSpace(self.src_rows.pair_sums(), self.tgt_rows.pair_sums(), self.dim)


class DenseSpace:
    """Neural sentence embeddings: one row per sentence."""

    def __init__(self, src: np.ndarray, tgt: np.ndarray) -> None:
        self.src, self.tgt = np.asarray(src, dtype=np.float32), np.asarray(tgt, dtype=np.float32)
        self.n, self.m = len(self.src), len(self.tgt)

    def dots(self, p: int, q_lo: int, q_hi: int) -> np.ndarray:
        return (self.tgt[q_lo:q_hi] @ self.src[p]).astype(np.float64)

    @staticmethod
    def _neighbours(vectors: np.ndarray) -> np.ndarray:
        out = np.zeros((len(vectors), MAX_BEAD_SIDE))
        for d in range(MAX_BEAD_SIDE):
            if d < len(vectors):
                out[: len(vectors) - d, d] = np.einsum("ij,ij->i", vectors[: len(vectors) - d], vectors[d:])
        return out

    def src_neighbour_dots(self) -> np.ndarray:
        return self._neighbours(self.src)

    def tgt_neighbour_dots(self) -> np.ndarray:
        return self._neighbours(self.tgt)

    def block_dot(self, src: Sequence[int], tgt: Sequence[int]) -> float:
        return float(self.src[list(src)].sum(axis=0) @ self.tgt[list(tgt)].sum(axis=0))

    def downsample(self) -> DenseSpace:
        def halve(x: np.ndarray) -> np.ndarray:
            if len(x) % 2:
                x = np.vstack([x, np.zeros((1, x.shape[1]), dtype=x.dtype)])
            return x[0::2] + x[1::2]

        return DenseSpace(halve(self.src), halve(self.tgt))


def block_norms(neighbour_dots: np.ndarray) -> dict[int, np.ndarray]:
    """Squared norm of each block of k consecutive sentences, indexed by the block's end (exclusive).

    ``norms[k][e]`` = |v_{e-k} + … + v_{e-1}|², for e = k … n; entries below k are zero.
    """
    n = neighbour_dots.shape[0]
    out: dict[int, np.ndarray] = {}
    for k in range(1, MAX_BEAD_SIDE + 1):
        norms = np.zeros(n + 1)
        for start in range(0, max(0, n - k + 1)):
            total = 0.0
            for x in range(k):
                total += neighbour_dots[start + x, 0]
                for d in range(1, k - x):
                    total += 2 * neighbour_dots[start + x, d]
            norms[start + k] = total
        out[k] = norms
    return out
