"""Tests for transcheck.readers: every input layout and format, and how bad input is reported."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.model import DocumentPair, InputProblem
from transcheck.readers import UsageError, problems, read_inputs


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def texts(doc: DocumentPair, side: str = "target") -> list[str]:
    value = getattr(doc, side)
    assert value is not None
    return [unit.text for unit in value.units]


def rules(doc: DocumentPair) -> list[str]:
    return [problem.rule for problem in doc.problems]


def only_problem(doc: DocumentPair, rule: str) -> InputProblem:
    found = [problem for problem in doc.problems if problem.rule == rule]
    assert len(found) == 1, doc.problems
    return found[0]


def by_id(docs: list[DocumentPair]) -> dict[str, DocumentPair]:
    return {doc.doc_id: doc for doc in docs}


# ---------------------------------------------------------------- plain text, corpus folder


def test_corpus_folder_pairs_by_stem_and_reports_unpaired_files(tmp_path: Path) -> None:
    write(tmp_path / "src" / "a01.txt", "  第一句。  \n\n第二句。\n")
    write(tmp_path / "mt" / "a01.txt", "First sentence.\nSecond sentence.\n")
    write(tmp_path / "ref" / "a01.txt", "The first sentence.\nThe second sentence.\n")
    write(tmp_path / "src" / "a02.txt", "没有译文。\n")
    write(tmp_path / "mt" / "a03.md", "# Orphan translation\n")

    docs = read_inputs([tmp_path], src_lang="zh", tgt_lang="en")

    assert [doc.doc_id for doc in docs] == ["a01", "a02", "a03"]
    a01, a02, a03 = docs
    assert texts(a01, "source") == ["第一句。", "第二句。"]
    assert a01.source is not None
    assert [(unit.location, unit.line) for unit in a01.source.units] == [("line 1", 1), ("line 3", 3)]
    assert texts(a01) == ["First sentence.", "Second sentence."]
    assert texts(a01, "reference") == ["The first sentence.", "The second sentence."]
    assert (a01.src_lang, a01.tgt_lang, a01.unit_aligned, a01.problems) == ("zh", "en", False, ())
    assert a01.readable

    assert a02.target is None
    assert only_problem(a02, "I003").reason == "There is no translation for this source."
    assert only_problem(a02, "I003").path == str(tmp_path / "src" / "a02.txt")

    assert a03.source is None
    assert texts(a03) == ["# Orphan translation"]
    assert only_problem(a03, "I003").reason == "There is no source for this translation."
    assert a03.readable


def test_corpus_folder_pairs_txt_source_with_md_translation(tmp_path: Path) -> None:
    write(tmp_path / "src" / "doc.txt", "源文。\n")
    write(tmp_path / "mt" / "doc.md", "Source text.\n")
    [doc] = read_inputs([tmp_path])
    assert (doc.doc_id, texts(doc, "source"), texts(doc), doc.problems) == (
        "doc",
        ["源文。"],
        ["Source text."],
        (),
    )


def test_corpus_folder_with_an_undecodable_source_keeps_the_translation(tmp_path: Path) -> None:
    write(tmp_path / "src" / "a.txt", "Grüße\n", encoding="latin-1")
    write(tmp_path / "mt" / "a.txt", "Greetings\n")
    [doc] = read_inputs([tmp_path])
    problem = only_problem(doc, "I001")
    assert problem.path == str(tmp_path / "src" / "a.txt")
    assert problem.location == "byte 2 (line 1)"
    assert doc.source is None
    assert texts(doc) == ["Greetings"]
    assert not doc.readable


# ---------------------------------------------------------------- NAME.<lang>.txt pairs


def test_lang_suffix_folder_majority_language_is_the_source(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / f"{name}.zh.txt", f"{name} 中文\n")
    for name in ("a", "b"):
        write(tmp_path / f"{name}.en.md", f"{name} English\n")

    docs = read_inputs([tmp_path])

    assert [doc.doc_id for doc in docs] == ["a", "b", "c"]
    assert all((doc.src_lang, doc.tgt_lang) == ("zh", "en") for doc in docs)
    assert texts(docs[0], "source") == ["a 中文"]
    assert texts(docs[0]) == ["a English"]
    assert docs[2].target is None
    assert rules(docs[2]) == ["I003"]


def test_lang_suffix_tie_needs_src_lang(tmp_path: Path) -> None:
    write(tmp_path / "a.zh.txt", "中文\n")
    write(tmp_path / "a.en.txt", "English\n")
    with pytest.raises(UsageError, match="--src-lang"):
        read_inputs([tmp_path])
    [doc] = read_inputs([tmp_path], src_lang="en")
    assert (doc.src_lang, doc.tgt_lang, texts(doc, "source"), texts(doc)) == (
        "en",
        "zh",
        ["English"],
        ["中文"],
    )


def test_lang_suffix_file_arguments_with_region_codes(tmp_path: Path) -> None:
    zh = write(tmp_path / "one" / "story.zh-Hant.txt", "故事。\n")
    pt = write(tmp_path / "two" / "story.pt-BR.txt", "História.\n")
    [doc] = read_inputs([str(pt), zh], src_lang="zh-hant", tgt_lang="pt")
    assert (doc.doc_id, doc.src_lang, doc.tgt_lang) == ("story", "zh-Hant", "pt-BR")
    assert doc.source is not None and doc.source.path == str(zh)
    assert doc.target is not None and doc.target.path == str(pt)


def test_lang_suffix_third_language_is_reported_not_dropped(tmp_path: Path) -> None:
    write(tmp_path / "a.zh.txt", "中文\n")
    write(tmp_path / "a.en.txt", "English\n")
    write(tmp_path / "a.fr.txt", "Français\n")
    with pytest.raises(UsageError, match="--src-lang and --tgt-lang"):
        read_inputs([tmp_path])
    docs = by_id(read_inputs([tmp_path], src_lang="zh", tgt_lang="en"))
    assert set(docs) == {"a", "a.fr"}
    assert "neither the source" in only_problem(docs["a.fr"], "I003").reason


def test_plain_text_file_in_bilingual_mode_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt", "no language here\n")
    write(tmp_path / "pairs.tsv", "source\ttarget\n一\tone\n")
    docs = by_id(read_inputs([tmp_path]))
    assert "--target-only" in only_problem(docs["notes"], "I003").reason
    assert docs["pairs"].problems == ()


# ---------------------------------------------------------------- tables


def test_tsv_groups_rows_by_doc_id_with_aliases_and_reference(tmp_path: Path) -> None:
    table = write(
        tmp_path / "pairs.tsv",
        "\n".join(
            [
                "Doc\tSRC\tMT\tRef",
                "d1\t你好\tHello\tHi",
                "",
                'd2\t"引号"\t"quoted"\t',
                "d1\t再见\tGoodbye\tBye\n",
            ]
        ),
    )
    docs = read_inputs([table], src_lang="zh", tgt_lang="en")
    assert [doc.doc_id for doc in docs] == ["d1", "d2"]
    d1, d2 = docs
    assert texts(d1, "source") == ["你好", "再见"]
    assert texts(d1) == ["Hello", "Goodbye"]
    assert texts(d1, "reference") == ["Hi", "Bye"]
    assert d1.target is not None
    assert [unit.location for unit in d1.target.units] == ["line 2", "line 5"]
    assert texts(d2) == ['"quoted"']  # TSV has no quoting: quotes are text
    assert texts(d2, "reference") == [""]
    assert (d1.unit_aligned, d1.src_lang, d1.tgt_lang) == (True, "zh", "en")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le", "utf-8-sig"])
def test_tables_in_other_encodings_record_the_encoding(tmp_path: Path, encoding: str) -> None:
    table = write(tmp_path / "t.csv", "source,target\r\n中文句子，测试。,Chinese sentence.\r\n", encoding)
    [doc] = read_inputs([table])
    assert (texts(doc, "source"), texts(doc)) == (["中文句子，测试。"], ["Chinese sentence."])
    assert doc.target is not None and doc.target.encoding == encoding


def test_table_without_doc_id_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    table = write(tmp_path / "batch7.tsv", "source\ttarget\n一\tone\n二\ttwo\n")
    [doc] = read_inputs([table])
    assert (doc.doc_id, texts(doc), doc.reference) == ("batch7", ["one", "two"], None)


def test_tsv_row_with_wrong_field_count_is_skipped(tmp_path: Path) -> None:
    table = write(tmp_path / "t.tsv", "source\ttarget\n一\tone\n二\ttwo\textra\n三\tthree\n")
    [doc] = read_inputs([table])
    assert texts(doc) == ["one", "three"]
    problem = only_problem(doc, "I002")
    assert problem.location == "line 3"
    assert "3 fields" in problem.reason


def test_csv_quoted_multiline_rows_keep_their_starting_line(tmp_path: Path) -> None:
    table = write(
        tmp_path / "t.csv",
        'source,target\n"第一行\n第二行","line one\nline two"\n"a, b","x ""y"""\nplain,text\n',
    )
    [doc] = read_inputs([table])
    assert texts(doc) == ["line one\nline two", 'x "y"', "text"]
    assert doc.target is not None
    # The first row spans lines 2-4 (two embedded newlines), so the next rows start on lines 5 and 6.
    assert [unit.line for unit in doc.target.units] == [2, 5, 6]


def test_csv_row_with_broken_quoting_is_reported(tmp_path: Path) -> None:
    table = write(tmp_path / "t.csv", 'source,target\n"bad"x,y\ngood,row\n')
    [doc] = read_inputs([table])
    assert texts(doc) == ["row"]
    assert only_problem(doc, "I002").location == "line 2"


def test_missing_column_makes_the_file_unreadable_naming_the_columns(tmp_path: Path) -> None:
    table = write(tmp_path / "t.csv", "source,translated_text\na,b\n")
    [doc] = read_inputs([table])
    problem = only_problem(doc, "I001")
    assert (doc.doc_id, doc.target, problem.location) == ("t", None, "line 1")
    assert "target" in problem.reason
    assert "'translated_text'" in problem.reason


def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "d1", "src": "一", "translation": "one"}, ensure_ascii=False),
        '{"src": "broken", ',
        json.dumps({"doc_id": "d1", "src": "二", "translation": 2}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "d1", "src": "三"}),
        json.dumps({"doc_id": "d1", "src": "四", "translation": "four", "note": 7}),
    ]
    table = write(tmp_path / "rows.jsonl", "\n".join(lines) + "\n")
    [doc] = read_inputs([table])
    assert texts(doc) == ["one", "four"]
    assert doc.target is not None
    assert [unit.location for unit in doc.target.units] == ["line 1", "line 6"]
    problems = {problem.location: problem.reason for problem in doc.problems}
    assert set(problems) == {"line 2", "line 3", "line 4", "line 5"}
    assert "not valid JSON" in problems["line 2"]
    assert "'translation' is a number" in problems["line 3"]
    assert "not a JSON object" in problems["line 4"]
    assert "no target" in problems["line 5"]
    assert all(problem.rule == "I002" for problem in doc.problems)


def test_jsonl_missing_column(tmp_path: Path) -> None:
    table = write(tmp_path / "rows.jsonl", '{"source": "a", "output": "b"}\n')
    [doc] = read_inputs([table])
    assert "'output'" in only_problem(doc, "I001").reason


def test_target_only_table_needs_only_target(tmp_path: Path) -> None:
    table = write(tmp_path / "mt.csv", "target\nOnly a translation.\n")
    [doc] = read_inputs([table], target_only=True)
    assert (doc.source, texts(doc), doc.problems) == (None, ["Only a translation."], ())
    [bilingual] = read_inputs([table])
    assert "source" in only_problem(bilingual, "I001").reason


# ---------------------------------------------------------------- TMX

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en-US" creationtool="test" segtype="sentence" adminlang="en" datatype="plaintext"
          o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="en-US"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>点击<bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept>。</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="EN-us"><seg>See <hi type="em">this</hi><ph>&lt;br/&gt;</ph>.</seg></tuv>
      <tuv xml:lang="de"><seg>Siehe dies.</seg></tuv>
      <tuv xml:lang="zh-cn"><seg>见<hi>此</hi>。</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>No translation yet.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_units_inline_codes_and_missing_side(tmp_path: Path) -> None:
    path = write(tmp_path / "memory.tmx", TMX)
    [doc] = read_inputs([path])
    assert (doc.doc_id, doc.src_lang, doc.tgt_lang, doc.unit_aligned) == ("memory", "en-US", "zh-CN", True)
    assert texts(doc, "source") == ["Click Save.", "See this.", "No translation yet."]
    assert texts(doc) == ["点击保存。", "见此。", ""]
    assert doc.target is not None
    assert [unit.location for unit in doc.target.units] == ["tu 1", "tu 2", "tu 3"]
    problem = only_problem(doc, "I002")
    assert (problem.location, problem.path) == ("tu 3", str(path))


def test_tmx_tgt_lang_picks_among_several_targets(tmp_path: Path) -> None:
    path = write(tmp_path / "memory.tmx", TMX)
    [doc] = read_inputs([path], tgt_lang="de")
    assert texts(doc) == ["", "Siehe dies.", ""]
    assert [problem.location for problem in doc.problems] == ["tu 1", "tu 3"]


def test_tmx_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes(codecs.BOM_UTF16_LE + TMX.replace("UTF-8", "UTF-16").encode("utf-16-le"))
    [doc] = read_inputs([path])
    assert doc.target is not None and doc.target.encoding == "utf-16-le"
    assert texts(doc)[0] == "点击保存。"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv><tuv xml:lang="fr"><seg>&lol9;</seg></tuv></tu>
</body></tmx>
"""


def test_billion_laughs_tmx_is_refused_without_expansion(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.tmx", BILLION_LAUGHS)
    [doc] = read_inputs([path])
    problem = only_problem(doc, "I001")
    assert (doc.target, problem.location) == (None, "line 2")
    assert "DTD" in problem.reason
    assert "lol" not in repr(doc)


def test_malformed_xml_reports_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.tmx", '<tmx version="1.4">\n<body>\n<tu></body>\n</tmx>\n')
    [doc] = read_inputs([path])
    problem = only_problem(doc, "I001")
    assert problem.location == "line 3, column 7"
    assert "not well-formed XML" in problem.reason


def test_xml_with_wrong_root_is_unreadable(tmp_path: Path) -> None:
    path = write(tmp_path / "other.xlf", "<html><body/></html>")
    [doc] = read_inputs([path])
    assert "root element is <html>" in only_problem(doc, "I001").reason
    path = write(tmp_path / "other.tmx", "<html><head><title>x</title></head><body/></html>")
    [doc] = read_inputs([path])
    assert "not a TMX file: the root element is <html>" in only_problem(doc, "I001").reason


def test_tmx_reads_the_header_and_the_first_body_wherever_they_are(tmp_path: Path) -> None:
    """The header may follow the body, and the units of a second body are not read (as before streaming)."""
    body = '<body><tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body>'
    other = '<body><tu><tuv xml:lang="fr"><seg>Encore</seg></tuv><tuv xml:lang="en"><seg>Again</seg></tuv></tu></body>'
    path = write(tmp_path / "late.tmx", f'<tmx version="1.4">{body}<header srclang="en"/>{other}</tmx>')
    [doc] = read_inputs([path])
    assert (doc.src_lang, doc.tgt_lang) == ("en", "fr")
    assert (texts(doc, "source"), texts(doc)) == (["Hello"], ["Bonjour"])


def test_tmx_too_deep_is_refused_while_streaming(tmp_path: Path) -> None:
    depth = problems.MAX_XML_DEPTH + 5
    seg = "<hi>" * depth + "x" + "</hi>" * depth
    tmx = f'<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="en"><seg>{seg}</seg></tuv></tu></body></tmx>'
    [doc] = read_inputs([write(tmp_path / "deep.tmx", tmx)])
    problem = only_problem(doc, "I001")
    assert problem.location == "line 3" and "levels deep" in problem.reason


def test_stream_xml_drops_each_element_once_it_is_yielded(tmp_path: Path) -> None:
    path = write(tmp_path / "m.tmx", TMX)
    elements, encoding = problems.stream_xml(str(path), depth=3)
    seen = []
    for names, element in elements:
        seen.append(names)
        if names == ("tmx", "body", "tu"):
            assert element.find("tuv") is not None  # complete when yielded
        if names == ("tmx", "body"):
            assert len(element) == 0  # every <tu> was dropped from it
    assert encoding == "utf-8"
    assert seen == [("tmx", "header"), *[("tmx", "body", "tu")] * 3, ("tmx", "body"), ("tmx",)]


# ---------------------------------------------------------------- size limit


def test_files_over_the_size_limit_are_refused_and_the_others_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(problems, "MAX_INPUT_BYTES", 200)
    write(tmp_path / "small.tsv", "source\ttarget\n一\tone\n")
    big_tmx = write(tmp_path / "memory.tmx", TMX)
    big_xlf = write(tmp_path / "units.xlf", XLIFF_12)
    big_tsv = write(tmp_path / "rows.tsv", "source\ttarget\n" + "一\tone\n" * 50)
    docs = by_id(read_inputs([tmp_path]))
    assert texts(docs["small"]) == ["one"] and docs["small"].problems == ()
    for path in (big_tmx, big_xlf, big_tsv):
        doc = docs[path.stem]
        problem = only_problem(doc, "I001")
        assert (doc.target, problem.path, problem.location) == (None, str(path), "")
        size = path.stat().st_size
        assert f"({size:,} bytes), over the 200 bytes limit" in problem.reason
        assert "--max-input-mb" in problem.reason


def test_the_size_limit_of_a_run_and_text_pairs(tmp_path: Path) -> None:
    write(tmp_path / "src" / "a.txt", "会议讨论了贸易问题。\n")
    write(tmp_path / "mt" / "a.txt", "The meeting discussed trade. " * 20 + "\n")
    write(tmp_path / "src" / "b.txt", "会议。\n")
    write(tmp_path / "mt" / "b.txt", "Meeting.\n")
    docs = by_id(read_inputs([tmp_path], max_input_bytes=100))
    assert texts(docs["b"]) == ["Meeting."] and docs["b"].problems == ()
    problem = only_problem(docs["a"], "I001")
    assert problem.path == str(tmp_path / "mt" / "a.txt") and "over the 100 bytes limit" in problem.reason
    assert docs["a"].target is None and texts(docs["a"], "source") == ["会议讨论了贸易问题。"]
    assert by_id(read_inputs([tmp_path]))["a"].problems == ()  # the limit was for that run only


def test_a_pipe_is_refused_once_it_passes_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "stream.tsv"
    os.mkfifo(fifo)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb", buffering=0) as handle:
            handle.write(b"source\ttarget\n" + b"x\ty\n" * 100_000)

    writer = threading.Thread(target=feed)
    writer.start()
    [doc] = read_inputs([fifo], max_input_bytes=1000)
    writer.join(timeout=10)
    assert only_problem(doc, "I001").reason.startswith("The stream went over the 1000 bytes limit on one input file")


# ---------------------------------------------------------------- XLIFF

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" original="help.html" datatype="html">
    <body>
      <group id="g1">
        <trans-unit id="u1">
          <source>Press <g id="1">Enter</g><x id="2"/> to <mrk mtype="term">continue</mrk>.</source>
          <target>按<g id="1">回车</g><x id="2"/>以<mrk mtype="term">继续</mrk>。</target>
        </trans-unit>
      </group>
      <trans-unit id="u2">
        <source>Untranslated <ph id="3">{0}</ph> unit.</source>
      </trans-unit>
      <trans-unit id="u3">
        <source>Empty target.</source>
        <target/>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">
  <file id="f1" original="intro.md">
    <unit id="u1">
      <segment>
        <source>Hello <pc id="p1">world</pc>.</source>
        <target>Bonjour <pc id="p1">monde</pc>.</target>
      </segment>
      <ignorable><source> </source></ignorable>
      <segment><source>Bye<ph id="ph1"/>.</source><target>Au revoir<ph id="ph1"/>.</target></segment>
    </unit>
    <unit id="u2"><segment><source>Not yet.</source></segment></unit>
  </file>
  <file id="f2">
    <group id="g"><unit id="x9"><segment><source>Two</source><target>Deux</target></segment></unit></group>
  </file>
</xliff>
"""


def test_xliff_12_units_inline_markup_and_missing_targets(tmp_path: Path) -> None:
    path = write(tmp_path / "help.xlf", XLIFF_12)
    [doc] = read_inputs([path])
    assert (doc.doc_id, doc.src_lang, doc.tgt_lang, doc.unit_aligned) == ("help", "en", "zh-CN", True)
    assert texts(doc, "source") == ["Press Enter to continue.", "Untranslated  unit.", "Empty target."]
    assert texts(doc) == ["按回车以继续。", "", ""]
    assert doc.target is not None
    assert [unit.location for unit in doc.target.units] == ["unit u1", "unit u2", "unit u3"]
    assert doc.problems == ()


def test_xliff_language_arguments_override_attributes(tmp_path: Path) -> None:
    path = write(tmp_path / "help.xliff", XLIFF_12)
    [doc] = read_inputs([path], src_lang="en-GB", tgt_lang="zh-Hans")
    assert (doc.src_lang, doc.tgt_lang) == ("en-GB", "zh-Hans")


def test_xliff_20_one_document_per_file_element(tmp_path: Path) -> None:
    path = write(tmp_path / "site.xlf", XLIFF_20)
    docs = read_inputs([path])
    assert [doc.doc_id for doc in docs] == ["site/intro.md", "site/f2"]
    intro, second = docs
    assert (intro.src_lang, intro.tgt_lang) == ("en", "fr")
    assert texts(intro, "source") == ["Hello world. Bye.", "Not yet."]
    assert texts(intro) == ["Bonjour monde. Au revoir.", ""]
    assert texts(second) == ["Deux"]
    assert second.target is not None and second.target.units[0].location == "unit x9"


def test_xliff_with_external_entity_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(tmp_path / "secret.txt", "TOP SECRET")
    path = write(
        tmp_path / "evil.xlf",
        f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY leak SYSTEM "file://{secret}">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="fr" original="x"><body>
<trans-unit id="1"><source>&leak;</source><target>&leak;</target></trans-unit>
</body></file></xliff>
""",
    )
    [doc] = read_inputs([path])
    assert doc.target is None
    assert only_problem(doc, "I001").location == "line 2"
    assert "TOP SECRET" not in repr(doc)


def test_xliff_declared_latin1(tmp_path: Path) -> None:
    path = tmp_path / "de.xlf"
    path.write_bytes(
        XLIFF_12.replace("UTF-8", "ISO-8859-1").replace('按<g id="1">回车</g>', "Grüße").encode("latin-1", "replace")
    )
    [doc] = read_inputs([path])
    assert texts(doc)[0].startswith("Grüße")


# ---------------------------------------------------------------- dispatch, problems across documents


def test_broken_file_next_to_good_one(tmp_path: Path) -> None:
    write(tmp_path / "good.tsv", "source\ttarget\n一\tone\n")
    write(tmp_path / "bad.tsv", "source\ttarget\nGrüße\tgreetings\n", encoding="latin-1")
    docs = read_inputs([tmp_path])
    assert [doc.doc_id for doc in docs] == ["bad", "good"]
    bad, good = docs
    problem = only_problem(bad, "I001")
    assert (bad.target, problem.path, problem.location) == (
        None,
        str(tmp_path / "bad.tsv"),
        "byte 16 (line 2)",
    )
    assert "not UTF-8, UTF-16 or GB18030" in problem.reason
    assert good.readable and texts(good) == ["one"]


def test_folder_skips_readme_glossary_names_dotfiles_and_subfolders(tmp_path: Path) -> None:
    write(tmp_path / "a.tsv", "source\ttarget\n一\tone\n")
    write(tmp_path / "README.md", "# docs\n")
    write(tmp_path / "glossary.tsv", "source\ttarget\n名\tname\n")
    write(tmp_path / "names.csv", "source,target\n张三,Zhang San\n")
    write(tmp_path / ".hidden.tsv", "source\ttarget\nx\ty\n")
    write(tmp_path / "nested" / "b.tsv", "source\ttarget\nx\ty\n")
    assert [doc.doc_id for doc in read_inputs([tmp_path])] == ["a"]


def test_unsupported_file_argument_is_an_unreadable_document(tmp_path: Path) -> None:
    path = write(tmp_path / "report.docx", "binary")
    [doc] = read_inputs([path])
    assert "not supported" in only_problem(doc, "I001").reason


def test_duplicate_doc_ids_are_renamed(tmp_path: Path) -> None:
    first = write(tmp_path / "one.tsv", "doc_id\tsource\ttarget\nd1\t一\tone\n")
    second = write(tmp_path / "two.csv", "doc_id,source,target\nd1,二,two\n")
    third = write(tmp_path / "three.jsonl", '{"doc_id": "d1", "source": "三", "target": "three"}\n')
    docs = read_inputs([first, second, third])
    assert [doc.doc_id for doc in docs] == ["d1", "d1~2", "d1~3"]
    assert docs[0].problems == ()
    problem = only_problem(docs[1], "I005")
    assert problem.path == str(second)
    assert "'d1'" in problem.reason and str(first) in problem.reason
    assert texts(docs[2]) == ["three"]


def test_empty_documents_are_flagged(tmp_path: Path) -> None:
    write(tmp_path / "src" / "a.txt", "有内容。\n")
    write(tmp_path / "mt" / "a.txt", "\n   \n")
    [doc] = read_inputs([tmp_path])
    assert rules(doc) == ["I004"]
    assert doc.target is not None and doc.target.units == ()


def test_empty_table_file_is_an_empty_document(tmp_path: Path) -> None:
    [doc] = read_inputs([write(tmp_path / "none.tsv", "")])
    assert rules(doc) == ["I004"]


def test_target_only_folder_reads_each_text_file(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second.\n")
    write(tmp_path / "a.en.md", "First.\n")
    docs = read_inputs([tmp_path], target_only=True, tgt_lang="en-GB")
    assert [(doc.doc_id, doc.source, doc.tgt_lang) for doc in docs] == [
        ("a.en", None, "en"),
        ("b", None, "en-GB"),
    ]
    assert texts(docs[1]) == ["Second."]


def test_target_only_corpus_folder_reads_mt(tmp_path: Path) -> None:
    write(tmp_path / "src" / "a.txt", "源。\n")
    write(tmp_path / "mt" / "a.txt", "Translation.\n")
    write(tmp_path / "mt" / "b.txt", "Another.\n")
    docs = read_inputs([tmp_path], target_only=True)
    assert [(doc.doc_id, doc.source, texts(doc)) for doc in docs] == [
        ("a", None, ["Translation."]),
        ("b", None, ["Another."]),
    ]


def test_target_only_tmx_and_xliff_have_no_source(tmp_path: Path) -> None:
    write(tmp_path / "m.tmx", TMX)
    write(tmp_path / "x.xlf", XLIFF_12)
    docs = read_inputs([tmp_path], target_only=True)
    assert [doc.source for doc in docs] == [None, None]
    assert texts(docs[0]) == ["点击保存。", "见此。", ""]


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ({}, "nothing to read"),
        ({"plain.txt": "text"}, "--target-only"),
        ({"src/notes.pdf": "", "mt/notes.pdf": ""}, "contain no .txt or .md"),
    ],
)
def test_usage_errors_for_folders(tmp_path: Path, layout: dict[str, str], message: str) -> None:
    for name, text in layout.items():
        write(tmp_path / name, text)
    with pytest.raises(UsageError, match=message):
        read_inputs([tmp_path])


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_inputs([tmp_path / "missing.tsv"])


# ---------------------------------------------------------------- properties

cell_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1).filter(lambda s: s.strip())


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_tsv_round_trips_printable_text(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    path = write(tmp_path / "prop.tsv", "source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in rows))
    [doc] = read_inputs([path])
    assert texts(doc, "source") == [s for s, _ in rows]
    assert texts(doc) == [t for _, t in rows]
    assert doc.problems == ()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.lists(st.tuples(st.text(), st.text()), min_size=1, max_size=5))
def test_jsonl_round_trips_any_text(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    lines = [json.dumps({"source": s, "target": t}, ensure_ascii=False) for s, t in rows]
    path = write(tmp_path / "prop.jsonl", "\n".join(lines) + "\n")
    [doc] = read_inputs([path])
    assert texts(doc, "source") == [s for s, _ in rows]
    assert texts(doc) == [t for _, t in rows]
    assert rules(doc) in ([], ["I004"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_csv_round_trips_text_written_by_the_csv_module(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([("source", "target"), *rows])
    path = write(tmp_path / "prop.csv", buffer.getvalue())
    [doc] = read_inputs([path])
    assert texts(doc) == [t for _, t in rows]
    assert doc.problems == ()
