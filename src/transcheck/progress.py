"""A progress bar on standard error for long runs.

It shows only where a person is watching: standard error is a terminal, ``$CI`` is not set (CI services set it),
``$TERM`` is not ``dumb``, and the run has already taken longer than :data:`DELAY` seconds, so short runs never
draw anything. It redraws at most ten times a second and clears its line when done.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

DELAY = 1.0
INTERVAL = 0.1
WIDTH = 24


def wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a progress bar belongs on ``stream``: a terminal, outside CI."""
    environ = os.environ if environ is None else environ
    if environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
        return False
    if environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Call it with ``(done, total)``; :meth:`close` clears the line. Silent when not :func:`wanted`."""

    def __init__(
        self,
        label: str = "checking",
        stream: TextIO | None = None,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float = DELAY,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.label = label
        self.clock = clock
        self.delay = delay
        self.start = clock()
        self.last = float("-inf")
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay or (now - self.last < INTERVAL and done < total):
            return
        self.last = now
        share = done / total if total else 1.0
        filled = int(WIDTH * share)
        bar = "#" * filled + "." * (WIDTH - filled)
        elapsed = now - self.start
        eta = f", about {int(elapsed / share - elapsed) + 1}s left" if 0 < share < 1 else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} documents ({share:.0%}{eta})\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
