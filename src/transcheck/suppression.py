"""Inline suppression: ``transcheck: ignore[N001,D003]`` (or ``transcheck: ignore`` for every rule) in a
comment that the input format attaches to a unit.

Where the marker can stand: a PO translator comment (``# transcheck: ignore[N001]``) or extracted comment
(``#.``), an XLIFF ``<note>`` of the unit (1.2 and 2.x), a TMX ``<note>`` of the ``<tu>``, and in text and
Markdown files an HTML comment ``<!-- transcheck: ignore[D003] -->`` on the line of the text or alone on the
line right before it. The readers keep these comments on :class:`~transcheck.model.Unit`; a marker covers
every finding on the sentence pairs made from its unit. Codes are prefixes as in ``--select`` (``N`` covers
N001–N004). A suppressed finding stays in findings.csv, marked, and does not count for the exit code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .selection import ALL, SelectionError, parse_codes

#: ``transcheck: ignore`` with an optional ``[codes]`` list; not ``ignored`` or ``ignore-foo``.
MARKER = re.compile(r"transcheck:\s*ignore(?![\w-])(?:\[([^\]]*)\])?", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """What the markers on one sentence pair cover: rule code prefixes, ``ALL`` for every rule."""

    prefixes: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.prefixes)

    def covers(self, rule: str) -> bool:
        return any(prefix == ALL or rule.startswith(prefix) for prefix in self.prefixes)

    def __or__(self, other: Suppression) -> Suppression:
        return Suppression(self.prefixes | other.prefixes)


@dataclass(frozen=True)
class MarkerProblem:
    """A marker that suppresses less than it says: a code that names no rule, or an empty list."""

    location: str
    marker: str
    reason: str


def parse_markers(comments: Iterable[str], location: str = "") -> tuple[Suppression, list[MarkerProblem]]:
    """The suppression that ``comments`` carry, and the problems with their markers."""
    prefixes: set[str] = set()
    problems: list[MarkerProblem] = []
    for comment in comments:
        for match in MARKER.finditer(comment):
            listed = match[1]
            if listed is None:
                prefixes.add(ALL)
                continue
            if not listed.strip():
                problems.append(MarkerProblem(location, match[0], "the list of codes is empty: nothing is suppressed"))
                continue
            for part in listed.split(","):
                try:
                    prefixes.update(parse_codes(part, "marker"))
                except SelectionError:
                    reason = f"{part.strip()!r} is not a rule code or a prefix of one: it suppresses nothing"
                    problems.append(MarkerProblem(location, match[0], reason))
    return Suppression(frozenset(prefixes)), problems


def has_marker(text: str) -> bool:
    return MARKER.search(text) is not None
