"""Language identification: scripts first, then langdetect's profiles, with a two-way decision for QA.

Two questions are answered here:

- :func:`detect` names the language of a text with no hint (document languages, a third language in a
  translation);
- :func:`decide` answers what a translation check actually asks: "is this segment in the expected language or
  in the alternative one (its source language)?", and :func:`decide_detail` says how sure it is and why.

Both look at the text the same way:

1. **Noise out.** URLs, e-mail addresses, markup tags, entities and placeholders are removed, digits and
   punctuation are not letters.
2. **Embedded names out.** Inside text written in a non-Latin script, Latin words with a capital letter or a
   digit (``iPhone``, ``GPT-4o``, ``LG Energy Solution``) are names, brands or codes and do not count; inside
   Latin text with ordinary lowercase words, a short run of Han, kana, Hangul or another script (a name such
   as 岸田文雄 or 이재명) does not count either; nor does a gloss in brackets (``Kyodo News (共同通信)``). When
   nothing else is left, everything counts.
3. **Scripts decide where they can**, with CJK characters weighted as the Latin letters they stand for
   (:data:`~transcheck.text.script.LATIN_PER_CHAR`): Hangul → Korean, kana → Japanese, Cyrillic is not
   English, and so on. Text written in Han characters alone is told apart as Japanese or Chinese by the
   character forms each uses (脳 気 総 are Japanese only; 这 们 东 are simplified Chinese only; a text that
   mixes 会/国 with 談/東 is Japanese, because Chinese writes either 会谈 or 會談) and by a short list of
   kana-free Japanese words (訪米, 株価 …) that no Chinese dictionary knows.
4. **Otherwise langdetect's n-gram profiles** score the text deterministically: every n-gram langdetect
   would sample counts once, tempered because overlapping n-grams are not independent. :func:`detect` weighs
   the languages written in the text's script with priors from their numbers of speakers (a two-word string
   is far more likely English than Tagalog); :func:`decide` compares only the two candidates, with even
   priors, and adds the evidence of their alphabets (ờ, ß or ñ is no English letter, ы no Ukrainian one).
   Capitalised words after the first are left out when enough lowercase words remain (names: "Zhang Wei, Li
   Na and Wang Fang joined Huawei").
5. **Fallback.** When nothing tells the two candidates apart (no letters, a script neither uses, a language
   langdetect has no profile for, a tie), :func:`decide` keeps the expected language with confidence 0.5:
   a check must not accuse a segment it cannot judge.

Everything is deterministic and cached.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import numpy as np
from langdetect import DetectorFactory
from langdetect.detector_factory import init_factory

from .text.script import (
    CHINESE_ONLY_HAN,
    JAPANESE_ONLY_HAN,
    LANG_SCRIPTS,
    LATIN_PER_CHAR,
    SIMPLIFIED_JAPANESE_HAN,
    TRADITIONAL_JAPANESE_HAN,
    TRADITIONAL_NOT_JAPANESE_HAN,
    base_lang,
    count_scripts,
    lang_scripts,
    script_of,
)

#: Alphabetic text needs this many letters before anything is said about it ...
MIN_LETTERS = 3
#: ... and CJK text this many characters (天气, 날씨 and 天気 are words).
MIN_CJK = 2

DetectorFactory.seed = 0


@dataclass(frozen=True)
class LangGuess:
    """A language code (``""`` when undetermined), how sure we are, and the probabilities behind it."""

    lang: str
    confidence: float
    probabilities: tuple[tuple[str, float], ...] = ()
    by_script: bool = False

    def probability(self, lang: str) -> float:
        return dict(self.probabilities).get(_code(lang), 0.0)


@dataclass(frozen=True)
class Decision:
    """The answer to "is this text in ``expected`` or in ``alternative``?".

    ``lang`` is one of the two (normalised: ``zh-CN`` → ``zh``); ``confidence`` is the probability of that
    answer, between 0.5 (no evidence either way) and 1; ``method`` says what decided: ``script`` (letters of a
    script only one candidate uses), ``han-forms`` (Japanese or Chinese character forms and words),
    ``ngrams`` (langdetect's profiles), or ``none`` (nothing to go on: the expected language stands).
    ``evidence`` is a short human-readable reason; ``letters`` how many letters were weighed (names, numbers
    and markup set aside).
    """

    lang: str
    confidence: float
    method: str
    evidence: str = ""
    letters: int = 0

    def __str__(self) -> str:
        return self.lang


def _code(code: str | None) -> str:
    """``zh-CN``/``zh-Hant``/``zh-tw`` → ``zh``; ``pt_BR`` → ``pt``; ``None`` → ``""``."""
    return base_lang(code)


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    init_factory()
    from langdetect import detector_factory

    factory = detector_factory._factory
    assert factory is not None
    factory.set_seed(0)
    return factory


# --- text preparation ----------------------------------------------------------------------------------------

_NOISE = re.compile(
    r"""
    (?:https?|ftp)://\S+ | www\.\S+                         # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                          # e-mail addresses
    | </?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>                   # markup tags
    | &(?:[A-Za-z][A-Za-z0-9]{1,31}|\#\d{1,7}|\#x[0-9A-Fa-f]{1,6});   # entities
    | \{\{[^{}]*\}\} | \{[^{}\s]*\}                         # {{var}}, {0}, {name}
    | %(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXoecgG@]        # printf: %s, %1$d, %.2f
    | %\([A-Za-z_]\w*\)[sdifr]                              # %(name)s
    | \$\{?[A-Z_][A-Z0-9_]*\}?                              # $VAR, ${VAR}
    """,
    re.VERBOSE,
)


def without_markup(text: str) -> str:
    """``text`` with URLs, e-mail addresses, tags, entities and placeholders blanked out."""
    return _NOISE.sub(" ", text)


_OPEN_BRACKETS = "([（［【〔"
_CLOSE_BRACKETS = ")]）］】〕"
#: Han, kana and Hangul runs up to this long inside Latin text are taken for names (岸田文雄, 이재명) ...
MAX_EMBEDDED_CJK = 5
#: ... when the Latin text around them has at least this many lowercase words.
MIN_MATRIX_WORDS = 2
#: Capitalised words after the first are left out of the n-gram model's text when this many lowercase words
#: remain.
MIN_NGRAM_WORDS = 3
_CJK_SCRIPTS = frozenset({"han", "kana", "hangul"})


@dataclass(frozen=True)
class _Token:
    """A run of letters of one script (a Latin word may hold digits, hyphens and apostrophes)."""

    text: str
    script: str
    letters: int
    bracketed: bool

    @property
    def name_like(self) -> bool:
        """A Latin word with a capital letter or a digit: a name, brand, acronym or code."""
        return self.script == "latin" and any(c.isupper() or c.isdigit() for c in self.text)

    @property
    def lowercase_word(self) -> bool:
        return self.script == "latin" and not self.name_like and self.letters >= 2


def _tokens(text: str) -> list[_Token]:
    """Runs of letters of one script, in order; Latin words keep inner digits, hyphens and apostrophes
    (``GPT-4o``, ``Suk-yeol``, ``don't``) and a leading digit (``5G``)."""
    tokens: list[_Token] = []
    depth = 0
    buf: list[str] = []
    script = ""
    letters = 0

    def flush() -> None:
        nonlocal buf, script, letters
        if letters:
            tokens.append(_Token("".join(buf), script, letters, depth > 0))
        buf, script, letters = [], "", 0

    for i, ch in enumerate(text):
        s = script_of(ch)
        following = script_of(text[i + 1]) if i + 1 < len(text) else ""
        if s:
            if s != script:
                flush()
                script = s
            buf.append(ch)
            letters += 1
        elif ch.isdigit() and (script == "latin" or (not buf and following == "latin")):
            buf.append(ch)
            script = "latin"
        elif script == "latin" and ch in "-'’" and (following == "latin" or text[i + 1 : i + 2].isdigit()):
            buf.append(ch)
        elif buf and unicodedata.category(ch).startswith("M"):
            buf.append(ch)  # vowel signs and other combining marks stay in their word
        else:
            flush()
            if ch in _OPEN_BRACKETS:
                depth += 1
            elif ch in _CLOSE_BRACKETS and depth:
                depth -= 1
    flush()
    return tokens


@dataclass(frozen=True)
class _Profile:
    """What the text is made of once noise and embedded names are set aside."""

    raw: dict[str, int]  # letters per script among the counted tokens
    weights: dict[str, float]  # the same, CJK weighted as Latin-equivalent letters
    han_text: str  # the Han characters counted, in order, runs separated by spaces
    ngram_text: str  # what the n-gram model reads (see :func:`_ngram_text`)

    @property
    def total(self) -> float:
        return sum(self.weights.values())

    def weight(self, scripts: frozenset[str] | set[str]) -> float:
        return sum(self.weights.get(s, 0.0) for s in scripts)


def _weight(script: str, letters: int) -> float:
    return letters * LATIN_PER_CHAR.get(script, 1.0)


# The caches keyed by a sentence (here, and in text/split, text/numbers, text/dates) hold 16,384 entries: a
# sentence is asked about several times while its document is checked, rarely afterwards, and the cap keeps a
# run over a million sentences at a flat memory instead of growing with the corpus.
@lru_cache(maxsize=16384)
def _profile(text: str) -> _Profile:
    counted = _tokens(without_markup(text))
    # Glosses in brackets: "Kyodo News (共同通信)", "尹锡悦（윤석열）".
    outside = [t for t in counted if not t.bracketed]
    if outside and sum(t.letters for t in outside) >= 2:
        counted = outside
    # Short CJK runs (and single words of other scripts) inside Latin text with ordinary words are names.
    if sum(t.lowercase_word for t in counted) >= MIN_MATRIX_WORDS:
        embedded = [
            t
            for t in counted
            if t.script != "latin"
            and (t.letters <= MAX_EMBEDDED_CJK if t.script in _CJK_SCRIPTS else _run_words(counted, t) == 1)
        ]
        latin = sum(t.letters for t in counted if t.script == "latin")
        if embedded and latin > sum(_weight(t.script, t.letters) for t in embedded):
            counted = [t for t in counted if all(t is not x for x in embedded)]
    # Latin names, brands and codes inside text of another script: "OpenAI发布GPT-4o", "Новый iPhone 16".
    if any(t.script != "latin" for t in counted):
        kept = [t for t in counted if not t.name_like]
        if kept:
            counted = kept
    raw: dict[str, int] = {}
    for t in counted:
        raw[t.script] = raw.get(t.script, 0) + t.letters
    weights = {s: _weight(s, n) for s, n in raw.items()}
    han_text = " ".join(t.text for t in counted if t.script == "han")
    return _Profile(raw, weights, han_text, _ngram_text(counted))


def _ngram_text(tokens: list[_Token]) -> str:
    """The words the n-gram model reads: capitalised words after the first are names more often than not
    (Zhang Wei, Li Na and Wang Fang joined Huawei), so they are left out when enough lowercase words remain."""
    words = [t for t in tokens if t.script != "latin" or t is tokens[0] or not t.name_like]
    if sum(t.lowercase_word for t in words) >= MIN_NGRAM_WORDS:
        return " ".join(t.text for t in words)
    return " ".join(t.text for t in tokens)


def _run_words(tokens: list[_Token], token: _Token) -> int:
    """How many consecutive tokens of ``token``'s script stand around it (a phrase, not a lone name)."""
    i = next(k for k, t in enumerate(tokens) if t is token)
    lo = hi = i
    while lo > 0 and tokens[lo - 1].script == token.script:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].script == token.script:
        hi += 1
    return hi - lo + 1


# --- Han-only text: Japanese or Chinese? -----------------------------------------------------------------------

#: Japanese words written without kana that Chinese does not use (checked against CC-CEDICT and jieba's
#: dictionary by the tests), with what Chinese writes instead. 米 for America is Japanese only (Chinese: 美).
JAPANESE_KANA_FREE_WORDS = frozenset(
    {
        "訪米",  # 访美
        "渡米",  # 赴美
        "日米",  # 日美
        "米軍",  # 美军
        "米中",  # 美中
        "米韓",  # 美韩
        "米朝",  # 美朝
        "駐米",  # 驻美
        "全米",  # 全美
        "米政府",  # 美国政府
        "大統領",  # 总统
        "知事選",  # 知事选举
        "株価",  # 股价
        "株主",  # 股东
        "株式",  # 股份
        "容疑者",  # 嫌疑人
        "選手権",  # 锦标赛
        "残業",  # 加班
        "地検",  # 地方检察厅
        "地裁",  # 地方法院
        "高裁",  # 高等法院
        "運休",  # 停运
        "春闘",  # 春季劳资谈判
    }
)
_MAX_WORD = max(len(w) for w in JAPANESE_KANA_FREE_WORDS)
#: A traditional character whose Japanese form differs (國, 會, 發) counts this much towards Chinese: Japanese
#: names keep some old forms (澤, 邊, 國).
TRADITIONAL_WEIGHT = 0.5


@dataclass(frozen=True)
class HanEvidence:
    """How much a Han-only text looks Japanese and how much Chinese, and why."""

    ja: float
    zh: float
    reasons: tuple[str, ...] = ()

    @property
    def lang(self) -> str:
        """``ja``, ``zh``, or ``""`` when the evidence is even."""
        if self.ja > self.zh:
            return "ja"
        if self.zh > self.ja:
            return "zh"
        return ""

    @property
    def confidence(self) -> float:
        """1 − ½^(1 + margin): 0.5 when even, 0.75 with one telling form more on one side, 0.875 with two …"""
        return 1.0 - 0.5 ** (1.0 + abs(self.ja - self.zh))


@lru_cache(maxsize=16384)
def han_evidence(text: str) -> HanEvidence:
    """Japanese and Chinese evidence in the Han characters of ``text`` (kana and Hangul are not looked at).

    Japanese: characters only Japanese writes (脳 気 総 駅 円), kana-free Japanese words
    (:data:`JAPANESE_KANA_FREE_WORDS`, only where a Chinese segmentation does not cut through them), and a
    mix of forms Chinese never mixes (会 or 国, simplified in both, beside 談 or 東, traditional in Chinese).
    Chinese: simplified characters Japanese does not use (这 们 东 发) and, at half weight, traditional ones
    whose Japanese form differs (國 會 發)."""
    ja_only = [c for c in text if c in JAPANESE_ONLY_HAN]
    zh_only = [c for c in text if c in CHINESE_ONLY_HAN]
    trad_changed = [c for c in text if c in TRADITIONAL_NOT_JAPANESE_HAN]
    shared_simplified = [c for c in text if c in SIMPLIFIED_JAPANESE_HAN]
    trad_kept = [c for c in text if c in TRADITIONAL_JAPANESE_HAN]
    words = _japanese_words(text)
    reasons: list[str] = []
    ja = float(len(ja_only) + len(words))
    if ja_only:
        reasons.append("Japanese-only forms " + "".join(ja_only))
    if words:
        reasons.append("Japanese words " + "、".join(words))
    if shared_simplified and trad_kept:
        ja += 1.0
        reasons.append(f"Japanese mix of forms {''.join(shared_simplified[:3])}+{''.join(trad_kept[:3])}")
    zh = len(zh_only) + TRADITIONAL_WEIGHT * len(trad_changed)
    if zh_only:
        reasons.append("simplified Chinese forms " + "".join(zh_only[:6]))
    if trad_changed:
        reasons.append("traditional Chinese forms " + "".join(trad_changed[:6]))
    return HanEvidence(ja, zh, tuple(reasons))


def _japanese_words(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for i in range(len(text)):
        for n in range(_MAX_WORD, 1, -1):
            if text[i : i + n] in JAPANESE_KANA_FREE_WORDS:
                found.append((i, text[i : i + n]))
                break
    if not found:
        return []
    bounds = _chinese_word_bounds(text)
    return [w for i, w in found if i in bounds and i + len(w) in bounds]


@cache
def _segmenter() -> tuple[Any, Any, Any]:
    import jieba
    import opencc

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _chinese_word_bounds(text: str) -> frozenset[int]:
    """Offsets where a Chinese segmentation (jieba, on the simplified form of the text) puts a word boundary,
    so that 米中 in 大米中 (rice, in) is not taken for the Japanese word for "US–China"."""
    jieba, jp2t, t2s = _segmenter()
    simplified = t2s.convert(jp2t.convert(text))
    if len(simplified) != len(text):
        return frozenset(range(len(text) + 1))
    bounds = {0}
    offset = 0
    for word in jieba.cut(simplified, HMM=False):
        offset += len(word)
        bounds.add(offset)
    return frozenset(bounds)


# --- langdetect's profiles, read deterministically -------------------------------------------------------------

#: Approximate numbers of speakers (first and second language, millions; Ethnologue figures as listed on
#: Wikipedia's "List of languages by total number of speakers", rounded) for langdetect's languages: the
#: prior of single detection. Only their ratios matter, and only on short text.
SPEAKERS_M: dict[str, float] = {
    "af": 17,
    "ar": 370,
    "bg": 8,
    "bn": 270,
    "ca": 10,
    "cs": 11,
    "cy": 0.9,
    "da": 6,
    "de": 135,
    "el": 13,
    "en": 1500,
    "es": 560,
    "et": 1.2,
    "fa": 80,
    "fi": 5.8,
    "fr": 310,
    "gu": 62,
    "he": 9.4,
    "hi": 610,
    "hr": 5.6,
    "hu": 13,
    "id": 200,
    "it": 68,
    "ja": 125,
    "kn": 59,
    "ko": 82,
    "lt": 3,
    "lv": 1.8,
    "mk": 1.7,
    "ml": 38,
    "mr": 99,
    "ne": 32,
    "nl": 25,
    "no": 5.3,
    "pa": 52,
    "pl": 40,
    "pt": 265,
    "ro": 25,
    "ru": 255,
    "sk": 7,
    "sl": 2.5,
    "so": 22,
    "sq": 7.5,
    "sv": 13,
    "sw": 72,
    "ta": 86,
    "te": 96,
    "th": 61,
    "tl": 83,
    "tr": 90,
    "uk": 39,
    "ur": 230,
    "vi": 86,
    "zh": 1140,
}
#: langdetect's n-gram probabilities are smoothed as its own detector does (alpha / BASE_FREQ).
_SMOOTHING = 0.5 / 10000
#: Each letter takes part in up to three n-grams (1, 2 and 3 letters); their log-likelihoods are summed and
#: divided by this, so that a short text does not look three times as certain as it is.
NGRAM_TEMPER = 1.0 / 3.0


@dataclass(frozen=True)
class _Model:
    langs: tuple[str, ...]  # langdetect's codes (zh-cn, zh-tw …)
    codes: tuple[str, ...]  # the same, normalised (zh, zh …)
    log_prior: np.ndarray


@cache
def _model() -> _Model:
    factory = _factory()
    langs = tuple(factory.get_lang_list())
    codes = tuple(_code(lang) for lang in langs)
    per_code: dict[str, int] = {}
    for code in codes:
        per_code[code] = per_code.get(code, 0) + 1
    prior = np.array([SPEAKERS_M.get(code, 1.0) / per_code[code] for code in codes])
    return _Model(langs, codes, np.log(prior))


@lru_cache(maxsize=200_000)
def _ngram_vector(ngram: str) -> np.ndarray:
    probabilities = _factory().word_lang_prob_map[ngram]
    return np.log(_SMOOTHING + np.asarray(probabilities, dtype=float))


@lru_cache(maxsize=16384)
def _ngram_loglik(text: str) -> tuple[np.ndarray, int] | None:
    """Summed log-likelihood of the text's n-grams under every langdetect profile, and how many n-grams;
    ``None`` when langdetect knows none of them."""
    from langdetect.utils.ngram import NGram

    table = _factory().word_lang_prob_map
    ngram = NGram()
    total: np.ndarray | None = None
    count = 0
    for ch in " " + NGram.normalize_vi(text) + " ":
        ngram.add_char(ch)
        if ngram.capitalword:  # langdetect skips words in capitals (acronyms)
            continue
        grams = ngram.grams
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            gram = grams[-n:]
            if gram != " " and gram in table:
                vector = _ngram_vector(gram)
                total = vector.copy() if total is None else total + vector
                count += 1
    if total is None:
        return None
    return total, count


def _posterior(text: str, allowed: set[str], *, priors: bool) -> dict[str, float]:
    """Probabilities of the ``allowed`` languages (normalised codes) for ``text``; ``{}`` without n-grams."""
    scored = _ngram_loglik(text)
    model = _model()
    mask = np.array([code in allowed for code in model.codes])
    if scored is None or not mask.any():
        return {}
    loglik, _ = scored
    scores = loglik * NGRAM_TEMPER + (model.log_prior if priors else 0.0)
    scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max()
    weights = np.exp(scores)
    weights /= weights.sum()
    merged: dict[str, float] = {}
    for code, weight in zip(model.codes, weights, strict=True):
        if weight > 0:
            merged[code] = merged.get(code, 0.0) + float(weight)
    return merged


def _log_odds(text: str, a: str, b: str) -> float | None:
    """log P(text | a) − log P(text | b) under langdetect's profiles (tempered), each code's variants (zh-cn,
    zh-tw) averaged; ``None`` when either has no profile or the text no known n-gram."""
    scored = _ngram_loglik(text)
    model = _model()
    if scored is None:
        return None
    loglik = scored[0] * NGRAM_TEMPER
    means: dict[str, float] = {}
    for code in (a, b):
        values = [float(loglik[i]) for i, c in enumerate(model.codes) if c == code]
        if not values:
            return None
        top = max(values)
        means[code] = top + math.log(sum(math.exp(v - top) for v in values) / len(values))
    return means[a] - means[b]


# --- alphabets -------------------------------------------------------------------------------------------------

_BASIC_LATIN = "abcdefghijklmnopqrstuvwxyz"
#: The letters each language writes beyond a–z (Latin script) or its whole alphabet (Cyrillic): a letter a
#: language does not have (ở, ß, ñ in English; ы in Ukrainian) is evidence against it. Loanwords and names
#: bring foreign letters too, so this is weighed, not obeyed (see :data:`ALPHABET_EVIDENCE`).
ALPHABETS: dict[str, frozenset[str]] = {
    code: frozenset(letters)
    for code, letters in {
        "en": _BASIC_LATIN,
        "de": _BASIC_LATIN + "äöüß",
        "fr": _BASIC_LATIN + "àâæçéèêëîïôœùûüÿ",
        "es": _BASIC_LATIN + "áéíñóúü",
        "it": _BASIC_LATIN + "àèéìíîòóùú",
        "pt": _BASIC_LATIN + "áâãàçéêíóôõú",
        "nl": _BASIC_LATIN + "áàäéèëíïóöúü",
        "ca": _BASIC_LATIN + "àçéèíïóòúü",
        "ro": _BASIC_LATIN + "ăâîșțşţ",
        "pl": _BASIC_LATIN + "ąćęłńóśźż",
        "cs": _BASIC_LATIN + "áčďéěíňóřšťúůýž",
        "sk": _BASIC_LATIN + "áäčďéíĺľňóôŕšťúýž",
        "sl": _BASIC_LATIN + "čšž",
        "hr": _BASIC_LATIN + "čćđšž",
        "hu": _BASIC_LATIN + "áéíóöőúüű",
        "tr": _BASIC_LATIN + "çğıöşüâîû",
        "sv": _BASIC_LATIN + "åäöé",
        "da": _BASIC_LATIN + "æøåé",
        "no": _BASIC_LATIN + "æøåéèêóòô",
        "fi": _BASIC_LATIN + "äöåšž",
        "et": _BASIC_LATIN + "äöõüšž",
        "lv": _BASIC_LATIN + "āčēģīķļņšūž",
        "lt": _BASIC_LATIN + "ąčęėįšųūž",
        "id": _BASIC_LATIN,
        "vi": _BASIC_LATIN + "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
        "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
        "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
        "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
        "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    }.items()
}
#: Log-odds one word adds against a language whose alphabet lacks one of its letters (and for a language that
#: has it): a lowercase word is strong evidence, a capitalised one (a name, or the first word) weak.
ALPHABET_EVIDENCE = {"lower": 3.0, "capitalised": 1.0}
#: Alphabet evidence of at least this much decides on its own however short the text (see :func:`decide`).
ALPHABET_DECISIVE = 3.0


def _alphabet_log_odds(text: str, a: str, b: str) -> float:
    """Evidence for ``a`` over ``b`` (positive) from letters one of them does not write."""
    alphabet_a, alphabet_b = ALPHABETS.get(a), ALPHABETS.get(b)
    if alphabet_a is None or alphabet_b is None:
        return 0.0
    total = 0.0
    for word in text.split():
        letters = {ch for ch in word.casefold() if ch.isalpha()}
        weight = ALPHABET_EVIDENCE["capitalised" if word[:1].isupper() else "lower"]
        if letters - alphabet_b and not letters - alphabet_a:
            total += weight
        elif letters - alphabet_a and not letters - alphabet_b:
            total -= weight
    return total


@cache
def _langs_by_script() -> dict[str, frozenset[str]]:
    by_script: dict[str, set[str]] = {}
    for code in set(_model().codes):
        for script in lang_scripts(code):
            by_script.setdefault(script, set()).add(code)
    return {script: frozenset(codes) for script, codes in by_script.items()}


@cache
def _script_only_langs() -> dict[str, frozenset[str]]:
    """Languages langdetect has no profile for, by the one script each is written in (hy, ka, km …)."""
    by_script: dict[str, set[str]] = {}
    for code, scripts in LANG_SCRIPTS.items():
        if len(scripts) == 1:
            by_script.setdefault(next(iter(scripts)), set()).add(code)
    return {script: frozenset(codes) for script, codes in by_script.items()}


# --- single detection ------------------------------------------------------------------------------------------

#: Kana above this share of a text's CJK characters makes it Japanese; Hangul above this share, Korean.
KANA_SHARE = 0.05
HANGUL_SHARE = 0.15


def _cjk_language(profile: _Profile) -> tuple[str, float, str]:
    """The CJK language of CJK-dominated text: Hangul → ko, kana → ja, Han alone by its forms (zh when even)."""
    han = profile.raw.get("han", 0)
    hangul = profile.raw.get("hangul", 0)
    kana = profile.raw.get("kana", 0)
    cjk = han + hangul + kana
    if (hangul >= 2 and hangul >= HANGUL_SHARE * cjk) or (hangul and hangul == cjk):
        return "ko", 1.0, "Hangul"
    if kana and kana > KANA_SHARE * cjk:
        return "ja", 1.0, "kana"
    evidence = han_evidence(profile.han_text)
    if evidence.lang == "ja":
        return "ja", evidence.confidence, "; ".join(evidence.reasons)
    return "zh", evidence.confidence if evidence.lang == "zh" else 0.5, "; ".join(evidence.reasons) or "Han"


@lru_cache(maxsize=16384)
def detect(text: str) -> LangGuess:
    """Guess the language of ``text``. Deterministic; cached."""
    profile = _profile(text)
    cjk = sum(profile.raw.get(s, 0) for s in _CJK_SCRIPTS)
    letters = sum(profile.raw.values())
    if letters < MIN_LETTERS and cjk < MIN_CJK:
        return LangGuess("", 0.0)
    total = profile.total
    if profile.weight(_CJK_SCRIPTS) > 0.5 * total:
        # Han-only text is Chinese unless its forms say otherwise (confidence 0.5 when nothing tells).
        lang, confidence, _ = _cjk_language(profile)
        cjk_probabilities: tuple[tuple[str, float], ...] = ((lang, confidence),)
        if confidence < 1.0:
            cjk_probabilities += (("zh" if lang == "ja" else "ja", round(1.0 - confidence, 6)),)
        return LangGuess(lang, confidence, cjk_probabilities, by_script=True)
    script = max((s for s in profile.weights if s not in _CJK_SCRIPTS), key=lambda s: profile.weights[s])
    candidates = _langs_by_script().get(script) or _script_only_langs().get(script, frozenset())
    if len(candidates) == 1:
        (lang,) = candidates
        return LangGuess(lang, 1.0, ((lang, 1.0),), by_script=True)
    if not candidates:
        return LangGuess("", 0.0)
    probabilities = _posterior(profile.ngram_text, set(candidates), priors=True)
    if not probabilities:
        return LangGuess("", 0.0)
    ranked = tuple(sorted(((c, round(p, 6)) for c, p in probabilities.items() if p >= 0.001), key=_by_prob))
    lang, prob = ranked[0]
    return LangGuess(lang, prob, ranked)


def _by_prob(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


#: Very frequent English function words. A text where they make up a good share of the words is English,
#: whatever a statistical model thinks of its names.
_ENGLISH_FUNCTION_WORDS = frozenset(
    {"the", "of", "and", "to", "a", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from"}
    | {"it", "this", "be", "are", "were", "has", "have", "had", "not", "but", "which", "its", "their", "they"}
    | {"he", "she", "will", "would", "said", "after", "also", "an", "or"}
)
#: A text needs at least this share of Latin letters for :func:`clearly_english` to answer without n-grams.
LATIN_SHARE_FOR_FAST_PATH = 0.95


def clearly_english(text: str) -> bool:
    """At least four words, a fifth of them English function words: English without asking the n-gram model
    (which costs milliseconds a sentence; the language check and document detection both ask this first)."""
    words = [w.strip(".,;:!?\"'()“”‘’").casefold() for w in text.split()]
    words = [w for w in words if w]
    return len(words) >= 4 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.2


def detect_document(texts: list[str], sample_chars: int = 1500) -> str:
    """The language of a whole document side, from a sample of its first paragraphs (``""`` when unknown):
    1,500 characters settle a document's language, and the n-gram model's cost grows with the sample. A sample
    in Latin letters full of English function words is English without the n-gram model."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= sample_chars:
            break
    joined = "\n".join(sample)
    if count_scripts(joined).share("latin") >= LATIN_SHARE_FOR_FAST_PATH and clearly_english(joined):
        return "en"
    return detect(joined).lang


# --- the two-candidate decision --------------------------------------------------------------------------------


def decide(text: str, expected: str, alternative: str) -> str:
    """``expected`` or ``alternative`` (normalised codes, ``zh-CN`` → ``zh``): the language ``text`` is in.

    The expected language stands whenever nothing tells the two apart. See :func:`decide_detail`."""
    return decide_detail(text, expected, alternative).lang


@lru_cache(maxsize=16384)
def decide_detail(text: str, expected: str, alternative: str) -> Decision:
    """Is ``text`` in ``expected`` or in ``alternative``? The answer, its confidence and its reason."""
    decision = _decide(text, expected, alternative)
    return replace(decision, letters=sum(_profile(text).raw.values()))


def _decide(text: str, expected: str, alternative: str) -> Decision:
    e, a = _code(expected), _code(alternative)
    if not e or not a or e == a:
        return Decision(e or a, 0.5, "none", "one candidate")
    profile = _profile(text)
    if not profile.total:
        return Decision(e, 0.5, "none", "no letters")
    se, sa = lang_scripts(e), lang_scripts(a)
    if se != sa:
        decision = _by_script(profile, e, a, se, sa)
        if decision is not None:
            return decision
        if "han" in se & sa:
            return _by_han_forms(profile, e, a)
        if not profile.weight(se | sa):
            return Decision(e, 0.5, "none", "written in a script neither language uses")
    ngrams = _log_odds(profile.ngram_text, e, a)
    alphabet = _alphabet_log_odds(profile.ngram_text, e, a)
    if ngrams is None and not alphabet:
        return Decision(e, 0.5, "none", "no n-gram profile for one of the languages")
    log_odds = (ngrams or 0.0) + alphabet
    lang = e if log_odds >= 0 else a
    confidence = 1.0 / (1.0 + math.exp(-abs(log_odds)))
    method = "alphabet" if abs(alphabet) >= ALPHABET_DECISIVE and (alphabet > 0) == (log_odds >= 0) else "ngrams"
    evidence = f"n-grams {ngrams or 0.0:+.1f}, alphabet {alphabet:+.1f} (log-odds for {e} over {a})"
    return Decision(lang, confidence, method, evidence)


def _by_script(profile: _Profile, e: str, a: str, se: frozenset[str], sa: frozenset[str]) -> Decision | None:
    only_e, only_a = se - sa, sa - se
    if not se & sa:
        # Disjoint scripts (en / zh, ru / en): the share of letters, CJK weighted as Latin-equivalent.
        we, wa = profile.weight(only_e), profile.weight(only_a)
        if not we + wa:
            return None
        share = we / (we + wa)
        if share >= 0.5:
            return Decision(e, share, "script", f"{share:.0%} of the letters in {e}'s script")
        return Decision(a, 1.0 - share, "script", f"{1.0 - share:.0%} of the letters in {a}'s script")
    # Overlapping CJK scripts (ja / zh, ko / zh, ko / ja): kana and Hangul are each one language's own.
    cjk = sum(profile.raw.get(s, 0) for s in _CJK_SCRIPTS)
    marks = {}
    for lang, own in ((e, only_e), (a, only_a)):
        count = sum(profile.raw.get(s, 0) for s in own)
        threshold = HANGUL_SHARE if "hangul" in own else KANA_SHARE
        if count and count > threshold * cjk:
            marks[lang] = count
    if len(marks) == 1:
        (lang,) = marks
        return Decision(lang, 1.0, "script", "kana" if lang == "ja" else "Hangul")
    if len(marks) == 2:
        lang = e if marks[e] >= marks[a] else a
        return Decision(lang, marks[lang] / (marks[e] + marks[a]), "script", "kana and Hangul")
    return None


def _by_han_forms(profile: _Profile, e: str, a: str) -> Decision:
    evidence = han_evidence(profile.han_text)
    reason = "; ".join(evidence.reasons) or "no telling character forms"
    # Korean Hanja uses traditional forms: simplified Chinese forms say Chinese, Japanese forms Japanese.
    lang = evidence.lang
    if lang in (e, a):
        return Decision(lang, evidence.confidence, "han-forms", reason)
    return Decision(e, 0.5, "none", reason)


def clear_caches() -> None:
    """Forget every cached answer (for benchmarks that time cold runs)."""
    for function in (detect, decide_detail, _profile, _ngram_loglik, han_evidence, _chinese_word_bounds):
        function.cache_clear()
