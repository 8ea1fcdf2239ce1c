"""Tests for transcheck.pairing: pairing source and translated documents by content when names differ."""

from __future__ import annotations

import csv
import json
import random
import shutil
from pathlib import Path

import pytest

import transcheck
from transcheck.checks.rules import RULES
from transcheck.cli import main
from transcheck.model import DocumentPair, Severity
from transcheck.names.lexicon import NameEntry, NameLexicon
from transcheck.pairing import (
    MARGIN,
    MIN_SCORE,
    assign,
    document_signature,
    pair_by_content,
    score_candidates,
)
from transcheck.readers import read_inputs
from transcheck.text.script import latin_equivalent_length

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "corpora" / "news-zh-en"
ARTICLES = [f"a{n:02d}" for n in range(1, 11)]

# Our own short texts on a subject far from the news corpus, for documents that must stay unpaired.
UNRELATED_ZH = "杭州西湖边的茶园今年春天采摘了约8500公斤龙井茶。\n茶农说，清明前采摘的茶叶价格最高，每斤可达4200元。\n"
UNRELATED_EN = (
    "The botanical garden in Lyon opened a new greenhouse for 640 orchid species on Tuesday.\n"
    "Visitors can book a guided tour at https://jardin.example.org/orchids for 12.50 euros.\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def renamed_corpus(tmp_path: Path, seed: int, articles: list[str] = ARTICLES) -> dict[str, str]:
    """The news sources under their names and their translations under shuffled story-NN names.

    Returns {translation file name: article it translates}.
    """
    for article in ARTICLES:
        shutil.copy(NEWS / "src" / f"{article}.txt", tmp_path / "src" / f"{article}.txt")
    numbers = random.Random(seed).sample(range(10, 99), len(articles))
    truth = {}
    for article, number in zip(articles, numbers, strict=True):
        name = f"story-{number}.txt"
        shutil.copy(NEWS / "mt" / f"{article}.txt", tmp_path / "mt" / name)
        truth[name] = article
    return truth


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "mt").mkdir()
    return tmp_path


def problem_rules(doc: DocumentPair) -> list[str]:
    return [problem.rule for problem in doc.problems]


def pairs_of(docs: list[DocumentPair]) -> dict[str, str | None]:
    """{source file name or '-': translation file name or None} for every document."""
    found: dict[str, str | None] = {}
    for doc in docs:
        key = Path(doc.source.path).name if doc.source else f"-{doc.doc_id}"
        found[key] = Path(doc.target.path).name if doc.target else None
    return found


# ---------------------------------------------------------------- signatures


def test_numbers_are_features_by_value_across_languages() -> None:
    zh = document_signature("美国目前在韩国驻扎着近3万名士兵，预算为15亿美元。", "zh")
    en = document_signature(
        "The United States keeps nearly 30,000 soldiers in South Korea on a $1.5 billion budget.", "en"
    )
    assert {"num:30000", "num:1500000000"} <= zh.features & en.features


def test_latin_tokens_urls_and_lexicon_names_are_shared_features() -> None:
    zh = document_signature("尹锡悦宣布《GSOMIA》恢复正常，详见https://www.example.kr/news/17。", "zh")
    en = document_signature("Yoon Suk-yeol said GSOMIA is back to normal; see https://www.example.kr/news/17.", "en")
    shared = zh.features & en.features
    assert {"name:yoon-suk-yeol", "tok:gsomia", "tok:https://www.example.kr/news/17"} <= shared
    assert en.alphabetic and not zh.alphabetic


def test_capitalised_words_open_no_sentence_and_count_only_between_alphabetic_languages() -> None:
    signature = document_signature("Talks ended. The mayor of Lyon met Anna Weber.", "en")
    assert {"cap:lyon", "cap:anna", "cap:weber"} <= signature.features
    assert "cap:talks" not in signature.features and "cap:the" not in signature.features
    de = document_signature("Der Bürgermeister von Lyon traf Anna Weber am Montag.", "de")
    zh = document_signature("里昂市长会见了Anna Weber。", "zh")
    assert {"tok:anna", "tok:weber"} <= zh.features  # any Latin word inside CJK text is kept verbatim
    scores_de = score_candidates([signature], [de])
    assert scores_de and next(iter(scores_de.values())) > 0


def test_user_lexicon_names_are_matched_in_both_scripts() -> None:
    lexicon = NameLexicon([NameEntry("zz-tester", "person", "zh", ("张测试",), "Zhang Ceshi", ("Zhang Ce-shi",))])
    zh = document_signature("张测试今天到访。", "zh", lexicon)
    en = document_signature("Zhang Ce-shi visited today.", "en", lexicon)
    assert "name:zz-tester" in zh.features & en.features


def test_latin_equivalent_length_weights_cjk_characters() -> None:
    assert latin_equivalent_length("中文") == 6.0
    assert latin_equivalent_length("ab c") == 3.0
    assert latin_equivalent_length("") == 0.0


def test_empty_documents_have_empty_signatures_and_never_pair() -> None:
    assert document_signature("", "zh").features == frozenset()
    assert document_signature("  \n ").features == frozenset()
    pairing = pair_by_content(["", "\n"], ["", "  "])
    assert pairing.matches == ()
    assert pairing.unpaired_sources == (0, 1) and pairing.unpaired_targets == (0, 1)
    assert pair_by_content([], ["text"]).unpaired_targets == (0,)


# ---------------------------------------------------------------- assignment


def test_assignment_needs_threshold_and_margin() -> None:
    keys = ["a", "b", "c"]
    clear = assign({(0, 0): 0.9, (0, 1): 0.3, (1, 1): 0.8}, 2, 2, keys[:2], keys[:2])
    assert [(m.source, m.target) for m in clear.matches] == [(0, 0), (1, 1)]
    low = assign({(0, 0): MIN_SCORE - 0.01}, 1, 1, keys[:1], keys[:1])
    assert low.matches == () and low.source_near_misses == {}
    close = 0.8 - MARGIN / 2
    ambiguous = assign({(0, 0): 0.8, (0, 1): close, (1, 1): 0.8, (1, 0): close}, 2, 2, keys[:2], keys[:2])
    assert ambiguous.matches == ()
    assert ambiguous.source_near_misses[0].target == 0 and ambiguous.source_near_misses[0].runner_up == close


def test_assignment_frees_documents_for_later_passes() -> None:
    """Target 1 competes for source 0 only until source 0 is taken by its clear best, target 0."""
    scores = {(0, 0): 0.95, (0, 1): 0.7, (1, 1): 0.75, (2, 2): 0.9}
    pairing = assign(scores, 3, 3, ["s0", "s1", "s2"], ["t0", "t1", "t2"])
    assert {(m.source, m.target) for m in pairing.matches} == {(0, 0), (1, 1), (2, 2)}


# ---------------------------------------------------------------- the news corpus, renamed


@pytest.mark.parametrize("seed", [1, 2])
def test_renamed_news_translations_are_all_paired_correctly(corpus: Path, seed: int) -> None:
    truth = renamed_corpus(corpus, seed)
    docs = read_inputs([corpus])
    assert [doc.doc_id for doc in docs] == ARTICLES  # the source's name, in the source's place
    for doc in docs:
        assert doc.source is not None and doc.target is not None
        assert truth[Path(doc.target.path).name] == doc.doc_id
        [note] = doc.problems
        assert note.rule == "I006" and note.path == doc.target.path
        assert note.reason.startswith(f"Paired by content with {doc.source.path}, score 0.")


def test_files_that_pair_by_name_keep_pairing_by_name(corpus: Path) -> None:
    truth = renamed_corpus(corpus, 3, ARTICLES[5:])
    for article in ARTICLES[:5]:
        shutil.copy(NEWS / "mt" / f"{article}.txt", corpus / "mt" / f"{article}.txt")
    write(corpus / "ref" / "a07.txt", "A reference named after the source travels with it.\n")
    docs = {doc.doc_id: doc for doc in read_inputs([corpus])}
    assert sorted(docs) == ARTICLES
    for article in ARTICLES[:5]:
        assert docs[article].problems == ()
        assert docs[article].target is not None and Path(docs[article].target.path).name == f"{article}.txt"
    for article in ARTICLES[5:]:
        doc = docs[article]
        assert problem_rules(doc) == ["I006"]
        assert doc.target is not None and truth[Path(doc.target.path).name] == article
    assert docs["a07"].reference is not None


def test_a_reference_named_after_the_translation_follows_it(corpus: Path) -> None:
    renamed = renamed_corpus(corpus, 4, ["a02"])
    [name] = renamed
    for article in ARTICLES:
        if article != "a02":
            shutil.copy(NEWS / "mt" / f"{article}.txt", corpus / "mt" / f"{article}.txt")
    (corpus / "ref").mkdir()
    shutil.copy(NEWS / "ref" / "a02.txt", corpus / "ref" / name)
    doc = next(doc for doc in read_inputs([corpus]) if doc.doc_id == "a02")
    assert doc.reference is not None and Path(doc.reference.path).name == name
    assert problem_rules(doc) == ["I006"]


def test_pairing_by_content_can_be_switched_off(corpus: Path) -> None:
    renamed_corpus(corpus, 5)
    docs = read_inputs([corpus], pair_by_content=False)
    assert len(docs) == 20
    assert all(problem_rules(doc) == ["I003"] for doc in docs)


# ---------------------------------------------------------------- what stays unpaired


def unpaired_setup(corpus: Path) -> dict[str, str]:
    """All news sources but a07, all translations but a04's, plus an unrelated source and translation.

    a04's source and a07's translation come from the same story and share names and dates, the hardest
    case for a false pairing in this corpus.
    """
    truth = renamed_corpus(corpus, 6, [a for a in ARTICLES if a != "a04"])
    (corpus / "src" / "a07.txt").unlink()
    write(corpus / "src" / "tea-harvest.txt", UNRELATED_ZH)
    write(corpus / "mt" / "orchids.txt", UNRELATED_EN)
    return truth


def test_extra_translation_and_source_without_counterpart_stay_unpaired(corpus: Path) -> None:
    truth = unpaired_setup(corpus)
    docs = read_inputs([corpus])
    paired = {doc.doc_id: doc for doc in docs if doc.source is not None and doc.target is not None}
    assert sorted(paired) == [a for a in ARTICLES if a not in {"a04", "a07"}]
    for article, doc in paired.items():
        assert doc.target is not None and truth[Path(doc.target.path).name] == article
    no_translation = sorted(Path(d.source.path).name for d in docs if d.source is not None and d.target is None)
    assert no_translation == ["a04.txt", "tea-harvest.txt"]
    no_source = sorted(Path(d.target.path).name for d in docs if d.target is not None and d.source is None)
    a07_translation = next(name for name, article in truth.items() if article == "a07")
    assert no_source == sorted(["orchids.txt", a07_translation])
    for doc in docs:
        if doc.source is None or doc.target is None:
            [problem] = doc.problems
            assert problem.rule == "I003"
            assert problem.reason.startswith(("There is no translation for this source.", "There is no source"))


def test_unpaired_documents_appear_in_the_reports_of_a_check_run(corpus: Path, tmp_path_factory) -> None:
    truth = unpaired_setup(corpus)
    out = tmp_path_factory.mktemp("reports")
    assert main(["check", str(corpus), "--out", str(out), "-q", "--fail-on", "never"]) == 0
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        findings = list(csv.DictReader(handle))
    unpaired = {Path(row["location"]).name: row for row in findings if row["rule"] == "I003"}
    a07_translation = next(name for name, article in truth.items() if article == "a07")
    assert set(unpaired) == {"a04.txt", "tea-harvest.txt", "orchids.txt", a07_translation}
    assert all(Path(row["location"]).name in row["message"] for row in unpaired.values())
    notes = [row for row in findings if row["rule"] == "I006"]
    assert len(notes) == 8 and {row["severity"] for row in notes} == {"info"}
    assert all("Paired by content with" in row["message"] for row in notes)
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        status = {row["doc_id"]: row["status"] for row in csv.DictReader(handle)}
    assert status["a04"] == status["tea-harvest"] == "no-translation"
    assert status["orchids"] == status[Path(a07_translation).stem] == "target-only"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["pair_by_content"] is True


def test_the_library_reports_the_same_and_honours_the_switch(corpus: Path) -> None:
    unpaired_setup(corpus)
    tables = transcheck.check([corpus])
    assert (tables.findings["rule"] == "I006").sum() == 8
    assert (tables.findings["rule"] == "I003").sum() == 4
    off = transcheck.check([corpus], pair_by_content=False)
    assert (off.findings["rule"] == "I006").sum() == 0
    assert (off.findings["rule"] == "I003").sum() == 20
    assert off.summary["settings"]["pair_by_content"] is False


def test_cli_switch_turns_pairing_by_content_off(corpus: Path, tmp_path_factory) -> None:
    renamed_corpus(corpus, 7)
    out = tmp_path_factory.mktemp("reports")
    assert main(["check", str(corpus), "--out", str(out), "-q", "--fail-on", "never", "--no-pair-by-content"]) == 0
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        rules = [row["rule"] for row in csv.DictReader(handle)]
    assert rules.count("I003") == 20 and "I006" not in rules


NEAR_IDENTICAL = {
    # A different figure is real evidence: each version pairs with its own translation.
    "figure": (("约1000公里", "约1200公里"), ("about 1,000 kilometers", "about 1,200 kilometers"), True),
    # Different wording only: nothing tells the versions apart, so nothing may be paired.
    "wording": (("分析人士指出", "专家指出"), ("Analysts pointed out", "Experts pointed out"), False),
}


@pytest.mark.parametrize("case", sorted(NEAR_IDENTICAL))
def test_near_identical_documents_are_never_paired_wrongly(corpus: Path, case: str) -> None:
    """Two versions of one article that differ in one place, each with its translation."""
    (old_src, new_src), (old_tgt, new_tgt), expect_pairs = NEAR_IDENTICAL[case]
    source = (NEWS / "src" / "a05.txt").read_text(encoding="utf-8")
    target = (NEWS / "mt" / "a05.txt").read_text(encoding="utf-8")
    assert old_src in source and old_tgt in target
    write(corpus / "src" / "first.txt", source)
    write(corpus / "src" / "second.txt", source.replace(old_src, new_src))
    write(corpus / "mt" / "x-one.txt", target)
    write(corpus / "mt" / "x-two.txt", target.replace(old_tgt, new_tgt))
    docs = read_inputs([corpus])
    right = {"first.txt": "x-one.txt", "second.txt": "x-two.txt"}
    paired = [doc for doc in docs if doc.source is not None and doc.target is not None]
    for doc in paired:
        assert doc.source is not None and doc.target is not None
        assert right[Path(doc.source.path).name] == Path(doc.target.path).name
    assert len(paired) == (2 if expect_pairs else 0)
    for doc in docs:
        if doc not in paired:
            [problem] = doc.problems
            assert problem.rule == "I003" and "the match is ambiguous" in problem.reason


def test_two_identical_sources_and_one_translation_leave_all_three_unpaired(corpus: Path) -> None:
    source = (NEWS / "src" / "a09.txt").read_text(encoding="utf-8")
    write(corpus / "src" / "copy-1.txt", source)
    write(corpus / "src" / "copy-2.txt", source)
    shutil.copy(NEWS / "mt" / "a09.txt", corpus / "mt" / "china.txt")
    docs = read_inputs([corpus])
    assert len(docs) == 3
    assert all(problem_rules(doc) == ["I003"] for doc in docs)


def test_empty_documents_stay_unpaired_and_are_reported(corpus: Path) -> None:
    write(corpus / "src" / "blank.txt", "\n\n")
    write(corpus / "mt" / "nothing.txt", "")
    shutil.copy(NEWS / "src" / "a01.txt", corpus / "src" / "a01.txt")
    shutil.copy(NEWS / "mt" / "a01.txt", corpus / "mt" / "renamed.txt")
    docs = {doc.doc_id: doc for doc in read_inputs([corpus])}
    assert sorted(docs) == ["a01", "blank", "nothing"]
    assert problem_rules(docs["a01"]) == ["I006"]
    assert problem_rules(docs["blank"]) == ["I003"]
    assert problem_rules(docs["nothing"]) == ["I003", "I004"]


def test_lang_suffixed_files_are_paired_by_content_too(tmp_path: Path) -> None:
    shutil.copy(NEWS / "src" / "a08.txt", tmp_path / "camp-david.zh.txt")
    shutil.copy(NEWS / "mt" / "a08.txt", tmp_path / "summit.en.txt")
    shutil.copy(NEWS / "src" / "a02.txt", tmp_path / "plan.zh.txt")
    docs = read_inputs([tmp_path / "camp-david.zh.txt", tmp_path / "summit.en.txt", tmp_path / "plan.zh.txt"])
    doc, plan = docs
    assert doc.doc_id == "camp-david" and problem_rules(doc) == ["I006"]
    assert plan.doc_id == "plan" and problem_rules(plan) == ["I003"]
    assert (doc.src_lang, doc.tgt_lang) == ("zh", "en")


# ---------------------------------------------------------------- determinism


def test_same_pairs_whatever_the_order_of_the_inputs() -> None:
    articles = ARTICLES[:6]
    sources = {a: (NEWS / "src" / f"{a}.txt").read_text(encoding="utf-8") for a in articles}
    targets = {f"t-{a}": (NEWS / "mt" / f"{a}.txt").read_text(encoding="utf-8") for a in articles}
    targets["t-dup"] = targets["t-a03"]  # an exact duplicate: a tie that only keys can break
    targets["t-orchids"] = UNRELATED_EN
    results = set()
    rng = random.Random(11)
    for _ in range(6):
        src_keys, tgt_keys = list(sources), list(targets)
        rng.shuffle(src_keys)
        rng.shuffle(tgt_keys)
        pairing = pair_by_content(
            [sources[k] for k in src_keys],
            [targets[k] for k in tgt_keys],
            source_keys=src_keys,
            target_keys=tgt_keys,
        )
        results.add(frozenset((src_keys[m.source], tgt_keys[m.target], m.score) for m in pairing.matches))
    [result] = results
    assert {(s, t) for s, t, _ in result} == {(a, f"t-{a}") for a in articles if a != "a03"}


def test_reader_gives_the_same_documents_for_the_same_files(corpus: Path, tmp_path_factory) -> None:
    renamed_corpus(corpus, 8)
    first = pairs_of(read_inputs([corpus]))
    other = tmp_path_factory.mktemp("copy")
    shutil.copytree(corpus, other, dirs_exist_ok=True)
    assert pairs_of(read_inputs([other])) == first


def test_scores_do_not_depend_on_the_order_of_candidates() -> None:
    sources = [document_signature("2023年3月16日，尹锡悦抵达东京。", "zh")]
    targets = [
        document_signature("On March 16, 2023, Yoon Suk-yeol arrived in Tokyo.", "en"),
        document_signature("On May 7, 2023, Fumio Kishida arrived in Seoul.", "en"),
    ]
    forward = score_candidates(sources, targets)
    backward = score_candidates(sources, targets[::-1])
    assert forward[(0, 0)] == backward[(0, 1)] > forward.get((0, 1), 0.0)


# ---------------------------------------------------------------- rule catalogue


def test_paired_by_content_has_an_info_rule() -> None:
    rule = RULES["I006"]
    assert rule.severity is Severity.INFO and rule.name == "input-paired-by-content"
    assert RULES["I003"].severity is Severity.WARNING
