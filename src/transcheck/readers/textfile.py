"""Plain text and Markdown documents: one unit per non-blank line.

A line is the unit because it is what a reviewer can find again in an editor ("line 12"); sentence
splitting inside lines happens later, in the segmenter. An HTML comment that holds a transcheck marker
(``<!-- transcheck: ignore[D003] -->``) is taken out of the text and kept as a comment of the unit on its line,
or, when it stands alone on a line, of the unit on the next line; other comments are left as they are.
"""

from __future__ import annotations

import re

from transcheck.model import DocumentPair, Side, Unit
from transcheck.readers.problems import Unreadable, failed_document, read_decoded, stem

#: An HTML comment on one line whose content starts with ``transcheck:``.
_MARKER_COMMENT = re.compile(r"<!--\s*(transcheck:.*?)\s*-->", re.IGNORECASE)
_MARKER_WITH_SPACE = re.compile(r"\s*" + _MARKER_COMMENT.pattern, re.IGNORECASE)


def units_from_text(text: str) -> tuple[Unit, ...]:
    """Split decoded text into line units, skipping blank lines but keeping the original line numbers.

    Marker comments go from the text to the unit's ``comments``; a line holding nothing but markers passes
    them on to the line right after it (a blank line in between drops them).
    """
    units: list[Unit] = []
    pending: tuple[str, ...] = ()
    for number, line in enumerate(text.split("\n"), start=1):
        markers = tuple(match[1] for match in _MARKER_COMMENT.finditer(line))
        if markers:
            line = _MARKER_WITH_SPACE.sub("", line)
        if line.strip():
            units.append(Unit(text=line.strip(), location=f"line {number}", line=number, comments=pending + markers))
            pending = ()
        else:
            pending = pending + markers if markers else ()
    return tuple(units)


def read_side(path: str) -> Side:
    """Read one text file as a document side; raises :class:`Unreadable` when it cannot be decoded."""
    text, encoding = read_decoded(path)
    return Side(path=path, units=units_from_text(text), encoding=encoding)


def read_target_only(path: str, tgt_lang: str | None) -> DocumentPair:
    """A translation checked on its own (``--target-only``): no source side at all."""
    try:
        target = read_side(path)
    except Unreadable as exc:
        return failed_document(path, exc)
    return DocumentPair(doc_id=stem(path), source=None, target=target, tgt_lang=tgt_lang)
