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

from .common import json_text, plain, records, write_text
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


def document(tables: ReportTables) -> dict[str, Any]:
    summary = _sorted(tables.summary)
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tool": summary.get("tool", {"name": "transcheck"}),
        "summary": summary,
        "columns": {name: [str(c) for c in getattr(tables, name).columns] for name in TABLES},
    }
    for name in TABLES:
        out[name] = records(getattr(tables, name))
    return out


def render(tables: ReportTables) -> str:
    return json_text(document(tables))


def write(tables: ReportTables, folder: Path) -> list[Path]:
    return [write_text(folder, FILE, render(tables))]


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of ``report.json``."""
    text = resources.files("transcheck.reports").joinpath("report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
