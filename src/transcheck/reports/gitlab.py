"""``gl-code-quality-report.json``: GitLab's code-quality report (a subset of the Code Climate format), which
GitLab shows in merge requests and on the pipeline's Code Quality tab.

One entry per finding that counts (suppressed and baselined findings are left out: they are accepted):
``check_name`` the rule code, ``description`` the rule, message and suggestion, ``fingerprint`` the finding id
(stable across runs, so GitLab tells new findings from old ones), ``severity`` ``major`` (error), ``minor``
(warning) or ``info``, and ``location`` the file and line (line 1 where the input has no lines).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import counts, document_paths, finding_message, finding_title, json_text, place_of, records, write_text
from .tables import ReportTables

FILE = "gl-code-quality-report.json"
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def entries(tables: ReportTables) -> list[dict[str, Any]]:
    paths = document_paths(tables)
    out = []
    for row in records(tables.findings):
        if not counts(row):
            continue
        place = place_of(row, paths)
        where = f" [{place.logical}]" if place.logical else ""
        out.append(
            {
                "description": f"{finding_title(row)}: {finding_message(row)}{where}",
                "check_name": str(row.get("rule") or ""),
                "fingerprint": str(row.get("finding_id") or ""),
                "severity": SEVERITIES.get(str(row.get("severity")), "minor"),
                "location": {"path": place.path, "lines": {"begin": place.line or 1}},
            }
        )
    return out


def render(tables: ReportTables) -> str:
    return json_text(entries(tables))


def write(tables: ReportTables, folder: Path) -> list[Path]:
    return [write_text(folder, FILE, render(tables))]
