"""Japanese personal names in kanji → the English spellings they may take.

A Chinese source writes 岸田文雄 (or 菅义伟, in simplified characters); English news writes "Fumio Kishida",
given name first, and some outlets "Kishida Fumio". Kanji do not say how a name is read (文雄 is Fumio, Ayao or
Bun'yū), so the readings come from a dictionary of names: ``resources/ja_names.tsv.gz``, a trimmed extract of
JMnedict (CC BY-SA 4.0, see ``resources/JMNEDICT.md``; rebuilt by ``tools/build_japanese_names.py``).

The pipeline:

1. Bring the characters to Japanese forms: simplified Chinese → traditional → Japanese shinjitai with OpenCC
   (菅义伟 → 菅義偉, 泽田 → 沢田); the form as written is tried too.
2. Split the name into a surname and a given name that the dictionary both knows (岸田|文雄).
3. Spell every reading in the styles English texts use for long vowels: plain Hepburn without macrons
   ("Kono", "Shinzo", "Yuko"), with macrons ("Kōno"), with "ou"/"uu" ("Kouno"), passport style with "oh"
   ("Kohno"); "n" before b, m, p also as "m" ("Homma", "Namba"); with and without the syllable apostrophe.
4. Write each split in both orders.

A name outside these candidates is "not a dictionary reading", not an impossible one: the caller judges a
mention as a garble only when it is close to a candidate without being one.
"""

from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import product

import opencc

from .lexicon import name_key, rotated

#: How long vowels are written in each style: (ō, ū) in the reading → spelling.
_LONG_VOWEL_STYLES: tuple[dict[str, str], ...] = (
    {"ō": "o", "ū": "u", "ou": "o", "oo": "o", "uu": "u"},  # Hepburn without macrons: Kono, Yuko
    {"ō": "ou", "ū": "uu"},  # wāpuro: Kouno, Yuuko
    {"ō": "oh", "ū": "u", "ou": "oh", "oo": "oh", "uu": "u"},  # passport: Kohno
    {"ō": "ō", "ū": "ū", "ou": "ō", "oo": "ō", "uu": "ū"},  # Hepburn with macrons: Kōno
)
_LONG_VOWEL = re.compile(r"ō|ū|ô|û|ou|oo|uu")
_CIRCUMFLEX = str.maketrans("âêîôû", "āēīōū")
_SYLLABIC_N_BEFORE_LABIAL = re.compile(r"n(?=[bmp])")
_SYLLABIC_M = re.compile(r"m(?=[bp])")
#: A split with more candidate spellings than this is skipped (a name reads a handful of ways, not hundreds).
_MAX_PER_SPLIT = 2048


@cache
def _name_readings() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Surname, given-name and full-name readings by kanji form, from the shipped JMnedict extract."""
    data = resources.files("transcheck").joinpath("resources/ja_names.tsv.gz").read_bytes()
    tables: dict[str, dict[str, tuple[str, ...]]] = {"s": {}, "g": {}, "p": {}}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        kind, form, readings = line.split("\t")
        tables[kind][form] = tuple(readings.split(","))
    return tables["s"], tables["g"], tables["p"]


@cache
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")


def japanese_forms(name: str) -> tuple[str, ...]:
    """The name as written, in traditional characters and in Japanese shinjitai, without repeats."""
    to_traditional, to_japanese = _converters()
    traditional = to_traditional.convert(name)
    return tuple(dict.fromkeys((name, to_japanese.convert(traditional), traditional)))


def _restyle(reading: str, style: dict[str, str]) -> str:
    return _LONG_VOWEL.sub(lambda m: style.get(m.group(0), m.group(0)), reading)


def spellings(reading: str) -> tuple[str, ...]:
    """The ways English texts spell one romanized reading ("Kōno" → Kono, Kouno, Kohno, Kōno), capitalised."""
    base = reading.casefold().translate(_CIRCUMFLEX)
    out: dict[str, None] = {}
    for style in _LONG_VOWEL_STYLES:
        spelled = _restyle(base, style)
        for variant in (spelled, _SYLLABIC_N_BEFORE_LABIAL.sub("m", spelled)):
            for form in (variant, variant.replace("'", "")):
                out[form[:1].upper() + form[1:]] = None
    return tuple(out)


def customary_spelling(reading: str) -> str:
    """The spelling English news uses for a reading: Hepburn without macrons or apostrophes ("Kōno" → Kono,
    "Shin'ichi" → Shinichi)."""
    base = reading.casefold().translate(_CIRCUMFLEX)
    spelled = _restyle(base, _LONG_VOWEL_STYLES[0]).replace("'", "")
    return spelled[:1].upper() + spelled[1:]


@cache
def _name_words() -> frozenset[str]:
    surnames, given, _ = _name_readings()
    return frozenset(
        name_key(customary_spelling(r)) for table in (surnames, given) for readings in table.values() for r in readings
    )


def is_name_word(word: str) -> bool:
    """Whether ``word`` is a Japanese surname or given name in the customary spelling ("Hiroshi", "Kumatsu")."""
    return name_key(word) in _name_words()


def splits(name: str) -> list[tuple[str, str]]:
    """Every (surname, given name) division of ``name`` that the name dictionary knows both halves of."""
    surnames, given, _ = _name_readings()
    found = []
    for form in japanese_forms(name):
        for k in range(1, len(form)):
            if form[:k] in surnames and form[k:] in given and (form[:k], form[k:]) not in found:
                found.append((form[:k], form[k:]))
    return found


def _spelled(readings: tuple[str, ...]) -> set[str]:
    return {s for r in readings for s in spellings(r)}


def _person_readings(name: str) -> list[tuple[str, str]]:
    """(surname, given name) readings of a person the dictionary lists whole ("菅義偉" → Suga, Yoshihide)."""
    surnames, _, people = _name_readings()
    out = []
    for form in japanese_forms(name):
        for reading in people.get(form, ()):
            first, second = reading.split(" ")
            # JMnedict writes most people surname first; where the second word reads the start of the form
            # as a surname and the first does not, the entry is given name first ("Shinzō Abe").
            family_spellings = {
                key for k in range(1, len(form)) for key in map(name_key, _spelled(surnames.get(form[:k], ())))
            }
            if name_key(second) in family_spellings and name_key(first) not in family_spellings:
                first, second = second, first
            out.append((first, second))
    return out


@lru_cache(maxsize=4096)
def _surname_given_spellings(name: str) -> frozenset[tuple[str, str]]:
    """Every (surname, given name) spelling pair of ``name``: its dictionary splits and its person entries."""
    surnames, given, _ = _name_readings()
    out: set[tuple[str, str]] = set()
    for surname, given_name in splits(name):
        family, personal = _spelled(surnames[surname]), _spelled(given[given_name])
        if len(family) * len(personal) <= _MAX_PER_SPLIT:
            out.update(product(family, personal))
    for family_reading, given_reading in _person_readings(name):
        out.update(product(spellings(family_reading), spellings(given_reading)))
    return frozenset(out)


def _clean(name: str) -> str:
    return "".join(ch for ch in name if not ch.isspace() and ch not in "·・")


def english_candidates(name: str) -> set[str]:
    """Accepted English spellings of a Japanese name in kanji, both orders ("Fumio Kishida", "Kishida Fumio")."""
    pairs = _surname_given_spellings(_clean(name))
    return {f"{p} {f}" for f, p in pairs} | {f"{f} {p}" for f, p in pairs}


_FOLD_LONG_VOWELS = re.compile(r"ou|oo|uu|oh(?![aeiouy])")


def reading_key(rendering: str) -> str:
    """A comparison key under which the romanization styles of one reading agree: long vowels, the syllabic
    "m" before b/m/p and apostrophes folded ("Kōno", "Kohno", "Kouno" → kono; "Homma" → honma)."""
    key = name_key(rendering)
    key = _FOLD_LONG_VOWELS.sub(lambda m: m.group(0)[0], key)
    return _SYLLABIC_M.sub("n", key)


def same_reading(rendering: str, standard: str) -> bool:
    """Whether ``rendering`` spells the same reading as ``standard`` in another romanization style or in the
    other order ("Taro Kohno", "Kono Taro" for "Taro Kono"). For a person whose reading is known this is the
    whole set of accepted spellings: "Akio Toyota" is a reading of 豊田章男's characters, not his name."""
    key = reading_key(rendering)
    return key in {reading_key(standard), reading_key(rotated(standard))}


def customary_candidates(name: str) -> set[str]:
    """The readings of ``name`` as English news would suggest them: given name first, plain Hepburn."""
    surnames, given, _ = _name_readings()
    name = _clean(name)
    out = set()
    for surname, given_name in splits(name):
        for f, p in product(surnames[surname], given[given_name]):
            out.add(f"{customary_spelling(p)} {customary_spelling(f)}")
    for family_reading, given_reading in _person_readings(name):
        out.add(f"{customary_spelling(given_reading)} {customary_spelling(family_reading)}")
    return out


def is_possible_rendering(rendering: str, name: str) -> bool:
    """Whether ``rendering`` is one of the dictionary readings of ``name`` in either order."""
    key = name_key(rendering)
    return any(name_key(c) == key for c in english_candidates(name))


def given_name_first(rendering: str, name: str) -> bool | None:
    """Whether ``rendering`` puts the given name first (True), the surname first (False), or cannot tell
    (not a reading of ``name``, or a reading in both orders, as "Abe Shinzo" cannot be)."""
    key = name_key(rendering)
    pairs = _surname_given_spellings(_clean(name))
    first = any(name_key(f"{p} {f}") == key for f, p in pairs)
    last = any(name_key(f"{f} {p}") == key for f, p in pairs)
    if first == last:
        return None
    return first
