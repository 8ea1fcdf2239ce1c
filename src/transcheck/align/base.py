"""The small interface every sentence aligner implements, so engines can be swapped without touching checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Link:
    """Source sentences ``src`` align with target sentences ``tgt`` (0-based, consecutive, either may be empty).

    ``score`` is a confidence in [0, 1]: for a matched bead, how well the two sides fit; for a null link, how
    sure we are that the sentence has no counterpart.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


class SentenceAligner(Protocol):
    def align(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> list[Link]:
        """Return links covering every source and every target sentence exactly once, in order."""
        ...

    def align_blocks(
        self, blocks: Sequence[tuple[Sequence[str], Sequence[str]]], src_lang: str, tgt_lang: str
    ) -> list[list[Link]]:
        """Align several blocks (the paragraphs of one document) with settings shared between them."""
        ...


def format_links(links: Sequence[Link]) -> str:
    """Vecalign's text format: ``[0]:[0, 1]`` per line, ``[]:[5]`` and ``[7]:[]`` for null links."""

    def ids(side: tuple[int, ...]) -> str:
        return "[" + ", ".join(str(i) for i in side) + "]"

    return "\n".join(f"{ids(link.src)}:{ids(link.tgt)}" for link in links)
