"""Where `lipcheck report` puts each format, what renders it, and writing files so none is ever half-written.

Flags are turned into a plan first (format -> file or standard output), refused with a reason
before any proposal is read when the plan cannot work or a target must not be written (a
symlink out of the working folder, a folder, a socket); the CLI then renders everything and
only then writes: each file through a temporary file in its own folder, and once all of them
are written, the renames. A device or a named pipe is written in place, never replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import select
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, Report
from lipcheck.frozen import frozen
from lipcheck.paths import shown_path, within, working_folder
from lipcheck.render import ReportFormat, unreachable

if TYPE_CHECKING:
    from lipcheck.packs import Pack


STDOUT = "-"
DEFAULT_NAME = "lipcheck-report"


@frozen
class Destination:
    """One format of the run and where it goes."""

    format: ReportFormat
    path: Path | None
    """The file to write; None for standard output."""
    in_folder: bool = False
    """Written into the folder given with `-o DIR`, which is made when missing."""
    write_to: Path | None = None
    """The file actually written: `path`, or the regular file a symlink at `path` leads to."""
    in_place: bool = False
    """Written into what is at `path` (a character device, a named pipe), never replaced."""

    def __post_init__(self) -> None:
        if self.write_to is None and self.path is not None:
            object.__setattr__(self, "write_to", self.path)


def stamp(asked: bool, today: dt.date) -> str | None:
    """The report's date: today's with `--stamp`, SOURCE_DATE_EPOCH's when set, else none.

    Reproducible builds set SOURCE_DATE_EPOCH (seconds since 1970, UTC); a report without either
    carries no date, so the same proposal always gives the same bytes.
    """
    if asked:
        return today.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return None


def render(
    output_format: ReportFormat,
    reports: Sequence[Report],
    packs: Mapping[str, Pack],
    lang: str = "en",
    root: Path | None = None,
    stamp: str | None = None,
    docs: str | None = None,
) -> str:
    """`reports` in `output_format`; each renderer is imported only when its format is asked for.

    `stamp` is the date the HTML report shows (see `stamp()`); without it the report has no date.
    `docs` is where lipcheck's docs are served, for SARIF's links (see `lipcheck.docs_url`).
    """
    if output_format is ReportFormat.HTML:
        from lipcheck.render import html

        return html.render_reports(reports, lang, stamp)
    if output_format is ReportFormat.MARKDOWN:
        from lipcheck.render import markdown

        return markdown.render_reports(reports, lang)
    if output_format is ReportFormat.SARIF:
        from lipcheck.render import sarif

        return sarif.render_reports(reports, packs, lang, root, docs)
    if output_format is ReportFormat.JUNIT:
        from lipcheck.render import junit

        return junit.render_reports(reports, lang)
    if output_format is ReportFormat.JSON:
        return _json(reports, lang)
    if output_format is ReportFormat.GITHUB:
        from lipcheck.render import github

        return github.render_reports(reports, lang)
    return unreachable(output_format)


def _json(reports: Sequence[Report], lang: str) -> str:
    """The same document `lipcheck validate --format json` prints: one object, whatever the count."""
    from lipcheck.findings import Summary
    from lipcheck.render import json

    summary = Summary()
    for report in reports:
        summary.count(report.verdict, report.gate is None or report.gate.passed)
    items = ",\n".join(json.batch_item(report, lang, indent=len(reports) == 1) for report in reports)
    parts = [json.batch_start(lang), items, json.batch_end(summary, lang)]
    return "".join(parts)


def plan(
    formats: Sequence[ReportFormat],
    outputs: Sequence[str],
    inputs: Sequence[Path],
    follow_symlinks: bool = False,
) -> tuple[Destination, ...]:
    """Pair formats with `-o` values: none (HTML to lipcheck-report.html, the rest to standard
    output), one folder (every format into it, GitHub commands still to standard output; several
    formats and one `-o` that does not exist yet make it a folder), or one each in order (`-` is
    standard output). Raises LipcheckError when the pairing cannot work, or when a target is
    something lipcheck must not write to: every refusal is made here, before any proposal is read.
    """
    chosen = tuple(dict.fromkeys(formats))
    if not outputs:
        destinations = tuple(
            Destination(f, Path(DEFAULT_NAME + f.extension) if f is ReportFormat.HTML else None)
            for f in chosen
        )
    elif len(outputs) == 1 and _is_folder(outputs[0], len(chosen)):
        folder = Path(outputs[0])
        _check_folder(folder)
        destinations = tuple(
            Destination(f, None if f is ReportFormat.GITHUB else folder / (DEFAULT_NAME + f.extension), True)
            for f in chosen
        )
    elif len(outputs) == len(chosen):
        destinations = tuple(
            Destination(f, None if target == STDOUT else Path(target))
            for f, target in zip(chosen, outputs, strict=True)
        )
    else:
        raise LipcheckError(Message("cli.report.outputs", {"formats": len(chosen), "outputs": len(outputs)}))
    to_stdout = [d.format.value for d in destinations if d.path is None]
    if len(to_stdout) > 1:
        raise LipcheckError(Message("cli.report.stdout", {"formats": ", ".join(to_stdout)}))
    destinations = tuple(_settled(d, not outputs, follow_symlinks) for d in destinations)
    _check_targets(destinations, inputs)
    return destinations


@frozen
class PortfolioPlan:
    """Where a portfolio goes: `index.html` and one page a proposal, all in one folder."""

    folder: Path
    index: Destination
    inputs: frozenset[object]
    """The proposals' identities: no page may be written over one of them."""

    def page(self, name: str) -> Destination:
        """The page `name` (made safe by the portfolio renderer), checked like any `-o` target."""
        if "/" in name or os.sep in name or name.startswith("."):  # never from page_name: a last guard
            raise LipcheckError(Message("cli.report.output-not-regular", {"path": shown_path(name)}))
        destination = _settled(
            Destination(ReportFormat.HTML, self.folder / name, True),
            chosen_default=False,
            follow_symlinks=False,
        )
        if destination.write_to is not None and _identity(destination.write_to) in self.inputs:
            raise LipcheckError(
                Message("cli.report.overwrites-input", {"path": shown_path(destination.write_to)})
            )
        return destination


def plan_portfolio(folder_name: str, inputs: Sequence[Path], index_name: str) -> PortfolioPlan:
    """The portfolio's folder and index, refused as `plan` refuses, before any proposal is read."""
    folder = Path(folder_name)
    _check_folder(folder)
    identities = frozenset(_identity(path) for path in inputs)
    plan = PortfolioPlan(folder, Destination(ReportFormat.HTML, folder / index_name, True), identities)
    return replace(plan, index=plan.page(index_name))


def is_folder_target(outputs: Sequence[str]) -> bool:
    """Whether the one `-o` names a folder (ends with `/`, or is one)."""
    return len(outputs) == 1 and _is_folder(outputs[0], 1)


def write_stream(destination: Destination, chunks: Iterable[str]) -> None:
    """Write `chunks` one after another to a temporary file beside the target, then rename it over:
    a page as large as a portfolio index never has to be one string in memory. Raises LipcheckError."""
    target = destination.write_to
    if target is None:
        raise LipcheckError(Message("cli.report.output-not-regular", {"path": "-"}))
    made = _make_folders(target)
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise _write_failed(target, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(_mode(target))
        temporary.replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(error, OSError):
            raise _write_failed(target, error) from None
        raise


def step_summary(
    name: str | None, inputs: Sequence[Path], follow_symlinks: bool = False
) -> Destination | None:
    """GitHub's job summary file (`GITHUB_STEP_SUMMARY`), checked like an `-o` target; None when unset.

    The summary is added to the end of the file (other steps write it too), so it is always
    written in place, never through a temporary file.
    """
    if not name:
        return None
    settled = _settled(Destination(ReportFormat.MARKDOWN, Path(name)), False, follow_symlinks)
    summary = Destination(ReportFormat.MARKDOWN, settled.path, write_to=settled.write_to, in_place=True)
    _check_targets((summary,), inputs)
    return summary


def _is_folder(target: str, formats: int) -> bool:
    if target == STDOUT:
        return False
    if target.endswith(("/", os.sep)):
        return True
    try:
        info = os.stat(target)  # noqa: PTH116
    except OSError:
        return formats > 1  # several formats and one path that does not exist yet: a folder to make
    return stat.S_ISDIR(info.st_mode)


def _check_folder(folder: Path) -> None:
    """The `-o DIR` folder: an existing one, or one lipcheck may make, that leads nowhere it should not."""
    _check_route(folder / DEFAULT_NAME, folder)
    try:
        info = os.stat(folder)  # noqa: PTH116
    except FileNotFoundError:
        return
    except OSError as error:
        raise _write_failed(folder, error) from None
    if not stat.S_ISDIR(info.st_mode):
        args = {"path": shown_path(folder), "folder": shown_path(folder)}
        raise LipcheckError(Message("cli.report.parent-not-folder", args))


def _settled(destination: Destination, chosen_default: bool, follow_symlinks: bool) -> Destination:
    """`destination` with the file to write and how, or LipcheckError when lipcheck must not write there.

    A missing path or a regular file is replaced atomically. A symlink is never written through
    (a pull request can make `lipcheck.sarif` lead to `.git/config`), unless the user asked with
    `--follow-symlinks`, and then only to a regular file inside the working folder. Nothing inside
    a `.git` folder of the working folder is written, link or not. A character device (`/dev/null`)
    or a named pipe is written in place, never replaced. A folder, a socket or a block device is
    refused, and so is a path through a symlinked folder out of the working folder. Where the
    default report goes, only a regular file (or nothing) is accepted: a pull request can put a
    folder or a link there.
    """
    path = destination.path
    if path is None:
        return destination
    shown = {"path": shown_path(path)}
    _check_route(path, path.parent)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return destination
    except OSError as error:
        raise _write_failed(path, error) from None
    if chosen_default and not stat.S_ISREG(info.st_mode):
        raise LipcheckError(Message("cli.report.default-taken", shown), Message("hint.output-default", shown))
    if stat.S_ISLNK(info.st_mode):
        if not follow_symlinks:
            raise LipcheckError(
                Message("cli.report.output-is-symlink", shown), Message("hint.output-is-symlink")
            )
        target = os.path.realpath(path)
        try:
            regular = stat.S_ISREG(os.stat(target).st_mode)  # noqa: PTH116
        except OSError:
            regular = False
        if not regular or not within(target, working_folder()):
            raise LipcheckError(Message("cli.report.output-symlink", shown), Message("hint.output-symlink"))
        _check_not_git(path, target)
        return replace(destination, write_to=Path(target))
    if stat.S_ISREG(info.st_mode):
        return destination
    if stat.S_ISDIR(info.st_mode):
        raise LipcheckError(Message("cli.report.output-folder", shown), Message("hint.output-folder"))
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return replace(destination, in_place=True)
    raise LipcheckError(Message("cli.report.output-not-regular", shown), Message("hint.output-not-regular"))


def _check_route(path: Path, folder: Path) -> None:
    """Refuse a path whose folder, inside the working folder, leads out of it through a symlink,
    and one whose nearest existing folder is not a folder (a file where a folder should be)."""
    working = working_folder()
    lexical = os.path.abspath(folder)  # noqa: PTH100
    if within(lexical, os.path.abspath(os.getcwd())) and not within(os.path.realpath(folder), working):  # noqa: PTH100, PTH109
        through = Message("cli.report.output-through-symlink", {"path": shown_path(path)})
        raise LipcheckError(through, Message("hint.output-symlink"))
    _check_not_git(path, os.path.join(os.path.realpath(folder), os.path.basename(path)))  # noqa: PTH118, PTH119
    existing = os.fspath(folder)  # shown as the user wrote it
    while existing not in ("", os.sep) and not os.path.lexists(existing):
        existing = os.path.dirname(existing)  # noqa: PTH120
    existing = existing or os.curdir
    if not os.path.isdir(existing):  # noqa: PTH112
        args = {"path": shown_path(path), "folder": shown_path(existing)}
        raise LipcheckError(Message("cli.report.parent-not-folder", args))


def _check_not_git(path: Path | str, resolved: str) -> None:
    """Refuse `path` when it, as written or resolved, lies in a `.git` folder of the working folder:
    the repository's own files (`config`, hooks) are no report's place, whatever leads there."""
    for candidate, working in (
        (os.path.abspath(path), os.path.abspath(os.getcwd())),  # noqa: PTH100, PTH109
        (resolved, working_folder()),
    ):
        if within(candidate, working):
            parts = Path(os.path.relpath(candidate, working)).parts
            if any(part.casefold() == ".git" for part in parts):
                inside = Message("cli.report.output-in-git", {"path": shown_path(path)})
                raise LipcheckError(inside, Message("hint.output-symlink"))


def _check_targets(destinations: Sequence[Destination], inputs: Sequence[Path]) -> None:
    seen: set[object] = set()
    proposals = {_identity(path) for path in inputs}
    for destination in destinations:
        if destination.write_to is None:
            continue
        identity = _identity(destination.write_to)
        shown = {"path": shown_path(destination.write_to)}
        if identity in seen:
            raise LipcheckError(Message("cli.report.same-output", shown))
        seen.add(identity)
        if identity in proposals:
            raise LipcheckError(Message("cli.report.overwrites-input", shown))


def _identity(path: Path) -> object:
    """The file itself: its device and inode, so that a hard link (or a symlink) to a proposal is
    the proposal; the resolved path of one that does not exist yet."""
    try:
        info = os.stat(path)  # noqa: PTH116 - follows symlinks, as it should here
    except OSError:
        return path.resolve()
    return (info.st_dev, info.st_ino)


def write_all(files: Sequence[tuple[Destination, str]]) -> None:
    """Write each planned file whole, or (as far as a file system allows) none of them.

    Every file is first written to a temporary file beside it and each device or pipe is written
    in place; only when all of that worked are the temporary files renamed over their targets.
    A failure removes the temporary files and any folder made for them. Raises LipcheckError.
    """
    made: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    try:
        for destination, content in files:
            if destination.write_to is not None and not destination.in_place:
                target = destination.write_to
                made += _make_folders(target)
                staged.append((_stage(target, content), target))
        for destination, content in files:
            if destination.write_to is not None and destination.in_place:
                write_in_place(destination.write_to, content)
        for temporary, target in staged:
            try:
                temporary.replace(target)
            except OSError as error:
                raise _write_failed(target, error) from None
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(path: Path) -> list[Path]:
    """Make the missing folders above `path`; the ones made, outermost first."""
    missing: list[Path] = []
    folder = path.parent
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for made, folder in enumerate(reversed(missing)):
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        except OSError as error:
            for undo in missing[len(missing) - made :]:  # innermost first
                with contextlib.suppress(OSError):
                    undo.rmdir()
            raise _write_failed(path, error) from None
    return list(reversed(missing))


def _stage(path: Path, content: str) -> Path:
    """`content` in a new temporary file beside `path`, flushed to disk; its name."""
    folder = path.parent
    if not folder.is_dir():
        raise LipcheckError(
            Message("cli.report.parent-not-folder", {"path": shown_path(path), "folder": shown_path(folder)})
        )
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _write_failed(path, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(_mode(path))
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise _write_failed(path, error) from None
        raise
    return temporary


IN_PLACE_SECONDS = 10.0
"""How long a named pipe's reader may leave lipcheck waiting before the write is given up."""


def write_in_place(path: Path, content: str, append: bool = False) -> None:
    """Write `content` into what is at `path` (a device, a pipe, or GitHub's summary file) without
    replacing it. Never blocks: a pipe nobody reads is refused at once, one whose reader stops is
    given up after IN_PLACE_SECONDS. Raises LipcheckError.
    """
    flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if append:
        flags |= os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a named pipe with no reader
            raise LipcheckError(Message("cli.report.no-reader", {"path": shown_path(path)})) from None
        raise _write_failed(path, error) from None
    try:
        kind = os.fstat(handle).st_mode
        if not (stat.S_ISREG(kind) or stat.S_ISCHR(kind) or stat.S_ISFIFO(kind)):
            raise LipcheckError(Message("cli.report.output-not-regular", {"path": shown_path(path)}))
        _write_bounded(handle, path, content.encode("utf-8"))
    finally:
        os.close(handle)


def _write_bounded(handle: int, path: Path, data: bytes) -> None:
    deadline = time.monotonic() + IN_PLACE_SECONDS
    view = memoryview(data)
    while view:
        try:
            view = view[os.write(handle, view) :]
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                args = {"path": shown_path(path), "seconds": f"{IN_PLACE_SECONDS:g}"}
                raise LipcheckError(Message("cli.report.stalled", args)) from None
            select.select([], [handle], [], left)
        except OSError as error:
            raise _write_failed(path, error) from None


def append_text(path: Path, content: str) -> None:
    """Add `content` to the end of `path` (GitHub's job summary file, which other steps share)."""
    write_in_place(path, content, append=True)


def _mode(path: Path) -> int:
    """Keep an existing report's permissions; a new one gets what the umask allows (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_failed(path: Path, error: OSError) -> LipcheckError:
    reason = error.strerror or str(error)
    return LipcheckError(Message("cli.report.write-failed", {"path": shown_path(path), "reason": reason}))
