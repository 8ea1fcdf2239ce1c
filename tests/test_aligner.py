"""Tests for transcheck.align: the length-and-anchor sentence aligner and the link text format."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.align import LengthAnchorAligner, Link, default_aligner
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
def aligner() -> LengthAnchorAligner:
    return LengthAnchorAligner()


def test_default_aligner_is_the_length_anchor_aligner() -> None:
    assert isinstance(default_aligner(), LengthAnchorAligner)


def test_documents_are_well_formed() -> None:
    assert len(ZH) == len(EN) == 12 and len(EN_HELP) == len(DE_HELP) == 10


@pytest.mark.parametrize(("src", "tgt", "langs"), [(ZH, EN, ("zh", "en")), (EN_HELP, DE_HELP, ("en", "de"))])
def test_perfect_translation_aligns_one_to_one(
    aligner: LengthAnchorAligner, src: list[str], tgt: list[str], langs: tuple[str, str]
) -> None:
    assert pairs(aligner.align(src, tgt, *langs)) == one_to_one(len(src))


@pytest.mark.parametrize(
    ("src", "tgt", "langs", "dropped"),
    [(ZH, EN, ("zh", "en"), LONG_ZH), (EN_HELP, DE_HELP, ("en", "de"), LONG_EN)],
)
def test_dropped_long_sentence_is_a_one_to_zero_link(
    aligner: LengthAnchorAligner, src: list[str], tgt: list[str], langs: tuple[str, str], dropped: int
) -> None:
    shortened = tgt[:dropped] + tgt[dropped + 1 :]
    links = aligner.align(src, shortened, *langs)
    assert_covers(links, len(src), len(shortened))
    expected = [((i,), (i if i < dropped else i - 1,)) for i in range(len(src)) if i != dropped]
    expected.insert(dropped, ((dropped,), ()))
    assert pairs(links) == expected
    null = links[dropped]
    assert null.score > 0.5  # confident: a long sentence cannot be glued to a neighbour


@pytest.mark.xfail(
    strict=True,
    reason="in an 8-sentence document the omitted long sentence skews the initial "
    "length ratio; the aligner answers with a run of 2-1/1-2 links instead of 1-0",
)
@pytest.mark.parametrize(
    ("src", "tgt", "langs", "dropped"),
    [(ZH[3:11], EN[3:11], ("zh", "en"), LONG_ZH - 3), (EN_HELP[:8], DE_HELP[:8], ("en", "de"), LONG_EN)],
)
def test_dropped_long_sentence_in_eight_sentence_document(
    aligner: LengthAnchorAligner, src: list[str], tgt: list[str], langs: tuple[str, str], dropped: int
) -> None:
    assert len(src) == len(tgt) == 8
    shortened = tgt[:dropped] + tgt[dropped + 1 :]
    links = aligner.align(src, shortened, *langs)
    expected = [((i,), (i if i < dropped else i - 1,)) for i in range(len(src)) if i != dropped]
    expected.insert(dropped, ((dropped,), ()))
    assert pairs(links) == expected


def test_sentence_translated_as_two_is_a_one_to_two_link(aligner: LengthAnchorAligner) -> None:
    two = ["Yoon held talks with Fumio Kishida.", "Kishida is the Japanese prime minister."]
    split = [*EN[:3], *two, *EN[4:]]
    links = aligner.align(ZH, split, "zh", "en")
    assert_covers(links, len(ZH), len(split))
    assert ((3,), (3, 4)) in pairs(links)
    assert [lk for lk in links if lk.src != (3,)] == [lk for lk in links if len(lk.src) == len(lk.tgt) == 1]


def test_one_to_two_in_german(aligner: LengthAnchorAligner) -> None:
    split = [
        *DE_HELP[:5],
        "Sie können Ihre Einstellungen exportieren.",
        "Dazu wählen Sie eine Datei aus.",
        *DE_HELP[6:],
    ]
    links = aligner.align(EN_HELP, split, "en", "de")
    assert pairs(links)[5] == ((5,), (5, 6))
    assert pairs(links)[:5] == one_to_one(5)
    assert pairs(links)[6:] == [((i,), (i + 1,)) for i in range(6, 10)]


def test_long_added_sentence_is_a_zero_to_one_link(aligner: LengthAnchorAligner) -> None:
    extra = (
        "This article was translated automatically and may contain errors, so readers should consult "
        "the original Chinese text whenever the exact wording matters to them."
    )
    added = [*EN[:6], extra, *EN[6:]]
    links = aligner.align(ZH, added, "zh", "en")
    assert ((), (6,)) in pairs(links)
    assert len([lk for lk in links if not lk.src]) == 1


def test_empty_sides_give_null_links(aligner: LengthAnchorAligner) -> None:
    assert aligner.align([], [], "zh", "en") == []
    assert pairs(aligner.align(["甲。", "乙。"], [], "zh", "en")) == [((0,), ()), ((1,), ())]
    only_target = aligner.align([], ["One.", "Two.", "Three."], "zh", "en")
    assert pairs(only_target) == [((), (0,)), ((), (1,)), ((), (2,))]


def test_align_blocks_aligns_each_block(aligner: LengthAnchorAligner) -> None:
    blocks = [(ZH[:6], EN[:6]), (ZH[6:], EN[6:]), ([], ["Photo: Reuters"])]
    result = aligner.align_blocks(blocks, "zh", "en")
    assert len(result) == 3
    assert pairs(result[0]) == one_to_one(6)
    assert pairs(result[1]) == one_to_one(6)
    assert pairs(result[2]) == [((), (0,))]


def test_align_blocks_with_no_blocks(aligner: LengthAnchorAligner) -> None:
    assert aligner.align_blocks([], "zh", "en") == []


def test_align_is_deterministic(aligner: LengthAnchorAligner) -> None:
    shortened = EN[:LONG_ZH] + EN[LONG_ZH + 1 :]
    assert aligner.align(ZH, shortened, "zh", "en") == LengthAnchorAligner().align(ZH, shortened, "zh", "en")


def test_narrow_band_still_covers_everything() -> None:
    narrow = LengthAnchorAligner(band=1)
    links = narrow.align(ZH, EN[:3], "zh", "en")
    assert_covers(links, len(ZH), 3)


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
    links = LengthAnchorAligner().align(src, tgt, *langs)
    assert_covers(links, len(src), len(tgt))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(SENTENCE, max_size=8), st.lists(SENTENCE, max_size=8)), max_size=4))
def test_blocks_cover_every_sentence(blocks: list[tuple[list[str], list[str]]]) -> None:
    result = LengthAnchorAligner().align_blocks(blocks, "en", "de")
    assert len(result) == len(blocks)
    for (src, tgt), links in zip(blocks, result, strict=True):
        assert_covers(links, len(src), len(tgt))
