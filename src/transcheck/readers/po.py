"""Gettext PO catalogues: one document per file, one unit per entry (per plural form), read with polib.

``msgid`` is the source and ``msgstr`` the translation; a unit's place is the line of its ``msgstr``. An
entry with plural forms gives one unit per ``msgstr[i]``: form 0 translates ``msgid``, the others
``msgid_plural``. Fuzzy entries are read and checked (their translation is a draft that a build may still
ship) and flagged ``fuzzy``; obsolete entries (``#~``) and the header are skipped; an untranslated entry keeps
an empty target so that it is reported. Translator comments (``#``) and extracted comments (``#.``) become
the unit's comments, where inline suppressions (``# transcheck: ignore[N001]``) are found. The target
language comes from the header's ``Language`` field unless ``--tgt-lang`` says otherwise. A file polib
cannot parse is an input error naming its line.
"""

from __future__ import annotations

import codecs
import re

import polib

from transcheck.model import DocumentPair, Side, Unit
from transcheck.readers.encoding import DecodeError, decode_bytes
from transcheck.readers.problems import Unreadable, failed_document, stem

_CHARSET = re.compile(rb"charset=([A-Za-z0-9._:-]+)")
_POLIB_ERROR = re.compile(r"\(line (\d+)\)(?::\s*(.+))?")


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode a PO file: a legacy charset its header declares is binding, anything else as other text."""
    match = _CHARSET.search(data, 0, 4096)
    codec = ""
    if match is not None:
        try:
            codec = codecs.lookup(match[1].decode("ascii")).name
        except LookupError:  # the template placeholder "CHARSET", or a name Python does not know
            codec = ""
    try:
        if not codec or codec == "ascii" or codec.startswith(("utf-8", "utf-16")):
            return decode_bytes(data, path)
        text = data.decode(codec)
    except DecodeError as exc:
        raise Unreadable(f"The file {exc.reason}.", exc.location) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Unreadable(
            f"The file is not valid {codec}, as its header's charset says (byte 0x{data[exc.start]:02x}).",
            f"line {line}",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), codec


_KEYWORD_STRING = re.compile(r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*(".*)$')
_WHOLE_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def _check_strings(text: str) -> None:
    """Raise :class:`Unreadable` at the first quoted string that is not closed: polib would silently drop
    its last character and carry on, so a truncated translation would be checked as if it were whole."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEYWORD_STRING.match(stripped)
        if match is not None and not _WHOLE_STRING.match(match[1]):
            raise Unreadable("The file is not a valid PO file: a quoted string is not closed.", f"line {number}")


def _parse(text: str) -> polib.POFile:
    _check_strings(text)
    try:
        return polib.pofile(text)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        match = _POLIB_ERROR.search(str(exc))
        detail = (match[2] if match and match[2] else "syntax error").rstrip(".")
        raise Unreadable(f"The file is not a valid PO file: {detail}.", f"line {match[1]}" if match else "") from None


def _comments(entry: polib.POEntry) -> tuple[str, ...]:
    return tuple(c for c in (entry.tcomment, entry.comment) if c and c.strip())


def _msgstr_lines(lines: list[str], start: int) -> dict[str, int]:
    """Line numbers of the ``msgstr`` keywords of the entry that starts on line ``start`` (1-based):
    ``{"msgstr": 12}`` or ``{"msgstr[0]": 14, "msgstr[1]": 15}``."""
    found: dict[str, int] = {}
    for number in range(max(start, 1), len(lines) + 1):
        keyword = lines[number - 1].strip().split(" ", 1)[0]
        if keyword.startswith("msgstr"):
            found.setdefault(keyword, number)
        elif found and not lines[number - 1].strip().startswith('"'):
            break
    return found


def _units(entry: polib.POEntry, lines: list[str]) -> list[tuple[int, str, str]]:
    """``(line, source, target)`` for each translation the entry holds, at the line of its ``msgstr``."""
    at = _msgstr_lines(lines, entry.linenum)
    if not entry.msgid_plural:
        return [(at.get("msgstr", entry.linenum), entry.msgid, entry.msgstr)]
    forms = entry.msgstr_plural or {0: "", 1: ""}
    return [
        (at.get(f"msgstr[{i}]", entry.linenum), entry.msgid if int(i) == 0 else entry.msgid_plural, forms[i])
        for i in sorted(forms, key=int)
    ]


def read_po(path: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read one PO file as one unit-aligned document."""
    try:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise Unreadable(f"The file cannot be opened: {exc.strerror or exc}.") from None
        text, encoding = _decode(data, path)
        catalog = _parse(text)
    except Unreadable as exc:
        return [failed_document(path, exc)]
    lines = text.split("\n")
    source: list[Unit] = []
    target: list[Unit] = []
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        flags = ("fuzzy",) if entry.fuzzy else ()
        comments = _comments(entry)
        for line, source_text, target_text in _units(entry, lines):
            source.append(Unit(source_text, f"line {line}", line, comments, flags))
            target.append(Unit(target_text, f"line {line}", line, comments, flags))
    language = (catalog.metadata.get("Language") or "").strip().replace("_", "-") or None
    return [
        DocumentPair(
            doc_id=stem(path),
            source=None if target_only else Side(path=path, units=tuple(source), encoding=encoding),
            target=Side(path=path, units=tuple(target), encoding=encoding),
            src_lang=src_lang,
            tgt_lang=tgt_lang or language,
            unit_aligned=True,
        )
    ]
