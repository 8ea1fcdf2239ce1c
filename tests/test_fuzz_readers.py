"""Property tests for every reader on arbitrary and mutated bytes: nothing raises but the documented
:class:`UsageError` (never, for one existing file), and every file shows up as at least one document, with text
or with the problem that explains why it has none. The splitter, number parser and aligner have their own
properties in test_split.py, test_numbers.py and test_aligner.py; benchmarks/bench_fuzz.py runs all of them
with many more examples."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fault_corpus import PO_GOOD, TMX_GOOD, XLIFF_GOOD, XLIFF_HEAD
from transcheck.readers import read_inputs

VALID: dict[str, bytes] = {
    ".tsv": "doc_id\tsource\ttarget\na\t会议。\tMeeting.\nb\t你好\tHello\n".encode(),
    ".csv": 'source,target,doc_id\n"会议。","Meeting, ""one""",a\n'.encode(),
    ".jsonl": (
        '{"source": "会议。", "target": "Meeting."}\n{"source": "你好", "target": "Hi", "doc_id": "x"}\n'
    ).encode(),
    ".tmx": TMX_GOOD.encode(),
    ".xlf": (XLIFF_HEAD + XLIFF_GOOD).encode(),
    ".po": PO_GOOD.encode(),
    ".en.txt": b"The meeting discussed trade.\nOn 1 May 2023.\n",
}
SNIPPETS = [
    b"<",
    b">",
    b"&",
    b"\x00",
    b"\xff",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\t",
    b",",
    b'"',
    b"\n",
    b"\r",
    b"<!DOCTYPE x [<!ENTITY e 'e'>]>",
    b"&e;",
    b"</",
    b"{",
    b"}",
    b"msgid ",
    b"msgstr[0] ",
    b"\\",
    "会".encode(),
    "会".encode("gb18030"),
    "é".encode("latin-1"),
]


@st.composite
def mutated(draw: st.DrawFn, valid: bytes) -> bytes:
    """A valid file with a few random edits: cut, insert a snippet or random bytes, delete, duplicate."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "insert", "bytes", "delete", "repeat"]))
        if kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(SNIPPETS))
        elif kind == "bytes":
            data[at:at] = draw(st.binary(max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 10))]
        else:
            data[at:at] = bytes(data[max(0, at - 20) : at])
    return bytes(data)


def file_bytes(ext: str) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=300), mutated(VALID[ext]))


def read_one(ext: str, data: bytes) -> None:
    """Write ``data`` as one input file (a NAME.en.txt beside a good NAME.zh.txt for text) and read it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{ext}"
        path.write_bytes(data)
        inputs = [path]
        if ext == ".en.txt":
            (Path(folder) / "fuzz.zh.txt").write_text("会议讨论了贸易问题。\n", encoding="utf-8")
            inputs = [Path(folder) / "fuzz.zh.txt", path]
        docs = read_inputs(inputs, src_lang="zh" if ext == ".en.txt" else None)
        assert docs, "a file must give at least one document"
        for doc in docs:
            assert doc.doc_id
            assert doc.target is not None or doc.problems, doc
            sides = [side for side in (doc.source, doc.target, doc.reference) if side is not None]
            for side in sides:
                for unit in side.units:
                    assert "\x00" not in unit.text  # a U+FEFF inside the text is content, not a BOM


def reader_property(ext: str):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(file_bytes(ext))
    def test(data: bytes) -> None:
        read_one(ext, data)

    test.__name__ = f"test_reader_{ext.strip('.').replace('.', '_')}_survives_any_bytes"
    return test


test_reader_tsv_survives_any_bytes = reader_property(".tsv")
test_reader_csv_survives_any_bytes = reader_property(".csv")
test_reader_jsonl_survives_any_bytes = reader_property(".jsonl")
test_reader_tmx_survives_any_bytes = reader_property(".tmx")
test_reader_xliff_survives_any_bytes = reader_property(".xlf")
test_reader_po_survives_any_bytes = reader_property(".po")
test_reader_text_survives_any_bytes = reader_property(".en.txt")
