"""Bilingual tables: TSV, CSV and JSONL with ``source``/``target`` (and optional ``doc_id``/``reference``).

Each row is already a translation pair, so the documents are ``unit_aligned``. A bad row is reported
(``I002``) and skipped rather than failing the file: one stray tab should not hide a thousand good rows.
TSV is split on tabs with no quoting, as MT tools write it; quotes in TSV text are ordinary characters.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from transcheck.model import DocumentPair, InputProblem, Side, Unit
from transcheck.readers.problems import Unreadable, extension, failed_document, read_decoded, stem

_ALIASES = {
    "source": "source",
    "src": "source",
    "target": "target",
    "mt": "target",
    "tgt": "target",
    "translation": "target",
    "reference": "reference",
    "ref": "reference",
    "doc_id": "doc_id",
    "doc": "doc_id",
    "document": "doc_id",
}
_JSON_KINDS: dict[type, str] = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "an object",
    type(None): "null",
}

# A parsed row: its first physical line and its cells by role ("source", "target", ...).
_Row = tuple[int, dict[str, str]]


@dataclass
class _Group:
    rows: list[_Row] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def _role(column: str) -> str | None:
    return _ALIASES.get(column.strip().lower())


def _check_columns(roles: set[str], found: Sequence[str], target_only: bool, location: str) -> None:
    """Raise :class:`Unreadable` when a required column is absent, naming the columns that were found."""
    required = ["target"] if target_only else ["source", "target"]
    missing = [role for role in required if role not in roles]
    if missing:
        shown = ", ".join(repr(name) for name in found) or "none"
        raise Unreadable(f"Missing required column(s) {', '.join(missing)}; the columns found are {shown}.", location)


def _bad_row(path: str, line: int, reason: str) -> InputProblem:
    return InputProblem(path=path, location=f"line {line}", reason=reason, rule="I002")


def _split_rows(text: str, is_csv: bool) -> Iterator[tuple[int, list[str] | str]]:
    """Yield ``(first line, cells)`` per row, or ``(line, error message)`` for a row that cannot be split."""
    if not is_csv:
        for number, line in enumerate(text.split("\n"), start=1):
            yield number, line.split("\t")
        return
    reader = csv.reader(io.StringIO(text), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            yield start, next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, f"This row is not valid CSV ({exc})."


def _delimited_rows(text: str, path: str, is_csv: bool, target_only: bool) -> Iterator[_Row | InputProblem]:
    header: list[str | None] | None = None
    for line, cells in _split_rows(text, is_csv):
        if isinstance(cells, str):
            yield _bad_row(path, line, cells)
        elif not any(cell.strip() for cell in cells):
            continue
        elif header is None:
            header = [_role(cell) for cell in cells]
            roles = {role for role in header if role}
            _check_columns(roles, [cell.strip() for cell in cells], target_only, f"line {line}")
            # The first column of each role wins; later duplicates are ignored.
            header = [role if role and role not in header[:index] else None for index, role in enumerate(header)]
        elif len(cells) != len(header):
            yield _bad_row(path, line, f"This row has {len(cells)} fields but the header has {len(header)}.")
        else:
            yield line, {role: cell for role, cell in zip(header, cells, strict=True) if role}


def _json_cells(obj: Mapping[str, object]) -> dict[str, str] | str:
    """A JSONL object's values by role (the first key of each role wins), or why the row is unusable."""
    cells: dict[str, str] = {}
    for key, value in obj.items():
        role = _role(key)
        if role is None or role in cells:
            continue
        if not isinstance(value, str):
            return f"The field {key!r} is {_JSON_KINDS[type(value)]}, not a string."
        cells[role] = value
    return cells


def _json_rows(text: str, path: str, target_only: bool) -> Iterator[_Row | InputProblem]:
    parsed: list[tuple[int, Mapping[str, object]] | InputProblem] = []
    keys: dict[str, None] = {}
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            parsed.append(_bad_row(path, line, f"This line is not valid JSON: {exc.msg} (column {exc.colno})."))
            continue
        if not isinstance(value, dict):
            parsed.append(_bad_row(path, line, "This line is not a JSON object."))
            continue
        keys.update(dict.fromkeys(value))
        parsed.append((line, value))
    if any(not isinstance(item, InputProblem) for item in parsed):
        _check_columns({role for key in keys if (role := _role(key))}, list(keys), target_only, "")
    required = {"target"} if target_only else {"source", "target"}
    for item in parsed:
        if isinstance(item, InputProblem):
            yield item
            continue
        line, obj = item
        cells = _json_cells(obj)
        missing = [] if isinstance(cells, str) else sorted(required - cells.keys())
        if isinstance(cells, str):
            yield _bad_row(path, line, cells)
        elif missing:
            yield _bad_row(path, line, f"This row has no {' or '.join(missing)} field.")
        else:
            yield line, cells


def _group(rows: Iterator[_Row | InputProblem], default_id: str) -> dict[str, _Group]:
    """Group rows by doc_id in order of first appearance; a bad row goes with the document it sits in."""
    groups: dict[str, _Group] = {}
    pending: list[InputProblem] = []
    current: _Group | None = None
    for item in rows:
        if isinstance(item, InputProblem):
            (current.problems if current else pending).append(item)
            continue
        doc_id = item[1].get("doc_id", "").strip() or default_id
        if doc_id not in groups:
            groups[doc_id], pending = _Group(problems=pending), []
        current = groups[doc_id]
        current.rows.append(item)
    return groups or {default_id: _Group(problems=pending)}


def _side(path: str, encoding: str, rows: list[_Row], role: str) -> Side:
    units = tuple(Unit(text=cells.get(role, ""), location=f"line {line}", line=line) for line, cells in rows)
    return Side(path=path, units=units, encoding=encoding)


def read_table(path: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read a .tsv, .csv or .jsonl table into one document per doc_id (or one for the whole file)."""
    try:
        text, encoding = read_decoded(path)
        kind = extension(path)
        rows = (
            _json_rows(text, path, target_only)
            if kind == ".jsonl"
            else _delimited_rows(text, path, kind == ".csv", target_only)
        )
        groups = _group(rows, stem(path))
    except Unreadable as exc:
        return [failed_document(path, exc)]
    has_reference = any("reference" in cells for group in groups.values() for _, cells in group.rows)
    return [
        DocumentPair(
            doc_id=doc_id,
            source=None if target_only else _side(path, encoding, group.rows, "source"),
            target=_side(path, encoding, group.rows, "target"),
            reference=_side(path, encoding, group.rows, "reference") if has_reference else None,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            unit_aligned=True,
            problems=tuple(group.problems),
        )
        for doc_id, group in groups.items()
    ]
