"""Tests for A003: a linked pair far shorter (or longer) than the document's other pairs."""

from __future__ import annotations

from transcheck.checks.alignment import check_length_ratios
from transcheck.model import AlignedPair

SOURCES = [
    "韩国总统尹锡悦周四抵达东京，开始为期两天的访问。",
    "这是韩国总统十二年来首次因双边会谈访问日本。",
    "两国领导人将讨论强征劳工赔偿问题和安全合作。",
    "日本首相岸田文雄在首相官邸举行欢迎仪式。",
    "双方同意恢复中断多年的首脑穿梭外交。",
    "分析人士认为，此次访问标志着两国关系出现转机。",
    "韩国国内对赔偿方案的批评声音仍然强烈。",
]
TARGETS = [
    "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday for a two-day visit.",
    "It is the first visit to Japan by a South Korean president for bilateral talks in twelve years.",
    "The two leaders will discuss compensation for forced labour and security cooperation.",
    "Japanese Prime Minister Fumio Kishida held a welcoming ceremony at his official residence.",
    "The two sides agreed to resume the shuttle diplomacy between leaders suspended for years.",
    "Analysts believe the visit marks a turning point in relations between the two countries.",
    "Criticism of the compensation plan remains strong in South Korea.",
]


def _pairs(targets: list[str]) -> list[AlignedPair]:
    return [AlignedPair(k, (k,), (k,), s, t) for k, (s, t) in enumerate(zip(SOURCES, targets, strict=True))]


def test_a_consistent_document_has_no_outlier() -> None:
    assert check_length_ratios("doc", _pairs(TARGETS)) == []


def test_a_translation_missing_most_of_its_sentence_is_flagged() -> None:
    targets = list(TARGETS)
    targets[3] = "Kishida held a ceremony."
    [found] = check_length_ratios("doc", _pairs(targets))
    assert (found.rule, found.pair_id) == ("A003", 3)
    assert "missing" in found.message


def test_too_few_pairs_to_know_the_usual_ratio() -> None:
    targets = list(TARGETS)
    targets[3] = "Kishida held a ceremony."
    assert check_length_ratios("doc", _pairs(targets)[:4]) == []


def test_null_links_are_left_to_a001() -> None:
    pairs = [*_pairs(TARGETS), AlignedPair(7, (7,), (), "韩国国内对赔偿方案的批评声音仍然强烈。", "")]
    assert check_length_ratios("doc", pairs) == []
