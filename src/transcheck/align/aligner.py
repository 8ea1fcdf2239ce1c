"""The sentence aligner ``transcheck check`` uses: lexical similarity, lengths and anchors, coarse to fine.

Two passes, as Hunalign does it:

1. sentences become sparse vectors of their own tokens, their numbers by value and, for Chinese↔English, the
   English words CC-CEDICT gives for the Chinese words; a first alignment follows;
2. an IBM Model 1 lexicon is learned, in both directions, from the first pass's links over all the blocks
   aligned together, every sentence is also projected into the other language, and the final alignment follows.

``fit`` learns such a lexicon once from a whole corpus, and later alignments start from it. Each alignment is
a coarse-to-fine search (Vecalign's recursion): both sides are downsampled by summing pairs of sentence
vectors until a full search is cheap, and each finer level searches a band around the coarser path, so time
grows linearly with document length. An optional neural encoder adds a second similarity (dense embeddings)
whose bead costs are blended with the lexical ones.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..names.lexicon import NameLexicon, shipped_lexicon
from ..text.numbers import extract_numbers
from .base import Link
from .cedict import english_stems
from .costs import BeadCostModel, Calibration, CostParams
from .ibm1 import Lexicon, train_ibm1
from .length import DEFAULT_VARIANCE, calibrate, latin_length
from .search import BEADS, Band, band_around, search
from .space import DenseSpace, SparseRows, SparseSpace, VectorSpace
from .tokens import tokens, word_tokens

#: Below this many cells a level is searched in full instead of around a coarser path.
FULL_SEARCH_CELLS = 40_000
#: Half-width of the band around the coarser path, in sentences.
BAND_WIDTH = 8
#: Weight of a number (by value) relative to a word: numbers rarely change in translation.
NUMBER_WEIGHT = 2.0
#: Confidence = logistic(CONFIDENCE_SLOPE × cost saved against the alternative).
CONFIDENCE_SLOPE = 3.0
#: Shapes searched where only a rough path is needed: the first pass (it feeds calibration and lexicon
#: training, which use beads of up to two sentences a side) and the coarser levels of every search (their path
#: only places the band of the next level). Fewer shapes save a third of the time there.
SMALL_SHAPES = ((1, 1), (1, 0), (1, 2), (2, 1), (2, 2))
#: Bounds of the starting length ratio (before calibration on the document's own links).
MAX_START_RATIO = 1.25
#: Training pairs for the learned lexicon: at most (more adds little and costs time), and at least.
MAX_TRAINING_PAIRS = 3000
MIN_TRAINING_PAIRS = 20
_SAMPLE = 200
_CJK_LANGS = {"zh", "ja", "ko"}


def _base(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


@dataclass
class _Side:
    """Per-sentence features of one side of one block."""

    tokens: list[list[str]]
    numbers: list[list[str]]
    lengths: np.ndarray
    #: English word stems of the lexicon names written in CJK in each sentence (尹锡悦 → yoon, suk, yeol).
    names: list[list[str]]


def _side(sentences: Sequence[str], lang: str, lexicon: NameLexicon | None) -> _Side:
    toks = [tokens(s, lang) for s in sentences]
    nums = [[f"#{round(n.value, 6):g}" for n in extract_numbers(s, lang) if n.hard] for s in sentences]
    if lexicon is not None and _base(lang) in _CJK_LANGS:
        names = [
            [stem for _, entry in lexicon.find_in_source(s) for stem in word_tokens(entry.english, "en")]
            for s in sentences
        ]
    else:
        names = [[] for _ in sentences]
    return _Side(toks, nums, np.array([latin_length(s) for s in sentences], dtype=np.float64), names)


@dataclass
class _Projection:
    """How one side's tokens are projected into the other language (a lexicon per direction)."""

    lexicons: list[Lexicon | None] = field(default_factory=list)
    chinese_to_english: bool = False

    def targets(self, token: str) -> dict[str, float]:
        out: dict[str, float] = {}
        if self.chinese_to_english:
            out.update(english_stems(token))
        for lexicon in self.lexicons:
            if lexicon:
                for t, w in lexicon.get(token, {}).items():
                    out[t] = out.get(t, 0.0) + w
        return out


def _spaces(
    src_sides: list[_Side], tgt_sides: list[_Side], src_proj: _Projection, tgt_proj: _Projection
) -> list[SparseSpace]:
    """One sparse space per block: features are keyed by the language of the word they name, so a source
    word ``x`` ("s:x") meets the target's projection onto ``x`` and the other way round; a token spelled the
    same on both sides (a name, a code, a cognate) adds a shared "=" feature; numbers meet by value.
    Weights are inverse document frequencies over every sentence of every block."""
    ids: dict[str, int] = {}
    src_vocab = {tok for side in src_sides for toks in side.tokens for tok in toks}
    tgt_vocab = {tok for side in tgt_sides for toks in side.tokens for tok in toks}
    shared = src_vocab & tgt_vocab

    def features(side: _Side, projection: _Projection, own: str, other: str) -> SparseRows:
        memo: dict[str, list[tuple[int, float]]] = {}
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for toks, nums, names in zip(side.tokens, side.numbers, side.names, strict=True):
            vec: dict[int, float] = {}
            for stem in names:  # a name's English rendering meets the English side's own words
                f = ids.setdefault(other + stem, len(ids))
                vec[f] = vec.get(f, 0.0) + 1.0
            for tok in toks:
                feats = memo.get(tok)
                if feats is None:
                    feats = [(ids.setdefault(own + tok, len(ids)), 1.0)]
                    if tok in shared:
                        feats.append((ids.setdefault("=" + tok, len(ids)), 1.0))
                    feats.extend((ids.setdefault(other + t, len(ids)), w) for t, w in projection.targets(tok).items())
                    memo[tok] = feats
                for f, w in feats:
                    vec[f] = vec.get(f, 0.0) + w
            for num in nums:
                f = ids.setdefault(num, len(ids))
                vec[f] = vec.get(f, 0.0) + NUMBER_WEIGHT
            indices.extend(vec.keys())
            data.extend(vec.values())
            indptr.append(len(indices))
        return SparseRows(
            np.asarray(indptr, dtype=np.int64), np.asarray(indices, dtype=np.int64), np.asarray(data, dtype=float)
        )

    src_rows = [features(side, src_proj, "s:", "t:") for side in src_sides]
    tgt_rows = [features(side, tgt_proj, "t:", "s:") for side in tgt_sides]
    every = src_rows + tgt_rows
    df = np.zeros(len(ids))
    for rows in every:
        df += np.bincount(rows.indices, minlength=len(ids))
    total = sum(len(rows) for rows in every)
    idf = np.log((total + 1) / (df + 0.5))
    for rows in every:
        rows.data = rows.data * idf[rows.indices]
    return [SparseSpace(s, t, len(ids)) for s, t in zip(src_rows, tgt_rows, strict=True)]


class LexicalAligner:
    """Sentence aligner over beads 0-1 … 4-1 / 1-4 and 2-2, with lexical, length, number and name evidence.

    ``encoder``: an optional object with ``encode(list[str]) -> np.ndarray`` (L2-normalised rows); its bead
    costs are blended with the lexical ones, ``encoder_weight`` being its share. ``names``: the name lexicon
    whose CJK forms anchor English renderings (the shipped one by default).
    """

    def __init__(
        self,
        params: CostParams | None = None,
        encoder: object | None = None,
        names: NameLexicon | None = None,
        encoder_weight: float = 0.5,
    ) -> None:
        self.params = params or CostParams()
        self.encoder = encoder
        self.encoder_weight = encoder_weight
        self.names = names if names is not None else shipped_lexicon()
        #: Lexicons learned by :meth:`fit` per (source, target) language, in both directions.
        self.corpus_lexicons: dict[tuple[str, str], tuple[Lexicon, Lexicon]] = {}

    # -- the SentenceAligner protocol -------------------------------------------------------------------------

    def align(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Link]:
        return self.align_blocks([(src, tgt)], src_lang, tgt_lang)[0]

    def align_blocks(
        self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]], src_lang: str, tgt_lang: str
    ) -> list[list[Link]]:
        """Align several blocks (paragraphs of a document, or documents of a corpus) with shared learning:
        length calibration, document frequencies and the IBM-1 lexicon come from all of them."""
        beads, models = self._align(blocks, src_lang, tgt_lang)
        return [self._links(block, model) for block, model in zip(beads, models, strict=True)]

    def fit(self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]], src_lang: str, tgt_lang: str) -> None:
        """Learn a lexicon from a whole corpus (aligned once for the purpose) that later calls start from.

        A single short document repeats too few words to teach IBM Model 1 much; a corpus of them does. Only
        the first :data:`MAX_TRAINING_PAIRS` sentence pairs' worth of blocks are used, so the cost is bounded.
        """
        chosen: list[tuple[Sequence[str], Sequence[str]]] = []
        budget = MAX_TRAINING_PAIRS
        for src, tgt in blocks:
            if budget <= 0:
                break
            if src and tgt:
                chosen.append((src, tgt))
                budget -= min(len(src), len(tgt))
        if not chosen:
            return
        src_sides = [_side(s, src_lang, self.names) for s, _ in chosen]
        tgt_sides = [_side(t, tgt_lang, self.names) for _, t in chosen]
        beads, _ = self._align(chosen, src_lang, tgt_lang, src_sides, tgt_sides)
        training = _training_pairs(src_sides, tgt_sides, beads)
        if len(training) >= MIN_TRAINING_PAIRS:
            self.corpus_lexicons[(_base(src_lang), _base(tgt_lang))] = (
                train_ibm1(training),
                train_ibm1([(t, s) for s, t in training]),
            )

    def _align(
        self,
        blocks: Sequence[tuple[Sequence[str], Sequence[str]]],
        src_lang: str,
        tgt_lang: str,
        src_sides: list[_Side] | None = None,
        tgt_sides: list[_Side] | None = None,
    ) -> tuple[list[list[tuple[int, int, int, int]]], list[BeadCostModel | None]]:
        """Two passes: a first alignment, then a lexicon learned from it, then the final alignment; one pass when
        :meth:`fit` has learned a lexicon for these languages already."""
        src_sides = src_sides or [_side(s, src_lang, self.names) for s, _ in blocks]
        tgt_sides = tgt_sides or [_side(t, tgt_lang, self.names) for _, t in blocks]
        zh_en = {_base(src_lang), _base(tgt_lang)} == {"zh", "en"}
        corpus = self.corpus_lexicons.get((_base(src_lang), _base(tgt_lang)))
        src_proj = _Projection([corpus[0]] if corpus else [], chinese_to_english=zh_en and _base(src_lang) == "zh")
        tgt_proj = _Projection([corpus[1]] if corpus else [], chinese_to_english=zh_en and _base(tgt_lang) == "zh")
        dense = self._dense(blocks)

        total_s = sum(float(s.lengths.sum()) for s in src_sides)
        total_t = sum(float(t.lengths.sum()) for t in tgt_sides)
        # Lengths are in Latin-equivalent units, so the ratio is near 1 for every pair; a document's totals only
        # adjust it within bounds, because a truncated translation must not teach the aligner that the target
        # language is three times shorter.
        ratio = min(MAX_START_RATIO, max(1 / MAX_START_RATIO, total_t / total_s)) if total_s and total_t else 1.0
        variance = DEFAULT_VARIANCE
        if corpus is not None:
            # A lexicon learned from the whole corpus is there: one pass. A document's own first pass (to learn a
            # lexicon from itself and calibrate lengths) changed strict F1 by -0.002 to +0.002 on three gold
            # sets when a corpus lexicon was present, and costs as much again (benchmarks/bench_align.py, engine).
            return self._pass(src_sides, tgt_sides, src_proj, tgt_proj, dense, ratio, variance)

        beads, _ = self._pass(src_sides, tgt_sides, src_proj, tgt_proj, dense, ratio, variance, SMALL_SHAPES)
        calibrated = calibrate(
            [
                (float(s.lengths[i0]), float(t.lengths[j0]))
                for s, t, block in zip(src_sides, tgt_sides, beads, strict=True)
                for i0, i1, j0, j1 in block
                if i1 - i0 == 1 and j1 - j0 == 1
            ]
        )
        if calibrated:
            ratio, variance = calibrated
        training = _training_pairs(src_sides, tgt_sides, beads)
        if len(training) >= MIN_TRAINING_PAIRS:
            src_proj.lexicons.append(train_ibm1(training))
            tgt_proj.lexicons.append(train_ibm1([(t, s) for s, t in training]))
        return self._pass(src_sides, tgt_sides, src_proj, tgt_proj, dense, ratio, variance)

    # -- internals --------------------------------------------------------------------------------------------

    def _dense(self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list[DenseSpace] | None:
        if self.encoder is None:
            return None
        encode = self.encoder.encode  # type: ignore[attr-defined]
        return [DenseSpace(encode(list(s)), encode(list(t))) for s, t in blocks]

    def _pass(
        self,
        src_sides: list[_Side],
        tgt_sides: list[_Side],
        src_proj: _Projection,
        tgt_proj: _Projection,
        dense: list[DenseSpace] | None,
        ratio: float,
        variance: float,
        shapes: tuple[tuple[int, int], ...] = BEADS,
    ) -> tuple[list[list[tuple[int, int, int, int]]], list[BeadCostModel | None]]:
        lexical = _spaces(src_sides, tgt_sides, src_proj, tgt_proj)
        beads: list[list[tuple[int, int, int, int]]] = []
        models: list[BeadCostModel | None] = []
        for k, (s, t) in enumerate(zip(src_sides, tgt_sides, strict=True)):
            spaces: list[VectorSpace] = [lexical[k]]
            if dense is not None:
                spaces.append(dense[k])
            n, m = len(s.lengths), len(t.lengths)
            if n == 0 or m == 0:
                beads.append([(i, i + 1, 0, 0) for i in range(n)] + [(n, n, j, j + 1) for j in range(m)])
                models.append(None)
                continue
            block_beads, model = self._align_level(spaces, s.lengths, t.lengths, ratio, variance, shapes)
            beads.append(block_beads)
            models.append(model)
        return beads, models

    def _align_level(
        self,
        spaces: list[VectorSpace],
        src_len: np.ndarray,
        tgt_len: np.ndarray,
        ratio: float,
        variance: float,
        shapes: tuple[tuple[int, int], ...],
    ) -> tuple[list[tuple[int, int, int, int]], BeadCostModel]:
        """Search one level, in full when small, else in a band around the path found one level coarser."""
        n, m = len(src_len), len(tgt_len)
        if n * m <= FULL_SEARCH_CELLS or min(n, m) < 4:
            band = Band.full(n, m)
        else:
            coarse, _ = self._align_level(
                [sp.downsample() for sp in spaces], _halve(src_len), _halve(tgt_len), ratio, variance, SMALL_SHAPES
            )
            path = [(min(n, 2 * i1), min(m, 2 * j1)) for _, i1, _, j1 in coarse]
            path = [(0, 0), *path, (n, m)]
            band = band_around(_densify(path), n, m, BAND_WIDTH)
        model = _combined_model(spaces, src_len, tgt_len, ratio, variance, self.params, self.encoder_weight, shapes)
        return search(n, m, model, band), model

    def _links(self, beads: list[tuple[int, int, int, int]], model: BeadCostModel | None) -> list[Link]:
        links = []
        for k, (i0, i1, j0, j1) in enumerate(beads):
            src, tgt = tuple(range(i0, i1)), tuple(range(j0, j1))
            if model is None:
                links.append(Link(src, tgt, 1.0))
                continue
            links.append(Link(src, tgt, round(_confidence(beads, k, model), 6)))
        return links


def _training_pairs(
    src_sides: list[_Side], tgt_sides: list[_Side], beads: list[list[tuple[int, int, int, int]]]
) -> list[tuple[list[str], list[str]]]:
    """Token lists of the matched beads of up to two sentences a side: the lexicon's training data, thinned
    evenly to at most :data:`MAX_TRAINING_PAIRS` (more adds little to the lexicon and costs time)."""
    pairs = [
        (
            [tok for k in range(i0, i1) for tok in s.tokens[k]],
            [tok for k in range(j0, j1) for tok in t.tokens[k]],
        )
        for s, t, block in zip(src_sides, tgt_sides, beads, strict=True)
        for i0, i1, j0, j1 in block
        if 0 < i1 - i0 <= 2 and 0 < j1 - j0 <= 2
    ]
    if len(pairs) > MAX_TRAINING_PAIRS:
        step = len(pairs) / MAX_TRAINING_PAIRS
        pairs = [pairs[int(k * step)] for k in range(MAX_TRAINING_PAIRS)]
    return pairs


def _halve(lengths: np.ndarray) -> np.ndarray:
    if len(lengths) % 2:
        lengths = np.append(lengths, 0.0)
    return lengths[0::2] + lengths[1::2]


def _densify(path: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add intermediate points along long jumps so the band covers the straight line between them."""
    out = [path[0]]
    for (i0, j0), (i1, j1) in itertools.pairwise(path):
        steps = max(abs(i1 - i0), abs(j1 - j0))
        for s in range(1, steps + 1):
            out.append((i0 + (i1 - i0) * s // steps, j0 + (j1 - j0) * s // steps))
    return out


def _combined_model(
    spaces: list[VectorSpace],
    src_len: np.ndarray,
    tgt_len: np.ndarray,
    ratio: float,
    variance: float,
    params: CostParams,
    encoder_weight: float,
    shapes: tuple[tuple[int, int], ...],
) -> BeadCostModel:
    models = [BeadCostModel(sp, src_len, tgt_len, _calibration(sp, ratio, variance), params, shapes) for sp in spaces]
    weights = [1.0 - encoder_weight, encoder_weight]
    kept = [(m, w) for m, w in zip(models, weights, strict=False) if w > 0] or [(models[0], 1.0)]
    if len(kept) == 1:
        return kept[0][0]
    return _BlendedModel([m for m, _ in kept], [w for _, w in kept])  # type: ignore[return-value]


class _BlendedModel:
    """A weighted mean of the bead costs of several similarity spaces (lexical and neural)."""

    def __init__(self, models: list[BeadCostModel], weights: list[float]) -> None:
        self.models, self.weights = models, weights

    def matrices(self, band: Band) -> tuple[dict[tuple[int, int], np.ndarray], np.ndarray]:
        parts = [model.matrices(band) for model in self.models]
        beads = {k: sum(w * p[0][k] for w, p in zip(self.weights, parts, strict=True)) for k in parts[0][0]}
        return beads, parts[0][1]  # type: ignore[return-value]

    def block_cost(self, src: range, tgt: range) -> float:
        return sum(w * m.block_cost(src, tgt) for w, m in zip(self.weights, self.models, strict=True))


def _calibration(space: VectorSpace, ratio: float, variance: float) -> Calibration:
    """Random-pair and typical-match cosines of this space, measured on a deterministic sample."""
    n, m = space.n, space.m
    rng = random.Random(n * 7919 + m)
    src_norm = np.sqrt(np.maximum(space.src_neighbour_dots()[:, 0], 1e-12))
    tgt_norm = np.sqrt(np.maximum(space.tgt_neighbour_dots()[:, 0], 1e-12))
    sample = sorted(rng.sample(range(n), min(n, _SAMPLE)))
    random_cos = []
    best_cos = []
    window = min(max(10, abs(n - m) + 5), 30)
    for p in sample:
        centre = int(p * m / max(n, 1))
        lo, hi = max(0, centre - window), min(m, centre + window + 1)
        cos = space.dots(p, lo, hi) / (src_norm[p] * tgt_norm[lo:hi])
        best_cos.append(float(cos.max()) if len(cos) else 0.0)
        q = rng.randrange(m)
        if abs(q - centre) > window or m <= 2 * window:
            random_cos.append(float(space.dots(p, q, q + 1)[0] / (src_norm[p] * tgt_norm[q])))
    random_cosine = float(np.mean(random_cos)) if random_cos else 0.0
    # Only min(n, m) source sentences can have a counterpart: when the target is much shorter (a truncated
    # translation) the median source sentence has none, so the typical match is read higher up.
    share = min(n, m) / max(n, m, 1)
    match_cosine = float(np.quantile(best_cos, 1 - share / 2)) if best_cos else 1.0
    return Calibration(ratio, variance, random_cosine, match_cosine)


def _confidence(beads: list[tuple[int, int, int, int]], k: int, model: BeadCostModel) -> float:
    """How much the chosen bead saves against its best alternative, squashed to [0, 1].

    A matched bead's alternative is leaving its sentences unaligned; a null bead's alternative is joining its
    sentence to the bead before or after it.
    """
    i0, i1, j0, j1 = beads[k]
    own = model.block_cost(range(i0, i1), range(j0, j1))
    if i1 > i0 and j1 > j0:
        saving = model.block_cost(range(i0, i1), range(0)) + model.block_cost(range(0), range(j0, j1)) - own
    else:
        alternatives = []
        for other in (k - 1, k + 1):
            if not 0 <= other < len(beads):
                continue
            a0, a1, b0, b1 = beads[other]
            if a1 == a0 or b1 == b0:
                continue
            merged = model.block_cost(range(min(a0, i0), max(a1, i1)), range(min(b0, j0), max(b1, j1)))
            alternatives.append(merged - own - model.block_cost(range(a0, a1), range(b0, b1)))
        saving = min(alternatives) if alternatives else 2.0
    return 1.0 / (1.0 + math.exp(-CONFIDENCE_SLOPE * saving))
