"""Tests for transcheck.readers.encoding: accepted encodings, rejected ones, and where errors point."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from transcheck.readers.encoding import DecodeError, decode_bytes, decode_xml_bytes, read_text_file

CHINESE = "机器翻译的质量检查。\n第二行：“引号”和数字 42。\n"
# Text as decode_bytes returns it: no carriage returns (newlines are normalised) and no NULs (stripped).
clean_text = st.text(st.characters(exclude_characters="\r\x00", exclude_categories=["Cs"]))


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"), "utf-16-be"),
        (CHINESE.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_accepted_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "doc.txt") == (CHINESE, encoding)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_from_its_nul_bytes(codec: str) -> None:
    text = "Source sentence one.\n翻译 with mostly Latin text.\n"
    assert decode_bytes(text.encode(codec), "doc.txt") == (text, codec)


def test_newlines_are_normalised_and_nuls_stripped() -> None:
    text, _ = decode_bytes(b"one\r\ntwo\rthree\x00\n", "doc.txt")
    assert text == "one\ntwo\nthree\n"


def test_empty_file_is_utf8() -> None:
    assert decode_bytes(b"", "empty.txt") == ("", "utf-8")


def test_latin1_is_rejected_with_file_and_position() -> None:
    data = "first line\nGrüße aus Köln\n".encode("latin-1")
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "corpus/de.txt")
    error = caught.value
    assert error.offset == data.index(b"\xfc")
    assert error.line == 2
    assert error.location == f"byte {error.offset} (line 2)"
    message = str(error)
    assert "corpus/de.txt" in message
    assert "not UTF-8, UTF-16 or GB18030" in message
    assert "line 2" in message


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("こんにちは、世界。日本語のテキストです。", "shift_jis"),
        ("カタカナ", "shift_jis"),
        ("naïve Müller", "latin-1"),
    ],
)
def test_shift_jis_and_latin1_that_gb18030_could_decode_are_still_rejected(text: str, codec: str) -> None:
    data = text.encode(codec)
    data.decode("gb18030")  # the trap: these bytes are valid GB18030
    with pytest.raises(DecodeError, match=r"ja\.txt"):
        decode_bytes(data, "ja.txt")


def test_gb18030_decoding_to_private_use_characters_is_rejected() -> None:
    data = "中文".encode("gb18030") + b"\xaa\xa1"  # AAA1 is a user-defined (private use) code
    assert "\ue000" <= data.decode("gb18030")[-1] <= "\uf8ff"
    with pytest.raises(DecodeError):
        decode_bytes(data, "pua.txt")


def test_gb18030_decoding_to_c1_controls_is_rejected() -> None:
    data = "中文".encode("gb18030") + "\x85".encode("gb18030")
    with pytest.raises(DecodeError):
        decode_bytes(data, "c1.txt")


def test_broken_bytes_after_a_bom_are_reported_in_that_encoding() -> None:
    data = codecs.BOM_UTF8 + b"ok\n\xff"
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "bom.txt")
    assert "UTF-8 byte order mark" in str(caught.value)
    assert (caught.value.offset, caught.value.line) == (6, 2)


def test_read_text_file(tmp_path) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "你好\r\n".encode("utf-16-le"))
    assert read_text_file(path) == ("你好\n", "utf-16-le")


def test_xml_declaration_of_a_legacy_encoding_is_honoured() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><a>Grüße</a>'.encode("latin-1")
    text, encoding = decode_xml_bytes(data, "a.xlf")
    assert "Grüße" in text
    assert encoding == "iso8859-1"


def test_xml_declaring_utf8_goes_through_normal_detection() -> None:
    data = '<?xml version="1.0" encoding="UTF-8"?><a>中文</a>'.encode("gb18030")
    assert decode_xml_bytes(data, "a.tmx")[1] == "gb18030"


@given(clean_text)
def test_utf8_round_trip(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # that would be read as a byte order mark
    assert decode_bytes(text.encode("utf-8"), "prop.txt") == (text, "utf-8")


@given(clean_text, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_with_bom_round_trip(text: str, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + text.encode(codec), "prop.txt") == (text, codec)


@given(clean_text)
def test_utf8_sig_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8-sig"), "prop.txt") == (text, "utf-8-sig")
