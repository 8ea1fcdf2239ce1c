"""``report.sarif``: SARIF 2.1.0, the format GitHub code scanning (and other code-review tools) reads.

- One run; ``tool.driver.rules`` is the whole rule catalogue (``transcheck rules``), so ``ruleIndex`` is stable.
- One result per finding: ``level`` from the severity (``error``, ``warning``, ``note``), the message with the
  offending text and the suggestion, and a physical location: the file as the input named it (relative paths
  stay relative, which is what code scanning needs: run transcheck from the repository root) and the line
  where the input has lines (text, Markdown, tables, PO). For units without a line (XLIFF, TMX) the region is
  line 1 and the unit is given as a logical location, because code scanning needs a line for every result.
- ``partialFingerprints["transcheck/v1"]`` is the finding id, so code scanning follows a finding across runs
  exactly as baselines and ``transcheck diff`` do.
- Findings suppressed inline carry a ``suppressions`` entry of kind ``inSource``; findings in the baseline one
  of kind ``external`` and ``baselineState: unchanged``; code scanning shows both as closed.
- Every column of the findings table is kept under ``properties`` (source, target, evidence, suggestion and
  whatever else the table holds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checks.rules import RULES
from .common import (
    Place,
    artifact_uri,
    counts,
    document_paths,
    finding_message,
    flag,
    json_text,
    place_of,
    records,
    write_text,
)
from .tables import ReportTables

FILE = "report.sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FAMILIES = {
    "I": "input",
    "A": "alignment",
    "L": "language",
    "D": "numbers",
    "N": "names",
    "T": "terms",
    "Q": "quality",
}
#: Properties already expressed elsewhere in the result.
_NOT_PROPERTIES = {"rule", "name", "message", "severity", "suppressed", "baselined"}


def _rules() -> list[dict[str, Any]]:
    out = []
    for rule in RULES.values():
        family = FAMILIES.get(rule.code[:1])
        out.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary.rstrip(".") + "."},
                "fullDescription": {"text": rule.explanation},
                "help": {"text": f"{rule.summary.rstrip('.')}. {rule.explanation} (`transcheck rules {rule.code}`)"},
                "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
                "properties": {"tags": ["translation", *([family] if family else [])]},
            }
        )
    return out


def _location(place: Place) -> dict[str, Any]:
    uri, relative = artifact_uri(place.path)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": artifact, "region": {"startLine": place.line or 1}}
    }
    if place.logical:
        location["logicalLocations"] = [{"name": place.logical, "kind": "element"}]
    return location


def _result(row: dict[str, Any], index: dict[str, int], place: Place) -> dict[str, Any]:
    rule = str(row.get("rule") or "")
    result: dict[str, Any] = {"ruleId": rule}
    if rule in index:
        result["ruleIndex"] = index[rule]
    result["level"] = LEVELS.get(str(row.get("severity")), "warning")
    result["message"] = {"text": finding_message(row)}
    result["locations"] = [_location(place)]
    result["partialFingerprints"] = {"transcheck/v1": str(row.get("finding_id") or "")}
    suppressions = []
    if flag(row, "suppressed"):
        suppressions.append({"kind": "inSource", "justification": "transcheck: ignore marker in the input"})
    if flag(row, "baselined"):
        suppressions.append({"kind": "external", "justification": "finding id in the --baseline file"})
        result["baselineState"] = "unchanged"
    if suppressions:
        result["suppressions"] = suppressions
    result["properties"] = {
        "severity": row.get("severity"),
        "counted": counts(row),
        **{k: v for k, v in row.items() if k not in _NOT_PROPERTIES and v is not None},
    }
    return result


def document(tables: ReportTables) -> dict[str, Any]:
    version = str(tables.summary.get("tool", {}).get("version", ""))
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    paths = document_paths(tables)
    results = [_result(row, index, place_of(row, paths)) for row in records(tables.findings)]
    driver: dict[str, Any] = {"name": "transcheck", "rules": rules}
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    counts_ = tables.summary.get("counts", {})
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "automationDetails": {"id": "transcheck/"},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "documents": counts_.get("documents"),
                    "pairs": counts_.get("pairs"),
                    "findings_by_severity": counts_.get("findings_by_severity"),
                },
            }
        ],
    }


def render(tables: ReportTables) -> str:
    return json_text(document(tables))


def write(tables: ReportTables, folder: Path) -> list[Path]:
    return [write_text(folder, FILE, render(tables))]
