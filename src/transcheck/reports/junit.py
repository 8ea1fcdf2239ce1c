"""``junit.xml``: JUnit XML, which GitLab (merge-request test widget), Jenkins, Azure DevOps and most CI servers
show as test results.

- One ``<testsuite>`` per document (name: the ``doc_id``; ``file``: its translation file).
- One ``<testcase>`` per finding, named ``RULE name (location)``, with ``classname`` ``transcheck.DOC``:
  a finding that makes the exit code 1 (at or above ``--fail-on``, not suppressed, not in the baseline) is a
  ``<failure>``; an unreadable input (I001) is an ``<error>``; a suppressed or baselined finding is
  ``<skipped>``; a finding below ``--fail-on`` passes, with its text in ``<system-out>``.
- A document without findings is one passing test case, so the suite counts every document checked.

No timestamps or durations, so the same run gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

from .common import (
    counts,
    document_paths,
    fail_on,
    fails,
    finding_message,
    finding_title,
    flag,
    place_of,
    records,
    text,
    write_text,
    xml_safe,
)
from .tables import ReportTables

FILE = "junit.xml"
#: Columns spelled out in a test case's body, in this order; the rest follow.
_BODY_FIRST = ("finding_id", "severity", "location", "source", "target", "evidence", "suggestion")
_BODY_SKIP = {"rule", "name", "message", "doc_id"}


def _body(row: dict[str, Any]) -> str:
    lines = [finding_message(row), ""]
    keys = [k for k in _BODY_FIRST if k in row] + [k for k in row if k not in _BODY_FIRST and k not in _BODY_SKIP]
    for key in keys:
        value = text(row.get(key))
        if value:
            lines.append(f"{key}: {value}")
    return xml_safe("\n".join(lines))


def _testcase(suite: ET.Element, row: dict[str, Any], level: str, paths: dict[str, tuple[str, str]]) -> str:
    """Add one finding's test case; return its outcome (failure, error, skipped or passed)."""
    doc_id = str(row.get("doc_id") or "")
    place = place_of(row, paths)
    where = f" ({row.get('location')})" if row.get("location") else ""
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": xml_safe(f"transcheck.{doc_id}"),
            "name": xml_safe(f"{finding_title(row)}{where} [{row.get('finding_id')}]"),
            "file": xml_safe(place.path),
        },
    )
    if place.line is not None:
        case.set("line", str(place.line))
    message = xml_safe(finding_message(row))
    rule = xml_safe(str(row.get("rule") or ""))
    if not counts(row):
        reason = "suppressed inline" if flag(row, "suppressed") else "in the baseline"
        ET.SubElement(case, "skipped", {"message": f"{reason}: {message}"})
        return "skipped"
    if rule == "I001":
        ET.SubElement(case, "error", {"type": rule, "message": message}).text = _body(row)
        return "error"
    if fails(row, level):
        ET.SubElement(case, "failure", {"type": rule, "message": message}).text = _body(row)
        return "failure"
    ET.SubElement(case, "system-out").text = _body(row)
    return "passed"


def element(tables: ReportTables) -> ET.Element:
    level = fail_on(tables)
    paths = document_paths(tables)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in records(tables.findings):
        by_doc[str(row.get("doc_id") or "")].append(row)
    order = [str(d) for d in tables.documents["doc_id"]] if "doc_id" in tables.documents.columns else []
    order += [d for d in by_doc if d not in order]
    root = ET.Element("testsuites", {"name": "transcheck"})
    totals: dict[str, int] = defaultdict(int)
    for doc_id in order:
        suite = ET.SubElement(root, "testsuite", {"name": xml_safe(doc_id)})
        tgt = paths.get(doc_id, ("", ""))[1] or paths.get(doc_id, ("", ""))[0]
        if tgt:
            suite.set("file", xml_safe(tgt))
        outcomes: dict[str, int] = defaultdict(int)
        for row in by_doc.get(doc_id, []):
            outcomes[_testcase(suite, row, level, paths)] += 1
        if not by_doc.get(doc_id):
            ET.SubElement(suite, "testcase", {"classname": xml_safe(f"transcheck.{doc_id}"), "name": "no findings"})
            outcomes["passed"] += 1
        tests = sum(outcomes.values())
        for key, value in (
            ("tests", tests),
            ("failures", outcomes["failure"]),
            ("errors", outcomes["error"]),
            ("skipped", outcomes["skipped"]),
        ):
            suite.set(key, str(value))
            totals[key] += value
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    return root


def render(tables: ReportTables) -> str:
    root = element(tables)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write(tables: ReportTables, folder: Path) -> list[Path]:
    return [write_text(folder, FILE, render(tables))]
