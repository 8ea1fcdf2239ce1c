"""Name mentions in Latin-script text: capitalised sequences with their titles and possessives removed.

"South Korean President Yoon Suk-yeol's" yields "Yoon Suk-yeol"; "Japanese Prime Minister Fumio Kishida"
yields "Fumio Kishida". Hyphenated Korean given names ("Suk-yeol"), particles ("de", "van", "bin") and
initials stay inside the name. A single capitalised word is a mention only when the lexicon knows it
(callers decide); sentence-initial words are not names by themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A capitalised word: Yoon, Suk-yeol, McCune, O'Brien, Jae-in, Un, Ri, al-Assad handled via particles.
_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Adm|Sen|Rep|St)\.|[A-Z]\.(?=\s[A-Z])|[A-Z]{2,}(?![a-zà-öø-ÿ])"
    r"|[A-ZĀ-ſḀ-ỿ][a-zà-öø-ÿā-ſḁ-ỿ'’]*(?:-[A-Za-zà-öø-ÿā-ſḀ-ỿ]+)*)"
)
_PARTICLE = r"(?:de|da|del|della|der|van|von|bin|binti|al|le|la|du|dos|das|y)"
_SEQUENCE = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD})*")

#: Words that introduce a name but are not part of it (titles, roles, nationality adjectives, honorifics).
TITLE_WORDS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sir",
        "madam",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "chairman",
        "chairwoman",
        "chair",
        "secretary",
        "general",
        "gen",
        "gen.",
        "lt",
        "col",
        "adm",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "king",
        "queen",
        "emperor",
        "empress",
        "prince",
        "princess",
        "crown",
        "governor",
        "mayor",
        "senator",
        "representative",
        "rep",
        "rep.",
        "sen",
        "sen.",
        "speaker",
        "director",
        "chief",
        "executive",
        "ceo",
        "founder",
        "envoy",
        "commander",
        "foreign",
        "defense",
        "defence",
        "finance",
        "trade",
        "unification",
        "interior",
        "state",
        "deputy",
        "first",
        "lady",
        "party",
        "chair",
        "south",
        "north",
        "korean",
        "korea",
        "japanese",
        "japan",
        "chinese",
        "china",
        "american",
        "us",
        "u.s.",
        "russian",
        "ukrainian",
        "taiwanese",
        "british",
        "french",
        "german",
        "indian",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "former",
        "late",
        "then",
        "new",
        "incumbent",
        "acting",
        "opposition",
        "democratic",
        "people's",
        "power",
        "liberal",
        "conservative",
        "samsung",
        "hyundai",
        "sk",
        "lg",
        "electronics",
        "group",
        "according",
        "said",
        "says",
        "told",
        "on",
        "in",
        "at",
        "with",
        "and",
        "but",
        "as",
        "after",
        "before",
        "when",
        "while",
        "during",
        "since",
        "for",
        "of",
        "to",
        "by",
        "however",
        "meanwhile",
        "also",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
    ]
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class NameMention:
    """``text`` is the name with titles removed; ``full`` the whole capitalised sequence, which may itself be
    a known name ("Korean Central News Agency", where "Korean" would otherwise be taken for a title)."""

    text: str
    start: int
    end: int
    full: str = ""


def _strip_titles(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Keep the part after the last title word: "Prime Minister Fumio Kishida" → "Fumio Kishida"."""
    last_title = -1
    for k, (word, _, _) in enumerate(words):
        if word.casefold() in TITLE_WORDS:
            last_title = k
    return words[last_title + 1 :]


def extract_mentions(text: str, min_words: int = 2) -> list[NameMention]:
    """Capitalised name-like sequences of at least ``min_words`` words, titles removed."""
    mentions: list[NameMention] = []
    for m in _SEQUENCE.finditer(text):
        words = [(w.group(0), m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", m.group(0))]
        words = _strip_titles(words)
        if not words:
            continue
        last, s, e = words[-1]
        stripped = _POSSESSIVE.sub("", last)
        words[-1] = (stripped, s, e - (len(last) - len(stripped)))
        if len(words) < min_words:
            continue
        start, end = words[0][1], words[-1][2]
        full = _POSSESSIVE.sub("", re.sub(r"^(?:The|A|An)\s+", "", m.group(0)))
        mentions.append(NameMention(text[start:end], start, end, full))
    return mentions
