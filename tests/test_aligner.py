"""Tests for transcheck.align: the lexical sentence aligner (every bead shape, nulls, blocks) and the link format."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.align import LexicalAligner, Link, default_aligner
from transcheck.align.base import format_links

# A short news story and its English translation, one sentence per entry, translated 1-1.
ZH = [
    "韩国总统尹锡悦周四抵达东京，开始为期两天的访问。",
    "这是韩国领导人十二年来首次对日本进行双边访问。",
    "两国关系因历史问题和贸易争端而长期紧张。",
    "尹锡悦与日本首相岸田文雄举行了会谈。",
    "双方同意恢复中断多年的领导人定期互访机制。",
    "日本政府宣布解除对韩国出口三种半导体材料的限制。",
    "韩国则表示将撤回向世界贸易组织提出的申诉。",
    "分析人士认为，这次访问标志着两国关系的重要转折，但国内舆论仍然存在明显分歧，"
    "许多强制劳工受害者及其家属公开批评政府的赔偿方案，认为日本企业没有直接道歉也没有直接出资。",
    "据韩国媒体报道，约有3万人周六在首尔市中心举行集会。",
    "集会者要求政府重新考虑赔偿方案。",
    "韩国外交部表示将继续与受害者沟通。",
    "尹锡悦周五晚些时候返回首尔。",
]
EN = [
    "South Korean President Yoon Suk-yeol arrived in Tokyo on Thursday for a two-day visit.",
    "It is the first bilateral visit to Japan by a South Korean leader in twelve years.",
    "Relations between the two countries have long been strained by history and trade disputes.",
    "Yoon held talks with Japanese Prime Minister Fumio Kishida.",
    "The two sides agreed to resume regular mutual visits by their leaders, suspended for years.",
    "The Japanese government announced it would lift restrictions on exports of three semiconductor "
    "materials to South Korea.",
    "South Korea said it would withdraw its complaint to the World Trade Organization.",
    "Analysts say the visit marks an important turning point in relations between the two countries, but "
    "domestic opinion remains sharply divided, and many victims of forced labour and their families have "
    "publicly criticised the government's compensation plan, saying Japanese companies neither apologised "
    "directly nor paid directly.",
    "About 30,000 people rallied in central Seoul on Saturday, South Korean media reported.",
    "The protesters demanded that the government reconsider the compensation plan.",
    "South Korea's foreign ministry said it would continue to communicate with the victims.",
    "Yoon returned to Seoul late on Friday.",
]
LONG_ZH = 7  # the long sentence about domestic opinion

# Software help text and its German translation, 1-1.
EN_HELP = [
    "Open the Settings page from the main menu.",
    "Choose the language you want to use for the interface.",
    "The change takes effect the next time you start the application.",
    "If you work in a team, an administrator can set a default language for all users, and individual "
    "users can still override it in their own profile settings whenever they prefer another language.",
    "Click Save to store your changes.",
    "You can export your settings to a file.",
    "The file can be imported on another computer.",
    "Backups are created automatically every 24 hours.",
    "Old backups are deleted after 30 days.",
    "Contact support if you have any questions.",
]
DE_HELP = [
    "Öffnen Sie die Seite Einstellungen über das Hauptmenü.",
    "Wählen Sie die Sprache, die Sie für die Oberfläche verwenden möchten.",
    "Die Änderung wird beim nächsten Start der Anwendung wirksam.",
    "Wenn Sie im Team arbeiten, kann ein Administrator eine Standardsprache für alle Benutzer festlegen, "
    "und einzelne Benutzer können diese in ihren eigenen Profileinstellungen jederzeit überschreiben, wenn "
    "sie eine andere Sprache bevorzugen.",
    "Klicken Sie auf Speichern, um Ihre Änderungen zu sichern.",
    "Sie können Ihre Einstellungen in eine Datei exportieren.",
    "Die Datei kann auf einem anderen Computer importiert werden.",
    "Sicherungen werden alle 24 Stunden automatisch erstellt.",
    "Alte Sicherungen werden nach 30 Tagen gelöscht.",
    "Wenden Sie sich bei Fragen an den Support.",
]
LONG_EN = 3


def pairs(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.src, link.tgt) for link in links]


def one_to_one(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (i,)) for i in range(n)]


def assert_covers(links: list[Link], n_src: int, n_tgt: int) -> None:
    """Every source and target index exactly once, in order, each side of a link consecutive."""
    assert [i for link in links for i in link.src] == list(range(n_src))
    assert [j for link in links for j in link.tgt] == list(range(n_tgt))
    for link in links:
        assert link.src or link.tgt
        for side in (link.src, link.tgt):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True
        assert 0.0 <= link.score <= 1.0


@pytest.fixture(scope="module")
def aligner() -> LexicalAligner:
    return LexicalAligner()


def test_default_aligner_is_the_lexical_aligner() -> None:
    assert isinstance(default_aligner(), LexicalAligner)


def test_documents_are_well_formed() -> None:
    assert len(ZH) == len(EN) == 12 and len(EN_HELP) == len(DE_HELP) == 10


@pytest.mark.parametrize(("src", "tgt", "langs"), [(ZH, EN, ("zh", "en")), (EN_HELP, DE_HELP, ("en", "de"))])
def test_perfect_translation_aligns_one_to_one(
    aligner: LexicalAligner, src: list[str], tgt: list[str], langs: tuple[str, str]
) -> None:
    assert pairs(aligner.align(src, tgt, *langs)) == one_to_one(len(src))


@pytest.mark.parametrize(
    ("src", "tgt", "langs", "dropped"),
    [(ZH, EN, ("zh", "en"), LONG_ZH), (EN_HELP, DE_HELP, ("en", "de"), LONG_EN)],
)
def test_dropped_long_sentence_is_a_one_to_zero_link(
    aligner: LexicalAligner, src: list[str], tgt: list[str], langs: tuple[str, str], dropped: int
) -> None:
    shortened = tgt[:dropped] + tgt[dropped + 1 :]
    links = aligner.align(src, shortened, *langs)
    assert_covers(links, len(src), len(shortened))
    expected = [((i,), (i if i < dropped else i - 1,)) for i in range(len(src)) if i != dropped]
    expected.insert(dropped, ((dropped,), ()))
    assert pairs(links) == expected
    null = links[dropped]
    assert null.score > 0.5  # confident: a long sentence cannot be glued to a neighbour


@pytest.mark.parametrize(
    ("src", "tgt", "langs", "dropped"),
    [(ZH[3:11], EN[3:11], ("zh", "en"), LONG_ZH - 3), (EN_HELP[:8], DE_HELP[:8], ("en", "de"), LONG_EN)],
)
def test_dropped_long_sentence_in_eight_sentence_document(
    aligner: LexicalAligner, src: list[str], tgt: list[str], langs: tuple[str, str], dropped: int
) -> None:
    assert len(src) == len(tgt) == 8
    shortened = tgt[:dropped] + tgt[dropped + 1 :]
    links = aligner.align(src, shortened, *langs)
    expected = [((i,), (i if i < dropped else i - 1,)) for i in range(len(src)) if i != dropped]
    expected.insert(dropped, ((dropped,), ()))
    assert pairs(links) == expected


def test_sentence_translated_as_two_is_a_one_to_two_link(aligner: LexicalAligner) -> None:
    two = ["Yoon held talks with Fumio Kishida.", "Kishida is the Japanese prime minister."]
    split = [*EN[:3], *two, *EN[4:]]
    links = aligner.align(ZH, split, "zh", "en")
    assert_covers(links, len(ZH), len(split))
    assert ((3,), (3, 4)) in pairs(links)
    assert [lk for lk in links if lk.src != (3,)] == [lk for lk in links if len(lk.src) == len(lk.tgt) == 1]


def test_one_to_two_in_german(aligner: LexicalAligner) -> None:
    # "Backups are created automatically every 24 hours." rendered as two sentences; each half carries
    # evidence of its own (a shared word stem, the number).
    split = [*DE_HELP[:7], "Sicherungen werden automatisch erstellt.", "Das geschieht alle 24 Stunden.", *DE_HELP[8:]]
    links = aligner.align(EN_HELP, split, "en", "de")
    assert pairs(links)[:7] == one_to_one(7)
    assert pairs(links)[7] == ((7,), (7, 8))
    assert pairs(links)[8:] == [((i,), (i + 1,)) for i in range(8, 10)]


# The long sentence about domestic opinion (ZH[7]) rendered as three and as four English sentences.
SPLIT_INTO_THREE = [
    "Analysts say the visit marks an important turning point in relations between the two countries.",
    "But domestic opinion remains sharply divided.",
    "Many victims of forced labour and their families have publicly criticised the government's compensation "
    "plan, saying Japanese companies neither apologised directly nor paid directly.",
]
SPLIT_INTO_FOUR = [
    *SPLIT_INTO_THREE[:2],
    "Many victims of forced labour and their families have publicly criticised the government's compensation plan.",
    "They say Japanese companies neither apologised directly nor paid directly.",
]
# ZH[8:11] (and ZH[8:12]) rendered as one English sentence.
JOINED_THREE = (
    "About 30,000 people rallied in central Seoul on Saturday, South Korean media reported, demanding that the "
    "government reconsider the compensation plan, while South Korea's foreign ministry said it would continue to "
    "communicate with the victims."
)
JOINED_FOUR = JOINED_THREE[:-1] + ", and Yoon returned to Seoul late on Friday."


def only_non_one_to_one(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [pair for pair in pairs(links) if len(pair[0]) != 1 or len(pair[1]) != 1]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ([*EN[:7], *SPLIT_INTO_THREE, *EN[8:]], [((7,), (7, 8, 9))]),
        ([*EN[:7], *SPLIT_INTO_FOUR, *EN[8:]], [((7,), (7, 8, 9, 10))]),
        ([*EN[:8], JOINED_THREE, *EN[11:]], [((8, 9, 10), (8,))]),
        ([*EN[:8], JOINED_FOUR], [((8, 9, 10, 11), (8,))]),
    ],
    ids=["1-3", "1-4", "3-1", "4-1"],
)
def test_many_sentence_beads(
    aligner: LexicalAligner, target: list[str], expected: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> None:
    links = aligner.align(ZH, target, "zh", "en")
    assert_covers(links, len(ZH), len(target))
    assert only_non_one_to_one(links) == expected


def test_moved_sentence_boundary_is_a_two_to_two_link(aligner: LexicalAligner) -> None:
    moved = [
        "The two sides agreed to resume regular mutual visits by their leaders, suspended for years, and the "
        "Japanese government announced that it would lift restrictions on exports",
        "of three semiconductor materials to South Korea.",
    ]
    links = aligner.align(ZH, [*EN[:4], *moved, *EN[6:]], "zh", "en")
    assert only_non_one_to_one(links) == [((4, 5), (4, 5))]


def test_coarse_to_fine_search_matches_full_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document is searched in a band around a coarser path; on a clean translation that band must
    contain the same answer as the full search."""
    from transcheck.align import aligner as aligner_module

    src = [f"{s}" for _ in range(6) for s in ZH]
    tgt = [f"{t}" for _ in range(6) for t in EN[:LONG_ZH] + EN[LONG_ZH + 1 :]]
    monkeypatch.setattr(aligner_module, "FULL_SEARCH_CELLS", 10**9)
    full = LexicalAligner().align(src, tgt, "zh", "en")
    monkeypatch.setattr(aligner_module, "FULL_SEARCH_CELLS", 100)
    banded = LexicalAligner().align(src, tgt, "zh", "en")
    assert pairs(banded) == pairs(full)
    assert [pair for pair in pairs(full) if not pair[1]] == [((7 + 12 * k,), ()) for k in range(6)]


def test_long_added_sentence_is_a_zero_to_one_link(aligner: LexicalAligner) -> None:
    extra = (
        "This article was translated automatically and may contain errors, so readers should consult "
        "the original Chinese text whenever the exact wording matters to them."
    )
    added = [*EN[:6], extra, *EN[6:]]
    links = aligner.align(ZH, added, "zh", "en")
    assert ((), (6,)) in pairs(links)
    assert len([lk for lk in links if not lk.src]) == 1


def test_empty_sides_give_null_links(aligner: LexicalAligner) -> None:
    assert aligner.align([], [], "zh", "en") == []
    assert pairs(aligner.align(["甲。", "乙。"], [], "zh", "en")) == [((0,), ()), ((1,), ())]
    only_target = aligner.align([], ["One.", "Two.", "Three."], "zh", "en")
    assert pairs(only_target) == [((), (0,)), ((), (1,)), ((), (2,))]


def test_align_blocks_aligns_each_block(aligner: LexicalAligner) -> None:
    blocks = [(ZH[:6], EN[:6]), (ZH[6:], EN[6:]), ([], ["Photo: Reuters"])]
    result = aligner.align_blocks(blocks, "zh", "en")
    assert len(result) == 3
    assert pairs(result[0]) == one_to_one(6)
    assert pairs(result[1]) == one_to_one(6)
    assert pairs(result[2]) == [((), (0,))]


def test_align_blocks_with_no_blocks(aligner: LexicalAligner) -> None:
    assert aligner.align_blocks([], "zh", "en") == []


def test_align_is_deterministic(aligner: LexicalAligner) -> None:
    shortened = EN[:LONG_ZH] + EN[LONG_ZH + 1 :]
    assert aligner.align(ZH, shortened, "zh", "en") == LexicalAligner().align(ZH, shortened, "zh", "en")


def test_very_different_lengths_still_cover_everything(aligner: LexicalAligner) -> None:
    links = aligner.align(ZH, EN[:3], "zh", "en")
    assert_covers(links, len(ZH), 3)
    assert pairs(links)[:3] == one_to_one(3)
    assert all(not lk.tgt for lk in links[3:])


# --- format_links ------------------------------------------------------------------------------------------


def test_format_links() -> None:
    links = [Link((0,), (0, 1), 0.9), Link((), (5,), 1.0), Link((7,), (), 1.0), Link((1, 2), (2,), 0.5)]
    assert format_links(links) == "[0]:[0, 1]\n[]:[5]\n[7]:[]\n[1, 2]:[2]"


def test_format_links_empty() -> None:
    assert format_links([]) == ""


# --- properties --------------------------------------------------------------------------------------------

SENTENCE = st.one_of(
    st.text(max_size=120),
    st.text(alphabet="中国韩日本的了。，", min_size=1, max_size=60),
    st.text(alphabet="abc defg 3,000 1.5 万", min_size=1, max_size=80),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(SENTENCE, max_size=30),
    st.lists(SENTENCE, max_size=30),
    st.sampled_from([("zh", "en"), ("en", "de"), ("en", "zh")]),
)
def test_links_cover_every_sentence_once_in_order(src: list[str], tgt: list[str], langs: tuple[str, str]) -> None:
    links = LexicalAligner().align(src, tgt, *langs)
    assert_covers(links, len(src), len(tgt))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(SENTENCE, max_size=8), st.lists(SENTENCE, max_size=8)), max_size=4))
def test_blocks_cover_every_sentence(blocks: list[tuple[list[str], list[str]]]) -> None:
    result = LexicalAligner().align_blocks(blocks, "en", "de")
    assert len(result) == len(blocks)
    for (src, tgt), links in zip(blocks, result, strict=True):
        assert_covers(links, len(src), len(tgt))


# --- corpus learning ---------------------------------------------------------------------------------------


def test_fit_learns_a_corpus_lexicon_for_the_language_pair() -> None:
    aligner = LexicalAligner()
    corpus = [(EN_HELP, DE_HELP), (EN_HELP[:5], DE_HELP[:5]), (EN_HELP[5:], DE_HELP[5:])]
    aligner.fit(corpus, "en", "de")
    forward, backward = aligner.corpus_lexicons[("en", "de")]
    assert max(forward["file"], key=forward["file"].__getitem__) == "datei"
    assert max(forward["backu"], key=forward["backu"].__getitem__) == "siche"
    assert "datei" in backward
    assert ("de", "en") not in aligner.corpus_lexicons
    # a later document of the pair starts from it
    assert pairs(aligner.align(EN_HELP, DE_HELP, "en", "de")) == one_to_one(len(EN_HELP))


def test_fit_with_nothing_to_learn_from_changes_nothing() -> None:
    aligner = LexicalAligner()
    aligner.fit([([], ["Hallo."]), (["One."], ["Eins."])], "en", "de")
    assert aligner.corpus_lexicons == {}
