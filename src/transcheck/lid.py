"""Language identification: script rules first, then langdetect (seeded) for the rest.

langdetect alone calls plain Chinese "Korean" and is random unless seeded, so scripts decide CJK text
outright (Hangul → ko, kana → ja, Han only → zh) and langdetect only weighs Latin-, Cyrillic- and other
alphabetic text. Every detector is created with the same seed, so the same text always gets the same answer,
and answers are cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from langdetect import DetectorFactory
from langdetect.detector_factory import init_factory
from langdetect.lang_detect_exception import LangDetectException

from .text.script import base_lang, count_scripts

#: langdetect needs some letters to say anything useful.
MIN_LETTERS = 3

DetectorFactory.seed = 0


@dataclass(frozen=True)
class LangGuess:
    """A language code (``""`` when undetermined), how sure we are, and the probabilities behind it."""

    lang: str
    confidence: float
    probabilities: tuple[tuple[str, float], ...] = ()
    by_script: bool = False

    def probability(self, lang: str) -> float:
        return dict(self.probabilities).get(base_lang(lang), 0.0)


def _normalise(code: str) -> str:
    code = code.lower()
    if code.startswith("zh"):
        return "zh"
    return base_lang(code)


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    init_factory()
    from langdetect import detector_factory

    factory = detector_factory._factory
    assert factory is not None
    factory.set_seed(0)
    return factory


def _langdetect(text: str) -> tuple[tuple[str, float], ...]:
    detector = _factory().create()
    detector.append(text)
    try:
        langs = detector.get_probabilities()
    except LangDetectException:
        return ()
    merged: dict[str, float] = {}
    for item in langs:
        code = _normalise(item.lang)
        merged[code] = merged.get(code, 0.0) + item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


@lru_cache(maxsize=131072)
def detect(text: str) -> LangGuess:
    """Guess the language of ``text``. Deterministic; cached."""
    counts = count_scripts(text)
    letters = counts.letters
    if letters < MIN_LETTERS:
        return LangGuess("", 0.0)
    if counts.hangul / letters > 0.3:
        return LangGuess("ko", 1.0, (("ko", 1.0),), by_script=True)
    if counts.kana / letters > 0.05:
        return LangGuess("ja", 1.0, (("ja", 1.0),), by_script=True)
    # A Chinese character carries about as much text as three Latin letters ("他在NASA工作" is Chinese).
    if counts.han * 3 / (counts.han * 3 + letters - counts.han) > 0.5:
        return LangGuess("zh", 1.0, (("zh", 1.0),), by_script=True)
    probabilities = _langdetect(text)
    if not probabilities:
        return LangGuess("", 0.0)
    lang, prob = probabilities[0]
    return LangGuess(lang, prob, probabilities)


def detect_document(texts: list[str], sample_chars: int = 5000) -> str:
    """The language of a whole document side, from a sample of its text (``""`` when unknown)."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= sample_chars:
            break
    return detect("\n".join(sample)).lang
