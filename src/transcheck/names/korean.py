"""Korean names written in Chinese characters (Hanja) or Hangul → the English spellings they may take.

A Chinese source writes 尹锡悦; English news writes "Yoon Suk-yeol", strict Revised Romanization gives
"Yun Seok-yeol" and North Korean style gives "Yun Sok Yol". Personal names keep customary spellings that
deviate from any system, so a name has a *set* of accepted spellings, and a rendering outside it ("Yoon
Suk-yue") is not a possible reading of the source. The pipeline is:

1. Hanja → Hangul with ``resources/hanja_names.tsv`` (etymological readings; 李 is 리, 洛 is 락) and the
   South Korean initial-sound rule (두음법칙) on the first syllable of the surname and of the given name
   (李洛渊 → 이낙연); North Korean readings keep the etymological sound (李善权 → 리선권).
2. Hangul → romanizations: every syllable has its strict Revised Romanization plus the customary and
   McCune–Reischauer-style spellings that personal names use (석: seok/suk/sok, 명: myeong/myung/myong);
   surnames also have their customary family spellings (이: Lee/Yi/Rhee/Ri, 박: Park/Pak).

Spellings are compared with :func:`transcheck.names.lexicon.name_key`, so case, hyphens and spaces do not
matter ("Yoon Suk Yeol" = "Yoon Suk-yeol" = "Yoon Sukyeol").
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from itertools import pairwise, product

from .lexicon import name_key

# --- Hangul syllable arithmetic (Unicode 3.12: S = 0xAC00 + (L*21 + V)*28 + T) ---------------------------

_S_BASE = 0xAC00
_L_COUNT, _V_COUNT, _T_COUNT = 19, 21, 28
_S_COUNT = _L_COUNT * _V_COUNT * _T_COUNT  # 11,172

# Jamo indices used below.
_L_N, _L_R, _L_S, _L_IEUNG = 2, 5, 9, 11
_V_YEO, _V_U, _V_YU, _V_I = 6, 13, 17, 20
_T_NONE, _T_N, _T_L = 0, 4, 8
#: Vowels (ㅣ ㅑ ㅕ ㅖ ㅛ ㅠ) before which initial ㄹ/ㄴ drop in the South (두음법칙).
_IOTIZED = frozenset({2, 6, 7, 12, 17, 20})


def is_hangul_syllable(char: str) -> bool:
    return len(char) == 1 and 0 <= ord(char) - _S_BASE < _S_COUNT


def decompose(syllable: str) -> tuple[int, int, int]:
    """(initial, vowel, final) jamo indices of a precomposed syllable; final 0 means none."""
    if not is_hangul_syllable(syllable):
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    index = ord(syllable) - _S_BASE
    return index // (_V_COUNT * _T_COUNT), (index // _T_COUNT) % _V_COUNT, index % _T_COUNT


def compose(initial: int, vowel: int, final: int = 0) -> str:
    if not (0 <= initial < _L_COUNT and 0 <= vowel < _V_COUNT and 0 <= final < _T_COUNT):
        raise ValueError(f"jamo index out of range: {(initial, vowel, final)}")
    return chr(_S_BASE + (initial * _V_COUNT + vowel) * _T_COUNT + final)


# --- Revised Romanization and the customary alternatives ------------------------------------------------

# ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_RR_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
# ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_RR_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
             "yu", "eu", "ui", "i")  # fmt: skip
# (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_RR_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
             "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip

#: Other spellings of an initial consonant in personal names (unvoiced McCune–Reischauer k/t/p/ch, the
#: North's aspirated kh/th/ph, l for ㄹ as in "Lim").
_INITIAL_ALT = {0: ("k",), 3: ("t",), 5: ("l",), 7: ("p",), 12: ("ch",), 15: ("kh",), 16: ("th",), 17: ("ph",)}
#: Other spellings of a vowel: ㅓ as u/o (Suk, Sok), ㅕ as yu/yo/you (Myung, Myong, Young), ㅜ as oo (Moon),
#: ㅠ as yoo (Yoo), ㅡ as u (Un), ㅚ as oi (Choi), ㅝ as weo (Kweon), ㅢ as eui (Eui).
_VOWEL_ALT = {4: ("u", "o"), 6: ("yu", "yo", "you"), 11: ("oi",), 13: ("oo",), 14: ("weo",), 17: ("yoo",),
              18: ("u",), 19: ("eui",)}  # fmt: skip
#: Whole-syllable spellings that no letter-by-letter rule gives but personal names customarily use.
_SYLLABLE_EXTRA: dict[str, tuple[str, ...]] = {
    "희": ("hee", "heui", "hi"),
    "지": ("jee", "jie", "chi"),
    "시": ("shi",),
    "우": ("wu",),
    "안": ("ahn",),
    "고": ("goh", "koh"),
    "오": ("oh",),
    "노": ("noh", "roh"),
    "하": ("hah",),
    "화": ("wha",),
    "백": ("back", "paik", "baik"),
    "락": ("lac",),
    "세": ("sye",),
    "혜": ("hea",),
    "덕": ("duck",),
    "기": ("kee",),
    "승": ("syng", "seong"),
    "균": ("gyon", "kyon"),
}

#: Customary family-name spellings (Korean news, passports, family usage), added to the syllable spellings.
_SURNAME_SPELLINGS: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"), "이": ("Lee", "Yi", "Rhee", "Ri", "I"), "리": ("Ri", "Lee", "Rhee", "Yi"),
    "박": ("Park", "Pak", "Bak"), "최": ("Choi", "Choe", "Chey"), "정": ("Jung", "Chung", "Jeong", "Cheong"),
    "강": ("Kang", "Gang"), "조": ("Cho", "Jo", "Joe"), "윤": ("Yoon", "Yun"), "장": ("Jang", "Chang"),
    "임": ("Lim", "Im", "Rim", "Yim"), "림": ("Rim", "Lim"), "한": ("Han",), "오": ("Oh", "O"), "서": ("Seo", "Suh"),
    "신": ("Shin", "Sin"), "권": ("Kwon", "Gwon", "Kweon"), "황": ("Hwang",), "안": ("Ahn", "An"),
    "송": ("Song",), "류": ("Ryu", "Yoo", "Yu", "Lyu", "Ryoo"), "유": ("Yoo", "Yu", "Ryu", "You"),
    "홍": ("Hong",), "전": ("Jeon", "Chun", "Jun", "Chon"), "고": ("Ko", "Go", "Koh", "Goh"),
    "문": ("Moon", "Mun"), "양": ("Yang",), "량": ("Ryang", "Yang"), "손": ("Son", "Sohn"), "배": ("Bae", "Pae"),
    "백": ("Baek", "Paik", "Paek", "Baik"), "허": ("Heo", "Huh", "Hur", "Ho"), "남": ("Nam",),
    "심": ("Shim", "Sim"), "노": ("Noh", "Roh", "No"), "로": ("Ro", "Roh"), "하": ("Ha",), "곽": ("Kwak", "Gwak"),
    "성": ("Sung", "Seong", "Song"), "차": ("Cha",), "주": ("Joo", "Ju", "Chu"), "우": ("Woo", "U"),
    "구": ("Koo", "Gu", "Ku"), "민": ("Min",), "나": ("Na", "Rah"), "라": ("Ra", "Rah", "La"), "진": ("Jin", "Chin"),
    "지": ("Ji", "Jee", "Chi"), "엄": ("Um", "Eom", "Uhm"), "채": ("Chae", "Chai"), "원": ("Won",),
    "방": ("Bang", "Pang"), "공": ("Kong", "Gong"), "현": ("Hyun", "Hyeon", "Hyon"), "함": ("Ham",),
    "변": ("Byun", "Byeon", "Pyon"), "염": ("Yeom", "Yum"), "렴": ("Ryom", "Yeom"), "여": ("Yeo", "Yuh", "Yo"),
    "려": ("Ryo", "Yeo"), "추": ("Choo", "Chu"), "도": ("Do", "Doh"), "소": ("So",), "석": ("Seok", "Suk"),
    "선": ("Sun", "Seon"), "설": ("Seol", "Sul"), "마": ("Ma",), "길": ("Gil", "Kil"), "연": ("Yeon", "Yun"),
    "위": ("Wi", "Wee"), "표": ("Pyo",), "명": ("Myung", "Myeong"), "기": ("Ki", "Gi"), "반": ("Ban", "Pan"),
    "왕": ("Wang",), "금": ("Geum", "Keum"), "옥": ("Ok",), "육": ("Yook", "Yuk"), "인": ("In",), "맹": ("Maeng",),
    "제": ("Je", "Jae"), "모": ("Mo",), "탁": ("Tak",), "국": ("Kook", "Guk"), "태": ("Tae", "Thae"),
    "봉": ("Bong",), "용": ("Yong",), "룡": ("Ryong", "Yong"), "천": ("Chun", "Cheon"), "편": ("Pyun", "Pyeon"),
    "남궁": ("Namgung", "Namkoong", "Namkung"), "제갈": ("Jegal", "Chegal"), "황보": ("Hwangbo",),
    "선우": ("Sunwoo", "Seonu"), "사공": ("Sagong",), "독고": ("Dokgo", "Tokko"), "서문": ("Seomun",),
    "동방": ("Dongbang",),
}  # fmt: skip

#: Two-character surnames, in Hanja (simplified and traditional) and Hangul.
_COMPOUND_SURNAMES: dict[str, str] = {
    "南宫": "남궁", "南宮": "남궁", "诸葛": "제갈", "諸葛": "제갈", "皇甫": "황보", "鲜于": "선우", "鮮于": "선우",
    "司空": "사공", "独孤": "독고", "獨孤": "독고", "西门": "서문", "西門": "서문", "东方": "동방", "東方": "동방",
}  # fmt: skip
_COMPOUND_HANGUL = frozenset(_COMPOUND_SURNAMES.values())

_SEPARATORS = " \t·・‧•"


def syllable_rr(syllable: str) -> str:
    """Strict Revised Romanization of one syllable, as personal names use it (no sound changes)."""
    initial, vowel, final = decompose(syllable)
    return _RR_INITIAL[initial] + _RR_VOWEL[vowel] + _RR_FINAL[final]


@lru_cache(maxsize=4096)
def syllable_spellings(syllable: str) -> tuple[str, ...]:
    """Lower-case spellings of one syllable in names: strict RR first, then customary/MR-style ones."""
    initial, vowel, final = decompose(syllable)
    initials = (_RR_INITIAL[initial], *_INITIAL_ALT.get(initial, ()))
    if initial == _L_S and vowel == _V_I:
        initials = (*initials, "sh")  # Shin, Shik
    if initial == _L_IEUNG and vowel == _V_U:
        initials = (*initials, "w")  # Woo, Wook
    vowels = (_RR_VOWEL[vowel], *_VOWEL_ALT.get(vowel, ()))
    spellings = [i + v + _RR_FINAL[final] for i, v in product(initials, vowels)]
    spellings.extend(_SYLLABLE_EXTRA.get(syllable, ()))
    return tuple(dict.fromkeys(spellings))


def revised_romanization(hangul_name: str) -> str:
    """The strict RR spelling "Surname Given-name" (윤석열 → "Yun Seok-yeol"); "" if not a Hangul name."""
    parts = _split_hangul(hangul_name)
    if parts is None:
        return ""
    surname, given = parts
    family = "".join(syllable_rr(s) for s in surname).capitalize()
    return f"{family} {'-'.join(syllable_rr(s) for s in given).capitalize()}"


def _split_hangul(name: str) -> tuple[str, str] | None:
    name = "".join(c for c in name if c not in _SEPARATORS)
    if len(name) < 2 or not all(is_hangul_syllable(c) for c in name):
        return None
    if len(name) >= 3 and name[:2] in _COMPOUND_HANGUL:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=2048)
def _romanizations(hangul_name: str) -> frozenset[str]:
    parts = _split_hangul(hangul_name)
    if parts is None:
        return frozenset()
    surname, given = parts
    families = {s.capitalize() for s in map("".join, product(*(syllable_spellings(c) for c in surname)))}
    families.update(_SURNAME_SPELLINGS.get(surname, ()))
    givens = set()
    for combo in product(*(syllable_spellings(c) for c in given)):
        givens.add("-".join(combo).capitalize())  # Suk-yeol
        givens.add(" ".join(p.capitalize() for p in combo))  # Jong Un (the North's style)
    return frozenset(f"{f} {g}" for f in families for g in givens)


def romanizations(hangul_name: str) -> set[str]:
    """Accepted English spellings "Surname Given-name" of a Hangul name (surname first, as in Korean news).

    The set holds the strict RR spelling, the customary per-syllable variants and the customary family
    spellings, each given name both hyphenated ("Suk-yeol") and spaced ("Suk Yeol"); compare other
    renderings through :func:`candidate_keys`. Empty if ``hangul_name`` is not a Hangul name.
    """
    return set(_romanizations(hangul_name))


# --- Hanja → Hangul ------------------------------------------------------------------------------------


def _read_table_text(text: str) -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"):
        hanja, hangul = (row.get("hanja") or "").strip(), (row.get("hangul") or "").strip()
        if hanja and hangul:
            table.setdefault(hanja, []).append((hangul, (row.get("note") or "").strip()))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def hanja_table() -> dict[str, tuple[tuple[str, str], ...]]:
    """hanja → ((hangul, note), ...) from ``resources/hanja_names.tsv`` (etymological readings)."""
    resource = resources.files("transcheck").joinpath("resources/hanja_names.tsv")
    if not resource.is_file():  # an install without the data file reads nothing rather than guessing
        return {}
    return _read_table_text(resource.read_text(encoding="utf-8"))


def _char_readings(char: str, *, surname: bool) -> list[str]:
    excluded = "given names only" if surname else "surname only"
    return [h for h, note in hanja_table().get(char, ()) if note != excluded]


def initial_sound_rule(syllable: str) -> str:
    """두음법칙 for the first syllable of a name part: 리→이, 락→낙, 녀→여 (South Korean usage)."""
    initial, vowel, final = decompose(syllable)
    if initial == _L_R:
        return compose(_L_IEUNG if vowel in _IOTIZED else _L_N, vowel, final)
    if initial == _L_N and vowel in _IOTIZED:
        return compose(_L_IEUNG, vowel, final)
    return syllable


def _south_given(syllables: tuple[str, ...]) -> str:
    out = [initial_sound_rule(syllables[0])]
    for prev, cur in pairwise(syllables):
        initial, vowel, final = decompose(cur)
        # 렬/률 after a vowel or ㄴ are written 열/율 (조태열 趙兌烈).
        if initial == _L_R and vowel in (_V_YEO, _V_YU) and final == _T_L and decompose(prev)[2] in (_T_NONE, _T_N):
            cur = compose(_L_IEUNG, vowel, final)
        out.append(cur)
    return "".join(out)


def hangul_readings(hanja_name: str, *, north: bool = False) -> list[str]:
    """Possible Hangul readings of a Korean name in Chinese characters, most usual first.

    The surname is the first character, or the first two for the usual compound surnames (南宫, 诸葛…).
    South Korean readings apply the initial-sound rule to the surname and to the given name; with
    ``north=True`` the etymological sounds are kept (李 → 리, 龍 → 룡), as North Korea writes them.
    Returns [] when any character is missing from the table, so an unknown name never gets a guess.
    """
    name = "".join(c for c in hanja_name if c not in _SEPARATORS)
    if len(name) < 2:
        return []
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        surnames, given = [_COMPOUND_SURNAMES[name[:2]]], name[2:]
    else:
        surnames, given = _char_readings(name[0], surname=True), name[1:]
    options = [_char_readings(c, surname=False) for c in given]
    if not surnames or not all(options):
        return []
    readings: dict[str, None] = {}
    for family in surnames:
        for combo in product(*options):
            if north:
                readings[family + "".join(combo)] = None
            else:
                head = family if len(family) > 1 else initial_sound_rule(family)
                readings[head + _south_given(combo)] = None
    return list(readings)


# --- Public entry points -------------------------------------------------------------------------------


def english_candidates(name: str) -> set[str]:
    """Accepted English spellings of a Korean name given in Hanja or Hangul (union over its readings).

    Hanja names take both the South Korean and the North Korean readings, since a Chinese source does not
    say which Korea a person is from.
    """
    name = "".join(c for c in name if c not in _SEPARATORS)
    if name and all(is_hangul_syllable(c) for c in name):
        return romanizations(name)
    out: set[str] = set()
    for reading in dict.fromkeys([*hangul_readings(name), *hangul_readings(name, north=True)]):
        out |= _romanizations(reading)
    return out


def candidate_keys(name: str) -> frozenset[str]:
    """Comparison keys (lexicon.name_key: case, hyphens, spaces ignored) of a name's English candidates."""
    return frozenset(name_key(c) for c in english_candidates(name))


def is_possible_rendering(rendering: str, name: str) -> bool:
    """Whether ``rendering`` ("Yoon Suk Yeol") is an accepted spelling of ``name`` (尹锡悦 or 윤석열)."""
    return name_key(rendering) in candidate_keys(name)


def align_readings(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Character readings from (Hanja, Hangul) name pairs of equal length, e.g. (尹锡悦, 윤석열).

    Used to bootstrap and check the table against the curated lexicon; the readings are surface forms
    (after the initial-sound rule), so 李 aligns with 이.
    """
    found: dict[str, set[str]] = {}
    for hanja, hangul in pairs:
        if len(hanja) == len(hangul) and all(is_hangul_syllable(c) for c in hangul):
            for char, syllable in zip(hanja, hangul, strict=True):
                found.setdefault(char, set()).add(syllable)
    return found
