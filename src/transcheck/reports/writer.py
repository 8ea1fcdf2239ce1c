"""Write the report folder atomically: everything goes to a temporary folder first, then replaces the old
files, so an interrupted run leaves either the previous reports or complete new ones."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .csv_report import write_csv
from .tables import ReportTables

REPORT_FILES = ("findings.csv", "segments.csv", "documents.csv", "names.csv", "summary.json")


def write_reports(tables: ReportTables, out_dir: str | os.PathLike[str]) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".transcheck-", dir=out))
    try:
        write_csv(tables.findings, staging / "findings.csv")
        write_csv(tables.segments, staging / "segments.csv")
        write_csv(tables.documents, staging / "documents.csv")
        write_csv(tables.names, staging / "names.csv")
        (staging / "summary.json").write_text(
            json.dumps(tables.summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        written = []
        for name in REPORT_FILES:
            os.replace(staging / name, out / name)
            written.append(out / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
