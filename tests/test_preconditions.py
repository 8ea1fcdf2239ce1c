"""Tests for the precondition of the content rules (numbers, N001, terms): a pair whose alignment failed or whose
target is not a translation gets only alignment and language findings, and what was withheld is counted."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from transcheck.align.base import Link
from transcheck.checks.rules import RULES
from transcheck.engine import (
    LOW_CONFIDENCE,
    MIN_ALIGNMENT_SCORE_FOR_CHECKS,
    NOT_TRANSLATED,
    UNALIGNED,
    Settings,
    check_document,
    finish,
    withhold_reason,
)
from transcheck.model import AlignedPair, DocumentPair, Finding, Severity, Side, Unit
from transcheck.reports import build_tables, write_reports
from transcheck.selection import selection_from


def pair(src: tuple[int, ...], tgt: tuple[int, ...], score: float = 0.9) -> AlignedPair:
    return AlignedPair(0, src, tgt, "源" if src else "", "target" if tgt else "", score)


def language(rule: str) -> list[Finding]:
    return [Finding(rule, Severity.ERROR, "d", "m")]


def test_the_content_rules_declare_the_precondition() -> None:
    content = [code for code, rule in RULES.items() if rule.needs_aligned_pair]
    assert content == ["D001", "D002", "D003", "D004", "N001", "T001", "T002"]
    assert [code for code, rule in RULES.items() if rule.marks_untranslated] == ["L001", "L002", "L004"]


def test_withhold_reason() -> None:
    assert withhold_reason(pair((0,), (0,)), [], has_source=True, unit_aligned=False) is None
    assert withhold_reason(pair((0,), ()), [], has_source=True, unit_aligned=False) == UNALIGNED
    assert withhold_reason(pair((), (0,)), [], has_source=True, unit_aligned=False) == UNALIGNED
    low = pair((0,), (0,), MIN_ALIGNMENT_SCORE_FOR_CHECKS / 2)
    assert withhold_reason(low, [], has_source=True, unit_aligned=False) == LOW_CONFIDENCE
    assert withhold_reason(low, [], has_source=True, unit_aligned=True) is None  # given links are trusted
    assert withhold_reason(pair((0,), (0,)), language("L002"), True, False) == NOT_TRANSLATED
    assert withhold_reason(pair((0,), (0,)), language("L003"), True, False) is None
    # translations alone: every pair is 0-1, and each is checked on its own
    assert withhold_reason(pair((), (0,)), [], has_source=False, unit_aligned=False) is None
    assert withhold_reason(pair((), (0,)), language("L001"), has_source=False, unit_aligned=False) == NOT_TRANSLATED


class FixedAligner:
    """Returns the links it was given, whatever the text: lets a test fail the alignment on purpose."""

    def __init__(self, links: list[Link]) -> None:
        self.links = links

    def align(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Link]:
        return self.links

    def align_blocks(
        self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]], src_lang: str, tgt_lang: str
    ) -> list[list[Link]]:
        return [self.links for _ in blocks]


SOURCE = "约有3万人参加集会。他买了5个苹果。韩国总统尹锡悦周四抵达东京。"
TARGET = (
    "About 3,000 people attended the rally. He bought 7 apples. "
    "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday."
)
DOC = DocumentPair(
    "news",
    Side("src/news.txt", (Unit(SOURCE, "line 1", 1),)),
    Side("mt/news.txt", (Unit(TARGET, "line 1", 1),)),
    src_lang="zh",
    tgt_lang="en",
)
LINKS = [
    Link((0,), (0,), MIN_ALIGNMENT_SCORE_FOR_CHECKS / 10),  # a doubtful link: D003 withheld
    Link((1,), (), 0.9),  # dropped: A001, and D001 for the 5 withheld
    Link((), (1,), 0.9),  # added: A002, and D002 for the 7 withheld
    Link((2,), (2,), 0.99),  # a good link: N001 reported
]


def test_failed_alignment_gets_only_alignment_findings_and_the_rest_is_counted(tmp_path: Path) -> None:
    result = check_document(DOC, Settings(), aligner=FixedAligner(LINKS))
    assert [(f.rule, f.pair_id) for f in result.findings] == [("A001", 1), ("A002", 2), ("N001", 3)]
    assert result.withheld == {"D003": 1, "D001": 1, "D002": 1}
    assert result.withheld_pairs == {0: LOW_CONFIDENCE, 1: UNALIGNED, 2: UNALIGNED}

    tables = build_tables(finish([result]))
    assert tables.documents["withheld"].tolist() == [3]
    assert tables.segments["withheld"].tolist() == [LOW_CONFIDENCE, UNALIGNED, UNALIGNED, ""]
    withheld = tables.summary["withheld"]
    assert withheld == {
        "findings": 3,
        "by_rule": {"D001": 1, "D002": 1, "D003": 1},
        "pairs_by_reason": {LOW_CONFIDENCE: 1, UNALIGNED: 2},
        "by_document": {"news": 3},
    }
    write_reports(tables, tmp_path)
    documents = list(csv.DictReader(io.StringIO((tmp_path / "documents.csv").read_text("utf-8-sig"), newline="")))
    assert documents[0]["withheld"] == "3"
    assert json.loads((tmp_path / "summary.json").read_text("utf-8"))["withheld"]["findings"] == 3


def test_withheld_counts_only_selected_rules() -> None:
    settings = Settings(selection=selection_from(ignore="D001,D002"))
    result = check_document(DOC, settings, aligner=FixedAligner(LINKS))
    assert result.withheld == {"D003": 1}


def test_a_target_that_is_not_a_translation_gets_no_number_finding() -> None:
    doc = DocumentPair(
        "left",
        Side("left.tsv", (Unit("约有3万人参加集会。", "line 2", 2),)),
        Side("left.tsv", (Unit("约有3千人参加集会。", "line 2", 2),)),
        src_lang="zh",
        tgt_lang="en",
        unit_aligned=True,
    )
    result = check_document(doc, Settings())
    assert [f.rule for f in result.findings] == ["L002"]
    assert result.withheld == {"D003": 1}
    assert result.withheld_pairs == {0: NOT_TRANSLATED}


def test_translations_alone_are_still_checked_for_names() -> None:
    doc = DocumentPair(
        "alone",
        None,
        Side("alone.txt", (Unit("South Korean President Yoon Suk-yue arrived in Tokyo on Thursday.", "line 1", 1),)),
        tgt_lang="en",
    )
    result = check_document(doc, Settings(target_only=True))
    assert [f.rule for f in result.findings] == ["N001"]
    assert result.withheld == {} and result.withheld_pairs == {}


def test_a_document_without_a_translation_withholds_nothing() -> None:
    doc = DocumentPair("lone", Side("src/lone.txt", (Unit("约有3万人参加集会。", "line 1", 1),)), None, "zh", "en")
    result = check_document(doc, Settings(), aligner=FixedAligner([Link((0,), (), 0.9)]))
    assert result.findings == [] and result.withheld == {} and result.withheld_pairs == {}
