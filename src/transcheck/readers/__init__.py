"""Read the user's inputs (files and folders in any supported layout) into :class:`DocumentPair` objects.

Only a command-line mistake raises (:class:`UsageError`). Bad content becomes an ``InputProblem`` on
the document concerned and reading carries on, so one broken file never hides the report on the others;
every input document appears in the result, in a deterministic order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace

from transcheck.model import DocumentPair, InputProblem
from transcheck.names.lexicon import NameLexicon
from transcheck.readers.corpus_dir import (
    ContentPairing,
    is_corpus_dir,
    read_corpus_dir,
    read_lang_files,
    split_lang_name,
)
from transcheck.readers.po import read_po
from transcheck.readers.problems import (
    TEXT_EXTENSIONS,
    Unreadable,
    UsageError,
    extension,
    failed_document,
    input_size_limit,
    list_files,
    stem,
)
from transcheck.readers.table import read_table
from transcheck.readers.textfile import read_target_only
from transcheck.readers.tmx import read_tmx
from transcheck.readers.xliff import read_xliff

__all__ = ["UsageError", "read_inputs"]

_Reader = Callable[..., list[DocumentPair]]
_READERS: dict[str, _Reader] = {
    ".tsv": read_table,
    ".csv": read_table,
    ".jsonl": read_table,
    ".tmx": read_tmx,
    ".xlf": read_xliff,
    ".xliff": read_xliff,
    ".xlf2": read_xliff,
    ".po": read_po,
}
_EXPECTED = "src/ and mt/ folders, .tsv/.csv/.jsonl tables, .tmx, .xlf/.xliff or .po files, or NAME.<lang>.txt pairs"


def _doc_path(doc: DocumentPair) -> str:
    """The file a document is best known by: its translation, else its source, else a problem's file."""
    sides = [side.path for side in (doc.target, doc.source, doc.reference) if side is not None]
    return (sides + [problem.path for problem in doc.problems] + [doc.doc_id])[0]


def _unpairable(path: str) -> DocumentPair:
    reason = (
        "This text file has no language suffix (NAME.<lang>.txt) and is not in a src/ + mt/ folder, "
        "so it cannot be paired with a translation; use --target-only to check it on its own."
    )
    problem = InputProblem(path=path, location="", reason=reason, rule="I003")
    return DocumentPair(doc_id=stem(path), source=None, target=None, problems=(problem,))


def _read_text_target(path: str, tgt_lang: str | None) -> DocumentPair:
    """A target-only text file; a ``NAME.<lang>`` suffix names its language better than a run-wide flag."""
    suffix = split_lang_name(path)
    return read_target_only(path, suffix[1] if suffix else tgt_lang)


def _read_file(path: str, target_only: bool, src_lang: str | None, tgt_lang: str | None) -> list[DocumentPair]:
    """Read one non-``NAME.<lang>`` file by its extension."""
    kind = extension(path)
    reader = _READERS.get(kind)
    if reader is not None:
        return reader(path, target_only=target_only, src_lang=src_lang, tgt_lang=tgt_lang)
    if kind in TEXT_EXTENSIONS:
        return [_read_text_target(path, tgt_lang)] if target_only else [_unpairable(path)]
    unsupported = Unreadable(f"The file type {kind or '(no extension)'} is not supported; expected {_EXPECTED}.")
    return [failed_document(path, unsupported)]


def _read_folder(
    folder: str, target_only: bool, src_lang: str | None, tgt_lang: str | None, content: ContentPairing
) -> list[DocumentPair]:
    """Read a folder: the corpus layout, or each recognised file in it (sorted, not recursive)."""
    if is_corpus_dir(folder):
        return read_corpus_dir(folder, target_only=target_only, src_lang=src_lang, tgt_lang=tgt_lang, content=content)
    docs: list[DocumentPair] = []
    lang_files: list[str] = []
    plain_text: list[str] = []
    for path in list_files(folder):
        if extension(path) in _READERS or (target_only and extension(path) in TEXT_EXTENSIONS):
            docs.extend(_read_file(path, target_only, src_lang, tgt_lang))
        elif extension(path) in TEXT_EXTENSIONS:
            (lang_files if split_lang_name(path) else plain_text).append(path)
    if not docs and not lang_files:
        if plain_text:
            raise UsageError(
                f"{folder}: the text files have no language suffix (NAME.<lang>.txt), so sources and "
                "translations cannot be told apart; pass --target-only to check them as translations, "
                "or put them in src/ and mt/ folders."
            )
        raise UsageError(f"{folder}: nothing to read here; expected {_EXPECTED}.")
    if lang_files:
        docs.extend(read_lang_files(lang_files, src_lang=src_lang, tgt_lang=tgt_lang, where=folder, content=content))
    docs.extend(_unpairable(path) for path in plain_text)
    return sorted(docs, key=_doc_path)


def _flag_empty(doc: DocumentPair) -> DocumentPair:
    if doc.target is None or doc.target.text.strip():
        return doc
    reason = "The document is empty: its translation has no text."
    problem = InputProblem(path=doc.target.path, location="", reason=reason, rule="I004")
    return replace(doc, problems=(*doc.problems, problem))


def _rename_duplicates(docs: list[DocumentPair]) -> list[DocumentPair]:
    """Keep documents that share an id apart, renaming later ones ``ID~2``, ``ID~3``, ..."""
    used = {doc.doc_id for doc in docs}
    first_seen: dict[str, str] = {}
    renamed = []
    for doc in docs:
        if doc.doc_id not in first_seen:
            first_seen[doc.doc_id] = _doc_path(doc)
            renamed.append(doc)
            continue
        number = 2
        while f"{doc.doc_id}~{number}" in used:
            number += 1
        new_id = f"{doc.doc_id}~{number}"
        used.add(new_id)
        reason = (
            f"The duplicate document id {doc.doc_id!r} is already used by {first_seen[doc.doc_id]}; "
            f"this document is renamed {new_id!r}."
        )
        problem = InputProblem(path=_doc_path(doc), location="", reason=reason, rule="I005")
        renamed.append(replace(doc, doc_id=new_id, problems=(*doc.problems, problem)))
    return renamed


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    target_only: bool = False,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    pair_by_content: bool = True,
    lexicon: NameLexicon | None = None,
    max_input_bytes: int | None = None,
) -> list[DocumentPair]:
    """Read every input path into documents, in the order given (folders sorted by file name).

    ``NAME.<lang>.txt`` files given as separate arguments are paired together and appear where the
    first of them was given. Text files that do not pair by name are paired by content unless
    ``pair_by_content`` is false; ``lexicon`` (default: the shipped one) lets names help. A file larger than
    ``max_input_bytes`` (default: ``readers.problems.MAX_INPUT_BYTES``, 1 GiB) is an input error, not read.
    Raises :class:`UsageError` only for a mistake in the paths or languages.
    """
    content = ContentPairing(enabled=pair_by_content, lexicon=lexicon)
    docs: list[DocumentPair] = []
    lang_files: list[str] = []
    lang_slot = 0
    with input_size_limit(max_input_bytes):
        for given in paths:
            path = os.fspath(given)
            if os.path.isdir(path):
                docs.extend(_read_folder(path, target_only, src_lang, tgt_lang, content))
            elif not os.path.exists(path):
                raise UsageError(f"{path}: no such file or folder.")
            elif not target_only and split_lang_name(path):
                if not lang_files:
                    lang_slot = len(docs)
                lang_files.append(path)
            else:
                docs.extend(_read_file(path, target_only, src_lang, tgt_lang))
        if lang_files:
            where = "the NAME.<lang> files given"
            docs[lang_slot:lang_slot] = read_lang_files(
                lang_files, src_lang=src_lang, tgt_lang=tgt_lang, where=where, content=content
            )
    return _rename_duplicates([_flag_empty(doc) for doc in docs])
