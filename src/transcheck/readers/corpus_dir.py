"""Documents kept as separate text files: a ``src/`` + ``mt/`` (+ ``ref/``) folder, or ``NAME.<lang>.txt``.

Files are paired by name. Whatever cannot be paired is still reported (``I003``) rather than dropped,
because a missing translation is exactly what a reviewer needs to hear about.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from transcheck.model import DocumentPair, InputProblem, Side
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


def _read_optional(path: str | None, problems: list[InputProblem]) -> Side | None:
    """Read a side if there is a file for it, recording an ``I001`` problem instead of raising."""
    if path is None:
        return None
    try:
        return read_side(path)
    except Unreadable as exc:
        problems.append(InputProblem(path=path, location=exc.location, reason=exc.reason, rule="I001"))
        return None


def _unpaired(path: str, reason: str) -> InputProblem:
    return InputProblem(path=path, location="", reason=reason, rule="I003")


def _build_pair(
    doc_id: str,
    src_path: str | None,
    tgt_path: str | None,
    ref_path: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
) -> DocumentPair:
    problems: list[InputProblem] = []
    source = _read_optional(src_path, problems)
    target = _read_optional(tgt_path, problems)
    reference = _read_optional(ref_path, problems)
    if src_path is not None and tgt_path is None:
        problems.append(_unpaired(src_path, "There is no translation for this source."))
    elif tgt_path is not None and src_path is None:
        problems.append(_unpaired(tgt_path, "There is no source for this translation."))
    elif ref_path is not None and src_path is None:
        problems.append(_unpaired(ref_path, "There is no source or translation for this reference."))
    return DocumentPair(
        doc_id=doc_id,
        source=source,
        target=target,
        reference=reference,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        problems=tuple(problems),
    )


def _pair_by_name(
    sources: Mapping[str, list[str]],
    targets: Mapping[str, list[str]],
    references: Mapping[str, list[str]],
    src_lang: str | None,
    tgt_lang: str | None,
) -> list[DocumentPair]:
    """One document per name, in name order; a name with several files per side pairs them in order."""
    docs = []
    for name in sorted(set(sources) | set(targets) | set(references)):
        files = [sources.get(name, []), targets.get(name, []), references.get(name, [])]
        for index in range(max(len(side) for side in files)):
            src, tgt, ref = (side[index] if index < len(side) else None for side in files)
            docs.append(_build_pair(name, src, tgt, ref, src_lang, tgt_lang))
    return docs


def _by_stem(paths: Sequence[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        grouped[stem(path)].append(path)
    return grouped


def read_corpus_dir(
    folder: str, *, target_only: bool, src_lang: str | None, tgt_lang: str | None
) -> list[DocumentPair]:
    """Read a ``src/`` + ``mt/`` (+ optional ``ref/``) folder; files pair up by name stem."""
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
    return _pair_by_name(_by_stem(sides["src"]), _by_stem(sides["mt"]), _by_stem(sides["ref"]), src_lang, tgt_lang)


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
    paths: Sequence[str], *, src_lang: str | None, tgt_lang: str | None, where: str
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
    return _pair_by_name(sources, targets, {}, source, target) + docs
