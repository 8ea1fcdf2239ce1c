"""End to end on the sample corpora: the answer key in corpora/news-zh-en/README.md, exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import transcheck
from transcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "corpora" / "news-zh-en"
DOCS = ROOT / "corpora" / "docs-l10n"
GLOSSARY = NEWS / "glossary.csv"

# (document, rule family) of every planted defect; every other document must have no finding at all.
ANSWER_KEY = {
    ("a03", "N"),
    ("a04", "T"),
    ("a05", "D"),
    ("a06", "A"),
    ("a07", "L"),
    ("app-ui", "D"),
    ("user-guide", "L"),
    ("user-guide", "A"),
}
CLEAN = {"a01", "a02", "a08", "a09", "a10"}


@pytest.fixture(scope="module")
def tables() -> transcheck.reports.ReportTables:
    return transcheck.check([NEWS, DOCS], glossary=GLOSSARY)


def test_every_planted_defect_is_found_and_nothing_else(tables) -> None:
    found = {(row.doc_id, row.rule[0]) for row in tables.findings.itertuples()}
    assert found == ANSWER_KEY
    assert not set(tables.findings["doc_id"]) & CLEAN


def test_garbled_korean_name_has_standard_spelling_as_suggestion(tables) -> None:
    names = tables.findings[tables.findings["rule"].str.startswith("N")]
    assert set(names["evidence"]) == {"Yoon Suk-yue"}
    assert set(names["suggestion"]) == {"Yoon Suk-yeol"}
    assert len(names) == 4  # every occurrence in a03, each with its own sentence
    assert names["target"].str.contains("Yoon Suk-yue").all()
    assert names["source"].str.contains("尹锡悦").all()


def test_tenfold_number_error_is_a_change_with_the_source_value(tables) -> None:
    d = tables.findings[(tables.findings["doc_id"] == "a05")]
    assert list(d["rule"]) == ["D003"]
    assert d.iloc[0]["evidence"] == "3,000"
    assert d.iloc[0]["suggestion"] == "30,000"
    ui = tables.findings[(tables.findings["doc_id"] == "app-ui")]
    assert list(zip(ui["rule"], ui["evidence"], ui["suggestion"], strict=True)) == [("D003", "250", "25")]


def test_dropped_sentence_is_the_omission(tables) -> None:
    omission = tables.findings[(tables.findings["doc_id"] == "a06")]
    assert list(omission["rule"]) == ["A001"]
    assert omission.iloc[0]["evidence"].startswith("该党认为，日本企业既没有参与出资")
    empty_target = tables.findings[(tables.findings["doc_id"] == "user-guide") & (tables.findings["rule"] == "A001")]
    assert empty_target.iloc[0]["evidence"].startswith("You can restore a deleted note")


def test_untranslated_sentences(tables) -> None:
    left = tables.findings[tables.findings["rule"] == "L002"].set_index("doc_id")
    assert left.loc["a07", "evidence"].startswith("韩国舆论普遍认为")
    assert left.loc["user-guide", "evidence"].startswith("Collaborators can edit shared notes")


def test_glossary_term(tables) -> None:
    term = tables.findings[tables.findings["doc_id"] == "a04"]
    assert list(term["rule"]) == ["T001"]
    assert term.iloc[0]["evidence"] == "军事情报保护协定"
    assert term.iloc[0]["suggestion"] == "GSOMIA"
    assert "military intelligence protection agreement" in term.iloc[0]["target"]


def test_documents_table_and_scores(tables) -> None:
    docs = tables.documents.set_index("doc_id")
    assert sorted(docs.index) == sorted([f"a{i:02d}" for i in range(1, 11)] + ["app-ui", "user-guide"])
    assert (docs["status"] == "ok").all()
    assert docs.loc["a06", "omissions"] == 1
    assert docs.loc["a01", "src_lang"] == "zh" and docs.loc["a01", "tgt_lang"] == "en"
    assert docs.loc["app-ui", "src_lang"] == "en" and docs.loc["app-ui", "tgt_lang"].startswith("zh")
    scored = docs[docs["bleu"].notna()]
    assert sorted(scored.index) == ["a01", "a02", "a05"]
    assert ((scored["chrf"] > 30) & (scored["chrf"] <= 100)).all()
    summary = tables.summary
    assert set(summary["scores"]) == {"en"}
    assert summary["scores"]["en"]["signatures"]["bleu"].startswith("nrefs:1|")
    assert summary["counts"]["documents"] == 12


def test_cli_writes_reports_and_exit_code(tmp_path: Path, capsys) -> None:
    out = tmp_path / "reports"
    code = main(["check", str(NEWS), str(DOCS), "--glossary", str(GLOSSARY), "--out", str(out)])
    assert code == 1
    for name in ("findings.csv", "segments.csv", "documents.csv", "names.csv", "summary.json"):
        assert (out / name).is_file()
    findings = pd.read_csv(out / "findings.csv", encoding="utf-8-sig")
    row = findings[findings["evidence"] == "Yoon Suk-yue"].iloc[0]
    assert row["suggestion"] == "Yoon Suk-yeol"
    assert "a03" in capsys.readouterr().out
    assert main(["check", str(NEWS), "--out", str(tmp_path / "r2"), "--fail-on", "never", "-q"]) == 0


def test_same_input_gives_byte_identical_reports(tmp_path: Path) -> None:
    args = ["check", str(NEWS), str(DOCS), "--glossary", str(GLOSSARY), "-q", "--out"]
    main([*args, str(tmp_path / "one")])
    main([*args, str(tmp_path / "two")])
    for name in ("findings.csv", "segments.csv", "documents.csv", "names.csv", "summary.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_broken_inputs_are_reported_and_everything_else_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    shutil.copytree(NEWS, corpus)
    (corpus / "src" / "b01.txt").write_text("这是一个测试。\n", encoding="utf-8")
    (corpus / "mt" / "b01.txt").write_bytes(b"\xff\xfe\xfa broken \x81\x00\xc3\x28 bytes")
    (corpus / "src" / "b02.txt").write_text("空的翻译。\n", encoding="utf-8")
    (corpus / "mt" / "b02.txt").write_text("\n  \n", encoding="utf-8")
    xliff = tmp_path / "broken.xlf"
    xliff.write_text('<xliff version="1.2"><file source-language="en"><body><trans-unit id="1">', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["check", str(corpus), str(xliff), "--out", str(out), "-q"])
    assert code == 2  # unreadable input
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig").set_index("doc_id")
    assert {"b01", "b02", "broken", "a01", "a10"} <= set(docs.index)
    assert docs.loc["b01", "status"] == "input-error"
    assert docs.loc["broken", "status"] == "input-error"
    assert docs.loc["b02", "status"] == "empty"
    findings = pd.read_csv(out / "findings.csv", encoding="utf-8-sig")
    errors = findings[findings["rule"] == "I001"]
    assert set(errors["doc_id"]) == {"b01", "broken"}
    assert errors["message"].str.contains("b01.txt").any()
    assert errors["message"].str.contains("broken.xlf").any()
    # the good documents were still checked: the planted name defect is still found
    assert (findings["evidence"] == "Yoon Suk-yue").any()


def test_corpus_lexicon_is_learned_once_per_language_pair_before_checking() -> None:
    from transcheck.engine import Settings, prepare_aligner
    from transcheck.readers import read_inputs

    calls: list[tuple[str, str, int]] = []

    class Spy:
        def fit(self, blocks: list[tuple[list[str], list[str]]], src_lang: str, tgt_lang: str) -> None:
            calls.append((src_lang, tgt_lang, len(blocks)))

    documents = read_inputs([str(NEWS), str(DOCS)])
    prepare_aligner(Spy(), documents, Settings())  # type: ignore[arg-type]
    # the ten news articles are aligned by the aligner; the XLIFF files pair their units and are left out
    assert calls == [("zh", "en", 10)]
