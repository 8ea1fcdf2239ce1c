"""Person names in a source sentence that the lexicon does not know.

Three ways to find them, from the most to the least telling:

- Chinese news introduces a person by country and office before the name: 韩国总统尹锡悦, 日本首相岸田文雄,
  朝鲜外相崔善姬. The title says a name follows and the country says how to read it (a Korean name is read in
  Korean, not in Mandarin): :func:`titled_names`.
- Japanese text puts the office or honorific after the name: 岸田文雄首相, 河野太郎氏. The name is the part of
  the kanji run before it that the Japanese name dictionary can split into surname and given name:
  :func:`japanese_titled_names`.
- Elsewhere, a Chinese name has no marker; jieba's part-of-speech tagger (MIT licence) tags it as a person
  name, and a name that starts with a common Chinese surname is read in Mandarin: :func:`tagged_chinese_names`.

Only names of the origins transcheck can romanize are returned with an origin the linker acts on; the rest
still come back so that callers can count them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..text.script import is_kana
from . import japanese

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
    "大臣",
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
#: Every title at every position, overlapping ones included, in one pass (a lookahead consumes nothing).
_TITLES_AT = re.compile("(?=(" + "|".join(TITLES) + "))")
#: How far back from a title its country word may stand (韩国外交部长官: four characters between).
_COUNTRY_REACH = 8


@dataclass(frozen=True)
class SourceName:
    """A name found after a title: its characters, where it starts, and the tradition to read it in."""

    form: str
    start: int
    origin: str  # "ko", "ja", "zh" or "" when the country is not said


def _trim(run: str, origin: str) -> str:
    """The name at the start of ``run``: 2–3 characters, 4 with a compound surname; a Japanese name is the
    longest start that the name dictionary splits into surname and given name (小泉进次郎 has five)."""
    if origin == "ja":
        known = next((run[:k] for k in range(min(len(run), 5), 1, -1) if japanese.splits(run[:k])), None)
        if known is not None:
            return known
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
    titles = [(m.start(), m.start() + len(m.group(1))) for m in _TITLES_AT.finditer(text)]
    found: list[SourceName] = []
    for start, end in titles:
        if any(s2 > start and s2 <= end + 2 and e2 > end for s2, e2 in titles):
            continue  # a later title continues this one: the name follows that one
        run = ""
        for ch in text[end : end + 6]:
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


#: Offices and honorifics that follow a name in Japanese text (岸田文雄首相, 河野太郎氏). A minister is also
#: "<ministry>相" (外相, 経済産業相), matched by its last character.
_JAPANESE_TITLE_TEXT = (
    "官房長官 外務大臣 防衛大臣 大臣 大統領 副大統領 国家主席 主席 委員長 総書記 首相 総理 長官 知事 市長 議長 議員 "
    "代表 総裁 幹事長 社長 会長 氏 容疑者 被告 元首相 前首相"
)
JAPANESE_TITLES_AFTER = frozenset(_JAPANESE_TITLE_TEXT.split())
#: Honorifics in kana right after a name (河野太郎さん).
_KANA_HONORIFICS = ("さん", "さま", "様", "くん", "君")
_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")
#: Longest ministry name before 相 (経済産業相, 国土交通相).
_LONGEST_MINISTRY = 6


def _japanese_title(rest: str, after: str) -> bool:
    if rest in JAPANESE_TITLES_AFTER:
        return True
    if rest.endswith("相") and 1 < len(rest) <= _LONGEST_MINISTRY:
        return True
    return not rest and after.startswith(_KANA_HONORIFICS)


def japanese_titled_names(text: str) -> list[SourceName]:
    """Names before an office or honorific in Japanese text (岸田文雄首相, 武藤容治経済産業相, 河野太郎さん), read
    as Japanese.

    Text without kana is not Japanese and gives nothing. In each run of kanji, a name is three to six
    characters that the name dictionary splits into surname and given name, followed by the rest of the run
    being an office (or nothing, and a kana honorific after it). A surname alone (岸田首相) gives nothing: it
    cannot be checked as a full name.
    """
    if not any(is_kana(ch) for ch in text):
        return []
    found: list[SourceName] = []
    for run in _KANJI_RUN.finditer(text):
        chars, after = run.group(0), text[run.end() : run.end() + 2]
        hit = next(
            (
                (i, length)
                for i in range(len(chars) - 2)
                for length in range(min(6, len(chars) - i), 2, -1)
                if _japanese_title(chars[i + length :], after) and japanese.splits(chars[i : i + length])
            ),
            None,
        )
        if hit is not None:
            i, length = hit
            found.append(SourceName(chars[i : i + length], run.start() + i, "ja"))
    return found


#: The common Chinese surnames (simplified), by which a tagged person name is taken to be a Chinese name and
#: read in Mandarin; transliterated foreign names (特朗普, 莱特希泽) rarely start with one of them and two-word
#: foreign names are tagged apart anyway.
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
#: jieba's tags for person names (nr; nrfg and nrt are subtypes it uses for some names).
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})


@cache
def _tagger() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg


@cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def tagged_chinese_names(text: str) -> list[SourceName]:
    """Chinese person names in Chinese text that jieba tags as names and that start with a common surname.

    Text with kana or Hangul is not Chinese and gives nothing. Each name comes back with origin "zh".
    """
    if any(is_kana(ch) or "\uac00" <= ch <= "\ud7a3" for ch in text) or not _HAN_CHAR.search(text):
        return []
    found: list[SourceName] = []
    offset = 0
    for token in _tagger().cut(text):
        word, flag = token.word, token.flag
        at = text.find(word, offset)
        offset = at + len(word) if at >= 0 else offset
        if flag not in _PERSON_TAGS or at < 0 or not 2 <= len(word) <= 4 or not all(_HAN_CHAR.match(c) for c in word):
            continue
        simplified = _to_simplified().convert(word)
        compound = simplified[:2] in _COMPOUND_SURNAMES
        if (compound or simplified[0] in CHINESE_SURNAMES) and (len(word) <= 3 or compound):
            found.append(SourceName(word, at, "zh"))
    return found


@lru_cache(maxsize=4096)
def source_person_names(text: str) -> tuple[SourceName, ...]:
    """Every person name found in ``text`` by the three ways above, the more telling one first where two
    find the same name; a name overlapping one already found is dropped, but lends it its origin when the
    title said none (国务院副总理刘鹤: a title without a country, a name the tagger reads as Chinese)."""
    found: list[SourceName] = []
    for name in [*titled_names(text), *japanese_titled_names(text), *tagged_chinese_names(text)]:
        span = range(name.start, name.start + len(name.form))
        overlapping = [
            k for k, f in enumerate(found) if name.start in range(f.start, f.start + len(f.form)) or f.start in span
        ]
        if not overlapping:
            found.append(name)
        elif len(overlapping) == 1 and not found[overlapping[0]].origin and found[overlapping[0]].form == name.form:
            found[overlapping[0]] = name
    return tuple(found)
