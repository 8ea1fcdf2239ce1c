"""Plain text and Markdown documents: one unit per non-blank line.

A line is the unit because it is what a reviewer can find again in an editor ("line 12"); sentence
splitting inside lines happens later, in the segmenter.
"""

from __future__ import annotations

from transcheck.model import DocumentPair, Side, Unit
from transcheck.readers.problems import Unreadable, failed_document, read_decoded, stem


def units_from_text(text: str) -> tuple[Unit, ...]:
    """Split decoded text into line units, skipping blank lines but keeping the original line numbers."""
    return tuple(
        Unit(text=line.strip(), location=f"line {number}", line=number)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    )


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
