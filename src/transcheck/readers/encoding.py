"""Turn input bytes into text without guessing wildly.

Translation inputs come from many tools: Windows editors write UTF-16 or a UTF-8 BOM, older Chinese tools
write GB18030. Anything else (Latin-1, Shift-JIS, ...) is refused with the file and the first bad byte
named, because silently mis-decoding a file would make every later check report nonsense.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_GENERIC_REASON = "is not UTF-8, UTF-16 or GB18030 text"
# Share of 16-bit code units whose high byte must be NUL before BOM-less bytes count as UTF-16.
_UTF16_NUL_SHARE = 0.25
# Share of non-ASCII characters that must look Chinese before a GB18030 reading is believed.
_GB_CJK_SHARE = 0.8
_XML_DECLARED = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class DecodeError(Exception):
    """The bytes of a file are in no accepted encoding; says where the first undecodable byte is.

    ``reason`` is a predicate about the file ("is not UTF-8, ..."), so it reads after a path or "The file".
    """

    def __init__(self, path: str, reason: str, offset: int, line: int) -> None:
        super().__init__(f"{path} {reason} (first undecodable byte at offset {offset}, line {line})")
        self.path = path
        self.reason = reason
        self.offset = offset
        self.line = line

    @property
    def location(self) -> str:
        """The place in the form used by :class:`~transcheck.model.InputProblem`."""
        return f"byte {self.offset} (line {self.line})"


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _error(path: str, reason: str, data: bytes, exc: UnicodeDecodeError, skip: int, codec: str) -> DecodeError:
    """Build a DecodeError whose line counts the newlines decoded before the bad byte."""
    before = data[skip : skip + exc.start].decode(codec, errors="replace")
    return DecodeError(path, reason, skip + exc.start, before.count("\n") + 1)


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order when NUL bytes sit almost only in the high half of each code unit.

    Latin text in UTF-16 has a NUL in every other byte; real UTF-8 or GB18030 text has none, so the
    pattern is unambiguous when it is strong and one-sided.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    units = len(data) // 2
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if odd_nuls >= units * _UTF16_NUL_SHARE and even_nuls * 10 <= odd_nuls:
        return "utf-16-le"
    if even_nuls >= units * _UTF16_NUL_SHARE and odd_nuls * 10 <= even_nuls:
        return "utf-16-be"
    return None


def _looks_chinese(char: str) -> bool:
    """CJK ideographs and punctuation, full-width forms, and the Western quotes/dashes Chinese text uses."""
    code = ord(char)
    return (
        code == 0xB7  # middle dot
        or 0x2010 <= code <= 0x2027  # dashes, curly quotes, ellipsis
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x3FFFF  # extensions B and later
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
    )


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _plausible_chinese(text: str) -> bool:
    """Whether a GB18030 reading looks like Chinese rather than another legacy encoding misread.

    GB18030 decodes almost any byte string, so the result must mostly be CJK; and because Latin-1 and
    Shift-JIS bytes land on rare ideographs, at least half of the ideographs must be common ones
    (in GB2312), as they are in real Chinese text.
    """
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if any(unicodedata.category(c) == "Co" or 0x80 <= ord(c) <= 0x9F for c in non_ascii):
        return False
    cjk = [c for c in non_ascii if _looks_chinese(c)]
    if len(cjk) < len(non_ascii) * _GB_CJK_SHARE:
        return False
    ideographs = [c for c in cjk if unicodedata.category(c) == "Lo"]
    return 2 * sum(_in_gb2312(c) for c in ideographs) >= len(ideographs)


def _attempt(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes; return the text (newlines as ``\\n``, NULs removed) and the encoding used.

    Tried in order: a byte order mark, strict UTF-8, BOM-less UTF-16 (NUL pattern), GB18030 that reads
    as Chinese. ASCII text in UTF-16 is also valid UTF-8 (full of NULs), so when the NUL pattern says
    UTF-16 that reading is tried before UTF-8; real UTF-8 text has no such pattern.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            base = codec.removesuffix("-sig")
            try:
                return _normalise(data[len(bom) :].decode(base)), codec
            except UnicodeDecodeError as exc:
                reason = f"starts with a {label} byte order mark but is not valid {label}"
                raise _error(path, reason, data, exc, len(bom), base) from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None and (text := _attempt(data, utf16)) is not None:
        return _normalise(text), utf16
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _attempt(data, "gb18030")
    if text is not None and _plausible_chinese(text):
        return _normalise(text), "gb18030"
    raise _error(path, _GENERIC_REASON, data, utf8_error, 0, "utf-8")


def decode_xml_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode an XML file, honouring an ``encoding`` declaration that names a legacy encoding.

    XML lets a file declare e.g. ISO-8859-1, and older TMX exporters do; such a declaration is binding
    in XML, so it is trusted. Files with a BOM, an ASCII/UTF-8/UTF-16 or unknown declaration, or none,
    go through :func:`decode_bytes`.
    """
    match = _XML_DECLARED.match(data)
    if match is None or any(data.startswith(bom) for bom, _, _ in _BOMS):
        return decode_bytes(data, path)
    declared = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return decode_bytes(data, path)
    if codec == "ascii" or codec.startswith(("utf-8", "utf-16")):
        return decode_bytes(data, path)
    try:
        return _normalise(data.decode(codec)), codec
    except UnicodeDecodeError as exc:
        reason = f"is not valid {declared}, as its XML declaration says"
        raise _error(path, reason, data, exc, 0, codec) from None


def read_text_file(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Read and decode a whole file; raises OSError or :class:`DecodeError`."""
    with open(path, "rb") as handle:
        data = handle.read()
    return decode_bytes(data, os.fspath(path))
