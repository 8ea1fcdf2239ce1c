"""Reports: the pipeline's result as pandas tables, and one writer module per output format."""

from .tables import ReportTables, build_tables
from .writer import write_reports

__all__ = ["ReportTables", "build_tables", "write_reports"]
