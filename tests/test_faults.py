"""Hostile and broken input end to end (issue 9): every fault is reported where it is, every other document is
still checked, nothing is lost, nothing is written outside --out, an interrupted write keeps the old reports."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fault_corpus import EN, ZH, build, laughs_tbx, xxe_tbx
from transcheck.cli import main
from transcheck.readers import read_inputs
from transcheck.reports import writer

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "corpora" / "news-zh-en", ROOT / "corpora" / "docs-l10n"]
FAST = ["--format", "csv-excel,json", "-q", "--no-config"]


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def check(inputs: list[Path], out: Path, *extra: str) -> int:
    return main(["check", *map(str, inputs), "--out", str(out), *FAST, *extra])


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list, Path, int]:
    root = tmp_path_factory.mktemp("faults")
    inputs, cases = build(root / "in")
    out = root / "out"
    code = check(inputs, out)
    return inputs, cases, out, code


def test_an_unreadable_input_gives_exit_code_2_and_reports_are_still_written(faults) -> None:
    _, _, out, code = faults
    assert code == 2
    assert {"documents.csv", "findings.csv", "segments.csv", "summary.json", "report.json"} <= {
        p.name for p in out.iterdir()
    }


def test_every_input_document_has_one_row_with_its_status(faults) -> None:
    _, cases, out, _ = faults
    rows = table(out / "documents.csv")
    assert sorted(row["doc_id"] for row in rows) == sorted(case.doc_id for case in cases)
    status = {row["doc_id"]: row["status"] for row in rows}
    assert {case.doc_id: status[case.doc_id] for case in cases} == {case.doc_id: case.status for case in cases}


def test_each_broken_input_is_reported_with_rule_file_place_and_reason(faults) -> None:
    _, cases, out, _ = faults
    findings = table(out / "findings.csv")
    for case in cases:
        if not case.rule:
            continue
        mine = [f for f in findings if f["doc_id"] == case.doc_id and f["rule"] == case.rule]
        assert len(mine) == 1, (case, mine)
        finding = mine[0]
        assert "/in/" in finding["location"], finding  # the file
        assert case.where in finding["location"], (case, finding["location"])  # the line or unit
        reason = finding["message"].rpartition(": ")[2]
        assert len(reason) > 10 and reason.endswith("."), finding["message"]


def test_every_readable_document_is_still_checked(faults) -> None:
    _, cases, out, _ = faults
    rows = {row["doc_id"]: row for row in table(out / "documents.csv")}
    for case in cases:
        if case.status == "ok":
            row = rows[case.doc_id]
            assert int(row["tgt_sentences"]) > 0 and int(row["pairs"]) > 0, row
            assert int(row["src_sentences"]) > 0, row


def test_boms_and_nuls_do_not_reach_the_text(faults) -> None:
    _, _, out, _ = faults
    segments = table(out / "segments.csv")
    texts = {(row["doc_id"], row["source"] + row["target"]) for row in segments}
    assert all("\ufeff" not in text and "\x00" not in text for _, text in texts)
    assert {doc for doc, text in texts if "meeting discussed" in text} >= {"bom8", "bom16le", "nul", "good1"}


def test_xml_attacks_expand_nothing_and_leak_nothing(faults) -> None:
    _, _, out, _ = faults
    everything = "".join(p.read_text(encoding="utf-8-sig") for p in out.iterdir() if p.is_file())
    assert "lollollol" not in everything and "root:" not in everything


def test_counts_reconcile_for_the_fault_corpus(faults) -> None:
    inputs, _, out, _ = faults
    reconcile(inputs, out)


def test_counts_reconcile_for_the_sample_corpora(tmp_path: Path) -> None:
    check(SAMPLES, tmp_path)
    reconcile(SAMPLES, tmp_path)


def reconcile(inputs: list[Path], out: Path) -> None:
    """Documents in = rows in documents.csv = summary; pairs and sentences agree in every table; every
    non-blank target unit's text is found in segments.csv."""
    docs = read_inputs(inputs)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))["counts"]
    rows = table(out / "documents.csv")
    segments = table(out / "segments.csv")
    assert len(docs) == len(rows) == summary["documents"]
    assert sorted(doc.doc_id for doc in docs) == sorted(row["doc_id"] for row in rows)
    assert sum(summary["documents_by_status"].values()) == summary["documents"]
    assert summary["pairs"] == len(segments) == sum(int(row["pairs"] or 0) for row in rows)
    assert summary["source_sentences"] == sum(int(row["src_sentences"] or 0) for row in rows)
    assert summary["target_sentences"] == sum(int(row["tgt_sentences"] or 0) for row in rows)
    status = {row["doc_id"]: row["status"] for row in rows}
    squash = {}
    for row in segments:
        squash[row["doc_id"]] = squash.get(row["doc_id"], "") + "".join(row["target"].split())
    for doc in docs:
        if doc.target is None or status[doc.doc_id] == "input-error":
            continue
        for unit in doc.target.units:
            assert "".join(unit.text.split()) in squash.get(doc.doc_id, ""), (doc.doc_id, unit.location)


def test_a_1mb_sentence_is_checked_in_reasonable_time(tmp_path: Path) -> None:
    """One 1 MB "sentence" on each side (no punctuation to split on): must not make alignment quadratic."""
    corpus = tmp_path / "big"
    (corpus / "src").mkdir(parents=True)
    (corpus / "mt").mkdir()
    (corpus / "src" / "big.txt").write_text(("会议讨论了贸易问题" * 40_000)[:350_000], encoding="utf-8")
    (corpus / "mt" / "big.txt").write_text(("the meeting discussed trade " * 40_000)[:1_000_000], encoding="utf-8")
    (corpus / "src" / "small.txt").write_text(ZH, encoding="utf-8")
    (corpus / "mt" / "small.txt").write_text(EN, encoding="utf-8")
    script = (
        "import sys; from transcheck.cli import main; "
        f"sys.exit(main(['check', {str(corpus)!r}, '--out', {str(tmp_path / 'out')!r}, "
        "'--format', 'csv-excel', '-q', '--no-config', '--src-lang', 'zh', '--tgt-lang', 'en']))"
    )
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], timeout=180, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    assert done.returncode in (0, 1), done.stderr[-2000:]
    rows = {row["doc_id"]: row for row in table(tmp_path / "out" / "documents.csv")}
    assert set(rows) == {"big", "small"} and rows["big"]["status"] == "ok"
    assert elapsed < 180


def test_an_input_over_the_size_limit_is_refused_and_the_others_are_checked(tmp_path: Path) -> None:
    """--max-input-mb, from the command line (0.00025: 262 bytes) and from the settings file."""
    inputs, _ = build(tmp_path / "in")
    files, limit = inputs[1], int(0.00025 * 2**20)
    sizes = {path.name: path.stat().st_size for path in files.iterdir()}
    assert check([files], tmp_path / "out", "--max-input-mb", "0.00025") == 2
    findings = table(tmp_path / "out" / "findings.csv")
    refused = {
        Path(f["location"]).name: f["message"]
        for f in findings
        if f["rule"] == "I001" and "limit on one input file" in f["message"]
    }
    assert set(refused) == {name for name, size in sizes.items() if size > limit}
    assert f"({sizes['tmgood.tmx']:,} bytes), over the {limit} bytes limit" in refused["tmgood.tmx"]
    status = {row["doc_id"]: row for row in table(tmp_path / "out" / "documents.csv")}
    for small in ("tsvgood", "pogood", "conflict"):  # under the limit: read and checked as before
        assert status[small]["status"] == "ok" and int(status[small]["pairs"]) > 0
    assert status["tmgood"]["status"] == "input-error"

    settings = tmp_path / "transcheck.toml"
    settings.write_text("max-input-mb = 0.00025\n", encoding="utf-8")
    out = tmp_path / "out2"
    assert main(["check", str(files), "--out", str(out), "--config", str(settings), "--format", "csv-excel", "-q"]) == 2
    assert table(out / "documents.csv") == table(tmp_path / "out" / "documents.csv")
    with pytest.raises(SystemExit):
        check([files], tmp_path / "out3", "--max-input-mb", "0")


@pytest.mark.parametrize("make", [laughs_tbx, xxe_tbx])
def test_hostile_tbx_glossary_is_refused_without_expansion(tmp_path: Path, make, capsys) -> None:
    glossary = make(tmp_path / "terms.tbx")
    inputs, _ = build(tmp_path / "in")
    code = check(inputs[:1], tmp_path / "out", "--glossary", str(glossary))
    assert code == 2
    err = capsys.readouterr().err
    assert "terms.tbx" in err and "lollol" not in err and "root:" not in err


# --- output safety ------------------------------------------------------------------------------------------

HOSTILE_IDS = ["../../escape", "/etc/evil", "..\\..\\win", "nul\x00byte", "ctl\x1b[2J\x07", "a/../../b", "~/.ssh/x"]


def test_hostile_doc_ids_never_make_files_outside_out(tmp_path: Path) -> None:
    """doc_ids from a table (any text) and odd file names: every file written stays inside --out."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    rows = ["doc_id\tsource\ttarget"]
    rows += [
        f"{doc_id.replace(chr(0), '')}\t会议讨论了贸易问题。\tThe meeting discussed trade." for doc_id in HOSTILE_IDS
    ]
    (inputs / "ids.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (inputs / "odd ..;$(x) name.tsv").write_text("source\ttarget\n会议。\tMeeting.\n", encoding="utf-8")
    (inputs / "nul.jsonl").write_text(
        json.dumps({"doc_id": "../nul\x00/id", "source": "会议。", "target": "Meeting."}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "deep" / "out"
    before = {p for p in tmp_path.rglob("*")}
    code = main(["check", str(inputs), "--out", str(out), "--format", "all", "-q", "--no-config"])
    assert code in (0, 1)
    after = {p for p in tmp_path.rglob("*")}
    new = {p for p in after - before}
    assert new and all(p == out.parent or out in p.parents or p == out for p in new), sorted(map(str, new))
    rows_out = table(out / "documents.csv")
    assert len(rows_out) == len(HOSTILE_IDS) + 2


# --- interrupted writes -------------------------------------------------------------------------------------


def test_a_writer_failing_halfway_leaves_the_previous_reports(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    assert check(SAMPLES[:1], out) in (0, 1)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    original = writer.FORMATS["json"]

    def half_then_fail(tables, folder: Path) -> list[Path]:
        (folder / "report.json").write_text('{"half": ', encoding="utf-8")
        raise RuntimeError("disk full")

    monkeypatch.setitem(writer.FORMATS, "json", writer.Format("json", original.files, half_then_fail, ""))
    with pytest.raises(RuntimeError, match="disk full"):
        check(SAMPLES, out)  # a different corpus: different reports, had they been written
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".transcheck-")]


# --- determinism --------------------------------------------------------------------------------------------


def test_reports_are_byte_identical_by_default_and_timing_is_opt_in(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TRANSCHECK_TIMING", raising=False)
    for name in ("one", "two"):
        assert check(SAMPLES[:1], tmp_path / name) in (0, 1)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert "run" not in json.loads((tmp_path / "one" / "summary.json").read_text(encoding="utf-8"))

    assert check(SAMPLES[:1], tmp_path / "timed", "--timing") in (0, 1)
    monkeypatch.setenv("TRANSCHECK_TIMING", "1")
    assert check(SAMPLES[:1], tmp_path / "env") in (0, 1)
    for name in ("timed", "env"):
        summary = json.loads((tmp_path / name / "summary.json").read_text(encoding="utf-8"))
        assert isinstance(summary["run"]["seconds"], float) and summary["run"]["seconds"] >= 0
        assert (tmp_path / name / "report.json").read_bytes() == (tmp_path / "one" / "report.json").read_bytes()
        assert (tmp_path / name / "documents.csv").read_bytes() == (tmp_path / "one" / "documents.csv").read_bytes()


def test_a_replacement_killed_halfway_is_finished_by_the_next_write(tmp_path: Path) -> None:
    import json

    from transcheck.reports.writer import JOURNAL_FILE, finish_interrupted_commit

    out = tmp_path / "r"
    out.mkdir()
    for name in ("findings.csv", "summary.json"):
        (out / name).write_text("old", encoding="utf-8")
    staging = out / ".transcheck-abc"
    staging.mkdir()
    (staging / "summary.json").write_text("new", encoding="utf-8")
    (out / "findings.csv").write_text("new", encoding="utf-8")  # moved before the process was killed
    (out / JOURNAL_FILE).write_text(
        json.dumps({"staging": staging.name, "files": ["findings.csv", "summary.json"]}), encoding="utf-8"
    )
    assert finish_interrupted_commit(out)
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {
        "findings.csv": "new",
        "summary.json": "new",
    }
    assert not finish_interrupted_commit(out)  # nothing left to finish


def test_a_journal_cannot_move_files_out_of_the_folder(tmp_path: Path) -> None:
    import json

    from transcheck.reports.writer import JOURNAL_FILE, finish_interrupted_commit

    out = tmp_path / "r"
    staging = out / ".transcheck-x"
    staging.mkdir(parents=True)
    (out / JOURNAL_FILE).write_text(json.dumps({"staging": staging.name, "files": ["../evil.txt"]}), encoding="utf-8")
    (out / "evil.txt").write_text("x", encoding="utf-8")  # what staging/../evil.txt names
    finish_interrupted_commit(out)
    assert not (tmp_path / "evil.txt").exists()  # out/../evil.txt is outside the folder: not moved there
    assert not (out / JOURNAL_FILE).exists()
