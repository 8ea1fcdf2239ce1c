"""Hand-built report tables for the writer tests: fixed content (so snapshots do not move when the engine
changes), hostile text in every text column, formula-like cells, CJK text, columns the writers have never heard
of, and every finding state (counted, suppressed, baselined; error, warning, info; with and without a pair)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from transcheck.reports.tables import ReportTables

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '"><img src=x onerror="window.__pwned = 2">'
FORMULAS = ("=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3")
CJK = "韩国总统尹锡悦周四抵达东京。"


def _frame(rows: list[dict[str, Any]], columns: list[str], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(dtypes) if dtypes else frame


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
    "reviewer_note",  # a column no writer knows
]


def hostile_tables() -> ReportTables:
    news, ui = f"news{SCRIPT}", "ui"
    findings = [
        {
            "finding_id": "N001-aaaaaaaaaaaa",
            "rule": "N001",
            "name": "name-nonstandard",
            "severity": "error",
            "doc_id": news,
            "pair_id": 0,
            "location": "line 1",
            "source": CJK,
            "target": "South Korean President Yoon Suk-yue arrived in Tokyo on Thursday.",
            "evidence": "Yoon Suk-yue",
            "suggestion": "Yoon Suk-yeol",
            "message": "尹锡悦 is written 'Yoon Suk-yeol' in English; the translation has 'Yoon Suk-yue'.",
            "suppressed": False,
            "baselined": False,
            "reviewer_note": SCRIPT,
        },
        {
            "finding_id": "D003-bbbbbbbbbbbb",
            "rule": "D003",
            "name": "number-changed",
            "severity": "error",
            "doc_id": news,
            "pair_id": 1,
            "location": "line 2",
            "source": "约有3万人周六在首尔举行集会。",
            "target": f"About 3,000 people {IMG} rallied {SCRIPT} in Seoul.",
            "evidence": IMG,
            "suggestion": f"30,000 {SCRIPT}",
            "message": f"Number changed {IMG}\n::error::injected",
            "suppressed": False,
            "baselined": False,
            "reviewer_note": "",
        },
        {
            "finding_id": "A001-cccccccccccc",
            "rule": "A001",
            "name": "omission",
            "severity": "error",
            "doc_id": news,
            "pair_id": 2,
            "location": "source line 3",
            "source": "集会者要求政府重新考虑赔偿方案。",
            "target": "",
            "evidence": "集会者要求政府重新考虑赔偿方案。",
            "suggestion": "",
            "message": "This source text has no translation.",
            "suppressed": False,
            "baselined": False,
            "reviewer_note": "",
        },
        {
            "finding_id": "D001-dddddddddddd",
            "rule": "D001",
            "name": "number-missing",
            "severity": "warning",
            "doc_id": news,
            "pair_id": 3,
            "location": "line 4",
            "source": "他有5个苹果。",
            "target": FORMULAS[0],
            "evidence": FORMULAS[1],
            "suggestion": FORMULAS[2],
            "message": FORMULAS[3],
            "suppressed": False,
            "baselined": False,
            "reviewer_note": FORMULAS[0],
        },
        {
            "finding_id": "T001-eeeeeeeeeeee",
            "rule": "T001",
            "name": "term-missing",
            "severity": "warning",
            "doc_id": ui,
            "pair_id": 0,
            "location": "unit btn.save",
            "source": "Save",
            "target": "保存する",
            "evidence": "保存",
            "suggestion": "セーブ",
            "message": "Glossary term Save should be rendered as 'セーブ'.",
            "suppressed": True,
            "baselined": False,
            "reviewer_note": "",
        },
        {
            "finding_id": "L002-ffffffffffff",
            "rule": "L002",
            "name": "untranslated",
            "severity": "error",
            "doc_id": ui,
            "pair_id": 1,
            "location": "unit btn.cancel",
            "source": "Cancel",
            "target": "Cancel",
            "evidence": "Cancel",
            "suggestion": "",
            "message": "Left untranslated.",
            "suppressed": False,
            "baselined": True,
            "reviewer_note": "",
        },
        {
            "finding_id": "I006-111111111111",
            "rule": "I006",
            "name": "paired-by-content",
            "severity": "info",
            "doc_id": news,
            "pair_id": None,
            "location": "src/news.txt",
            "source": "",
            "target": "",
            "evidence": "",
            "suggestion": "",
            "message": "Paired by content with src/news.txt (score 0.93).",
            "suppressed": False,
            "baselined": False,
            "reviewer_note": "",
        },
    ]
    segment_columns = [
        "doc_id",
        "pair_id",
        "link",
        "source",
        "target",
        "src_lang",
        "tgt_lang",
        "align_score",
        "location",
        "findings",
        "max_severity",
        "risk",  # columns the writers do not name
        "custom_metric",
    ]
    segments = [
        [news, 0, "1-1", CJK, findings[0]["target"], "zh", "en", 0.98, "line 1", 1, "error", 0.61, 1.5],
        [
            news,
            1,
            "1-1",
            findings[1]["source"],
            findings[1]["target"],
            "zh",
            "en",
            0.91,
            "line 2",
            1,
            "error",
            0.8,
            None,
        ],
        [news, 2, "1-0", findings[2]["source"], "", "zh", "en", 0.5, "source line 3", 1, "error", 0.95, 2.0],
        [news, 3, "1-1", "他有5个苹果。", FORMULAS[0], "zh", "en", 0.9, "line 4", 1, "warning", 0.3, 0.5],
        [news, 4, "1-1", "两国关系紧张。", FORMULAS[1], "zh", "en", 0.88, "line 5", 0, "", 0.2, None],
        [news, 5, "1-1", "共有7人。", FORMULAS[2] + " " + FORMULAS[3], "zh", "en", 0.87, "line 6", 0, "", None, None],
        [ui, 0, "1-1", "Save", "保存する", "en", "ja", 1.0, "unit btn.save", 1, "warning", 0.4, None],
        [ui, 1, "1-1", "Cancel", "Cancel", "en", "ja", 1.0, "unit btn.cancel", 1, "error", 0.9, None],
        [ui, 2, "1-1", "Delete", "삭제", "en", "ja", 1.0, "unit btn.delete", 0, "", 0.1, None],
    ]
    document_columns = [
        "doc_id",
        "status",
        "detail",
        "src_path",
        "tgt_path",
        "src_lang",
        "tgt_lang",
        "pairs",
        "coverage",
        "bleu",
        "risk",
        "errors",
        "warnings",
        "infos",
    ]
    documents = [
        [news, "ok", SCRIPT, "src/news.txt", "mt/news.txt", "zh", "en", 6, 0.8333, 31.5, 0.58, 3, 1, 1],
        [ui, "ok", "", "l10n/app.xlf", "l10n/app.xlf", "en", "ja", 3, 1.0, None, 0.47, 1, 1, 0],
    ]
    names = [
        {
            "family": "尹锡悦",
            "source_forms": "尹锡悦",
            "standard": "Yoon Suk-yeol",
            "dominant": "Yoon Suk-yue",
            "verdict": "nonstandard",
            "renderings": f"Yoon Suk-yue ×1; {IMG} ×1",
            "documents": f"Yoon Suk-yue: {news}",
        }
    ]
    summary = {
        "tool": {"name": "transcheck", "version": "9.9.9-test"},
        "settings": {"fail_on": "error", "src_lang": None, "glossary": SCRIPT},
        "counts": {
            "documents": 2,
            "pairs": 9,
            "findings": 7,
            "findings_by_severity": {"error": 4, "warning": 2, "info": 1},
            "findings_by_rule": {"A001": 1, "D001": 1, "D003": 1, "I006": 1, "L002": 1, "N001": 1, "T001": 1},
            "findings_new": 5,
            "findings_suppressed": 1,
            "findings_baselined": 1,
        },
        "scores": {
            "en": {
                "bleu": 31.5,
                "chrf": 58.25,
                "ter": 61.0,
                "segments": 6,
                "signatures": {"bleu": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1"},
            }
        },
    }
    return ReportTables(
        findings=_frame(findings, FINDING_COLUMNS, {"pair_id": "Int64", "suppressed": bool, "baselined": bool}),
        segments=_frame(
            [dict(zip(segment_columns, row, strict=True)) for row in segments],
            segment_columns,
            {"risk": "Float64", "custom_metric": "Float64"},
        ),
        documents=_frame(
            [dict(zip(document_columns, row, strict=True)) for row in documents],
            document_columns,
            {"coverage": "Float64", "bleu": "Float64", "risk": "Float64"},
        ),
        names=_frame(names, list(names[0])),
        summary=summary,
    )
