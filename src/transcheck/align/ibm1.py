"""A translation lexicon learned from the text being aligned (IBM Model 1, expectation-maximisation).

Hunalign's insight: a first alignment by length and anchors is good enough to learn which words translate
which, and that lexicon then sharpens the alignment. This works for any language pair, with no resource,
because a document pair (or a corpus of them) repeats its key words. The EM is vectorised with numpy over the
flattened co-occurrences, so a few thousand sentence pairs train in well under a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

#: A source token → {target token: t(target | source)}.
Lexicon = dict[str, dict[str, float]]

_NULL = "\0null"


def train_ibm1(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
    iterations: int = 5,
    min_count: int = 2,
    keep_top: int = 4,
    min_probability: float = 0.05,
) -> Lexicon:
    """Learn t(e|f) from (source tokens, target tokens) pairs.

    Tokens seen fewer than ``min_count`` times on their side are ignored (one-off words teach nothing and
    cost memory); each source token keeps its ``keep_top`` best translations above ``min_probability``.
    A NULL source token absorbs target words that translate nothing, as in the original model.
    """
    src_counts = Counter(tok for src, _ in pairs for tok in set(src))
    tgt_counts = Counter(tok for _, tgt in pairs for tok in set(tgt))
    src_vocab = {tok: k + 1 for k, tok in enumerate(sorted(t for t, c in src_counts.items() if c >= min_count))}
    src_vocab[_NULL] = 0
    tgt_vocab = {tok: k for k, tok in enumerate(sorted(t for t, c in tgt_counts.items() if c >= min_count))}
    if len(src_vocab) < 2 or not tgt_vocab:
        return {}

    # Flatten: one row per (sentence pair, target position, source token) co-occurrence.
    f_parts: list[np.ndarray] = []
    e_parts: list[np.ndarray] = []
    g_parts: list[np.ndarray] = []  # one group per (sentence pair, target position): the E step's unit
    group = 0
    for src, tgt in pairs:
        fs = np.asarray([0, *sorted({src_vocab[t] for t in src if t in src_vocab})], dtype=np.int64)
        es = np.asarray([e for e in (tgt_vocab.get(tok) for tok in tgt) if e is not None], dtype=np.int64)
        if not len(es):
            continue
        f_parts.append(np.tile(fs, len(es)))
        e_parts.append(np.repeat(es, len(fs)))
        g_parts.append(np.repeat(np.arange(group, group + len(es)), len(fs)))
        group += len(es)
    if not g_parts:
        return {}
    f_arr = np.concatenate(f_parts)
    e_arr = np.concatenate(e_parts)
    g_arr = np.concatenate(g_parts)
    n_e = len(tgt_vocab)
    pair_key = f_arr * n_e + e_arr
    unique_keys, pair_index = np.unique(pair_key, return_inverse=True)
    unique_f = unique_keys // n_e
    prob = np.ones(len(unique_keys), dtype=np.float64)  # uniform start (normalised in the first M step)
    for _ in range(iterations):
        p = prob[pair_index]
        norm = np.bincount(g_arr, weights=p, minlength=group)
        posterior = p / norm[g_arr]
        counts = np.bincount(pair_index, weights=posterior, minlength=len(unique_keys))
        totals = np.bincount(unique_f, weights=counts, minlength=len(src_vocab))
        prob = counts / totals[unique_f]

    src_names = {k: tok for tok, k in src_vocab.items()}
    tgt_names = {k: tok for tok, k in tgt_vocab.items()}
    lexicon: Lexicon = {}
    kept = np.flatnonzero((unique_f != 0) & (prob >= min_probability))
    order = kept[np.lexsort((-prob[kept], unique_f[kept]))]
    for idx in order:
        f = int(unique_f[idx])
        entry = lexicon.setdefault(src_names[f], {})
        if len(entry) < keep_top:
            entry[tgt_names[int(unique_keys[idx] % n_e)]] = float(prob[idx])
    return lexicon
