"""Sentence-alignment benchmark: strict and lax precision/recall/F1 on gold sets, plus speed on long documents.

Usage: python benchmarks/bench_align.py [--sets textberg,bible,synthetic,speed] [--model PATH] [--json OUT]

Sets (each skipped with a message when its data is absent, as in a clone without ../shared):
* textberg  German→French Text+Berg test0..6 (one aligner call, scores summed) and dev on its own line, since
            dev is for tuning; published strict F1 on test printed alongside.
* bible     English→Chinese Bible, one 5,000/6,301-sentence document; raw scores and scores after merging
            predicted links inside one verse (the published figures use the merged ones).
* synthetic zh→en MT from MQM newstest2020 with seeded drops, merges, splits and insertions (synthetic_align).
* engine    the synthetic set and Text+Berg test the way ``transcheck check`` aligns a corpus: fitted on
            all documents, then one aligner call per document.
* speed     1k/5k/20k-sentence zh→en documents, each aligned in a fresh process pinned to one core.

Scoring follows Vecalign's score.py (align_scoring). Sentences are pre-split: one line is one sentence.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import align_speed
import synthetic_align
from align_scoring import (
    Alignment,
    GoldDocument,
    Scores,
    found_by_shape,
    merge_within_verses,
    read_alignments,
    score_documents,
)

from transcheck.align import Link, default_aligner

ROOT = Path(__file__).resolve().parents[1]
ALIGN_DIR = ROOT.parent / "shared" / "data" / "align"
TEXTBERG_DIR = ALIGN_DIR / "textberg-de-fr"
BIBLE_DIR = ALIGN_DIR / "bible-en-zh"
ALL_SETS = ("textberg", "bible", "synthetic", "engine", "speed")
SPEED_SIZES = (1_000, 5_000, 20_000)

#: Published strict F1 on the same data, printed next to ours (see ../shared/data/align/README.md).
PUBLISHED: dict[str, str] = {
    "textberg-test": "Vecalign 0.902, Bertalign 0.940, SentAlign 0.932",
    "bible-verse-merged": "Gale-Church 0.821, Hunalign 0.895, Vecalign 0.978, Bertalign 0.979",
}


@dataclass
class SetResult:
    name: str
    documents: int
    src_sentences: int
    tgt_sentences: int
    gold_links: int
    predicted_links: int
    seconds: float | None
    scores: Scores | None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        row = {k: v for k, v in asdict(self).items() if k != "scores"}
        row.update(self.scores.as_dict() if self.scores else {})
        if self.name in PUBLISHED:
            row["published_strict_f1"] = PUBLISHED[self.name]
        return row


# --- reading the gold sets ------------------------------------------------------------------------------------


def read_sentences(path: Path) -> list[str]:
    """One sentence per line; only "\\n" ends a line (str.splitlines would also cut at U+2028 and friends)."""
    text = path.read_text(encoding="utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.rstrip("\r") for line in text.split("\n")] if text else []


def check_gold(document: GoldDocument) -> None:
    """Fail loudly when a gold link points past the end of the sentence files (wrong file paired)."""
    for src, tgt in document.links:
        if any(i >= len(document.src) for i in src) or any(j >= len(document.tgt) for j in tgt):
            raise ValueError(f"{document.name}: gold link {src}:{tgt} outside {len(document.src)}/{len(document.tgt)}")


def load_textberg(names: Sequence[str]) -> list[GoldDocument] | None:
    documents = []
    for name in names:
        paths = [TEXTBERG_DIR / f"{name}.{ext}" for ext in ("de", "fr", "defr")]
        if not all(p.is_file() for p in paths):
            return None
        document = GoldDocument(name, read_sentences(paths[0]), read_sentences(paths[1]), read_alignments(paths[2]))
        check_gold(document)
        documents.append(document)
    return documents


def load_bible() -> tuple[GoldDocument, list[str], list[str]] | None:
    """The Bible document and the verse id of every source and target sentence."""
    paths = [BIBLE_DIR / p for p in ("en/001", "zh/001", "gold/001.align", "en.verse", "zh.verse")]
    if not all(p.is_file() for p in paths):
        return None
    en, zh, gold, en_verses, zh_verses = paths
    document = GoldDocument("bible-001", read_sentences(en), read_sentences(zh), read_alignments(gold))
    check_gold(document)
    src_verses, tgt_verses = read_sentences(en_verses), read_sentences(zh_verses)
    if (len(src_verses), len(tgt_verses)) != (len(document.src), len(document.tgt)):
        raise ValueError("verse files do not match the sentence files line for line")
    return document, [v.strip() for v in src_verses], [v.strip() for v in tgt_verses]


# --- aligning and scoring -------------------------------------------------------------------------------------


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeoutError inside the block after ``seconds`` (POSIX main thread only; no limit elsewhere)."""
    if not seconds or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"alignment stopped at the --max-seconds limit ({seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def as_alignment(link: Link) -> Alignment:
    return tuple(link.src), tuple(link.tgt)


def coverage_problems(document: GoldDocument, predicted: Sequence[Alignment]) -> int:
    """Sentences the aligner did not cover exactly once (the aligner contract says every one, once)."""
    src_seen = [0] * len(document.src)
    tgt_seen = [0] * len(document.tgt)
    for src, tgt in predicted:
        for i in src:
            src_seen[i] += 1
        for j in tgt:
            tgt_seen[j] += 1
    return sum(n != 1 for n in src_seen) + sum(n != 1 for n in tgt_seen)


class Runner:
    """Holds the aligner and the per-set time limit; one method per gold set, each returning table rows."""

    def __init__(self, model: str | None, max_seconds: float | None) -> None:
        self.aligner = default_aligner(model=model) if model else default_aligner()
        self.max_seconds = max_seconds

    def align(
        self, documents: Sequence[GoldDocument], src_lang: str, tgt_lang: str
    ) -> tuple[list[list[Alignment]], float]:
        """One align_blocks call for the whole set, so the aligner can share what it learns across documents."""
        blocks = [(d.src, d.tgt) for d in documents]
        started = time.perf_counter()
        with time_limit(self.max_seconds):
            results = self.aligner.align_blocks(blocks, src_lang, tgt_lang)
        seconds = time.perf_counter() - started
        return [[as_alignment(link) for link in links] for links in results], seconds

    def score_set(
        self, name: str, documents: Sequence[GoldDocument], src_lang: str, tgt_lang: str
    ) -> tuple[SetResult, list[list[Alignment]]]:
        try:
            predicted, seconds = self.align(documents, src_lang, tgt_lang)
        except TimeoutError as error:
            return self._row(name, documents, [], None, None, [str(error)]), []
        scores = score_documents([d.links for d in documents], predicted)
        notes = []
        problems = sum(coverage_problems(d, p) for d, p in zip(documents, predicted, strict=True))
        if problems:
            notes.append(f"aligner output covers {problems} sentences not exactly once")
        return self._row(name, documents, predicted, seconds, scores, notes), predicted

    @staticmethod
    def _row(
        name: str,
        documents: Sequence[GoldDocument],
        predicted: Sequence[Sequence[Alignment]],
        seconds: float | None,
        scores: Scores | None,
        notes: list[str],
    ) -> SetResult:
        return SetResult(
            name,
            len(documents),
            sum(len(d.src) for d in documents),
            sum(len(d.tgt) for d in documents),
            sum(len(d.links) for d in documents),
            sum(len(p) for p in predicted),
            None if seconds is None else round(seconds, 2),
            scores,
            notes,
        )

    def textberg(self) -> list[SetResult]:
        test = load_textberg([f"test{k}" for k in range(7)])
        dev = load_textberg(["dev"])
        if test is None or dev is None:
            return skipped("textberg", TEXTBERG_DIR)
        test_row, _ = self.score_set("textberg-test", test, "de", "fr")
        dev_row, _ = self.score_set("textberg-dev", dev, "de", "fr")
        dev_row.notes.append("dev set: for tuning, not comparable with published test figures")
        return [test_row, dev_row]

    def bible(self) -> list[SetResult]:
        loaded = load_bible()
        if loaded is None:
            return skipped("bible", BIBLE_DIR)
        document, src_verses, tgt_verses = loaded
        raw, predicted = self.score_set("bible-raw", [document], "en", "zh")
        if raw.scores is None:
            return [raw]
        merged_links = merge_within_verses(predicted[0], src_verses, tgt_verses)
        merged = SetResult(
            "bible-verse-merged",
            1,
            raw.src_sentences,
            raw.tgt_sentences,
            raw.gold_links,
            len(merged_links),
            raw.seconds,
            score_documents([document.links], [merged_links]),
            ["same alignment as bible-raw, consecutive links inside one verse merged before scoring"],
        )
        return [raw, merged]

    def synthetic(self, seed: int) -> list[SetResult]:
        segments = synthetic_align.load_segments()
        if segments is None:
            return skipped("synthetic", synthetic_align.MQM_DIR)
        documents = synthetic_align.build_synthetic_set(segments, seed=seed)
        row, predicted = self.score_set("synthetic-zh-en", documents, "zh", "en")
        if predicted:
            shapes = found_by_shape([d.links for d in documents], predicted)
            found = ", ".join(f"{shape} {n}/{total}" for shape, (n, total) in shapes.items())
            row.notes.append(f"seed {seed}; gold links found exactly, by shape: {found}")
        return [row]

    def engine(self, seed: int) -> list[SetResult]:
        """The path ``transcheck check`` takes on a corpus: the aligner is fitted on every document first
        (corpus lexicon), then each document is aligned on its own (one pass when the lexicon is there)."""
        sets: list[tuple[str, list[GoldDocument], str, str]] = []
        segments = synthetic_align.load_segments()
        if segments is not None:
            synthetic = synthetic_align.build_synthetic_set(segments, seed=seed)
            sets.append(("engine-synthetic-zh-en", synthetic, "zh", "en"))
        textberg = load_textberg([f"test{i}" for i in range(7)])
        if textberg:
            sets.append(("engine-textberg-test", textberg, "de", "fr"))
        rows = []
        for name, documents, src_lang, tgt_lang in sets:
            aligner = default_aligner()
            aligner.fit([(d.src, d.tgt) for d in documents], src_lang, tgt_lang)  # type: ignore[attr-defined]
            started = time.perf_counter()
            predicted = [
                [as_alignment(link) for link in aligner.align(d.src, d.tgt, src_lang, tgt_lang)] for d in documents
            ]
            seconds = time.perf_counter() - started
            scores = score_documents([d.links for d in documents], predicted)
            rows.append(self._row(name, documents, predicted, seconds, scores, ["fitted, then one call a document"]))
        return rows


def skipped(name: str, folder: Path) -> list[SetResult]:
    print(f"[{name}] skipped: no data under {folder}", file=sys.stderr)
    return []


def run_speed(model: str | None, sizes: Sequence[int], timeout: float) -> list[dict[str, object]]:
    segments = synthetic_align.load_segments()
    source = "MQM newstest2020 zh-en" if segments is not None else "corpora/news-zh-en (repeated)"
    rows = []
    for size in sizes:
        src, tgt = synthetic_align.long_document(size, segments)
        print(f"[speed] {size} sentences from {source} …", file=sys.stderr, flush=True)
        row: dict[str, object] = {"sentences": size, "source": source}
        row.update(align_speed.measure(src, tgt, "zh", "en", model, timeout))
        rows.append(row)
    return rows


# --- output ---------------------------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(rows: Sequence[SetResult]) -> None:
    header = (
        f"{'set':<20} {'docs':>4} {'src/tgt':>11} {'gold':>5} {'pred':>5} │ {'strict P':>8} {'R':>5} {'F1':>5} │ "
        f"{'lax P':>5} {'R':>5} {'F1':>5} │ {'seconds':>7}"
    )
    print(header)
    print("─" * len(header))
    for row in rows:
        s = row.scores
        figures = (
            [s.precision_strict, s.recall_strict, s.f1_strict, s.precision_lax, s.recall_lax, s.f1_lax]
            if s
            else [None] * 6
        )
        print(
            f"{row.name:<20} {row.documents:>4} {f'{row.src_sentences}/{row.tgt_sentences}':>11} "
            f"{row.gold_links:>5} {row.predicted_links:>5} │ {_fmt(figures[0]):>8} {_fmt(figures[1]):>5} "
            f"{_fmt(figures[2]):>5} │ {_fmt(figures[3]):>5} {_fmt(figures[4]):>5} {_fmt(figures[5]):>5} │ "
            f"{_fmt(row.seconds, 1):>7}"
        )
        if row.name in PUBLISHED:
            print(f"{'':<20} published strict F1: {PUBLISHED[row.name]}")
        for note in row.notes:
            print(f"{'':<20} note: {note}")


def print_speed(rows: Sequence[dict[str, object]]) -> None:
    columns = ("load s", "align s", "process s", "base MiB", "peak MiB", "+MiB")
    print(f"\n{'speed (zh→en, 1 core)':<22} " + " ".join(f"{c:>9}" for c in columns))
    for row in rows:
        label = f"{row['sentences']} sentences"
        if "error" in row:
            print(f"{label:<22} {row['error']}")
            continue
        figures = ("load_seconds", "align_seconds", "process_seconds", "baseline_mib", "peak_mib", "align_mib")
        print(f"{label:<22} " + " ".join(f"{row[f]:>9}" for f in figures))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated subset of " + ",".join(ALL_SETS))
    parser.add_argument("--model", help="passed to default_aligner(model=PATH) when given")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--seed", type=int, default=2020, help="seed of the synthetic set (default 2020)")
    parser.add_argument("--max-seconds", type=float, help="give up on a gold set whose alignment takes longer")
    parser.add_argument("--speed-timeout", type=float, default=900, help="limit per speed run (default 900 s)")
    parser.add_argument(
        "--speed-sizes", default=",".join(map(str, SPEED_SIZES)), help="document sizes for the speed test"
    )
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(ALL_SETS))
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")

    try:
        runner = Runner(args.model, args.max_seconds)
    except TypeError as error:  # today's default_aligner() takes no model
        if not args.model or "model" not in str(error):
            raise
        parser.error(f"--model: default_aligner() does not accept it ({error})")
    gold_sets: dict[str, Callable[[], list[SetResult]]] = {
        "textberg": runner.textberg,
        "bible": runner.bible,
        "synthetic": lambda: runner.synthetic(args.seed),
        "engine": lambda: runner.engine(args.seed),
    }
    rows: list[SetResult] = []
    for name in chosen:
        if name in gold_sets:
            print(f"[{name}] aligning …", file=sys.stderr, flush=True)
            rows += gold_sets[name]()
    speed: list[dict[str, object]] = []
    if "speed" in chosen:
        speed = run_speed(args.model, [int(n) for n in args.speed_sizes.split(",")], args.speed_timeout)

    print(f"aligner: {type(runner.aligner).__name__}" + (f" (model {args.model})" if args.model else ""))
    if rows:
        print_table(rows)
    if speed:
        print_speed(speed)
    if args.json:
        report = {
            "date": date.today().isoformat(),
            "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
            "aligner": type(runner.aligner).__name__,
            "model": args.model,
            "sets": [row.as_dict() for row in rows],
            "speed": speed,
            "published_strict_f1": PUBLISHED,
        }
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
