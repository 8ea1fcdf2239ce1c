"""A Chinese→English machine-translation alignment set with known gold, built from real MT output.

Public alignment gold sets are human translations (Text+Berg, the Bible). What this project aligns is machine
translation, whose failures are different: an MT system drops a sentence, glues two together, splits one at a
comma, or a pipeline pastes in a sentence from the wrong document. We start from real zh→en MT segment pairs
(MQM newstest2020, translated segment by segment, so the untouched pairs are 1-1 by construction) and apply
those perturbations at random, recording the gold links as we go.

Everything is built in memory at benchmark time from ``../shared/data/mqm-newstest2020-zhen`` (its licence
allows evaluation use; its sentences must not be copied into the repository). A clone without ``../shared``
gets None from :func:`load_segments` and the benchmark skips this set.

The module also builds long documents for the speed test (:func:`long_document`); those need no gold.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from align_scoring import Alignment, GoldDocument

ROOT = Path(__file__).resolve().parents[1]
MQM_DIR = ROOT.parent / "shared" / "data" / "mqm-newstest2020-zhen"
NEWS_DIR = ROOT / "corpora" / "news-zh-en"

#: One segment pair: (Chinese source, English MT).
Pair = tuple[str, str]


def load_segments(folder: Path = MQM_DIR) -> dict[str, dict[str, list[Pair]]] | None:
    """``{system: {document: [(source, target), ...] in segment order}}``, or None when the data is absent."""
    path = folder / "segments.jsonl.gz"
    if not path.is_file():
        return None
    rows: dict[str, dict[str, list[tuple[int, str, str]]]] = defaultdict(lambda: defaultdict(list))
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows[row["system"]][row["doc"]].append((int(row["seg_id"]), row["source"], row["target"]))
    return {
        system: {doc: [(src, tgt) for _, src, tgt in sorted(segs)] for doc, segs in docs.items()}
        for system, docs in rows.items()
    }


def mt_systems(segments: dict[str, dict[str, list[Pair]]]) -> list[str]:
    """The machine translation systems, sorted (``Human-*`` are the reference translations)."""
    return sorted(system for system in segments if not system.startswith("Human-"))


@dataclass(frozen=True)
class PerturbationRates:
    """Chance per source segment of each perturbation (the rest stay 1-1)."""

    merge_tgt: float = 0.04  # two MT sentences glued into one: gold [i, i+1]:[k]
    merge_src: float = 0.04  # two source sentences translated as one segment: gold [i]:[k, k+1]
    split_tgt: float = 0.04  # one MT sentence split at a clause comma/semicolon: gold [i]:[k, k+1]
    drop_tgt: float = 0.03  # MT sentence missing: gold [i]:[]
    insert_tgt: float = 0.03  # a sentence from another document pasted in before this one: gold []:[k]


#: A bead under construction: source sentences and target sentences that a perfect aligner links together.
_Bead = tuple[list[str], list[str]]

_CLAUSE_RE = re.compile(r"[,;] ")
_MIN_PART_WORDS = 4


def split_at_clause(sentence: str) -> tuple[str, str] | None:
    """Cut an English sentence at the comma or semicolon nearest its middle, the way an MT system splitting a
    long Chinese sentence would: "A, B." → ("A.", "B."). None when no cut leaves two parts of 4+ words."""
    best: tuple[str, str] | None = None
    best_distance = len(sentence)
    for match in _CLAUSE_RE.finditer(sentence):
        left, right = sentence[: match.start()].strip(), sentence[match.end() :].strip()
        if len(left.split()) < _MIN_PART_WORDS or len(right.split()) < _MIN_PART_WORDS:
            continue
        distance = abs(match.start() - len(sentence) // 2)
        if distance < best_distance:
            best, best_distance = (left + ".", right[0].upper() + right[1:]), distance
    return best


def perturb(pairs: list[Pair], foreign: list[str], rng: random.Random, rates: PerturbationRates) -> list[_Bead]:
    """Turn 1-1 segment pairs into beads, each segment touched by at most one perturbation.

    ``foreign`` holds target sentences of other documents, the pool for inserted sentences.
    """
    beads: list[_Bead] = []
    k = 0
    while k < len(pairs):
        src, tgt = pairs[k]
        if foreign and rng.random() < rates.insert_tgt:
            beads.append(([], [rng.choice(foreign)]))
        roll = rng.random()
        has_next = k + 1 < len(pairs)
        threshold = rates.merge_tgt
        if roll < threshold and has_next:
            beads.append(([src, pairs[k + 1][0]], [tgt + " " + pairs[k + 1][1]]))
            k += 2
            continue
        threshold += rates.merge_src
        if roll < threshold and has_next:
            beads.append(([src + pairs[k + 1][0]], [tgt, pairs[k + 1][1]]))
            k += 2
            continue
        threshold += rates.split_tgt
        parts = split_at_clause(tgt) if roll < threshold else None
        if parts is not None:
            beads.append(([src], list(parts)))
        elif threshold <= roll < threshold + rates.drop_tgt:
            beads.append(([src], []))
        else:
            beads.append(([src], [tgt]))
        k += 1
    return beads


def beads_to_document(name: str, beads: list[_Bead]) -> GoldDocument:
    """Number the sentences of the beads in order; each bead becomes one gold link."""
    src: list[str] = []
    tgt: list[str] = []
    links: list[Alignment] = []
    for src_part, tgt_part in beads:
        src_ids = tuple(range(len(src), len(src) + len(src_part)))
        tgt_ids = tuple(range(len(tgt), len(tgt) + len(tgt_part)))
        links.append((src_ids, tgt_ids))
        src.extend(src_part)
        tgt.extend(tgt_part)
    return GoldDocument(name, src, tgt, links)


def build_synthetic_set(
    segments: dict[str, dict[str, list[Pair]]], seed: int = 2020, rates: PerturbationRates | None = None
) -> list[GoldDocument]:
    """One perturbed document per MQM document, translated by one MT system picked at random per document.

    Deterministic for a given seed: every choice comes from a generator seeded with the seed and the document
    name (string seeds are hashed with SHA-512, independent of PYTHONHASHSEED).
    """
    rates = rates or PerturbationRates()
    systems = mt_systems(segments)
    documents = sorted(set().union(*(segments[s].keys() for s in systems)))
    documents_out: list[GoldDocument] = []
    for doc in documents:
        rng = random.Random(f"{seed}/{doc}")
        available = [s for s in systems if doc in segments[s]]
        system = rng.choice(available)
        others = [d for d in sorted(segments[system]) if d != doc]
        foreign = [tgt for _, tgt in segments[system][rng.choice(others)]] if others else []
        beads = perturb(segments[system][doc], foreign, rng, rates)
        documents_out.append(beads_to_document(f"{doc}@{system}", beads))
    return documents_out


def link_kinds(documents: list[GoldDocument]) -> dict[str, int]:
    """How many gold links of each shape (``1-1``, ``2-1``, ``0-1`` …), to show what the set tests."""
    kinds: dict[str, int] = defaultdict(int)
    for document in documents:
        for src, tgt in document.links:
            kinds[f"{len(src)}-{len(tgt)}"] += 1
    return dict(sorted(kinds.items(), key=lambda item: -item[1]))


# --- long documents for the speed test ------------------------------------------------------------------------

_ZH_END_RE = re.compile(r"(?<=[。！？])")
_EN_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _news_pairs() -> list[tuple[list[str], list[str]]]:
    """The sample news corpus, split crudely into sentences: speed only, the two sides need not match."""
    documents = []
    for path in sorted((NEWS_DIR / "src").glob("*.txt")):
        zh_text = path.read_text(encoding="utf-8")
        en_text = (NEWS_DIR / "mt" / path.name).read_text(encoding="utf-8")
        zh = [s.strip() for s in _ZH_END_RE.split(zh_text) if s.strip()]
        en = [s.strip() for line in en_text.splitlines() for s in _EN_END_RE.split(line) if s.strip()]
        documents.append((zh, en))
    return documents


def long_document(sentences: int, segments: dict[str, dict[str, list[Pair]]] | None) -> tuple[list[str], list[str]]:
    """A source and a target document of exactly ``sentences`` lines each, made by concatenating documents.

    From MQM when given: documents in name order, each pass over the corpus using the next MT system's
    translations (2,000 segments a system, so 20,000 lines repeat each source ten times but few targets).
    Otherwise the repository's 10-article sample news corpus, repeated many times. Repetition flatters any
    per-sentence cache in the aligner; the figures are for speed and memory, not accuracy.
    """
    src: list[str] = []
    tgt: list[str] = []
    if segments is not None:
        systems = sorted(segments)
        round_number = 0
        while len(src) < sentences or len(tgt) < sentences:
            system = systems[round_number % len(systems)]
            for doc in sorted(segments[system]):
                for zh, en in segments[system][doc]:
                    src.append(zh)
                    tgt.append(en)
            round_number += 1
    else:
        news = _news_pairs()
        if not any(zh and en for zh, en in news):
            raise FileNotFoundError(f"no sample corpus under {NEWS_DIR}")
        while len(src) < sentences or len(tgt) < sentences:
            for zh, en in news:
                src.extend(zh)
                tgt.extend(en)
    return src[:sentences], tgt[:sentences]
