"""Write the report folder atomically, in the formats asked for.

Everything goes to a temporary folder inside the report folder first and is then moved into place, so an
interrupted run leaves either the previous reports or complete new ones. ``summary.json`` is always written.
Report files of formats *not* asked for this time are removed, so a folder never mixes two runs.

Formats (``--format``, comma-separated; names below, or the aliases in :data:`ALIASES`):

======================  ============================================  =============================
format                  files                                         for
======================  ============================================  =============================
``csv-excel``           findings.csv, segments.csv, documents.csv,    people: Excel, LibreOffice
                        names.csv
``csv``                 csv/findings.csv … (plain UTF-8)              scripts
``xlsx``                report.xlsx                                   people
``html``                report.html                                   people (browser, offline)
``json``                report.json                                   scripts, dashboards
``sarif``               report.sarif                                  GitHub code scanning
``junit``               junit.xml                                     GitLab, Jenkins, Azure DevOps
``github``              step-summary.md, github-annotations.txt       GitHub Actions
``gitlab``              gl-code-quality-report.json                   GitLab code quality
======================  ============================================  =============================
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import csv_writer, github, gitlab, html, json_writer, junit, sarif, xlsx
from .tables import ReportTables

SUMMARY_FILE = "summary.json"


@dataclass(frozen=True)
class Format:
    name: str
    files: tuple[str, ...]
    write: Callable[[ReportTables, Path], list[Path]]
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("csv-excel", csv_writer.EXCEL_FILES, csv_writer.write_excel_csv, "CSV for Excel: BOM, no formulas"),
        Format("csv", csv_writer.PLAIN_FILES, csv_writer.write_plain_csv, "plain UTF-8 CSV in csv/"),
        Format("xlsx", (xlsx.FILE,), xlsx.write, "Excel workbook, summary sheet first"),
        Format("html", (html.FILE,), html.write, "self-contained HTML report"),
        Format("json", (json_writer.FILE,), json_writer.write, "every table and the summary in one JSON file"),
        Format("sarif", (sarif.FILE,), sarif.write, "SARIF 2.1.0 for GitHub code scanning"),
        Format("junit", (junit.FILE,), junit.write, "JUnit XML for GitLab, Jenkins, Azure DevOps"),
        Format("github", github.FILES, github.write, "GitHub Actions annotations and job summary"),
        Format("gitlab", (gitlab.FILE,), gitlab.write, "GitLab code-quality report"),
    ]
}
#: The formats written when ``--format`` is not given: what a person opens.
DEFAULT_FORMATS = ("csv-excel", "xlsx", "html", "json")
ALIASES: dict[str, tuple[str, ...]] = {
    "default": DEFAULT_FORMATS,
    "all": tuple(FORMATS),
}
#: Every file the default formats write, summary.json included, in the order :func:`write_reports` returns them.
REPORT_FILES = (*csv_writer.EXCEL_FILES, SUMMARY_FILE, xlsx.FILE, html.FILE, json_writer.FILE)


class FormatError(ValueError):
    """A ``--format`` value names no format or alias."""


def ci_formats(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The ``ci`` alias: machine formats, plus ``github`` inside GitHub Actions and ``gitlab`` inside GitLab CI."""
    environ = os.environ if environ is None else environ
    chosen = ["csv", "json", "sarif", "junit"]
    if environ.get("GITHUB_ACTIONS") == "true":
        chosen.append("github")
    if environ.get("GITLAB_CI"):
        chosen.append("gitlab")
    return tuple(chosen)


def parse_formats(spec: str | Sequence[str] | None, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """``"html,sarif"``, ``"default,sarif"``, ``"ci"`` or ``"all"`` → format names, in the order of
    :data:`FORMATS`, without repeats. ``None`` or an empty value means the default set."""
    parts = spec.split(",") if isinstance(spec, str) else list(spec or [])
    chosen: set[str] = set()
    for raw in parts:
        name = raw.strip().lower()
        if not name:
            continue
        if name == "ci":
            chosen.update(ci_formats(environ))
        elif name in ALIASES:
            chosen.update(ALIASES[name])
        elif name in FORMATS:
            chosen.add(name)
        else:
            known = ", ".join([*FORMATS, *ALIASES, "ci"])
            raise FormatError(f"--format: {raw.strip()!r} is not a report format; choose from {known}")
    if not chosen:
        chosen.update(DEFAULT_FORMATS)
    return tuple(name for name in FORMATS if name in chosen)


def _known_files() -> list[str]:
    return [file for f in FORMATS.values() for file in f.files]


def _replace(staged: Path, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, final)


def write_reports(
    tables: ReportTables,
    out_dir: str | os.PathLike[str],
    formats: Iterable[str] | None = None,
    *,
    run_info: Mapping[str, object] | None = None,
) -> list[Path]:
    """Write ``summary.json`` and the files of ``formats`` (default: :data:`DEFAULT_FORMATS`) into ``out_dir``;
    return the paths written (the default set in the order of :data:`REPORT_FILES`).

    ``run_info`` (e.g. ``{"seconds": 12.3}``, from ``--timing``) goes into ``summary.json`` only, under ``run``,
    so that every table and every other format stays byte-identical from run to run."""
    chosen = parse_formats(list(formats) if formats is not None else None)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    finish_interrupted_commit(out)
    staging = Path(tempfile.mkdtemp(prefix=".transcheck-", dir=out))
    committed = False
    try:
        relative: list[str] = []
        for name in chosen:
            for path in FORMATS[name].write(tables, staging):
                relative.append(path.relative_to(staging).as_posix())
        summary = {**tables.summary, "run": dict(run_info)} if run_info else tables.summary
        (staging / SUMMARY_FILE).write_text(
            json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        relative.append(SUMMARY_FILE)
        order = {name: i for i, name in enumerate(REPORT_FILES)}
        relative.sort(key=lambda name: (order.get(name, len(order)), name))
        # The journal names the staging folder and its files before the first rename and goes after the last:
        # if the process dies between the two, the next write finishes the moves (the renames themselves are
        # atomic), so the folder never keeps a mix of two runs past the next run.
        journal = out / JOURNAL_FILE
        journal.write_text(json.dumps({"staging": staging.name, "files": relative}) + "\n", encoding="utf-8")
        committed = True
        for name in relative:
            _replace(staging / name, out / name)
        journal.unlink()
        for name in _known_files():
            if name not in relative and (out / name).is_file():
                (out / name).unlink()
        plain = out / csv_writer.PLAIN_FOLDER
        if plain.is_dir() and not any(plain.iterdir()):
            plain.rmdir()
        return [out / name for name in relative]
    finally:
        if not committed or not (out / JOURNAL_FILE).exists():
            shutil.rmtree(staging, ignore_errors=True)


#: Written into the report folder while new reports replace the old ones (see :func:`write_reports`).
JOURNAL_FILE = ".transcheck-commit.json"


def finish_interrupted_commit(out: Path) -> bool:
    """Complete a replacement of the reports that a killed process left half done: move the files still in the
    staging folder the journal names, then remove journal and staging. True when there was one to finish."""
    journal = out / JOURNAL_FILE
    if not journal.is_file():
        return False
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        staging = out / str(record["staging"])
        files = [str(name) for name in record["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)
        return False
    if staging.parent == out and staging.name.startswith(".transcheck-"):
        for name in files:
            staged = staging / name
            if staged.is_file() and out.resolve() in (out / name).resolve().parents:
                _replace(staged, out / name)
        shutil.rmtree(staging, ignore_errors=True)
    journal.unlink(missing_ok=True)
    return True
