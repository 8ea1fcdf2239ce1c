"""``report.json``: the whole run in one JSON document, for scripts and dashboards.

The schema is ``report.schema.json`` beside this module (JSON Schema 2020-12; :func:`schema` loads it)::

    {
      "format": "transcheck-report",   # always
      "version": 1,                     # of this layout; bumped only when a key changes meaning or goes away
      "tool": {"name": "transcheck", "version": "0.1.0"},
      "summary": {...},                 # exactly summary.json
      "columns": {"findings": [...], "segments": [...], "documents": [...], "names": [...]},
      "findings": [{"finding_id": "N001-…", "rule": "N001", "severity": "error", ...}, ...],
      "segments": [...], "documents": [...], "names": [...]
    }

Each table is a list of objects, one per row, with every column the table has, in column order; missing values
are ``null``, numbers are numbers, ``suppressed``/``baselined`` are booleans. New columns may appear in later
versions without a version bump; consumers should ignore keys they do not know.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .common import iter_records, json_text, plain, records
from .tables import ReportTables

FILE = "report.json"
FORMAT_NAME = "transcheck-report"
FORMAT_VERSION = 1
TABLES = ("findings", "segments", "documents", "names")


def _sorted(value: Any) -> Any:
    """Dictionaries with sorted keys all the way down, values made plain (as summary.json has them)."""
    if isinstance(value, dict):
        return {str(k): _sorted(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [_sorted(v) for v in value]
    return plain(value)


def _head(tables: ReportTables) -> dict[str, Any]:
    """Everything in ``report.json`` before the tables' rows."""
    summary = _sorted(tables.summary)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tool": summary.get("tool", {"name": "transcheck"}),
        "summary": summary,
        "columns": {name: [str(c) for c in getattr(tables, name).columns] for name in TABLES},
    }


def document(tables: ReportTables) -> dict[str, Any]:
    return {**_head(tables), **{name: records(getattr(tables, name)) for name in TABLES}}


def render(tables: ReportTables) -> str:
    return json_text(document(tables))


def _nested(value: Any, level: int) -> str:
    """``value`` as :func:`json_text` writes it ``level`` indents deep (JSON strings hold no raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n" + "  " * level)


def write(tables: ReportTables, folder: Path) -> list[Path]:
    """The bytes of :func:`render`, written row by row: the tables are not turned into one string first, so
    a report of a million segments needs no more memory than one of its rows."""
    path = folder / FILE
    head = _head(tables)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("{\n")
        for key, value in head.items():
            handle.write(f"  {json.dumps(key)}: {_nested(value, 1)},\n")
        for k, name in enumerate(TABLES):
            handle.write(f"  {json.dumps(name)}: ")
            frame = getattr(tables, name)
            if frame.empty:
                handle.write("[]")
            else:
                handle.write("[\n")
                for i, row in enumerate(iter_records(frame)):
                    handle.write(("    " if i == 0 else ",\n    ") + _nested(row, 2))
                handle.write("\n  ]")
            handle.write(",\n" if k < len(TABLES) - 1 else "\n")
        handle.write("}\n")
    return [path]


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of ``report.json``."""
    text = resources.files("transcheck.reports").joinpath("report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
