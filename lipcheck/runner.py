"""Check many proposal files in order, on one core or several, yielding each file's rendered report.

Results stream: a file's report is rendered as soon as it is assessed and only the rendered
text travels on, so memory stays flat however many files are checked. With several jobs the
work runs in worker processes (each renders its own reports); the order of files is kept.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lipcheck.errors import LipcheckError
from lipcheck.findings import Report, Severity, Status, Verdict
from lipcheck.loader import Limits
from lipcheck.messages import render
from lipcheck.pipeline import Packs, assess_file
from lipcheck.render import OutputFormat


@dataclass(frozen=True)
class Gate:
    """When a report counts as falling short (exit 1)."""

    fail_under: float | None = None
    fail_on: Severity | None = None

    def passes(self, report: Report) -> bool:
        if report.verdict in (Verdict.INVALID, Verdict.INELIGIBLE):
            return False
        if self.fail_on is not None and any(
            r.severity.rank >= self.fail_on.rank and r.status in (Status.UNMET, Status.PARTIAL)
            for r in report.results
        ):
            return False
        if self.fail_under is not None:
            return report.score is not None and report.score >= self.fail_under
        return report.verdict is Verdict.READY


@dataclass(frozen=True)
class RunOptions:
    """Everything a run needs, parsed from the flags once."""

    output: OutputFormat
    packs: Packs
    limits: Limits
    today: dt.date
    gate: Gate
    lang: str = "en"
    color: bool = False
    width: int = 100
    """Columns of the text report: the terminal's when there is one."""
    quiet: bool = False
    batch: bool = False
    """Several files (a summary follows the text reports)."""


@dataclass(frozen=True)
class FileResult:
    """One file's outcome: its rendered report, or why it could not be read."""

    path: str
    chunk: str
    verdict: Verdict | None
    passes: bool
    error: str | None = None
    hint: str | None = None
    details: tuple[str, ...] = ()


def assess_and_render(path: str, options: RunOptions) -> FileResult:
    try:
        report = assess_file(path, path, options.packs, options.limits, options.today)
    except LipcheckError as error:
        hint = render(error.hint, options.lang) if error.hint else None
        details = tuple(render(detail, options.lang) for detail in error.details)
        return FileResult(path, "", None, False, render(error.message, options.lang), hint, details)
    return FileResult(path, _render(report, options), report.verdict, options.gate.passes(report))


def _render(report: Report, options: RunOptions) -> str:
    if options.output is OutputFormat.JSON:
        from lipcheck.render import json as json_render

        return json_render.batch_item(report, options.lang, indent=not options.batch)
    from lipcheck.render import text as text_render

    if options.quiet:
        return text_render.render_line(report)
    return text_render.render_report(report, options.lang, options.color, options.width)


def run(paths: Iterable[str], options: RunOptions, jobs: int = 1) -> Iterator[FileResult]:
    """Each file's result, in the order given; `jobs` > 1 spreads the work over processes."""
    if jobs <= 1:
        for path in paths:
            yield assess_and_render(path, options)
        return
    import multiprocessing  # only here: it costs start-up time a single check does not need

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(options,)) as pool:
        yield from pool.imap(_work, paths, chunksize=32)


_WORKER_OPTIONS: RunOptions | None = None


def _start_worker(options: RunOptions) -> None:
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(path: str) -> FileResult:
    assert _WORKER_OPTIONS is not None
    return assess_and_render(path, _WORKER_OPTIONS)
