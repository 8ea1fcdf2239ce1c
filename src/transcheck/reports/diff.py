"""``transcheck diff OLD NEW``: which findings are new, fixed or unchanged between two report folders.

Findings are matched by ``finding_id``, which depends on what a finding is about (rule, document, the text of
its sentence pair, evidence, suggestion), not on where it stands, so text inserted elsewhere does not make a
finding new. A folder is read from ``report.json`` if it has one, else ``csv/findings.csv``, else the
Excel-friendly ``findings.csv``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import fails, one_line
from .csv_writer import FORMULA_TRIGGERS

SOURCES = ("report.json", "csv/findings.csv", "findings.csv")
#: The columns of a finding that the table output and the JSON output show.
SHOWN = ("finding_id", "rule", "name", "severity", "doc_id", "location", "evidence", "suggestion", "message")


class DiffError(ValueError):
    """A folder holds no readable transcheck report."""


def _unneutralise(value: str) -> str:
    """Undo the apostrophe the Excel-friendly CSV puts before text that would start a formula."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS) else value


def load_findings(folder: str | Path) -> tuple[list[dict[str, Any]], str]:
    """The findings of a report folder (rows as dictionaries) and the file they were read from."""
    root = Path(folder)
    if not root.is_dir():
        raise DiffError(f"{root}: not a folder")
    for name in SOURCES:
        path = root / name
        if not path.is_file():
            continue
        try:
            if name.endswith(".json"):
                data = json.loads(path.read_text(encoding="utf-8"))
                rows = data.get("findings") if isinstance(data, dict) else None
                if not isinstance(rows, list):
                    raise DiffError(f"{path}: no 'findings' list; is this a transcheck report.json?")
                return [dict(r) for r in rows if isinstance(r, dict)], str(path)
            excel = name == "findings.csv"
            content = path.read_bytes().decode("utf-8-sig")
            reader = csv.DictReader(io.StringIO(content, newline=""))
            rows = [{k: (_unneutralise(v) if excel and v else v) for k, v in r.items()} for r in reader]
        except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
            raise DiffError(f"{path}: cannot be read: {exc}") from None
        if reader.fieldnames is None or "finding_id" not in reader.fieldnames:
            raise DiffError(f"{path}: no finding_id column; is this a transcheck findings table?")
        return rows, str(path)
    raise DiffError(f"{root}: no transcheck report in it (looked for {', '.join(SOURCES)})")


@dataclass
class Diff:
    new: list[dict[str, Any]] = field(default_factory=list)
    fixed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    old_source: str = ""
    new_source: str = ""


def compare(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> Diff:
    """New and unchanged in the new run's order, fixed in the old run's."""
    old_ids = {str(r.get("finding_id")) for r in old}
    new_ids = {str(r.get("finding_id")) for r in new}
    return Diff(
        new=[r for r in new if str(r.get("finding_id")) not in old_ids],
        fixed=[r for r in old if str(r.get("finding_id")) not in new_ids],
        unchanged=[r for r in new if str(r.get("finding_id")) in old_ids],
    )


def diff_folders(old: str | Path, new: str | Path) -> Diff:
    old_rows, old_source = load_findings(old)
    new_rows, new_source = load_findings(new)
    result = compare(old_rows, new_rows)
    result.old_source, result.new_source = old_source, new_source
    return result


def failing(diff: Diff, fail_on: str) -> list[dict[str, Any]]:
    """The new findings that fail at ``fail_on`` (not suppressed, not baselined, severe enough)."""
    return [r for r in diff.new if fails(r, fail_on)]


def _line(mark: str, row: dict[str, Any]) -> str:
    evidence, suggestion = str(row.get("evidence") or ""), str(row.get("suggestion") or "")
    change = f"{one_line(evidence, 60)} → {one_line(suggestion, 60)}" if suggestion else one_line(evidence, 60)
    where = " ".join(str(row.get(k) or "") for k in ("doc_id", "location")).strip()
    severity = str(row.get("severity") or "")
    return f"  {mark} {row.get('rule', '')} {severity:<8}{where}  {change}  [{row.get('finding_id')}]"


def render_table(diff: Diff, fail_on: str) -> str:
    lines = [f"transcheck diff: {len(diff.new)} new, {len(diff.fixed)} fixed, {len(diff.unchanged)} unchanged"]
    if diff.new:
        lines.append("new:")
        lines += [_line("+", r) for r in diff.new]
    if diff.fixed:
        lines.append("fixed:")
        lines += [_line("-", r) for r in diff.fixed]
    bad = failing(diff, fail_on)
    if fail_on != "never":
        lines.append(
            f"{len(bad)} new findings at or above {fail_on} count (exit code {1 if bad else 0})"
            if bad
            else f"no new finding at or above {fail_on} counts"
        )
    return "\n".join(lines)


def render_json(diff: Diff, fail_on: str) -> str:
    def rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: r.get(k) for k in SHOWN if k in r} for r in items]

    document = {
        "old": diff.old_source,
        "new_report": diff.new_source,
        "counts": {"new": len(diff.new), "fixed": len(diff.fixed), "unchanged": len(diff.unchanged)},
        "fail_on": fail_on,
        "failing": [str(r.get("finding_id")) for r in failing(diff, fail_on)],
        "new": rows(diff.new),
        "fixed": rows(diff.fixed),
        "unchanged": rows(diff.unchanged),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
