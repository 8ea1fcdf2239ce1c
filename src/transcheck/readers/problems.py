"""Helpers the readers share: listing a folder, turning a failed file into a document, reading a file within
the size limit, safe XML parsing.

A reader never lets bad content escape as an exception; it raises :class:`Unreadable` internally and the
caller turns it into a :class:`~transcheck.model.DocumentPair` that carries an ``I001`` problem, so one
broken file never hides the others.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from transcheck.model import DocumentPair, InputProblem
from transcheck.readers.encoding import DecodeError, decode_bytes, decode_xml_bytes

_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
#: Deeper element nesting than this is refused: no translation format needs it, and it is a known way to
#: exhaust the stack of code that walks a tree.
MAX_XML_DEPTH = 1000
#: A larger input file is refused before it is read: every reader holds a whole file's text in memory (and its
#: units besides), so a runaway export or a wrong path must not take the machine's memory with it.
MAX_INPUT_BYTES = 1 << 30
#: The limit of the current :func:`input_size_limit` block; ``None`` means :data:`MAX_INPUT_BYTES`. A context
#: variable, because the limit belongs to the run, not to a format, and would otherwise pass through every reader.
_SIZE_LIMIT: ContextVar[int | None] = ContextVar("transcheck_max_input_bytes", default=None)
_CHUNK = 1 << 20
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


@contextmanager
def input_size_limit(limit: int | None) -> Iterator[None]:
    """Refuse input files over ``limit`` bytes inside this block (``None``: :data:`MAX_INPUT_BYTES`)."""
    token = _SIZE_LIMIT.set(limit)
    try:
        yield
    finally:
        _SIZE_LIMIT.reset(token)


def _size(count: int) -> str:
    """A byte count as people read it: ``1.5 GiB``, ``200 MiB``, ``900 bytes``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _too_big(size: int | None, limit: int) -> Unreadable:
    """``size`` is ``None`` for a pipe or device, which tells no size and is read until it passes the limit."""
    what = f"The file is {_size(size)} ({size:,} bytes)," if size is not None else "The stream went"
    return Unreadable(
        f"{what} over the {_size(limit)} limit on one input file, so it was not read; "
        "raise the limit with --max-input-mb (max-input-mb in the settings file) to check it."
    )


def read_bytes(path: str) -> bytes:
    """A file's bytes, refusing it before reading when it is over the size limit (:data:`MAX_INPUT_BYTES`).

    A pipe or device tells no size, so it is read in chunks and refused as soon as it passes the limit.
    """
    limit = _SIZE_LIMIT.get()
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISREG(status.st_mode):
                if status.st_size > limit:
                    raise _too_big(status.st_size, limit)
                return handle.read()
            chunks: list[bytes] = []
            total = 0
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise _too_big(None, limit)
                chunks.append(chunk)
            return b"".join(chunks)
    except OSError as exc:
        raise _cannot_open(exc) from None


def read_decoded(path: str) -> tuple[str, str]:
    """Read a text file as (text, encoding), raising :class:`Unreadable` for I/O, size or encoding failures."""
    try:
        return decode_bytes(read_bytes(path), path)
    except DecodeError as exc:
        raise Unreadable(f"The file {exc.reason}.", exc.location) from None


def _read_xml(path: str) -> tuple[str, str]:
    try:
        return decode_xml_bytes(read_bytes(path), path)
    except DecodeError as exc:
        raise Unreadable(f"The file {exc.reason}.", exc.location) from None


def _not_well_formed(exc: ParseError) -> Unreadable:
    line, column = exc.position
    message = _EXPAT_POSITION.sub("", str(exc))  # the place is the location, 1-based; expat's is 0-based
    return Unreadable(f"The file is not well-formed XML: {message}.", f"line {line}, column {column + 1}")


def _declares_dtd(text: str) -> Unreadable:
    match = _DOCTYPE.search(text)
    line = text.count("\n", 0, match.start()) + 1 if match else 1
    reason = "The file declares a DTD or entities, which are refused for safety; nothing was expanded."
    return Unreadable(reason, f"line {line}")


def _too_deep(text: str, name: str, depth: int) -> Unreadable:
    reason = f"The XML elements nest more than {MAX_XML_DEPTH} levels deep, which is refused for safety."
    # The line of the first element past the limit: count the opening tags of that name up to it.
    line = _line_of_nth_tag(text, f"<{name}", depth) or 1
    return Unreadable(reason, f"line {line}")


def parse_xml(path: str) -> tuple[Element, str]:
    """Parse an XML file with DTDs, entities and external references forbidden (no expansion, no network).

    Returns the root element and the encoding; raises :class:`Unreadable` naming the line and column.
    """
    text, encoding = _read_xml(path)
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except ParseError as exc:
        raise _not_well_formed(exc) from None
    except DefusedXmlException:
        raise _declares_dtd(text) from None
    _check_depth(root, text)
    return root, encoding


def stream_xml(path: str, depth: int) -> tuple[Iterator[tuple[tuple[str, ...], Element]], str]:
    """Parse an XML file piece by piece, with the protections of :func:`parse_xml`, for files too big for a tree.

    Returns the encoding and an iterator over ``(path, element)`` for each element as it closes at ``depth``
    (the root is depth 1) or above, ``path`` being the local names from the root down to it. An element that
    closes at ``depth`` is complete when it is yielded and is dropped from its parent right after, so only one
    of them is in memory at a time. Iterating raises :class:`Unreadable` as :func:`parse_xml` would.
    """
    text, encoding = _read_xml(path)
    return _stream(text, depth), encoding


class _Slices:
    """The text as a file to read from, handed out in slices: ``io.StringIO`` would copy it at four bytes a
    character, more than doubling what a big file costs."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._at = 0

    def read(self, size: int) -> str:
        self._at += size
        return self._text[self._at - size : self._at]


def _stream(text: str, depth: int) -> Iterator[tuple[tuple[str, ...], Element]]:
    open_elements: list[Element] = []
    events = SafeET.iterparse(
        _Slices(text), events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        for event, element in events:
            if event == "start":
                open_elements.append(element)
                if len(open_elements) > MAX_XML_DEPTH:
                    raise _too_deep(text, local_name(element.tag), len(open_elements))
                continue
            open_elements.pop()
            if len(open_elements) < depth:
                yield (*(local_name(e.tag) for e in open_elements), local_name(element.tag)), element
                if len(open_elements) == depth - 1 and open_elements:
                    open_elements[-1].remove(element)
    except ParseError as exc:
        raise _not_well_formed(exc) from None
    except DefusedXmlException:
        raise _declares_dtd(text) from None


def _check_depth(root: Element, text: str) -> None:
    """Raise :class:`Unreadable` when elements nest deeper than :data:`MAX_XML_DEPTH` (walked without recursion)."""
    stack: list[tuple[Element, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            raise _too_deep(text, local_name(node.tag), depth)
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
