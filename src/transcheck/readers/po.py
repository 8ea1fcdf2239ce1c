"""Gettext PO catalogues: one document per file, one unit per entry (per plural form), read with polib.

``msgid`` is the source and ``msgstr`` the translation; a unit's place is the line of its ``msgstr``. An
entry with plural forms gives one unit per ``msgstr[i]``: form 0 translates ``msgid``, the others
``msgid_plural``. Fuzzy entries are read and checked (their translation is a draft that a build may still
ship) and flagged ``fuzzy``; obsolete entries (``#~``) and the header are skipped; an untranslated entry keeps
an empty target so that it is reported. Translator comments (``#``) and extracted comments (``#.``) become
the unit's comments, where inline suppressions (``# transcheck: ignore[N001]``) are found. The target
language comes from the header's ``Language`` field unless ``--tgt-lang`` says otherwise.

Broken input is reported where it is. An entry polib cannot parse is skipped with an ``I002`` naming its line,
and every other entry is read and checked, as a bad table row is; only a file where no entry can be read, or
one with an unclosed string (which makes every entry boundary after it doubtful), is an ``I001`` input error.
An entry whose ``msgstr[N]`` and ``msgid_plural`` do not go together (polib reads it as untranslated) is
reported too, and its translation is still checked (see :func:`_units`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import polib

from transcheck.model import DocumentPair, InputProblem, Side, Unit
from transcheck.readers.encoding import DecodeError, decode_bytes
from transcheck.readers.problems import Unreadable, failed_document, read_bytes, stem

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


@dataclass
class _Catalogue:
    """What could be read of a PO file: its entries (line numbers for the whole file), header fields, and
    the problems of the entries that could not be read."""

    entries: list[polib.POEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    problems: list[InputProblem] = field(default_factory=list)


def _polib(text: str, first_line: int = 1) -> polib.POFile:
    """Parse with polib; raise :class:`Unreadable` at the failing line, counted from ``first_line``."""
    try:
        return polib.pofile(text)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        match = _POLIB_ERROR.search(str(exc))
        detail = (match[2] if match and match[2] else "syntax error").rstrip(".")
        raise Unreadable(detail, f"line {int(match[1]) + first_line - 1}" if match else "") from None


#: The keywords (and the string continuation) that can only go on an entry, never begin one.
_CONTINUES = re.compile(r'^(?:msgstr|msgid_plural\b|")')
_MSGID = re.compile(r"^[ \t]*(?:#~[ \t]*)?msgid\b", re.MULTILINE)
_MSGSTR = re.compile(r"^[ \t]*(?:#~[ \t]*)?msgstr", re.MULTILINE)


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split the text at blank lines into ``(first line, text)`` pieces of one entry each (or a few).

    A blank line does not end an entry when what follows can only continue one (``msgstr``, ``msgid_plural``,
    a string) or when everything before it was comments, which belong to the entry below them.
    """
    lines = text.split("\n")
    starts = [0]
    only_comments = True
    gap = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        if gap and not only_comments and not _CONTINUES.match(stripped):
            starts.append(index)
            only_comments = True
        gap = False
        only_comments = only_comments and stripped.startswith("#")
    bounds = [*starts, len(lines)]
    return [(bounds[i] + 1, "\n".join(lines[bounds[i] : bounds[i + 1]])) for i in range(len(starts))]


#: Goes before every piece but the first: polib takes the comments that open a file for the file's header, but
#: those of a later piece belong to its first entry, so polib must be past an entry already (it is dropped again).
_LEAD = 'msgid "-"\nmsgstr "-"\n'


def _lacks_msgstr(chunk: str) -> bool:
    """Whether a piece has a ``msgid`` but no ``msgstr``, which polib reads as an untranslated entry."""
    return _MSGID.search(chunk) is not None and _MSGSTR.search(chunk) is None


def _parse_chunk(chunk: str, first_line: int) -> tuple[list[polib.POEntry], dict[str, str]]:
    """The entries of one or more pieces (line numbers counted in the whole file) and the header's fields if
    they hold the header."""
    if _lacks_msgstr(chunk):
        offset = next(i for i, line in enumerate(chunk.split("\n")) if _MSGID.match(line))
        raise Unreadable("msgid without msgstr", f"line {first_line + offset}")
    lead = "" if first_line == 1 else _LEAD
    shift = first_line - 1 - lead.count("\n")
    part = _polib(lead + chunk, shift + 1)
    entries = list(part)[1 if lead else 0 :]
    for entry in entries:
        entry.linenum += shift
    return entries, dict(part.metadata)


def _bad_entry(path: str, exc: Unreadable) -> InputProblem:
    reason = f"This entry is not valid PO ({exc.reason}); it is skipped and the rest of the file is read."
    return InputProblem(path=path, location=exc.location, reason=reason, rule="I002")


def _read_pieces(pieces: list[tuple[int, str]], path: str, read: _Catalogue, failures: list[Unreadable]) -> None:
    """Parse consecutive pieces together, halving a run that fails until each bad piece stands alone: a few
    parses of the whole file's length, where one polib call per entry would take several times longer."""
    parsed = None
    if len(pieces) == 1 or not any(_lacks_msgstr(chunk) for _, chunk in pieces):
        try:
            parsed = _parse_chunk("\n".join(chunk for _, chunk in pieces), pieces[0][0])
        except Unreadable as exc:
            if len(pieces) == 1:
                failures.append(exc)
                read.problems.append(_bad_entry(path, exc))
                return
    if parsed is None:
        middle = len(pieces) // 2
        _read_pieces(pieces[:middle], path, read, failures)
        _read_pieces(pieces[middle:], path, read, failures)
        return
    entries, metadata = parsed
    read.entries.extend(entries)
    for key, value in metadata.items():
        read.metadata.setdefault(key, value)


def _parse(text: str, path: str) -> _Catalogue:
    """Parse the whole file; when polib fails, parse it again in pieces and report the entries it fails on.

    Raises :class:`Unreadable` when a string is not closed, or when not one entry can be read.
    """
    _check_strings(text)
    try:
        catalog = _polib(text)
        return _Catalogue(list(catalog), dict(catalog.metadata))
    except Unreadable as exc:
        whole = exc
    read = _Catalogue()
    failures: list[Unreadable] = []
    _read_pieces(_chunks(text), path, read, failures)
    if not any(not entry.obsolete and entry.msgid for entry in read.entries):
        first = (failures or [whole])[0]
        raise Unreadable(f"The file is not a valid PO file: {first.reason}.", first.location)
    if not failures:  # every piece parses on its own: still say where the file as a whole does not
        reason = f"The file is not valid PO here ({whole.reason}); its entries were read one by one."
        read.problems.append(InputProblem(path=path, location=whole.location, reason=reason, rule="I002"))
    return read


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


def _entry_problem(path: str, line: int, reason: str) -> InputProblem:
    return InputProblem(path=path, location=f"line {line}", reason=reason, rule="I002")


def _units(entry: polib.POEntry, lines: list[str], path: str) -> tuple[list[tuple[int, str, str]], list[InputProblem]]:
    """``(line, source, target)`` for each translation the entry holds, at the line of its ``msgstr``, and
    the problem of an entry whose plural forms do not match its ``msgid_plural``.

    ``msgstr[0]`` without ``msgid_plural`` (or a plain ``msgstr`` with it) is rejected by gettext's tools, and
    polib reads it as untranslated. The translator's text is there all the same, so it is checked as the
    translation of ``msgid`` (what form 0 translates in a plural entry) rather than reported as missing; the
    problem says what to fix. Forms after 0 are left out: without ``msgid_plural`` they have no source.
    """
    at = _msgstr_lines(lines, entry.linenum)
    if not entry.msgid_plural and entry.msgstr_plural:
        line = min(at.get(f"msgstr[{i}]", entry.linenum) for i in entry.msgstr_plural)
        others = " (the other forms are not checked)" if len(entry.msgstr_plural) > 1 else ""
        reason = (
            "This entry has msgstr[N] but no msgid_plural, which gettext tools reject and polib reads as "
            f"untranslated; its msgstr[0] is checked as the translation of msgid{others}."
        )
        return [(line, entry.msgid, entry.msgstr_plural.get(0, ""))], [_entry_problem(path, line, reason)]
    if not entry.msgid_plural:
        return [(at.get("msgstr", entry.linenum), entry.msgid, entry.msgstr)], []
    if not entry.msgstr_plural and entry.msgstr:
        line = at.get("msgstr", entry.linenum)
        reason = (
            "This entry has msgid_plural but a plain msgstr instead of msgstr[0], msgstr[1], ..., which gettext "
            "tools reject; the msgstr is checked as the translation of msgid."
        )
        return [(line, entry.msgid, entry.msgstr)], [_entry_problem(path, line, reason)]
    forms = entry.msgstr_plural or {0: "", 1: ""}
    units = [
        (at.get(f"msgstr[{i}]", entry.linenum), entry.msgid if int(i) == 0 else entry.msgid_plural, forms[i])
        for i in sorted(forms, key=int)
    ]
    return units, []


def read_po(path: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read one PO file as one unit-aligned document."""
    try:
        text, encoding = _decode(read_bytes(path), path)
        catalog = _parse(text, path)
    except Unreadable as exc:
        return [failed_document(path, exc)]
    lines = text.split("\n")
    source: list[Unit] = []
    target: list[Unit] = []
    problems = list(catalog.problems)
    for entry in catalog.entries:
        if entry.obsolete or not entry.msgid:
            continue
        flags = ("fuzzy",) if entry.fuzzy else ()
        comments = _comments(entry)
        units, mismatch = _units(entry, lines, path)
        problems.extend(mismatch)
        for line, source_text, target_text in units:
            source.append(Unit(source_text, f"line {line}", line, comments, flags))
            target.append(Unit(target_text, f"line {line}", line, comments, flags))
    problems.sort(key=lambda problem: int(problem.location.removeprefix("line ") or 0))
    language = (catalog.metadata.get("Language") or "").strip().replace("_", "-") or None
    return [
        DocumentPair(
            doc_id=stem(path),
            source=None if target_only else Side(path=path, units=tuple(source), encoding=encoding),
            target=Side(path=path, units=tuple(target), encoding=encoding),
            src_lang=src_lang,
            tgt_lang=tgt_lang or language,
            unit_aligned=True,
            problems=tuple(problems),
        )
    ]
