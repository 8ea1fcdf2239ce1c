"""Helpers the readers share: listing a folder, turning a failed file into a document, safe XML parsing.

A reader never lets bad content escape as an exception; it raises :class:`Unreadable` internally and the
caller turns it into a :class:`~transcheck.model.DocumentPair` that carries an ``I001`` problem, so one
broken file never hides the others.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from transcheck.model import DocumentPair, InputProblem
from transcheck.readers.encoding import DecodeError, decode_xml_bytes, read_text_file

_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
#: Deeper element nesting than this is refused: no translation format needs it, and it is a known way to
#: exhaust the stack of code that walks a tree.
MAX_XML_DEPTH = 1000
_EXPAT_POSITION = re.compile(r":\s*line \d+, column \d+$")
TEXT_EXTENSIONS = frozenset({".txt", ".md"})
_SKIPPED_STEMS = frozenset({"glossary", "names"})


class Unreadable(Exception):
    """A whole file cannot be used; carries the reason and place for its ``I001`` problem."""

    def __init__(self, reason: str, location: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.location = location


class UsageError(Exception):
    """The inputs cannot be interpreted at all (missing path, unrecognisable folder, unclear languages).

    Unlike bad file content, this stops the run: the user has to change the command line.
    """


def stem(path: str) -> str:
    """The document id a file gets by default: its name without the last extension."""
    return PurePath(path).stem


def failed_document(path: str, exc: Unreadable) -> DocumentPair:
    """The placeholder for a file that could not be read, so that it still shows up in the report."""
    problem = InputProblem(path=path, location=exc.location, reason=exc.reason, rule="I001")
    return DocumentPair(doc_id=stem(path), source=None, target=None, problems=(problem,))


def extension(path: str) -> str:
    """The lower-cased last extension (``.TXT`` counts as ``.txt``)."""
    return PurePath(path).suffix.lower()


def list_files(folder: str) -> list[str]:
    """The files of a folder that may be inputs, sorted by name, as paths joined onto ``folder``.

    Dotfiles, READMEs and the glossary/names resource files that often sit beside a corpus are skipped;
    sub-folders are not entered.
    """
    names = []
    for name in sorted(os.listdir(folder)):
        lowered = name.lower()
        if lowered.startswith((".", "readme")) or lowered.partition(".")[0] in _SKIPPED_STEMS:
            continue
        if os.path.isfile(os.path.join(folder, name)):
            names.append(os.path.join(folder, name))
    return names


def _cannot_open(exc: OSError) -> Unreadable:
    return Unreadable(f"The file cannot be opened: {exc.strerror or exc}.")


def read_decoded(path: str) -> tuple[str, str]:
    """Read a text file as (text, encoding), raising :class:`Unreadable` for I/O or encoding failures."""
    try:
        return read_text_file(path)
    except OSError as exc:
        raise _cannot_open(exc) from None
    except DecodeError as exc:
        raise Unreadable(f"The file {exc.reason}.", exc.location) from None


def parse_xml(path: str) -> tuple[Element, str]:
    """Parse an XML file with DTDs, entities and external references forbidden (no expansion, no network).

    Returns the root element and the encoding; raises :class:`Unreadable` naming the line and column.
    """
    try:
        with open(path, "rb") as handle:
            text, encoding = decode_xml_bytes(handle.read(), path)
    except OSError as exc:
        raise _cannot_open(exc) from None
    except DecodeError as exc:
        raise Unreadable(f"The file {exc.reason}.", exc.location) from None
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except ParseError as exc:
        line, column = exc.position
        message = _EXPAT_POSITION.sub("", str(exc))  # the place is the location, 1-based; expat's is 0-based
        reason = f"The file is not well-formed XML: {message}."
        raise Unreadable(reason, f"line {line}, column {column + 1}") from None
    except DefusedXmlException:
        match = _DOCTYPE.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        reason = "The file declares a DTD or entities, which are refused for safety; nothing was expanded."
        raise Unreadable(reason, f"line {line}") from None
    _check_depth(root, text)
    return root, encoding


def _check_depth(root: Element, text: str) -> None:
    """Raise :class:`Unreadable` when elements nest deeper than :data:`MAX_XML_DEPTH` (walked without recursion)."""
    stack: list[tuple[Element, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            reason = f"The XML elements nest more than {MAX_XML_DEPTH} levels deep, which is refused for safety."
            opening = f"<{local_name(node.tag)}"
            # The line of the first element past the limit: count the opening tags of that name up to it.
            line = _line_of_nth_tag(text, opening, depth) or 1
            raise Unreadable(reason, f"line {line}")
        stack.extend((child, depth + 1) for child in node)


def _line_of_nth_tag(text: str, opening: str, depth: int) -> int | None:
    """A best-effort line for the over-deep element: that of the ``depth``-th opening tag in the file."""
    position = -1
    for _ in range(depth):
        position = text.find(opening, position + 1)
        if position < 0:
            return None
    return text.count("\n", 0, position) + 1


def local_name(tag: str) -> str:
    """An element's tag without its ``{namespace}`` part, so that formats can be matched by name."""
    return tag.rpartition("}")[2]


def inline_text(element: Element, dropped: frozenset[str]) -> str:
    """The text of a segment, leaving out the content of inline-code elements named in ``dropped``.

    Inline codes (``<ph>``, ``<bpt>``, ...) hold markup such as ``<b>`` rather than translatable text,
    but a ``<sub>`` inside them holds real text (e.g. an alt attribute), so it is kept.
    """
    parts: list[str] = []
    # Walked with an explicit stack (no recursion): an item is an element to enter, or a tail to emit.
    stack: list[tuple[Element, bool] | str] = [(element, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        node, inside_code = item
        name = local_name(node.tag)
        skip = (inside_code or name in dropped) and name != "sub"
        if not skip and node.text:
            parts.append(node.text)
        for child in reversed(list(node)):
            if not skip and child.tail:
                stack.append(child.tail)
            stack.append((child, skip))
    return "".join(parts)
