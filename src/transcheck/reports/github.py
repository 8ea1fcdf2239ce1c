"""GitHub Actions: annotations on the files of a pull request, and a job summary.

- **Annotations** are workflow commands (``::error file=mt/a03.txt,line=4,title=N001 name-nonstandard::…``),
  written to ``github-annotations.txt`` and, inside GitHub Actions (``$GITHUB_ACTIONS`` is ``true``), printed on
  standard output, where GitHub turns them into annotations on the changed lines of a pull request and on the
  run's page. Only findings that count are annotated (not suppressed, not in the baseline), errors first, at
  most :data:`MAX_ANNOTATIONS` of them (GitHub itself shows no more than 50 per job); a notice says how many
  more there are.
- **Step summary**: a Markdown page (counts, the outcome at ``--fail-on``, findings by rule, the first findings)
  written to ``step-summary.md`` in the report folder and, when ``$GITHUB_STEP_SUMMARY`` is set (it is in every
  Actions step), appended to that file so that it appears on the run's summary page.

Article text is untrusted: in annotations, ``%``, CR and LF are escaped as the workflow-command syntax requires
(so no text can start a command of its own); in the Markdown summary every character Markdown or HTML gives a
meaning to is written as an HTML entity.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from .common import (
    SEVERITIES,
    SEVERITY_RANK,
    counts,
    document_paths,
    fail_on,
    fails,
    finding_message,
    finding_title,
    one_line,
    place_of,
    records,
    write_text,
)
from .tables import ReportTables

FILE = "step-summary.md"
ANNOTATIONS_FILE = "github-annotations.txt"
FILES = (FILE, ANNOTATIONS_FILE)
MAX_ANNOTATIONS = 50
MAX_SUMMARY_ROWS = 50
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(tables: ReportTables) -> list[str]:
    """The workflow commands, one per line."""
    paths = document_paths(tables)
    rows = [row for row in records(tables.findings) if counts(row)]
    rows.sort(key=lambda row: -SEVERITY_RANK.get(str(row.get("severity")), 0))  # stable: input order within
    lines = []
    for row in rows[:MAX_ANNOTATIONS]:
        place = place_of(row, paths)
        props = [f"file={_escape_property(place.path)}"]
        if place.line is not None:
            props.append(f"line={place.line}")
        props.append(f"title={_escape_property(finding_title(row))}")
        where = f"{place.logical}: " if place.logical else ""
        message = f"{where}{finding_message(row)} [{row.get('finding_id')}]"
        command = COMMANDS.get(str(row.get("severity")), "warning")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    if len(rows) > MAX_ANNOTATIONS:
        more = len(rows) - MAX_ANNOTATIONS
        lines.append(f"::notice title=transcheck::{more} more findings are not annotated; see the report files.")
    return lines


#: What Markdown or HTML would read as markup inside a table cell: emphasis, code, links and images, tags and
#: entities, cell breaks, strike-through, maths and @mentions.
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]<>|&~$@"}


def md(value: object) -> str:
    """Untrusted text made inert in GitHub Markdown: one line, every special character an HTML entity."""
    flat = one_line(str(value if value is not None else ""), 300)
    return "".join(_MARKDOWN_SPECIAL.get(c, c) for c in flat)


def step_summary(tables: ReportTables) -> str:
    summary = tables.summary
    totals: Mapping[str, Any] = summary.get("counts", {})
    level = fail_on(tables)
    rows = records(tables.findings)
    new = Counter(str(r.get("severity")) for r in rows if counts(r))
    accepted = Counter(str(r.get("severity")) for r in rows if not counts(r))
    failing = [r for r in rows if fails(r, level)]
    version = summary.get("tool", {}).get("version", "")
    out = [
        f"## transcheck {md(version)}".rstrip(),
        "",
        f"{totals.get('documents', 0)} documents, {totals.get('pairs', 0)} sentence pairs, "
        f"{totals.get('findings', len(rows))} findings.",
        "",
    ]
    if level == "never":
        out.append("**Outcome:** `--fail-on never`: findings do not fail the job.")
    elif failing:
        out.append(f"**Outcome: failed.** {len(failing)} findings at or above `{level}` count (new, not suppressed).")
    else:
        out.append(f"**Outcome: passed.** No finding at or above `{level}` counts.")
    out += ["", "| | " + " | ".join(SEVERITIES) + " |", "|---|" + "---:|" * len(SEVERITIES)]
    out.append("| new | " + " | ".join(str(new[s]) for s in SEVERITIES) + " |")
    out.append("| suppressed or baselined | " + " | ".join(str(accepted[s]) for s in SEVERITIES) + " |")
    by_rule = Counter((str(r.get("rule")), str(r.get("name") or ""), str(r.get("severity"))) for r in rows)
    if by_rule:
        out += ["", "### Findings by rule", "", "| rule | name | severity | count |", "|---|---|---|---:|"]
        for (code, name, severity), n in sorted(by_rule.items()):
            out.append(f"| {md(code)} | {md(name)} | {md(severity)} | {n} |")
    shown = sorted((r for r in rows if counts(r)), key=lambda r: -SEVERITY_RANK.get(str(r.get("severity")), 0))[
        :MAX_SUMMARY_ROWS
    ]
    if shown:
        title = "### Findings" if len(shown) == sum(new.values()) else f"### First {len(shown)} findings"
        out += [
            "",
            title,
            "",
            "| rule | severity | document | location | found | suggestion |",
            "|---|---|---|---|---|---|",
        ]
        for r in shown:
            cells = [r.get("rule"), r.get("severity"), r.get("doc_id"), r.get("location"), r.get("evidence")]
            out.append("| " + " | ".join(md(c) for c in cells) + f" | {md(r.get('suggestion'))} |")
    out.append("")
    return "\n".join(out)


def write(tables: ReportTables, folder: Path) -> list[Path]:
    commands = "".join(line + "\n" for line in annotation_lines(tables))
    return [write_text(folder, FILE, step_summary(tables)), write_text(folder, ANNOTATIONS_FILE, commands)]


def publish(tables: ReportTables, stream: TextIO, environ: Mapping[str, str] | None = None) -> None:
    """Inside GitHub Actions, print the annotations on ``stream``; wherever ``$GITHUB_STEP_SUMMARY`` is set,
    append the summary to that file."""
    environ = os.environ if environ is None else environ
    if environ.get("GITHUB_ACTIONS") == "true":
        for line in annotation_lines(tables):
            stream.write(line + "\n")
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(step_summary(tables) + "\n")
