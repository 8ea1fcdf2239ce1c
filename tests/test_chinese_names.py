import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.names.chinese import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    candidate_keys,
    english_candidates,
    is_pinyin,
    is_possible_rendering,
    order_swapped,
    split_name,
    surname_spellings,
)
from transcheck.names.lexicon import name_key, shipped_lexicon

HAN_ONLY = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")

#: Lexicon people whose standard English name is not a pinyin reading (English given names, historical
#: spellings, a Latinised name); their pinyin variant must still be generated (checked below).
NON_PINYIN_STANDARD = {
    "Jack Ma": "Ma Yun",
    "Pony Ma": "Ma Huateng",
    "Robin Li": "Li Yanhong",
    "Eileen Gu": "Gu Ailing",
    "Sun Yat-sen": "Sun Zhongshan",
    "Confucius": "Kong Zi",
}


def _chinese_people():
    return [e for e in shipped_lexicon().entries if e.origin == "zh" and e.kind == "person"]


def _han_forms(entry):
    return [f for f in entry.source_forms if HAN_ONLY.match(f)]


def test_lexicon_chinese_people_coverage():
    """Every character form (simplified and traditional) of an entry must give its standard spelling."""
    checked, failures = 0, []
    for entry in _chinese_people():
        forms = _han_forms(entry)
        if not forms:
            continue
        checked += 1
        missing = [f for f in forms if not is_possible_rendering(entry.english, f)]
        if missing:
            failures.append(f"{entry.english}: {missing} → {[sorted(english_candidates(f))[:4] for f in missing]}")
    assert checked >= 50, f"only {checked} Chinese people with character forms in the lexicon"
    passed = checked - len(failures)
    assert passed >= 0.9 * checked, f"{passed}/{checked} covered; failures:\n" + "\n".join(failures)


def test_non_pinyin_standard_names_have_their_pinyin_variant():
    by_english = {e.english: e for e in _chinese_people()}
    for english, pinyin_form in NON_PINYIN_STANDARD.items():
        entry = by_english.get(english)
        if entry is None:
            continue
        assert pinyin_form in entry.variants
        assert any(is_possible_rendering(pinyin_form, f) for f in _han_forms(entry)), english
        assert not any(is_possible_rendering(english, f) for f in _han_forms(entry)), english


def test_xi_jinping():
    for form in ("习近平", "習近平"):
        assert "Xi Jinping" in english_candidates(form)
        assert is_possible_rendering("Xi Jin-ping", form)
        assert is_possible_rendering("Xi Jin Ping", form)
        assert is_possible_rendering("XI Jinping", form)
        assert not is_possible_rendering("Xi Jinpin", form)
        assert not is_possible_rendering("Xi Jingping", form)
        assert not is_possible_rendering("Xi Jinping Xi", form)
    assert candidate_keys("习近平") == candidate_keys("習近平")


def test_order_swapped():
    assert order_swapped("Jinping Xi", "习近平")
    assert order_swapped("Jin-ping Xi", "習近平")
    assert "Jinping Xi" not in english_candidates("习近平")
    assert not is_possible_rendering("Jinping Xi", "习近平")
    assert not order_swapped("Xi Jinping", "习近平")
    assert not order_swapped("Jingping Xi", "习近平")
    assert order_swapped("Yi Wang", "王毅")


@pytest.mark.parametrize(
    ("name", "english", "wrong"),
    [
        ("曾庆红", "Zeng Qinghong", "Ceng Qinghong"),
        ("曾荫权", "Zeng Yinquan", "Ceng Yinquan"),
        ("单霁翔", "Shan Jixiang", "Dan Jixiang"),
        ("單霽翔", "Shan Jixiang", "Dan Jixiang"),
        ("解振华", "Xie Zhenhua", "Jie Zhenhua"),
        ("仇和", "Qiu He", "Chou He"),
        ("朴树", "Piao Shu", "Pu Shu"),
        ("查良镛", "Zha Liangyong", "Cha Liangyong"),
        ("区伟明", "Ou Weiming", "Qu Weiming"),
        ("薄熙来", "Bo Xilai", "Bao Xilai"),
        ("覃红", "Qin Hong", "Jin Hong"),
        ("欧阳娜娜", "Ouyang Nana", "Ou Yangnana Xi"),
        ("歐陽娜娜", "Ouyang Nana", "Ouyang Na"),
        ("司马迁", "Sima Qian", "Siam Qian"),
        ("诸葛亮", "Zhuge Liang", "Zhuge Lang"),
        ("尉迟恭", "Yuchi Gong", "Weichi Gong"),
        ("万俟卨", "Moqi Xie", "Wanqi Xie"),
        ("长孙无忌", "Zhangsun Wuji", "Changsun Wuji"),
        ("王毅", "Wang Yi", "Wang Yu"),
        ("李强", "Li Qiang", "Li Qian"),
    ],
)
def test_surname_readings(name, english, wrong):
    assert is_possible_rendering(english, name), sorted(english_candidates(name))[:6]
    assert not is_possible_rendering(wrong, name)


def test_u_umlaut_spellings():
    for spelling in ("Lyu Nu", "Lu Nu", "Lv Nv", "Lyu Nyu", "Lü Nü"):
        assert is_possible_rendering(spelling, "吕女"), spelling
    assert not is_possible_rendering("Lo Nu", "吕女")


def test_apostrophe_form():
    assert {"Li Anan", "Li An'an"} <= english_candidates("李安安")
    assert "Lan Fo'an" in english_candidates("蓝佛安")


def test_compound_surname_split():
    assert split_name("欧阳娜娜") == ("欧阳", "娜娜")
    assert split_name("欧阳") == ("欧", "阳")  # two characters: a one-character surname and a given name
    assert split_name("习 近平") == ("习", "近平")
    assert surname_spellings("欧阳") == ("ouyang",)
    for compound in COMPOUND_SURNAMES:
        assert len(compound) == 2


def test_surname_table_is_consistent():
    for char, readings in SURNAME_READINGS.items():
        assert len(char) == 1 and readings
        assert all(r.isascii() and r.islower() for r in readings), char


@pytest.mark.parametrize("name", ["", "习", "Xi Jinping", "김대중", "すずき", "习·近平", "买买提·艾力", "习近平习近平"])
def test_not_a_chinese_name_gives_nothing(name):
    assert english_candidates(name) == set()
    assert not is_possible_rendering("Xi Jinping", name)
    assert not order_swapped("Jinping Xi", name)


def test_taiwan_and_hong_kong_spellings_are_left_to_the_lexicon():
    # Not generated (Wade–Giles, Cantonese), but the functions do not fail: the caller checks the lexicon first.
    assert not is_possible_rendering("Tsai Ing-wen", "蔡英文")
    assert is_possible_rendering("Cai Yingwen", "蔡英文")
    assert shipped_lexicon().entries  # the lexicon itself is untouched


def _variants(candidate: str) -> list[str]:
    return [
        candidate.upper(),
        candidate.lower(),
        candidate.title(),
        candidate.replace(" ", "-"),
        candidate.replace("-", " "),
        candidate.replace("-", ""),
    ]


_LEXICON_FORMS = sorted({f for e in _chinese_people() for f in _han_forms(e)})
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.sampled_from(_LEXICON_FORMS or ["习近平"]), st.text(alphabet=_HAN, min_size=2, max_size=4)))
def test_candidate_keys_stable_under_case_and_hyphens(name):
    candidates = english_candidates(name)
    keys = candidate_keys(name)
    for candidate in candidates:
        key = name_key(candidate)
        assert key in keys
        for variant in _variants(candidate):
            assert name_key(variant) == key, (candidate, variant)
            assert is_possible_rendering(variant, name)
            assert not order_swapped(variant, name)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Chunying", True),
        ("Xing'an", True),
        ("Wulan", True),
        ("Bejing", False),
        ("Seoul", False),
        ("Suk-yue", False),
        ("", False),
    ],
)
def test_is_pinyin(word: str, expected: bool) -> None:
    assert is_pinyin(word) is expected
