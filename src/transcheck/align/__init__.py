"""Sentence alignment: link source sentences to target sentences (1-1, 1-2, 2-1, 1-0, 0-1 …)."""

from .base import Link, SentenceAligner
from .length_anchor import LengthAnchorAligner

__all__ = ["LengthAnchorAligner", "Link", "SentenceAligner", "default_aligner"]


def default_aligner() -> SentenceAligner:
    return LengthAnchorAligner()
