"""Language rules: wrong language (L001), untranslated text (L002), source script inside a translation (L003).

Scripts decide CJK outright; langdetect only weighs alphabetic text and only when the segment is long enough
and the answer is clear-cut, because short English sentences come back as Indonesian or Turkish.
"""

from __future__ import annotations

from ..lid import detect
from ..model import AlignedPair, Finding
from ..text.script import base_lang, count_scripts, han_runs, is_cjk_lang
from . import finding

#: Alphabetic segments shorter than this are not judged by langdetect (too unreliable).
MIN_LETTERS_FOR_LANGDETECT = 40
MIN_CONFIDENCE = 0.95

#: Very frequent English function words. A sentence where they make up a good share of the words is English,
#: and langdetect (slow, and unreliable on short text) need not be asked.
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "this",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "but",
        "which",
        "its",
        "their",
        "they",
        "he",
        "she",
        "will",
        "would",
        "said",
        "after",
        "also",
        "an",
        "or",
    ]
)


def _clearly_english(text: str) -> bool:
    words = [w.strip(".,;:!?\"'()“”‘’").casefold() for w in text.split()]
    words = [w for w in words if w]
    return len(words) >= 4 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.2


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def judge_sentence(text: str, source: str, src_lang: str, tgt_lang: str) -> tuple[str, str] | None:
    """``(rule, detected language)`` when ``text`` is not in ``tgt_lang``; ``None`` when it is (or unclear)."""
    src, tgt = base_lang(src_lang), base_lang(tgt_lang)
    counts = count_scripts(text)
    if counts.letters < 3:
        return None
    if src and src != tgt and source and _normalised(text) in _normalised(source):
        return "L002", src
    if tgt == "en" and counts.latin == counts.letters and _clearly_english(text):
        return None
    guess = detect(text)
    if not guess.lang or guess.lang == tgt:
        return None
    if guess.by_script:
        if is_cjk_lang(tgt) and {guess.lang, tgt} == {"zh", "ja"} and counts.kana == 0:
            return None  # Han-only text is as likely Japanese as Chinese
        return ("L002" if guess.lang == src else "L001"), guess.lang
    if is_cjk_lang(tgt):
        cjk_share = (counts.han + counts.hangul + counts.kana) / counts.letters
        if cjk_share >= 0.2 or counts.latin < 8:
            return None
        return ("L002" if guess.lang == src or not is_cjk_lang(src) else "L001"), guess.lang or "?"
    if counts.letters < MIN_LETTERS_FOR_LANGDETECT or guess.confidence < MIN_CONFIDENCE:
        return None
    if guess.probability(tgt) > 0.05:
        return None
    return ("L002" if guess.lang == src else "L001"), guess.lang


def check_pair_language(
    doc_id: str, pair: AlignedPair, target_sentences: list[str], src_lang: str, tgt_lang: str
) -> list[Finding]:
    """Judge each target sentence of the pair; report Chinese characters left inside other sentences."""
    findings: list[Finding] = []
    for sentence in target_sentences:
        verdict = judge_sentence(sentence, pair.source, src_lang, tgt_lang)
        if verdict is not None:
            code, lang = verdict
            message = (
                f"Left untranslated: this target sentence is in the source language ({lang})."
                if code == "L002"
                else f"Target sentence is in {lang}, expected {base_lang(tgt_lang)}."
            )
            findings.append(finding(code, doc_id, message, pair=pair, evidence=sentence))
            continue
        if not is_cjk_lang(tgt_lang):
            for run in han_runs(sentence):
                findings.append(
                    finding(
                        "L003",
                        doc_id,
                        f"Chinese characters {run!r} left inside the translation.",
                        pair=pair,
                        evidence=run,
                    )
                )
    return findings
