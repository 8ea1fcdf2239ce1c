"""Tests for transcheck.checks.markup: tags, placeholders and entities on one side of a pair only (A004)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.checks.markup import check_pair_markup, extract_markup
from transcheck.model import AlignedPair, Finding, Severity


def pair(source: str, target: str) -> AlignedPair:
    return AlignedPair(pair_id=7, src_ids=(0,), tgt_ids=(0,), source=source, target=target, location="unit id=7")


def check(source: str, target: str) -> list[Finding]:
    return check_pair_markup("doc", pair(source, target))


def items(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in extract_markup(text)]


# --- extraction -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Click <b>Save</b>.", [("tag", "<b>"), ("tag", "</b>")]),
        (
            '<a href="https://x.org/a?b=1">link</a><br/>',
            [("tag", '<a href="https://x.org/a?b=1">'), ("tag", "</a>"), ("tag", "<br/>")],
        ),
        ('<x id="1"/> and <g id="2">t</g>', [("tag", '<x id="1"/>'), ("tag", '<g id="2">'), ("tag", "</g>")]),
        ("{0} of {1} files", [("placeholder", "{0}"), ("placeholder", "{1}")]),
        ("Hello {name}, {}", [("placeholder", "{name}"), ("placeholder", "{}")]),
        (
            "{count, plural, one {# file} other {# files}}",
            [("placeholder", "{count, plural, one {# file} other {# files}}")],
        ),
        ("Hi {{ user.name }} {% if admin %}", [("placeholder", "{{ user.name }}"), ("placeholder", "{% if admin %}")]),
        (
            "%s has %d new %.2f %@",
            [("placeholder", "%s"), ("placeholder", "%d"), ("placeholder", "%.2f"), ("placeholder", "%@")],
        ),
        ("%1$s sent %2$d", [("placeholder", "%1$s"), ("placeholder", "%2$d")]),
        ("%(count)d items", [("placeholder", "%(count)d")]),
        ("%1 files in %2", [("placeholder", "%1"), ("placeholder", "%2")]),
        ("Set $HOME and ${user}", [("placeholder", "$HOME"), ("placeholder", "${user}")]),
        ("The :attribute field", [("placeholder", ":attribute")]),
        ("字段:attribute必须是", [("placeholder", ":attribute")]),
        ("%1个文件", [("placeholder", "%1")]),
        ("&nbsp;&copy;&brandName;", [("entity", "&nbsp;"), ("entity", "&copy;"), ("entity", "&brandName;")]),
    ],
)
def test_extract_markup(text: str, found: list[tuple[str, str]]) -> None:
    assert items(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "50 % off, 50% off, 20 % de réduction, 100%s, 50%%",  # percent signs after numbers
        "Revenue: $4.2bn (+12% YoY); EPS $1.05.",  # money
        "at 9:42 a.m., Prix : 29,90 €, ratio 1:3",  # colons
        "See https://example.com/a%20b?x={id} or <https://example.org> or me@example.com",  # URLs, e-mail
        "if a < b and x<5 then c > d",  # comparisons
        "**bold**, _emphasis_, [link](http://a.b), `code`, ## Title {#anchor}",  # Markdown
        "【新闻】（注）「引用」｛注｝",  # CJK brackets
        "Terms &amp; Conditions &quot;quoted&quot; &hellip;",  # punctuation entities are not compared
        "Use {curly braces} in prose",
        "AT&T and R&D",
    ],
)
def test_prose_is_not_markup(text: str) -> None:
    assert items(text) == []


# --- the check ----------------------------------------------------------------------------------------------------


def test_placeholder_missing_in_translation() -> None:
    [found] = check("You have {count} new messages.", "您有新消息。")
    assert (found.rule, found.severity) == ("A004", Severity.WARNING)
    assert found.evidence == "{count}" and found.suggestion == "{count}"
    assert "source but not in the translation" in found.message
    assert found.source == "You have {count} new messages." and found.target == "您有新消息。"


def test_tags_added_in_translation() -> None:
    found = check("Save your changes.", "<b>保存</b>您的更改。")
    assert [f.evidence for f in found] == ["<b>", "</b>"]
    assert all("translation but not in the source" in f.message and not f.suggestion for f in found)


def test_placeholders_may_be_reordered_and_spaced() -> None:
    assert check("{0} sent {1} to {2}", "{2}が{1}を{0}から受け取った") == []
    assert check("Hi {{user}}", "こんにちは {{ user }}") == []
    assert check("%1$s sent %2$d files", "%2$d 个文件由 %1$s 发送") == []


def test_changed_placeholder_name_is_reported_both_ways() -> None:
    found = check("Hello {name}", "Hallo {Name}")
    assert sorted(f.evidence for f in found) == ["{Name}", "{name}"]


def test_count_of_items_matters() -> None:
    [found] = check("<br/>Line<br/>Line", "<br/>行行")
    assert found.evidence == "<br/>" and "source but not in the translation" in found.message


def test_fullwidth_braces_are_reported_as_mangled() -> None:
    [found] = check("Page {0} of {1}", "第｛0｝页，共{1}页")
    assert found.evidence == "｛0｝" and found.suggestion == "{0}"
    assert "full-width" in found.message


def test_entity_matches_the_character_it_stands_for() -> None:
    assert check("10&nbsp;km", "10\u00a0km") == []
    assert check("© 2024", "&copy; 2024") == []
    [found] = check("Welcome to &brandShortName;", "Willkommen")
    assert found.evidence == "&brandShortName;"


def test_ids_of_inline_codes_are_compared() -> None:
    found = check('Click <x id="1"/> then <x id="2"/>', 'Klicken Sie <x id="1"/> und dann <x id="1"/>')
    assert sorted(f.evidence for f in found) == ['<x id="1"/>', '<x id="2"/>']


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Prices rose 50% in 2023.", "Die Preise stiegen 2023 um 50 %."),
        ("A 20% discount", "Une réduction de 20 %"),
        ("It costs $5.", "Es kostet 5 $."),
        ("Meet at 9:30.", "9時30分に会いましょう。"),
        ("See **Settings** and [help](https://x.org/help).", "请参阅**设置**和[帮助](https://x.org/zh/help)。"),
        ("Terms & Conditions", "Terms &amp; Conditions"),
        ("Read the FAQ.", "【注意】请阅读常见问题（FAQ）。"),
        ("", "{0}"),  # an addition: the alignment rules report it
        ("{0}", ""),  # an omission
    ],
)
def test_no_false_alarm(source: str, target: str) -> None:
    assert check(source, target) == []


MARKUP_PIECES = st.sampled_from(
    ["<b>", "</b>", "<br/>", "{0}", "{name}", "%s", "%1$d", "{{x}}", "$VAR", ":name", "&nbsp;", "&amp;", "%", "<", "{"]
)
TEXT = st.lists(st.one_of(MARKUP_PIECES, st.text(max_size=8)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_extraction_never_raises(text: str) -> None:
    for item in extract_markup(text):
        assert item.kind in ("tag", "placeholder", "entity")
        assert text[item.start : item.start + len(item.text)] == item.text


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_check_is_symmetric_and_silent_on_identical_sides(source: str, target: str) -> None:
    assert check(source, source) == []
    forward = sorted(f.evidence for f in check(source, target))
    backward = sorted(f.evidence for f in check(target, source))
    assert forward == backward or any("full-width" in f.message for f in check(source, target))
