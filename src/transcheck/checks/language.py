"""Language rules: wrong language (L001), untranslated text (L002), source script inside a translation (L003),
and a translation identical to its source (L004).

Each target sentence is put to :func:`transcheck.lid.decide_detail` as a two-way question, "is this in the
target language or in the source language?", which is far more reliable on short segments than naming a
language out of fifty. A verdict against the target needs evidence in proportion to how it was reached
(see :data:`MIN_CONFIDENCE`): letters of the source's script are proof, character forms nearly so, and
n-gram statistics only when they are overwhelming and the text has some length. A third language (L001) is
reported only when its script gives it away, or when a long sentence is clearly in it and clearly not in the
target language.

Names are not text to translate: Latin brand names and codes inside Chinese, Korean or Russian targets, and
short CJK names inside English ones, do not count towards a segment's language (see :mod:`transcheck.lid`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lid import LATIN_SHARE_FOR_FAST_PATH, Decision, clearly_english, decide_detail, detect, without_markup
from ..model import AlignedPair, Finding
from ..text.script import base_lang, count_scripts, lang_scripts, script_of
from . import finding

#: The confidence a verdict against the target language needs, by how :func:`~transcheck.lid.decide_detail`
#: reached it. Scripts: more of the letters (CJK weighted) in the source's script than in the target's.
#: Character forms (Han-only text, Japanese vs Chinese): two telling forms more on one side than the other.
#: Alphabet (letters one language does not write, in lowercase words) and n-grams (two languages of one script):
#: overwhelming odds; n-grams alone only on text of some length.
MIN_CONFIDENCE = {"script": 0.5, "han-forms": 0.875, "alphabet": 0.99, "ngrams": 0.99}
#: N-gram verdicts need this many letters (after names, numbers and markup are set aside) ...
MIN_LETTERS_NGRAMS = 12
#: ... and a third language (L001) by n-grams this many, with these odds.
MIN_LETTERS_THIRD_LANGUAGE = 40
MIN_CONFIDENCE_THIRD_LANGUAGE = 0.95

_SCRIPT_NAMES = {
    "han": "Chinese characters",
    "kana": "Japanese kana",
    "hangul": "Hangul",
    "cyrillic": "Cyrillic letters",
    "greek": "Greek letters",
    "arabic": "Arabic letters",
    "hebrew": "Hebrew letters",
    "thai": "Thai letters",
    "devanagari": "Devanagari letters",
}
_CJK = frozenset({"han", "kana", "hangul"})
_GLOSS_OPEN = "(（[［"
_GLOSS_CLOSE = {"(": ")", "（": "）", "[": "]", "［": "］"}

_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W_]+)*|\w+", re.UNICODE)


@dataclass(frozen=True)
class LanguageVerdict:
    """Why a target sentence is not in the target language (or is a copy of its source)."""

    rule: str  # L001, L002 or L004
    lang: str  # the language it is in ("" when unknown)
    message: str
    decision: Decision | None = None


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _words(text: str) -> list[str]:
    """Words of ``text`` outside URLs, markup and placeholders, split where the script changes (OpenAI发布)."""
    words: list[str] = []
    for word in _WORD.findall(without_markup(text)):
        start, current = 0, ""
        for i, ch in enumerate(word):
            script = script_of(ch) or current
            if current and script != current:
                words.append(word[start:i])
                start = i
            current = script
        words.append(word[start:])
    return words


def _is_code(word: str) -> bool:
    """An acronym, a code or a name with inner capitals: GDP, SU7, ERR_404, iPhone, GitHub, v2.1 (never a
    word of Chinese characters, kana or Hangul: 增长5 is text)."""
    if any(script_of(ch) in _CJK for ch in word):
        return False
    if any(ch.isdigit() for ch in word) or "_" in word:
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and (all(ch.isupper() for ch in letters) or any(ch.isupper() for ch in letters[1:]))


def needs_translation(text: str) -> bool:
    """Does ``text`` hold words to translate? Not when it is only numbers, codes, URLs, e-mail addresses,
    placeholders, markup and punctuation; nor, in Latin script, when it is only names: acronyms and codes
    (GDP, SU7, iPhone) or two or more capitalised words (Google Drive, Yoon Suk-yeol). A single capitalised
    word (Cancel, Menu) may be a word or a name and counts as text, and so does any word of another script
    (Новый iPhone 16)."""
    words = [w for w in _words(text) if sum(ch.isalpha() for ch in w) >= 2 or any(script_of(ch) in _CJK for ch in w)]
    if not words or all(_is_code(w) for w in words):
        return False
    if any(script_of(ch) not in ("latin", "") for w in words for ch in w):
        return True
    return not (len(words) >= 2 and all(w[0].isupper() or _is_code(w) for w in words))


def _against_target(decision: Decision) -> bool:
    """Is ``decision`` (which did not choose the target language) sure enough to report?"""
    needed = MIN_CONFIDENCE.get(decision.method)
    if needed is None or decision.confidence < needed:
        return False
    return decision.method != "ngrams" or decision.letters >= MIN_LETTERS_NGRAMS


def _copied(text: str, source: str) -> bool:
    """Is ``text`` its source, or one of its source's sentences, unchanged (spacing and case aside)?"""
    t, s = _normalised(text), _normalised(source)
    if not t or not s:
        return False
    return t == s or (len(t) >= 8 and t in s)


def judge_segment(text: str, source: str, src_lang: str, tgt_lang: str) -> LanguageVerdict | None:
    """The language verdict on one target sentence: ``None`` when it is in the target language or cannot be
    judged; L002 when it is in the source language; L001 when it is in a third language; L004 when it is a
    copy of its source whose language cannot be told (a shared word, a short phrase)."""
    src, tgt = base_lang(src_lang), base_lang(tgt_lang)
    if not tgt or not needs_translation(text):
        return None
    if src and src != tgt and _copied(text, source):
        return _judge_copy(text, src, tgt)
    if src and src != tgt:
        decision = decide_detail(text, tgt, src)
        if decision.lang == src and _against_target(decision):
            return LanguageVerdict(
                "L002", src, f"Left untranslated: this target sentence is in the source language ({src}).", decision
            )
    return _third_language(text, src, tgt)


_COPY_MESSAGE = "Left untranslated: this target sentence is its source unchanged, in the source language ({src})."


def _judge_copy(text: str, src: str, tgt: str) -> LanguageVerdict | None:
    decision = decide_detail(text, tgt, src)
    if decision.lang == src and decision.method in ("script", "han-forms", "alphabet") and _against_target(decision):
        # A copy in the source's own script (or with its character forms) is untranslated, however short.
        return LanguageVerdict(
            "L002",
            src,
            f"Left untranslated: this target sentence is its source unchanged, in the source language ({src}).",
            decision,
        )
    if decision.lang == src and _against_target(decision) and len(_words(text)) >= 3:
        return LanguageVerdict(
            "L002",
            src,
            f"Left untranslated: this target sentence is its source unchanged, in the source language ({src}).",
            decision,
        )
    if decision.lang == tgt and decision.method != "none":
        return None  # a word the target language shares (Menu, Start, Hotel): the benefit of the doubt
    return LanguageVerdict(
        "L004",
        "",
        f"The translation is identical to its source although the languages differ ({src} → {tgt}).",
        decision,
    )


def _third_language(text: str, src: str, tgt: str) -> LanguageVerdict | None:
    if tgt == "en" and count_scripts(text).share("latin") >= LATIN_SHARE_FOR_FAST_PATH and clearly_english(text):
        return None  # Latin letters and English function words: no third language to look for (and no n-grams)
    guess = detect(text)
    lang = guess.lang
    if not lang or lang in (tgt, src):
        return None
    if guess.by_script:
        decision = decide_detail(text, tgt, lang)
        if decision.lang == lang and _against_target(decision):
            return _l001(lang, tgt, decision)
        return None
    letters = decide_detail(text, tgt, lang).letters
    if letters < MIN_LETTERS_THIRD_LANGUAGE or guess.confidence < MIN_CONFIDENCE_THIRD_LANGUAGE:
        return None
    if guess.probability(tgt) > 0.05:
        return None
    decision = decide_detail(text, tgt, lang)
    if decision.lang == lang and _against_target(decision):
        return _l001(lang, tgt, decision)
    return None


def _l001(lang: str, tgt: str, decision: Decision) -> LanguageVerdict:
    return LanguageVerdict("L001", lang, f"Target sentence is in {lang}, expected {tgt}.", decision)


def judge_sentence(text: str, source: str, src_lang: str, tgt_lang: str) -> tuple[str, str] | None:
    """``(rule, language)`` when ``text`` is not in ``tgt_lang``; ``None`` when it is (or unclear)."""
    verdict = judge_segment(text, source, src_lang, tgt_lang)
    return None if verdict is None else (verdict.rule, verdict.lang)


# --- L003: source-script fragments -------------------------------------------------------------------------------


def _foreign_scripts(src: str, tgt: str) -> frozenset[str]:
    """Scripts whose letters do not belong in a ``tgt`` translation of a ``src`` text: the source's own
    non-Latin scripts that the target language does not use (Chinese characters in English, kana in Chinese,
    Cyrillic in English), or, without a known source, Han, kana and Hangul in a non-CJK target."""
    target = lang_scripts(tgt)
    source = lang_scripts(src) if src else _CJK
    return frozenset(source - target - {"latin"})


def source_script_fragments(text: str, src_lang: str, tgt_lang: str) -> list[str]:
    """Runs of the source's script inside a translation (see :func:`_foreign_scripts`), each as written.

    A gloss is legitimate and not returned: the original form of a name or term in brackets right after its
    rendering, as in ``Kyodo News (共同通信)`` or ``Yoon Suk-yeol（尹锡悦）``. Runs of one script separated by
    spaces (Korean words) make one fragment."""
    foreign = _foreign_scripts(base_lang(src_lang), base_lang(tgt_lang))
    if not foreign:
        return []
    fragments: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if script_of(text[i]) not in foreign:
            i += 1
            continue
        j = i + 1
        while j < n and (
            script_of(text[j]) in foreign
            or (text[j] == " " and j + 1 < n and script_of(text[j + 1]) in foreign)
            or (text[j] in "·・ー" and j + 1 < n and script_of(text[j + 1]) in foreign)
        ):
            j += 1
        if not _is_gloss(text, i, j):
            fragments.append(text[i:j])
        i = j
    return fragments


def _is_gloss(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` stand alone in brackets right after a Latin word: ``Kyodo News (共同通信)``?"""
    before = text[:start].rstrip()
    if not before or before[-1] not in _GLOSS_OPEN:
        return False
    closing = _GLOSS_CLOSE[before[-1]]
    after = text[end:].lstrip()
    if not after or after[0] != closing:
        return False
    preceding = before[:-1].rstrip()
    return bool(preceding) and script_of(preceding[-1]) == "latin"


# --- the check ---------------------------------------------------------------------------------------------------


def check_pair_language(
    doc_id: str, pair: AlignedPair, target_sentences: list[str], src_lang: str, tgt_lang: str
) -> list[Finding]:
    """Judge each target sentence of the pair; report source-script fragments left inside the others."""
    findings: list[Finding] = []
    for sentence in target_sentences:
        verdict = judge_segment(sentence, pair.source, src_lang, tgt_lang)
        if verdict is not None:
            findings.append(finding(verdict.rule, doc_id, verdict.message, pair=pair, evidence=sentence))
            continue
        for fragment in source_script_fragments(sentence, src_lang, tgt_lang):
            script = script_of(fragment[0])
            what = _SCRIPT_NAMES.get(script, f"{script} letters")
            findings.append(
                finding(
                    "L003",
                    doc_id,
                    f"{what} {fragment!r} left inside the translation.",
                    pair=pair,
                    evidence=fragment,
                )
            )
    return findings
