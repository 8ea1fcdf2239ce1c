"""Baselines: accept the findings of today so that CI fails only on new ones.

``--write-baseline FILE`` writes the ids (``finding_id``) of a run's findings; ``--baseline FILE`` marks the
findings whose id is in it ``baselined``: they stay in findings.csv but do not count for the exit code. The
file is small, sorted JSON with fixed bytes for the same findings, so it diffs well under version control::

    {
      "findings": ["D003-0123456789ab", ...],
      "tool": {"name": "transcheck", "version": "0.1.0"},
      "version": 1
    }
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .model import Finding
from .readers.problems import UsageError

FORMAT_VERSION = 1


class BaselineError(UsageError):
    """A baseline file that cannot be read or written (a usage error: exit code 2)."""


def baseline_ids(findings: Iterable[Finding]) -> list[str]:
    """The ids a baseline of these findings holds: every finding not suppressed inline, sorted, once each."""
    return sorted({f.finding_id for f in findings if not f.suppressed})


def baseline_bytes(ids: Iterable[str]) -> bytes:
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "transcheck", "version": __version__},
        "findings": sorted(set(ids)),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_baseline(path: str | os.PathLike[str], findings: Iterable[Finding]) -> int:
    """Write the baseline of ``findings`` to ``path`` (atomically); return how many ids it holds."""
    ids = baseline_ids(findings)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(prefix=".transcheck-baseline-", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(baseline_bytes(ids))
            os.replace(staging, target)
        finally:
            if os.path.exists(staging):
                os.unlink(staging)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}.") from None
    return len(ids)


def read_baseline(path: str | os.PathLike[str]) -> frozenset[str]:
    """The finding ids of a baseline file; raises :class:`BaselineError` naming the file and what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline).") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a transcheck baseline (not JSON: {exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f'{path}: not a transcheck baseline (no list of "findings").')
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: baseline format version {data.get('version')!r} is not supported (expected {FORMAT_VERSION})."
        )
    ids = data["findings"]
    if not all(isinstance(i, str) for i in ids):
        raise BaselineError(f'{path}: every entry of "findings" must be a finding id (a string).')
    return frozenset(ids)
