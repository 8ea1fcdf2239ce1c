"""The small, immutable records that flow through the pipeline.

Readers produce :class:`DocumentPair` objects, the segmenter turns their text into :class:`Sentence`
lists, the aligner links them into :class:`AlignedPair` rows, and checks emit :class:`Finding` rows.
Everything here is a frozen dataclass so a document can be shipped to another process unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; ordered so that ``--fail-on`` can compare levels."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Unit:
    """One block of text as it stood in the input: a paragraph (text files) or a table row / TU.

    ``location`` tells a reviewer where to look: ``line 12`` for text and table files, ``tu 5`` for TMX,
    ``unit id=3`` for XLIFF. ``comments`` are the notes the format attaches to the unit (PO translator and
    extracted comments, XLIFF and TMX notes, ``<!-- transcheck: ... -->`` markers in text files): they carry
    inline suppressions. ``flags`` are the format's states worth reporting, e.g. ``fuzzy`` for a PO entry.
    """

    text: str
    location: str
    line: int | None = None
    comments: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Side:
    """One language side of a document: where it came from and its units in order."""

    path: str
    units: tuple[Unit, ...]
    encoding: str = "utf-8"

    @property
    def text(self) -> str:
        return "\n".join(u.text for u in self.units)


@dataclass(frozen=True)
class InputProblem:
    """Why (part of) an input could not be read. Becomes an ``I`` finding; the run carries on."""

    path: str
    location: str
    reason: str
    rule: str = "I001"


@dataclass(frozen=True)
class DocumentPair:
    """A source document, its machine translation and optionally a reference translation.

    ``unit_aligned`` is true when the input already pairs units one to one (TSV, TMX, XLIFF): unit *i* of
    the source translates to unit *i* of the target, and no sentence alignment is needed. ``source`` is
    ``None`` in target-only mode or when the source file is missing. ``problems`` lists what went wrong
    while reading; a document whose sides could not be read at all has ``target`` empty and a problem.
    """

    doc_id: str
    source: Side | None
    target: Side | None
    reference: Side | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    unit_aligned: bool = False
    problems: tuple[InputProblem, ...] = ()

    @property
    def readable(self) -> bool:
        return self.target is not None and not any(p.rule == "I001" for p in self.problems)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one side, numbered from 0 within its document."""

    index: int
    text: str
    unit: int
    location: str


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A bead of the alignment: source sentences ``src_ids`` translate to target sentences ``tgt_ids``.

    Either side may be empty (an omission 1-0 or an addition 0-1). ``score`` is the aligner's confidence
    in [0, 1]. ``flags`` are the states of the units it comes from (``fuzzy`` ...).
    """

    pair_id: int
    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    source: str
    target: str
    score: float = 1.0
    location: str = ""
    flags: tuple[str, ...] = ()

    @property
    def link_type(self) -> str:
        return f"{len(self.src_ids)}-{len(self.tgt_ids)}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found. ``finding_id`` is a stable hash so a later run can match it (baselines, diffs).

    ``suppressed`` (an inline ``transcheck: ignore`` marker covers it) and ``baselined`` (its id is in the
    ``--baseline`` file) keep the finding in the reports but out of the exit code; neither enters the id.
    """

    rule: str
    severity: Severity
    doc_id: str
    message: str
    pair_id: int | None = None
    source: str = ""
    target: str = ""
    evidence: str = ""
    suggestion: str = ""
    location: str = ""
    finding_id: str = field(default="", compare=False)
    suppressed: bool = field(default=False, compare=False)
    baselined: bool = field(default=False, compare=False)

    @property
    def counts(self) -> bool:
        """Whether the finding takes part in the exit code: neither suppressed inline nor in the baseline."""
        return not (self.suppressed or self.baselined)

    def __post_init__(self) -> None:
        if not self.finding_id:
            object.__setattr__(self, "finding_id", content_id(self))


def _normalised(text: str) -> str:
    return " ".join(text.split())


def content_id(finding: Finding) -> str:
    """An id from what the finding is about, not where it stands: rule, document, the pair's source and target
    text (whitespace normalised), evidence and suggestion. Text inserted elsewhere in the document leaves it
    unchanged, so a baseline keeps matching; editing the sentence itself makes a new finding. A finding with no
    sentence pair (a whole file) is keyed by its location. Identical keys in one run are told apart by
    :func:`number_repeated_ids`."""
    anchor = (
        [_normalised(finding.source), _normalised(finding.target)]
        if finding.source or finding.target
        else [finding.location]
    )
    key = "\x1f".join([finding.rule, finding.doc_id, *anchor, finding.evidence, finding.suggestion])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return f"{finding.rule}-{digest}"


def number_repeated_ids(findings: list[Finding]) -> list[Finding]:
    """The same finding on two identical sentences of one document gets the same content id: the second and
    later ones (in document order) get ``-2``, ``-3`` … appended."""
    seen: dict[str, int] = {}
    out = []
    for found in findings:
        count = seen.get(found.finding_id, 0) + 1
        seen[found.finding_id] = count
        out.append(found if count == 1 else replace(found, finding_id=f"{found.finding_id}-{count}"))
    return out
