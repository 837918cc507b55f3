"""Check many proposal files in order, on one core or several, yielding each file's rendered report.

Results stream: a file's report is rendered as soon as it is assessed and only the rendered
text travels on, so memory stays flat however many files are checked. With several jobs the
work runs in worker processes (each renders its own reports), a few chunks of files per worker
in flight at a time; the order of files is kept. The gate (when a report falls short, and why)
lives here too, beside the run that applies it.
"""

from __future__ import annotations

import datetime as dt
import functools
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sized
from itertools import chain, islice
from typing import TYPE_CHECKING, Literal

from lipcheck.errors import LipcheckError
from lipcheck.findings import (
    GateResult,
    Message,
    Number,
    ProposalRow,
    Report,
    Severity,
    Summary,
    Verdict,
)
from lipcheck.frozen import changed, frozen
from lipcheck.loader import Limits
from lipcheck.messages import render
from lipcheck.pipeline import Packs, assess_file
from lipcheck.render import OutputFormat, unreachable
from lipcheck.render.sentences import gate_line
from lipcheck.run.settings import Configs, Flags, Settings, resolve
from lipcheck.scoring import failed_blockers

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future


@frozen
class Gate:
    """When a report counts as falling short (exit 1), and the reasons, said the same way by every format."""

    fail_under: float | None = None
    fail_on: Severity | None = None
    fail_under_from: str | None = None
    """The config file that set `fail_under`, named in its reason; None for `--fail-under`."""
    fail_on_from: str | None = None
    """The config file that set `fail_on`; None for `--fail-on`."""

    @classmethod
    def of(cls, settings: Settings) -> Gate:
        """The gate `settings` set, each bar knowing whether the command line or a config set it."""
        return _gate(settings.fail_under, settings.fail_on, settings.fail_under_from, settings.fail_on_from)

    @functools.cached_property
    def _fail_on_setting(self) -> Message:
        """Where the `fail-on` bar was set, as its reason says (the same for every report)."""
        said: dict[str, object] = {"level": self.fail_on.value if self.fail_on else None}
        if self.fail_on_from is None:
            return Message("gate.flag.fail-on", said)
        return Message("gate.config.fail-on", {**said, "config": self.fail_on_from})

    @functools.cached_property
    def _fail_under_setting(self) -> Message:
        """Where the `fail-under` bar was set, as its reason says."""
        bar: dict[str, object] = {"threshold": Number(self.fail_under or 0.0, None)}
        if self.fail_under_from is None:
            return Message("gate.flag.fail-under", bar)
        return Message("gate.config.fail-under", {**bar, "config": self.fail_under_from})

    def passes(self, report: Report) -> bool:
        return self.judge(report).passed

    def judge(self, report: Report) -> GateResult:
        """Pass, or every reason the report falls short, as message ids and arguments."""
        if report.verdict is Verdict.INVALID:
            return GateResult(False, (Message("gate.invalid", {"count": len(report.findings)}),))
        reasons: list[Message] = []
        rules: list[str] = []
        if report.verdict is Verdict.INELIGIBLE:
            blockers = failed_blockers(report.results)
            reasons.append(Message("gate.ineligible", {"rules": ", ".join(blockers)}))
            rules += blockers
        if self.fail_on is not None:
            level = self.fail_on
            # Whether it failed first: most results are met, and a severity's rank is a property.
            short = [r for r in report.results if r.failed and r.severity.rank >= level.rank]
            if short:
                named = ", ".join(f"{r.rule} ({r.severity.value})" for r in short)
                message_id = "gate.fail-on" if len(short) == 1 else "gate.fail-on-many"
                reasons.append(Message(message_id, {"rules": named, "setting": self._fail_on_setting}))
                rules += [r.rule for r in short if r.rule not in rules]
        if self.fail_under is not None:
            if report.score is None or report.score < self.fail_under:
                shown = _shown_below(report.score or 0.0, self.fail_under)
                reasons.append(
                    Message("gate.fail-under", {"score": shown, "setting": self._fail_under_setting})
                )
        elif report.verdict is not Verdict.READY and report.verdict is not Verdict.INELIGIBLE:
            ready = report.thresholds.get("ready", 0.0)
            args = {
                "verdict": Message("verdict." + report.verdict.value),
                "score": _shown_below(report.score or 0.0, ready),
                "ready": Number(ready, None),
            }
            reasons.append(Message("gate.not-ready", args))
        return GateResult(not reasons, tuple(reasons), tuple(rules))

    def judged(self, report: Report) -> Report:
        """`report` carrying this gate's judgement, for the renderers to show."""
        return changed(report, gate=self.judge(report))


@functools.lru_cache(maxsize=64)
def _gate(
    fail_under: float | None, fail_on: Severity | None, fail_under_from: str | None, fail_on_from: str | None
) -> Gate:
    """One Gate for each set of bars: the files of a run share it, and the messages it makes once."""
    return Gate(fail_under, fail_on, fail_under_from, fail_on_from)


def judge_run(summary: Summary) -> GateResult:
    """The whole run's gate: passed when every file was checked and none falls short."""
    reasons = []
    if summary.short:
        reasons.append(Message("gate.files-short", {"count": summary.short, "files": summary.files}))
    if summary.unreadable:
        reasons.append(Message("gate.files-unreadable", {"count": summary.unreadable}))
    return GateResult(not reasons, tuple(reasons))


def _shown_below(score: float, threshold: float) -> Number | str:
    """`score` with one decimal, or as many more as it takes not to look equal to `threshold`."""
    for places in range(1, 7):
        if float(f"{score:.{places}f}") < threshold:
            return Number(score, places)
    return repr(score)


@frozen
class RunOptions:
    """Everything a run needs, parsed from the flags once; the config is resolved per file (settings)."""

    output: OutputFormat
    packs: Packs
    limits: Limits
    today: dt.date
    flags: Flags
    configs: Configs
    lang: str = "en"
    color: bool = False
    width: int = 100
    """Columns of the text report: the terminal's when there is one."""
    quiet: bool = False
    batch: bool = False
    """Several files (a summary follows the text reports)."""
    csv_rules: tuple[str, ...] = ()
    """The rule columns of `--format csv`, fixed before the first row."""
    summary_only: bool = False
    """Only the summary table is printed: no report is rendered."""
    pages: bool = False
    """The portfolio: each report is rendered as its own HTML page, whatever `output` says."""
    rows: Literal["none", "table", "full"] = "full"
    """What each FileResult keeps in `row`: nothing (no table is printed), the text table's columns,
    or the whole row with its cells (the portfolio)."""

    @property
    def brief(self) -> bool:
        """`-q` prints one line a file: a brief report holds all that line and the gate read."""
        return self.quiet and self.output is OutputFormat.TEXT and not self.pages


@frozen
class FileResult:
    """One file's outcome: its rendered report, or why it could not be read."""

    path: str
    chunk: str
    verdict: Verdict | None
    passes: bool
    error: str | None = None
    hint: str | None = None
    why: str | None = None
    """The `FAIL: ...` line when the file falls short (`--quiet` prints it on stderr)."""
    details: tuple[str, ...] = ()
    """Further lines under `error`: each problem of a broken rule pack."""
    row: ProposalRow | None = None
    """What the summary table keeps of the report (None when the file could not be read)."""


def assess_settled(
    path: str,
    shown_as: str,
    packs: Packs,
    limits: Limits,
    today: dt.date,
    configs: Configs,
    brief: bool = False,
) -> Report:
    """The report on `path` under its settings (flags over its config), judged by their gate."""
    settings = resolve(path, configs)
    report = assess_file(path, shown_as, packs, limits, today, settings, brief)
    return Gate.of(settings).judged(report)


def assess_and_render(path: str, options: RunOptions) -> FileResult:
    try:
        report = assess_settled(
            path, path, options.packs, options.limits, options.today, options.configs, options.brief
        )
    except LipcheckError as error:
        return _unreadable(path, error, options.lang)
    assert report.gate is not None
    why = None if report.gate.passed else gate_line(report.gate, options.lang)
    if options.pages:
        from lipcheck.render import html

        chunk = html.render_reports([report], options.lang)
    else:
        chunk = "" if options.summary_only else _render(report, options)
    row = None if options.rows == "none" else ProposalRow.of(report, cells=options.rows == "full")
    return FileResult(path, chunk, report.verdict, report.gate.passed, why=why, row=row)


def _unreadable(path: str, error: LipcheckError, lang: str) -> FileResult:
    hint = render(error.hint, lang) if error.hint else None
    details = tuple(render(detail, lang) for detail in error.details)
    return FileResult(path, "", None, False, render(error.message, lang), hint, details=details)


def _render(report: Report, options: RunOptions) -> str:
    """The one dispatch from `validate --format` to a renderer."""
    output = options.output
    if output is OutputFormat.JSON:
        from lipcheck.render import json as json_render

        return json_render.batch_item(report, options.lang, indent=not options.batch)
    if output is OutputFormat.CSV:
        from lipcheck.render import csv as csv_render

        return csv_render.row(report, options.csv_rules, options.lang)
    if output is OutputFormat.JSONL:
        from lipcheck.render import jsonl

        return jsonl.report_line(report, options.lang)
    if output is OutputFormat.TEXT:
        from lipcheck.render import text as text_render

        if options.quiet:
            return text_render.render_line(report, options.lang)
        return text_render.render_report(report, options.lang, options.color, options.width)
    return unreachable(output)


def run(paths: Iterable[str], options: RunOptions, jobs: int = 1) -> Generator[FileResult, None, None]:
    """Each file's result, in the order given; `jobs` > 1 spreads the work over processes.

    With several jobs, a worker that dies (the OOM killer, `kill -9`) breaks the pool: every file
    not yet checked is then reported as such, at once, instead of waiting for an answer that will
    never come.
    """
    if jobs <= 1:
        for path in paths:
            yield assess_and_render(path, options)
        return
    # Only here: process pools cost start-up time a single check does not need.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(options,))
    # Bounded work in flight keeps memory flat and the order of output; chunks of files keep
    # the cost of a round trip to a worker small beside the work.
    pending: deque[tuple[list[str], Future[list[FileResult]] | None]] = deque()
    chunks = _chunks(paths, _chunk_size(paths, jobs, options.brief and options.rows == "none"), jobs)
    try:
        try:
            for chunk in chunks:
                try:
                    pending.append((chunk, executor.submit(_work, chunk)))
                except BrokenProcessPool:  # a worker died since the last result came back
                    pending.append((chunk, None))
                    raise
                while len(pending) >= _IN_FLIGHT_PER_JOB * jobs:
                    yield from _oldest(pending)
            while pending:
                yield from _oldest(pending)
        except BrokenProcessPool:
            yield from _after_break(pending, chunks, options.lang)
            _stop(executor)
            return
    except BaseException:
        # Ctrl-C, or the reader stopped: drop the queued work and stop the workers now rather
        # than let them finish chunks nobody will read.
        _stop(executor)
        raise
    executor.shutdown(wait=True)


_IN_FLIGHT_PER_JOB = 4


def _chunk_size(paths: Iterable[str], jobs: int, brief: bool = False) -> int:
    """Files per round trip to a worker: 32 reports, or 128 of the one-line results of `-q` (each
    round trip costs the parent, which shares the cores with the workers, and those results are small)."""
    if not isinstance(paths, Sized):
        return 8
    most = 128 if brief else 32
    return max(1, min(most, len(paths) // (jobs * _IN_FLIGHT_PER_JOB)))


def _chunks(paths: Iterable[str], size: int, jobs: int = 1) -> Iterator[list[str]]:
    """The files in lists of `size`, and, at the end of a list of known length, in ever smaller ones
    (a quarter of what is left for two jobs, down to 4): a run lasts until its last chunk is done,
    and the workers should finish together rather than one wait a whole chunk for the other."""
    iterator = iter(paths)
    left = len(paths) if isinstance(paths, Sized) else None
    while True:
        step = size if left is None else min(size, max(_SMALLEST_CHUNK, left // (2 * jobs)))
        chunk = list(islice(iterator, step))
        if not chunk:
            return
        if left is not None:
            left -= len(chunk)
        yield chunk


_SMALLEST_CHUNK = 4


def _oldest(pending: deque[tuple[list[str], Future[list[FileResult]] | None]]) -> Iterator[FileResult]:
    """The oldest chunk's results, once they are in; raises BrokenProcessPool if they never will be."""
    _, future = pending[0]
    assert future is not None
    results = future.result()
    pending.popleft()
    yield from results


def _after_break(
    pending: Iterable[tuple[list[str], Future[list[FileResult]] | None]], rest: Iterator[list[str]], lang: str
) -> Iterator[FileResult]:
    """In order: the results of chunks that finished before a worker died, and each file left unchecked.

    The hint comes once, with the first file left unchecked.
    """
    hint: Message | None = Message("hint.run.worker-died")
    for chunk, future in chain(pending, ((chunk, None) for chunk in rest)):
        if future is not None and future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()
            continue
        for path in chunk:
            yield _unreadable(path, LipcheckError(Message("run.worker-died", {"path": path}), hint), lang)
            hint = None


def _stop(executor: Executor) -> None:
    """Shut the pool down without waiting for work in progress: its workers are ended."""
    # The executor keeps no public list of its workers; ending them is what makes a broken or
    # interrupted run return in milliseconds instead of after the chunks in progress.
    processes = list(getattr(executor, "_processes", {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)  # shutdown() forgets it
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)
    # Wait for the pool's own thread to see its workers gone and close its pipes: left running,
    # it races Python's exit handler for them (a "Bad file descriptor" traceback as lipcheck exits).
    if manager is not None:
        manager.join(timeout=5)


_WORKER_OPTIONS: RunOptions | None = None


def _start_worker(options: RunOptions) -> None:
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(chunk: list[str]) -> list[FileResult]:
    assert _WORKER_OPTIONS is not None
    return [assess_and_render(path, _WORKER_OPTIONS) for path in chunk]
