"""A corpus with one broken input of each kind beside good ones, for tests/test_faults.py and
benchmarks/bench_fuzz.py. :func:`build` writes it and returns what each input should become."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

ZH = "北京时间2023年5月1日，尹锡悦访问了上海。\n会议讨论了贸易问题。\n"
EN = "On 1 May 2023, Yoon Suk-yeol visited Shanghai.\nThe meeting discussed trade.\n"

XLIFF_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
XLIFF_GOOD = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="ui" source-language="zh" target-language="en"><body>'
    '<trans-unit id="1"><source>会议讨论了贸易问题。</source><target>The meeting discussed trade.</target></trans-unit>'
    "</body></file></xliff>"
)
TMX_GOOD = (
    '<tmx version="1.4"><header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en" '
    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
    '<tu><tuv xml:lang="zh"><seg>会议讨论了贸易问题。</seg></tuv><tuv xml:lang="en"><seg>The meeting discussed trade.'
    "</seg></tuv></tu></body></tmx>"
)
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>\n"
)
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
PO_GOOD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    'msgid "会议讨论了贸易问题。"\nmsgstr "The meeting discussed trade."\n'
)


@dataclass(frozen=True)
class Case:
    """One input document: its id in the report, the status it must get and, when broken, the rule and the
    words its location must contain."""

    doc_id: str
    status: str
    rule: str = ""
    where: str = ""


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def build(root: Path) -> tuple[list[Path], list[Case]]:
    """Write the fault corpus under ``root``; return the inputs to pass and the documents expected."""
    news, files = root / "news", root / "files"
    cases: list[Case] = []

    def pair(name: str, src: bytes | str, mt: bytes | str, case: Case) -> None:
        _write(news / "src" / f"{name}.txt", src)
        _write(news / "mt" / f"{name}.txt", mt)
        cases.append(case)

    pair("good1", ZH, EN, Case("good1", "ok"))
    pair("good2", ZH, EN.replace("trade", "commerce"), Case("good2", "ok"))
    pair("bom8", ZH, codecs.BOM_UTF8 + EN.encode(), Case("bom8", "ok"))
    pair("bom16le", ZH, codecs.BOM_UTF16_LE + EN.encode("utf-16-le"), Case("bom16le", "ok"))
    pair("bom16be", codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"), EN, Case("bom16be", "ok"))
    pair("nul", ZH, EN.replace("meeting", "meet\x00ing").encode(), Case("nul", "ok"))
    latin1 = "Caf\xe9 d\xe9j\xe0 vu, na\xefve r\xe9sum\xe9.\n".encode("latin-1")
    pair("undecodable", ZH, latin1, Case("undecodable", "input-error", "I001", "byte 3 (line 1)"))
    mixed = EN.encode() + "Déjà vu à Zürich.\n".encode("latin-1")
    pair("mixed", ZH, mixed, Case("mixed", "input-error", "I001", "line 3"))
    truncated = "会议讨论了贸易问题".encode()[:-1]
    pair("truncated", truncated, EN, Case("truncated", "input-error", "I001", "line 1"))
    pair("empty", ZH, b"", Case("empty", "empty", "I004"))
    pair("blank", ZH, " \n\t\n\u3000\n", Case("blank", "empty", "I004"))
    _write(news / "src" / "lonely.txt", ZH)  # a source without translation
    cases.append(Case("lonely", "no-translation", "I003"))
    _write(news / "mt" / "orphan.txt", "An orphan with no source at all, about nothing in particular.\n")
    cases.append(Case("orphan", "target-only", "I003"))

    _write(files / "good.tsv", "doc_id\tsource\ttarget\ntsvgood\t会议讨论了贸易问题。\tThe meeting discussed trade.\n")
    cases.append(Case("tsvgood", "ok"))
    _write(files / "nocols.tsv", "source\tmt_output\n会议。\tMeeting.\n")
    cases.append(Case("nocols", "input-error", "I001", "line 1"))
    _write(
        files / "shortrow.csv",
        "source,target\n会议讨论了贸易问题。\n会议讨论了贸易问题。,The meeting discussed trade.\n",
    )
    cases.append(Case("shortrow", "ok", "I002", "line 2"))
    # A table whose doc_id clashes with a text document: renamed, reported, both kept.
    _write(files / "dupe.tsv", "doc_id\tsource\ttarget\ngood1\t会议讨论了贸易问题。\tThe meeting discussed trade.\n")
    cases.append(Case("good1~2", "ok", "I005"))
    _write(files / "badjson.jsonl", '{"source": "会议。", "target": "Meeting."}\n{"source": \n')
    cases.append(Case("badjson", "ok", "I002", "line 2"))
    _write(files / "good.xlf", XLIFF_HEAD + XLIFF_GOOD)
    cases.append(Case("good", "ok"))
    _write(files / "malformed.xlf", XLIFF_HEAD + XLIFF_GOOD.replace("</target>", "</targt>"))
    cases.append(Case("malformed", "input-error", "I001", "line 2, column"))
    _write(files / "cut.tmx", TMX_GOOD[: len(TMX_GOOD) // 2])
    cases.append(Case("cut", "input-error", "I001", "line 1, column"))
    _write(files / "tmgood.tmx", TMX_GOOD)
    cases.append(Case("tmgood", "ok"))
    depth = 100_000
    deep = XLIFF_GOOD.replace("<source>会议", "<source>" + "<g>" * depth + "会议").replace(
        "。</source>", "。" + "</g>" * depth + "</source>"
    )
    _write(files / "deep.xlf", XLIFF_HEAD + deep)
    cases.append(Case("deep", "input-error", "I001", "line 2"))
    _write(files / "laughs.xlf", XLIFF_HEAD + LAUGHS + XLIFF_GOOD.replace("会议讨论", "&lol9;"))
    cases.append(Case("laughs~2", "input-error", "I001", "line 2"))  # the .tmx sorts first
    _write(files / "laughs.tmx", LAUGHS + TMX_GOOD.replace("会议讨论", "&lol9;"))
    cases.append(Case("laughs", "input-error", "I001", "line 1"))
    _write(files / "xxe.xlf", XLIFF_HEAD + XXE + XLIFF_GOOD.replace("会议讨论", "&xxe;"))
    cases.append(Case("xxe~2", "input-error", "I001", "line 2"))  # the .tmx sorts first
    _write(files / "xxe.tmx", XXE + TMX_GOOD.replace("会议讨论", "&xxe;"))
    cases.append(Case("xxe", "input-error", "I001", "line 1"))
    _write(files / "pogood.po", PO_GOOD)
    cases.append(Case("pogood", "ok"))
    _write(files / "broken.po", PO_GOOD + '\nmsgid "x"\nmsgstr "unterminated\n')
    cases.append(Case("broken", "input-error", "I001", "line"))
    # A merge conflict left in one entry: that entry is reported, the others are read and checked.
    _write(files / "conflict.po", PO_GOOD + '\n<<<<<<< HEAD\nmsgid "你好"\nmsgstr "Hello"\n>>>>>>> theirs\n')
    cases.append(Case("conflict", "ok", "I002", "line 9"))
    _write(files / "plural0.po", PO_GOOD.replace('msgstr "The meeting', 'msgstr[0] "The meeting'))
    cases.append(Case("plural0", "ok", "I002", "line 7"))
    return [news, files], cases


def laughs_tbx(path: Path) -> Path:
    """A TBX glossary with the billion-laughs DTD."""
    _write(path, LAUGHS + '<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body/></text></tbx>')
    return path


def xxe_tbx(path: Path) -> Path:
    """A TBX glossary with an external entity."""
    _write(path, XXE + '<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>&xxe;</body></text></tbx>')
    return path
