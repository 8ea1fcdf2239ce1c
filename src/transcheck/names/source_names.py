"""Person names in a Chinese source sentence that the lexicon does not know, found by their titles.

News introduces a person by country and office before the name: 韩国总统尹锡悦, 日本首相岸田文雄, 朝鲜外相崔善姬.
The title says a name follows and the country says how to read it (a Korean name is read in Korean, not in
Mandarin). Only names of the origins transcheck can romanize are returned with an origin the linker acts on;
the rest still come back so that callers can count them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Country or region words before a title, and the naming tradition they imply.
COUNTRY_ORIGIN = {
    "韩国": "ko",
    "韓國": "ko",
    "南韩": "ko",
    "南韓": "ko",
    "朝鲜": "ko",
    "朝鮮": "ko",
    "北韩": "ko",
    "北韓": "ko",
    "日本": "ja",
    "中国": "zh",
    "中國": "zh",
    "中方": "zh",
    "国家": "zh",
    "國家": "zh",
}

#: Offices that precede a person's name, longest first when they overlap (前总统 before 总统).
TITLES = (
    "国务总理",
    "國務總理",
    "外交部长",
    "外交部長",
    "国防部长",
    "國防部長",
    "统一部长官",
    "統一部長官",
    "总书记",
    "總書記",
    "委员长",
    "委員長",
    "副主席",
    "前总统",
    "前總統",
    "董事长",
    "董事長",
    "发言人",
    "發言人",
    "大统领",
    "大統領",
    "总统",
    "總統",
    "总理",
    "總理",
    "首相",
    "外相",
    "外长",
    "外長",
    "防长",
    "防長",
    "部长",
    "部長",
    "长官",
    "長官",
    "议长",
    "議長",
    "主席",
    "大使",
    "会长",
    "會長",
    "社长",
    "社長",
    "知事",
    "市长",
    "市長",
    "党首",
    "黨首",
    "领导人",
    "領導人",
)

#: Characters that follow a name in running text and are never its last character here.
_AFTER_NAME = frozenset(
    "于於在表说說称稱对對与與和的将將也就等曾已会會当當并並则則向到是为為被从從今昨周日月同通访訪抵出召致签簽宣指接回赴率乘携攜"
)
#: Two-character surnames (Korean and Chinese): with them a name may have four characters.
_COMPOUND_SURNAME_TEXT = (
    "南宫 南宮 诸葛 諸葛 皇甫 鲜于 鮮于 司空 独孤 獨孤 欧阳 歐陽 司马 司馬 上官 东方 東方 "
    "公孙 公孫 慕容 令狐 长孙 長孫 宇文 夏侯 司徒 端木 轩辕 軒轅 尉迟 尉遲"
)
_COMPOUND_SURNAMES = frozenset(_COMPOUND_SURNAME_TEXT.split())

_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TITLE_RE = re.compile("|".join(TITLES))
#: How far back from a title its country word may stand (韩国外交部长官: four characters between).
_COUNTRY_REACH = 8


@dataclass(frozen=True)
class SourceName:
    """A name found after a title: its characters, where it starts, and the tradition to read it in."""

    form: str
    start: int
    origin: str  # "ko", "ja", "zh" or "" when the country is not said


def _trim(run: str, origin: str) -> str:
    """The name at the start of ``run``: 2–3 characters, 4 with a compound surname or for Japanese names."""
    longest = 4 if origin == "ja" or run[:2] in _COMPOUND_SURNAMES else 3
    name = run[:longest]
    for k in range(2, len(name)):
        if name[k] in _AFTER_NAME:
            return name[:k]
    return name


def _country(text: str, title_start: int) -> str:
    before = text[max(0, title_start - _COUNTRY_REACH) : title_start]
    best, best_at = "", -1
    for word, origin in COUNTRY_ORIGIN.items():
        at = before.rfind(word)
        if at > best_at:
            best, best_at = origin, at
    return best


def titled_names(text: str) -> list[SourceName]:
    """Names introduced by an office in ``text`` (韩国总统尹锡悦 → 尹锡悦, origin "ko").

    A title directly followed or overlapped by another (总统府发言人, 外交部长官) gives way to the later one.
    """
    # Every title at every position, overlapping ones included (外交部长官 holds 外交部长 and 长官).
    titles = [(i, m.end()) for i in range(len(text)) if (m := _TITLE_RE.match(text, i))]
    found: list[SourceName] = []
    for start, end in titles:
        if any(s2 > start and s2 <= end + 2 and e2 > end for s2, e2 in titles):
            continue  # a later title continues this one: the name follows that one
        run = ""
        for ch in text[end : end + 5]:
            if not _HAN_CHAR.match(ch):
                break
            run += ch
        if len(run) < 2:
            continue
        origin = _country(text, start)
        name = _trim(run, origin)
        if len(name) >= 2 and all(f.start != end for f in found):
            found.append(SourceName(name, end, origin))
    return found
