"""Name rules: a nonstandard rendering of a known name (N001), a stray rendering across the corpus (N002),
accepted spellings mixed (N003), Japanese names written in both orders (N004).

N001 is decided per sentence pair from the lexicon. N002 and N003 need the whole corpus and run in the one
global step on small :class:`NameOccurrence` records. Two renderings of names the lexicon does not know are
put in one family only when the source text behind them agrees: the dominant rendering's source anchor
(the Chinese characters that stand beside it wherever it occurs, such as 金正恩) must also stand beside the
rare one. "Kim Jong Il" beside 金正日 therefore never joins "Kim Jong Un" beside 金正恩, however alike they look.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from ..model import Finding, Severity
from ..names.lexicon import name_key, rotated
from ..names.linking import GIVEN_FIRST, SURNAME_FIRST, NameOccurrence, given_name_similarity
from .rules import RULES

#: An n-gram is an anchor of a rendering when it stands beside at least this share of its occurrences.
ANCHOR_SUPPORT = 0.8
FAMILY_SIMILARITY = 0.6
#: Each differing word of two renderings in one family must be at least this similar to its counterpart.
PART_SIMILARITY = 0.6

#: (doc_id, pair_id) → (source, target) of the pair, so that name findings show their sentence.
PairText = dict[tuple[str, int], tuple[str, str]]


def occurrence_findings(occurrences: Iterable[NameOccurrence], pair_text: PairText) -> list[Finding]:
    """N001 for each mention the lexicon says is misspelt (error with a source, warning without one)."""
    findings = []
    for occ in occurrences:
        if occ.verdict == "nonstandard":
            if occ.entity.startswith("src:"):  # a name outside the lexicon, judged by its readings
                message = (
                    f"{occ.rendering!r} is not a reading of {occ.source_form}; the closest accepted spelling is "
                    f"{occ.standard!r}."
                )
            else:
                message = (
                    f"{occ.source_form} is written {occ.standard!r} in English; the translation has {occ.rendering!r}."
                )
            findings.append(_finding_for("N001", occ, occ.standard, message, pair_text))
        elif occ.verdict == "swapped":
            findings.append(
                _finding_for(
                    "N001",
                    occ,
                    occ.standard,
                    f"{occ.rendering!r} puts the given name first; English news writes {occ.standard!r}.",
                    pair_text,
                    Severity.WARNING,
                )
            )
        elif occ.verdict == "suspect":
            findings.append(
                _finding_for(
                    "N001",
                    occ,
                    occ.standard,
                    f"{occ.rendering!r} looks like a misspelling of {occ.standard!r} (no source to confirm).",
                    pair_text,
                    Severity.WARNING,
                )
            )
    return findings


@dataclass(frozen=True)
class NameFamily:
    """All renderings of one name across the corpus: the names table has one row per family."""

    key: str
    source_forms: tuple[str, ...]
    dominant: str
    standard: str
    renderings: tuple[tuple[str, int, tuple[str, ...]], ...]  # rendering, count, documents
    verdict: str


def _anchors(occs: Sequence[NameOccurrence], frequency: Counter[str]) -> set[str]:
    """Chinese n-grams beside (nearly) every occurrence of a rendering, and rarely elsewhere."""
    if len(occs) < 2:
        return set()
    counts: Counter[str] = Counter()
    for occ in occs:
        grams = {run[i : i + n] for run in occ.source_han for n in (2, 3, 4) for i in range(len(run) - n + 1)}
        counts.update(grams)
    needed = ANCHOR_SUPPORT * len(occs)
    candidates = {g for g, c in counts.items() if c >= needed and frequency[g] <= 2 * len(occs)}
    return {g for g in candidates if not any(g != h and g in h for h in candidates)}


def _source_grams(occs: Iterable[NameOccurrence]) -> Counter[str]:
    frequency: Counter[str] = Counter()
    seen_pairs: set[tuple[str, int]] = set()
    for occ in occs:
        if (occ.doc_id, occ.pair_id) in seen_pairs:
            continue
        seen_pairs.add((occ.doc_id, occ.pair_id))
        frequency.update({run[i : i + n] for run in occ.source_han for n in (2, 3, 4) for i in range(len(run) - n + 1)})
    return frequency


def _finding_for(
    code: str, occ: NameOccurrence, suggestion: str, message: str, pair_text: PairText, severity: Severity | None = None
) -> Finding:
    source, target = pair_text.get((occ.doc_id, occ.pair_id), ("", ""))
    return Finding(
        rule=code,
        severity=severity or RULES[code].severity,
        doc_id=occ.doc_id,
        message=message,
        pair_id=occ.pair_id,
        source=source,
        target=target,
        evidence=occ.rendering,
        suggestion=suggestion,
        location=occ.location,
    )


def corpus_name_pass(
    occurrences: Sequence[NameOccurrence], pair_text: PairText
) -> tuple[list[Finding], list[NameFamily]]:
    """Group occurrences into families; report stray renderings (N002), mixed accepted spellings (N003) and
    Japanese name orders mixed across the corpus (N004)."""
    findings: list[Finding] = _order_findings(occurrences, pair_text)
    families: list[NameFamily] = []
    by_entity: dict[str, list[NameOccurrence]] = defaultdict(list)
    unlinked: dict[str, list[NameOccurrence]] = defaultdict(list)
    for occ in occurrences:
        if occ.entity:
            by_entity[occ.entity].append(occ)
        else:
            unlinked[occ.rendering].append(occ)

    for entity, occs in sorted(by_entity.items()):
        counts = Counter(o.rendering for o in occs)
        accepted = Counter(o.rendering for o in occs if o.verdict in {"standard", "variant"})
        dominant = _dominant(counts, occs[0].standard)
        if len(accepted) > 1:
            house = _dominant(accepted, occs[0].standard)
            for occ in occs:
                # "Japan Business Federation (Keidanren)" writes both: a gloss, not an inconsistency
                target = pair_text.get((occ.doc_id, occ.pair_id), ("", ""))[1]
                glossed = name_key(house) != name_key(occ.rendering) and name_key(house) in name_key(target)
                # the same name in the other order is N004's, reported across all Japanese names at once
                reordered = bool(occ.order) and name_key(rotated(occ.rendering)) == name_key(house)
                if occ.verdict in {"standard", "variant"} and occ.rendering != house and not (glossed or reordered):
                    findings.append(
                        _finding_for(
                            "N003",
                            occ,
                            house,
                            f"{occ.rendering!r} and {house!r} are both accepted; the corpus mostly writes {house!r}.",
                            pair_text,
                        )
                    )
        verdict = (
            "consistent"
            if len(counts) == 1 and occs[0].verdict == "standard"
            else (
                "nonstandard"
                if any(o.verdict in {"nonstandard", "suspect", "swapped"} for o in occs)
                else "mixed"
                if len(counts) > 1
                else "variant"
            )
        )
        families.append(_family(entity, occs, dominant, occs[0].standard, verdict))

    frequency = _source_grams(occurrences)
    renderings = sorted(unlinked, key=lambda r: (-len(unlinked[r]), r))
    absorbed: set[str] = set()
    for i, dominant in enumerate(renderings):
        if dominant in absorbed:
            continue
        anchors = _anchors(unlinked[dominant], frequency)
        members = [dominant]
        for rare in renderings[i + 1 :]:
            if rare in absorbed or len(unlinked[rare]) >= len(unlinked[dominant]):
                continue
            if given_name_similarity(rare, dominant) < FAMILY_SIMILARITY or not _parts_alike(rare, dominant):
                continue
            if not anchors:
                continue
            if all(_anchored(occ, anchors, dominant, pair_text) for occ in unlinked[rare]):
                members.append(rare)
                absorbed.add(rare)
                for occ in unlinked[rare]:
                    findings.append(
                        _finding_for(
                            "N002",
                            occ,
                            dominant,
                            f"{'/'.join(sorted(anchors))} is rendered {dominant!r} "
                            f"{len(unlinked[dominant])} times in the corpus but {rare!r} here.",
                            pair_text,
                        )
                    )
        if len(members) > 1:
            occs = [o for m in members for o in unlinked[m]]
            families.append(_family(f"~{dominant}", occs, dominant, "", "inconsistent", tuple(sorted(anchors))))
    return findings, families


def _order_findings(occurrences: Sequence[NameOccurrence], pair_text: PairText) -> list[Finding]:
    """N004 for each Japanese name written in the corpus's less used order; a tie keeps given name first,
    the order English news uses most."""
    ordered = [o for o in occurrences if o.order in {GIVEN_FIRST, SURNAME_FIRST}]
    counts = Counter(o.order for o in ordered)
    if len(counts) < 2:
        return []
    usual = SURNAME_FIRST if counts[SURNAME_FIRST] > counts[GIVEN_FIRST] else GIVEN_FIRST
    label = {GIVEN_FIRST: "given name first", SURNAME_FIRST: "surname first"}
    findings = []
    for occ in ordered:
        if occ.order != usual:
            suggestion = rotated(occ.rendering)
            message = (
                f"{occ.rendering!r} is written {label[occ.order]}; the corpus writes Japanese names "
                f"{label[usual]} ({counts[usual]} mentions, against {counts[occ.order]})."
            )
            findings.append(_finding_for("N004", occ, suggestion, message, pair_text))
    return findings


def _parts_alike(a: str, b: str) -> bool:
    """Every word that differs is a near spelling of its counterpart ("Danjung Biai" / "Tanjung Biai"); two
    names that differ by a whole word ("Beijing Capital / Daxing International Airport") are two places."""
    words_a, words_b = a.casefold().split(), b.casefold().split()
    if len(words_a) != len(words_b):
        return False
    return all(
        x == y or Indel.normalized_similarity(x, y) >= PART_SIMILARITY for x, y in zip(words_a, words_b, strict=True)
    )


def _anchored(occ: NameOccurrence, anchors: set[str], dominant: str, pair_text: PairText) -> bool:
    """The source behind ``occ`` has the dominant rendering's anchor, and the anchor is not explained by the
    dominant rendering standing in the same translated sentence (two names side by side)."""
    if not any(a in run for a in anchors for run in occ.source_han):
        return False
    _, target = pair_text.get((occ.doc_id, occ.pair_id), ("", ""))
    return dominant not in target


def _dominant(counts: Counter[str], standard: str) -> str:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] != standard, kv[0]))[0][0]


def _family(
    key: str, occs: Sequence[NameOccurrence], dominant: str, standard: str, verdict: str, anchors: tuple[str, ...] = ()
) -> NameFamily:
    docs: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for occ in occs:
        counts[occ.rendering] += 1
        docs[occ.rendering].add(occ.doc_id)
    forms = tuple(sorted({o.source_form for o in occs if o.source_form})) or anchors
    rows = tuple((r, c, tuple(sorted(docs[r]))) for r, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return NameFamily(key, forms, dominant, standard, rows, verdict)
