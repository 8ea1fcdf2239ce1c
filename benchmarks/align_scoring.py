"""Score sentence alignments against gold with strict and lax precision, recall and F1.

The definitions follow Vecalign's ``score.py`` (Thompson & Koehn 2019, after Sennrich & Volk 2011) so that our
figures can be put next to published ones:

* A link is a pair (source ids, target ids); either side may be empty (a null link). Links empty on both sides
  are ignored, and each document's links are treated as a set (duplicates count once).
* Precision looks at every predicted link, null links included. A predicted link is *strict*-correct when the
  identical link is in the gold (null links included, so predicting a gold ``[7]:[]`` is correct). It is
  *lax*-correct when it is strict-correct or when it shares at least one source and one target sentence with
  one gold link; a null link shares nothing, so it is lax-correct only when it is strict-correct.
* Recall is the same computation with the roles swapped and with null links removed from both sides: every
  gold link with two non-empty sides is checked against the predicted links with two non-empty sides.
* Counts are summed over all documents before dividing; F1 is the harmonic mean of the two ratios; a ratio
  with a zero denominator is 0.0.

The Bible figures published for Vecalign and Bertalign first merge consecutive predicted links lying inside
one verse (:func:`merge_within_verses`), because its gold is derived from verse ids, not drawn by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: (source sentence ids, target sentence ids), 0-based; either side may be empty.
Alignment = tuple[tuple[int, ...], tuple[int, ...]]

_LINK_RE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


@dataclass(frozen=True)
class GoldDocument:
    """One document of a gold set: sentences one per line, and the links a perfect aligner would give."""

    name: str
    src: list[str]
    tgt: list[str]
    links: list[Alignment]


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def parse_link(line: str) -> Alignment:
    """``[0]:[0, 1]`` → ((0,), (0, 1)); ``[]:[5]`` → ((), (5,)). Raises ValueError on anything else."""
    match = _LINK_RE.match(line)
    if match is None:
        raise ValueError(f"not an alignment link: {line!r}")
    return _ids(match.group(1)), _ids(match.group(2))


def parse_alignments(text: str) -> list[Alignment]:
    """All links of an alignment file's text, blank lines skipped."""
    links: list[Alignment] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            links.append(parse_link(line))
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from None
    return links


def read_alignments(path: Path) -> list[Alignment]:
    return parse_alignments(path.read_text(encoding="utf-8"))


def format_alignment(link: Alignment) -> str:
    """The file format back: ((0,), (0, 1)) → ``[0]:[0, 1]``."""
    src, tgt = link
    return f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"


@dataclass(frozen=True)
class Counts:
    """Raw counts behind the ratios, summed over documents, so sets can be combined and checked by hand."""

    predicted: int = 0  # distinct predicted links (null links included): precision's denominator
    predicted_strict: int = 0
    predicted_lax: int = 0
    gold: int = 0  # distinct gold links with both sides non-empty: recall's denominator
    gold_strict: int = 0
    gold_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.predicted + other.predicted,
            self.predicted_strict + other.predicted_strict,
            self.predicted_lax + other.predicted_lax,
            self.gold + other.gold,
            self.gold_strict + other.gold_strict,
            self.gold_lax + other.gold_lax,
        )


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    counts: Counts

    @classmethod
    def from_counts(cls, counts: Counts) -> Scores:
        p_strict = _ratio(counts.predicted_strict, counts.predicted)
        r_strict = _ratio(counts.gold_strict, counts.gold)
        p_lax = _ratio(counts.predicted_lax, counts.predicted)
        r_lax = _ratio(counts.gold_lax, counts.gold)
        return cls(p_strict, r_strict, _f1(p_strict, r_strict), p_lax, r_lax, _f1(p_lax, r_lax), counts)

    def as_dict(self) -> dict[str, float | int]:
        figures: dict[str, float | int] = {
            name: round(getattr(self, name), 4)
            for name in ("precision_strict", "recall_strict", "f1_strict", "precision_lax", "recall_lax", "f1_lax")
        }
        figures.update(vars(self.counts))
        return figures


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _match(reference: Iterable[Alignment], candidates: Iterable[Alignment]) -> tuple[int, int, int]:
    """(distinct candidates, strict matches, lax matches) of ``candidates`` against ``reference``.

    Lax: the candidate links some source sentence s to some target sentence t that one reference link also
    links, i.e. (s, t) lies in the cross product of one reference link's sides.
    """
    reference_set = {link for link in reference if link[0] or link[1]}
    linked_pairs = {(s, t) for src, tgt in reference_set for s in src for t in tgt}
    distinct = {link for link in candidates if link[0] or link[1]}
    strict = lax = 0
    for link in distinct:
        if link in reference_set:
            strict += 1
            lax += 1
        elif any((s, t) in linked_pairs for s in link[0] for t in link[1]):
            lax += 1
    return len(distinct), strict, lax


def count_document(gold: Sequence[Alignment], predicted: Sequence[Alignment]) -> Counts:
    """Counts for one document; see the module docstring for which links enter precision and recall."""
    predicted_total, predicted_strict, predicted_lax = _match(gold, predicted)
    gold_both = [link for link in gold if link[0] and link[1]]
    predicted_both = [link for link in predicted if link[0] and link[1]]
    gold_total, gold_strict, gold_lax = _match(predicted_both, gold_both)
    return Counts(predicted_total, predicted_strict, predicted_lax, gold_total, gold_strict, gold_lax)


def score_documents(gold: Sequence[Sequence[Alignment]], predicted: Sequence[Sequence[Alignment]]) -> Scores:
    """Strict and lax P/R/F1 over several documents, counts summed before dividing (not a mean of ratios)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predicted")
    total = Counts()
    for gold_links, predicted_links in zip(gold, predicted, strict=True):
        total += count_document(gold_links, predicted_links)
    return Scores.from_counts(total)


def found_by_shape(
    gold: Sequence[Sequence[Alignment]], predicted: Sequence[Sequence[Alignment]]
) -> dict[str, tuple[int, int]]:
    """Diagnostic, not part of Vecalign's scores: per gold link shape (``1-1``, ``2-1``, ``1-0`` …), how many
    gold links the aligner predicted exactly, out of how many. Null links are included here, because finding
    an omission (``1-0``) is what a translation checker needs most and the recall above ignores them."""
    found: dict[str, list[int]] = {}
    for gold_links, predicted_links in zip(gold, predicted, strict=True):
        predicted_set = set(predicted_links)
        for link in set(gold_links):
            if not (link[0] or link[1]):
                continue
            tally = found.setdefault(f"{len(link[0])}-{len(link[1])}", [0, 0])
            tally[0] += link in predicted_set
            tally[1] += 1
    return {shape: (n, total) for shape, (n, total) in sorted(found.items(), key=lambda item: -item[1][1])}


def _verse_of(link: Alignment, src_verses: Sequence[str], tgt_verses: Sequence[str]) -> str | None:
    """The one verse a link lies in, or None when it spans verses or its two sides lie in different verses.

    A null link takes the verse of its non-empty side.
    """
    src = {src_verses[i] for i in link[0]}
    tgt = {tgt_verses[j] for j in link[1]}
    if len(src) > 1 or len(tgt) > 1 or (src and tgt and src != tgt):
        return None
    inside = src or tgt
    return next(iter(inside)) if inside else None


def merge_within_verses(
    links: Sequence[Alignment], src_verses: Sequence[str], tgt_verses: Sequence[str]
) -> list[Alignment]:
    """Merge runs of consecutive links that lie inside the same verse into one link, as the Bible evaluation of
    Bertalign does before scoring.

    The Bible gold is one link per verse (derived from verse ids), so an aligner that splits a verse into
    finer, correct sentence links would otherwise be penalised. Links spanning two verses are left alone and
    break a run. Sides are concatenated in order, like the published evaluation (monotone input stays sorted).
    """
    merged: list[Alignment] = []
    previous: str | None = None
    for link in links:
        verse = _verse_of(link, src_verses, tgt_verses)
        if verse is not None and verse == previous:
            src, tgt = merged[-1]
            merged[-1] = (src + link[0], tgt + link[1])
        else:
            merged.append(link)
        previous = verse
    return merged
