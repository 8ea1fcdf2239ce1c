"""Tests for transcheck.backends: serial, process pool and Dask give byte-identical reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.align import default_aligner
from transcheck.backends import (
    AUTO_POOL_MIN_CHARS,
    BackendError,
    DaskBackend,
    PoolBackend,
    SerialBackend,
    batches,
    check_batch,
    make_backend,
    payload_for,
)
from transcheck.cli import main
from transcheck.config import build_settings
from transcheck.engine import check_document, prepare_aligner
from transcheck.names.linking import NameLinker
from transcheck.readers import read_inputs
from transcheck.settings_file import SettingsFileError, parse_settings

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [str(ROOT / "corpora" / "news-zh-en"), str(ROOT / "corpora" / "docs-l10n")]
GLOSSARY = str(ROOT / "corpora" / "news-zh-en" / "glossary.csv")


def _check(out: Path, *options: str) -> int:
    return main(["check", *CORPORA, "--glossary", GLOSSARY, "--out", str(out), "-q", "--no-config", *options])


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def serial_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial")
    assert _check(out, "--engine", "serial", "--format", "all") == 1
    files = _files(out)
    assert {"findings.csv", "summary.json", "report.html"} <= set(files)
    return files


def test_make_backend_defaults_and_errors() -> None:
    assert isinstance(make_backend(workers=1), SerialBackend)
    assert isinstance(make_backend("pool", 1), SerialBackend)  # one worker is serial
    explicit = make_backend(workers=2)
    assert isinstance(explicit, PoolBackend) and explicit.workers == 2 and explicit.min_chars == 0
    assert isinstance(make_backend("serial", 4), SerialBackend)
    dask = make_backend(scheduler="tcp://127.0.0.1:8786")
    assert isinstance(dask, DaskBackend) and dask.scheduler == "tcp://127.0.0.1:8786"
    automatic = make_backend()
    assert isinstance(automatic, SerialBackend | PoolBackend)
    if isinstance(automatic, PoolBackend):  # more than one core: small corpora stay in this process
        assert automatic.min_chars == AUTO_POOL_MIN_CHARS
    with pytest.raises(BackendError):
        make_backend("threads")
    with pytest.raises(BackendError):
        make_backend(workers=0)
    with pytest.raises(BackendError):
        make_backend("pool", 2, "tcp://127.0.0.1:8786")


def test_batches_keep_every_document_in_order() -> None:
    docs = read_inputs(CORPORA)
    for workers in (1, 2, 7):
        parts = list(batches(docs, workers))
        assert all(parts) and [d for part in parts for d in part] == docs
    assert len(list(batches(docs, 2))) > 1


def test_a_worker_gets_the_fitted_aligner() -> None:
    """check_batch (what a worker runs) on a payload equals check_document with the parent's fitted aligner."""
    settings = build_settings(glossary=GLOSSARY)
    docs = read_inputs(CORPORA)
    aligner = default_aligner(names=settings.lexicon)
    prepare_aligner(aligner, docs, settings)
    payload = payload_for(settings, aligner)
    assert payload.corpus_lexicons  # the corpus lexicon learned in the parent travels
    expected = [check_document(d, settings, aligner, NameLinker(settings.lexicon)) for d in docs]
    got = check_batch(payload, docs)
    assert [r.doc.doc_id for r in got] == [d.doc_id for d in docs]
    assert all(r.doc.source is None and r.doc.target is None for r in got)  # documents stay in the parent
    for r, e in zip(got, expected, strict=True):
        assert (r.pairs, r.findings, r.names, r.risks) == (e.pairs, e.findings, e.names, e.risks)


def test_pool_reports_are_byte_identical(tmp_path: Path, serial_reports: dict[str, bytes]) -> None:
    assert _check(tmp_path, "--engine", "pool", "--workers", "2", "--format", "all") == 1
    assert _files(tmp_path) == serial_reports


def test_settings_file_keys(tmp_path: Path) -> None:
    values = parse_settings({"workers": 3, "engine": "dask", "scheduler": "tcp://h:8786"}, "transcheck.toml").values
    assert values == {"workers": 3, "engine": "dask", "scheduler": "tcp://h:8786"}
    for bad in ({"workers": 0}, {"workers": "2"}, {"workers": True}, {"engine": "threads"}, {"scheduler": ""}):
        with pytest.raises(SettingsFileError):
            parse_settings(bad, "transcheck.toml")
    config = tmp_path / "transcheck.toml"
    config.write_text('engine = "pool"\nworkers = 0\n', encoding="utf-8")
    with pytest.raises(SettingsFileError):
        parse_settings({"workers": 0}, str(config))
    assert main(["check", *CORPORA, "--out", str(tmp_path / "o"), "--config", str(config), "-q"]) == 2


def test_cli_rejects_scheduler_without_dask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(tmp_path, "--engine", "pool", "--scheduler", "tcp://127.0.0.1:8786") == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
    assert _check(tmp_path, "--workers", "0") == 2


@pytest.mark.dask
def test_dask_local_cluster_reports_are_byte_identical(tmp_path: Path, serial_reports: dict[str, bytes]) -> None:
    """`transcheck check --engine dask` on a LocalCluster of 2 worker processes (the CI runs this)."""
    pytest.importorskip("distributed")
    assert _check(tmp_path, "--engine", "dask", "--workers", "2", "--format", "all") == 1
    assert _files(tmp_path) == serial_reports


def test_languages_are_settled_once_before_the_documents_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcheck import engine
    from transcheck.engine import Settings, with_languages
    from transcheck.model import DocumentPair, Side, Unit

    doc = DocumentPair(
        "d",
        Side("s.txt", (Unit("尹锡悦周四抵达东京。", "line 1"),)),
        Side("t.txt", (Unit("Yoon Suk-yeol arrived in Tokyo on Thursday.", "line 1"),)),
    )
    [settled] = with_languages([doc], Settings())
    assert (settled.src_lang, settled.tgt_lang) == ("zh", "en")
    calls: list[object] = []
    monkeypatch.setattr(engine, "detect_document", lambda texts: calls.append(texts) or "xx")
    assert engine._languages(settled, Settings()) == ("zh", "en") and calls == []


def test_documents_are_handed_out_once_and_let_go() -> None:
    """A HandOut knows its size without handing anything out, then holds no document it has handed out."""
    from transcheck.backends import HandOut, total_chars

    documents = read_inputs([CORPORA[0]])
    handout = HandOut(documents)
    assert len(handout) == len(documents) and total_chars(handout) == total_chars(documents) > 0
    batched = [doc for batch in batches(handout, 2) for doc in batch]
    assert [d.doc_id for d in batched] == [d.doc_id for d in documents]
    assert all(doc is None for doc in handout._documents)
    with pytest.raises(RuntimeError):
        next(iter(handout))


def test_results_keep_documents_without_their_text() -> None:
    """The run's results name each document's files but hold its text only in the sentence pairs."""
    from transcheck.engine import run

    documents = read_inputs([CORPORA[0]])
    result = run(documents, build_settings())
    assert [r.doc.doc_id for r in result.documents] == [d.doc_id for d in documents]
    for r, doc in zip(result.documents, documents, strict=True):
        assert r.doc.target is not None and doc.target is not None
        assert r.doc.target.path == doc.target.path and r.doc.target.units == ()
        assert r.doc.source is None or r.doc.source.units == ()
        assert r.pairs and all(p.target or p.source for p in r.pairs)
