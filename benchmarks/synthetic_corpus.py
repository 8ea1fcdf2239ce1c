"""Synthetic Chinese→English news corpora with planted defects, for throughput benchmarks (issue 8).

``python benchmarks/synthetic_corpus.py N OUT [--seed S] [--format dir|tsv]`` writes N document pairs: news
articles of 10–40 sentences in paragraphs of 1–4 sentences, built from sentence templates with people from the
shipped name lexicon (their standard English spelling) and numbers written in CJK forms (3万, 12亿, 四十五,
百分之十二) with their English values. About one document in three gets one or two planted defects: a dropped
sentence, an untranslated sentence, a changed number, or a garbled name. ``dir`` writes a corpus folder
(``OUT/src``, ``OUT/mt``, one paragraph a line), ``tsv`` one table ``OUT/corpus.tsv`` (doc_id, source, target;
one sentence a row). The planted defects go to ``OUT/truth.json``. The same seed gives the same files.

The text is varied (random names, numbers, dates and templates), so caches keyed by sentence do not flatter
the throughput the way copies of one corpus do (see bench_check.py's caveat); it is still template text, so
language identification and alignment see easier input than real news.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES_CSV = ROOT / "src" / "transcheck" / "resources" / "names.csv"
DEFECTS = ("dropped", "untranslated", "number", "name")

_DIGITS = "零一二三四五六七八九"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Person:
    zh: str
    en: str


@dataclass(frozen=True)
class Defect:
    doc_id: str
    kind: str  # dropped | untranslated | number | name
    paragraph: int  # 0-based line in the document (dir format)
    sentence: int  # 0-based sentence in the document
    detail: str


def load_people(path: Path = NAMES_CSV) -> list[Person]:
    """People of the shipped lexicon with a Chinese-character source form, sorted by id (deterministic)."""
    people = []
    with path.open(encoding="utf-8") as handle:
        for row in sorted(csv.DictReader(handle), key=lambda r: r["id"]):
            forms = [f for f in row["source_forms"].split("|") if f and all(_CJK.match(c) for c in f)]
            if row["kind"] == "person" and forms and len(row["english"].split()) >= 2:
                people.append(Person(forms[0], row["english"]))
    return people


def chinese_numeral(n: int) -> str:
    """1–99 in Chinese numerals (十二, 四十五)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not head else "")


def number_pair(rng: random.Random) -> tuple[str, str, str]:
    """A quantity in a CJK form, its English rendering and a wrong English rendering (for a changed number)."""
    kind = rng.randrange(5)
    if kind == 0:
        n = rng.randint(2, 98)
        return f"{n}", f"{n}", f"{n + rng.choice([1, 2, 10])}"
    if kind == 1:
        n = rng.randint(2, 99)
        return f"{n}万", f"{n * 10000:,}", f"{n * 1000:,}"
    if kind == 2:
        n = rng.randint(2, 99)
        value, wrong = n / 10, n / 10 + 1
        return f"{n}亿", f"{value:g} billion", f"{wrong:g} billion"
    if kind == 3:
        n = rng.randint(11, 99)
        return chinese_numeral(n), f"{n}", f"{n + 10}"
    n = rng.randint(2, 60)
    return f"百分之{chinese_numeral(n)}", f"{n} percent", f"{n + 5} percent"


# Templates: Chinese and English with the same slots. {p}/{q}: people, {n}: a quantity, {y} {m} {d}: a date.
TEMPLATES: tuple[tuple[str, str], ...] = (
    (
        "{p}于{y}年{m}月{d}日抵达{city}，开始为期{k}天的访问。",
        "{P} arrived in {City} on {M} {d}, {y}, starting a {k}-day visit.",
    ),
    (
        "{p}表示，双方将在{field}领域继续加强合作。",
        "{P} said the two sides would continue to strengthen cooperation in {Field}.",
    ),
    (
        "据统计，约有{n}人参加了当天的活动。",
        "According to statistics, about {N} people took part in the event that day.",
    ),
    ("{p}与{q}举行会谈，讨论了{field}问题。", "{P} held talks with {Q} and discussed {Field} issues."),
    (
        "该项目总投资达{n}美元，预计{y}年完工。",
        "The project has a total investment of {N} dollars and is expected to be completed in {y}.",
    ),
    (
        "{city}市政府宣布，今年将新建{n}套住房。",
        "The {City} city government announced that {N} new homes would be built this year.",
    ),
    ("{p}在记者会上回答了有关{field}的提问。", "{P} answered questions about {Field} at the press conference."),
    ("去年，该公司的营业收入增长了{n}元。", "Last year, the company's operating revenue grew by {N} yuan."),
    (
        "分析人士认为，{field}将成为两国关系的重点。",
        "Analysts believe that {Field} will become a focus of relations between the two countries.",
    ),
    (
        "{p}指出，{city}的经济在过去一年保持稳定。",
        "{P} pointed out that the economy of {City} remained stable over the past year.",
    ),
    (
        "会议于{m}月{d}日在{city}闭幕，共有{n}名代表出席。",
        "The meeting closed in {City} on {M} {d}, with {N} delegates attending.",
    ),
    (
        "{p}呼吁各方保持克制，通过对话解决分歧。",
        "{P} called on all parties to exercise restraint and resolve differences through dialogue.",
    ),
    (
        "截至{y}年底，当地登记的企业已超过{n}家。",
        "By the end of {y}, more than {N} companies had been registered locally.",
    ),
    ("{q}对{p}的访问表示欢迎。", "{Q} welcomed the visit of {P}."),
    ("这是双方时隔{k}年再次举行此类会谈。", "This is the first such talks between the two sides in {k} years."),
    ("官员表示，相关措施将于{m}月{d}日起实施。", "Officials said the measures would take effect on {M} {d}."),
)
CITIES = (
    ("东京", "Tokyo"),
    ("首尔", "Seoul"),
    ("北京", "Beijing"),
    ("上海", "Shanghai"),
    ("大阪", "Osaka"),
    ("釜山", "Busan"),
    ("台北", "Taipei"),
    ("香港", "Hong Kong"),
    ("新加坡", "Singapore"),
    ("河内", "Hanoi"),
)
FIELDS = (
    ("经济", "economic"),
    ("安全", "security"),
    ("能源", "energy"),
    ("环境", "environmental"),
    ("教育", "education"),
    ("贸易", "trade"),
    ("科技", "technology"),
    ("文化", "cultural"),
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def garble(name: str, rng: random.Random) -> str:
    """A misspelling of ``name``: a vowel changed or a letter dropped in one word (never the same string)."""
    words = name.split()
    k = rng.randrange(len(words))
    word = words[k]
    spots = [i for i, c in enumerate(word) if c.lower() in "aeiou" and i > 0]
    if spots and rng.random() < 0.6:
        i = rng.choice(spots)
        word = word[:i] + ("o" if word[i].lower() != "o" else "a") + word[i + 1 :]
    elif len(word) > 3:
        i = rng.randrange(1, len(word) - 1)
        word = word[:i] + word[i + 1 :]
    else:
        word = word + word[-1]
    words[k] = word
    return " ".join(words)


def sentence(rng: random.Random, people: list[Person], defect: str | None) -> tuple[str, str, str]:
    """One sentence pair (Chinese, English) and what was planted in it, if anything could be."""
    while True:
        zh, en = rng.choice(TEMPLATES)
        if defect == "number" and "{n}" not in zh:
            continue
        if defect == "name" and "{p}" not in zh:
            continue
        break
    p, q = rng.sample(people, 2)
    city, field = rng.choice(CITIES), rng.choice(FIELDS)
    n_zh, n_en, n_wrong = number_pair(rng)
    y, m, d, k = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(2, 9)
    detail = ""
    p_en = p.en
    if defect == "name":
        p_en = garble(p.en, rng)
        detail = f"{p.zh}: {p.en} → {p_en}"
    if defect == "number":
        detail = f"{n_zh}: {n_en} → {n_wrong}"
        n_en = n_wrong
    values = {"p": p.zh, "q": q.zh, "city": city[0], "field": field[0], "n": n_zh, "y": y, "m": m, "d": d, "k": k}
    en_values = {
        "P": p_en,
        "Q": q.en,
        "City": city[1],
        "Field": field[1],
        "N": n_en,
        "M": MONTHS[m - 1],
        "y": y,
        "d": d,
        "k": k,
    }
    return zh.format(**values), en.format(**en_values), detail


def document(doc_id: str, rng: random.Random, people: list[Person]) -> tuple[list[list[tuple[str, str]]], list[Defect]]:
    """Paragraphs of (Chinese, English) sentences (English ``""`` where dropped) and the planted defects."""
    n = rng.randint(10, 40)
    planted: dict[int, str] = {}
    if rng.random() < 1 / 3:
        for _ in range(rng.choice([1, 1, 2])):
            planted[rng.randrange(1, n)] = rng.choice(DEFECTS)
    paragraphs: list[list[tuple[str, str]]] = []
    defects = []
    index = 0
    while index < n:
        size = min(n - index, rng.randint(1, 4))
        paragraph = []
        for _ in range(size):
            kind = planted.get(index)
            zh, en, detail = sentence(rng, people, kind if kind in ("number", "name") else None)
            if kind == "dropped":
                en, detail = "", en
            elif kind == "untranslated":
                en, detail = zh, zh
            if kind:
                defects.append(Defect(doc_id, kind, len(paragraphs), index, detail))
            paragraph.append((zh, en))
            index += 1
        paragraphs.append(paragraph)
    return paragraphs, defects


def generate(count: int, seed: int = 0) -> tuple[list[tuple[str, list[list[tuple[str, str]]]]], list[Defect]]:
    rng = random.Random(seed)
    people = load_people()
    docs, truth = [], []
    width = max(4, len(str(count)))
    for k in range(count):
        doc_id = f"doc{k:0{width}d}"
        paragraphs, defects = document(doc_id, rng, people)
        docs.append((doc_id, paragraphs))
        truth += defects
    return docs, truth


def _join_en(sentences: list[str]) -> str:
    return " ".join(s for s in sentences if s)


def write(out: Path, count: int, seed: int = 0, fmt: str = "dir") -> tuple[int, int]:
    """Write the corpus and truth.json; return (documents, sentence pairs)."""
    docs, truth = generate(count, seed)
    out.mkdir(parents=True, exist_ok=True)
    pairs = sum(len(p) for _, paragraphs in docs for p in paragraphs)
    if fmt == "dir":
        (out / "src").mkdir(exist_ok=True)
        (out / "mt").mkdir(exist_ok=True)
        for doc_id, paragraphs in docs:
            zh = "\n".join("".join(s for s, _ in p) for p in paragraphs) + "\n"
            en = "\n".join(_join_en([t for _, t in p]) for p in paragraphs) + "\n"
            (out / "src" / f"{doc_id}.txt").write_text(zh, encoding="utf-8")
            (out / "mt" / f"{doc_id}.txt").write_text(en, encoding="utf-8")
    else:
        with (out / "corpus.tsv").open("w", encoding="utf-8", newline="") as handle:
            handle.write("doc_id\tsource\ttarget\n")
            for doc_id, paragraphs in docs:
                for p in paragraphs:
                    for zh, en in p:
                        handle.write(f"{doc_id}\t{zh}\t{en}\n")
    meta = {"seed": seed, "documents": count, "sentence_pairs": pairs, "format": fmt}
    (out / "truth.json").write_text(
        json.dumps({**meta, "defects": [asdict(d) for d in truth]}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return count, pairs


def documents_for_pairs(pairs: int) -> int:
    """About how many documents hold ``pairs`` sentence pairs (25 sentences a document on average)."""
    return max(1, round(pairs / 25))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="documents")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["dir", "tsv"], default="dir")
    args = parser.parse_args()
    docs, pairs = write(args.out, args.count, args.seed, args.format)
    print(f"{docs} documents, {pairs} sentence pairs in {args.out}")


if __name__ == "__main__":
    main()
