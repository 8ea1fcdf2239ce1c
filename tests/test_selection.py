"""Tests for transcheck.selection: --select/--ignore with ruff's semantics, and the rules' language defaults."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from transcheck.checks.rules import RULES
from transcheck.cli import main
from transcheck.engine import Settings, run
from transcheck.model import DocumentPair, Side, Unit
from transcheck.selection import (
    RuleSelection,
    SelectionError,
    SelectionLayer,
    parse_codes,
    resolve,
    selection_from,
    skipped_rules,
    target_is_cased,
)

NAME_RULES = ["N001", "N002", "N003", "N004"]


def enabled(*layers: tuple[str | None, str | None]) -> list[str]:
    built = [
        SelectionLayer(f"layer {k}", None if s is None else parse_codes(s, "s"), parse_codes(i or "", "i"))
        for k, (s, i) in enumerate(layers)
    ]
    return sorted(resolve(built).enabled)


# --- parsing -------------------------------------------------------------------------------------------------


def test_codes_are_split_trimmed_upper_cased_and_deduplicated() -> None:
    assert parse_codes(" n, D00 ,,n001,N", "--select") == ("N", "D00", "N001")
    assert parse_codes(["N001", "d003,T"], "x") == ("N001", "D003", "T")
    assert parse_codes("all", "x") == ("ALL",)


@pytest.mark.parametrize("bad", ["X", "N9", "N0011", "D00X", "*", "N-1"])
def test_a_code_that_matches_no_rule_is_an_error_naming_it(bad: str) -> None:
    with pytest.raises(SelectionError) as exc:
        parse_codes(f"N,{bad}", "--select")
    assert "--select" in str(exc.value)
    assert repr(bad.upper()) in str(exc.value)


# --- resolution ----------------------------------------------------------------------------------------------


def test_default_is_every_rule() -> None:
    assert RuleSelection().enabled == frozenset(RULES)
    assert enabled() == sorted(RULES)
    assert selection_from().enabled == frozenset(RULES)


def test_select_a_family_minus_one_rule() -> None:
    assert enabled(("N", "N003")) == ["N001", "N002", "N004"]


def test_the_longest_prefix_wins_whichever_list_it_is_in() -> None:
    assert enabled(("N001", "N")) == ["N001"]
    assert enabled(("D", "D00")) == []
    assert enabled(("D,D003", "D00")) == ["D003"]


def test_select_all_ignore_a_family() -> None:
    assert enabled(("ALL", "N")) == sorted(code for code in RULES if not code.startswith("N"))


def test_a_tie_goes_to_ignore() -> None:
    assert enabled(("N001", "N001")) == []


def test_a_layer_that_only_ignores_removes_from_what_came_before() -> None:
    assert enabled(("N,D", None), (None, "N002")) == sorted(c for c in RULES if c[0] in "ND" and c != "N002")
    assert enabled((None, "N,D")) == sorted(c for c in RULES if c[0] not in "ND")


def test_a_layer_that_selects_starts_afresh() -> None:
    # the settings file ignores N003; the command line selects N: N003 comes back, as in ruff
    assert enabled(("ALL", "N003"), ("N", None)) == NAME_RULES


def test_explicit_rules_are_those_named_in_full() -> None:
    selection = resolve([SelectionLayer("cli", ("N", "D003"), ())])
    assert selection.explicit == {"D003"}
    assert "N002" in selection and "A001" not in selection
    described = selection.describe()
    assert described["layers"] == [{"from": "cli", "select": ["N", "D003"], "ignore": []}]
    assert described["enabled"] == [*[c for c in RULES if c.startswith("D003")], *NAME_RULES]


# --- language defaults ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de", "ru", "el", "hy", "fr-CA", "sr-Latn", "zh-Latn", "vi", "tr"])
def test_cased_targets(lang: str) -> None:
    assert target_is_cased(lang)


@pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh_TW", "ja", "ko", "th", "ar", "he", "hi", "fa", "ka", "sr-Arab"])
def test_caseless_targets(lang: str) -> None:
    assert not target_is_cased(lang)


def test_an_undetermined_language_is_judged_by_its_letters() -> None:
    assert not target_is_cased("", ["これは日本語の文です。"])
    assert target_is_cased("und", ["Это русский текст."])
    assert target_is_cased(None, ["12 345"])  # no letters: nothing is skipped on a guess


def test_name_rules_declare_that_they_need_a_cased_target() -> None:
    assert [code for code, rule in RULES.items() if rule.needs_cased_target] == NAME_RULES


def test_skipped_rules_only_among_the_enabled_and_not_forced() -> None:
    every = RuleSelection()
    assert skipped_rules(every, "en").rules == ()
    skipped = skipped_rules(every, "ja")
    assert skipped.rules == tuple(NAME_RULES)
    assert "ja" in skipped.reason and "caseless" in skipped.reason
    assert skipped_rules(resolve([SelectionLayer("cli", ("ALL", "N001"), ())]), "ja").rules == (
        "N002",
        "N003",
        "N004",
    )
    assert skipped_rules(resolve([SelectionLayer("cli", ("D",), ())]), "ja").rules == ()


# --- through the engine --------------------------------------------------------------------------------------


def side(path: str, texts: list[str]) -> Side:
    return Side(path, tuple(Unit(text, f"line {i + 2}", i + 2) for i, text in enumerate(texts)))


def unit_aligned(doc_id: str, pairs: list[tuple[str, str]], tgt_lang: str = "en") -> DocumentPair:
    return DocumentPair(
        doc_id,
        side(f"{doc_id}.tsv", [s for s, _ in pairs]),
        side(f"{doc_id}.tsv", [t for _, t in pairs]),
        src_lang="zh",
        tgt_lang=tgt_lang,
        unit_aligned=True,
    )


YOON_ZH = "韩国总统尹锡悦周四抵达东京。"
EN = unit_aligned("en", [(YOON_ZH, "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday.")])
JA = unit_aligned("ja", [(YOON_ZH, "韓国のYoon Suk-yue大統領は木曜日に東京に到着した。")], "ja")


def test_name_rules_are_skipped_for_a_caseless_target_and_the_result_says_so() -> None:
    result = run([EN, JA], Settings())
    assert [(f.doc_id, f.rule) for f in result.findings] == [("en", "N001")]
    skipped = {r.doc.doc_id: r.skipped for r in result.documents}
    assert skipped["en"].rules == ()
    assert skipped["ja"].rules == tuple(NAME_RULES)
    assert not any(occ.doc_id == "ja" for r in result.documents for occ in r.names)  # not even linked


def test_selecting_a_name_rule_by_its_code_runs_it_on_a_caseless_target() -> None:
    result = run([EN, JA], Settings(selection=selection_from("N001")))
    assert [(f.doc_id, f.rule) for f in result.findings] == [("en", "N001"), ("ja", "N001")]
    assert all(r.skipped.rules == () for r in result.documents)


def test_deselected_findings_never_reach_the_result() -> None:
    doc = unit_aligned(
        "mix",
        [
            ("约有3万人参加集会。", "About 3,000 people attended the rally."),
            ("他买了5个苹果。", "He bought some apples."),
            (YOON_ZH, "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday."),
        ],
    )
    assert sorted(f.rule for f in run([doc], Settings()).findings) == ["D001", "D003", "N001"]
    assert [f.rule for f in run([doc], Settings(selection=selection_from("D", "D001"))).findings] == ["D003"]
    assert [f.rule for f in run([doc], Settings(selection=selection_from(ignore="D"))).findings] == ["N001"]


# --- command line --------------------------------------------------------------------------------------------

TSV = (
    "source\ttarget\n"
    "约有3万人参加集会。\tAbout 3,000 people attended the rally.\n"
    "他买了5个苹果。\tHe bought some apples.\n"
    f"{YOON_ZH}\tSouth Korean President Yoon Suk-yue arrived in Tokyo on Thursday.\n"
)


def rules_in(out: Path) -> list[str]:
    text = (out / "findings.csv").read_text(encoding="utf-8-sig")
    return sorted(row["rule"] for row in csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def tsv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no settings file above the test's folder is picked up
    path = tmp_path / "pairs.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


def check(tsv: Path, *extra: str) -> list[str]:
    return ["check", str(tsv), "--out", str(tsv.parent / "out"), "--src-lang", "zh", "--tgt-lang", "en", "-q", *extra]


def test_cli_select_and_ignore(tsv: Path) -> None:
    out = tsv.parent / "out"
    assert main(check(tsv)) == 1
    assert rules_in(out) == ["D001", "D003", "N001"]
    assert main(check(tsv, "--select", "N,D003", "--ignore", "N002")) == 1
    assert rules_in(out) == ["D003", "N001"]
    assert main(check(tsv, "--ignore", "D,N")) == 0
    assert rules_in(out) == []
    assert main(check(tsv, "--ignore", "N", "--select", "N001")) == 1
    assert rules_in(out) == ["N001"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["selection"]["enabled"] == ["N001"]
    assert summary["settings"]["selection"]["layers"] == [{"from": "command line", "select": ["N001"], "ignore": ["N"]}]
    assert summary["counts"]["findings_by_rule"] == {"N001": 1}


def test_cli_unknown_code_is_a_usage_error(tsv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check(tsv, "--select", "N,Q999")) == 2
    err = capsys.readouterr().err
    assert "--select" in err and "'Q999'" in err
    assert main(check(tsv, "--ignore", "Z")) == 2
    assert "--ignore" in capsys.readouterr().err
    assert not (tsv.parent / "out").exists()


def test_cli_names_command_takes_the_selection(tsv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ["names", str(tsv), "--src-lang", "zh", "--tgt-lang", "en"]
    assert main(names) == 1
    assert "Yoon Suk-yue" in capsys.readouterr().out
    assert main([*names, "--ignore", "N001"]) == 0  # the table is still printed, but the garble does not count
    assert "Yoon Suk-yue" in capsys.readouterr().out


def test_rules_command_tells_where_a_rule_applies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "N002"]) == 0
    out = capsys.readouterr().out
    assert "caseless script" in out and "--select N002" in out
    assert main(["rules", "D003"]) == 0
    assert "Withheld from a pair whose alignment failed" in capsys.readouterr().out
    assert main(["rules", "A001"]) == 0
    out = capsys.readouterr().out
    assert "caseless" not in out and "Withheld" not in out


def test_library_check_takes_select_and_ignore() -> None:
    import transcheck

    tables = transcheck.check(["corpora/news-zh-en"], select="N", ignore="N003")
    assert set(tables.findings["rule"]) <= {"N001", "N002", "N004"}
    assert "N001" in set(tables.findings["rule"])
