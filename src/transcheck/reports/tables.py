"""The central tables (findings, segments, documents, names) and the run summary.

Every report format renders these; no writer computes anything of its own. Lists are stored as plain
strings ("0,1") rather than Python lists, because pandas 3 turns tuple columns into Arrow lists that compare
oddly and CSV cannot hold them anyway.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import __version__
from ..checks.rules import RULES
from ..engine import RunResult
from ..model import Severity
from ..scoring.metrics import SentenceScores, signatures

FINDING_COLUMNS = [
    "finding_id",
    "rule",
    "name",
    "severity",
    "doc_id",
    "pair_id",
    "location",
    "source",
    "target",
    "evidence",
    "suggestion",
    "message",
    "suppressed",
    "baselined",
]
SEGMENT_COLUMNS = [
    "doc_id",
    "pair_id",
    "link",
    "src_ids",
    "tgt_ids",
    "source",
    "target",
    "src_lang",
    "tgt_lang",
    "align_score",
    "location",
    "flags",
    "withheld",
    "findings",
    "max_severity",
    "risk",
    "bleu",
    "chrf",
    "chrf_pp",
    "ter",
]
DOCUMENT_COLUMNS = [
    "doc_id",
    "status",
    "detail",
    "src_path",
    "tgt_path",
    "ref_path",
    "src_lang",
    "tgt_lang",
    "src_sentences",
    "tgt_sentences",
    "pairs",
    "omissions",
    "coverage",
    "bleu",
    "chrf",
    "chrf_pp",
    "ter",
    "risk",
    "errors",
    "warnings",
    "infos",
    "withheld",
    "skipped_rules",
]
NAME_COLUMNS = ["family", "source_forms", "standard", "dominant", "verdict", "renderings", "documents"]


@dataclass(frozen=True)
class ReportTables:
    findings: pd.DataFrame
    segments: pd.DataFrame
    documents: pd.DataFrame
    names: pd.DataFrame
    summary: dict[str, Any]


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in ids)


def _columns(names: list[str]) -> dict[str, list[Any]]:
    return {name: [] for name in names}


def build_tables(result: RunResult, settings: dict[str, Any] | None = None) -> ReportTables:
    # The tables are built column by column: one list per column holds the run's values, where a dict per row
    # would cost a million dicts on a large corpus.
    finding_columns = _columns(FINDING_COLUMNS)
    for f in result.findings:
        for column, value in (
            ("finding_id", f.finding_id),
            ("rule", f.rule),
            ("name", RULES[f.rule].name),
            ("severity", f.severity.value),
            ("doc_id", f.doc_id),
            ("pair_id", pd.NA if f.pair_id is None else f.pair_id),
            ("location", f.location),
            ("source", f.source),
            ("target", f.target),
            ("evidence", f.evidence),
            ("suggestion", f.suggestion),
            ("message", f.message),
            ("suppressed", f.suppressed),
            ("baselined", f.baselined),
        ):
            finding_columns[column].append(value)
    findings = pd.DataFrame(finding_columns, columns=FINDING_COLUMNS).astype(
        {"pair_id": "Int64", "suppressed": bool, "baselined": bool}
    )

    per_pair: dict[tuple[str, int], list[Severity]] = {}
    per_doc: dict[str, Counter[str]] = {}
    for f in result.findings:
        per_doc.setdefault(f.doc_id, Counter())[f.severity.value] += 1
        if f.pair_id is not None:
            per_pair.setdefault((f.doc_id, f.pair_id), []).append(f.severity)

    # Short values that repeat from row to row ("1-1", "3", "4,5") are kept once: a million rows would otherwise
    # hold three million small strings of their own.
    shared: dict[str, str] = {}

    def one(value: str) -> str:
        return shared.setdefault(value, value)

    segment_columns = _columns(SEGMENT_COLUMNS)
    document_columns = _columns(DOCUMENT_COLUMNS)
    for r in result.documents:
        doc = r.doc
        for p in r.pairs:
            severities = per_pair.get((doc.doc_id, p.pair_id), [])
            for column, value in (
                ("doc_id", doc.doc_id),
                ("pair_id", p.pair_id),
                ("link", one(p.link_type)),
                ("src_ids", one(_ids(p.src_ids))),
                ("tgt_ids", one(_ids(p.tgt_ids))),
                ("source", p.source),
                ("target", p.target),
                ("src_lang", r.src_lang),
                ("tgt_lang", r.tgt_lang),
                ("align_score", p.score),
                ("location", p.location),
                ("flags", ",".join(p.flags)),
                ("withheld", r.withheld_pairs.get(p.pair_id, "")),
                ("findings", len(severities)),
                ("max_severity", max(severities, key=lambda s: s.rank).value if severities else ""),
                ("risk", r.risks.get(p.pair_id, pd.NA)),
                *_sentence_metrics(r.pair_scores.get(p.pair_id)).items(),
            ):
                segment_columns[column].append(value)
        translated = sum(len(p.src_ids) for p in r.pairs if p.tgt_ids)
        omitted = sum(len(p.src_ids) for p in r.pairs if not p.tgt_ids)
        counts = per_doc.get(doc.doc_id, Counter())
        for column, value in (
            ("doc_id", doc.doc_id),
            ("status", r.status),
            ("detail", r.detail),
            ("src_path", doc.source.path if doc.source else ""),
            ("tgt_path", doc.target.path if doc.target else ""),
            ("ref_path", doc.reference.path if doc.reference else ""),
            ("src_lang", r.src_lang),
            ("tgt_lang", r.tgt_lang),
            ("src_sentences", r.src_sentences),
            ("tgt_sentences", r.tgt_sentences),
            ("pairs", len(r.pairs)),
            ("omissions", omitted),
            ("coverage", round(translated / (translated + omitted), 4) if translated + omitted else pd.NA),
            ("bleu", r.scores.bleu if r.scores else pd.NA),
            ("chrf", r.scores.chrf if r.scores else pd.NA),
            ("chrf_pp", r.scores.chrf_pp if r.scores else pd.NA),
            ("ter", r.scores.ter if r.scores else pd.NA),
            ("risk", r.risk if r.pairs else pd.NA),
            ("errors", counts["error"]),
            ("warnings", counts["warning"]),
            ("infos", counts["info"]),
            ("withheld", sum(r.withheld.values())),
            ("skipped_rules", ",".join(r.skipped.rules)),
        ):
            document_columns[column].append(value)
    segments = pd.DataFrame(segment_columns, columns=SEGMENT_COLUMNS).astype(
        {"risk": "Float64", "bleu": "Float64", "chrf": "Float64", "chrf_pp": "Float64", "ter": "Float64"}
    )
    documents = pd.DataFrame(document_columns, columns=DOCUMENT_COLUMNS).astype(
        {"coverage": "Float64", "bleu": "Float64", "chrf": "Float64", "chrf_pp": "Float64", "ter": "Float64"}
        | {"risk": "Float64"}
    )
    names = pd.DataFrame(
        [
            {
                "family": fam.key,
                "source_forms": "|".join(fam.source_forms),
                "standard": fam.standard,
                "dominant": fam.dominant,
                "verdict": fam.verdict,
                "renderings": "; ".join(f"{r} ×{c}" for r, c, _ in fam.renderings),
                "documents": "; ".join(f"{r}: {','.join(d)}" for r, _, d in fam.renderings),
            }
            for fam in result.families
        ],
        columns=NAME_COLUMNS,
    )
    severity_counts = Counter(f.severity.value for f in result.findings)
    baselined_ids = {f.finding_id for f in result.findings if f.baselined}
    withheld: Counter[str] = sum((r.withheld for r in result.documents), Counter())
    withheld_pairs = Counter(reason for r in result.documents for reason in r.withheld_pairs.values())
    summary: dict[str, Any] = {
        "tool": {"name": "transcheck", "version": __version__},
        "settings": settings or {},
        "counts": {
            "documents": len(result.documents),
            "documents_by_status": dict(sorted(Counter(r.status for r in result.documents).items())),
            "source_sentences": sum(r.src_sentences for r in result.documents),
            "target_sentences": sum(r.tgt_sentences for r in result.documents),
            "pairs": len(segments),
            "findings": len(result.findings),
            "findings_by_severity": {
                s.value: severity_counts[s.value] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            },
            "findings_by_rule": dict(sorted(Counter(f.rule for f in result.findings).items())),
            "findings_suppressed": sum(f.suppressed for f in result.findings),
            "findings_baselined": sum(f.baselined for f in result.findings),
            "findings_new": sum(f.counts for f in result.findings),
        },
        "baseline": {
            "entries": result.baseline_entries,
            "matched": len(baselined_ids),
            "unmatched": result.baseline_entries - len(baselined_ids),
        },
        "withheld": {
            "findings": sum(withheld.values()),
            "by_rule": dict(sorted(withheld.items())),
            "pairs_by_reason": dict(sorted(withheld_pairs.items())),
            "by_document": {r.doc.doc_id: sum(r.withheld.values()) for r in result.documents if r.withheld},
        },
        "skipped_rules": [
            {"doc_id": r.doc.doc_id, "rules": list(r.skipped.rules), "reason": r.skipped.reason}
            for r in result.documents
            if r.skipped.rules
        ],
        "suppression_marker_problems": [
            {"doc_id": r.doc.doc_id, "location": p.location, "marker": p.marker, "reason": p.reason}
            for r in result.documents
            for p in r.marker_problems
        ],
        "scores": {
            lang: {
                "bleu": s.bleu,
                "chrf": s.chrf,
                "chrf_pp": s.chrf_pp,
                "ter": s.ter,
                "segments": s.segments,
                "signatures": signatures(lang),
            }
            for lang, s in sorted(result.corpus_scores.items())
        },
        "risk": _risk_summary(result),
    }
    return ReportTables(findings, segments, documents, names, summary)


def _sentence_metrics(scores: SentenceScores | None) -> dict[str, Any]:
    if scores is None:
        return {"bleu": pd.NA, "chrf": pd.NA, "chrf_pp": pd.NA, "ter": pd.NA}
    return {"bleu": scores.bleu, "chrf": scores.chrf, "chrf_pp": scores.chrf_pp, "ter": scores.ter}


def _risk_summary(result: RunResult) -> dict[str, Any]:
    """Corpus roll-up of the reference-free risk: how it is distributed and which documents to read first."""
    risks = sorted((v for r in result.documents for v in r.risks.values()), reverse=True)
    if not risks:
        return {"pairs": 0}
    ranked = sorted((r for r in result.documents if r.pairs), key=lambda r: (-r.risk, r.doc.doc_id))
    return {
        "pairs": len(risks),
        "mean": round(sum(risks) / len(risks), 4),
        "max": risks[0],
        "top_decile_from": risks[max(0, len(risks) // 10 - 1)],
        "documents_by_risk": [{"doc_id": r.doc.doc_id, "risk": r.risk} for r in ranked[:20]],
    }
