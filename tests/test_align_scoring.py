"""Tests for benchmarks/align_scoring.py: Vecalign-style strict/lax scoring and Bible verse merging.

Every expected figure below was worked out by hand from the definitions in the module docstring.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from align_scoring import (
    Alignment,
    Counts,
    format_alignment,
    found_by_shape,
    merge_within_verses,
    parse_alignments,
    parse_link,
    score_documents,
)


def links(text: str) -> list[Alignment]:
    return parse_alignments(text.replace(";", "\n"))


# --- parsing -------------------------------------------------------------------------------------------------


def test_parse_link_forms() -> None:
    assert parse_link("[0]:[0, 1]") == ((0,), (0, 1))
    assert parse_link("[2, 3]:[2]") == ((2, 3), (2,))
    assert parse_link("[1,2]:[1,2,3]") == ((1, 2), (1, 2, 3))  # the Bible gold has no spaces
    assert parse_link("[]:[5]") == ((), (5,))
    assert parse_link("[7]:[]  ") == ((7,), ())


@pytest.mark.parametrize("bad", ["", "[0]", "[0]:[x]", "0:1", "[0]-[1]", "[-1]:[0]"])
def test_parse_link_rejects_malformed(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_link(bad)


def test_parse_alignments_skips_blank_lines_and_reports_line_number() -> None:
    assert parse_alignments("[0]:[0]\n\n[1]:[]\n") == [((0,), (0,)), ((1,), ())]
    with pytest.raises(ValueError, match="line 2"):
        parse_alignments("[0]:[0]\n[1]:oops\n")


def test_format_round_trip() -> None:
    for text in ("[0]:[0, 1]", "[]:[5]", "[7]:[]", "[2, 3]:[4]"):
        assert format_alignment(parse_link(text)) == text


# --- strict versus lax ---------------------------------------------------------------------------------------


def test_strict_and_lax_differ() -> None:
    gold = links("[0]:[0]; [1]:[1, 2]; [2, 3]:[3]; [4]:[]")
    predicted = links("[0]:[0]; [1]:[1]; []:[2]; [2, 3]:[3]; [4]:[]")
    scores = score_documents([gold], [predicted])
    # Precision over 5 predicted links (null links included). Strict: [0]:[0], [2, 3]:[3] and the null link
    # [4]:[] that gold also has = 3. Lax adds [1]:[1] (shares source 1 and target 1 with [1]:[1, 2]) = 4.
    # []:[2] is wrong both ways: a null link is only ever right when the identical null link is gold.
    assert scores.counts == Counts(predicted=5, predicted_strict=3, predicted_lax=4, gold=3, gold_strict=2, gold_lax=3)
    assert scores.precision_strict == pytest.approx(3 / 5)
    assert scores.precision_lax == pytest.approx(4 / 5)
    # Recall over the 3 gold links with two non-empty sides ([4]:[] is ignored): strict 2/3; lax 3/3 because
    # [1]:[1, 2] shares (1, 1) with the predicted [1]:[1].
    assert scores.recall_strict == pytest.approx(2 / 3)
    assert scores.recall_lax == pytest.approx(1.0)
    assert scores.f1_strict == pytest.approx(12 / 19)  # 2 * 3/5 * 2/3 / (3/5 + 2/3)
    assert scores.f1_lax == pytest.approx(8 / 9)  # 2 * 4/5 * 1 / (4/5 + 1)


def test_lax_needs_one_gold_link_sharing_both_sides() -> None:
    gold = links("[0]:[0]; [1]:[1]; [2]:[2]")
    # [0]:[1] takes its source from gold [0]:[0] and its target from gold [1]:[1]: no single gold link holds
    # both, so it is wrong even in the lax sense. [1, 2]:[2] holds (2, 2) like gold [2]:[2]: lax.
    predicted = links("[0]:[1]; [1, 2]:[2]")
    scores = score_documents([gold], [predicted])
    assert (scores.counts.predicted, scores.counts.predicted_strict, scores.counts.predicted_lax) == (2, 0, 1)
    # Recall: only [2]:[2] finds a predicted link holding one of its pairs; [1]:[1] shares source 1 with
    # [1, 2]:[2] but no target. Lax recall 1/3.
    assert (scores.counts.gold, scores.counts.gold_strict, scores.counts.gold_lax) == (3, 0, 1)
    assert scores.recall_lax == pytest.approx(1 / 3)


def test_perfect_prediction_scores_one() -> None:
    gold = links("[0]:[0, 1]; [1, 2]:[2]; []:[3]; [3]:[]; [4]:[4]")
    scores = score_documents([gold], [list(gold)])
    assert scores.f1_strict == scores.f1_lax == 1.0
    assert scores.counts.predicted == 5 and scores.counts.gold == 3


# --- null links ----------------------------------------------------------------------------------------------


def test_gold_null_links_do_not_count_in_recall_but_predicted_ones_count_in_precision() -> None:
    gold = links("[0]:[0]; [1]:[]; []:[1]")
    # Predicting the nulls exactly: precision 3/3, recall 1/1.
    exact = score_documents([gold], [links("[0]:[0]; [1]:[]; []:[1]")])
    assert (exact.precision_strict, exact.recall_strict) == (1.0, 1.0)
    # Gluing them into a 2-2 bead: precision 0 strict / 1 lax out of 1 link; recall still counts only [0]:[0].
    glued = score_documents([gold], [links("[0, 1]:[0, 1]")])
    assert glued.counts == Counts(predicted=1, predicted_strict=0, predicted_lax=1, gold=1, gold_strict=0, gold_lax=1)
    assert (glued.precision_lax, glued.recall_lax, glued.f1_lax) == (1.0, 1.0, 1.0)
    assert glued.f1_strict == 0.0


def test_predicted_null_links_are_never_lax_matches() -> None:
    gold = links("[0]:[0]")
    scores = score_documents([gold], [links("[0]:[]; []:[0]")])
    # Both predicted links are wrong (they overlap [0]:[0] on one side only); no predicted link has two sides,
    # so recall finds nothing either. Every ratio is 0 and F1 falls back to 0 instead of dividing by zero.
    assert scores.counts == Counts(predicted=2, predicted_strict=0, predicted_lax=0, gold=1, gold_strict=0, gold_lax=0)
    assert scores.f1_strict == scores.f1_lax == 0.0


def test_empty_links_are_ignored_and_duplicates_count_once() -> None:
    gold = links("[0]:[0]; [1]:[1]")
    predicted = [((0,), (0,)), ((0,), (0,)), ((), ()), ((1,), (2,))]
    scores = score_documents([gold], [predicted])
    assert scores.counts.predicted == 2
    assert scores.precision_strict == pytest.approx(1 / 2)


def test_empty_everything_gives_zero_not_an_error() -> None:
    scores = score_documents([[]], [[]])
    assert scores.f1_strict == scores.f1_lax == 0.0


def test_found_by_shape_counts_exact_matches_null_links_included() -> None:
    gold = links("[0]:[0]; [1]:[]; [2]:[1, 2]; [3]:[3]")
    predicted = links("[0]:[0]; [1]:[]; [2]:[1]; []:[2]; [3]:[3]")
    assert found_by_shape([gold], [predicted]) == {"1-1": (2, 2), "1-0": (1, 1), "1-2": (0, 1)}


# --- several documents ---------------------------------------------------------------------------------------


def test_counts_are_summed_over_documents_before_dividing() -> None:
    doc_a_gold, doc_a_pred = links("[0]:[0]"), links("[0]:[0]")
    doc_b_gold, doc_b_pred = links("[0]:[0]; [1]:[1]; [2]:[2]"), links("[0, 1]:[0, 1]; [2]:[2]")
    scores = score_documents([doc_a_gold, doc_b_gold], [doc_a_pred, doc_b_pred])
    # Strict: precision (1 + 1) / (1 + 2) = 2/3, recall (1 + 1) / (1 + 3) = 1/2. Averaging the per-document
    # ratios instead would give precision 3/4 and recall 2/3.
    assert scores.precision_strict == pytest.approx(2 / 3)
    assert scores.recall_strict == pytest.approx(1 / 2)
    assert scores.f1_strict == pytest.approx(4 / 7)
    # Lax: [0, 1]:[0, 1] overlaps [0]:[0] and [1]:[1], so everything is a lax match.
    assert scores.precision_lax == scores.recall_lax == 1.0


def test_sentence_ids_do_not_leak_between_documents() -> None:
    # Document B's prediction [0]:[0] would match document A's gold if documents were pooled before matching.
    scores = score_documents([links("[0]:[0]"), links("[0]:[1]")], [links("[1]:[1]"), links("[0]:[0]")])
    assert scores.counts.predicted_lax == 0 and scores.counts.gold_lax == 0


def test_document_count_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_documents([links("[0]:[0]")], [])


# --- verse merging -------------------------------------------------------------------------------------------

SRC_VERSES = ["Gen:1:1", "Gen:1:1", "Gen:1:2", "Gen:1:3", "Gen:1:3"]
TGT_VERSES = ["Gen:1:1", "Gen:1:2", "Gen:1:2", "Gen:1:3", "Gen:1:4"]
VERSE_GOLD = links("[0, 1]:[0]; [2]:[1, 2]; [3]:[3]; [4]:[4]")
FINE_PREDICTION = links("[0]:[0]; [1]:[]; [2]:[1]; []:[2]; [3]:[3]; [4]:[4]")


def test_merge_within_verses_joins_runs_inside_one_verse() -> None:
    merged = merge_within_verses(FINE_PREDICTION, SRC_VERSES, TGT_VERSES)
    # [1]:[] takes verse 1:1 from its source and joins [0]:[0]; []:[2] joins [2]:[1] in verse 1:2; [4]:[4] has
    # source in 1:3 and target in 1:4, so it belongs to no verse and stays apart from [3]:[3].
    assert merged == links("[0, 1]:[0]; [2]:[1, 2]; [3]:[3]; [4]:[4]")


def test_merge_does_not_cross_a_link_spanning_verses() -> None:
    verses = ["v1", "v1", "v2", "v1"]
    predicted = links("[0]:[0]; [1, 2]:[1, 2]; [3]:[3]")  # the middle link spans v1 and v2
    assert merge_within_verses(predicted, verses, verses) == predicted
    # Two links in the same verse separated by another verse's link are not merged either.
    assert merge_within_verses(links("[0]:[0]; [2]:[2]; [3]:[3]"), verses, verses) == links("[0]:[0]; [2]:[2]; [3]:[3]")


def test_verse_merging_changes_the_scores() -> None:
    raw = score_documents([VERSE_GOLD], [FINE_PREDICTION])
    # Raw: 6 predicted links, strict-correct only [3]:[3] and [4]:[4]; lax adds [0]:[0] and [2]:[1].
    assert (raw.precision_strict, raw.precision_lax) == pytest.approx((2 / 6, 4 / 6))
    assert (raw.recall_strict, raw.recall_lax) == pytest.approx((2 / 4, 1.0))
    merged = score_documents([VERSE_GOLD], [merge_within_verses(FINE_PREDICTION, SRC_VERSES, TGT_VERSES)])
    assert merged.f1_strict == 1.0
