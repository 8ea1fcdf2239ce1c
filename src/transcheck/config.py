"""Settings for a run, built from CLI flags or library arguments, with resources loaded once."""

from __future__ import annotations

import os
from typing import Any

from .checks.quality import Thresholds
from .checks.terms import read_glossary
from .engine import Settings
from .names.lexicon import read_name_csv, shipped_lexicon
from .selection import RuleSelection

PathLike = str | os.PathLike[str]


def build_settings(
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    target_only: bool = False,
    glossary: PathLike | None = None,
    names: PathLike | None = None,
    pair_by_content: bool = True,
    model: str | None = None,
    *,
    selection: RuleSelection | None = None,
    baseline: frozenset[str] = frozenset(),
    thresholds: Thresholds | None = None,
) -> Settings:
    """Load the glossary and the name lexicon (shipped entries overridden by the user's CSV).

    ``selection`` (default: every rule) decides which rules are reported; ``baseline`` holds the finding ids
    to mark ``baselined`` (see :mod:`transcheck.baseline`).
    """
    lexicon = shipped_lexicon()
    if names is not None:
        lexicon = lexicon.with_overrides(read_name_csv(names))
    return Settings(
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        target_only=target_only,
        glossary=tuple(read_glossary(glossary)) if glossary is not None else (),
        lexicon=lexicon,
        pair_by_content=pair_by_content,
        model=model,
        selection=selection or RuleSelection(),
        baseline=frozenset(baseline),
        thresholds=thresholds or Thresholds(),
    )


def describe_settings(
    settings: Settings,
    glossary: PathLike | None,
    names: PathLike | None,
    *,
    config: str | None = None,
    baseline: PathLike | None = None,
    fail_on: str | None = None,
) -> dict[str, Any]:
    """The settings as recorded in summary.json (paths as given, so the file is reproducible): with the
    settings file used (``config``), the baseline file, ``--fail-on`` and the effective rule selection."""
    return {
        "src_lang": settings.src_lang,
        "tgt_lang": settings.tgt_lang,
        "target_only": settings.target_only,
        "pair_by_content": settings.pair_by_content,
        "model": settings.model,
        "glossary": None if glossary is None else str(glossary),
        "glossary_terms": len(settings.glossary),
        "names": None if names is None else str(names),
        "lexicon_entries": len(settings.lexicon.entries) if settings.lexicon else 0,
        "config": config,
        "baseline": None if baseline is None else str(baseline),
        "fail_on": fail_on,
        "selection": settings.selection.describe(),
        "thresholds": {
            "min_chrf": settings.thresholds.min_chrf,
            "min_bleu": settings.thresholds.min_bleu,
            "max_risk": settings.thresholds.max_risk,
        },
    }
