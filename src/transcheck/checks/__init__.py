"""Checks: each module is one rule family and returns :class:`~transcheck.model.Finding` rows."""

from __future__ import annotations

from ..model import AlignedPair, Finding, Severity
from .rules import RULES


def finding(
    code: str,
    doc_id: str,
    message: str,
    *,
    pair: AlignedPair | None = None,
    evidence: str = "",
    suggestion: str = "",
    severity: Severity | None = None,
    location: str | None = None,
) -> Finding:
    """Build a finding for rule ``code``, filling source, target and location from the pair."""
    return Finding(
        rule=code,
        severity=severity or RULES[code].severity,
        doc_id=doc_id,
        message=message,
        pair_id=None if pair is None else pair.pair_id,
        source="" if pair is None else pair.source,
        target="" if pair is None else pair.target,
        evidence=evidence,
        suggestion=suggestion,
        location=(pair.location if pair is not None else "") if location is None else location,
    )
