"""Tests for transcheck.baseline: --write-baseline / --baseline, so that CI fails only on new findings."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from transcheck import __version__
from transcheck.baseline import BaselineError, baseline_bytes, baseline_ids, read_baseline, write_baseline
from transcheck.cli import main
from transcheck.model import Finding, Severity


def finding(rule: str, evidence: str, suppressed: bool = False) -> Finding:
    return Finding(rule, Severity.ERROR, "doc", "message", pair_id=0, evidence=evidence, suppressed=suppressed)


def test_ids_exclude_suppressed_findings_and_are_sorted_once_each() -> None:
    a, b, c = finding("N001", "Yoon Suk-yue"), finding("D003", "3,000"), finding("D001", "5", suppressed=True)
    assert baseline_ids([a, b, a, c]) == sorted([a.finding_id, b.finding_id])


def test_the_file_has_fixed_bytes(tmp_path: Path) -> None:
    data = baseline_bytes(["N001-b", "D003-a", "N001-b"])
    assert data == baseline_bytes(["D003-a", "N001-b"])
    assert json.loads(data) == {
        "version": 1,
        "tool": {"name": "transcheck", "version": __version__},
        "findings": ["D003-a", "N001-b"],
    }
    assert data.endswith(b"\n") and b"\r" not in data
    path = tmp_path / "deep" / "baseline.json"
    findings = [finding("N001", "Yoon Suk-yue"), finding("D003", "3,000")]
    assert write_baseline(path, findings) == 2
    first = path.read_bytes()
    write_baseline(path, list(reversed(findings)))
    assert path.read_bytes() == first
    assert read_baseline(path) == {f.finding_id for f in findings}
    assert [p.name for p in path.parent.iterdir()] == ["baseline.json"]  # no staging file left behind


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such baseline file"),
        ("not json", "not JSON"),
        ("[]", 'no list of "findings"'),
        ('{"version": 2, "findings": []}', "version 2 is not supported"),
        ('{"version": 1, "findings": [1]}', "must be a finding id"),
    ],
)
def test_a_bad_baseline_is_a_usage_error_naming_the_file(tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as exc:
        read_baseline(path)
    assert str(exc.value).startswith(str(path)) and words in str(exc.value)


# --- end to end ----------------------------------------------------------------------------------------------

ROWS = [
    ("约有3万人参加集会。", "About 3,000 people attended the rally."),
    ("韩国总统尹锡悦周四抵达东京。", "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday."),
    ("集会者要求政府重新考虑赔偿方案。", "The protesters demanded that the government reconsider the plan."),
]
NEW_DEFECT = ("他买了5个苹果。", "He bought some apples.")


def tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")
    return path


def findings_csv(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(inputs: Path, *extra: str) -> list[str]:
    return ["check", str(inputs), "--src-lang", "zh", "--tgt-lang", "en", "--out", "out", "-q", *extra]


def test_baseline_round_trip(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tsv(here / "pairs.tsv", ROWS)
    assert main(check(pairs)) == 1
    # accepting today's findings: the baseline is written and the run passes
    assert (
        main(
            ["check", str(pairs), "--src-lang", "zh", "--tgt-lang", "en", "--out", "out", "--write-baseline", "b.json"]
        )
        == 0
    )
    assert "2 finding ids written to b.json" in capsys.readouterr().out
    written = (here / "b.json").read_bytes()
    assert sorted(json.loads(written)["findings"]) == sorted(r["finding_id"] for r in findings_csv(here / "out"))
    assert main(check(pairs, "--write-baseline", "b.json")) == 0
    assert (here / "b.json").read_bytes() == written  # same findings, same bytes

    # with the baseline: the old findings are still reported, marked, and do not fail the run
    assert main(check(pairs, "--baseline", "b.json")) == 0
    rows = findings_csv(here / "out")
    assert [(r["rule"], r["baselined"]) for r in rows] == [("D003", "True"), ("N001", "True")]
    summary = json.loads((here / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["findings_baselined"] == 2 and summary["counts"]["findings_new"] == 0
    assert summary["baseline"] == {"entries": 2, "matched": 2, "unmatched": 0}
    assert summary["settings"]["baseline"] == "b.json"

    # a new defect (appended, so the old findings keep their places) fails the run on its own
    tsv(pairs, [*ROWS, NEW_DEFECT])
    assert main(check(pairs, "--baseline", "b.json")) == 1
    rows = findings_csv(here / "out")
    assert [(r["rule"], r["baselined"]) for r in rows] == [("D003", "True"), ("N001", "True"), ("D001", "False")]
    summary = json.loads((here / "out" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["counts"]["findings_baselined"], summary["counts"]["findings_new"]) == (2, 1)

    # fixed defects leave entries in the baseline that match nothing
    tsv(pairs, [ROWS[2]])
    assert main(check(pairs, "--baseline", "b.json")) == 0
    summary = json.loads((here / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["baseline"] == {"entries": 2, "matched": 0, "unmatched": 2}


def test_baseline_from_the_settings_file(here: Path) -> None:
    pairs = tsv(here / "pairs.tsv", ROWS)
    (here / "ci").mkdir()
    assert main(check(pairs, "--write-baseline", "ci/accepted.json")) == 0
    (here / "ci" / "transcheck.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    assert main(check(pairs, "--config", "ci/transcheck.toml")) == 0


def test_a_missing_baseline_is_a_usage_error(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tsv(here / "pairs.tsv", ROWS)
    assert main(check(pairs, "--baseline", "nowhere.json")) == 2
    assert "nowhere.json: no such baseline file" in capsys.readouterr().err


def test_ids_survive_unrelated_text_inserted_above(here: Path) -> None:
    pairs = tsv(here / "pairs.tsv", ROWS)
    main(check(pairs))
    before = {(r["rule"], r["evidence"]): r["finding_id"] for r in findings_csv(here / "out")}
    tsv(pairs, [("两国关系紧张。", "Relations between the two countries are tense."), *ROWS])
    main(check(pairs))
    after = {(r["rule"], r["evidence"]): r["finding_id"] for r in findings_csv(here / "out")}
    assert after == before


def test_identical_findings_on_repeated_sentences_get_numbered_ids() -> None:
    from transcheck.model import Finding, Severity, number_repeated_ids

    same = [Finding("D003", Severity.ERROR, "doc", "changed", pair_id=k, source="3万", target="3,000") for k in (0, 4)]
    assert same[0].finding_id == same[1].finding_id  # content, not position
    first, second = number_repeated_ids(same)
    assert first.finding_id == same[0].finding_id and second.finding_id == f"{same[0].finding_id}-2"
