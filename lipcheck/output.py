"""Where `lipcheck report` puts each format, what renders it, and writing files so none is ever half-written.

Flags are turned into a plan first (format -> file or standard output), refused with a reason
before any proposal is read when the plan cannot work; the CLI then renders everything and only
then writes, each file through a temporary file in its own folder and an atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from typing_extensions import assert_never

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, Report
from lipcheck.render import ReportFormat

if TYPE_CHECKING:
    from lipcheck.packs import Pack


STDOUT = "-"
DEFAULT_NAME = "lipcheck-report"


@dataclass(frozen=True)
class Destination:
    """One format of the run and where it goes."""

    format: ReportFormat
    path: Path | None
    """The file to write; None for standard output."""
    in_folder: bool = False
    """Written into the folder given with `-o DIR`, which is made when missing."""


def render(
    output_format: ReportFormat,
    reports: Sequence[Report],
    packs: Mapping[str, Pack],
    lang: str = "en",
    root: Path | None = None,
) -> str:
    """`reports` in `output_format`; each renderer is imported only when its format is asked for."""
    if output_format is ReportFormat.HTML:
        from lipcheck.render import html

        return html.render_reports(reports, lang)
    if output_format is ReportFormat.MARKDOWN:
        from lipcheck.render import markdown

        return markdown.render_reports(reports, lang)
    if output_format is ReportFormat.SARIF:
        from lipcheck.render import sarif

        return sarif.render_reports(reports, packs, lang, root)
    if output_format is ReportFormat.JUNIT:
        from lipcheck.render import junit

        return junit.render_reports(reports, lang)
    if output_format is ReportFormat.JSON:
        return _json(reports, lang)
    if output_format is ReportFormat.GITHUB:
        from lipcheck.render import github

        return github.render_reports(reports, lang)
    assert_never(output_format)


def _json(reports: Sequence[Report], lang: str) -> str:
    """The same document `lipcheck validate --format json` prints: one object, whatever the count."""
    from lipcheck.findings import Summary
    from lipcheck.render import json

    summary = Summary()
    for report in reports:
        summary.count(report.verdict)
    items = ",\n".join(json.batch_item(report, lang, indent=len(reports) == 1) for report in reports)
    parts = [json.batch_start(), items, json.batch_end(summary)]
    return "".join(parts)


def plan(
    formats: Sequence[ReportFormat], outputs: Sequence[str], inputs: Sequence[Path]
) -> tuple[Destination, ...]:
    """Pair formats with `-o` values: none (HTML to lipcheck-report.html, the rest to standard
    output), one folder (every format into it, GitHub commands still to standard output), or one
    each in order (`-` is standard output). Raises LipcheckError when the pairing cannot work.
    """
    chosen = tuple(dict.fromkeys(formats))
    if not outputs:
        destinations = tuple(
            Destination(f, Path(DEFAULT_NAME + f.extension) if f is ReportFormat.HTML else None)
            for f in chosen
        )
    elif len(outputs) == 1 and _is_folder(outputs[0]):
        folder = Path(outputs[0])
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
    _check_targets(destinations, inputs)
    return destinations


def _is_folder(target: str) -> bool:
    return target != STDOUT and (target.endswith(("/", os.sep)) or Path(target).is_dir())


def _check_targets(destinations: Sequence[Destination], inputs: Sequence[Path]) -> None:
    seen: set[Path] = set()
    proposals = {_identity(path) for path in inputs}
    for destination in destinations:
        if destination.path is None:
            continue
        identity = _identity(destination.path)
        if identity in seen:
            raise LipcheckError(Message("cli.report.same-output", {"path": str(destination.path)}))
        seen.add(identity)
        if identity in proposals:
            raise LipcheckError(Message("cli.report.overwrites-input", {"path": str(destination.path)}))


def _identity(path: Path) -> Path:
    # resolve() follows symlinks, so a link to a proposal is caught as the proposal itself.
    return path.resolve()


def write_atomic(path: Path, content: str, make_folder: bool = False) -> None:
    """Write `content` to `path` whole or not at all: a temporary file beside it, then a rename.

    A reader (or a crash) sees either the old file or the complete new one, never a part.
    Raises LipcheckError with the reason when the file cannot be written.
    """
    folder = path.parent
    if make_folder:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _write_failed(path, error) from None
    if not folder.is_dir():
        raise LipcheckError(Message("cli.report.no-folder", {"path": str(path), "folder": str(folder)}))
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
        temporary.replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise _write_failed(path, error) from None
        raise


def append_text(path: Path, content: str) -> None:
    """Add `content` to the end of `path` (GitHub's job summary file, which other steps share)."""
    try:
        with path.open("a", encoding="utf-8", newline="") as stream:
            stream.write(content)
    except OSError as error:
        raise _write_failed(path, error) from None


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
    return LipcheckError(Message("cli.report.write-failed", {"path": str(path), "reason": reason}))
