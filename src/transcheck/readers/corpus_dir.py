"""Documents kept as separate text files: a ``src/`` + ``mt/`` (+ ``ref/``) folder, or ``NAME.<lang>.txt``.

Files are paired by name; the sources and translations left over are then paired by content
(:mod:`transcheck.pairing`), with an ``I006`` note on each such pair. Whatever cannot be paired is still
reported (``I003``) rather than dropped, because a missing translation is exactly what a reviewer needs to
hear about.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transcheck.model import DocumentPair, InputProblem, Side
from transcheck.names.lexicon import NameLexicon
from transcheck.pairing import Match, pair_by_content
from transcheck.readers.problems import (
    TEXT_EXTENSIONS,
    Unreadable,
    UsageError,
    extension,
    list_files,
    stem,
)
from transcheck.readers.textfile import read_side, read_target_only

_LANG_FILE = re.compile(
    r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?)"
    r"\.(?:txt|md)$",
    re.IGNORECASE,
)
_SIDES = ("src", "mt", "ref")


def is_corpus_dir(folder: str) -> bool:
    """Whether a folder has the ``src/`` + ``mt/`` layout."""
    return all(os.path.isdir(os.path.join(folder, side)) for side in ("src", "mt"))


def split_lang_name(path: str) -> tuple[str, str] | None:
    """``(NAME, lang)`` for a file called ``NAME.<lang>.txt`` or ``.md``; ``None`` for other names."""
    match = _LANG_FILE.match(os.path.basename(path))
    return (match["name"], match["lang"]) if match else None


def _text_files(folder: str) -> list[str]:
    return [path for path in list_files(folder) if extension(path) in TEXT_EXTENSIONS]


class _Files:
    """Reads each text file once, remembering the side or why it could not be read."""

    def __init__(self) -> None:
        self._read: dict[str, Side | Unreadable] = {}

    def get(self, path: str) -> Side | Unreadable:
        if path not in self._read:
            try:
                self._read[path] = read_side(path)
            except Unreadable as exc:
                self._read[path] = exc
        return self._read[path]

    def text(self, path: str) -> str | None:
        side = self.get(path)
        return side.text if isinstance(side, Side) else None


def _read_optional(path: str | None, problems: list[InputProblem], files: _Files) -> Side | None:
    """Read a side if there is a file for it, recording an ``I001`` problem instead of raising."""
    if path is None:
        return None
    side = files.get(path)
    if isinstance(side, Unreadable):
        problems.append(InputProblem(path=path, location=side.location, reason=side.reason, rule="I001"))
        return None
    return side


def _unpaired(path: str, reason: str) -> InputProblem:
    return InputProblem(path=path, location="", reason=reason, rule="I003")


@dataclass(frozen=True)
class _Slot:
    """The files of one document as name pairing found them: ``name`` is the id the document gets."""

    name: str
    src: str | None
    tgt: str | None
    ref: str | None


def _build_pair(
    slot: _Slot,
    src_lang: str | None,
    tgt_lang: str | None,
    files: _Files,
    note: str = "",
    paired: InputProblem | None = None,
) -> DocumentPair:
    """The document for a slot; ``note`` extends an unpaired file's reason, ``paired`` records a content pair."""
    problems: list[InputProblem] = []
    source = _read_optional(slot.src, problems, files)
    target = _read_optional(slot.tgt, problems, files)
    reference = _read_optional(slot.ref, problems, files)
    if slot.src is not None and slot.tgt is None:
        problems.append(_unpaired(slot.src, "There is no translation for this source." + note))
    elif slot.tgt is not None and slot.src is None:
        problems.append(_unpaired(slot.tgt, "There is no source for this translation." + note))
    elif slot.ref is not None and slot.src is None:
        problems.append(_unpaired(slot.ref, "There is no source or translation for this reference."))
    if paired is not None:
        problems.append(paired)
    return DocumentPair(
        doc_id=slot.name,
        source=source,
        target=target,
        reference=reference,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class ContentPairing:
    """Whether files left over by name pairing are paired by content, and the lexicon that helps."""

    enabled: bool = True
    lexicon: NameLexicon | None = None


def _near_miss_note(miss: Match | None, path: str | None) -> str:
    if miss is None or path is None:
        return ""
    return (
        f" By content it comes closest to {path} (score {miss.score:.2f}), but a competing candidate scores "
        f"{miss.runner_up:.2f}, so the match is ambiguous and was not made."
    )


def _pair_leftovers(
    slots: list[_Slot], src_lang: str | None, tgt_lang: str | None, files: _Files, content: ContentPairing
) -> list[DocumentPair]:
    """Build the documents, pairing the sources and translations that name pairing left alone by content."""
    if not content.enabled:
        return [_build_pair(slot, src_lang, tgt_lang, files) for slot in slots]
    lone_sources = [slot for slot in slots if slot.tgt is None and slot.src and files.text(slot.src) is not None]
    lone_targets = [slot for slot in slots if slot.src is None and slot.tgt and files.text(slot.tgt) is not None]
    if not lone_sources or not lone_targets:
        return [_build_pair(slot, src_lang, tgt_lang, files) for slot in slots]
    readable = [slot for slot in slots if all(p is None or files.text(p) is not None for p in (slot.src, slot.tgt))]
    paired = [slot for slot in readable if slot.src is not None and slot.tgt is not None]

    def texts(paths: list[str | None]) -> list[str]:
        return [files.text(path) or "" for path in paths if path is not None]

    pairing = pair_by_content(
        texts([slot.src for slot in lone_sources]),
        texts([slot.tgt for slot in lone_targets]),
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        lexicon=content.lexicon,
        source_keys=[slot.src or "" for slot in lone_sources],
        target_keys=[slot.tgt or "" for slot in lone_targets],
        background_sources=texts([slot.src for slot in paired]),
        background_targets=texts([slot.tgt for slot in paired]),
    )
    partner = {lone_sources[m.source]: (lone_targets[m.target], m) for m in pairing.matches}
    taken = {lone_targets[m.target] for m in pairing.matches}
    source_notes = {
        lone_sources[i]: _near_miss_note(miss, lone_targets[miss.target].tgt)
        for i, miss in pairing.source_near_misses.items()
    }
    target_notes = {
        lone_targets[j]: _near_miss_note(miss, lone_sources[miss.source].src)
        for j, miss in pairing.target_near_misses.items()
    }
    docs = []
    for slot in slots:
        if slot in taken:
            continue
        if slot not in partner:
            note = source_notes.get(slot) or target_notes.get(slot, "")
            docs.append(_build_pair(slot, src_lang, tgt_lang, files, note=note))
            continue
        target_slot, match = partner[slot]
        assert slot.src is not None and target_slot.tgt is not None
        reason = (
            f"Paired by content with {slot.src}, score {match.score:.2f} (best competing candidate still "
            f"unpaired: {match.runner_up:.2f}), because no source file has the name of this translation."
        )
        record = InputProblem(path=target_slot.tgt, location="", reason=reason, rule="I006")
        merged = _Slot(slot.name, slot.src, target_slot.tgt, slot.ref or target_slot.ref)
        docs.append(_build_pair(merged, src_lang, tgt_lang, files, paired=record))
        if slot.ref is not None and target_slot.ref is not None:  # the translation's namesake reference stays apart
            docs.append(_build_pair(_Slot(target_slot.name, None, None, target_slot.ref), src_lang, tgt_lang, files))
    return docs


def _pair_by_name(
    sources: Mapping[str, list[str]],
    targets: Mapping[str, list[str]],
    references: Mapping[str, list[str]],
    src_lang: str | None,
    tgt_lang: str | None,
    content: ContentPairing,
) -> list[DocumentPair]:
    """One document per name, in name order; a name with several files per side pairs them in order.

    Sources and translations left without a counterpart are then paired by content when ``content`` allows;
    such a document keeps the source's name and its place.
    """
    slots = []
    for name in sorted(set(sources) | set(targets) | set(references)):
        files = [sources.get(name, []), targets.get(name, []), references.get(name, [])]
        for index in range(max(len(side) for side in files)):
            src, tgt, ref = (side[index] if index < len(side) else None for side in files)
            slots.append(_Slot(name, src, tgt, ref))
    return _pair_leftovers(slots, src_lang, tgt_lang, _Files(), content)


def _by_stem(paths: Sequence[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        grouped[stem(path)].append(path)
    return grouped


def read_corpus_dir(
    folder: str,
    *,
    target_only: bool,
    src_lang: str | None,
    tgt_lang: str | None,
    content: ContentPairing | None = None,
) -> list[DocumentPair]:
    """Read a ``src/`` + ``mt/`` (+ optional ``ref/``) folder; files pair up by name stem, then by content."""
    sides = {
        side: _text_files(os.path.join(folder, side)) if os.path.isdir(os.path.join(folder, side)) else []
        for side in _SIDES
    }
    if target_only:
        if not sides["mt"]:
            raise UsageError(f"{folder}: the mt/ folder contains no .txt or .md files.")
        return [read_target_only(path, tgt_lang) for path in sides["mt"]]
    if not sides["src"] and not sides["mt"]:
        raise UsageError(f"{folder}: the src/ and mt/ folders contain no .txt or .md files.")
    return _pair_by_name(
        _by_stem(sides["src"]),
        _by_stem(sides["mt"]),
        _by_stem(sides["ref"]),
        src_lang,
        tgt_lang,
        content or ContentPairing(),
    )


def _same(a: str, b: str) -> bool:
    return a.lower().replace("_", "-") == b.lower().replace("_", "-")


def _resolve(requested: str, langs: Sequence[str]) -> str | None:
    """The suffix a ``--src-lang``/``--tgt-lang`` value means: exact, else the only one with that prefix."""
    exact = [lang for lang in langs if _same(lang, requested)]
    if exact:
        return exact[0]
    primary = [lang for lang in langs if _same(lang.replace("_", "-").partition("-")[0], requested)]
    return primary[0] if len(primary) == 1 else None


def _only_other(langs: Sequence[str], known: str, flag: str, where: str) -> str:
    others = [lang for lang in langs if lang != known]
    if len(others) != 1:
        found = ", ".join(langs)
        raise UsageError(f"{where}: cannot tell the other language from the suffixes ({found}); pass {flag}.")
    return others[0]


def _choose_languages(
    names_by_lang: Mapping[str, set[str]], src_lang: str | None, tgt_lang: str | None, where: str
) -> tuple[str, str]:
    """Decide which suffix is the source and which the translation (see :func:`read_lang_files`)."""
    langs = sorted(names_by_lang)
    source = src_lang and (_resolve(src_lang, langs) or src_lang)
    target = tgt_lang and (_resolve(tgt_lang, langs) or tgt_lang)
    if source and target:
        return source, target
    if source:
        return source, _only_other(langs, source, "--tgt-lang", where)
    if target:
        return _only_other(langs, target, "--src-lang", where), target
    if len(langs) != 2:
        raise UsageError(
            f"{where}: found language suffixes {', '.join(langs) or 'none'}; need exactly two to pair files. "
            "Pass --src-lang and --tgt-lang."
        )
    (first, first_count), (second, second_count) = Counter(
        {lang: len(names_by_lang[lang]) for lang in langs}
    ).most_common()
    if first_count == second_count:
        raise UsageError(
            f"{where}: as many files end in .{langs[0]} as in .{langs[1]}, "
            "so the source language is unclear; pass --src-lang."
        )
    return first, second


def read_lang_files(
    paths: Sequence[str],
    *,
    src_lang: str | None,
    tgt_lang: str | None,
    where: str,
    content: ContentPairing | None = None,
) -> list[DocumentPair]:
    """Pair ``NAME.<lang>.txt`` files (given together, or found in one folder) into documents.

    Without ``--src-lang``/``--tgt-lang`` the language present for more names is the source, since
    sources are usually complete while translations may be missing. Files in a third language are
    reported, not silently ignored.
    """
    named = [(path, *parts) for path in paths if (parts := split_lang_name(path)) is not None]
    names_by_lang: dict[str, set[str]] = defaultdict(set)
    for _, name, lang in named:
        names_by_lang[lang].add(name)
    source, target = _choose_languages(names_by_lang, src_lang, tgt_lang, where)
    sources: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    docs: list[DocumentPair] = []
    for path, name, lang in sorted(named):
        if _same(lang, source):
            sources[name].append(path)
        elif _same(lang, target):
            targets[name].append(path)
        else:
            reason = f"Its language suffix .{lang} is neither the source .{source} nor the target .{target}."
            docs.append(DocumentPair(f"{name}.{lang}", None, None, problems=(_unpaired(path, reason),)))
    return _pair_by_name(sources, targets, {}, source, target, content or ContentPairing()) + docs
