"""Glossary rules: a required rendering missing (T001), a forbidden rendering used (T002).

A glossary maps a source term to the renderings a translation must use and, optionally, renderings it must not
use (a deprecated product name, a literal translation the house avoids). It is read from CSV/TSV (columns
``source``, ``target``, optional ``forbidden`` and ``note``; alternatives separated by ``|``) or from TBX (ISO
30042, v2 ``martif`` and v3 ``tbx``; the administrative status of each term says whether it is preferred,
admitted or deprecated).

Matching works without whitespace tokenising: a source term in Chinese, Japanese or Korean is found as a
substring, a Latin-script source term on word boundaries; a longer term that contains a shorter one takes its
place (国防部长 is not also 国防部). English renderings tolerate case, plural (-s, -es, -ies), possessive and a
hyphen written as a space ("e-mail" / "e mail").
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..model import AlignedPair, Finding
from ..text.script import base_lang, is_cjk_lang
from . import finding


@dataclass(frozen=True)
class Term:
    """One glossary entry: the source term, its required renderings and its forbidden ones.

    ``src_lang`` and ``tgt_lang`` are empty when the glossary does not say (a CSV glossary applies to every
    pair); a TBX entry gives one Term per pair of its languages.
    """

    source: str
    targets: tuple[str, ...]
    note: str = ""
    forbidden: tuple[str, ...] = ()
    src_lang: str = ""
    tgt_lang: str = ""


class GlossaryError(ValueError):
    """The glossary file cannot be used; the message names the file and line."""


def read_glossary(path: str | os.PathLike[str]) -> list[Term]:
    """Read a glossary: TBX by its extension (.tbx) or content, else CSV/TSV."""
    path = Path(path)
    if path.suffix.lower() in {".tbx", ".xml"}:
        return read_tbx(path)
    return _read_table(path)


def _split(value: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in value.split("|") if t.strip())


def _read_table(path: Path) -> list[Term]:
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
                targets = _split(row["target"])
                if not source or not (targets or _split(row.get("forbidden", ""))):
                    raise GlossaryError(f"{path}: line {reader.line_num}: empty source or target")
                terms.append(Term(source, targets, row.get("note", "").strip(), _split(row.get("forbidden", ""))))
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot be read ({exc.strerror})") from exc
    return terms


_FORBIDDEN_STATUS = ("deprecated", "superseded", "obsolete")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _children(element: Element, *names: str) -> Iterator[Element]:
    return (child for child in element.iter() if _local(child.tag) in names)


def _status(container: Element) -> str:
    for note in _children(container, "termNote", "descrip"):
        if note.get("type") in {"administrativeStatus", "normativeAuthorization"}:
            return (note.text or "").strip().lower()
    return ""


def read_tbx(path: Path) -> list[Term]:
    """Terms of a TBX file: per entry and per ordered pair of its languages, the source language's usable
    terms, the target language's preferred and admitted terms as renderings and its deprecated or superseded
    terms as forbidden renderings. DTDs are allowed but never loaded; entities are refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except ParseError as exc:
        line, column = exc.position
        raise GlossaryError(f"{path}: line {line}, column {column + 1}: not well-formed XML ({exc.msg})") from None
    except DefusedXmlException as exc:
        raise GlossaryError(f"{path}: declares entities, which are refused for safety ({exc})") from None
    if _local(root.tag) not in {"martif", "tbx"}:
        raise GlossaryError(f"{path}: line 1: not a TBX file (the root element is <{_local(root.tag)}>)")
    terms: list[Term] = []
    for entry in _children(root, "termEntry", "conceptEntry"):
        note = next((d.text or "" for d in _children(entry, "descrip") if d.get("type") == "definition"), "")
        by_lang: dict[str, tuple[list[str], list[str]]] = {}
        for lang_set in _children(entry, "langSet", "langSec"):
            lang = base_lang(lang_set.get(_XML_LANG) or lang_set.get("lang") or "") or ""
            usable, forbidden = by_lang.setdefault(lang, ([], []))
            for container in _children(lang_set, "tig", "ntig", "termSec"):
                term = next(_children(container, "term"), None)
                text = "".join(term.itertext()).strip() if term is not None else ""
                if text:
                    (forbidden if _status(container).startswith(_FORBIDDEN_STATUS) else usable).append(text)
        for src_lang, (sources, _) in sorted(by_lang.items()):
            for tgt_lang, (targets, forbidden) in sorted(by_lang.items()):
                if src_lang == tgt_lang or not (targets or forbidden):
                    continue
                for source in sources:
                    terms.append(Term(source, tuple(targets), note.strip(), tuple(forbidden), src_lang, tgt_lang))
    if not terms:
        raise GlossaryError(f"{path}: no term entry with two languages")
    return terms


def _inflected(word: str) -> str:
    """A regex for an English word and its plural/possessive forms (policy → policies, box → boxes)."""
    escaped = re.escape(word)
    if re.search(r"[^aeiou]y$", word, re.IGNORECASE):
        return rf"(?:{escaped}|{re.escape(word[:-1])}ies)(?:'s|’s|'|’)?"
    return rf"{escaped}(?:s|es)?(?:'s|’s|'|’)?"


def _rendering_pattern(rendering: str, tgt_lang: str) -> re.Pattern[str]:
    if is_cjk_lang(tgt_lang):
        return re.compile(re.escape(rendering), re.IGNORECASE)
    words = re.split(r"[\s\-‐]+", rendering.strip())
    body = r"[\s\-‐]+".join([re.escape(w) for w in words[:-1]] + [_inflected(words[-1])])
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _source_pattern(term: str) -> re.Pattern[str]:
    """A CJK term as a substring; a Latin-script one as whole words, any case, hyphen or space between."""
    if any(ord(ch) > 0x2E7F for ch in term):  # CJK: no word boundaries to rely on
        return re.compile(re.escape(term))
    body = r"[\s\-‐]+".join(re.escape(w) for w in re.split(r"[\s\-‐]+", term.strip()))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _applies(term_lang: str, doc_lang: str) -> bool:
    return not term_lang or not doc_lang or term_lang == doc_lang


class GlossaryChecker:
    """Checks each pair against the glossary terms that apply to the document's languages."""

    def __init__(self, terms: list[Term], tgt_lang: str, src_lang: str = "") -> None:
        tgt, src = base_lang(tgt_lang) or "", base_lang(src_lang) or ""
        self.terms = [t for t in terms if _applies(t.src_lang, src) and _applies(t.tgt_lang, tgt)]
        self._source = {t.source: _source_pattern(t.source) for t in self.terms}
        self._required = {id(t): [_rendering_pattern(r, tgt_lang) for r in t.targets] for t in self.terms}
        self._forbidden = {id(t): [(r, _rendering_pattern(r, tgt_lang)) for r in t.forbidden] for t in self.terms}

    def _found(self, source: str) -> list[Term]:
        """Terms in the source text, a term inside a longer one found there left out."""
        spans: list[tuple[int, int, Term]] = []
        for term in self.terms:
            spans += [(m.start(), m.end(), term) for m in self._source[term.source].finditer(source)]
        found = []
        for start, end, term in spans:
            inside_longer = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
            if not inside_longer and term not in found:
                found.append(term)
        return found

    def check_pair(self, doc_id: str, pair: AlignedPair) -> list[Finding]:
        findings = []
        for term in self._found(pair.source):
            used = [r for r, pattern in self._forbidden[id(term)] if pattern.search(pair.target)]
            for rendering in used:
                findings.append(
                    finding(
                        "T002",
                        doc_id,
                        f"Glossary term {term.source} must not be rendered {rendering!r}"
                        + (f"; use {term.targets[0]!r}." if term.targets else "."),
                        pair=pair,
                        evidence=rendering,
                        suggestion=term.targets[0] if term.targets else "",
                    )
                )
            if term.targets and not used and not any(p.search(pair.target) for p in self._required[id(term)]):
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
