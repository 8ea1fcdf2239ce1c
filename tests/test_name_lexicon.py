"""Checks on the shipped name lexicon, ``src/transcheck/resources/names.csv`` (stdlib ``csv`` only).

The homograph report (source forms that map to more than one English name) is printed even under
``pytest -q`` so that a reviewer can confirm each one is a real homograph and not a data error.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

CSV_PATH = Path(__file__).parents[1] / "src/transcheck/resources/names.csv"
HEADER = ["id", "kind", "origin", "source_forms", "english", "variants", "role", "as_of", "fact_source"]
KINDS = {"person", "place", "org"}
ORIGINS = {"ko", "ja", "zh", "zh-TW", "zh-HK", "western", "other"}
MIN_ROWS = 400

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Han (incl. extensions and compatibility ideographs), kana, Hangul syllables and jamo.
CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]"
)


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


@lru_cache(maxsize=1)
def load() -> tuple[list[str], list[dict[str, str]]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def rows() -> list[dict[str, str]]:
    return load()[1]


def entries_with_form(form: str) -> list[dict[str, str]]:
    return [row for row in rows() if form in split(row["source_forms"])]


def only_entry(form: str) -> dict[str, str]:
    found = entries_with_form(form)
    assert len(found) == 1, f"{form}: expected one entry, found {[r['id'] for r in found]}"
    return found[0]


def test_header_exact_and_no_bom() -> None:
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "names.csv must not start with a BOM"
    raw.decode("utf-8")
    assert load()[0] == HEADER


def test_enough_rows() -> None:
    assert len(rows()) >= MIN_ROWS


def test_every_row_has_all_columns() -> None:
    for row in rows():
        assert None not in row, f"extra fields in {row.get('id')}"
        assert all(row[column] is not None for column in HEADER), f"missing fields in {row.get('id')}"


def test_ids_unique_and_slug_like() -> None:
    ids = [row["id"] for row in rows()]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, f"ids that are not ascii slugs: {bad}"


def test_kind_and_origin_in_allowed_sets() -> None:
    for row in rows():
        assert row["kind"] in KINDS, f"{row['id']}: kind {row['kind']!r}"
        assert row["origin"] in ORIGINS, f"{row['id']}: origin {row['origin']!r}"


def test_required_fields_not_empty() -> None:
    for row in rows():
        assert row["english"].strip(), f"{row['id']}: empty english"
        assert row["english"] == row["english"].strip(), f"{row['id']}: english has outer spaces"
        assert split(row["source_forms"]), f"{row['id']}: no source forms"
        assert row["role"].strip(), f"{row['id']}: empty role"
        assert re.fullmatch(r"\d{4}-\d{2}", row["as_of"]), f"{row['id']}: as_of {row['as_of']!r}"
        assert row["fact_source"].strip(), f"{row['id']}: empty fact_source"


def test_every_source_form_is_written_in_cjk() -> None:
    for row in rows():
        raw_forms = row["source_forms"].split("|")
        assert all(form.strip() for form in raw_forms), f"{row['id']}: empty source form"
        for form in raw_forms:
            assert form == form.strip(), f"{row['id']}: source form {form!r} has outer spaces"
            assert CJK.search(form), f"{row['id']}: source form {form!r} has no CJK/Hangul/kana"
        forms = split(row["source_forms"])
        assert len(forms) == len(set(forms)), f"{row['id']}: repeated source form"


def test_no_duplicate_source_form_english_pairs() -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in rows():
        for form in split(row["source_forms"]):
            key = (form, row["english"])
            assert key not in seen, f"{key} in both {seen[key]} and {row['id']}"
            seen[key] = row["id"]


def test_no_variant_equals_its_english() -> None:
    for row in rows():
        variants = split(row["variants"])
        assert row["english"] not in variants, f"{row['id']}: variant repeats the english"
        assert len(variants) == len(set(variants)), f"{row['id']}: repeated variant"


@pytest.mark.parametrize(
    ("form", "english"),
    [
        ("尹锡悦", "Yoon Suk-yeol"),
        ("尹錫悅", "Yoon Suk-yeol"),
        ("윤석열", "Yoon Suk-yeol"),
        ("岸田文雄", "Fumio Kishida"),
        ("金正恩", "Kim Jong Un"),
        ("金正日", "Kim Jong Il"),
        ("李在明", "Lee Jae-myung"),
        ("李在镕", "Lee Jae-yong"),
        ("李在鎔", "Lee Jae-yong"),
        ("习近平", "Xi Jinping"),
        ("拜登", "Joe Biden"),
    ],
)
def test_known_facts(form: str, english: str) -> None:
    assert only_entry(form)["english"] == english


def test_yoon_accepts_unhyphenated_variant() -> None:
    assert "Yoon Suk Yeol" in split(only_entry("尹锡悦")["variants"])


def test_japanese_names_have_surname_first_variant() -> None:
    assert "Kishida Fumio" in split(only_entry("岸田文雄")["variants"])


def test_similar_names_are_different_people() -> None:
    assert only_entry("金正恩")["id"] != only_entry("金正日")["id"]
    assert only_entry("李在明")["id"] != only_entry("李在镕")["id"]


def homographs() -> dict[str, list[dict[str, str]]]:
    by_form: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows():
        for form in split(row["source_forms"]):
            by_form[form].append(row)
    return {form: found for form, found in by_form.items() if len({r["english"] for r in found}) > 1}


def test_report_homographs(capsys: pytest.CaptureFixture[str]) -> None:
    """Print every source form that maps to more than one English name, for review."""
    found = homographs()
    lines = [f"\nname lexicon: {len(found)} source form(s) map to more than one English name"]
    for form, entries in sorted(found.items()):
        names = "; ".join(f"{r['english']} [{r['id']}: {r['role']}]" for r in entries)
        lines.append(f"  {form} -> {names}")
    with capsys.disabled():
        print("\n".join(lines))
    for form, entries in found.items():
        roles = [r["role"] for r in entries]
        assert len(set(roles)) == len(roles), f"{form}: homograph entries need distinguishing roles"
