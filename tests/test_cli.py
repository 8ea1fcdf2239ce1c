"""Tests for transcheck.cli.main: the rules, check, names and align commands and their exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from transcheck.checks.rules import RULES
from transcheck.cli import main
from transcheck.reports.writer import REPORT_FILES

SOURCE = "约有3万人周六在首尔举行集会。\n集会者要求政府重新考虑赔偿方案。\n"
CHANGED = (
    "About 3,000 people rallied in Seoul on Saturday.\nThe protesters demanded that the government "
    "reconsider the compensation plan.\n"
)
CORRECT = CHANGED.replace("3,000", "30,000")


def corpus(root: Path, target: str) -> Path:
    for side, text in (("src", SOURCE), ("mt", target)):
        (root / side).mkdir(parents=True, exist_ok=True)
        (root / side / "a.txt").write_text(text, encoding="utf-8")
    return root


def findings(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig"), newline="")))


# --- rules -------------------------------------------------------------------------------------------------


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    listed = re.findall(r"^([A-Z]\d{3})\s", out, re.MULTILINE)
    assert listed == list(RULES)
    assert "number-changed" in out


def test_rules_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "N001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("N001 name-nonstandard (error)")
    assert RULES["N001"].explanation in out


def test_rules_code_is_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "d003"]) == 0
    assert capsys.readouterr().out.startswith("D003 number-changed")


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "XYZ"]) == 2
    captured = capsys.readouterr()
    assert "XYZ" in captured.err
    assert captured.out == ""


def test_no_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


# --- check -------------------------------------------------------------------------------------------------


def test_check_writes_reports_and_fails_on_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = corpus(tmp_path / "corpus", CHANGED)
    out = tmp_path / "reports"
    assert main(["check", str(root), "--out", str(out), "--src-lang", "zh", "--tgt-lang", "en"]) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(REPORT_FILES)
    rows = findings(out)
    assert [(r["rule"], r["doc_id"], r["suggestion"]) for r in rows] == [("D003", "a", "30,000")]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["documents"] == 1
    assert summary["settings"]["src_lang"] == "zh"
    printed = capsys.readouterr().out
    assert "D003" in printed and "1 documents" in printed


def test_check_with_a_model_that_cannot_be_loaded_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = corpus(tmp_path / "corpus", CHANGED)
    out = tmp_path / "reports"
    code = main(["check", str(root), "--out", str(out), "--model", str(tmp_path / "no-such-model")])
    assert code == 2
    assert "no-such-model" in capsys.readouterr().err


def test_check_detects_languages(tmp_path: Path) -> None:
    root = corpus(tmp_path / "corpus", CHANGED)
    assert main(["check", str(root), "--out", str(tmp_path / "r"), "-q"]) == 1
    assert [r["rule"] for r in findings(tmp_path / "r")] == ["D003"]


def test_fail_on_never_returns_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = corpus(tmp_path / "corpus", CHANGED)
    out = tmp_path / "reports"
    assert (
        main(
            ["check", str(root), "--out", str(out), "--src-lang", "zh", "--tgt-lang", "en", "--fail-on", "never", "-q"]
        )
        == 0
    )
    assert [r["rule"] for r in findings(out)] == ["D003"]  # the finding is still reported
    assert capsys.readouterr().out == ""  # -q


def test_clean_translation_returns_zero(tmp_path: Path) -> None:
    root = corpus(tmp_path / "corpus", CORRECT)
    out = tmp_path / "reports"
    assert main(["check", str(root), "--out", str(out), "--src-lang", "zh", "--tgt-lang", "en", "-q"]) == 0
    assert findings(out) == []


def test_warning_fails_only_at_warning_level(tmp_path: Path) -> None:
    added = CORRECT.replace("Saturday.", "Saturday, 2 hours later.")  # D002 is a warning
    root = corpus(tmp_path / "corpus", added)
    args = ["check", str(root), "--out", str(tmp_path / "r"), "--src-lang", "zh", "--tgt-lang", "en", "-q"]
    assert main(args) == 0
    assert [r["severity"] for r in findings(tmp_path / "r")] == ["warning"]
    assert main([*args, "--fail-on", "warning"]) == 1


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports"
    assert main(["check", str(tmp_path / "does-not-exist"), "--out", str(out)]) == 2
    assert "does-not-exist" in capsys.readouterr().err


def test_missing_glossary_is_a_usage_error(tmp_path: Path) -> None:
    root = corpus(tmp_path / "corpus", CORRECT)
    assert main(["check", str(root), "--out", str(tmp_path / "r"), "--glossary", str(tmp_path / "none.csv"), "-q"]) == 2


def test_glossary_is_applied(tmp_path: Path) -> None:
    root = corpus(tmp_path / "corpus", CORRECT)
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("source,target\n集会者,demonstrators\n", encoding="utf-8")
    out = tmp_path / "r"
    assert (
        main(
            [
                "check",
                str(root),
                "--out",
                str(out),
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
                "--glossary",
                str(glossary),
                "-q",
            ]
        )
        == 0
    )  # T001 is a warning
    assert [(r["rule"], r["suggestion"]) for r in findings(out)] == [("T001", "demonstrators")]


# --- align -------------------------------------------------------------------------------------------------


def test_align_presplit_prints_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text(
        "约有3万人参加集会。\n集会者要求政府重新考虑赔偿方案。\n\n韩国外交部表示将继续与受害者沟通。\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "About 30,000 people attended the rally.\nThe protesters demanded that the government "
        "reconsider the compensation plan.\nSouth Korea's foreign ministry said it would continue to "
        "communicate with the victims.\n",
        encoding="utf-8",
    )
    assert main(["align", str(src), str(tgt), "--presplit", "--src-lang", "zh", "--tgt-lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert all(re.fullmatch(r"\[[\d, ]*\]:\[[\d, ]*\]", line) for line in lines)


def test_align_presplit_keeps_lines_as_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("First one. Second one.\n", encoding="utf-8")
    tgt.write_text("Erster Satz. Zweiter Satz.\n", encoding="utf-8")
    assert main(["align", str(src), str(tgt), "--presplit", "--src-lang", "en", "--tgt-lang", "de"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[0]:[0]"]
    assert main(["align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "de"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[0]:[0]", "[1]:[1]"]


def test_align_tsv_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("集会者要求政府重新考虑赔偿方案。\n", encoding="utf-8")
    tgt.write_text("The protesters demanded that the government reconsider the compensation plan.\n", encoding="utf-8")
    assert main(["align", str(src), str(tgt), "--presplit", "--format", "tsv"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    score, source, target = line.split("\t")
    assert 0.0 <= float(score) <= 1.0
    assert source == "集会者要求政府重新考虑赔偿方案。"
    assert target.startswith("The protesters")


def test_align_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["align", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt"), "--presplit"]) == 2


def test_align_prints_null_links_and_merged_beads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text(
        "韩国总统尹锡悦周四抵达东京，开始为期两天的访问。\n"
        "分析人士认为，这次访问标志着两国关系的重要转折，但国内舆论仍然存在明显分歧，许多强制劳工受害者及其家属"
        "公开批评政府的赔偿方案，认为日本企业没有直接道歉也没有直接出资。\n"
        "据韩国媒体报道，约有3万人周六在首尔市中心举行集会。\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday.\n"
        "It was the start of a two-day visit.\n"
        "About 30,000 people rallied in central Seoul on Saturday, South Korean media reported.\n",
        encoding="utf-8",
    )
    assert main(["align", str(src), str(tgt), "--presplit", "--src-lang", "zh", "--tgt-lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[0]:[0, 1]", "[1]:[]", "[2]:[2]"]


def test_align_with_a_model_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "s.txt"
    src.write_text("One.\n", encoding="utf-8")
    missing = tmp_path / "no-such-model"
    code = main(["align", str(src), str(src), "--presplit", "--model", str(missing)])
    assert code == 2
    assert "no-such-model" in capsys.readouterr().err


# --- names -------------------------------------------------------------------------------------------------

NEWS = Path(__file__).resolve().parents[1] / "corpora" / "news-zh-en"


def test_names_prints_one_row_per_family_and_fails_on_a_nonstandard_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["names", str(NEWS)]) == 1  # "Yoon Suk-yue" in a03
    out = capsys.readouterr().out
    [yoon] = [line for line in out.splitlines() if line.startswith("Yoon Suk-yeol")]
    assert "尹锡悦" in yoon and "nonstandard" in yoon and "Yoon Suk-yue ×4" in yoon
    assert "Yoon Suk-yue: a03" in out
    assert re.search(r"^Fumio Kishida +岸田文雄 +consistent", out, re.MULTILINE)


def test_names_csv_and_json_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["names", str(NEWS), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_standard = {row["standard"]: row for row in rows}
    assert by_standard["Yoon Suk-yeol"]["verdict"] == "nonstandard"
    assert by_standard["Xi Jinping"]["verdict"] == "consistent"
    main(["names", str(NEWS), "--format", "json", "--out", str(tmp_path / "reports")])
    records = json.loads(capsys.readouterr().out)
    assert [r["standard"] for r in records] == [row["standard"] for row in rows]
    assert (tmp_path / "reports" / "names.csv").exists()


def test_names_on_translations_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "story.en.txt"
    text.write_text(
        "President Yoon Suk-yue met Prime Minister Fumio Kishida in Tokyo.\n"
        "Yoon Suk-yue said the two countries share values.\n",
        encoding="utf-8",
    )
    assert main(["names", str(text), "--target-only", "--tgt-lang", "en", "--format", "csv"]) == 1
    rows = {row["standard"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    # no source, but the lexicon knows the person: the garble is judged against the standard spelling
    assert (rows["Yoon Suk-yeol"]["dominant"], rows["Yoon Suk-yeol"]["verdict"]) == ("Yoon Suk-yue", "nonstandard")
    assert rows["Fumio Kishida"]["verdict"] == "consistent"
