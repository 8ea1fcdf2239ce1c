"""Glossary rule T001: a source term whose required rendering is missing from the aligned translation.

Source terms are matched as substrings (CJK text has no spaces to tokenise on); target renderings are
matched case-insensitively on word boundaries, tolerating plural and possessive endings.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import AlignedPair, Finding
from ..text.script import is_cjk_lang
from . import finding


@dataclass(frozen=True)
class Term:
    source: str
    targets: tuple[str, ...]
    note: str = ""


class GlossaryError(ValueError):
    """The glossary file cannot be used; the message names the file and line."""


def read_glossary(path: str | os.PathLike[str]) -> list[Term]:
    """Read a CSV/TSV glossary with columns ``source`` and ``target`` (alternatives separated by ``|``)."""
    path = Path(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            fields = {f.strip().lower() for f in reader.fieldnames or []}
            if not {"source", "target"} <= fields:
                raise GlossaryError(f"{path}: line 1: a glossary needs the columns source and target")
            terms = []
            for row in reader:
                row = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
                source = row["source"].strip()
                targets = tuple(t.strip() for t in row["target"].split("|") if t.strip())
                if not source or not targets:
                    raise GlossaryError(f"{path}: line {reader.line_num}: empty source or target")
                terms.append(Term(source, targets, row.get("note", "").strip()))
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return terms


def _rendering_pattern(rendering: str, tgt_lang: str) -> re.Pattern[str]:
    escaped = re.escape(rendering)
    if is_cjk_lang(tgt_lang):
        return re.compile(escaped, re.IGNORECASE)
    return re.compile(rf"(?<!\w){escaped}(?:s|es|'s|’s|s'|s’)?(?!\w)", re.IGNORECASE)


class GlossaryChecker:
    def __init__(self, terms: list[Term], tgt_lang: str) -> None:
        self.terms = terms
        self._patterns = {t.source: [_rendering_pattern(r, tgt_lang) for r in t.targets] for t in terms}

    def check_pair(self, doc_id: str, pair: AlignedPair) -> list[Finding]:
        findings = []
        for term in self.terms:
            if term.source not in pair.source:
                continue
            if any(p.search(pair.target) for p in self._patterns[term.source]):
                continue
            findings.append(
                finding(
                    "T001",
                    doc_id,
                    f"Glossary term {term.source} should be rendered as "
                    + " or ".join(repr(t) for t in term.targets)
                    + ".",
                    pair=pair,
                    evidence=term.source,
                    suggestion=term.targets[0],
                )
            )
        return findings
