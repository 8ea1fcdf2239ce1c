"""Tests for benchmarks/synthetic_align.py: perturbations record the right gold links, deterministically.

Uses a few made-up segment pairs, not the shared MQM data (a clone has no ../shared).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from align_scoring import GoldDocument
from synthetic_align import (
    PerturbationRates,
    beads_to_document,
    build_synthetic_set,
    long_document,
    perturb,
    split_at_clause,
)

PAIRS = [
    ("今天天气很好。", "The weather is fine today."),
    ("我们去公园散步。", "We went for a walk in the park."),
    ("公园里有很多人。", "There were many people in the park."),
    ("孩子们在草地上玩耍。", "Children were playing on the grass."),
]
NONE = dict(merge_tgt=0.0, merge_src=0.0, split_tgt=0.0, drop_tgt=0.0, insert_tgt=0.0)


def only(**rates: float) -> PerturbationRates:
    return PerturbationRates(**{**NONE, **rates})


def document(pairs: list[tuple[str, str]], rates: PerturbationRates, foreign: list[str] | None = None) -> GoldDocument:
    return beads_to_document("doc", perturb(pairs, foreign or [], random.Random(0), rates))


def test_no_perturbation_keeps_every_pair_one_to_one() -> None:
    doc = document(PAIRS, only())
    assert doc.links == [((i,), (i,)) for i in range(4)]
    assert doc.src == [s for s, _ in PAIRS] and doc.tgt == [t for _, t in PAIRS]


def test_merging_two_targets_gives_two_to_one_links() -> None:
    doc = document(PAIRS, only(merge_tgt=1.0))
    assert doc.links == [((0, 1), (0,)), ((2, 3), (1,))]
    assert doc.tgt[0] == "The weather is fine today. We went for a walk in the park."
    assert len(doc.src) == 4


def test_merging_two_sources_gives_one_to_two_links() -> None:
    doc = document(PAIRS, only(merge_src=1.0))
    assert doc.links == [((0,), (0, 1)), ((1,), (2, 3))]
    assert doc.src[0] == "今天天气很好。我们去公园散步。"  # Chinese joins without a space


def test_dropping_targets_gives_one_to_zero_links() -> None:
    doc = document(PAIRS, only(drop_tgt=1.0))
    assert doc.links == [((i,), ()) for i in range(4)] and doc.tgt == []


def test_inserted_foreign_sentences_give_zero_to_one_links() -> None:
    doc = document(PAIRS[:2], only(insert_tgt=1.0), foreign=["Stocks fell sharply in Tokyo."])
    assert doc.links == [((), (0,)), ((0,), (1,)), ((), (2,)), ((1,), (3,))]
    assert doc.tgt[0] == doc.tgt[2] == "Stocks fell sharply in Tokyo."


def test_split_at_clause_cuts_near_the_middle_and_needs_long_parts() -> None:
    sentence = "The ministry said on Monday, that the new rules would take effect next year."
    assert split_at_clause(sentence) == (
        "The ministry said on Monday.",
        "That the new rules would take effect next year.",
    )
    assert split_at_clause("Yes, he said so in the morning.") is None  # "Yes" is too short a clause
    long_pair = [("他说，新规明年生效。", sentence)]
    doc = document(long_pair, only(split_tgt=1.0))
    assert doc.links == [((0,), (0, 1))]
    # A sentence without a usable comma stays 1-1 instead of being split badly.
    assert document(PAIRS[:1], only(split_tgt=1.0)).links == [((0,), (0,))]


def fake_segments() -> dict[str, dict[str, list[tuple[str, str]]]]:
    systems = {}
    for system in ("Human-A.0", "SysA.1", "SysB.2"):
        systems[system] = {
            f"doc{d}": [
                (f"源句{d}-{k}。", f"{system} sentence {k} of document {d}, with a clause here.") for k in range(30)
            ]
            for d in range(3)
        }
    return systems


def test_synthetic_set_is_deterministic_and_its_gold_covers_every_sentence_once() -> None:
    segments = fake_segments()
    first = build_synthetic_set(segments, seed=7)
    assert first == build_synthetic_set(segments, seed=7)
    assert first != build_synthetic_set(segments, seed=8)
    for doc in first:
        assert "Human" not in doc.name  # only machine translation goes in
        src_ids = [i for src, _ in doc.links for i in src]
        tgt_ids = [j for _, tgt in doc.links for j in tgt]
        assert src_ids == list(range(len(doc.src)))  # every line once, in order
        assert tgt_ids == list(range(len(doc.tgt)))
    shapes = {(len(s), len(t)) for doc in first for s, t in doc.links}
    assert (1, 1) in shapes and len(shapes) > 2


def test_long_document_has_exactly_the_requested_length() -> None:
    src, tgt = long_document(500, fake_segments())
    assert len(src) == len(tgt) == 500
    assert tgt[0].startswith("Human-A.0") and tgt[90].startswith("SysA.1")  # next pass, next system
    src, tgt = long_document(300, None)  # the sample news corpus in the repository
    assert len(src) == len(tgt) == 300
