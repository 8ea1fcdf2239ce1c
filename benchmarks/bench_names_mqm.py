"""Name findings against expert MQM annotations of real machine translation (newstest2020 zh→en).

The data (``../shared/data/mqm-newstest2020-zhen``, Freitag et al. 2021, Apache-2.0) holds 2,000 Chinese news
segments, each translated by 8 MT systems and 2 human translators, with every error span in the English marked
by professional translators. It is read at run time and never copied into the repository; when the folder is
absent the script says so and exits 0.

For every system and segment the (source, translation) pair goes through
:meth:`transcheck.names.linking.NameLinker.link_pair` over the shipped lexicon, with the source. A segment is
*flagged* when one of its mentions is judged ``nonstandard`` (what becomes an N001 finding). Gold: the segment
carries an error of a name category (``Locale convention/Name format``) from any rater.

- segment level: flagged ∧ gold is a true positive, flagged ∧ ¬gold a false positive, gold ∧ ¬flagged a miss;
- span level: a flagged segment is a true positive only when a flagged mention's span in the translation (found
  with ``str.find``; occurrences carry no offsets) overlaps an annotated name-error span. Precision and recall
  then share that true-positive count: precision over flagged segments, recall over gold segments.

The corpus pass (:func:`transcheck.checks.names.corpus_name_pass`, N002 stray renderings) runs once per system
over all its segments and is scored at segment level separately. The human translations (``ref`` true) give the
false-alarm rate: flagged segments / all segments.

Usage::

    PYTHONPATH=src python benchmarks/bench_names_mqm.py [--data DIR] [--json OUT] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-newstest2020-zhen"
SEGMENTS_FILE = "segments.jsonl.gz"
#: The MQM categories that mark a name rendered wrongly.
NAME_CATEGORIES = frozenset({"Locale convention/Name format"})
FLAG_VERDICTS = frozenset({"nonstandard"})
SNIPPET = 60  # characters of context either side of a span in the printed examples

Span = tuple[int, int]


# --------------------------------------------------------------------------------------------- matching logic


def overlaps(a: Span, b: Span) -> bool:
    """Half-open character spans [start, end) share at least one character."""
    return a[0] < b[1] and b[0] < a[1] and a[0] < a[1] and b[0] < b[1]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans joined (raters mark the same name slightly differently)."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def gold_spans(errors: Iterable[dict], categories: frozenset[str] = NAME_CATEGORIES) -> tuple[bool, list[Span]]:
    """Whether the segment has a name error at all, and the merged target spans of those errors."""
    is_gold = False
    spans: list[Span] = []
    for error in errors:
        if error.get("category") not in categories:
            continue
        is_gold = True
        span = error.get("span")
        if span is not None:
            spans.append((int(span[0]), int(span[1])))
    return is_gold, merge_spans(spans)


def find_all(text: str, needle: str) -> list[Span]:
    """Every (non-overlapping) place ``needle`` stands in ``text``; empty when it is not there."""
    spans: list[Span] = []
    if not needle:
        return spans
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def mention_spans(target: str, renderings: Iterable[str]) -> list[Span]:
    """Where the flagged renderings stand in the translation (case-insensitive fallback when exact fails)."""
    spans: list[Span] = []
    for rendering in renderings:
        found = find_all(target, rendering) or find_all(target.casefold(), rendering.casefold())
        spans.extend(found)
    return sorted(set(spans))


def span_hit(flagged: Sequence[Span], gold: Sequence[Span]) -> bool:
    return any(overlaps(f, g) for f in flagged for g in gold)


@dataclass
class Tally:
    """True positives, false positives and misses, with the derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, flagged: bool, gold: bool, hit: bool = True) -> None:
        """Count one segment. ``hit`` is whether the flag is on the right spot (always true at segment level)."""
        if flagged and gold and hit:
            self.tp += 1
        else:
            if flagged:
                self.fp += 1
            if gold:
                self.fn += 1

    @property
    def flagged(self) -> int:
        return self.tp + self.fp

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "flagged": self.flagged,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class SegmentResult:
    """One system's translation of one segment, as scored."""

    system: str
    doc: str
    seg_id: int
    is_ref: bool
    target: str
    flagged: bool
    gold: bool
    hit: bool  # a flagged mention overlaps a gold span (segment-level gold when the data has no spans)
    renderings: list[str] = field(default_factory=list)  # flagged renderings
    standards: list[str] = field(default_factory=list)  # the suggestion for each flagged rendering
    flagged_spans: list[Span] = field(default_factory=list)
    gold_spans: list[Span] = field(default_factory=list)
    other_categories: list[str] = field(default_factory=list)  # non-name errors under a flagged mention
    n002: int = 0


def score_segment(
    segment: dict, flagged_occurrences: Sequence[tuple[str, str]], categories: frozenset[str] = NAME_CATEGORIES
) -> SegmentResult:
    """Score one segment given its flagged (rendering, standard) pairs."""
    target = segment["target"]
    is_gold, spans = gold_spans(segment.get("errors", ()), categories)
    renderings = [r for r, _ in flagged_occurrences]
    found = mention_spans(target, renderings)
    flagged = bool(flagged_occurrences)
    # gold without target spans, or no gold: fall back to the segment
    hit = span_hit(found, spans) if spans else flagged and is_gold
    others = sorted(
        {
            e["category"]
            for e in segment.get("errors", ())
            if e.get("span") is not None
            and e.get("category") not in categories
            and any(overlaps(f, (e["span"][0], e["span"][1])) for f in found)
        }
    )
    return SegmentResult(
        system=segment["system"],
        doc=segment["doc"],
        seg_id=int(segment["seg_id"]),
        is_ref=bool(segment.get("ref")),
        target=target,
        flagged=flagged,
        gold=is_gold,
        hit=hit,
        renderings=renderings,
        standards=[s for _, s in flagged_occurrences],
        flagged_spans=found,
        gold_spans=spans,
        other_categories=others,
    )


@dataclass
class SystemScore:
    system: str
    is_ref: bool
    segments: int = 0
    segment: Tally = field(default_factory=Tally)
    span: Tally = field(default_factory=Tally)
    n002_findings: int = 0
    n002_segment: Tally = field(default_factory=Tally)

    def add(self, result: SegmentResult) -> None:
        self.segments += 1
        self.segment.add(result.flagged, result.gold)
        self.span.add(result.flagged, result.gold, result.hit)
        self.n002_findings += result.n002
        self.n002_segment.add(result.n002 > 0, result.gold)

    @property
    def flag_rate(self) -> float:
        return self.segment.flagged / self.segments if self.segments else 0.0

    def as_dict(self) -> dict:
        return {
            "system": self.system,
            "ref": self.is_ref,
            "segments": self.segments,
            "flag_rate": round(self.flag_rate, 4),
            "segment_level": self.segment.as_dict(),
            "span_level": self.span.as_dict(),
            "n002_findings": self.n002_findings,
            "n002_segment_level": self.n002_segment.as_dict(),
        }


def aggregate(results: Iterable[SegmentResult]) -> dict[str, SystemScore]:
    """Per system, plus ``ALL MT`` (machine systems) and ``ALL HUMAN`` (reference translations)."""
    scores: dict[str, SystemScore] = {}
    for result in results:
        group = "ALL HUMAN" if result.is_ref else "ALL MT"
        for key in (result.system, group):
            if key not in scores:
                scores[key] = SystemScore(key, result.is_ref)
            scores[key].add(result)
    return scores


def category_counts(segments: Iterable[dict]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for segment in segments:
        counts.update(e.get("category", "") for e in segment.get("errors", ()))
    return counts


# ------------------------------------------------------------------------------------------------ running


def load_segments(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_checks(segments: Sequence[dict], corpus_pass: bool = True) -> tuple[list[SegmentResult], dict[str, float]]:
    """Link every (source, MT) pair, score it, and optionally run the corpus pass per system."""
    from transcheck.checks.names import corpus_name_pass
    from transcheck.model import AlignedPair
    from transcheck.names.lexicon import shipped_lexicon
    from transcheck.names.linking import NameLinker

    timings: dict[str, float] = {}
    start = time.perf_counter()
    linker = NameLinker(shipped_lexicon())
    timings["lexicon_s"] = time.perf_counter() - start

    start = time.perf_counter()
    results: list[SegmentResult] = []
    by_system: dict[str, list] = defaultdict(list)
    pair_text: dict[str, dict[tuple[str, int], tuple[str, str]]] = defaultdict(dict)
    index: dict[tuple[str, str, int], SegmentResult] = {}
    for segment in segments:
        system, doc, seg_id = segment["system"], segment["doc"], int(segment["seg_id"])
        pair = AlignedPair(
            pair_id=seg_id,
            src_ids=(0,),
            tgt_ids=(0,),
            source=segment["source"],
            target=segment["target"],
            location=f"{system} {doc} seg {seg_id}",
        )
        occurrences = linker.link_pair(doc, pair, has_source=True)
        flagged = [(o.rendering, o.standard) for o in occurrences if o.verdict in FLAG_VERDICTS]
        result = score_segment(segment, flagged)
        results.append(result)
        index[(system, doc, seg_id)] = result
        by_system[system].extend(occurrences)
        pair_text[system][(doc, seg_id)] = (segment["source"], segment["target"])
    timings["link_s"] = time.perf_counter() - start

    start = time.perf_counter()
    if corpus_pass:
        for system, occurrences in by_system.items():
            findings, _ = corpus_name_pass(occurrences, pair_text[system])
            for finding in findings:
                if finding.rule == "N002":
                    index[(system, finding.doc_id, int(finding.pair_id))].n002 += 1
    timings["corpus_pass_s"] = time.perf_counter() - start
    return results, timings


def _snippet(text: str, spans: Sequence[Span]) -> str:
    if not spans:
        return text if len(text) <= 2 * SNIPPET else text[: 2 * SNIPPET] + "…"
    start, end = spans[0]
    lo, hi = max(0, start - SNIPPET), min(len(text), end + SNIPPET)
    return (
        ("…" if lo else "")
        + text[lo:start]
        + "[["
        + text[start:end]
        + "]]"
        + text[end:hi]
        + ("…" if hi < len(text) else "")
    )


def false_positives(results: Iterable[SegmentResult]) -> list[SegmentResult]:
    """MT segments flagged without a name error (segment level)."""
    return [r for r in results if not r.is_ref and r.flagged and not r.gold]


def misplaced(results: Iterable[SegmentResult]) -> list[SegmentResult]:
    """MT segments flagged and gold whose flagged mention misses every name-error span."""
    return [r for r in results if not r.is_ref and r.flagged and r.gold and not r.hit]


def false_negatives(results: Iterable[SegmentResult]) -> list[SegmentResult]:
    return [r for r in results if not r.is_ref and r.gold and not r.flagged]


def example(result: SegmentResult, kind: str) -> dict:
    spans = result.flagged_spans if kind == "fp" else result.gold_spans
    return {
        "system": result.system,
        "doc": result.doc,
        "seg_id": result.seg_id,
        "flagged": [f"{r} → {s}" for r, s in zip(result.renderings, result.standards, strict=True)],
        "gold_text": [result.target[s:e] for s, e in result.gold_spans],
        "other_categories": result.other_categories,
        "snippet": _snippet(result.target, spans),
    }


def print_table(scores: dict[str, SystemScore], out=sys.stdout) -> None:
    head = (
        f"{'system':<26}{'segs':>6}{'gold':>6}{'flag':>6}"
        f"{'P seg':>8}{'R seg':>8}{'F1 seg':>8}{'P span':>8}{'R span':>8}{'F1 span':>8}"
        f"{'N002':>6}{'P N002':>8}{'flag %':>8}"
    )
    print(head, file=out)
    print("-" * len(head), file=out)
    order = sorted((k for k in scores if not k.startswith("ALL")), key=lambda k: (scores[k].is_ref, k))
    order += [k for k in ("ALL MT", "ALL HUMAN") if k in scores]
    for key in order:
        s = scores[key]
        print(
            f"{key:<26}{s.segments:>6}{s.segment.gold:>6}{s.segment.flagged:>6}"
            f"{s.segment.precision:>8.3f}{s.segment.recall:>8.3f}{s.segment.f1:>8.3f}"
            f"{s.span.precision:>8.3f}{s.span.recall:>8.3f}{s.span.f1:>8.3f}"
            f"{s.n002_findings:>6}{s.n002_segment.precision:>8.3f}{100 * s.flag_rate:>7.2f}%",
            file=out,
        )


def target_only_flags(segments: Sequence[dict]) -> dict[str, Counter[str]]:
    """Without the source (``check --target-only``): per side ("human", "MT"), the flagged segments, the
    flagged segments with a name-format error, and each flagged rendering → suggestion. Human translations are
    not free of name errors (their raters marked some), so their flags are an upper bound on false alarms."""
    from transcheck.model import AlignedPair
    from transcheck.names.lexicon import shipped_lexicon
    from transcheck.names.linking import NameLinker

    linker = NameLinker(shipped_lexicon())
    out: dict[str, Counter[str]] = {"human": Counter(), "MT": Counter()}
    for segment in segments:
        pair = AlignedPair(pair_id=0, src_ids=(), tgt_ids=(0,), source="", target=segment["target"])
        flagged = [o for o in linker.link_pair(segment["doc"], pair, has_source=False) if o.verdict == "suspect"]
        side = out["human" if segment.get("ref") else "MT"]
        side["segments"] += 1
        if flagged:
            side["flagged"] += 1
            side["flagged_gold"] += gold_spans(segment.get("errors", []))[0]
            side.update(f"{o.rendering} → {o.standard}" for o in flagged)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding segments.jsonl.gz")
    parser.add_argument("--json", type=Path, help="write the figures and examples here")
    parser.add_argument("--show", type=int, default=20, help="false positives / negatives to print")
    parser.add_argument("--no-corpus-pass", action="store_true", help="skip the N002 corpus pass")
    args = parser.parse_args(argv)

    path = args.data / SEGMENTS_FILE
    if not path.is_file():
        print(f"bench_names_mqm: {path} not found; skipping (the MQM data is not in this checkout).")
        return 0

    start = time.perf_counter()
    segments = load_segments(path)
    load_s = time.perf_counter() - start
    categories = category_counts(segments)
    results, timings = run_checks(segments, corpus_pass=not args.no_corpus_pass)
    timings = {"load_s": load_s, **timings, "total_s": time.perf_counter() - start}
    scores = aggregate(results)

    print(f"{len(segments)} segments, {len({s['system'] for s in segments})} systems; error categories:")
    for name, count in categories.most_common():
        mark = "  <- gold" if name in NAME_CATEGORIES else ""
        print(f"  {count:>6}  {name}{mark}")
    print()
    print_table(scores)
    human = scores.get("ALL HUMAN")
    if human:
        print(
            f"\nfalse-alarm rate on human translations: {human.segment.flagged}/{human.segments} = "
            f"{100 * human.flag_rate:.2f} % of segments flagged"
        )
    print(
        "time: "
        + ", ".join(f"{k} {v:.2f}" for k, v in timings.items())
        + f" ({len(segments)} segments, {len(segments) / max(timings['link_s'], 1e-9):.0f} segments/s linking)"
    )

    start = time.perf_counter()
    blind = target_only_flags(segments)
    blind_s = time.perf_counter() - start
    print(f"\ntarget-only (no source), {blind_s:.1f} s:")
    for side, counts in blind.items():
        top = [f"{k} ({v})" for k, v in counts.most_common() if "→" in k][:8]
        print(
            f"  {side}: {counts['flagged']}/{counts['segments']} segments flagged "
            f"({100 * counts['flagged'] / max(counts['segments'], 1):.2f} %), {counts['flagged_gold']} of them with "
            f"a name-format error; {', '.join(top)}"
        )

    fps, fns, off = false_positives(results), false_negatives(results), misplaced(results)
    fp_pairs = Counter(f"{r} → {s}" for x in fps for r, s in zip(x.renderings, x.standards, strict=True))
    fn_text = Counter(x.target[s:e] for x in fns for s, e in x.gold_spans)
    print(
        f"\nMT false positives (segment level): {len(fps)}; flagged on a gold segment but off the name span: {len(off)}"
    )
    print("most frequent flagged renderings among them:")
    for text, count in fp_pairs.most_common(15):
        print(f"  {count:>4}  {text}")
    print(f"\nfirst {args.show} false positives:")
    for x in fps[: args.show]:
        e = example(x, "fp")
        other = f" (other errors there: {', '.join(e['other_categories'])})" if e["other_categories"] else ""
        print(f"  {x.system} {x.doc}#{x.seg_id}: {'; '.join(e['flagged'])}{other}\n      {e['snippet']}")
    print(f"\nMT misses (segment level): {len(fns)}; most frequent annotated name spans:")
    for text, count in fn_text.most_common(15):
        print(f"  {count:>4}  {text!r}")
    print(f"\nfirst {args.show} false negatives:")
    for x in fns[: args.show]:
        e = example(x, "fn")
        print(f"  {x.system} {x.doc}#{x.seg_id}: gold {e['gold_text']}\n      {e['snippet']}")

    if args.json:
        payload = {
            "data": str(args.data),
            "segments": len(segments),
            "gold_categories": sorted(NAME_CATEGORIES),
            "categories": dict(categories.most_common()),
            "scores": {k: v.as_dict() for k, v in scores.items()},
            "timings_s": {k: round(v, 3) for k, v in timings.items()},
            "target_only": {side: dict(counts.most_common()) for side, counts in blind.items()},
            "false_positives": [example(x, "fp") for x in fps[: args.show]],
            "false_negatives": [example(x, "fn") for x in fns[: args.show]],
            "misplaced": [example(x, "fp") for x in off[: args.show]],
            "top_false_positive_renderings": dict(fp_pairs.most_common(30)),
            "top_missed_spans": dict(fn_text.most_common(30)),
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
