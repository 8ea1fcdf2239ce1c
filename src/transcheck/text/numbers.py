"""Numbers by value, on both sides of a translation.

A checker that compares digit strings flags "1,500억 원 → 150 billion won" and lets "3만 → 3,000" pass.
We parse every number to a value instead: Arabic and full-width digits with separators, digits with CJK
large units (3.5万, 15亿, 3만, 1,500억, 2億), Chinese numerals (十二, 两千, 一千五百亿, via ``cn2an``), English
scale words (1.5 billion), percentages, and, as *soft* evidence, number words (two, twelve), month names and
single-character CJK numerals (两国, 第一).

Hard numbers must be found again on the other side; soft ones only excuse a match. That asymmetry keeps
"两国 → the two countries" or "七国集团 → G7" from becoming false alarms while a changed digit is still caught.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from .script import base_lang


@dataclass(frozen=True)
class NumberMention:
    """A number found in text. ``hard`` numbers must be matched on the other side; soft ones need not.

    ``percent`` and ``per_mille`` say what the value counts (50 % and 50 ‰ are different numbers);
    ``approximate`` that the text says it is rounded (约, about, knapp …); ``scaled`` that it is written with a
    scale word (1.23 million, 3,5 Mrd., 3万), which is how rounded figures are written; ``ordinal`` that it is
    a rank (第三, third, 3rd), compared with other ranks only.
    """

    text: str
    value: float
    start: int
    end: int
    hard: bool = True
    percent: bool = False
    per_mille: bool = False
    approximate: bool = False
    scaled: bool = False
    ordinal: bool = False

    @property
    def precision(self) -> float:
        """The place value of the last digit written: 1.23 million → 10,000; 3,000 → 1,000; 49,8 → 0.1."""
        digits = re.sub(r"[^\d.,\s\u00a0\u202f]", "", self.text.split("%")[0]).strip()
        if not digits:
            return 1.0
        integer, _, fraction = _split_decimal(digits)
        if fraction:
            place = 10.0 ** -len(fraction)
        else:
            stripped = integer.rstrip("0")
            place = 10.0 ** (len(integer) - len(stripped)) if stripped else 1.0
        raw = _plain_float(integer, fraction)
        scale = self.value / raw if raw else 1.0
        return place * abs(scale)


# Full-width digits and separators map one to one onto ASCII, so offsets stay valid.
_WIDTH = str.maketrans("０１２３４５６７８９，．％‰", "0123456789,.%‰")


def _split_decimal(digits: str) -> tuple[str, str, str]:
    """Integer digits, decimal mark and fraction digits of a written number: "1,234.5" → ("1234", ".", "5"),
    "1.234,5" → ("1234", ",", "5"), "1,234,567" → ("1234567", "", ""). Separators all alike with groups of
    three after them are thousands separators (1,000 / 1.000 / 1 000)."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", digits)
    marks = [c for c in compact if c in ".,"]
    if not marks:
        return compact, "", ""
    groups = re.split(r"[.,]", compact)
    if len(set(marks)) == 1 and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return "".join(groups), "", ""
    last = max(compact.rfind("."), compact.rfind(","))
    return re.sub(r"[.,]", "", compact[:last]), compact[last], compact[last + 1 :]


def _plain_float(integer: str, fraction: str) -> float:
    try:
        return float(f"{integer or 0}.{fraction or 0}")
    except ValueError:
        return 0.0


_CJK_UNITS = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
    "兆": 10**12,
    "십": 10,
    "백": 100,
    "천": 1000,
    "만": 10**4,
    "억": 10**8,
    "조": 10**12,
}
_UNIT_CHARS = "".join(_CJK_UNITS)
_CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿两兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅"
_TRAD_TO_SIMPL = str.maketrans("萬億兩貳參陸", "万亿两贰叁陆")

# Runs of numeral characters that are ordinary words, not quantities.
_CN_IDIOMS = frozenset({"千万", "万万", "一一", "万一", "千千万万", "十十", "三三两两", "一二", "百万分"})

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGITS_EU = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_LATIN_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
    "tn": 10**12,
    "mn": 10**6,
}
_PERCENT_AFTER = r"(?P<pct>\s?%|\s?‰|\s?(?:per\s?cent|percent|per\s?mille|per\s?mil|per\s(?:1,000|thousand))\b)?"

_CJK_NUMBER = re.compile(rf"(?P<num>{_DIGITS})\s?(?P<units>[{_UNIT_CHARS}]*)(?P<pct>\s?%|\s?‰)?")
_CN_PERCENT = re.compile(rf"百分之(?P<num>{_DIGITS}|[{_CN_NUMERAL_CHARS}点]+)")
_CN_RUN = re.compile(rf"[{_CN_NUMERAL_CHARS}]+(?:点[{_CN_NUMERAL_CHARS}]+)?")
_LATIN_NUMBER = re.compile(
    rf"(?P<num>{_DIGITS})(?:st|nd|rd|th)?"
    rf"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<abbr>bn|tn|mn)\b)?" + _PERCENT_AFTER,
    re.IGNORECASE,
)
_LATIN_NUMBER_EU = re.compile(
    rf"(?P<num>{_DIGITS_EU})(?:\.)?(?:\s(?P<scale>Millionen|Milliarden|Milliarde|Billionen|millions?|milliards?)\b)?"
    r"(?P<pct>\s?(?:%|‰|Prozent\b|pour\s?cent\b|Promille\b|pour\s?mille\b))?",
)
_EU_SCALES = {
    "millionen": 10**6,
    "milliarden": 10**9,
    "milliarde": 10**9,
    "billionen": 10**12,
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
}
_PM = re.compile(r"\s?(?:p\.?m\.?)(?!\w)", re.IGNORECASE)

#: Words that state a figure is approximate, just before it (about 30,000; 约3万; 약 3만; knapp 50) or just
#: after it (3万多, 3만여, 1万人以上, 30,000 or so).
_APPROX_BEFORE = re.compile(
    r"(?:about|around|approximately|roughly|some|nearly|almost|close to|more than|over|less than|under|"
    r"up to|at least|just over|just under|upwards of|an estimated|estimated|roughly|~|約|约|大约|大約|近|逾|超过|超過|"
    r"将近|將近|接近|不到|上下|约合|約合|およそ|ほぼ|약|거의|etwa|rund|knapp|fast|gut|über|mehr als|weniger als|"
    r"circa|ca\.|environ|près de|presque|plus de|moins de|quelque|quelques|aproximadamente|casi|más de|"
    r"circa|quasi|oltre)\s*$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(r"^\s*(?:多|余|餘|来|來|左右|上下|以上|以下|前後|程度|余り|여|가량|정도|이상|or so|odd)")
_SCALE_ABBREVIATIONS = {
    # German and French abbreviations of scale words (4,8 Mrd. = 4.8 billion; 350 M€ = 350 million euros)
    "mrd": 10**9, "mio": 10**6, "bio": 10**12, "tsd": 10**3, "md": 10**9, "mds": 10**9, "m": 10**6,
    "k": 10**3, "md€": 10**9, "m€": 10**6, "k€": 10**3, "billionen": 10**12, "milliarde": 10**9,
}  # fmt: skip
_SCALE_ABBR_RE = re.compile(r"\s?(?P<abbr>Mrd|Mio|Bio|Tsd|Mds|Md|M|k)(?:\.|\b|(?=€))", re.IGNORECASE)

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twelfth": 12,
    "once": 1,
    "double": 2,
    "doubled": 2,
    "twofold": 2,
    "triple": 3,
    "tripled": 3,
    "threefold": 3,
    "quadrupled": 4,
    "fourfold": 4,
    "tenfold": 10,
    "twice": 2,
    "both": 2,
    "dozen": 12,
    "half": 0.5,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 10**6,
    "a billion": 10**9,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WORD_RE = re.compile(
    r"\b(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?P<ones>one|two|three|four|five|"
    r"six|seven|eight|nine)|(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r"))"
    r"(?:\s(?P<scale>hundred|thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\b(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
# Languages that write 1.000,5 rather than 1,000.5.
_DECIMAL_COMMA_LANGS = frozenset(
    {"de", "fr", "es", "it", "pt", "nl", "ru", "pl", "cs", "sv", "da", "nb", "fi", "tr", "id", "vi", "uk", "ro", "hu"}
)


def _to_float(digits: str, decimal_comma: bool = False) -> float:
    """Digits with separators → float; ``decimal_comma`` for 1.000,5-style locales."""
    if decimal_comma:
        return float(re.sub(r"[.\u00a0\u202f ]", "", digits).replace(",", "."))
    return float(digits.replace(",", ""))


#: Version numbers (3.2.1, iOS 17.4, v2.0) and telephone numbers (+49 30 1234567, 030 1234567): codes, not
#: quantities.
_CODE = re.compile(
    r"(?:\d+\.\d+\.\d+(?:\.\d+)*|(?:(?<=version )|(?<=Version )|(?<=iOS )|(?<=Android )|(?<=v)|(?<=V))\d+(?:\.\d+)+"
    r"|\+\d{1,3}(?:[\s\-]\d{2,5}){2,}|(?<![\d.,])0\d{1,4}[\s\-/]\d{3,}(?:[\s\-]\d{2,})*)"
)


_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of version and telephone numbers; 1.234.567 (dot-grouped thousands) is a number, not a version."""
    return [(m.start(), m.end()) for m in _CODE.finditer(text) if not _GROUPED.fullmatch(m.group(0))]


def _identifier_digit(text: str, start: int) -> bool:
    """True for the digits of names such as G7, F-35, COVID-19 or 火星-17 (Hwasong-17): not quantities."""
    before = text[start - 1] if start > 0 else ""
    if before == "-" or before == "‐":
        return start > 1 and text[start - 2].isalpha()
    return before.isascii() and before.isalpha()


def _cn_run_value(run: str) -> float | None:
    simplified = run.translate(_TRAD_TO_SIMPL)
    if simplified[0] in "十百千万亿":
        simplified = "一" + simplified
    try:
        value = cn2an.cn2an(simplified, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _approximate(text: str, start: int, end: int) -> bool:
    """Whether the text around a number says it is approximate (约3万, about 30,000, 3万多, 1万人以上)."""
    return bool(_APPROX_BEFORE.search(text[max(0, start - 16) : start])) or bool(
        _APPROX_AFTER.match(text[end : end + 4])
    )


def _ratio_kind(sign: str | None) -> tuple[bool, bool]:
    """(percent, per mille) from the sign or word after a number."""
    if not sign:
        return False, False
    sign = sign.strip().casefold()
    per_mille = sign.startswith(
        ("‰", "per mil", "promille", "pour mille", "pour\u00a0mille", "per 1,000", "per thousand")
    )
    return not per_mille, per_mille


def _merge_cjk(found: list[NumberMention], text: str) -> list[NumberMention]:
    """Join a number with a large unit and the smaller one that continues it: 1亿2000万 = 120,000,000,
    2億5千万 = 250,000,000, 3억 5천만 = 350,000,000, 12万5千 = 125,000."""
    merged: list[NumberMention] = []
    for mention in found:
        if merged:
            head = merged[-1]
            gap = text[head.end : mention.start]
            unit = _CJK_UNITS.get(head.text[-1:], 0) if head.hard and not head.percent else 0
            if unit >= 10**4 and gap in {"", " "} and mention.hard and not mention.percent and mention.value < unit:
                merged[-1] = NumberMention(
                    text[head.start : mention.end],
                    head.value + mention.value,
                    head.start,
                    mention.end,
                    approximate=head.approximate or _approximate(text, head.start, mention.end),
                    scaled=True,
                )
                continue
        merged.append(mention)
    return merged


#: Counters after a single CJK numeral that make it a count of things (三人, 세 명, 二人, 五个).
_COUNTERS = "人名个個位项項件次届屆国國家只头頭辆輛台部本张張条條座所艘架枚匹口명개번곳편권대"
_PER_PERSON = re.compile(
    r"\s?(?:인당|인 당|人当|人あた|人均|世帯あた|世帯当|日[0-9０-９一二三四五六七八九]|일\s?[0-9])"
)
#: Shares in tenths: 六成 (60 %), 3割 (30 %), 八折 (80 % of the price); 一成 needs a numeral, 成 alone is a verb.
_CJK_SHARE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[一二两兩三四五六七八九十]{1,2})(?P<unit>成|割|折)(?![本功为為立员員都交果绩績])"
)
#: Korean native numerals, read only before a counter (세 명 "three people"; 세 alone is also "world").
_KO_NATIVE_VALUES = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
                     "열": 10, "스무": 20}  # fmt: skip
_KO_NATIVE = re.compile(
    r"(?<![가-힣])(?P<word>다섯|여섯|일곱|여덟|아홉|스무|한|두|세|네|열)\s?(?=명|개|번|가지|곳|대|권|마리|살|차례|척|채)"
)
_CJK_ORDINAL = re.compile(rf"第\s?(?P<num>\d+|[{_CN_NUMERAL_CHARS}]+)")


def _extract_cjk(text: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    for m in _CN_PERCENT.finditer(text):
        raw = m.group("num")
        value = _to_float(raw) if raw[0].isdigit() else _cn_run_value(raw)
        if value is not None:
            approx = _approximate(text, m.start(), m.end())
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), True, True, approximate=approx))
            taken.append((m.start(), m.end()))
    for m in _CJK_SHARE.finditer(text):
        raw = m.group("num")
        tenths = float(raw) if raw[0].isdigit() else _cn_run_value(raw)
        if tenths is None or _identifier_digit(text, m.start()):
            continue
        percent = tenths * 10
        if m.group("unit") == "折":  # 八折: 80 % of the price, "20 % off"
            found.append(NumberMention(m.group(0), percent, m.start(), m.end(), True, True))
            found.append(NumberMention(m.group(0), 100 - percent, m.start(), m.end(), False, True))
        else:
            approx = _approximate(text, m.start(), m.end()) or bool(
                re.match(r"[強强弱余多]", text[m.end() : m.end() + 1])
            )
            found.append(NumberMention(m.group(0), percent, m.start(), m.end(), True, True, approximate=approx))
        taken.append((m.start(), m.end()))
    for m in _CJK_ORDINAL.finditer(text):
        raw = m.group("num")
        value = float(raw) if raw.isdigit() else _cn_run_value(raw)
        if value is not None:
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), hard=False, ordinal=True))
            taken.append((m.start(), m.end()))
    cjk_numbers: list[NumberMention] = []
    for m in _CJK_NUMBER.finditer(text):
        if overlaps(m.start(), m.end()) or _identifier_digit(text, m.start()):
            continue
        value = _to_float(m.group("num"))
        for unit in m.group("units"):
            value *= _CJK_UNITS[unit]
        end = m.end()
        percent, per_mille = _ratio_kind(m.group("pct"))
        # 1인당 / 1人当たり / 人均: "per person", not a count of one
        per_person = value == 1 and bool(_PER_PERSON.match(text, end))
        cjk_numbers.append(
            NumberMention(
                text[m.start() : end].strip(),
                value,
                m.start(),
                end,
                not per_person,
                percent,
                per_mille,
                approximate=_approximate(text, m.start(), end),
                scaled=bool(m.group("units")),
            )
        )
    for m in _KO_NATIVE.finditer(text):
        value = float(_KO_NATIVE_VALUES[m.group("word")])
        cjk_numbers.append(NumberMention(m.group("word"), value, m.start(), m.start() + len(m.group("word")), False))
    for m in _CN_RUN.finditer(text):
        if overlaps(m.start(), m.end()) or any(m.start() < n.end and n.start < m.end() for n in cjk_numbers):
            continue
        run = m.group(0)
        value = _cn_run_value(run)
        if value is None:
            continue
        hard = len(run) >= 2 and run not in _CN_IDIOMS
        cjk_numbers.append(
            NumberMention(
                run,
                value,
                m.start(),
                m.end(),
                hard,
                approximate=_approximate(text, m.start(), m.end()),
                scaled=run[-1] in _UNIT_CHARS,
            )
        )
    cjk_numbers.sort(key=lambda n: n.start)
    found += _merge_cjk(cjk_numbers, text)
    return sorted(found, key=lambda n: n.start)


#: Cardinal number words of the source languages other than English, as soft evidence (drei → 3, deux → 2).
_FOREIGN_WORDS: dict[str, dict[str, float]] = {
    "de": {"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
           "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100, "tausend": 1000,
           "beide": 2, "beiden": 2, "Dutzend": 12, "halbe": 0.5},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "cent": 100, "mille": 1000, "dizaine": 10,
           "douzaine": 12, "centaine": 100, "moitié": 0.5, "premier": 1, "première": 1, "deuxième": 2,
           "troisième": 3},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
           "diez": 10, "once": 11, "doce": 12, "veinte": 20, "cien": 100, "mil": 1000},
}  # fmt: skip
_FOREIGN_WORD_RE = {
    lang: re.compile(r"\b(?P<word>" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    for lang, words in _FOREIGN_WORDS.items()
}
_ENGLISH_ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twelfth"}
)
_HALF_SCALE = re.compile(r"\bhalf\s+a\s+(?P<scale>million|billion|trillion)\b", re.IGNORECASE)
_DIGIT_ORDINAL = re.compile(r"\b(?P<num>\d{1,4})(?:st|nd|rd|th|e|er|ème|eme|º|ª)\b", re.IGNORECASE)


def _extract_latin(text: str, lang: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    decimal_comma = lang in _DECIMAL_COMMA_LANGS
    pattern = _LATIN_NUMBER_EU if decimal_comma else _LATIN_NUMBER
    for m in pattern.finditer(text):
        if _identifier_digit(text, m.start()):
            continue
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,"):
            continue
        try:
            value = _to_float(m.group("num"), decimal_comma)
        except ValueError:
            continue
        end = m.end()
        scale = m.group("scale")
        scaled = bool(scale)
        if scale:
            value *= _EU_SCALES[scale.lower()] if decimal_comma else _LATIN_SCALES[scale.lower()]
        elif not decimal_comma and m.group("abbr"):
            value *= _LATIN_SCALES[m.group("abbr").lower()]
            scaled = True
        elif decimal_comma and not m.group("pct") and (abbr := _SCALE_ABBR_RE.match(text, end)):
            value *= _SCALE_ABBREVIATIONS[abbr.group("abbr").lower()]
            end, scaled = abbr.end(), True
        percent, per_mille = _ratio_kind(m.group("pct"))
        if per_mille and m.group("pct") and not m.group("pct").strip().startswith(("‰", "per mil")):
            # "7.3 per 1,000": the 1,000 is still written there
            found.append(NumberMention(m.group("pct").strip(), 1000.0, m.end() - len(m.group("pct")), m.end(), False))
        ordinal = bool(_DIGIT_ORDINAL.match(text, m.start())) and not percent
        mention = NumberMention(
            text[m.start() : end].strip(),
            value,
            m.start(),
            end,
            True,
            percent,
            per_mille,
            approximate=_approximate(text, m.start(), end),
            scaled=scaled,
            ordinal=ordinal,
        )
        found.append(mention)
        # "3 p.m." also means 15 o'clock: a soft alternative so that 15点 matches.
        if not decimal_comma and value < 12 and _PM.match(text, m.end()):
            found.append(NumberMention(mention.text, value + 12, m.start(), m.end(), False))
    if lang == "en":
        halves = []
        for m in _HALF_SCALE.finditer(text):
            value = 0.5 * _LATIN_SCALES[m.group("scale").lower()]
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), False, scaled=True))
            halves.append((m.start(), m.end()))
        for m in _WORD_RE.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in halves):
                continue
            if m.group("tens"):
                value = float(_WORDS[m.group("tens").lower()] + _WORDS[m.group("ones").lower()])
            else:
                value = float(_WORDS[m.group("word").lower()])
            if m.group("scale"):
                value *= _LATIN_SCALES[m.group("scale").lower()]
            word = (m.group("word") or "").lower()
            found.append(NumberMention(m.group(0), value, m.start(), m.end(), False, ordinal=word in _ENGLISH_ORDINALS))
        for m in _MONTH_RE.finditer(text):
            word = m.group("m")
            if not word[0].isupper():
                continue  # "may" the verb, "march" the walk: month names are capitalised in English
            found.append(NumberMention(word, float(_MONTHS[word.lower()]), m.start(), m.end(), False))
    elif lang in _FOREIGN_WORD_RE:
        words = {k.casefold(): v for k, v in _FOREIGN_WORDS[lang].items()}
        for m in _FOREIGN_WORD_RE[lang].finditer(text):
            found.append(NumberMention(m.group(0), float(words[m.group("word").casefold()]), m.start(), m.end(), False))
    return sorted(found, key=lambda n: n.start)


@lru_cache(maxsize=16384)
def _extract_cached(text: str, lang: str) -> tuple[NumberMention, ...]:
    normalised = text.translate(_WIDTH)
    codes = _code_spans(normalised)
    if lang in {"zh", "ja", "ko"}:
        mentions = _extract_cjk(normalised)
        mentions += [m for m in _extract_latin(normalised, "en") if not m.hard]  # English words inside CJK text
        mentions.sort(key=lambda n: n.start)
    else:
        mentions = _extract_latin(normalised, lang)
    return tuple(m for m in mentions if not any(m.start < e and s < m.end for s, e in codes))


def extract_numbers(text: str, lang: str | None) -> list[NumberMention]:
    """All numbers in ``text`` with their values, in order of appearance."""
    return list(_extract_cached(text, base_lang(lang) or "en"))


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def format_value(value: float) -> str:
    """Render a value the way an English reader expects: 30,000 / 1.5 / 0.25."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
