"""Garble detection and false alarms of the name linker, measured on a hand-written list of real names.

``benchmarks/names_testlist.csv`` lists people and places that East Asian news writes about: the Chinese
form a Chinese source uses, the standard English spelling, other accepted spellings, wrong renderings of the
kind machine translation produces (garbles) and, for people, the order-swapped rendering. For every rendering
this script builds a Chinese source sentence and an English target sentence, links them with
:class:`transcheck.names.linking.NameLinker` over the shipped lexicon, with the source and in target-only mode,
and counts:

- garble detection: a garble's mention is judged ``nonstandard`` (with source) or ``suspect`` (target-only)
  *and* the suggested standard is the entry's standard spelling;
- false alarms: a standard or accepted spelling judged ``nonstandard`` or ``suspect``;
- what entries missing from the lexicon and order-swapped renderings get today.

Usage::

    PYTHONPATH=src python benchmarks/bench_names.py [--list CSV] [--json OUT] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from transcheck.model import AlignedPair
from transcheck.names.lexicon import NameLexicon, name_key, shipped_lexicon
from transcheck.names.linking import NameLinker, NameOccurrence

DEFAULT_LIST = Path(__file__).with_name("names_testlist.csv")
LIST_COLUMNS = ("id", "source_form", "origin", "kind", "standard", "alternatives", "garbles", "swapped")
MODES = ("source", "target")
#: The verdict that counts as "flagged" in each mode.
FLAG_VERDICT = {"source": "nonstandard", "target": "suspect"}
ALARM_VERDICTS = frozenset({"nonstandard", "suspect"})
#: Verdict recorded when the linker returned no mention for the rendering (e.g. a one-word place name).
NOT_EXTRACTED = "not-extracted"


@dataclass(frozen=True)
class TestEntry:
    id: str
    source_form: str
    origin: str
    kind: str
    standard: str
    alternatives: tuple[str, ...] = ()
    garbles: tuple[str, ...] = ()
    swapped: str = ""


@dataclass(frozen=True)
class Trial:
    """One rendering of one entry, linked in one mode, with what the linker said about it."""

    entry_id: str
    origin: str
    kind: str
    in_lexicon: bool
    category: str  # standard | alternative | garble | swapped
    rendering: str
    mode: str  # source | target
    verdict: str
    suggested: str = ""
    mention: str = ""
    expected_standard: str = ""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def parse_testlist(text: str) -> list[TestEntry]:
    """Entries of the test list (CSV text with the columns of :data:`LIST_COLUMNS`); blank ids are skipped."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [c for c in LIST_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"test list lacks columns: {', '.join(missing)}")
    entries = []
    for row in reader:
        entry_id = (row["id"] or "").strip()
        if not entry_id:
            continue
        entries.append(
            TestEntry(
                id=entry_id,
                source_form=row["source_form"].strip(),
                origin=row["origin"].strip(),
                kind=row["kind"].strip(),
                standard=row["standard"].strip(),
                alternatives=_split(row["alternatives"]),
                garbles=_split(row["garbles"]),
                swapped=(row["swapped"] or "").strip(),
            )
        )
    return entries


def lexicon_match(entry: TestEntry, lexicon: NameLexicon) -> str:
    """The lexicon's English spelling for the entry's source form, or "" when the lexicon lacks that form."""
    holders = [c for c in lexicon.entries if entry.source_form in c.source_forms]
    same = [c for c in holders if name_key(entry.standard) in {name_key(a) for a in c.accepted}]
    return (same or holders)[0].english if holders else ""


def in_lexicon(entry: TestEntry, lexicon: NameLexicon) -> bool:
    """True when the lexicon has the source form with the entry's standard spelling among its accepted ones."""
    return any(
        entry.source_form in candidate.source_forms
        and name_key(entry.standard) in {name_key(a) for a in candidate.accepted}
        for candidate in lexicon.entries
    )


def source_sentence(entry: TestEntry) -> str:
    if entry.kind == "place":
        return f"{entry.source_form}官员表示，双方将继续合作。"
    return f"{entry.source_form}表示，双方将继续合作。"


def target_sentence(entry: TestEntry, rendering: str) -> str:
    if entry.kind == "place":
        return f"Officials in {rendering} said the two sides would keep cooperating."
    return f"{rendering} said the two sides would keep cooperating."


def renderings(entry: TestEntry) -> list[tuple[str, str]]:
    """(category, rendering) for everything the entry asks to test."""
    out = [("standard", entry.standard)]
    out += [("alternative", r) for r in entry.alternatives]
    out += [("garble", r) for r in entry.garbles]
    if entry.swapped:
        out.append(("swapped", entry.swapped))
    return out


def pick_occurrence(occurrences: Iterable[NameOccurrence], rendering: str) -> NameOccurrence | None:
    """The occurrence that covers the rendering (the longest whose key overlaps the rendering's key)."""
    key = name_key(rendering)
    matches = [o for o in occurrences if name_key(o.rendering) in key or key in name_key(o.rendering)]
    return max(matches, key=lambda o: len(o.rendering), default=None)


def run_trials(entries: Iterable[TestEntry], lexicon: NameLexicon) -> list[Trial]:
    linker = NameLinker(lexicon)
    trials = []
    pair_id = 0
    for entry in entries:
        known = in_lexicon(entry, lexicon)
        for category, rendering in renderings(entry):
            for mode in MODES:
                pair_id += 1
                has_source = mode == "source"
                pair = AlignedPair(
                    pair_id=pair_id,
                    src_ids=(0,) if has_source else (),
                    tgt_ids=(0,),
                    source=source_sentence(entry) if has_source else "",
                    target=target_sentence(entry, rendering),
                )
                occurrence = pick_occurrence(linker.link_pair(entry.id, pair, has_source=has_source), rendering)
                trials.append(
                    Trial(
                        entry_id=entry.id,
                        origin=entry.origin,
                        kind=entry.kind,
                        in_lexicon=known,
                        category=category,
                        rendering=rendering,
                        mode=mode,
                        verdict=occurrence.verdict if occurrence else NOT_EXTRACTED,
                        suggested=occurrence.standard if occurrence else "",
                        mention=occurrence.rendering if occurrence else "",
                        expected_standard=entry.standard,
                    )
                )
    return trials


# --- counting ------------------------------------------------------------------------------------------------


def is_detected(trial: Trial) -> bool:
    """A garble flagged with the verdict of its mode and the right suggestion."""
    return (
        trial.category == "garble"
        and trial.verdict == FLAG_VERDICT[trial.mode]
        and name_key(trial.suggested) == name_key(trial.expected_standard)
    )


def is_false_alarm(trial: Trial) -> bool:
    return trial.category in ("standard", "alternative") and trial.verdict in ALARM_VERDICTS


def rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def summarize(trials: list[Trial]) -> dict[str, object]:
    """Detection and false-alarm counts for one group of trials, with the verdict counts per category."""
    garbles = [t for t in trials if t.category == "garble"]
    accepted = [t for t in trials if t.category in ("standard", "alternative")]
    detected = sum(map(is_detected, garbles))
    wrong_suggestion = sum(1 for t in garbles if t.verdict == FLAG_VERDICT[t.mode] and not is_detected(t))
    alarms = sum(map(is_false_alarm, accepted))
    recognised = sum(1 for t in accepted if t.verdict in ("standard", "variant"))
    return {
        "garbles": len(garbles),
        "detected": detected,
        "detection_rate": rate(detected, len(garbles)),
        "flagged_wrong_suggestion": wrong_suggestion,
        "accepted": len(accepted),
        "false_alarms": alarms,
        "false_alarm_rate": rate(alarms, len(accepted)),
        "recognised": recognised,
        "recognition_rate": rate(recognised, len(accepted)),
    }


def verdict_counts(trials: Iterable[Trial]) -> dict[str, int]:
    return dict(sorted(Counter(t.verdict for t in trials).items()))


def report(trials: list[Trial], entries: list[TestEntry], lexicon: NameLexicon) -> dict[str, object]:
    def select(**where: object) -> list[Trial]:
        return [t for t in trials if all(getattr(t, k) == v for k, v in where.items())]

    in_lex_ids = {t.entry_id for t in trials if t.in_lexicon}
    absent = [e for e in entries if e.id not in in_lex_ids]
    disagreements = []
    for entry in absent:
        other = lexicon_match(entry, lexicon)
        if other:
            disagreements.append({"id": entry.id, "standard": entry.standard, "lexicon": other})
    origins = sorted({e.origin for e in entries})
    result: dict[str, object] = {
        "entries": len(entries),
        "in_lexicon": len(in_lex_ids),
        "not_in_lexicon": len(absent),
        "not_in_lexicon_ids": [e.id for e in absent],
        "source_form_known_other_spelling": disagreements,
        "overall": {m: summarize(select(mode=m)) for m in MODES},
        "in_lexicon_only": {m: summarize(select(mode=m, in_lexicon=True)) for m in MODES},
        "not_in_lexicon_verdicts": {m: verdict_counts(select(mode=m, in_lexicon=False)) for m in MODES},
        "per_origin": {o: {m: summarize(select(mode=m, origin=o)) for m in MODES} for o in origins},
        "per_kind": {k: {m: summarize(select(mode=m, kind=k)) for m in MODES} for k in ("person", "place")},
        "swapped_verdicts": {m: verdict_counts(select(mode=m, category="swapped")) for m in MODES},
        "swapped_verdicts_in_lexicon": {
            m: verdict_counts(select(mode=m, category="swapped", in_lexicon=True)) for m in MODES
        },
        "misses": {m: [asdict(t) for t in select(mode=m, category="garble") if not is_detected(t)] for m in MODES},
        "false_alarms": {m: [asdict(t) for t in select(mode=m) if is_false_alarm(t)] for m in MODES},
    }
    return result


# --- output --------------------------------------------------------------------------------------------------


def _pct(value: object) -> str:
    return "—" if value is None else f"{100 * float(value):.1f}%"  # type: ignore[arg-type]


def _row(label: str, summary: dict[str, object]) -> str:
    return (
        f"| {label} | {summary['detected']}/{summary['garbles']} | {_pct(summary['detection_rate'])} "
        f"| {summary['flagged_wrong_suggestion']} | {summary['false_alarms']}/{summary['accepted']} "
        f"| {_pct(summary['false_alarm_rate'])} | {_pct(summary['recognition_rate'])} |"
    )


def format_report(result: dict[str, object], show: int = 30) -> str:
    lines = [
        f"entries: {result['entries']} (in the shipped lexicon: {result['in_lexicon']}, "
        f"not: {result['not_in_lexicon']})",
        "",
        "| group | garbles detected | rate | flagged, wrong suggestion | false alarms | rate | accepted recognised |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    groups: list[tuple[str, dict[str, dict[str, object]]]] = [
        ("all entries", result["overall"]),  # type: ignore[list-item]
        ("in lexicon", result["in_lexicon_only"]),  # type: ignore[list-item]
    ]
    groups += [(f"kind {k}", v) for k, v in result["per_kind"].items()]  # type: ignore[union-attr]
    groups += [(f"origin {o}", v) for o, v in result["per_origin"].items()]  # type: ignore[union-attr]
    for label, by_mode in groups:
        for mode in MODES:
            lines.append(_row(f"{label}, {'with source' if mode == 'source' else 'target-only'}", by_mode[mode]))
    lines += ["", "verdicts of entries not in the lexicon (all their renderings):"]
    for mode in MODES:
        lines.append(f"  {mode}: {result['not_in_lexicon_verdicts'][mode]}")  # type: ignore[index]
    lines += ["verdicts of order-swapped renderings (all / in lexicon):"]
    for mode in MODES:
        lines.append(
            f"  {mode}: {result['swapped_verdicts'][mode]} / {result['swapped_verdicts_in_lexicon'][mode]}"  # type: ignore[index]
        )
    disagreements = result["source_form_known_other_spelling"]
    if disagreements:
        lines += ["source form in the lexicon under another standard spelling:"]
        lines += [f"  {d['id']}: list {d['standard']!r}, lexicon {d['lexicon']!r}" for d in disagreements]  # type: ignore[union-attr,index]
    for title, key in (("missed garbles", "misses"), ("false alarms", "false_alarms")):
        for mode in MODES:
            items = result[key][mode]  # type: ignore[index]
            lines += ["", f"{title}, {mode} ({len(items)}; first {min(show, len(items))}):"]
            for t in items[:show]:
                line = f"  {t['entry_id']}: {t['rendering']!r} -> {t['verdict']}"
                if t["suggested"]:
                    line += f" suggests {t['suggested']!r}"
                if t["mention"] and t["mention"] != t["rendering"]:
                    line += f" (mention {t['mention']!r})"
                lines.append(line + ("" if t["in_lexicon"] else " [not in lexicon]"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="test list CSV")
    parser.add_argument("--json", type=Path, help="write the full result (all misses and false alarms) here")
    parser.add_argument("--show", type=int, default=30, help="misses and false alarms to print per mode")
    args = parser.parse_args(argv)

    entries = parse_testlist(args.list.read_text(encoding="utf-8"))
    lexicon = shipped_lexicon()
    started = time.perf_counter()
    trials = run_trials(entries, lexicon)
    seconds = time.perf_counter() - started
    result = report(trials, entries, lexicon)
    result["trials"] = len(trials)
    result["seconds"] = round(seconds, 3)
    print(format_report(result, args.show))
    print(f"\n{len(trials)} linkings in {seconds:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
