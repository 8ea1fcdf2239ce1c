"""Tests for transcheck.readers.po: gettext PO catalogues read with polib."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.engine import Settings, check_document
from transcheck.readers import problems, read_inputs
from transcheck.readers.po import read_po

CATALOGUE = """\
# German translation of the app.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de_DE\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# Translator: checked by Anna.
#. Shown on the start page.
#: app.py:12
msgid "About 30,000 people came."
msgstr "Etwa 30.000 Menschen kamen."

#, fuzzy
msgid "Open the file"
msgstr "Datei öffnen"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d Datei"
msgstr[1] "%d Dateien"

msgctxt "menu"
msgid ""
"A long message that is "
"wrapped."
msgstr ""
"Eine lange Nachricht, die "
"umbrochen ist."

msgid "Untranslated"
msgstr ""

#~ msgid "Old"
#~ msgstr "Alt"
"""


def write(tmp_path: Path, text: str, name: str = "de.po", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def read(path: str, **kwargs: object) -> list:
    options = {"target_only": False, "src_lang": None, "tgt_lang": None, **kwargs}
    return read_po(path, **options)  # type: ignore[arg-type]


def test_entries_become_unit_aligned_pairs(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, CATALOGUE))
    assert doc.doc_id == "de"
    assert doc.unit_aligned and not doc.problems
    assert doc.tgt_lang == "de-DE" and doc.src_lang is None
    sources = [u.text for u in doc.source.units]
    targets = [u.text for u in doc.target.units]
    assert sources == [
        "About 30,000 people came.",
        "Open the file",
        "%d file",
        "%d files",
        "A long message that is wrapped.",
        "Untranslated",
    ]
    assert targets == [
        "Etwa 30.000 Menschen kamen.",
        "Datei öffnen",
        "%d Datei",
        "%d Dateien",
        "Eine lange Nachricht, die umbrochen ist.",
        "",  # untranslated: kept empty, so that it is reported
    ]
    # each unit sits at the line of its msgstr, where a translator fixes it
    msgstr_lines = [n for n, line in enumerate(CATALOGUE.split("\n"), start=1) if line.startswith("msgstr")][1:]
    assert len(msgstr_lines) == 6
    assert [u.location for u in doc.target.units] == [f"line {n}" for n in msgstr_lines]
    assert [u.line for u in doc.source.units] == msgstr_lines


def test_comments_and_fuzzy_flags(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, CATALOGUE))
    first, fuzzy = doc.target.units[:2]
    assert first.comments == ("Translator: checked by Anna.", "Shown on the start page.")
    assert doc.source.units[0].comments == first.comments
    assert first.flags == () and fuzzy.flags == ("fuzzy",)


def test_fuzzy_entries_are_checked_and_reported_as_such(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, CATALOGUE), src_lang="en")
    result = check_document(doc, Settings())
    assert "1 fuzzy entry" in result.detail
    flagged = [p for p in result.pairs if p.flags]
    assert [(p.source, p.flags) for p in flagged] == [("Open the file", ("fuzzy",))]
    assert [f.rule for f in result.findings] == ["A001"]  # the untranslated entry


def test_language_options_win_over_the_header(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, CATALOGUE), src_lang="en", tgt_lang="de")
    assert (doc.src_lang, doc.tgt_lang) == ("en", "de")


def test_target_only(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, CATALOGUE), target_only=True)
    assert doc.source is None
    assert doc.target.units[0].text == "Etwa 30.000 Menschen kamen."


def test_a_single_plural_form(tmp_path: Path) -> None:
    text = 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 个文件"\n'
    [doc] = read(write(tmp_path, text, "zh.po"))
    assert [u.text for u in doc.source.units] == ["%d file"]
    assert [u.text for u in doc.target.units] == ["%d 个文件"]


def test_a_broken_file_is_an_input_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d "e"\n', "broken.po")
    [doc] = read(path)
    [problem] = doc.problems
    assert problem.rule == "I001" and problem.path == path
    assert problem.location == "line 5"
    assert "not a valid PO file" in problem.reason and "quote" in problem.reason
    [doc] = read(write(tmp_path, 'msgid "a"\nmsgstr "b"\nnonsense\n', "junk.po"))
    assert doc.problems[0].location == "line 3"


def test_a_legacy_charset_from_the_header(tmp_path: Path) -> None:
    text = CATALOGUE.replace("charset=UTF-8", "charset=ISO-8859-1")
    [doc] = read(write(tmp_path, text, encoding="latin-1"))
    assert doc.target.units[1].text == "Datei öffnen"
    assert doc.target.encoding == "iso8859-1"


def test_bytes_that_are_not_the_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xff"\n')
    [doc] = read(str(path))
    assert doc.problems[0].rule == "I001"
    assert "line 5" in doc.problems[0].location


def test_po_files_are_read_from_a_folder_and_as_files(tmp_path: Path) -> None:
    write(tmp_path, CATALOGUE, "de.po")
    write(tmp_path, CATALOGUE.replace("de_DE", "fr"), "fr.po")
    docs = read_inputs([str(tmp_path)])
    assert [(d.doc_id, d.tgt_lang) for d in docs] == [("de", "de-DE"), ("fr", "fr")]
    assert [d.doc_id for d in read_inputs([str(tmp_path / "fr.po")])] == ["fr"]


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'


def at(text: str, line: str) -> str:
    """The location of the first line of ``text`` that is ``line``."""
    return f"line {text.split(chr(10)).index(line) + 1}"


def test_a_broken_entry_is_reported_at_its_line_and_the_others_are_read(tmp_path: Path) -> None:
    text = (
        HEADER
        + 'msgid "About 30,000 people came."\nmsgstr "Etwa 30.000 Menschen kamen."\n\n'
        + '<<<<<<< HEAD\nmsgid "Open"\nmsgstr "Öffnen"\n=======\nmsgid "Open"\nmsgstr "Aufmachen"\n>>>>>>> theirs\n\n'
        + '# Translator: the last one.\nmsgid "It cost 15 euros."\nmsgstr "Es kostete 50 Euro."\n'
    )
    path = write(tmp_path, text, "conflict.po")
    [doc] = read(path, src_lang="en")
    assert doc.tgt_lang == "de"  # the header was still read
    assert [u.text for u in doc.source.units] == ["About 30,000 people came.", "It cost 15 euros."]
    assert [u.text for u in doc.target.units] == ["Etwa 30.000 Menschen kamen.", "Es kostete 50 Euro."]
    assert [u.location for u in doc.target.units] == [
        at(text, 'msgstr "Etwa 30.000 Menschen kamen."'),
        at(text, 'msgstr "Es kostete 50 Euro."'),
    ]
    assert doc.target.units[1].comments == ("Translator: the last one.",)
    [problem] = doc.problems
    assert (problem.rule, problem.path, problem.location) == ("I002", path, at(text, "<<<<<<< HEAD"))
    assert "not valid PO" in problem.reason and "skipped" in problem.reason
    # the entries read are checked: the wrong number in the last one is found, and the document is no input error
    result = check_document(doc, Settings())
    assert result.status == "ok"
    assert [f.rule for f in result.findings if f.rule.startswith("I")] == ["I002"]
    numbers = [(f.evidence, f.suggestion, f.location) for f in result.findings if f.rule == "D003"]
    assert numbers == [("50", "15", at(text, 'msgstr "Es kostete 50 Euro."'))]


def test_an_entry_without_msgstr_is_reported_not_read_as_untranslated(tmp_path: Path) -> None:
    text = HEADER + 'msgid "First"\n\nmsgid "Second"\nmsgstr "Zweite"\n'
    [doc] = read(write(tmp_path, text))
    assert [u.text for u in doc.source.units] == ["Second"]
    [problem] = doc.problems
    assert (problem.rule, problem.location) == ("I002", at(text, 'msgid "First"'))
    assert "msgid without msgstr" in problem.reason


def test_a_file_where_no_entry_can_be_read_is_still_an_input_error(tmp_path: Path) -> None:
    text = HEADER + '<<<<<<< HEAD\nmsgid "a"\nmsgstr "b"\n=======\n'
    [doc] = read(write(tmp_path, text))
    [problem] = doc.problems
    assert (doc.target, problem.rule, problem.location) == (None, "I001", at(text, "<<<<<<< HEAD"))
    assert problem.reason == "The file is not a valid PO file: syntax error."


def test_msgstr_n_without_msgid_plural_is_reported_and_its_form_0_checked(tmp_path: Path) -> None:
    text = (
        HEADER
        + 'msgid "One file"\nmsgstr[0] "Eine Datei"\n\n'
        + 'msgid "Two files"\nmsgstr[0] "Zwei Dateien"\nmsgstr[1] "Zwei Dateien!"\n\n'
        + 'msgid "%d page"\nmsgid_plural "%d pages"\nmsgstr "%d Seite"\n\n'
        + 'msgid "Fine"\nmsgstr "Gut"\n'
    )
    [doc] = read(write(tmp_path, text))
    assert [u.text for u in doc.source.units] == ["One file", "Two files", "%d page", "Fine"]
    assert [u.text for u in doc.target.units] == ["Eine Datei", "Zwei Dateien", "%d Seite", "Gut"]
    places = [at(text, line) for line in ('msgstr[0] "Eine Datei"', 'msgstr[0] "Zwei Dateien"', 'msgstr "%d Seite"')]
    assert [u.location for u in doc.target.units[:3]] == places
    assert [(p.rule, p.location) for p in doc.problems] == [("I002", place) for place in places]
    first, second, third = (p.reason for p in doc.problems)
    assert "msgstr[N] but no msgid_plural" in first and "msgstr[0] is checked" in first
    assert "other forms are not checked" in second and "other forms" not in first
    assert "msgid_plural but a plain msgstr" in third


def test_an_oversized_po_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(problems, "MAX_INPUT_BYTES", 100)
    path = write(tmp_path, CATALOGUE)
    [doc] = read(path)
    [problem] = doc.problems
    assert (doc.target, problem.rule, problem.path) == (None, "I001", path)
    assert f"({len(CATALOGUE.encode()):,} bytes)" in problem.reason and "100 bytes limit" in problem.reason
