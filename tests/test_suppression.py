"""Tests for inline suppression: ``transcheck: ignore[CODE]`` markers in PO comments, XLIFF/TMX notes and
Markdown/HTML comments keep a finding in the reports, marked, and out of the exit code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from transcheck.cli import main
from transcheck.engine import Settings, run
from transcheck.model import DocumentPair, Side, Unit
from transcheck.readers import read_inputs
from transcheck.readers.textfile import units_from_text
from transcheck.suppression import Suppression, parse_markers

# --- markers -------------------------------------------------------------------------------------------------


def test_a_bare_marker_covers_every_rule() -> None:
    suppression, problems = parse_markers(["transcheck: ignore"])
    assert suppression.covers("N001") and suppression.covers("I003")
    assert problems == []


def test_codes_and_prefixes() -> None:
    suppression, _ = parse_markers(["Reviewed. transcheck: ignore[N001, d00]", "Transcheck:ignore[T]"])
    assert suppression.prefixes == {"N001", "D00", "T"}
    assert suppression.covers("D003") and suppression.covers("T002") and suppression.covers("N001")
    assert not suppression.covers("N002") and not suppression.covers("D1") and not suppression.covers("A001")


def test_no_marker_no_suppression() -> None:
    for comments in ([], ["a comment"], ["transcheck: ignored by nobody"], ["transcheck: ignore-me"]):
        suppression, problems = parse_markers(comments)
        assert not suppression and problems == []
    assert not Suppression()


def test_bad_codes_suppress_nothing_and_are_reported() -> None:
    suppression, problems = parse_markers(["transcheck: ignore[N001,X42]", "transcheck: ignore[]"], "line 7")
    assert suppression.prefixes == {"N001"}
    assert [(p.location, p.marker) for p in problems] == [
        ("line 7", "transcheck: ignore[N001,X42]"),
        ("line 7", "transcheck: ignore[]"),
    ]
    assert "'X42'" in problems[0].reason and "empty" in problems[1].reason


# --- text and Markdown files ---------------------------------------------------------------------------------


def test_markdown_markers_on_the_line_or_the_line_before() -> None:
    text = (
        "# Title\n"
        "<!-- transcheck: ignore[D003] -->\n"
        "About 3,000 people came. <!-- transcheck: ignore[N001] -->\n"
        "<!-- transcheck: ignore -->\n"
        "\n"
        "Not covered: a blank line stands between.\n"
        "<!-- an ordinary comment --> stays\n"
    )
    units = units_from_text(text)
    assert [(u.text, u.location, u.comments) for u in units] == [
        ("# Title", "line 1", ()),
        ("About 3,000 people came.", "line 3", ("transcheck: ignore[D003]", "transcheck: ignore[N001]")),
        ("Not covered: a blank line stands between.", "line 6", ()),
        ("<!-- an ordinary comment --> stays", "line 7", ()),
    ]


# --- through the engine --------------------------------------------------------------------------------------


def unit(text: str, line: int, comments: tuple[str, ...] = ()) -> Unit:
    return Unit(text, f"line {line}", line, comments)


def test_suppressed_findings_are_kept_and_marked() -> None:
    doc = DocumentPair(
        "d",
        Side("d.tsv", (unit("约有3万人参加集会。", 2), unit("他买了5个苹果。", 3, ("transcheck: ignore[D]",)))),
        Side("d.tsv", (unit("About 3,000 people attended the rally.", 2), unit("He bought some apples.", 3))),
        src_lang="zh",
        tgt_lang="en",
        unit_aligned=True,
    )
    findings = run([doc], Settings()).findings
    assert [(f.rule, f.suppressed, f.counts) for f in findings] == [("D003", False, True), ("D001", True, False)]


# --- end to end ----------------------------------------------------------------------------------------------


def findings_csv(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture(autouse=True)
def _no_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

# transcheck: ignore[D003]
msgid "约有3万人参加集会。"
msgstr "About 3,000 people attended the rally."

#. transcheck: ignore[N001]
msgid "韩国总统尹锡悦周四抵达东京。"
msgstr "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday."

# transcheck: ignore[D00X]
msgid "他买了5个苹果。"
msgstr "He bought some apples."
"""


def test_po_suppression_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "app.po").write_text(PO, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(tmp_path / "app.po"), "--src-lang", "zh", "--out", str(out), "-q"]) == 1
    rows = findings_csv(out)
    assert [(r["rule"], r["suppressed"], r["baselined"]) for r in rows] == [
        ("D003", "True", "False"),
        ("N001", "True", "False"),
        ("D001", "False", "False"),  # its marker names no rule: it suppresses nothing
    ]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["findings_suppressed"] == 2
    assert summary["counts"]["findings_new"] == 1
    [problem] = summary["suppression_marker_problems"]
    assert problem["doc_id"] == "app" and problem["location"] == "line 16" and "D00X" in problem["reason"]
    assert (
        main(["check", str(tmp_path / "app.po"), "--src-lang", "zh", "--out", str(out), "-q", "--ignore", "D001"]) == 0
    )


def test_markdown_suppression_end_to_end(tmp_path: Path) -> None:
    for side, text in (
        ("src", "约有3万人周六在首尔举行集会。\n\n集会者要求政府重新考虑赔偿方案。\n"),
        (
            "mt",
            "<!-- transcheck: ignore[D003] -->\nAbout 3,000 people rallied in Seoul on Saturday.\n\n"
            "The protesters demanded that the government reconsider the compensation plan.\n",
        ),
    ):
        (tmp_path / "c" / side).mkdir(parents=True)
        (tmp_path / "c" / side / "a.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(tmp_path / "c"), "--src-lang", "zh", "--tgt-lang", "en", "--out", str(out), "-q"]) == 0
    rows = findings_csv(out)
    assert [(r["rule"], r["location"], r["suppressed"]) for r in rows] == [("D003", "line 2", "True")]


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ui" source-language="zh" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>约有3万人参加集会。</source>
        <target>About 3,000 people attended the rally.</target>
        <note>Checked with the desk. transcheck: ignore[D003]</note>
      </trans-unit>
      <trans-unit id="2">
        <source>他买了5个苹果。</source>
        <target>He bought some apples.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">
  <file id="f1">
    <unit id="1">
      <notes><note category="qa">transcheck: ignore</note></notes>
      <segment><source>约有3万人参加集会。</source><target>About 3,000 people attended the rally.</target></segment>
    </unit>
    <unit id="2">
      <segment><source>他买了5个苹果。</source><target>He bought some apples.</target></segment>
    </unit>
  </file>
</xliff>
"""


@pytest.mark.parametrize("xliff", [XLIFF_12, XLIFF_20], ids=["1.2", "2.0"])
def test_xliff_notes_suppress(tmp_path: Path, xliff: str) -> None:
    path = tmp_path / "ui.xlf"
    path.write_text(xliff, encoding="utf-8")
    [doc] = read_inputs([str(path)])
    assert doc.target is not None and doc.source is not None
    assert doc.target.units[0].comments and doc.source.units[0].comments == doc.target.units[0].comments
    assert doc.target.units[1].comments == ()
    out = tmp_path / "out"
    assert main(["check", str(path), "--out", str(out), "-q"]) == 1  # D001 on unit 2 still counts
    rows = findings_csv(out)
    assert [(r["rule"], r["location"], r["suppressed"]) for r in rows] == [
        ("D003", "unit 1", "True"),
        ("D001", "unit 2", "False"),
    ]


def test_tmx_notes_suppress(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><note>transcheck: ignore[D003]</note>
<tuv xml:lang="zh"><seg>约有3万人参加集会。</seg></tuv>
<tuv xml:lang="en"><seg>About 3,000 people attended the rally.</seg></tuv>
</tu></body></tmx>
""",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["check", str(path), "--out", str(out), "-q"]) == 0
    assert [(r["rule"], r["suppressed"]) for r in findings_csv(out)] == [("D003", "True")]
