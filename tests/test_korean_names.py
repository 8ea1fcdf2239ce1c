import csv
import io
import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.names import korean
from transcheck.names.korean import (
    align_readings,
    candidate_keys,
    compose,
    decompose,
    english_candidates,
    hangul_readings,
    initial_sound_rule,
    is_possible_rendering,
    revised_romanization,
    romanizations,
)
from transcheck.names.lexicon import name_key, shipped_lexicon

HAN_ONLY = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
HANGUL_ONLY = re.compile(r"^[\uac00-\ud7a3]+$")

#: Lexicon people whose standard spelling no reading rule gives (reported, not silently accepted).
#: Syngman Rhee: given name first and the one-off "Syngman" for 승만.
KNOWN_EXCEPTIONS = {"Syngman Rhee"}


def _korean_people():
    return [e for e in shipped_lexicon().entries if e.origin == "ko" and e.kind == "person"]


def test_lexicon_korean_people_coverage():
    checked, failures = 0, []
    for entry in _korean_people():
        forms = [f for f in entry.source_forms if HAN_ONLY.match(f)]
        if not forms:
            continue
        checked += 1
        bad = [f for f in forms if name_key(entry.english) not in candidate_keys(f)]
        if bad:
            failures.append(f"{entry.english}: {bad} read as {[hangul_readings(f) for f in bad]}")
    assert checked >= 120
    passed = checked - len(failures)
    assert passed >= 0.9 * checked, f"{passed}/{checked} pass; failures:\n" + "\n".join(failures)
    # No regressions beyond the documented exceptions.
    assert {f.split(":")[0] for f in failures} <= KNOWN_EXCEPTIONS, "\n".join(failures)


def test_lexicon_hangul_forms_are_readings_of_the_hanja_forms():
    """The table explains the lexicon's own Hanja/Hangul pairs (South or North reading)."""
    mismatches = []
    for entry in _korean_people():
        hanja = [f for f in entry.source_forms if HAN_ONLY.match(f)]
        hangul = [f for f in entry.source_forms if HANGUL_ONLY.match(f)]
        for h in hanja:
            readings = {*hangul_readings(h), *hangul_readings(h, north=True)}
            if not readings & set(hangul):
                mismatches.append((entry.english, h, sorted(readings), hangul))
    # 高英姬 is 고용희 by family usage, and 李春姬 is written 리춘히 in the North: not character readings.
    assert {m[0] for m in mismatches} <= {"Ko Yong Hui", "Ri Chun Hee"}, mismatches


def test_align_readings_bootstraps_from_pairs():
    found = align_readings([("尹锡悦", "윤석열"), ("李洛渊", "이낙연"), ("韩江", "한강"), ("金正恩", "김정은 ")])
    assert found["锡"] == {"석"} and found["洛"] == {"낙"} and "正" not in found


def test_yoon_suk_yeol():
    assert hangul_readings("尹锡悦") == ["윤석열"]
    assert hangul_readings("尹錫悅") == ["윤석열"]
    candidates = english_candidates("尹锡悦")
    assert {"Yoon Suk-yeol", "Yoon Seok-yeol", "Yun Seok-yeol"} <= candidates
    assert "Yoon Suk-yue" not in candidates
    assert not is_possible_rendering("Yoon Suk-yue", "尹锡悦")
    assert is_possible_rendering("Yoon Suk Yeol", "尹锡悦")
    assert is_possible_rendering("YOON SUKYEOL", "尹锡悦")
    assert {"Yoon Suk-yeol", "Yoon Seok-yeol", "Yun Seok-yeol"} <= romanizations("윤석열")
    assert "Yoon Suk-yue" not in romanizations("윤석열")
    assert revised_romanization("윤석열") == "Yun Seok-yeol"


def test_kim_surname_is_gim_not_geum():
    assert hangul_readings("金正恩") == ["김정은"]
    assert "Kim Jong-un" in english_candidates("金正恩")
    assert "Kim Jong Un" in english_candidates("金正恩")
    assert not any(c.startswith(("Geum ", "Keum ")) for c in english_candidates("金正恩"))
    # In a given name 金 is 금.
    assert "박금" in hangul_readings("朴金")


def test_initial_sound_rule():
    assert hangul_readings("李洛渊") == ["이낙연"]
    assert hangul_readings("李洛淵", north=True) == ["리락연"]
    assert {"Lee Nak-yon", "Lee Nak-yeon"} <= english_candidates("李洛渊")
    assert hangul_readings("林成")[0] == "임성"
    assert hangul_readings("柳明桓") == ["유명환"]
    assert hangul_readings("卢武铉") == ["노무현"]
    assert hangul_readings("趙兌烈") == ["조태열"]  # 렬 after a vowel is 열
    assert hangul_readings("权宁世") == ["권영세"]  # 녕 at the start of the given name is 영
    assert initial_sound_rule("룡") == "용" and initial_sound_rule("라") == "나" and initial_sound_rule("김") == "김"


@pytest.mark.parametrize(
    ("hanja", "english"),
    [
        ("文在寅", "Moon Jae-in"),
        ("朴槿惠", "Park Geun-hye"),
        ("李在明", "Lee Jae-myung"),
        ("李在明", "Lee Jae-myeong"),
        ("南宫敏", "Namgung Min"),
        ("李善权", "Ri Son Gwon"),
        ("崔龙海", "Choe Ryong Hae"),
    ],
)
def test_known_names(hanja, english):
    assert english in english_candidates(hanja)


def test_compound_surnames():
    assert hangul_readings("南宫敏") == ["남궁민"]
    assert hangul_readings("諸葛成") == ["제갈성"]
    assert hangul_readings("皇甫仁") == ["황보인"]


def test_unknown_character_gives_nothing():
    assert hangul_readings("尹锡𠀀") == []
    assert english_candidates("尹锡𠀀") == set()
    assert hangul_readings("尹") == []
    assert romanizations("Yoon") == set()
    assert romanizations("윤") == set()


@given(st.integers(min_value=0xAC00, max_value=0xD7A3))
def test_decompose_compose_round_trip(code):
    syllable = chr(code)
    assert compose(*decompose(syllable)) == syllable


def test_all_syllables_round_trip_and_romanize():
    for code in range(0xAC00, 0xD7A4):
        syllable = chr(code)
        assert compose(*decompose(syllable)) == syllable
        assert korean.syllable_spellings(syllable)[0] == korean.syllable_rr(syllable)
    assert decompose("각") == (0, 0, 1)
    with pytest.raises(ValueError):
        decompose("a")


def test_table_parses_without_duplicates():
    text = resources.files("transcheck").joinpath("resources/hanja_names.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"))
    assert rows and set(rows[0]) == {"hanja", "hangul", "note"}
    pairs = [(r["hanja"], r["hangul"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    for hanja, hangul in pairs:
        assert len(hanja) == 1 and HAN_ONLY.match(hanja), hanja
        assert len(hangul) == 1 and HANGUL_ONLY.match(hangul), hangul
    table = korean.hanja_table()
    for simplified, traditional in [("锡", "錫"), ("悦", "悅"), ("郑", "鄭"), ("赵", "趙"), ("渊", "淵")]:
        assert {h for h, _ in table[simplified]} == {h for h, _ in table[traditional]}
    assert len({r["hanja"] for r in rows}) >= 600
