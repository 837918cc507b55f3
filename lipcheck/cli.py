"""The command line: flags become one options object, the pipeline runs, and only here do we print and exit.

Exit codes: 0 every proposal meets the gate; 1 one falls short; 2 lipcheck could not run.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from lipcheck import __version__
from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, ProposalRow, Severity, Summary
from lipcheck.loader import Limits
from lipcheck.messages import LANGUAGES, render, text
from lipcheck.model import ISO_DATE
from lipcheck.packs import Pack, load_pack
from lipcheck.packs.registry import DEFAULT_PACK
from lipcheck.paths import shown_path
from lipcheck.pipeline import Packs
from lipcheck.render import DiffFormat, OutputFormat, ReportFormat, one_decimal
from lipcheck.render.portfolio_rows import SortOrder
from lipcheck.run.runner import FileResult, RunOptions, assess_settled, judge_run, run
from lipcheck.run.settings import Configs, Flags

if TYPE_CHECKING:
    from lipcheck.run.discover import Found

EXIT_OK, EXIT_SHORT, EXIT_ERROR = 0, 1, 2
DEFAULT_PROPOSAL = "proposal.yaml"

app = typer.Typer(
    name="lipcheck",
    help=text("help.app"),
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lipcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=text("help.version"))
    ] = False,
) -> None:
    """lipcheck: readiness checks for Local Immigration Partnership funding proposals."""


PackOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option("--pack", help=text("help.pack")),
]
LangOption = Annotated[str, typer.Option("--lang", help=text("help.lang", languages=", ".join(LANGUAGES)))]
FilesArgument = Annotated[
    Optional[list[str]],  # noqa: UP045 - text, not Path: pathlib keeps every name it parses
    typer.Argument(help=text("help.files"), show_default=False),
]
FailUnderOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--fail-under", min=0, max=100, help=text("help.fail-under")),
]
FailOnOption = Annotated[
    Optional[Severity],  # noqa: UP045
    typer.Option("--fail-on", help=text("help.fail-on")),
]
TodayOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help=text("help.today")),
]
# The most a limit may be: what the platform can hold as a size (the file is read with one byte
# to spare). A larger number is refused as a usage error (exit 2), not met later as an overflow.
_MOST = sys.maxsize - 1
MaxFileSize = Annotated[int, typer.Option(min=1, max=_MOST, help=text("help.max-file-size"))]
MaxDepth = Annotated[int, typer.Option(min=1, max=_MOST, help=text("help.max-depth"))]
MaxAliases = Annotated[int, typer.Option(min=0, max=_MOST, help=text("help.max-aliases"))]
MaxNodes = Annotated[int, typer.Option(min=1, max=_MOST, help=text("help.max-nodes"))]
FollowSymlinks = Annotated[bool, typer.Option("--follow-symlinks", help=text("help.follow-symlinks"))]
ConfigOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--config", metavar="PATH", help=text("help.config"), show_default=False),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help=text("help.no-config"))]
JobsOption = Annotated[str, typer.Option("--jobs", "-j", help=text("help.jobs"))]
SortOption = Annotated[SortOrder, typer.Option("--sort", help=text("help.sort"))]
NoProgressOption = Annotated[bool, typer.Option("--no-progress", help=text("help.no-progress"))]
ExcludeOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--exclude", metavar="GLOB", help=text("help.exclude"), show_default=False),
]


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, as in a container), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _jobs(value: str) -> int:
    if value == "auto":
        return usable_cores()
    if not value.isdigit() or int(value) < 1 or len(value) > 6:
        _fail(Message("cli.bad-jobs", {"value": value}), Message("hint.jobs"))
    return int(value)


@app.command(help=text("help.validate"))
def validate(
    files: FilesArgument = None,
    pack: PackOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help=text("help.format"))
    ] = OutputFormat.TEXT,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=text("help.quiet"))] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=text("help.no-color"))] = False,
    lang: LangOption = "en",
    jobs: JobsOption = "auto",
    summary_only: Annotated[bool, typer.Option("--summary-only", help=text("help.summary-only"))] = False,
    sort: SortOption = SortOrder.PATH,
    excel: Annotated[bool, typer.Option("--excel", help=text("help.excel"))] = False,
    no_progress: NoProgressOption = False,
    exclude: ExcludeOption = None,
    max_file_size: MaxFileSize = Limits.max_bytes,
    max_depth: MaxDepth = Limits.max_depth,
    max_aliases: MaxAliases = Limits.max_aliases,
    max_nodes: MaxNodes = Limits.max_nodes,
    follow_symlinks: FollowSymlinks = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check proposals and print a scored gap report."""
    _check_lang(lang)
    flags = Flags(pack, fail_under, fail_on, config, no_config)
    configs = Configs(flags)
    paths = _proposals(files, configs, exclude, follow_symlinks, quiet)
    packs = Packs(forced=pack)
    _load_forced_pack(packs)
    batch = len(paths) > 1
    workers = _jobs(jobs)
    csv_rules = _csv_rules(packs) if output_format is OutputFormat.CSV else ()
    text_table = (batch or summary_only) and output_format is OutputFormat.TEXT
    options = RunOptions(
        output=output_format,
        packs=packs,
        limits=Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks),
        today=_today(today),
        flags=flags,
        configs=configs,
        lang=lang,
        color=_color(no_color),
        width=_width(),
        quiet=quiet,
        batch=batch,
        csv_rules=csv_rules,
        summary_only=summary_only and output_format is OutputFormat.TEXT,
    )
    json_batch = output_format is OutputFormat.JSON  # one object, for one file as for many
    if json_batch:
        from lipcheck.render import json as json_render

        _out(json_render.batch_start())
    summary = Summary()
    short = errors = 0
    # Modules, packs and schemas live for the whole run: keep the collector from rescanning them
    # after every few files (worker processes inherit the frozen state).
    gc.freeze()
    if output_format is OutputFormat.CSV:
        from lipcheck.render import csv as csv_render

        _out(csv_render.header(csv_rules, excel))
    rows: list[ProposalRow] = []  # small rows, for the summary table only
    results = run(paths, options, jobs=min(workers, len(paths)))
    from lipcheck import progress

    bar = progress.Progress(len(paths), progress.wanted(quiet, no_progress), text("progress.checking", lang))
    try:
        with bar:
            for result in results:
                bar.advance()
                if result.verdict is None:
                    errors += 1
                    summary.unreadable += 1
                    _diagnose_text(result.error or "", result.hint, result.details)
                    _out(_unreadable_record(output_format, result, csv_rules))
                    continue
                summary.count(result.verdict, result.passes)
                short += not result.passes
                if text_table and result.row is not None:
                    rows.append(_slim(result.row))
                if options.summary_only:
                    continue
                plain = output_format is OutputFormat.TEXT and not quiet
                separator = "" if summary.files == 1 else (",\n" if json_batch else "\n" if plain else "")
                _out(separator + result.chunk)
                if quiet and result.why:
                    _diagnose_text(f"{result.path}: {result.why}", None)
        if json_batch:
            _out(json_render.batch_end(summary, lang))
        elif output_format is OutputFormat.JSONL:
            from lipcheck.render import jsonl

            _out(jsonl.summary_line(summary, lang))
        elif text_table:
            from lipcheck.render import text as text_render
            from lipcheck.render.portfolio_rows import sorted_rows

            run_gate = judge_run(summary)
            color, width = options.color, options.width
            table = "" if quiet else text_render.render_table(sorted_rows(rows, sort), lang, color, width)
            lead = "" if quiet or options.summary_only else "\n"
            _out(lead + table + text_render.render_summary(summary, lang, color, width, run_gate))
    except OutputLost as lost:
        results.close()  # stops the workers, if any
        unchecked = len(paths) - summary.files - errors
        _diagnose(lost)
        if unchecked:
            _diagnose_text(text("cli.not-checked", lang, count=unchecked, files=len(paths)), None)
        # Every file checked: the verdict is complete and stands; the reader only stopped reading.
        if not (lost.broken_pipe and not unchecked):
            raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(EXIT_ERROR if errors else EXIT_SHORT if short else EXIT_OK)


@app.command("rules", help=text("help.rules"))
def list_rules(pack: PackOption = None, lang: LangOption = "en") -> None:
    """List the rules of a pack with severity, weight, the pack each comes from and what changed."""
    _check_lang(lang)

    loaded = _load(pack or DEFAULT_PACK)
    from lipcheck.render.rule_reference import rules_table

    _out(rules_table(loaded, "flag" if pack else "default", lang))


@app.command("packs", help=text("help.packs"))
def list_packs(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help=text("help.packs-format"))
    ] = OutputFormat.TEXT,
    lang: LangOption = "en",
) -> None:
    """List the shipped rule packs."""
    _check_lang(lang)
    from lipcheck.packs.registry import shipped_ids
    from lipcheck.render.rule_reference import packs_json, packs_table

    packs = [_load(pack_id) for pack_id in shipped_ids()]
    _out(packs_json(packs) if output_format is OutputFormat.JSON else packs_table(packs, lang))


@app.command(help=text("help.explain"))
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help=text("help.rule"))],
    pack: PackOption = None,
    lang: LangOption = "en",
) -> None:
    """Explain one rule: why it matters, how it is checked, how to meet it."""
    _check_lang(lang)
    loaded = _load(pack or DEFAULT_PACK)
    rule = loaded.rule(rule_id)
    if rule is None:
        _fail(Message("cli.unknown-rule", {"rule": rule_id, "pack": loaded.id}), Message("cli.hint-rules"))
    from lipcheck.render.rule_reference import explain_rule

    _out(explain_rule(rule, loaded, "flag" if pack else "default", lang))


@app.command(help=text("help.schema"))
def schema() -> None:
    """Print the proposal format as JSON Schema."""
    from lipcheck.schema import schema_json

    _out(schema_json())


def _csv_rules(packs: Packs) -> tuple[str, ...]:
    """The CSV rule columns: each shipped pack's rules, then the `--pack` pack's, in a fixed order."""
    from lipcheck.packs.registry import shipped_ids
    from lipcheck.render.csv import rule_columns

    ids = [*shipped_ids(), *([packs.forced] if packs.forced and packs.forced not in shipped_ids() else [])]
    loaded = [packs.loaded.get(pack_id) or _load(pack_id) for pack_id in ids]
    return rule_columns([rule.id for rule in pack.rules] for pack in loaded)


def _unreadable_record(output_format: OutputFormat, result: FileResult, csv_rules: tuple[str, ...]) -> str:
    """A file that could not be read, in the formats that keep a record for every file (CSV, JSONL)."""
    if output_format is OutputFormat.CSV:
        from lipcheck.render import csv as csv_render

        return csv_render.unreadable_row(shown_path(result.path), csv_rules)
    if output_format is OutputFormat.JSONL:
        from lipcheck.render import jsonl

        return jsonl.unreadable_line(shown_path(result.path), result.error or "", result.hint)
    return ""


def _slim(row: ProposalRow) -> ProposalRow:
    """The row without its heat-map cells: the text table needs only its first columns."""
    from dataclasses import replace

    return replace(row, cells=(), sectors=())


def _load(name: str) -> Pack:
    try:
        return load_pack(name)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None


def _proposals(
    files: list[str] | None,
    configs: Configs,
    exclude: list[str] | None = None,
    follow_symlinks: bool = False,
    quiet: bool = False,
) -> list[str]:
    """The files to check: those named (folders searched, patterns expanded), else the config's
    `proposals`, else `proposal.yaml`. Says on stderr how many other YAML files were skipped."""
    if files:
        search = _found(files, exclude or [], follow_symlinks)
        if search.skipped and not quiet:
            message_id = "discover.skipped-one" if search.skipped == 1 else "discover.skipped"
            _diagnose_text(text(message_id, count=search.skipped), None)
        return list(search.files)
    try:
        config = configs.for_run()
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    if config is not None and config.file.proposals:
        found = config.proposals()
        if not found:
            _fail(Message("config.no-proposals", {"path": config.shown}), Message("hint.config-proposals"))
        return found
    if not Path(DEFAULT_PROPOSAL).exists():
        _fail(Message("input.no-default"), Message("hint.input"))
    return [DEFAULT_PROPOSAL]


def _found(files: list[str], exclude: list[str], follow_symlinks: bool) -> Found:
    from lipcheck.run.discover import find

    try:
        return find(files, exclude, follow_symlinks)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None


def _searched(files: list[str] | None) -> bool:
    """A folder or a pattern among the arguments: a collection, even when it holds one proposal."""
    from lipcheck.run.discover import searched

    return searched(files or [])


def _load_forced_pack(packs: Packs) -> None:
    if packs.forced is not None:
        packs.loaded[packs.forced] = _load(packs.forced)


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        _fail(Message("cli.unknown-lang", {"lang": lang, "languages": ", ".join(LANGUAGES)}))


def _today(given: str | None) -> dt.date:
    if given is None:
        return dt.date.today()
    # fromisoformat also takes 20260101 and 2026-W01-1; the docs promise YYYY-MM-DD only.
    if not ISO_DATE.match(given):
        _fail(Message("cli.bad-today", {"value": given}), Message("hint.iso-date"))
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        _fail(Message("cli.bad-today", {"value": given}), Message("hint.iso-date"))


def _width() -> int:
    """The terminal's width when the report goes to one (within reason), else 100 columns."""
    if sys.stdout is None or not sys.stdout.isatty():
        return 100
    return max(60, min(160, shutil.get_terminal_size((100, 24)).columns))


def _color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout is not None and sys.stdout.isatty()


_SLICE = 2048  # characters: at most 8 KiB of UTF-8, the size of Python's output buffer


class OutputLost(LipcheckError):
    """Standard output cannot take the report: closed, a reader gone (broken pipe), full, or not UTF-8."""

    def __init__(self, message: Message, hint: Message | None = None, broken_pipe: bool = False) -> None:
        super().__init__(message, hint)
        self.broken_pipe = broken_pipe


def _out(chunk: str) -> None:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise OutputLost(Message("cli.stdout-closed"), Message("hint.stdout-closed"))
    try:
        # In slices that fit the stream's buffer: one write larger than the buffer that fails
        # after a partial write (a reader gone, a full disk) returns as if it had succeeded.
        for start in range(0, len(chunk), _SLICE):
            sys.stdout.write(chunk[start : start + _SLICE])
    except UnicodeEncodeError as error:
        char = str(error.object[error.start])
        args = {"char": char, "code": f"U+{ord(char):04X}", "encoding": sys.stdout.encoding}
        raise OutputLost(Message("cli.stdout-encoding", args), Message("hint.stdout-encoding")) from None
    except OSError as error:
        raise _lost(error) from None


def _lost(error: OSError) -> OutputLost:
    """The failure to write to standard output as a message; later writes go nowhere, quietly."""
    _silence_stdout()
    if isinstance(error, BrokenPipeError):
        return OutputLost(Message("cli.broken-pipe"), None, broken_pipe=True)
    return OutputLost(Message("cli.stdout-failed", {"reason": error.strerror or str(error)}))


def _silence_stdout() -> None:
    # Python flushes standard output once more as it exits, and would print a second error.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout(code: int) -> int:
    """Flush what is left for standard output; `code` stands unless that fails (broken pipe: see docs)."""
    if sys.stdout is None:
        return code
    try:
        sys.stdout.flush()
    except OSError as error:
        lost = _lost(error)
        _diagnose(lost)
        return code if lost.broken_pipe and code in (EXIT_OK, EXIT_SHORT) else EXIT_ERROR
    return code


def _diagnose(error: LipcheckError) -> None:
    details = tuple(render(detail) for detail in error.details)
    _diagnose_text(render(error.message), render(error.hint) if error.hint else None, details)


def _diagnose_text(
    message: str, hint: str | None, details: tuple[str, ...] = (), prefix: str = "lipcheck: "
) -> None:
    # File names and values in a message come from the user: CI logs read stderr too. Each line
    # is made safe on its own, so a newline inside a file name stays escaped.
    from lipcheck.render.text import terminal_safe

    if sys.stderr is None:
        return
    sys.stderr.write(f"{prefix}{terminal_safe(message)}\n")
    for detail in details:
        sys.stderr.write(f"  {terminal_safe(detail)}\n")
    if hint:
        sys.stderr.write(f"  hint: {terminal_safe(hint)}\n")


def _fail(message: Message, hint: Message | None = None) -> NoReturn:
    _diagnose(LipcheckError(message, hint))
    raise typer.Exit(EXIT_ERROR)


@app.command(help=text("help.report"))
def report(
    files: FilesArgument = None,
    formats: Annotated[
        Optional[list[ReportFormat]],  # noqa: UP045
        typer.Option("--format", "-f", help=text("help.report-format"), show_default=False),
    ] = None,
    html: Annotated[bool, typer.Option("--html", help=text("help.html"))] = False,
    outputs: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help=text("help.output"),
            show_default=False,
        ),
    ] = None,
    pack: PackOption = None,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = None,
    lang: LangOption = "en",
    max_file_size: MaxFileSize = Limits.max_bytes,
    max_depth: MaxDepth = Limits.max_depth,
    max_aliases: MaxAliases = Limits.max_aliases,
    max_nodes: MaxNodes = Limits.max_nodes,
    follow_symlinks: FollowSymlinks = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    exclude: ExcludeOption = None,
    jobs: JobsOption = "auto",
    sort: SortOption = SortOrder.PATH,
    no_progress: NoProgressOption = False,
) -> None:
    """Write reports for people (HTML, Markdown) and pipelines (SARIF, JUnit, JSON, GitHub)."""
    from lipcheck import output

    _check_lang(lang)
    chosen = list(dict.fromkeys([*(formats or []), *([ReportFormat.HTML] if html else [])]))
    flags = Flags(pack, fail_under, fail_on, config, no_config)
    configs = Configs(flags)
    paths = [Path(name) for name in _proposals(files, configs, exclude, follow_symlinks)]
    limits = Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks)
    many = len(paths) > 1 or _searched(files)
    if chosen in ([], [ReportFormat.HTML]) and output.is_folder_target(outputs or []) and many:
        assert outputs is not None
        portfolio = _Portfolio(flags, configs, limits, _today(today), lang, sort)
        raise typer.Exit(portfolio.write(paths, outputs[0], _jobs(jobs), progress_wanted(False, no_progress)))
    try:
        destinations = output.plan(chosen or [ReportFormat.HTML], outputs or [], paths)
        summary_name = os.environ.get("GITHUB_STEP_SUMMARY") if ReportFormat.GITHUB in chosen else None
        summary_file = output.step_summary(summary_name, paths)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    packs = Packs(forced=pack)
    _load_forced_pack(packs)
    reference = _today(today)
    reports = []
    errors = 0
    for path in paths:
        try:
            reports.append(assess_settled(str(path), str(path), packs, limits, reference, configs))
        except LipcheckError as error:
            _diagnose(error)
            errors += 1
    try:
        # Everything is rendered before anything is written: a failure leaves no report behind.
        rendered = [
            (destination, output.render(destination.format, reports, packs.loaded, lang, Path.cwd()))
            for destination in destinations
        ]
        output.write_all(rendered)
        for destination, content in rendered:
            if destination.path is None:
                _out(content)
            else:
                _diagnose_text(
                    text("cli.report.written", lang, path=shown_path(destination.path)), None, prefix=""
                )
        if summary_file is not None and summary_file.write_to is not None:
            summary = output.render(ReportFormat.MARKDOWN, reports, packs.loaded, lang)
            output.append_text(summary_file.write_to, summary + "\n")
    except LipcheckError as error:
        _diagnose(error)
        # Every proposal is checked before anything is written: after a broken pipe the verdict stands.
        if not (isinstance(error, OutputLost) and error.broken_pipe):
            raise typer.Exit(EXIT_ERROR) from None
    short = sum(not (report.gate is None or report.gate.passed) for report in reports)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_SHORT if short else EXIT_OK)


@app.command(help=text("help.diff"))
def diff(
    files: Annotated[list[str], typer.Argument(help=text("help.files"), show_default=False)],
    against: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--against", metavar="REV", help=text("help.against")),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", help=text("help.diff-format"))
    ] = DiffFormat.TEXT,
    fail_on_drop: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--fail-on-drop",
            metavar="[POINTS]",
            min=0,
            help=text("help.fail-on-drop"),
        ),
    ] = None,
    pack: PackOption = None,
    lang: LangOption = "en",
    max_file_size: MaxFileSize = Limits.max_bytes,
    follow_symlinks: FollowSymlinks = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Compare two drafts (OLD NEW), or each file with its content at `--against REV`.

    Both drafts are judged under the settings of the new one (flags over its config), so a change
    in the score is the proposal's, not the config's.
    """
    from lipcheck import revisions
    from lipcheck.diff import compare
    from lipcheck.loader import load_bytes
    from lipcheck.pipeline import assess, assess_file
    from lipcheck.render.diff import render as render_diff
    from lipcheck.run.runner import Gate
    from lipcheck.run.settings import resolve

    _check_lang(lang)
    if (against is None and len(files) != 2) or not files:
        _fail(Message("diff.usage"), Message("hint.diff.usage"))
    packs = Packs(forced=pack)
    _load_forced_pack(packs)
    limits = replace(Limits(), max_bytes=max_file_size, follow_symlinks=follow_symlinks)
    reference = _today(today)
    flags = Flags(pack, None, None, config, no_config)
    configs = Configs(flags)
    changes = []
    try:
        if against is None:
            old, new = files
            settings = resolve(flags, new, configs)
            gate = Gate(settings.fail_under, settings.fail_on)
            before = gate.judged(assess_file(old, old, packs, limits, reference, settings))
            after = gate.judged(assess_file(new, new, packs, limits, reference, settings))
            changes.append(compare(shown_path(new), before, after))
        else:
            revisions.check_revision(against)
            for name in files:
                settings = resolve(flags, name, configs)
                gate = Gate(settings.fail_under, settings.fail_on)
                after = gate.judged(assess_file(name, name, packs, limits, reference, settings))
                raw = revisions.read_at(against, name, limits.max_bytes)
                was = None
                if raw is not None:
                    folder = Path(os.path.dirname(name) or ".")  # noqa: PTH120
                    document = load_bytes(raw, limits)
                    shown = shown_path(name)
                    was = gate.judged(assess(document, shown, packs, reference, folder, settings))
                changes.append(compare(shown_path(name), was, after))
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    _out(render_diff(changes, output_format, lang))
    dropped = [] if fail_on_drop is None else [c for c in changes if c.dropped_more_than(fail_on_drop)]
    for change in dropped:
        delta = change.score_delta
        points = one_decimal(-delta) if delta is not None else "–"
        args = {"path": change.path, "points": points, "limit": f"{fail_on_drop:g}"}
        _diagnose_text(text("diff.dropped", lang, **args), None)
    raise typer.Exit(EXIT_SHORT if dropped else EXIT_OK)


def _optional_value(argv: list[str], option: str, default: str) -> list[str]:
    """`option` given without its value (last, or before another option or a file) gets `default`.

    Click has no option whose value may be left out; this keeps `--fail-on-drop` and
    `--fail-on-drop 5` both working. Only the `diff` command has such an option.
    """
    if "diff" not in argv[:1] or option not in argv:
        return argv
    out: list[str] = []
    for index, argument in enumerate(argv):
        out.append(argument)
        following = argv[index + 1] if index + 1 < len(argv) else None
        if argument == option and (following is None or not _is_number(following)):
            out.append(default)
    return out


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def progress_wanted(quiet: bool, no_progress: bool) -> bool:
    from lipcheck import progress

    return progress.wanted(quiet, no_progress)


@dataclass
class _Portfolio:
    """`lipcheck report FOLDER... -o OUT/`: a page a proposal as each is checked, then the index."""

    flags: Flags
    configs: Configs
    limits: Limits
    today: dt.date
    lang: str
    sort: SortOrder

    def write(self, paths: list[Path], folder: str, jobs: int, show_progress: bool) -> int:
        from lipcheck import output, progress
        from lipcheck.render.portfolio import INDEX, PortfolioIndex, page_name, render_index

        try:
            plan = output.plan_portfolio(folder, paths, INDEX)
        except LipcheckError as error:
            _diagnose(error)
            return EXIT_ERROR
        packs = Packs(forced=self.flags.pack)
        _load_forced_pack(packs)
        options = RunOptions(
            OutputFormat.TEXT,
            packs,
            self.limits,
            self.today,
            self.flags,
            self.configs,
            self.lang,
            batch=True,
            pages=True,
        )
        index, taken, titles, calls = PortfolioIndex(), {"index"}, dict[str, str](), set[str]()
        errors = short = 0
        names = [str(path) for path in paths]
        results = run(names, options, jobs=min(jobs, len(names)))
        bar = progress.Progress(len(names), show_progress, text("progress.checking", self.lang))
        try:
            with bar:
                for result in results:
                    bar.advance()
                    if result.verdict is None or result.row is None:
                        errors += 1
                        _diagnose_text(result.error or "", result.hint, result.details)
                        index.add_unreadable(shown_path(result.path))
                        continue
                    short += not result.passes
                    name = page_name(result.row.path, taken)
                    output.write_all([(plan.page(name), result.chunk)])
                    if result.row.call not in calls:
                        calls.add(result.row.call)
                        titles.update({rule.id: rule.title for rule in packs.get(result.row.call).rules})
                    index.add(result.row, name, titles)
            output.write_stream(plan.index, render_index(index, self.sort, self.lang))
        except LipcheckError as error:
            results.close()
            _diagnose(error)
            return EXIT_ERROR
        written = text(
            "portfolio.written", self.lang, path=shown_path(plan.index.path or folder), count=len(taken) - 1
        )
        _diagnose_text(written, None, prefix="")
        return EXIT_ERROR if errors else EXIT_SHORT if short else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run lipcheck with `argv` and return its exit code (for tests and the console script).

    Ctrl-C gives exit 130 and one line on stderr: Typer turns it into a silent `Exit(130)` inside
    a command, and it reaches us as KeyboardInterrupt anywhere else. Any other exception is a bug
    in lipcheck, never the proposal's fault: it becomes one line and exit 2, so a hostile file
    cannot make CI print a traceback (set LIPCHECK_DEBUG=1 to see it).
    """
    interrupted = 130
    argv = _optional_value(list(sys.argv[1:] if argv is None else argv), "--fail-on-drop", "0")
    try:
        app(args=argv, prog_name="lipcheck", standalone_mode=True)
    except SystemExit as stop:
        code = stop.code
        if code == interrupted:
            sys.stderr.write(text("cli.interrupted") + "\n")
            return interrupted
        return _flush_stdout(code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_ERROR))
    except KeyboardInterrupt:
        sys.stderr.write(text("cli.interrupted") + "\n")
        return interrupted
    except OutputLost as lost:  # from a command that prints one thing (rules, explain, schema)
        _diagnose(lost)
        return EXIT_ERROR
    except Exception as error:
        if os.environ.get("LIPCHECK_DEBUG"):
            raise
        problem = " ".join(f"{type(error).__name__}: {error}".split())
        bug = Message("cli.internal-error", {"problem": problem[:300]})
        _diagnose(LipcheckError(bug, Message("hint.bug")))
        return EXIT_ERROR
    return _flush_stdout(EXIT_OK)
