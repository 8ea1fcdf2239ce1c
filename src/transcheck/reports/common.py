"""What every writer shares: plain Python values from the tables, severities, where a finding is in its file.

Writers render the tables as they are, whatever their columns: nothing here names a column other than the few
that identify a finding (``finding_id``, ``rule``, ``severity``, ``doc_id``, ``pair_id``, ``location``,
``message``, ``evidence``, ``suggestion``, ``suppressed``, ``baselined``) and the paths of a document
(``src_path``, ``tgt_path``). Every other column is carried along untouched.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

import pandas as pd

from .tables import ReportTables

#: Severities from the worst down; ranks as in :class:`transcheck.model.Severity`.
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_LEVELS = ("error", "warning", "info", "never")


def is_missing(value: object) -> bool:
    """``None``, ``pd.NA``, ``NaN`` and ``NaT``."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value)) if not isinstance(value, (str, bytes, list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def plain(value: object) -> Any:
    """A JSON-ready Python value: ``None`` for missing, ``int``/``float``/``bool``/``str`` for the rest (numpy and
    pandas scalars unwrapped)."""
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (str, bytes)):
        value = item()
    if isinstance(value, float) and math.isinf(value):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def text(value: object) -> str:
    """How a cell reads to a person: empty for missing, numbers without noise (``0.9286``, ``12``)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else repr(value)
    return str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as dictionaries of plain values, in column order."""
    return list(iter_records(frame))


def iter_records(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """:func:`records` one row at a time, for the writers of whole tables (a million dicts at once would
    cost more memory than the table)."""
    columns = [str(c) for c in frame.columns]
    for row in frame.itertuples(index=False):
        yield dict(zip(columns, (plain(v) for v in row), strict=True))


def is_float_column(frame: pd.DataFrame, column: str) -> bool:
    return bool(pd.api.types.is_float_dtype(frame[column].dtype))


def flag(row: Mapping[str, Any], column: str) -> bool:
    """A boolean column read leniently (``True``, ``"True"``, ``1``); a missing column is false."""
    value = row.get(column)
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value) if value is not None else False


def counts(row: Mapping[str, Any]) -> bool:
    """Whether a finding takes part in the exit code: neither suppressed inline nor in the baseline."""
    return not (flag(row, "suppressed") or flag(row, "baselined"))


def fail_on(tables: ReportTables) -> str:
    """The ``--fail-on`` level the run was made with (``error`` when the summary does not say)."""
    settings = tables.summary.get("settings") or {}
    level = settings.get("fail_on") if isinstance(settings, dict) else None
    return level if level in FAIL_LEVELS else "error"


def fails(row: Mapping[str, Any], level: str) -> bool:
    """Whether a finding makes the exit code 1 at ``--fail-on level``."""
    if level == "never" or not counts(row):
        return False
    return SEVERITY_RANK.get(str(row.get("severity")), 0) >= SEVERITY_RANK[level]


# --- where a finding is ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a finding points: a file (as the input named it), a line in it when known, and a place inside the
    file that has no line (``unit error.upload``, ``tu 5``) as ``logical``."""

    path: str
    line: int | None = None
    logical: str = ""


_LINE = re.compile(r"(?P<source>source )?line (?P<line>\d+)\b.*", re.DOTALL)
_PATH_LINE = re.compile(r"(?P<path>.+?):(?:(?P<source>source )?line (?P<line>\d+)\b.*)", re.DOTALL)
_PATH_LOGICAL = re.compile(r"(?P<path>.+?):(?P<logical>[a-z]+ .+)", re.DOTALL)
_UNIT = re.compile(r"(?P<source>source )?(?P<logical>(?:unit|tu|entry|msgid|row) .+)", re.DOTALL)


def document_paths(tables: ReportTables) -> dict[str, tuple[str, str]]:
    """``doc_id`` → (source path, target path), empty strings where a side has no file."""
    frame = tables.documents
    out: dict[str, tuple[str, str]] = {}
    if "doc_id" not in frame.columns:
        return out
    for row in records(frame):
        out[str(row["doc_id"])] = (str(row.get("src_path") or ""), str(row.get("tgt_path") or ""))
    return out


def place_of(row: Mapping[str, Any], paths: Mapping[str, tuple[str, str]]) -> Place:
    """Resolve a finding's ``location`` (``line 12``, ``source line 3``, ``unit id``, ``path:line 4``) to a file
    and line. The target file is meant unless the location says ``source``; a document without a file of its
    own is named by its ``doc_id``."""
    location = str(row.get("location") or "").strip()
    src, tgt = paths.get(str(row.get("doc_id") or ""), ("", ""))

    def side(source: bool) -> str:
        first, second = (src, tgt) if source else (tgt, src)
        return first or second or str(row.get("doc_id") or "")

    match = _LINE.fullmatch(location)
    if match:
        return Place(side(bool(match["source"])), int(match["line"]))
    match = _UNIT.fullmatch(location)
    if match:
        return Place(side(bool(match["source"])), None, match["logical"])
    for candidate in (tgt, src):
        if candidate and location == candidate:
            return Place(candidate)
        if candidate and location.startswith(candidate + ":"):
            rest = location[len(candidate) + 1 :]
            line = _LINE.fullmatch(rest)
            return Place(candidate, int(line["line"])) if line else Place(candidate, None, rest)
    match = _PATH_LINE.fullmatch(location)
    if match:
        return Place(match["path"], int(match["line"]))
    if location and str(row.get("rule") or "").startswith("I"):  # a whole file: "path" or "path:where"
        match = _PATH_LOGICAL.fullmatch(location)
        return Place(match["path"], None, match["logical"]) if match else Place(location)
    return Place(side(False), None, location)


def artifact_uri(path: str) -> tuple[str, bool]:
    """A URI for a path as the input named it, and whether it is relative (to the folder transcheck ran in, which
    in CI is the repository root). Absolute paths become ``file://`` URIs."""
    if re.match(r"[A-Za-z]:[\\/]", path) or path.startswith("\\\\"):
        return PureWindowsPath(path).as_uri(), False
    posix = path.replace("\\", "/") if "\\" in path and "/" not in path else path
    if posix.startswith("/"):
        return PurePosixPath(posix).as_uri(), False
    normal = str(PurePosixPath(posix)) if posix else posix
    return quote(normal, safe="/-._~!$&'()*+,;=:@"), True


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: str) -> str:
    """Text that XML 1.0 can hold: control characters (other than tab and newlines) become U+FFFD."""
    return _XML_INVALID.sub("\ufffd", value)


def one_line(value: str, limit: int | None = None) -> str:
    """Whitespace (newlines included) collapsed to single spaces, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(value.split())
    if limit is not None and len(flat) > limit:
        return flat[: max(0, limit - 1)] + "…"
    return flat


def finding_title(row: Mapping[str, Any]) -> str:
    """``N001 name-nonstandard``."""
    return " ".join(part for part in (str(row.get("rule") or ""), str(row.get("name") or "")) if part)


def finding_message(row: Mapping[str, Any]) -> str:
    """The message, with the offending text and the suggestion when the message does not already say them."""
    message = str(row.get("message") or "").strip()
    evidence = str(row.get("evidence") or "").strip()
    suggestion = str(row.get("suggestion") or "").strip()
    parts = [message] if message else []
    if evidence and evidence not in message:
        parts.append(f"Found: {one_line(evidence, 200)}")
    if suggestion and suggestion not in message:
        parts.append(f"Suggestion: {one_line(suggestion, 200)}")
    return " ".join(parts) or finding_title(row)


def json_text(value: Any) -> str:
    """JSON as every JSON report writes it: UTF-8 text kept, indented, no NaN, a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_text(folder: Path, name: str, content: str) -> Path:
    """Write one report file as UTF-8 with ``\n`` line ends (the same bytes on every platform)."""
    path = folder / name
    path.write_text(content, encoding="utf-8", newline="\n")
    return path
