"""TMX 1.4 translation memories: one document per file, one unit per ``<tu>``.

Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``) hold the original formatting markup, not text,
so their content is dropped; ``<hi>`` and ``<sub>`` hold real text and are kept. The ``<note>`` elements of a
``<tu>`` and of its ``<tuv>`` elements become the unit's comments (inline suppressions).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from transcheck.model import DocumentPair, InputProblem, Side, Unit
from transcheck.readers.problems import Unreadable, failed_document, inline_text, local_name, stem, stream_xml

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = frozenset({"bpt", "ept", "ph", "it"})


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local_name(child.tag) == name]


def _lang(tuv: Element) -> str:
    """A ``<tuv>``'s language; TMX 1.4 uses ``xml:lang``, older files ``lang``."""
    return (tuv.get(_XML_LANG) or tuv.get("lang") or "").strip()


def _normal(code: str) -> str:
    return code.lower().replace("_", "-")


def _primary(code: str) -> str:
    return _normal(code).partition("-")[0]


#: One ``<tu>`` as read: the ``(language, text)`` of each ``<tuv>`` in order, and the notes.
_Tu = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]


def _pick(tuvs: tuple[tuple[str, str], ...], lang: str) -> str | None:
    """The text of the tuv in ``lang``: an exact match (ignoring case), else one with the same primary subtag.

    Tools disagree on regions and case (``EN-us``, ``en_US``, ``en``), so ``en`` must still find ``en-US``.
    """
    exact = [text for code, text in tuvs if _normal(code) == _normal(lang)]
    loose = [text for code, text in tuvs if _primary(code) == _primary(lang)]
    return next(iter(exact or loose), None)


def _notes(tu: Element) -> tuple[str, ...]:
    holders = [tu, *_children(tu, "tuv")]
    return tuple(text for h in holders for note in _children(h, "note") if (text := "".join(note.itertext()).strip()))


def _segment(tuv: Element) -> str:
    segs = _children(tuv, "seg")
    return inline_text(segs[0], _CODES) if segs else ""


def _read_tu(tu: Element) -> _Tu:
    return tuple((_lang(tuv), _segment(tuv)) for tuv in _children(tu, "tuv")), _notes(tu)


def _languages(declared: str, tus: list[_Tu], src_lang: str | None, tgt_lang: str | None) -> tuple[str, str]:
    """Source: the argument, else the header's srclang, else the first tuv's language; target: the
    argument, else the first language seen that is not the source."""
    seen = [lang for tuvs, _ in tus for lang, _ in tuvs if lang]
    source = src_lang or (declared if declared and declared != "*all*" else "") or (seen[0] if seen else "")
    target = tgt_lang or next((lang for lang in seen if _primary(lang) != _primary(source)), "")
    if not source or not target:
        raise Unreadable("The TMX file does not have two languages to pair.")
    return source, target


def _read_body(path: str) -> tuple[str, list[_Tu], str]:
    """The header's srclang, the ``<tu>`` elements of the first ``<body>`` as read, and the encoding.

    A translation memory can run to gigabytes, so it is streamed: each ``<tu>`` is read as it closes and then
    dropped, and the file is never held as one tree.
    """
    elements, encoding = stream_xml(path, depth=3)
    declared: str | None = None
    tus: list[_Tu] = []
    body_done = False
    for names, element in elements:
        if names[0] != "tmx":
            raise Unreadable(f"This is not a TMX file: the root element is <{names[0]}>.")
        if names == ("tmx", "header") and declared is None:
            declared = element.get("srclang", "")
        elif names == ("tmx", "body", "tu") and not body_done:
            tus.append(_read_tu(element))
        elif names == ("tmx", "body"):
            body_done = True
    return declared or "", tus, encoding


def read_tmx(path: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read one TMX file as one unit-aligned document; a ``<tu>`` missing a language is kept, empty."""
    try:
        declared, tus, encoding = _read_body(path)
        source_lang, target_lang = _languages(declared, tus, src_lang, tgt_lang) if tus else ("", "")
    except Unreadable as exc:
        return [failed_document(path, exc)]
    sides: dict[str, list[Unit]] = {"source": [], "target": []}
    problems: list[InputProblem] = []
    wanted = [("target", target_lang)] if target_only else [("source", source_lang), ("target", target_lang)]
    for number, (tuvs, notes) in enumerate(tus, start=1):
        location = f"tu {number}"
        for side, lang in wanted:
            text = _pick(tuvs, lang)
            if text is None:
                reason = f"This translation unit has no <tuv> for {lang}; it is kept with empty {side} text."
                problems.append(InputProblem(path=path, location=location, reason=reason, rule="I002"))
            sides[side].append(Unit(text=text or "", location=location, comments=notes))
    return [
        DocumentPair(
            doc_id=stem(path),
            source=None if target_only else Side(path=path, units=tuple(sides["source"]), encoding=encoding),
            target=Side(path=path, units=tuple(sides["target"]), encoding=encoding),
            src_lang=source_lang or src_lang,
            tgt_lang=target_lang or tgt_lang,
            unit_aligned=True,
            problems=tuple(problems),
        )
    ]
