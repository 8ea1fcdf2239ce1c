"""Tests for transcheck.reports: tables built from a run, and the report files written from them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from transcheck.engine import RunResult, Settings, run
from transcheck.model import DocumentPair, Side, Unit
from transcheck.names.lexicon import NameLexicon
from transcheck.reports import build_tables, write_reports
from transcheck.reports.csv_report import neutralise
from transcheck.reports.writer import REPORT_FILES

SETTINGS = Settings(lexicon=NameLexicon([]))
FINDINGS_HEADER = (
    "finding_id,rule,name,severity,doc_id,pair_id,location,source,target,evidence,suggestion,message,"
    "suppressed,baselined"
)


def side(path: str, texts: list[str]) -> Side:
    return Side(path, tuple(Unit(text, f"line {i + 1}", i + 1) for i, text in enumerate(texts)))


def unit_aligned(doc_id: str, pairs: list[tuple[str, str]]) -> DocumentPair:
    source = side(f"{doc_id}.tsv", [s for s, _ in pairs])
    target = side(f"{doc_id}.tsv", [t for _, t in pairs])
    return DocumentPair(doc_id, source, target, src_lang="zh", tgt_lang="en", unit_aligned=True)


INJECTION = unit_aligned(
    "inject",
    [
        ("他有5个苹果。", "=cmd|' /C calc'!A0"),
        ("增长了2%。", "+1% growth"),
        ("共有7人。", "@SUM(A1:A2) people"),
        ("韩国总统尹锡悦周四抵达东京。", "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday."),
    ],
)

NEWS_ZH = "约有3万人周六在首尔举行集会。集会者要求政府重新考虑赔偿方案。韩国外交部表示将继续与受害者沟通。"
NEWS_EN = (
    "About 3,000 people rallied in Seoul on Saturday. The protesters demanded that the government "
    "reconsider the compensation plan. South Korea's foreign ministry said it would continue to "
    "communicate with the victims."
)
NEWS = DocumentPair(
    "news", side("src/news.txt", [NEWS_ZH]), side("mt/news.txt", [NEWS_EN]), src_lang="zh", tgt_lang="en"
)
CLEAN = DocumentPair(
    "clean",
    side("src/clean.txt", ["韩国外交部表示将继续与受害者沟通。"]),
    side("mt/clean.txt", ["South Korea's foreign ministry said it would keep talking to victims."]),
    src_lang="zh",
    tgt_lang="en",
)


@pytest.fixture(scope="module")
def result() -> RunResult:
    return run([INJECTION, NEWS, CLEAN], SETTINGS)


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_run_finds_what_was_planted(result: RunResult) -> None:
    assert [(f.doc_id, f.rule) for f in result.findings] == [
        ("inject", "D001"),
        ("inject", "D003"),
        ("inject", "D001"),
        ("news", "D003"),
    ]
    assert [len(r.pairs) for r in result.documents] == [4, 3, 1]


def test_report_files_exist(result: RunResult, tmp_path: Path) -> None:
    written = write_reports(build_tables(result), tmp_path / "out")
    assert [p.name for p in written] == list(REPORT_FILES)
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(REPORT_FILES)  # no staging left


def test_findings_csv_bom_and_columns(result: RunResult, tmp_path: Path) -> None:
    write_reports(build_tables(result), tmp_path)
    raw = (tmp_path / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(tmp_path / "findings.csv")
    required = [
        "finding_id",
        "rule",
        "severity",
        "doc_id",
        "pair_id",
        "source",
        "target",
        "evidence",
        "suggestion",
        "message",
    ]
    assert set(required) <= set(rows[0])
    header = raw[3:].decode("utf-8").split("\r\n")[0].split(",")
    assert [c for c in header if c in required] == required  # in this order
    news = [r for r in rows if r["doc_id"] == "news"]
    assert [(r["rule"], r["severity"], r["suggestion"], r["evidence"]) for r in news] == [
        ("D003", "error", "30,000", "3,000")
    ]
    assert "3万" in news[0]["source"]  # Chinese survives the round trip


@pytest.mark.parametrize("start", ["=cmd|", "+1", "@SUM"])
def test_formula_injection_is_neutralised(result: RunResult, tmp_path: Path, start: str) -> None:
    write_reports(build_tables(result), tmp_path)
    rows = read_csv(tmp_path / "findings.csv")
    targets = [r["target"] for r in rows if r["doc_id"] == "inject"]
    [cell] = [t for t in targets if t.lstrip("'").startswith(start)]
    assert cell.startswith("'" + start)
    segments = read_csv(tmp_path / "segments.csv")
    [segment] = [r["target"] for r in segments if r["target"].lstrip("'").startswith(start)]
    assert segment.startswith("'" + start)


def test_neutralise() -> None:
    for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"]:
        assert neutralise(text) == "'" + text
    for value in ["plain", "3万", "", " =not at start"]:
        assert neutralise(value) == value
    assert neutralise(-1) == -1


def test_writing_twice_is_byte_identical(result: RunResult, tmp_path: Path) -> None:
    tables = build_tables(result, {"src_lang": "zh"})
    write_reports(tables, tmp_path / "one")
    first = {name: (tmp_path / "one" / name).read_bytes() for name in REPORT_FILES}
    write_reports(tables, tmp_path / "one")  # over the old files
    write_reports(build_tables(run([INJECTION, NEWS, CLEAN], SETTINGS), {"src_lang": "zh"}), tmp_path / "two")
    for name in REPORT_FILES:
        assert (tmp_path / "one" / name).read_bytes() == first[name], name
        assert (tmp_path / "two" / name).read_bytes() == first[name], name


def test_summary_json(result: RunResult, tmp_path: Path) -> None:
    write_reports(build_tables(result, {"src_lang": "zh", "glossary": None}), tmp_path)
    text = (tmp_path / "summary.json").read_text(encoding="utf-8")
    summary = json.loads(text)
    assert text == json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # sorted keys
    counts = summary["counts"]
    findings = read_csv(tmp_path / "findings.csv")
    assert counts["documents"] == len(read_csv(tmp_path / "documents.csv")) == 3
    assert counts["findings"] == len(findings) == 4
    assert sum(counts["findings_by_severity"].values()) == counts["findings"]
    assert sum(counts["findings_by_rule"].values()) == counts["findings"]
    assert counts["findings_by_rule"] == {"D001": 2, "D003": 2}
    assert counts["findings_by_severity"] == {"error": 4, "warning": 0, "info": 0}
    assert counts["pairs"] == len(read_csv(tmp_path / "segments.csv")) == 8
    assert counts["documents_by_status"] == {"ok": 3}
    assert summary["settings"] == {"src_lang": "zh", "glossary": None}
    assert summary["tool"]["name"] == "transcheck"


def test_documents_table_reconciles_with_findings(result: RunResult) -> None:
    tables = build_tables(result)
    docs = tables.documents.set_index("doc_id")
    assert int(docs.loc["inject", "errors"]) == 3
    assert int(docs.loc["news", "errors"]) == 1
    assert int(docs.loc["clean", "errors"]) == 0
    assert int(tables.documents["errors"].sum()) == tables.summary["counts"]["findings_by_severity"]["error"]
    assert float(docs.loc["news", "coverage"]) == 1.0


def test_segments_carry_their_worst_finding(result: RunResult) -> None:
    segments = build_tables(result).segments
    news = segments[segments["doc_id"] == "news"]
    assert news["link"].tolist() == ["1-1", "1-1", "1-1"]
    assert news["max_severity"].tolist() == ["error", "", ""]


def test_omission_counts_in_documents_table() -> None:
    doc = unit_aligned(
        "omit",
        [
            ("韩国总统尹锡悦周四抵达东京。", "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday."),
            ("这是十二年来的首次访问。", ""),  # the translation of this unit is empty
            ("集会者要求政府重新考虑赔偿方案。", "The protesters demanded that the government reconsider the plan."),
            ("韩国外交部表示将继续沟通。", "South Korea's foreign ministry said it would keep talking."),
            ("尹锡悦周五返回首尔。", "Yoon returned to Seoul on Friday."),
        ],
    )
    tables = build_tables(run([doc], SETTINGS))
    assert tables.findings["rule"].tolist() == ["A001"]
    assert tables.findings["pair_id"].tolist() == [1]
    row = tables.documents.iloc[0]
    assert (int(row["omissions"]), float(row["coverage"]), int(row["errors"])) == (1, 0.8, 1)
    assert tables.segments["link"].tolist() == ["1-1", "1-0", "1-1", "1-1", "1-1"]


def test_snapshot_header_and_row_count(tmp_path: Path) -> None:
    doc = unit_aligned(
        "snap",
        [
            ("约有3万人参加集会。", "About 3,000 people attended the rally."),
            ("他买了5个苹果。", "He bought some apples."),
            ("两国关系紧张。", "Relations between the two countries are tense."),
        ],
    )
    write_reports(build_tables(run([doc], SETTINGS)), tmp_path)
    lines = (tmp_path / "findings.csv").read_bytes().decode("utf-8").split("\r\n")
    assert lines[0] == "\ufeff" + FINDINGS_HEADER
    assert lines[-1] == ""
    assert len(lines) - 2 == 2  # D003 and D001
    assert [line.split(",")[1] for line in lines[1:-1]] == ["D003", "D001"]
