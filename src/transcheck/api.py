"""The library entry point: ``transcheck.check(inputs)`` returns the report tables as pandas DataFrames."""

from __future__ import annotations

from collections.abc import Sequence

from .baseline import read_baseline
from .config import PathLike, build_settings, describe_settings
from .engine import run
from .readers import read_inputs
from .reports.tables import ReportTables, build_tables
from .selection import selection_from


def check(
    inputs: Sequence[PathLike],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    target_only: bool = False,
    glossary: PathLike | None = None,
    names: PathLike | None = None,
    pair_by_content: bool = True,
    model: str | None = None,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    baseline: PathLike | None = None,
) -> ReportTables:
    """Read ``inputs`` (folders or files, as on the command line), check them and return the tables.

    Raises :class:`transcheck.readers.UsageError` for paths that do not exist or cannot be understood; bad
    content inside a file never raises, it becomes an ``I`` finding in the tables. Source and translation files
    whose names do not match are paired by content unless ``pair_by_content`` is false. ``select`` and
    ``ignore`` take rule codes or prefixes as on the command line; ``baseline`` a file written by
    ``--write-baseline`` (its findings are marked ``baselined``).
    """
    settings = build_settings(
        src_lang,
        tgt_lang,
        target_only,
        glossary,
        names,
        pair_by_content,
        model,
        selection=selection_from(select, ignore),
        baseline=read_baseline(baseline) if baseline is not None else frozenset(),
    )
    documents = read_inputs(
        inputs,
        target_only=target_only,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        pair_by_content=settings.pair_by_content,
        lexicon=settings.lexicon,
    )
    return build_tables(run(documents, settings), describe_settings(settings, glossary, names))
