"""Which rules run: ``--select`` / ``--ignore`` with ruff's semantics, and the rules' own language defaults.

Codes are given as prefixes: ``ALL``, a family (``N``), part of one (``D00``) or a full code (``N001``). Between
``select`` and ``ignore`` the longest matching prefix decides, so ``--select N --ignore N003`` keeps N001,
N002 and N004 and ``--ignore N --select N001`` keeps N001. Settings come in layers (the settings file, then
the command line): a layer that selects starts afresh, a layer that only ignores removes rules from what the
layers before it enabled. With no layer at all every rule runs.

A rule may also declare where it applies (:class:`~transcheck.checks.rules.Rule`): the name rules need a
target written in a cased script, so for a Chinese, Japanese, Arabic ... target they are skipped by default
and the reports say so. Selecting such a rule by its full code (``--select N001``) runs it there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks.rules import RULES, Rule
from .readers.problems import UsageError
from .text.script import base_lang

ALL = "ALL"
_CODE = re.compile(r"^[A-Z]+[0-9]*$")


class SelectionError(UsageError):
    """A ``--select`` / ``--ignore`` value names no rule (a usage error: exit code 2)."""


@dataclass(frozen=True)
class SelectionLayer:
    """One source of select/ignore settings. ``select=None``: this layer does not select, only ignores."""

    origin: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


def parse_codes(value: str | Iterable[str], where: str) -> tuple[str, ...]:
    """``"N, D00"`` or ``["N", "D00"]`` → ``("N", "D00")``, upper-cased, each checked against the catalogue.

    Raises :class:`SelectionError` naming ``where`` (``--select``, ``transcheck.toml: ignore`` ...) and the code
    when an entry is not a rule code or a prefix of one.
    """
    parts = value.split(",") if isinstance(value, str) else [p for item in value for p in str(item).split(",")]
    codes = tuple(dict.fromkeys(p.strip().upper() for p in parts if p.strip()))
    for code in codes:
        if code != ALL and (not _CODE.match(code) or not any(rule.startswith(code) for rule in RULES)):
            raise SelectionError(
                f"{where}: {code!r} is not a rule code or a prefix of one (e.g. N, D00, N001, ALL); "
                "`transcheck rules` lists the codes."
            )
    return codes


def _match_length(prefix: str, code: str) -> int:
    """How specific a match is: -1 no match, 0 for ``ALL``, else the prefix's length."""
    if prefix == ALL:
        return 0
    return len(prefix) if code.startswith(prefix) else -1


def _longest(prefixes: Sequence[str], code: str) -> int:
    return max((_match_length(p, code) for p in prefixes), default=-1)


@dataclass(frozen=True)
class RuleSelection:
    """The rules a run reports. ``explicit`` holds the enabled rules named by their full code in a select."""

    enabled: frozenset[str] = field(default_factory=lambda: frozenset(RULES))
    explicit: frozenset[str] = frozenset()
    layers: tuple[SelectionLayer, ...] = ()

    def __contains__(self, code: object) -> bool:
        return code in self.enabled

    def describe(self) -> dict[str, Any]:
        """The effective selection, as summary.json records it."""
        return {
            "layers": [
                {
                    "from": layer.origin,
                    "select": None if layer.select is None else list(layer.select),
                    "ignore": list(layer.ignore),
                }
                for layer in self.layers
            ],
            "enabled": sorted(self.enabled),
            "disabled": sorted(set(RULES) - self.enabled),
        }


def resolve(layers: Sequence[SelectionLayer], rules: Mapping[str, Rule] = RULES) -> RuleSelection:
    """Apply the layers in order to the catalogue (default: every rule enabled)."""
    enabled = set(rules)
    for layer in layers:
        if layer.select is None:
            enabled = {code for code in enabled if _longest(layer.ignore, code) < 0}
            continue
        chosen = set()
        for code in rules:
            selected, ignored = _longest(layer.select, code), _longest(layer.ignore, code)
            if selected >= 0 and selected > ignored:  # a tie goes to ignore
                chosen.add(code)
        enabled = chosen
    named = {code for layer in layers for code in (layer.select or ())}
    return RuleSelection(frozenset(enabled), frozenset(enabled & named), tuple(layers))


def selection_from(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None, origin: str = "arguments"
) -> RuleSelection:
    """One layer from library-style arguments; ``None`` for both means every rule."""
    if select is None and ignore is None:
        return RuleSelection()
    layer = SelectionLayer(
        origin,
        None if select is None else parse_codes(select, f"{origin}: select"),
        () if ignore is None else parse_codes(ignore, f"{origin}: ignore"),
    )
    return resolve([layer])


# --- where rules apply -------------------------------------------------------------------------------------

#: Languages whose usual script has no letter case (ISO 639-1 / -3 codes), by script family.
_CASELESS_GROUPS = (
    "zh yue wuu cmn ja ko",  # Chinese, Japanese, Korean
    "th lo km my bo dz",  # Southeast Asian and Tibetan scripts
    "ar fa ur ps sd ug ckb dv he yi",  # Arabic and Hebrew scripts
    "hi mr ne sa bn as pa gu or ta te kn ml si",  # Indic scripts
    "am ti ka",  # Ethiopic, Georgian
)
CASELESS_LANGS = frozenset(code for group in _CASELESS_GROUPS for code in group.split())
#: ISO 15924 script subtags: cased scripts, and caseless ones that decide over the language's usual script.
_CASED_SCRIPTS = frozenset({"latn", "cyrl", "grek", "armn", "copt", "glag", "adlm", "cher", "osge", "dsrt"})
_CASELESS_SCRIPTS = frozenset(
    {"hans", "hant", "hani", "jpan", "kore", "hang", "arab", "hebr", "deva", "beng", "guru", "gujr", "orya", "taml"}
    | {"telu", "knda", "mlym", "sinh", "thai", "laoo", "khmr", "mymr", "tibt", "ethi", "geor", "thaa", "syrc"}
)
_UNDETERMINED = frozenset({"", "und", "mul", "zxx"})


def _script_subtag(code: str) -> str:
    parts = code.replace("_", "-").lower().split("-")
    return next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), "")


def target_is_cased(tgt_lang: str | None, texts: Sequence[str] = ()) -> bool:
    """Whether the target is written in a script with letter case: by the language code's script subtag,
    else by the language, else (unknown code) by the letters of the text. No letters at all counts as cased,
    so nothing is skipped on a guess."""
    script = _script_subtag(tgt_lang or "")
    if script in _CASED_SCRIPTS:
        return True
    if script in _CASELESS_SCRIPTS:
        return False
    if base_lang(tgt_lang) in CASELESS_LANGS:
        return False
    if base_lang(tgt_lang) not in _UNDETERMINED:
        return True  # a cased or unlisted language: do not second-guess the declared code
    letters = [ch for text in texts for ch in text if ch.isalpha()]
    if not letters:
        return True
    return sum(ch.lower() != ch.upper() for ch in letters) * 2 >= len(letters)


@dataclass(frozen=True)
class Skipped:
    """Rules that do not apply to one document, and why."""

    rules: tuple[str, ...] = ()
    reason: str = ""


def skipped_rules(selection: RuleSelection, tgt_lang: str | None, texts: Sequence[str] = ()) -> Skipped:
    """The enabled rules that a document's target language switches off by default (see :class:`Rule`)."""
    if target_is_cased(tgt_lang, texts):
        return Skipped()
    codes = tuple(
        code
        for code, rule in RULES.items()
        if rule.needs_cased_target and code in selection.enabled and code not in selection.explicit
    )
    if not codes:
        return Skipped()
    shown = tgt_lang or "undetermined"
    return Skipped(
        codes,
        f"the target language ({shown}) is written in a caseless script, so names cannot be found by their "
        "capitals; select a rule by its full code to run it anyway",
    )
