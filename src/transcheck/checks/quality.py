"""Quality thresholds for CI: a document's chrF or BLEU below a minimum (Q001, Q002), a sentence pair's risk
above a maximum (Q003).

Scores alone miss name and number errors, and findings alone miss a generally poor translation, so a CI gate
usually wants both: the rules for specific errors, and these thresholds for overall quality (with references)
or for the pairs a reviewer should read first (risk, no reference needed). The score itself is in the message,
not in the evidence, so that a finding keeps its id (and its baseline entry) while the score moves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import AlignedPair, Finding
from ..scoring.metrics import Scores
from . import finding


@dataclass(frozen=True)
class Thresholds:
    """Limits given with ``--min-chrf``, ``--min-bleu`` and ``--max-risk`` (None: not checked)."""

    min_chrf: float | None = None
    min_bleu: float | None = None
    max_risk: float | None = None


def threshold_findings(
    doc_id: str,
    thresholds: Thresholds,
    scores: Scores | None,
    pairs: Sequence[AlignedPair],
    risks: Mapping[int, float],
) -> list[Finding]:
    """Q findings for one document: its scores against the minimums, each pair's risk against the maximum."""
    found = []
    if scores is not None and thresholds.min_chrf is not None and scores.chrf < thresholds.min_chrf:
        found.append(
            finding(
                "Q001",
                doc_id,
                f"chrF {scores.chrf:.2f} is below the minimum {thresholds.min_chrf:g} (--min-chrf).",
                suggestion=f">= {thresholds.min_chrf:g}",
            )
        )
    if scores is not None and thresholds.min_bleu is not None and scores.bleu < thresholds.min_bleu:
        found.append(
            finding(
                "Q002",
                doc_id,
                f"BLEU {scores.bleu:.2f} is below the minimum {thresholds.min_bleu:g} (--min-bleu).",
                suggestion=f">= {thresholds.min_bleu:g}",
            )
        )
    if thresholds.max_risk is not None:
        for pair in pairs:
            risk = risks.get(pair.pair_id)
            if risk is not None and risk > thresholds.max_risk:
                found.append(
                    finding(
                        "Q003",
                        doc_id,
                        f"Risk {risk:.3f} is above the maximum {thresholds.max_risk:g} (--max-risk): review this pair.",
                        pair=pair,
                    )
                )
    return found
