"""Where the per-document work runs: in this process, in a local process pool, or on a Dask cluster.

One code path (:func:`transcheck.engine.run`): the aligner is fitted on the whole corpus in the parent, each
backend maps :func:`transcheck.engine.check_document` over batches of documents and hands the results back in
input order, and :func:`transcheck.engine.finish` (the corpus-wide reduce step) runs in the parent. A backend
only decides *where* documents are checked, never *how*, so every backend writes byte-identical reports.

What a worker needs (the settings and the fitted aligner's corpus lexicons, a :class:`WorkerPayload`) is
shipped once per worker process, not once per document: as the initializer argument of the process pool, and
as data broadcast to every Dask worker (``client.scatter(..., broadcast=True)``). Each worker process builds
its aligner and name linker from it once and keeps them (:func:`_state`). The per-process caches
(language identification, sentence splitting, number parsing, the sentence encoder) memoise pure functions,
and langdetect is seeded for every detection, so a document's result does not depend on which worker or
which earlier documents a process saw.
"""

from __future__ import annotations

import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, overload

from .align import SentenceAligner, default_aligner
from .model import DocumentPair
from .names.lexicon import shipped_lexicon
from .names.linking import NameLinker
from .readers.problems import UsageError

if TYPE_CHECKING:
    from .engine import DocResult, Settings

ENGINES = ("serial", "pool", "dask")
#: Without ``--workers`` or ``--engine``, a corpus with less text than this is checked in this process: starting
#: worker processes costs more than it saves on a small corpus.
AUTO_POOL_MIN_CHARS = 200_000
#: Batches hold about this many characters of source and translation (at least one document each), and at
#: most :data:`BATCHES_PER_WORKER` batches per worker, so that the work spreads evenly.
MAX_BATCH_CHARS = 400_000
BATCHES_PER_WORKER = 8
#: Batches in flight per worker: enough to keep every worker busy, few enough that memory stays bounded.
WINDOW_PER_WORKER = 3


class BackendError(UsageError):
    """A backend asked for with settings that do not fit (an unknown engine, ``--scheduler`` without Dask)."""


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WorkerPayload:
    """What every worker needs besides its documents; shipped once per worker process."""

    settings: Settings
    corpus_lexicons: dict[Any, Any] = field(default_factory=dict)  # LexicalAligner.corpus_lexicons after fit
    token: str = field(default_factory=lambda: uuid.uuid4().hex)  # tells runs apart in a long-lived worker


def payload_for(settings: Settings, aligner: SentenceAligner) -> WorkerPayload:
    return WorkerPayload(settings, dict(getattr(aligner, "corpus_lexicons", {}) or {}))


_STATES: dict[str, tuple[Settings, SentenceAligner, NameLinker]] = {}


def _state(payload: WorkerPayload) -> tuple[Settings, SentenceAligner, NameLinker]:
    """The settings, fitted aligner and name linker of ``payload``'s run, built once per process."""
    state = _STATES.get(payload.token)
    if state is None:
        settings = payload.settings
        lexicon = settings.lexicon or shipped_lexicon()
        aligner = default_aligner(settings.model, names=lexicon)
        aligner.corpus_lexicons = dict(payload.corpus_lexicons)
        _STATES.clear()  # a worker of a long-lived cluster keeps only the current run's state
        state = _STATES[payload.token] = (settings, aligner, NameLinker(lexicon))
    return state


def check_batch(payload: WorkerPayload, batch: Sequence[DocumentPair]) -> list[DocResult]:
    """Check a batch of documents in a worker. The documents are left out of the results (the parent has
    them), so that only the small per-document summaries travel back."""
    from .engine import check_document

    settings, aligner, linker = _state(payload)
    results = []
    for doc in batch:
        result = check_document(doc, settings, aligner, linker)
        result.doc = _detached(doc)
        results.append(result)
    return results


def _detached(doc: DocumentPair) -> DocumentPair:
    return DocumentPair(doc_id=doc.doc_id, source=None, target=None)


def _reattach(results: list[DocResult], batch: Sequence[DocumentPair]) -> list[DocResult]:
    for result, doc in zip(results, batch, strict=True):
        result.doc = doc
    return results


class HandOut(Sequence[DocumentPair]):
    """The run's documents, each let go as it is handed to a worker: iterating hands them out once, and the
    list then no longer holds their text. Length and text size are known before (for batching)."""

    def __init__(self, documents: list[DocumentPair]) -> None:
        self._documents: list[DocumentPair | None] = list(documents)
        self.chars = sum(map(_doc_chars, documents))

    def __len__(self) -> int:
        return len(self._documents)

    @overload
    def __getitem__(self, index: int) -> DocumentPair: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[DocumentPair]: ...
    def __getitem__(self, index: int | slice) -> DocumentPair | Sequence[DocumentPair]:
        raise TypeError("documents are handed out in order, once; iterate instead")

    def __iter__(self) -> Iterator[DocumentPair]:
        for k, doc in enumerate(self._documents):
            if doc is None:
                raise RuntimeError("these documents were already handed out")
            self._documents[k] = None
            yield doc


def total_chars(documents: Sequence[DocumentPair]) -> int:
    """Characters of text in ``documents`` (without handing out a :class:`HandOut`)."""
    return documents.chars if isinstance(documents, HandOut) else sum(map(_doc_chars, documents))


def _doc_chars(doc: DocumentPair) -> int:
    return sum(len(u.text) for side in (doc.source, doc.target, doc.reference) if side is not None for u in side.units)


def batches(documents: Sequence[DocumentPair], workers: int) -> Iterator[list[DocumentPair]]:
    """Consecutive runs of documents of about equal text size (at least one document each)."""
    total = total_chars(documents)
    target = max(1, min(MAX_BATCH_CHARS, total // max(1, workers * BATCHES_PER_WORKER)))
    batch: list[DocumentPair] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += _doc_chars(doc)
        if size >= target:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _in_order(futures: Iterable[tuple[Any, list[DocumentPair]]], window: int) -> Iterator[list[DocResult]]:
    """Results of submitted batches in input order, with at most ``window`` batches in flight (the iterable
    submits a batch when it is asked for the next one)."""
    pending: deque[tuple[Any, list[DocumentPair]]] = deque()
    for item in futures:
        pending.append(item)
        if len(pending) >= window:
            future, batch = pending.popleft()
            yield _reattach(future.result(), batch)
    while pending:
        future, batch = pending.popleft()
        yield _reattach(future.result(), batch)


class Backend(Protocol):
    name: str
    workers: int

    def map(
        self, documents: Sequence[DocumentPair], settings: Settings, aligner: SentenceAligner, linker: NameLinker
    ) -> Iterator[list[DocResult]]:
        """Check every document; yield the results batch by batch, in input order."""
        ...


@dataclass
class SerialBackend:
    """Every document in this process, one after the other (with the parent's own aligner)."""

    name: str = "serial"
    workers: int = 1

    def map(
        self, documents: Sequence[DocumentPair], settings: Settings, aligner: SentenceAligner, linker: NameLinker
    ) -> Iterator[list[DocResult]]:
        from .engine import check_document

        for doc in documents:
            yield [check_document(doc, settings, aligner, linker)]


_POOL_PAYLOAD: WorkerPayload | None = None


def _init_pool_worker(payload: WorkerPayload) -> None:
    global _POOL_PAYLOAD
    _POOL_PAYLOAD = payload
    _state(payload)


def _pool_batch(batch: list[DocumentPair]) -> list[DocResult]:
    assert _POOL_PAYLOAD is not None, "the pool's initializer did not run"
    return check_batch(_POOL_PAYLOAD, batch)


@dataclass
class PoolBackend:
    """A local process pool of ``workers`` processes. ``min_chars``: below this much text the corpus is
    checked in this process instead (the automatic choice; an explicit ``--engine pool`` sets it to 0)."""

    workers: int
    min_chars: int = 0
    name: str = "pool"

    def map(
        self, documents: Sequence[DocumentPair], settings: Settings, aligner: SentenceAligner, linker: NameLinker
    ) -> Iterator[list[DocResult]]:
        if self.workers <= 1 or len(documents) <= 1 or total_chars(documents) < self.min_chars:
            yield from SerialBackend().map(documents, settings, aligner, linker)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        workers = min(self.workers, len(documents))
        payload = payload_for(settings, aligner)
        # Fresh processes, not fork(): a forked worker would inherit the parent's whole heap (every document read
        # so far) and copy it page by page as its garbage collector walks it, and a sentence encoder's threads
        # (PyTorch, OpenMP) do not survive fork. Each worker loads its resources once (a few seconds).
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_pool_worker, initargs=(payload,)
        ) as pool:
            submitted = ((pool.submit(_pool_batch, batch), batch) for batch in batches(documents, workers))
            try:
                yield from _in_order(submitted, workers * WINDOW_PER_WORKER)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(
            "--engine dask needs Dask's distributed scheduler: pip install 'transcheck[distributed]'"
        ) from exc
    return distributed


@dataclass
class DaskBackend:
    """Dask: a LocalCluster of ``workers`` processes (one thread each), or the cluster at ``scheduler``
    (``tcp://host:8786``), whose workers must have the same transcheck version installed."""

    workers: int
    scheduler: str | None = None
    name: str = "dask"

    def _client(self) -> tuple[Any, Callable[[], None]]:
        distributed = _import_distributed()
        if self.scheduler:
            client = distributed.Client(self.scheduler)
            return client, client.close
        cluster = distributed.LocalCluster(
            n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close

    def map(
        self, documents: Sequence[DocumentPair], settings: Settings, aligner: SentenceAligner, linker: NameLinker
    ) -> Iterator[list[DocResult]]:
        if not len(documents):
            return
        client, close = self._client()
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or self.workers)
            payload = client.scatter(payload_for(settings, aligner), broadcast=True, hash=False)
            submitted = (
                (client.submit(check_batch, payload, batch, pure=False), batch) for batch in batches(documents, workers)
            )
            yield from _in_order(submitted, workers * WINDOW_PER_WORKER)
        finally:
            close()


def make_backend(engine: str | None = None, workers: int | None = None, scheduler: str | None = None) -> Backend:
    """The backend for ``--engine``, ``--workers`` and ``--scheduler``. Default engine: ``dask`` with a
    scheduler address, else ``pool`` when more than one worker, else ``serial``; default workers: every core
    (then a small corpus stays in this process, see :data:`AUTO_POOL_MIN_CHARS`)."""
    if engine is not None and engine not in ENGINES:
        raise BackendError(f"unknown engine {engine!r}; the engines are {', '.join(ENGINES)}.")
    if workers is not None and workers < 1:
        raise BackendError(f"--workers must be at least 1, not {workers}.")
    if scheduler and engine not in (None, "dask"):
        raise BackendError(f"--scheduler needs --engine dask, not --engine {engine}.")
    n = workers if workers is not None else default_workers()
    if engine == "dask" or (engine is None and scheduler):
        return DaskBackend(n, scheduler or None)
    if engine == "serial" or n == 1:
        return SerialBackend()
    automatic = engine is None and workers is None
    return PoolBackend(n, min_chars=AUTO_POOL_MIN_CHARS if automatic else 0)
