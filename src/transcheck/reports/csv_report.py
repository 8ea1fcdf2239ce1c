"""CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so Chinese, Japanese and Korean text shows
correctly) and no cell that Excel would run as a formula."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: Excel (and LibreOffice, Google Sheets) treat a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: object) -> object:
    """Prefix text that would start a formula with an apostrophe, as OWASP recommends for CSV injection."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
