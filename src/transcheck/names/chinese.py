"""Chinese personal names in characters → the English (Hanyu Pinyin) spellings they may take.

A Chinese source writes 习近平 (or 習近平); English news writes "Xi Jinping": the surname first, then the given
name as one word, each capitalised, without tone marks. The pipeline is:

1. Split the name into surname and given name: the first character, or the first two for the compound
   surnames (欧阳 Ouyang, 司马 Sima, 尉迟 Yuchi …), simplified and traditional forms alike.
2. Read the surname from :data:`SURNAME_READINGS` where its surname reading differs from the common reading
   of the character (曾 Zeng not Ceng, 单 Shan not Dan, 朴 Piao not Pu); other surnames take pypinyin's most
   common reading. The given name takes every pypinyin reading of each character (heteronyms), since a
   name does not say which one is meant (乐 is le or yue).
3. Spell ü as "v", "u", "yu" or "ü" (吕 → Lv, Lu, Lyu, Lü), as passports and the press do.

Accepted variants are the given name with an apostrophe before an a/o/e syllable ("Fo'an"), hyphenated or
spaced ("Jin-ping", "Jin Ping") and an all-caps surname ("XI Jinping"); they compare equal through
:func:`transcheck.names.lexicon.name_key` anyway. Given name first ("Jinping Xi") is not a candidate:
:func:`order_swapped` reports it separately. Taiwanese and Hong Kong spellings (Wade–Giles "Tsai Ing-wen",
Cantonese "Carrie Lam") and English names ("Jack Ma") are not generated: the caller checks the curated
lexicon first, and a name outside these candidates is only "not a pinyin spelling", not an impossible one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import product

from pypinyin import Style, pinyin

from .lexicon import name_key

#: Surname readings that differ from (or must be chosen among) the readings of the character.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "單": ("shan",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",),
    "区": ("ou",), "區": ("ou",), "查": ("zha",), "盖": ("ge", "gai"), "蓋": ("ge", "gai"), "乐": ("yue", "le"),
    "樂": ("yue", "le"), "繁": ("po",), "黑": ("he", "hei"), "覃": ("qin", "tan"), "秘": ("bi",), "祕": ("bi",),
    "召": ("shao",), "种": ("chong",), "種": ("chong",), "员": ("yun",), "員": ("yun",), "宁": ("ning",),
    "寧": ("ning",), "甯": ("ning",), "薄": ("bo",), "缪": ("miao",), "繆": ("miao",), "翟": ("zhai", "di"),
    "重": ("chong",), "长": ("chang",), "長": ("chang",), "沈": ("shen",), "藏": ("zang",), "柏": ("bai",),
    "葛": ("ge",), "华": ("hua",), "華": ("hua",), "任": ("ren",), "尉": ("wei",), "贲": ("ben",), "賁": ("ben",),
    "隗": ("wei",), "句": ("gou",), "卜": ("bu",), "过": ("guo",), "過": ("guo",), "费": ("fei",), "費": ("fei",),
    "殷": ("yin",), "那": ("na",), "能": ("nai",), "冼": ("xian",), "洗": ("xian",), "莘": ("shen",),
    "折": ("she",), "祭": ("zhai",), "暴": ("bao",), "车": ("che",), "車": ("che",), "都": ("du",), "俞": ("yu",),
    "贾": ("jia",), "賈": ("jia",), "石": ("shi",), "尽": ("jin",), "盛": ("sheng",), "相": ("xiang",),
    "阿": ("a",), "调": ("diao",), "調": ("diao",), "蔚": ("wei", "yu"), "隽": ("juan",),
    "雋": ("juan",), "适": ("shi",), "朝": ("chao",), "参": ("can",), "參": ("can",), "厍": ("she",),
    "厙": ("she",), "么": ("yao",), "着": ("zhuo",), "校": ("xiao",), "曲": ("qu",), "降": ("xiang",),
    "广": ("guang",), "廣": ("guang",), "传": ("chuan",),
    "傳": ("chuan",), "应": ("ying",), "應": ("ying",), "宿": ("su",), "系": ("xi",), "占": ("zhan",),
    "强": ("qiang",), "強": ("qiang",), "乜": ("nie",), "哈": ("ha",), "和": ("he",), "炅": ("gui",),
    "訾": ("zi",), "柞": ("zuo",), "将": ("jiang",), "將": ("jiang",), "奇": ("qi",), "纪": ("ji",), "紀": ("ji",),
    "万": ("wan",), "萬": ("wan",), "谷": ("gu",), "穀": ("gu",), "佘": ("she",), "禚": ("zhuo",),
}  # fmt: skip

#: Two-character surnames (simplified and traditional) and their single-word spelling.
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima", "上官": "shangguan", "诸葛": "zhuge",
    "諸葛": "zhuge", "东方": "dongfang", "東方": "dongfang", "皇甫": "huangfu", "尉迟": "yuchi", "尉遲": "yuchi",
    "公孙": "gongsun", "公孫": "gongsun", "慕容": "murong", "令狐": "linghu", "长孙": "zhangsun",
    "長孫": "zhangsun", "宇文": "yuwen", "夏侯": "xiahou", "司徒": "situ", "端木": "duanmu", "轩辕": "xuanyuan",
    "軒轅": "xuanyuan", "万俟": "moqi", "萬俟": "moqi", "闻人": "wenren", "聞人": "wenren", "南宫": "nangong",
    "南宮": "nangong", "西门": "ximen", "西門": "ximen", "独孤": "dugu", "獨孤": "dugu", "司空": "sikong",
    "呼延": "huyan", "申屠": "shentu", "太史": "taishi", "公羊": "gongyang", "钟离": "zhongli", "鍾離": "zhongli",
    "宗政": "zongzheng", "濮阳": "puyang", "濮陽": "puyang", "淳于": "chunyu", "百里": "baili", "拓跋": "tuoba",
    "赫连": "helian", "赫連": "helian", "澹台": "tantai", "单于": "chanyu", "單于": "chanyu", "公冶": "gongye",
    "东郭": "dongguo", "東郭": "dongguo", "左丘": "zuoqiu", "乐正": "yuezheng", "樂正": "yuezheng",
    "漆雕": "qidiao", "仲孙": "zhongsun", "仲孫": "zhongsun", "叔孙": "shusun", "叔孫": "shusun",
    "颛孙": "zhuansun", "顓孫": "zhuansun", "鲜于": "xianyu", "鮮于": "xianyu", "第五": "diwu",
}  # fmt: skip

#: Spellings of ü in names: Lv (passports), Lu (older press), Lyu (newer passports), Lü (pinyin).
_U_UMLAUT_SPELLINGS = ("v", "u", "yu", "ü")
#: Above this many given-name reading combinations only the most common readings are used.
_MAX_COMBOS = 512
_SEPARATORS = " \t\u3000"


def is_han(char: str) -> bool:
    """Whether ``char`` is a CJK unified (or compatibility) ideograph."""
    code = ord(char) if len(char) == 1 else -1
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or code == 0x3007  # 〇
    )


def split_name(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a Chinese name in characters; None if it is not one.

    A name is 2–5 Han characters (spaces ignored); the surname is the first two characters when they form
    a compound surname and a given name follows, else the first character. Names written with a middle
    dot (买买提·艾力, transliterated minority or foreign names) are not surname–given names: None.
    """
    name = "".join(c for c in name if c not in _SEPARATORS)
    if not 2 <= len(name) <= 5 or not all(is_han(c) for c in name):
        return None
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _readings(char: str) -> list[str]:
    """Toneless pypinyin readings of one character, most common first ([] if pypinyin does not know it)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    # A reading without a vowel letter (嗯 n, 呣 m) is an interjection, never a name syllable.
    return [r for r in (found[0] if found else []) if any(v in r for v in "aeiouv")]


def _u_variants(syllable: str) -> tuple[str, ...]:
    """Spellings of a syllable whose ü pypinyin writes as "v": lv → lv, lu, lyu, lü."""
    if "v" not in syllable:
        return (syllable,)
    return tuple(syllable.replace("v", u) for u in _U_UMLAUT_SPELLINGS)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (about 420), ü written "v" and "u"."""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            decomposed = unicodedata.normalize("NFD", reading.replace("ü", "v"))
            plain = "".join(c for c in decomposed if not unicodedata.combining(c))
            if plain.isalpha() and any(v in plain for v in "aeiouv"):
                syllables.update(_u_variants(plain))
    return frozenset(syllables)


def is_pinyin(word: str) -> bool:
    """Whether ``word`` ("Chunying", "Xing'an", "Wulan") is a run of pinyin syllables: a Chinese name or place
    spelt in pinyin, which without a source cannot be told from a garble of a similar one."""
    letters = "".join(c for c in word.casefold() if c.isalpha())
    syllables = pinyin_syllables()
    # reachable[i]: letters[:i] splits into syllables (a syllable has at most six letters: zhuang)
    reachable = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        reachable[end] = any(reachable[k] and letters[k:end] in syllables for k in range(max(0, end - 6), end))
    return bool(letters) and reachable[-1]


def surname_spellings(surname: str) -> tuple[str, ...]:
    """Lower-case spellings of a surname (one character or a compound one); () if unknown."""
    if surname in COMPOUND_SURNAMES:
        return (COMPOUND_SURNAMES[surname],)
    if len(surname) != 1:
        return ()
    readings = SURNAME_READINGS.get(surname) or tuple(_readings(surname)[:1])
    return tuple(dict.fromkeys(s for r in readings for s in _u_variants(r)))


def _syllable_options(given: str) -> list[tuple[str, ...]] | None:
    options = []
    for char in given:
        readings = _readings(char)
        if not readings:
            return None
        options.append(tuple(dict.fromkeys(s for r in readings for s in _u_variants(r))))
    total = 1
    for opt in options:
        total *= len(opt)
    if total > _MAX_COMBOS:  # keep the common reading (and its ü spellings) of each character
        options = [tuple(dict.fromkeys(_u_variants(_readings(c)[0]))) for c in given]
    return options


@lru_cache(maxsize=4096)
def _readings_of_name(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(surname spelling, given-name syllables) pairs of a name, lower case; () if not a Chinese name."""
    parts = split_name(name)
    if parts is None:
        return ()
    surname, given = parts
    families = surname_spellings(surname)
    options = _syllable_options(given)
    if not families or options is None:
        return ()
    return tuple((f, combo) for f in families for combo in product(*options))


def _join_given(syllables: tuple[str, ...], *, apostrophe: bool) -> str:
    out = syllables[0]
    for syllable in syllables[1:]:
        out += ("'" if apostrophe and syllable[0] in "aoe" else "") + syllable
    return out.capitalize()


def english_candidates(name: str) -> set[str]:
    """Accepted pinyin spellings "Surname Givenname" of a Chinese personal name in characters.

    习近平 → {"Xi Jinping", "Xi Jin-ping", "Xi Jin Ping", "XI Jinping", …}. Empty if ``name`` is not a
    Chinese name in Han characters or holds a character pypinyin cannot read (no guessing).
    """
    out: set[str] = set()
    for family, syllables in _readings_of_name(name):
        surname = family.capitalize()
        for given in {_join_given(syllables, apostrophe=False), _join_given(syllables, apostrophe=True)}:
            out.add(f"{surname} {given}")
            out.add(f"{family.upper()} {given}")
        if len(syllables) > 1:
            out.add(f"{surname} {'-'.join(syllables).capitalize()}")
            out.add(f"{surname} {' '.join(s.capitalize() for s in syllables)}")
    return out


def candidate_keys(name: str) -> frozenset[str]:
    """Comparison keys (lexicon.name_key: case, hyphens, apostrophes, spaces ignored) of the candidates."""
    return frozenset(name_key(c) for c in english_candidates(name))


def is_possible_rendering(rendering: str, name: str) -> bool:
    """Whether ``rendering`` ("Xi Jin-ping") is an accepted pinyin spelling of ``name`` (习近平).

    False does not mean the rendering is wrong for names with a customary non-pinyin spelling ("Jack Ma",
    "Tsai Ing-wen"): check the curated lexicon first.
    """
    return name_key(rendering) in candidate_keys(name)


def order_swapped(rendering: str, name: str) -> bool:
    """Whether ``rendering`` is the name with the given name first ("Jinping Xi" for 习近平).

    Such a rendering is common in foreign press and not a misspelling, but it is not the mainland
    convention, so callers report it apart from the candidates. False for an accepted spelling.
    """
    key = name_key(rendering)
    if key in candidate_keys(name):
        return False
    return any(key == name_key("".join(given) + family) for family, given in _readings_of_name(name))
