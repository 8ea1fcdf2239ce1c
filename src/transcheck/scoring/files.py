"""``transcheck score HYP --ref REF``: metric scores of a translation file against its reference file.

Line-aligned files (the usual test-set layout) are scored line by line. When the two files do not have the
same number of lines (a reference split or merged differently), both are split into sentences and aligned with
the sentence aligner first, target language against itself; a machine-translated sentence with no reference
counterpart is scored against the empty string, so that a dropped or invented sentence still costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..align import default_aligner
from ..text.split import split_sentences
from .metrics import Scores, SentenceScores, scores_from_statistics, segment_statistics, sentence_scores


@dataclass(frozen=True)
class ScoredSegment:
    hypothesis: str
    reference: str
    scores: SentenceScores | None


def paired_segments(hyp_lines: Sequence[str], ref_lines: Sequence[str], lang: str) -> list[tuple[str, str]]:
    """(hypothesis, reference) segments: the lines themselves when the counts agree, else aligned sentences."""
    if len(hyp_lines) == len(ref_lines):
        return list(zip(hyp_lines, ref_lines, strict=True))
    hyp = [s for line in hyp_lines for s in split_sentences(line, lang)]
    ref = [s for line in ref_lines for s in split_sentences(line, lang)]
    joiner = "" if lang in {"zh", "ja"} else " "
    return [
        (joiner.join(hyp[i] for i in link.src), joiner.join(ref[j] for j in link.tgt))
        for link in default_aligner().align(hyp, ref, lang, lang)
    ]


def score_segments(
    segments: Sequence[tuple[str, str]], lang: str, per_sentence: bool = False
) -> tuple[Scores, list[ScoredSegment]]:
    """Corpus scores of the segments (from sacrebleu's sufficient statistics) and, on request, each one's."""
    hyps, refs = [h for h, _ in segments], [r for _, r in segments]
    corpus = scores_from_statistics(segment_statistics(hyps, refs, lang), lang)
    scored = [ScoredSegment(h, r, sentence_scores(h, r, lang) if per_sentence else None) for h, r in segments]
    return corpus, scored
