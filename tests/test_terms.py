"""Tests for glossary terms: CSV and TBX reading, CJK and English matching, T001 and T002."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.checks.terms import GlossaryChecker, GlossaryError, Term, read_glossary
from transcheck.model import AlignedPair

TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
 <text><body>
  <termEntry id="c1">
   <descrip type="definition">South Korea's defence ministry</descrip>
   <langSet xml:lang="zh-CN"><tig><term>国防部</term></tig></langSet>
   <langSet xml:lang="en">
    <tig><term>Ministry of National Defense</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Defense Ministry</term>
     <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>Department of War</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
 </body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c7">
   <langSec xml:lang="de"><termSec><term>Anmeldung</term></termSec></langSec>
   <langSec xml:lang="en">
    <termSec><term>sign-in</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>login</term>
     <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def _pair(source: str, target: str) -> AlignedPair:
    return AlignedPair(0, (0,), (0,), source, target, location="line 1")


def _rules(checker: GlossaryChecker, source: str, target: str) -> list[tuple[str, str]]:
    return [(f.rule, f.suggestion) for f in checker.check_pair("doc", _pair(source, target))]


def test_tbx_v2_reads_preferred_admitted_and_deprecated(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text(TBX_V2, encoding="utf-8")
    zh_en = [t for t in read_glossary(path) if (t.src_lang, t.tgt_lang) == ("zh", "en")]
    assert zh_en == [
        Term(
            "国防部",
            ("Ministry of National Defense", "Defense Ministry"),
            "South Korea's defence ministry",
            ("Department of War",),
            "zh",
            "en",
        )
    ]


def test_tbx_v3_with_namespace(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    checker = GlossaryChecker(read_glossary(path), "en", "de")
    assert _rules(checker, "Die Anmeldung ist fehlgeschlagen.", "The sign-in failed.") == []
    assert _rules(checker, "Die Anmeldung ist fehlgeschlagen.", "The login failed.") == [("T002", "sign-in")]


def test_tbx_terms_apply_to_their_languages_only(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text(TBX_V2, encoding="utf-8")
    checker = GlossaryChecker(read_glossary(path), "fr", "zh")
    assert checker.terms == []


def test_tbx_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tbx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaa">]><martif><text><body>&a;</body></text></martif>',
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match=r"bomb\.tbx"):
        read_glossary(path)


def test_broken_tbx_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tbx"
    path.write_text("<martif>\n<text>\n</martif>", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"broken\.tbx: line 3"):
        read_glossary(path)


def test_csv_forbidden_column(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("source,target,forbidden\n外交部,foreign ministry,foreign affairs department\n", encoding="utf-8")
    checker = GlossaryChecker(read_glossary(path), "en")
    assert _rules(checker, "外交部发言人表示", "A Foreign Affairs Department spokesman said") == [
        ("T002", "foreign ministry")
    ]
    assert _rules(checker, "外交部发言人表示", "A Foreign Ministry spokesman said") == []


@pytest.mark.parametrize(
    "target",
    [
        "The policies were announced.",  # plural -ies
        "The policy's aims were clear.",  # possessive
        "POLICY changes followed.",  # case
    ],
)
def test_english_inflection_is_tolerated(target: str) -> None:
    checker = GlossaryChecker([Term("政策", ("policy",))], "en")
    assert _rules(checker, "政策公布了", target) == []


def test_hyphen_or_space_in_a_rendering() -> None:
    checker = GlossaryChecker([Term("电子邮件", ("e-mail",))], "en")
    assert _rules(checker, "发送电子邮件", "Send an e mail.") == []
    assert _rules(checker, "发送电子邮件", "Send a letter.") == [("T001", "e-mail")]


def test_a_longer_term_takes_the_place_of_a_shorter_one() -> None:
    checker = GlossaryChecker([Term("国防部", ("defense ministry",)), Term("国防部长", ("defense minister",))], "en")
    assert _rules(checker, "国防部长表示", "The defense minister said") == []


def test_latin_source_terms_match_whole_words() -> None:
    checker = GlossaryChecker([Term("Rat", ("council",))], "en", "de")
    assert _rules(checker, "Der Rat tagte.", "The council met.") == []
    assert _rules(checker, "Die Ratgeber kamen.", "The advisers came.") == []  # Rat inside Ratgeber
