"""sacrebleu BLEU, chrF, chrF++ and TER per document and for the corpus, with their signatures; and the same
metrics per sentence pair (sentence BLEU with effective order) for segments.csv.

Segments are paragraphs when the translation and its reference have the same paragraphs, otherwise the whole
document is one segment. The tokenizer follows the target language (``zh`` for Chinese; ``ja-mecab`` /
``ko-mecab`` when their sacrebleu extras are installed, characters otherwise; ``13a`` for the rest), and TER
runs with ``asian_support`` and ``normalized`` on CJK targets, as sacrebleu documents.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sacrebleu.metrics import BLEU, CHRF, TER

from ..text.script import base_lang


@dataclass(frozen=True)
class Scores:
    bleu: float
    chrf: float
    ter: float
    segments: int
    chrf_pp: float = 0.0  # chrF++ (word bigrams as well as character n-grams)


def bleu_tokenizer(tgt_lang: str) -> str:
    lang = base_lang(tgt_lang)
    if lang == "zh":
        return "zh"
    if lang == "ja":
        return "ja-mecab" if importlib.util.find_spec("MeCab") and importlib.util.find_spec("ipadic") else "char"
    if lang == "ko":
        return "ko-mecab" if importlib.util.find_spec("mecab_ko") else "char"
    return "13a"


@lru_cache(maxsize=16)
def _metrics(tgt_lang: str) -> tuple[BLEU, CHRF, TER]:
    cjk = base_lang(tgt_lang) in {"zh", "ja", "ko"}
    return (
        BLEU(tokenize=bleu_tokenizer(tgt_lang)),
        CHRF(),
        TER(asian_support=cjk, normalized=cjk),
    )


@lru_cache(maxsize=16)
def _chrf_pp() -> CHRF:
    return CHRF(word_order=2)


@lru_cache(maxsize=16)
def _sentence_bleu(tgt_lang: str) -> BLEU:
    # effective order: a short sentence without 4-gram matches is not scored 0 (sacrebleu's sentence BLEU)
    return BLEU(tokenize=bleu_tokenizer(tgt_lang), effective_order=True)


@dataclass(frozen=True, slots=True)
class SentenceScores:
    bleu: float
    chrf: float
    chrf_pp: float
    ter: float


def sentence_scores(hypothesis: str, reference: str, tgt_lang: str) -> SentenceScores:
    """BLEU (effective order), chrF, chrF++ and TER of one sentence pair against its reference."""
    _, chrf, ter = _metrics(base_lang(tgt_lang))
    refs = [reference]
    return SentenceScores(
        bleu=round(_sentence_bleu(base_lang(tgt_lang)).sentence_score(hypothesis, refs).score, 4),
        chrf=round(chrf.sentence_score(hypothesis, refs).score, 4),
        chrf_pp=round(_chrf_pp().sentence_score(hypothesis, refs).score, 4),
        ter=round(ter.sentence_score(hypothesis, refs).score, 4),
    )


@dataclass(frozen=True)
class Statistics:
    """sacrebleu's per-segment sufficient statistics for BLEU, chrF and TER.

    They add up exactly, so a corpus score is computed from the documents' statistics without re-reading
    any text, whichever process computed them (the pattern of sacrebleu's own ``corpus_score``).
    """

    bleu: tuple[tuple[Any, ...], ...] = ()
    chrf: tuple[tuple[Any, ...], ...] = ()
    ter: tuple[tuple[Any, ...], ...] = ()
    chrf_pp: tuple[tuple[Any, ...], ...] = ()

    def __add__(self, other: Statistics) -> Statistics:
        return Statistics(
            self.bleu + other.bleu, self.chrf + other.chrf, self.ter + other.ter, self.chrf_pp + other.chrf_pp
        )

    @property
    def segments(self) -> int:
        return len(self.bleu)


def segment_statistics(hypotheses: list[str], references: list[str], tgt_lang: str) -> Statistics:
    """Sufficient statistics of each (hypothesis, reference) segment, one reference each."""
    bleu, chrf, ter = _metrics(base_lang(tgt_lang))
    refs = [references]

    def extract(metric: BLEU | CHRF | TER) -> tuple[tuple[Any, ...], ...]:
        return tuple(tuple(row) for row in metric._extract_corpus_statistics(hypotheses, refs))

    return Statistics(extract(bleu), extract(chrf), extract(ter), extract(_chrf_pp()))


def scores_from_statistics(stats: Statistics, tgt_lang: str) -> Scores:
    bleu, chrf, ter = _metrics(base_lang(tgt_lang))
    return Scores(
        bleu=round(bleu._aggregate_and_compute([list(r) for r in stats.bleu]).score, 4),
        chrf=round(chrf._aggregate_and_compute([list(r) for r in stats.chrf]).score, 4),
        ter=round(ter._aggregate_and_compute([list(r) for r in stats.ter]).score, 4),
        segments=stats.segments,
        chrf_pp=round(_chrf_pp()._aggregate_and_compute([list(r) for r in stats.chrf_pp]).score, 4)
        if stats.chrf_pp
        else 0.0,
    )


def signatures(tgt_lang: str) -> dict[str, str]:
    """sacrebleu's signature strings for the metrics used on ``tgt_lang`` (a score must exist first)."""
    bleu, chrf, ter = _metrics(base_lang(tgt_lang))
    sigs = {}
    for name, metric in (("bleu", bleu), ("chrf", chrf), ("chrf_pp", _chrf_pp()), ("ter", ter)):
        metric.corpus_score(["a"], [["a"]])  # get_signature() needs one computed score
        sigs[name] = str(metric.get_signature())
    return sigs


def segments_for_scoring(hyp_units: list[str], ref_units: list[str]) -> tuple[list[str], list[str]]:
    """Paragraph pairs when both sides have the same paragraphs, else the whole document as one segment."""
    if len(hyp_units) == len(ref_units) and hyp_units:
        return hyp_units, ref_units
    return [" ".join(hyp_units)], [" ".join(ref_units)]
