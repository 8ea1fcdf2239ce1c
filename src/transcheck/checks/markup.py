"""Markup rule: tags, placeholders and entities present on one side of a pair only (A004).

A translation must carry over what software or a renderer will substitute or interpret: HTML and XML tags
(``<b>``, ``</a>``, ``<br/>``, XLIFF inline codes ``<x id="1"/>``), placeholders (``{0}``, ``{name}``, ``{}``,
ICU arguments ``{count, plural, …}``, ``{{var}}``, ``{% tag %}``, printf ``%s`` ``%1$d`` ``%.2f`` ``%@``,
Python ``%(name)s``, Qt ``%1``, shell and template variables ``$VAR`` ``${var}``, named parameters ``:name``)
and entities (``&nbsp;``, ``&#169;``, ``&brandName;``). Each side's items are compared as multisets, in any
order, since a translation may reorder its placeholders.

What is *not* markup, so that prose raises no false alarm:

- a percent sign after a number (``50 %``, ``50%``, ``20 % de réduction``) and ``%%``;
- ``$`` before digits (``$4.2bn``), a colon before digits or a space (``9:42``, ``Prix : 29``);
- URLs and e-mail addresses, including their ``%20`` escapes and ``<https://…>`` autolinks;
- comparison signs (``a < b``, ``x<5``), ``<`` not followed by a tag name;
- Markdown (``**bold**``, ``[link](url)``, ``` `code` ```, ``{#anchor}``): only the items above inside it count;
- CJK punctuation brackets (``【新闻】``, ``（注）``, ``「」``).

Entities that stand for punctuation (``&amp;``, ``&quot;``, ``&lt;``, ``&hellip;`` …) are not compared, because
translations legitimately change punctuation; any other entity matches the literal character it encodes on the
other side (``&nbsp;`` in the source, a no-break space in the translation). A placeholder written with
full-width brackets in the translation (``｛0｝`` for ``{0}``) is reported as mangled, with the original as the
suggestion.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from ..model import AlignedPair, Finding
from . import finding

_URL = re.compile(
    r"""(?:https?|ftp)://[^\s<>"']+ | www\.[^\s<>"']+ | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
        | <(?:https?|ftp|mailto):[^>\s]*>""",
    re.VERBOSE,
)
_TAG = re.compile(
    r"""<(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)
        (?P<attrs>(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*)
        \s*(?P<self>/)?>""",
    re.VERBOSE,
)
_ID_ATTR = re.compile(r"""\b(?:id|mid|rid)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9._-]{0,63}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_PLACEHOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("template", re.compile(r"\{\{\s*[^{}]*?\s*\}\}|\{%\s*[^{}]*?\s*%\}")),
    ("variable", re.compile(r"\$\{[A-Za-z_][\w.]*\}|\$[A-Z_][A-Z0-9_]*(?![A-Za-z0-9_])")),
    ("brace", re.compile(r"\{(?:\s*(?:\d+|[A-Za-z_][\w.-]*)\s*(?:,[^{}]*(?:\{[^{}]*\}[^{}]*)*)?)?\}")),
    ("python", re.compile(r"%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")),
    ("printf", re.compile(r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?[diouxXeEfFgGcsp@]")),
    ("qt", re.compile(r"%(?:[1-9]\d?|n)(?![A-Za-z0-9_$])")),
    ("named", re.compile(r"(?<![A-Za-z0-9_:/.])(:[a-z_][a-z0-9_]*)(?![A-Za-z0-9_])")),
)
#: Full-width braces an MT system may put in place of ``{`` and ``}``.
_FULLWIDTH_BRACE = re.compile(r"｛\s*([0-9０-９]+|[A-Za-z_][\w.]*)\s*｝")
#: Entities for punctuation, which a translation may drop or change (``&amp;`` → 和): not compared.
_PUNCTUATION_ENTITIES = frozenset(
    {"amp", "quot", "apos", "lt", "gt", "hellip", "mdash", "ndash", "laquo", "raquo", "lsquo", "rsquo"}
    | {"ldquo", "rdquo", "sbquo", "bdquo", "middot", "bull", "#38", "#34", "#39", "#60", "#62"}
)


@dataclass(frozen=True)
class Markup:
    """One tag, placeholder or entity as written (``text``), its family (``kind``: tag, placeholder, entity)
    and the key it is compared by (tag name and id, placeholder with spacing removed, entity's character)."""

    kind: str
    text: str
    key: str
    start: int


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _tag_key(match: re.Match[str]) -> str:
    name = match.group("name").lower()
    ident = _ID_ATTR.search(match.group("attrs") or "")
    suffix = f"#{next(g for g in ident.groups() if g is not None)}" if ident else ""
    if match.group("close"):
        return f"</{name}{suffix}>"
    return f"<{name}{suffix}/>" if match.group("self") else f"<{name}{suffix}>"


def _entity_key(entity: str) -> str | None:
    name = entity[1:-1]
    if name in _PUNCTUATION_ENTITIES:
        return None
    decoded = html.unescape(entity)
    return f"char:{decoded}" if decoded != entity else entity


def _after_number(text: str, start: int) -> bool:
    """Is the ``%`` at ``start`` a percent sign: after a digit, perhaps with a (no-break) space between?"""
    before = text[:start].rstrip(" \u00a0\u202f")
    return bool(before) and (before[-1].isdigit() or before[-1] in "０１２３４５６７８９%")


def extract_markup(text: str) -> list[Markup]:
    """The tags, placeholders and entities of ``text``, in order. Never raises."""
    items: list[Markup] = []
    masked = _mask(text, [m.span() for m in _URL.finditer(text)])
    masked = _mask(masked, [m.span() for m in _COMMENT.finditer(masked)])
    taken: list[tuple[int, int]] = []
    for match in _TAG.finditer(masked):
        items.append(Markup("tag", text[match.start() : match.end()], _tag_key(match), match.start()))
        taken.append(match.span())
    masked = _mask(masked, taken)
    taken = []
    for match in _ENTITY.finditer(masked):
        key = _entity_key(match.group())
        if key is not None:
            items.append(Markup("entity", text[match.start() : match.end()], key, match.start()))
        taken.append(match.span())
    masked = _mask(masked, taken)
    masked = masked.replace("%%", "  ")
    for kind, pattern in _PLACEHOLDERS:
        taken = []
        for match in pattern.finditer(masked):
            start, end = match.span(1) if kind == "named" else match.span()
            if kind in ("printf", "qt", "python") and _after_number(masked, start):
                continue
            items.append(Markup("placeholder", text[start:end], _placeholder_key(kind, masked[start:end]), start))
            taken.append((start, end))
        masked = _mask(masked, taken)
    items.sort(key=lambda m: m.start)
    return items


def _placeholder_key(kind: str, text: str) -> str:
    compact = re.sub(r"\s+", "", text)
    if kind == "brace" and "," in compact:
        return compact.split(",", 1)[0] + "}"  # ICU: {count, plural, one {…} other {…}} → {count}
    return compact


def _fullwidth_placeholders(text: str) -> list[tuple[str, str]]:
    """``(as written, as it should be)`` for placeholders written with full-width braces: ``｛0｝`` → ``{0}``."""
    found = []
    for match in _FULLWIDTH_BRACE.finditer(text):
        inner = match.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        found.append((match.group(), "{" + inner + "}"))
    return found


def _written_out(key: str, other: str) -> bool:
    """Does the other side hold the character an entity stands for (``&nbsp;`` ↔ a no-break space)?"""
    return key.startswith("char:") and key[5:] in other


_KIND_NAMES = {"tag": "Tag", "placeholder": "Placeholder", "entity": "Entity"}


def check_pair_markup(doc_id: str, pair: AlignedPair) -> list[Finding]:
    """A004 for each tag, placeholder or entity on one side of ``pair`` only (as many findings as missing or
    added items). Pairs with an empty side (omissions, additions) are left to the alignment rules."""
    if not pair.source.strip() or not pair.target.strip():
        return []
    source, target = extract_markup(pair.source), extract_markup(pair.target)
    if not source and not target and "｛" not in pair.target:
        return []
    src_keys = Counter(m.key for m in source)
    tgt_keys = Counter(m.key for m in target)
    findings: list[Finding] = []
    mangled = {proper: written for written, proper in _fullwidth_placeholders(pair.target)}
    for key, count in (src_keys - tgt_keys).items():
        item = next(m for m in source if m.key == key)
        if _written_out(key, pair.target):
            continue
        what = _KIND_NAMES[item.kind]
        times = f" ({count} times)" if count > 1 else ""
        if key in mangled:
            message = f"{what} {item.text} is written {mangled[key]} in the translation (full-width braces)."
            evidence = mangled[key]
        else:
            message = f"{what} {item.text} is in the source but not in the translation{times}."
            evidence = item.text
        findings.append(finding("A004", doc_id, message, pair=pair, evidence=evidence, suggestion=item.text))
    for key, count in (tgt_keys - src_keys).items():
        item = next(m for m in target if m.key == key)
        if _written_out(key, pair.source):
            continue
        what = _KIND_NAMES[item.kind]
        times = f" ({count} times)" if count > 1 else ""
        findings.append(
            finding(
                "A004",
                doc_id,
                f"{what} {item.text} is in the translation but not in the source{times}.",
                pair=pair,
                evidence=item.text,
            )
        )
    return findings
