"""Unit tests for the parts of the aligner: tokens, CC-CEDICT, IBM Model 1, vector spaces, lengths, search."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.align.cedict import english_stems
from transcheck.align.ibm1 import train_ibm1
from transcheck.align.length import calibrate, latin_length
from transcheck.align.search import BEADS, Band, band_around, search
from transcheck.align.space import DenseSpace, SparseSpace, block_norms
from transcheck.align.tokens import segment_chinese, tokens, word_tokens

# --- tokens ------------------------------------------------------------------------------------------------


def test_word_tokens_are_lowercased_stems_without_stop_words() -> None:
    assert word_tokens("The Glaciers of the Valais are melting.", "en") == ["glaci", "valai", "melti"]
    assert word_tokens("Die Gletscher des Wallis schmelzen.", "de") == ["glets", "walli", "schme"]


def test_accents_are_dropped_so_spellings_meet() -> None:
    assert word_tokens("Zürich", "de") == word_tokens("Zurich", "fr")


def test_chinese_keeps_overlapping_dictionary_words() -> None:
    # Greedy longest match would cut 对日本 into 对日/本 and lose 日本 (Japan).
    words = segment_chinese("对日本进行访问")
    assert "日本" in words and "访问" in words
    assert "对日" in words  # overlapping words are kept: alignment only needs evidence


def test_characters_not_covered_by_a_word_are_tokens() -> None:
    assert "尹" in segment_chinese("尹锡悦")


def test_other_spaceless_scripts_become_bigrams() -> None:
    assert tokens("ありがとう", "ja") == ["あり", "りが", "がと", "とう"]


def test_numbers_are_not_tokens() -> None:
    assert tokens("2023 1,500 3.5", "en") == []


# --- CC-CEDICT ---------------------------------------------------------------------------------------------


def test_cedict_gives_english_stems_for_chinese_words() -> None:
    assert english_stems("总统") == {"presi": 1.0}
    assert "japan" in english_stems("日本")
    weights = english_stems("峰会")
    assert abs(sum(weights.values()) - 1.0) < 1e-9


def test_cedict_unknown_word_is_empty() -> None:
    assert english_stems("不是一个词语吧") == {}


# --- IBM Model 1 -------------------------------------------------------------------------------------------

TOY = [
    ("das haus", "the house"),
    ("das buch", "the book"),
    ("ein buch", "a book"),
    ("ein haus", "a house"),
    ("das kleine haus", "the small house"),
    ("ein kleines buch", "a small book"),
]


def test_ibm1_learns_word_translations_from_sentence_pairs() -> None:
    lexicon = train_ibm1([(s.split(), t.split()) for s, t in TOY], min_count=1)
    assert max(lexicon["haus"], key=lexicon["haus"].__getitem__) == "house"
    assert max(lexicon["buch"], key=lexicon["buch"].__getitem__) == "book"
    assert max(lexicon["das"], key=lexicon["das"].__getitem__) == "the"
    assert all(0 < p <= 1 for entry in lexicon.values() for p in entry.values())


def test_ibm1_ignores_rare_words_and_empty_input() -> None:
    assert train_ibm1([]) == {}
    lexicon = train_ibm1([(s.split(), t.split()) for s, t in TOY], min_count=3)
    assert "kleine" not in lexicon  # seen once


# --- lengths -----------------------------------------------------------------------------------------------


def test_latin_length_weights_cjk() -> None:
    assert latin_length("abc def") == 6.0
    assert latin_length("日本") == 6.0
    assert latin_length("") == 1.0


def test_calibration_is_robust_to_a_wrong_link() -> None:
    good = [(float(n), float(n) * 1.1) for n in range(40, 140, 10)]
    with_error = [*good, (200.0, 20.0)]
    ratio, _ = calibrate(good) or (0.0, 0.0)
    ratio_e, variance_e = calibrate(with_error) or (0.0, 0.0)
    assert abs(ratio - 1.1) < 1e-6 and abs(ratio_e - 1.1) < 1e-6
    assert variance_e < 3.0  # medians ignore the outlier
    assert calibrate(good[:3]) is None


# --- vector spaces -----------------------------------------------------------------------------------------


def _random_sparse(rng: np.random.Generator, n: int) -> list[dict[str, float]]:
    return [{f"w{k}": float(rng.random()) for k in rng.choice(12, size=4, replace=False)} for _ in range(n)]


def _dense(vectors: list[dict[str, float]]) -> np.ndarray:
    out = np.zeros((len(vectors), 12), dtype=np.float32)
    for r, vec in enumerate(vectors):
        for key, weight in vec.items():
            out[r, int(key[1:])] = weight
    return out


def test_sparse_and_dense_spaces_agree() -> None:
    rng = np.random.default_rng(3)
    src, tgt = _random_sparse(rng, 7), _random_sparse(rng, 9)
    sparse, dense = SparseSpace(src, tgt), DenseSpace(_dense(src), _dense(tgt))
    for p in range(7):
        assert np.allclose(sparse.dots(p, 2, 8), dense.dots(p, 2, 8), atol=1e-5)
    assert np.allclose(sparse.src_neighbour_dots(), dense.src_neighbour_dots(), atol=1e-5)
    assert np.allclose(sparse.tgt_neighbour_dots(), dense.tgt_neighbour_dots(), atol=1e-5)
    assert abs(sparse.block_dot([1, 2], [3, 4, 5]) - dense.block_dot([1, 2], [3, 4, 5])) < 1e-4
    coarse_s, coarse_d = sparse.downsample(), dense.downsample()
    assert (coarse_s.n, coarse_s.m) == (4, 5)
    assert np.allclose(coarse_s.dots(0, 0, 5), coarse_d.dots(0, 0, 5), atol=1e-4)


def test_block_norms_match_explicit_sums() -> None:
    rng = np.random.default_rng(5)
    vectors = rng.random((6, 4))
    space = DenseSpace(vectors, vectors)
    norms = block_norms(space.src_neighbour_dots())
    for k in range(1, 5):
        for end in range(k, 7):
            block = vectors[end - k : end].sum(axis=0)
            assert abs(norms[k][end] - float(block @ block)) < 1e-4


# --- search ------------------------------------------------------------------------------------------------


class _TableCosts:
    """Bead costs from a rule: 1-1 beads on a given path are cheap, everything else is expensive."""

    def __init__(self, cheap: set[tuple[int, int, int, int]], null: float = 1.0) -> None:
        self.cheap, self.null = cheap, null

    def matrices(self, band: Band) -> tuple[dict[tuple[int, int], np.ndarray], np.ndarray]:
        width = int((band.hi - band.lo).max()) + 1
        out = {}
        for a, b in BEADS:
            grid = np.full((len(band.lo), width), np.inf)
            for i in range(len(band.lo)):
                for c in range(width):
                    j = int(band.lo[i]) + c
                    if j > band.hi[i] or i < a or j < b:
                        continue
                    grid[i, c] = self.null * a if b == 0 else (0.0 if (i - a, i, j - b, j) in self.cheap else 5.0)
            out[(a, b)] = grid
        insertion = np.full((len(band.lo), width), self.null)
        return out, insertion


def test_search_follows_the_cheap_beads() -> None:
    cheap = {(0, 1, 0, 1), (1, 3, 1, 2), (4, 5, 2, 4)}
    beads = search(5, 4, _TableCosts(cheap), Band.full(5, 4))
    assert beads == [(0, 1, 0, 1), (1, 3, 1, 2), (3, 4, 2, 2), (4, 5, 2, 4)]


def test_search_with_nothing_cheap_leaves_everything_unaligned() -> None:
    beads = search(2, 2, _TableCosts(set(), null=0.1), Band.full(2, 2))
    assert all(i1 - i0 == 0 or j1 - j0 == 0 for i0, i1, j0, j1 in beads)


def test_band_around_a_path_is_monotone_and_reaches_both_corners() -> None:
    band = band_around([(0, 0), (5, 9), (10, 10)], 10, 12, 2)
    assert band.lo[0] == 0 and band.hi[10] == 12
    assert (np.diff(band.lo) >= 0).all() and (np.diff(band.hi) >= 0).all()
    assert band.lo[5] <= 9 <= band.hi[5]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 9), st.integers(0, 9), st.integers(0, 2**31))
def test_search_covers_every_sentence_once(n: int, m: int, seed: int) -> None:
    rng = np.random.default_rng(seed)

    class RandomCosts:
        def matrices(self, band: Band) -> tuple[dict[tuple[int, int], np.ndarray], np.ndarray]:
            width = int((band.hi - band.lo).max()) + 1
            out = {bead: rng.random((n + 1, width)) * 3 for bead in BEADS}
            for (a, b), grid in out.items():
                for i in range(n + 1):
                    cols = band.lo[i] + np.arange(width)
                    grid[i, (cols > band.hi[i]) | (cols < b) | (i < a)] = np.inf
            return out, np.full((n + 1, width), 1.0)

    beads = search(n, m, RandomCosts(), Band.full(n, m))
    assert [k for i0, i1, _, _ in beads for k in range(i0, i1)] == list(range(n))
    assert [k for _, _, j0, j1 in beads for k in range(j0, j1)] == list(range(m))
    assert all((i1 - i0, j1 - j0) in {*BEADS, (0, 1)} for i0, i1, j0, j1 in beads)


@pytest.mark.parametrize("n", [0, 1])
def test_search_on_tiny_inputs(n: int) -> None:
    beads = search(n, 1, _TableCosts(set()), Band.full(n, 1))
    assert [k for _, _, j0, j1 in beads for k in range(j0, j1)] == [0]
