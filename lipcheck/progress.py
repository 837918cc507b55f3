"""The progress bar of a long run: on stderr, only for a person at a terminal, and only once a run is slow.

It never shows when stderr is not a terminal, when `CI` is set (CI logs keep every frame), with
`--quiet` or `--no-progress`, and not before a run has taken about a second: a quick run prints
nothing extra. rich is imported only when the bar is first drawn.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any

DELAY_SECONDS = 1.0


def wanted(quiet: bool, no_progress: bool) -> bool:
    """Whether a bar may show at all: a terminal on stderr, no `CI`, and neither flag."""
    if quiet or no_progress or os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        return False
    return sys.stderr is not None and sys.stderr.isatty()


class Progress:
    """Counts files as they finish; draws the bar (count, rate, time left) once DELAY_SECONDS have passed."""

    def __init__(self, total: int, enabled: bool, label: str) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.label = label
        self.done = 0
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        return self

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._started < DELAY_SECONDS or self.done >= self.total:
                return
            self._start()
        elapsed = max(time.monotonic() - self._started, 1e-9)
        self._bar.update(self._task, completed=self.done, rate=self._rate(elapsed))

    def _rate(self, elapsed: float) -> str:
        from lipcheck.messages import text

        return text("progress.rate", rate=f"{self.done / elapsed:.1f}")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        self._bar = Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr, highlight=False, markup=False),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done, rate="")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
