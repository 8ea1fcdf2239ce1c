"""Reports: the pipeline's result as pandas tables, and one writer module per output format
(:mod:`.writer` lists them)."""

from .tables import ReportTables, build_tables
from .writer import DEFAULT_FORMATS, FORMATS, FormatError, parse_formats, write_reports

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "FormatError",
    "ReportTables",
    "build_tables",
    "parse_formats",
    "write_reports",
]
