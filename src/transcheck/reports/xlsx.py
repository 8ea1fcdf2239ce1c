"""``report.xlsx``: one workbook for reviewers, written with XlsxWriter.

- Sheets: **Summary** first (counts, outcome, findings by rule, corpus scores, settings and the rest of
  summary.json), then **Findings**, **Segments**, **Documents** and **Names**, each with every column its table
  has.
- Each table sheet: a bold header row that stays in view (frozen pane), an autofilter on every column, column
  widths from the content (CJK characters count double, long text wraps at 60 characters), and the severity
  cells (``severity``, ``max_severity``) coloured: error red, warning amber, info blue.
- Text is always stored as text: a translation that reads ``=cmd|' /C calc'!A0`` or ``+1+1`` is a string cell,
  never a formula, and URLs are not turned into links. Cells longer than Excel's limit (32,767 characters) are
  cut with a note; a table longer than a sheet (1,048,575 rows) is cut, and the Summary sheet says so.
- The same tables give the same bytes (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .common import SEVERITIES, counts, fail_on, fails, iter_records, plain, records
from .tables import ReportTables

FILE = "report.xlsx"
SHEETS = (("Findings", "findings"), ("Segments", "segments"), ("Documents", "documents"), ("Names", "names"))
MAX_CELL = 32767
MAX_ROWS = 1_048_576 - 1  # one for the header
MAX_WIDTH = 60
MIN_WIDTH = 6
WIDTH_SAMPLE = 2000
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
TRUNCATED = "… [cut: longer than an Excel cell holds]"
COLOURS = {
    "error": {"bg_color": "#F8D7DA", "font_color": "#842029"},
    "warning": {"bg_color": "#FFF3CD", "font_color": "#664D03"},
    "info": {"bg_color": "#CFE2FF", "font_color": "#084298"},
}


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _cell_text(value: str) -> str:
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - len(TRUNCATED)] + TRUNCATED


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.header = book.add_format({"bold": True, "bg_color": "#E9ECEF", "bottom": 1, "text_wrap": True})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.section = book.add_format({"bold": True, "font_size": 12})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.top = book.add_format({"valign": "top"})
        self.severity = {name: book.add_format({**spec, "valign": "top"}) for name, spec in COLOURS.items()}


def _write(sheet: Worksheet, row: int, col: int, value: Any, fmt: Format | None) -> None:
    """Write one value with its own type: text as text (never a formula or a link), numbers, booleans."""
    value = plain(value)
    if value is None:
        if fmt is not None:
            sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, _cell_text(str(value)), fmt)


def _table_sheet(book: xlsxwriter.Workbook, formats: _Formats, title: str, frame: pd.DataFrame) -> int | None:
    """One table on its own sheet; returns the number of rows left out when it does not fit, else None."""
    sheet = book.add_worksheet(title)
    columns = [str(c) for c in frame.columns]
    cut = len(frame) - MAX_ROWS if len(frame) > MAX_ROWS else None
    kept = min(len(frame), MAX_ROWS)
    widths = [max(MIN_WIDTH, _width(c) + 2) for c in columns]
    for row in iter_records(frame.head(WIDTH_SAMPLE)):
        for j, column in enumerate(columns):
            value = row[column]
            if value is not None:
                widths[j] = max(widths[j], min(MAX_WIDTH, _width(str(value)) + 1))
    for j, column in enumerate(columns):
        sheet.write_string(0, j, column, formats.header)
        sheet.set_column(j, j, widths[j], formats.wrap if widths[j] >= MAX_WIDTH else formats.top)
    severity_columns = {j for j, c in enumerate(columns) if c.endswith("severity")}
    for i, row in enumerate(iter_records(frame.head(kept)), start=1):
        for j, column in enumerate(columns):
            value = row[column]
            fmt = formats.severity.get(str(value)) if j in severity_columns else None
            if fmt is None:
                fmt = formats.wrap if widths[j] >= MAX_WIDTH else None
            _write(sheet, i, j, value, fmt)
    sheet.freeze_panes(1, 0)
    if columns:
        sheet.autofilter(0, 0, max(1, kept), len(columns) - 1)
    return cut


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for key in sorted(value, key=str):
            out += _flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
        return out or [(prefix, "")]
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return [(prefix, ", ".join(str(plain(v)) for v in value))]
        return [(prefix, json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))]
    return [(prefix, value)]


def _summary_sheet(sheet: Worksheet, formats: _Formats, tables: ReportTables, cuts: dict[str, int]) -> None:
    summary = tables.summary
    version = summary.get("tool", {}).get("version", "")
    sheet.write_string(0, 0, f"transcheck {version}".strip(), formats.title)
    totals = summary.get("counts", {})
    level = fail_on(tables)
    rows = records(tables.findings)
    failing = sum(fails(r, level) for r in rows)
    outcome = (
        "findings do not fail the run (--fail-on never)"
        if level == "never"
        else f"{failing} findings at or above {level} count: exit code 1"
        if failing
        else f"no finding at or above {level} counts: exit code 0"
    )
    line = 2
    sheet.write_string(line, 0, "Outcome", formats.section)
    sheet.write_string(line + 1, 0, outcome)
    line += 3
    sheet.write_string(line, 0, "Findings", formats.section)
    sheet.write_string(line + 1, 0, "severity", formats.header)
    sheet.write_string(line + 1, 1, "all", formats.header)
    sheet.write_string(line + 1, 2, "new", formats.header)
    line += 2
    for severity in SEVERITIES:
        sheet.write_string(line, 0, severity, formats.severity[severity])
        sheet.write_number(line, 1, sum(str(r.get("severity")) == severity for r in rows))
        sheet.write_number(line, 2, sum(str(r.get("severity")) == severity and counts(r) for r in rows))
        line += 1
    line += 1
    by_rule: dict[tuple[str, str, str], int] = {}
    for r in rows:
        key = (str(r.get("rule") or ""), str(r.get("name") or ""), str(r.get("severity") or ""))
        by_rule[key] = by_rule.get(key, 0) + 1
    if by_rule:
        sheet.write_string(line, 0, "Findings by rule", formats.section)
        for j, head in enumerate(("rule", "name", "severity", "count")):
            sheet.write_string(line + 1, j, head, formats.header)
        line += 2
        for (code, name, severity), n in sorted(by_rule.items()):
            sheet.write_string(line, 0, code)
            sheet.write_string(line, 1, name)
            sheet.write_string(line, 2, severity, formats.severity.get(severity))
            sheet.write_number(line, 3, n)
            line += 1
        line += 1
    if cuts:
        sheet.write_string(line, 0, "Cut to fit a sheet", formats.section)
        line += 1
        for title, left_out in sorted(cuts.items()):
            sheet.write_string(line, 0, title)
            sheet.write_string(line, 1, f"{left_out} rows left out: see the CSV or JSON report for all of them")
            line += 1
        line += 1
    sections = [("Counts", totals)] + [
        (str(key).replace("_", " ").capitalize(), summary[key])
        for key in sorted(summary, key=str)
        if key not in {"counts", "tool"}
    ]
    for title, value in sections:
        sheet.write_string(line, 0, title, formats.section)
        line += 1
        for name, item in _flatten(value):
            sheet.write_string(line, 0, name or title.lower())
            _write(sheet, line, 1, item, None)
            line += 1
        line += 1
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 48)
    sheet.set_column(2, 3, 12)
    sheet.activate()


def write(tables: ReportTables, folder: Path) -> list[Path]:
    path = folder / FILE
    book = xlsxwriter.Workbook(
        str(path),
        {
            # Rows go to temporary files as they are written, so a sheet of a million rows does not sit in
            # memory; XlsxWriter then stamps every part 1980-01-31, so the bytes still repeat from run to run.
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": False,
        },
    )
    book.set_properties({"title": "transcheck report", "created": FIXED_DATE})
    formats = _Formats(book)
    summary = book.add_worksheet("Summary")  # first, filled in last (it reports what the others had to cut)
    cuts: dict[str, int] = {}
    for title, name in SHEETS:
        cut = _table_sheet(book, formats, title, getattr(tables, name))
        if cut:
            cuts[title] = cut
    _summary_sheet(summary, formats, tables, cuts)
    book.close()
    return [path]
