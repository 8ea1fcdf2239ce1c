"""Alignment rules: a source sentence with no translation (A001) and a target sentence with no source (A002)."""

from __future__ import annotations

from ..model import AlignedPair, Finding, Severity
from ..text.script import count_scripts
from . import finding

#: Below this confidence a null link is reported as a warning rather than an error.
CONFIDENT_NULL = 0.5


def check_pair_alignment(doc_id: str, pair: AlignedPair) -> list[Finding]:
    if pair.src_ids and not pair.tgt_ids:
        if count_scripts(pair.source).letters < 3:
            return []
        severity = None if pair.score >= CONFIDENT_NULL else Severity.WARNING
        return [
            finding(
                "A001",
                doc_id,
                "This source text has no translation.",
                pair=pair,
                evidence=pair.source,
                severity=severity,
            )
        ]
    if pair.tgt_ids and not pair.src_ids:
        if count_scripts(pair.target).letters < 3:
            return []
        return [
            finding(
                "A002", doc_id, "This translated text matches nothing in the source.", pair=pair, evidence=pair.target
            )
        ]
    return []
