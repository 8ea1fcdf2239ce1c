"""Kept for code that imported it: the CSV writer now lives in :mod:`transcheck.reports.csv_writer`."""

from .csv_writer import FORMULA_TRIGGERS, neutralise, write_csv

__all__ = ["FORMULA_TRIGGERS", "neutralise", "write_csv"]
