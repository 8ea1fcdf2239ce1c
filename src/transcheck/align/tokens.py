"""Sentence → lexical tokens for alignment: lowercased stems for alphabetic scripts, dictionary words for Chinese.

Alignment needs tokens that a bilingual lexicon can translate and that repeat often enough for a lexicon to be
learned from one corpus, not linguistically exact words. So Latin, Cyrillic and Greek words are cut to a
prefix (a crude stemmer that works for every inflecting language: German "Gletschers" and "Gletscher" meet),
Chinese is segmented by greedy longest match against CC-CEDICT's vocabulary (single characters where nothing
longer matches), and other scripts without spaces (Japanese, Thai …) fall back to character bigrams.
Numbers are not tokens here: they are compared by value as anchors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

#: Characters kept of a word in alphabetic scripts. Five keeps most content words apart and joins inflections.
STEM_LENGTH = 5
_MIN_WORD = 2

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words so frequent and so loosely translated that they only add noise, for the languages of the gold sets
#: and the main use case. Other languages rely on inverse document frequency alone, which removes most of it.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the a an and or of to in on at by for with from as is are was were be been being it its this that these "
        "those he she they we you i his her their our your my me him them us not no but if so than then there "
        "here which who whom whose what when where while also has have had do does did will would shall should "
        "can could may might must into over under about after before up down out off said says"
    ),
    "de": _words(
        "der die das den dem des ein eine einer eines einem einen und oder aber in im am an auf aus bei mit nach "
        "von vom zu zum zur für über unter ist sind war waren wird werden wurde wurden hat haben hatte es er sie "
        "wir ihr ich man sich nicht auch als wie so da dass noch nur schon"
    ),
    "fr": _words(
        "le la les l un une des du de d et ou mais en dans sur sous par pour avec sans au aux ce cet cette ces "
        "il elle ils elles on nous vous je se s qui que qu est sont était étaient a ont avait été être ne pas "
        "plus comme y lui leur leurs son sa ses"
    ),
}


def _base_lang(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def _stem(word: str) -> str:
    return word[:STEM_LENGTH]


def _strip_accents_if_latin(word: str) -> str:
    # Accents vary in loosely edited text (Zurich/Zürich); drop them so such spellings meet.
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_tokens(text: str, lang: str) -> list[str]:
    """Stems of the words of an alphabetic-script sentence, stop words removed."""
    stop = _STOPWORDS.get(_base_lang(lang), frozenset())
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if _HAN.search(word) or _NO_SPACE_SCRIPT.search(word):
            continue
        if len(word) < _MIN_WORD or word in stop:
            continue
        out.append(_stem(_strip_accents_if_latin(word)))
    return out


@lru_cache(maxsize=1)
def _chinese_vocabulary() -> tuple[Mapping[str, object], int]:
    """CC-CEDICT's headwords (the dictionary itself serves for membership) and the longest one's length."""
    from .cedict import cedict_headwords

    words = cedict_headwords()
    return words, max((len(w) for w in words), default=1)


def segment_chinese(run: str) -> list[str]:
    """Every CC-CEDICT word of two to four characters in a run of Han characters, plus each character that no
    such word covers.

    Overlapping words are kept on purpose: alignment only needs evidence, and choosing one segmentation
    (greedy longest match cuts 对日本 into 对日/本) throws some away.
    """
    vocabulary, longest = _chinese_vocabulary()
    longest = min(longest, 4)
    out = []
    covered = [False] * len(run)
    for k in range(len(run)):
        for size in range(2, min(longest, len(run) - k) + 1):
            piece = run[k : k + size]
            if piece in vocabulary:
                out.append(piece)
                for x in range(k, k + size):
                    covered[x] = True
    out.extend(ch for ch, done in zip(run, covered, strict=True) if not done)
    return out


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[k : k + 2] for k in range(len(run) - 1)]


def tokens(text: str, lang: str) -> list[str]:
    """Tokens of any sentence: Chinese words, character bigrams for other spaceless scripts, word stems."""
    out: list[str] = []
    chinese = _base_lang(lang) == "zh"
    for run in _HAN.findall(text):
        out.extend(segment_chinese(run) if chinese else _bigrams(run))
    for run in _NO_SPACE_SCRIPT.findall(text):
        out.extend(_bigrams(run))
    out.extend(word_tokens(text, lang))
    return out


Tokenizer = Callable[[str, str], list[str]]
