"""The curated name lexicon: source forms (Chinese, Japanese, Korean) → standard English spelling.

The shipped ``resources/names.csv`` is documented in ``resources/NAMES-README.md``. Users add or override
entries with their own CSV of the same columns: an entry with the same ``id`` or the same ``english`` replaces
the shipped one.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COLUMNS = ("id", "kind", "origin", "source_forms", "english", "variants", "role", "as_of", "fact_source")


@dataclass(frozen=True)
class NameEntry:
    id: str
    kind: str
    origin: str
    source_forms: tuple[str, ...]
    english: str
    variants: tuple[str, ...]
    role: str = ""

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.english, *self.variants)


def name_key(text: str) -> str:
    """Compare renderings ignoring case, hyphens, apostrophes, spacing and diacritics: "Yoon Suk Yeol" =
    "Yoon Suk-yeol", "Ichirō" = "Ichiro", "Erdoğan" = "Erdogan" (macrons and breves are a house style)."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\s\-‐‑’'.]+", "", folded).casefold()


def rotated(name: str) -> str:
    """The name with its first word moved to the end ("Kishida Fumio" → "Fumio Kishida"): the other order of
    a two-part name."""
    words = name.split()
    return " ".join([*words[1:], words[0]]) if len(words) > 1 else name


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _parse(rows: Iterable[dict[str, str]]) -> list[NameEntry]:
    entries = []
    for row in rows:
        english = (row.get("english") or "").strip()
        forms = _split(row.get("source_forms") or "")
        if not english or not forms:
            continue
        entries.append(
            NameEntry(
                id=(row.get("id") or english).strip(),
                kind=(row.get("kind") or "person").strip(),
                origin=(row.get("origin") or "").strip(),
                source_forms=forms,
                english=english,
                variants=_split(row.get("variants") or ""),
                role=(row.get("role") or "").strip(),
            )
        )
    return entries


class NameLexicon:
    """Lookup by source form (substring search in a sentence) and by English rendering."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self.entries: tuple[NameEntry, ...] = tuple(entries)
        self._by_key: dict[str, list[NameEntry]] = {}
        forms: dict[str, list[NameEntry]] = {}
        for entry in self.entries:
            for key in dict.fromkeys(name_key(r) for r in entry.accepted):  # "Yoon Suk Yeol" = "Yoon Suk-yeol"
                self._by_key.setdefault(key, []).append(entry)
            for form in entry.source_forms:
                forms.setdefault(form, []).append(entry)
        self._by_form = forms
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        self._form_re = re.compile("|".join(re.escape(f) for f in ordered)) if ordered else None

    def find_in_source(self, text: str) -> list[tuple[str, NameEntry]]:
        """Lexicon names written in ``text`` (longest match first, no overlaps), with the form found."""
        if self._form_re is None:
            return []
        found: list[tuple[str, NameEntry]] = []
        for m in self._form_re.finditer(text):
            for entry in self._by_form[m.group(0)]:
                found.append((m.group(0), entry))
        return found

    def by_rendering(self, rendering: str) -> list[NameEntry]:
        return self._by_key.get(name_key(rendering), [])

    def with_overrides(self, entries: Iterable[NameEntry]) -> NameLexicon:
        extra = list(entries)
        ids = {e.id for e in extra}
        englishes = {name_key(e.english) for e in extra}
        kept = [e for e in self.entries if e.id not in ids and name_key(e.english) not in englishes]
        return NameLexicon([*kept, *extra])


def read_name_csv(path: str | os.PathLike[str]) -> list[NameEntry]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return _parse(csv.DictReader(handle))


@lru_cache(maxsize=1)
def shipped_lexicon() -> NameLexicon:
    resource = resources.files("transcheck").joinpath("resources/names.csv")
    if not resource.is_file():
        return NameLexicon([])
    text = resource.read_text(encoding="utf-8")
    return NameLexicon(_parse(csv.DictReader(io.StringIO(text, newline=""))))
