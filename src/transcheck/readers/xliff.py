"""XLIFF 1.2 and 2.x bilingual files: one document per ``<file>``, one unit per trans-unit / unit.

Inline codes stand for formatting in the original document (``<ph>``, ``<x/>``, ``<sc/>`` ...), so their
content is dropped, while paired and annotation markup (``<g>``, ``<pc>``, ``<mrk>``) wraps real text
and is kept. An untranslated unit keeps an empty target so that later checks can flag it. The unit's notes
(``<note>`` in 1.2, ``<notes><note>`` in 2.x) become the comments of both its sides: they carry inline
suppressions (``transcheck: ignore[N001]``).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from transcheck.model import DocumentPair, Side, Unit
from transcheck.readers.problems import Unreadable, failed_document, inline_text, local_name, parse_xml, stem

_CODES = frozenset({"ph", "x", "bx", "ex", "sc", "ec", "bpt", "ept", "it"})
_NAMESPACE = re.compile(r"^\{urn:oasis:names:tc:xliff:document:(\d+)\.\d+\}")


def _text(element: Element | None) -> str | None:
    return None if element is None else inline_text(element, _CODES)


#: One unit as read: its id, source text, target text and notes.
_Row = tuple[str | None, str, str, tuple[str, ...]]


def _notes(parent: Element | None, ns: str) -> tuple[str, ...]:
    """The text of the ``<note>`` children of ``parent``."""
    if parent is None:
        return ()
    return tuple(text for note in parent.findall(ns + "note") if (text := "".join(note.itertext()).strip()))


def _units_v1(file: Element, ns: str) -> list[_Row]:
    """``(id, source, target, notes)`` per ``<trans-unit>``, groups included."""
    return [
        (
            unit.get("id"),
            _text(unit.find(ns + "source")) or "",
            _text(unit.find(ns + "target")) or "",
            _notes(unit, ns),
        )
        for unit in file.iter(ns + "trans-unit")
    ]


def _units_v2(file: Element, ns: str) -> list[_Row]:
    """``(id, source, target, notes)`` per ``<unit>``, its segments and ignorables joined in order.

    A unit counts as untranslated (empty target) unless one of its segments has a target; an ignorable
    without a target keeps its source text (usually the whitespace between sentences).
    """
    rows = []
    for unit in file.iter(ns + "unit"):
        sources: list[str] = []
        targets: list[str] = []
        translated = False
        for part in unit:
            if part.tag not in (ns + "segment", ns + "ignorable"):
                continue
            source = _text(part.find(ns + "source")) or ""
            target = _text(part.find(ns + "target"))
            translated = translated or (target is not None and part.tag == ns + "segment")
            sources.append(source)
            targets.append(target if target is not None else source if part.tag == ns + "ignorable" else "")
        notes = _notes(unit.find(ns + "notes"), ns)
        rows.append((unit.get("id"), "".join(sources), "".join(targets) if translated else "", notes))
    return rows


def _version(root: Element) -> str:
    """The major XLIFF version, from the namespace or else the ``version`` attribute."""
    if local_name(root.tag) != "xliff":
        raise Unreadable(f"This is not an XLIFF file: the root element is <{local_name(root.tag)}>.")
    match = _NAMESPACE.match(root.tag)
    version = match[1] if match else (root.get("version") or "1.2").partition(".")[0]
    if version not in ("1", "2"):
        raise Unreadable(f"XLIFF version {root.get('version') or version} is not supported (only 1.x and 2.x).")
    return version


def read_xliff(path: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read an XLIFF file; each ``<file>`` element becomes one unit-aligned document."""
    try:
        root, encoding = parse_xml(path)
        version = _version(root)
        ns = root.tag[: -len("xliff")]
        files = [child for child in root if child.tag == ns + "file"]
        if not files:
            raise Unreadable("The XLIFF file contains no <file> element.")
    except Unreadable as exc:
        return [failed_document(path, exc)]
    docs = []
    for index, file in enumerate(files, start=1):
        name = file.get("original") or file.get("id") or str(index)
        doc_id = stem(path) if len(files) == 1 else f"{stem(path)}/{name}"
        if version == "1":
            rows = _units_v1(file, ns)
            languages = (file.get("source-language"), file.get("target-language"))
        else:
            rows = _units_v2(file, ns)
            languages = (root.get("srcLang"), root.get("trgLang"))
        source: list[Unit] = []
        target: list[Unit] = []
        for number, (unit_id, source_text, target_text, notes) in enumerate(rows, start=1):
            location = f"unit {unit_id}" if unit_id else f"unit #{number}"
            source.append(Unit(text=source_text, location=location, comments=notes))
            target.append(Unit(text=target_text, location=location, comments=notes))
        docs.append(
            DocumentPair(
                doc_id=doc_id,
                source=None if target_only else Side(path=path, units=tuple(source), encoding=encoding),
                target=Side(path=path, units=tuple(target), encoding=encoding),
                src_lang=src_lang or languages[0],
                tgt_lang=tgt_lang or languages[1],
                unit_aligned=True,
            )
        )
    return docs
