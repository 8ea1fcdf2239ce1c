"""Which writing systems a piece of text uses.

Script decides most CJK language questions outright (Hangul means Korean, kana means Japanese), and it is
how we spot Chinese characters left inside an English translation. Counting is by code point ranges, so it
is fast and needs no model.
"""

from __future__ import annotations

from dataclasses import dataclass

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2EBEF),  # Extensions B-F
    (0x30000, 0x3134F),  # Extension G
)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_KANA_RANGES = ((0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))

#: Languages written without spaces between words and without letter case.
CJK_LANGS = frozenset({"zh", "ja", "ko"})


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_han(ch: str) -> bool:
    return _in(ord(ch), _HAN_RANGES)


def is_hangul(ch: str) -> bool:
    return _in(ord(ch), _HANGUL_RANGES)


def is_kana(ch: str) -> bool:
    return _in(ord(ch), _KANA_RANGES)


@dataclass(frozen=True)
class ScriptCounts:
    """Letters of each script in a text (digits, punctuation and spaces are not counted)."""

    han: int = 0
    hangul: int = 0
    kana: int = 0
    latin: int = 0
    other: int = 0

    @property
    def letters(self) -> int:
        return self.han + self.hangul + self.kana + self.latin + self.other

    def share(self, script: str) -> float:
        total = self.letters
        return getattr(self, script) / total if total else 0.0


def count_scripts(text: str) -> ScriptCounts:
    han = hangul = kana = latin = other = 0
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            if ch.isalpha():
                latin += 1
            continue
        if _in(cp, _HAN_RANGES):
            han += 1
        elif _in(cp, _HANGUL_RANGES):
            hangul += 1
        elif _in(cp, _KANA_RANGES):
            kana += 1
        elif ch.isalpha():
            if cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF:
                latin += 1
            else:
                other += 1
    return ScriptCounts(han, hangul, kana, latin, other)


def base_lang(code: str | None) -> str:
    """``zh-CN`` → ``zh``; ``pt_BR`` → ``pt``; ``None`` → ``""``."""
    if not code:
        return ""
    return code.replace("_", "-").split("-")[0].lower()


def is_cjk_lang(code: str | None) -> bool:
    return base_lang(code) in CJK_LANGS


def han_runs(text: str, min_len: int = 1) -> list[str]:
    """Maximal runs of Chinese characters, e.g. the untranslated words inside an English sentence."""
    runs: list[str] = []
    cur: list[str] = []
    for ch in text:
        if is_han(ch):
            cur.append(ch)
        else:
            if len(cur) >= min_len:
                runs.append("".join(cur))
            cur = []
    if len(cur) >= min_len:
        runs.append("".join(cur))
    return runs


#: How many Latin-script characters one character of each CJK script yields in translation, on average for
#: news text (the weights the sentence aligner and document pairing use).
LATIN_PER_CHAR = {"han": 3.0, "hangul": 2.3, "kana": 1.6}


def latin_equivalent_length(text: str) -> float:
    """The length of ``text`` in Latin-equivalent characters: spaces are not counted, and a CJK character
    counts as the Latin characters it usually becomes in translation, so that a text and its translation
    have about the same length whatever their scripts."""
    counts = count_scripts(text)
    cjk = counts.han + counts.hangul + counts.kana
    other = len("".join(text.split())) - cjk
    return float(
        other
        + counts.han * LATIN_PER_CHAR["han"]
        + counts.hangul * LATIN_PER_CHAR["hangul"]
        + counts.kana * LATIN_PER_CHAR["kana"]
    )
