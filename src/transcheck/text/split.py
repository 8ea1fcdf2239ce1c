"""Sentence splitting for Chinese, Japanese, Korean and space-delimited scripts.

We rely on ``sentencex`` (Wikimedia's rule-based segmenter, MIT, ~300 languages): it keeps abbreviations
("Dr.", "U.S."), initials and decimals together and keeps a closing quote with its sentence in CJK text
(。” stays one sentence). Around it we only add what a checker needs: stripping, dropping empty pieces and a
hard cap on sentence length so that a pathological "sentence" cannot make alignment quadratic.
"""

from __future__ import annotations

from functools import lru_cache

from sentencex import segment

from .script import base_lang

#: A longer "sentence" is cut into pieces of this many characters (1 MB of text without a full stop must
#: not become one giant alignment unit).
MAX_SENTENCE_CHARS = 2000


@lru_cache(maxsize=16384)
def _split_cached(lang: str, text: str) -> tuple[str, ...]:
    pieces: list[str] = []
    for raw in segment(lang or "en", text):
        sentence = raw.strip()
        if not sentence:
            continue
        while len(sentence) > MAX_SENTENCE_CHARS:
            pieces.append(sentence[:MAX_SENTENCE_CHARS])
            sentence = sentence[MAX_SENTENCE_CHARS:].lstrip()
        if sentence:
            pieces.append(sentence)
    return tuple(pieces)


def split_sentences(text: str, lang: str | None) -> list[str]:
    """Split one paragraph into sentences; the result joined back covers all non-space text."""
    if not text.strip():
        return []
    return list(_split_cached(base_lang(lang), text))
