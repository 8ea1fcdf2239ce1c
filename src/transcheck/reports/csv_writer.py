"""CSV in two flavours, one file per table.

- ``csv-excel`` (``findings.csv``, ``segments.csv``, ``documents.csv``, ``names.csv``): for people. UTF-8 with a
  byte-order mark, so Excel shows Chinese, Japanese and Korean text correctly; CRLF line ends; a text cell that
  would start a formula (``=``, ``+``, ``-``, ``@``, tab, CR, LF) is prefixed with an apostrophe, as OWASP
  recommends against CSV injection, so no formula ever runs when the file is opened.
- ``csv`` (``csv/findings.csv`` …): for machines. Plain UTF-8 without a byte-order mark, LF line ends, every
  value exactly as in the table.

Both write every column the table has, in its order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .tables import ReportTables

#: Excel (and LibreOffice, Google Sheets) treat a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
TABLES = ("findings", "segments", "documents", "names")
EXCEL_FILES = tuple(f"{name}.csv" for name in TABLES)
PLAIN_FOLDER = "csv"
PLAIN_FILES = tuple(f"{PLAIN_FOLDER}/{name}.csv" for name in TABLES)


def neutralise(value: object) -> object:
    """Prefix text that would start a formula with an apostrophe, as OWASP recommends for CSV injection."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]


def write_csv(frame: pd.DataFrame, path: Path, *, excel: bool = True) -> None:
    """One table as CSV: Excel-friendly (BOM, CRLF, formulas neutralised) or plain (UTF-8, LF, values as they
    are)."""
    if excel:
        safe = frame.copy()
        for column in _text_columns(safe):
            safe[column] = safe[column].map(neutralise)
        safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    else:
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_excel_csv(tables: ReportTables, folder: Path) -> list[Path]:
    written = []
    for name, file in zip(TABLES, EXCEL_FILES, strict=True):
        write_csv(getattr(tables, name), folder / file, excel=True)
        written.append(folder / file)
    return written


def write_plain_csv(tables: ReportTables, folder: Path) -> list[Path]:
    (folder / PLAIN_FOLDER).mkdir(exist_ok=True)
    written = []
    for name, file in zip(TABLES, PLAIN_FILES, strict=True):
        write_csv(getattr(tables, name), folder / file, excel=False)
        written.append(folder / file)
    return written
