"""The command line: flags become one options object, the pipeline runs, and only here do we print and exit.

Exit codes: 0 every proposal meets the gate; 1 one falls short; 2 lipcheck could not run.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from lipcheck import __version__
from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, Severity, Summary
from lipcheck.loader import Limits
from lipcheck.messages import LANGUAGES, render, text
from lipcheck.model import ISO_DATE
from lipcheck.packs import Pack, load_pack
from lipcheck.packs.registry import DEFAULT_PACK
from lipcheck.paths import shown_path
from lipcheck.pipeline import Packs
from lipcheck.render import OutputFormat, ReportFormat
from lipcheck.runner import Gate, RunOptions, judge_run, run

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


@app.command(help=text("help.validate"))
def validate(
    files: FilesArgument = None,
    pack: PackOption = None,
    format_name: Annotated[str, typer.Option("--format", help=text("help.format"))] = OutputFormat.TEXT.value,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=text("help.quiet"))] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=text("help.no-color"))] = False,
    lang: LangOption = "en",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=_MOST, help=text("help.jobs"))] = 1,
    max_file_size: MaxFileSize = Limits.max_bytes,
    max_depth: MaxDepth = Limits.max_depth,
    max_aliases: MaxAliases = Limits.max_aliases,
    max_nodes: MaxNodes = Limits.max_nodes,
    follow_symlinks: FollowSymlinks = False,
    today: TodayOption = None,
) -> None:
    """Check proposals and print a scored gap report."""
    _check_lang(lang)
    output_format = _validate_format(format_name)
    paths = files or [DEFAULT_PROPOSAL]
    if not files and not Path(DEFAULT_PROPOSAL).exists():
        _fail(Message("input.no-default"), Message("hint.input"))
    packs = Packs(forced=pack)
    _load_forced_pack(packs)
    batch = len(paths) > 1
    options = RunOptions(
        output=output_format,
        packs=packs,
        limits=Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks),
        today=_today(today),
        gate=Gate(fail_under, fail_on),
        lang=lang,
        color=_color(no_color),
        width=_width(),
        quiet=quiet,
        batch=batch,
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
    results = run(paths, options, jobs=min(jobs, len(paths)))
    try:
        for result in results:
            if result.verdict is None:
                errors += 1
                summary.unreadable += 1
                _diagnose_text(result.error or "", result.hint, result.details)
                continue
            summary.count(result.verdict, result.passes)
            short += not result.passes
            separator = "" if summary.files == 1 else (",\n" if json_batch else "\n" if not quiet else "")
            _out(separator + result.chunk)
            if quiet and result.why:
                _diagnose_text(f"{result.path}: {result.why}", None)
        if json_batch:
            _out(json_render.batch_end(summary, lang))
        elif batch and output_format is OutputFormat.TEXT:
            from lipcheck.render import text as text_render

            if quiet:  # the count line still, under the one line a file; why it failed is on stderr
                _out(text_render.render_summary(summary, lang, options.color, options.width))
            else:
                run_gate = judge_run(summary)
                _out("\n" + text_render.render_summary(summary, lang, options.color, options.width, run_gate))
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


def _validate_format(name: str) -> OutputFormat:
    """`--format` of validate; a report format gets pointed to `lipcheck report`."""
    for known in OutputFormat:
        if name == known.value:
            return known
    if name in {known.value for known in ReportFormat}:
        _fail(
            Message("cli.validate-report-format", {"format": name}),
            Message("hint.validate-report-format", {"format": name}),
        )
    choices = ", ".join(known.value for known in OutputFormat)
    return _fail(Message("cli.unknown-format", {"format": name, "choices": choices}))


RulesPackOption = Annotated[str | None, typer.Option("--pack", help=text("help.rules-pack"))]


@app.command("rules", help=text("help.rules"))
def list_rules(pack: RulesPackOption = None, lang: LangOption = "en") -> None:
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


@app.command(help=text("help.init"))
def init(
    path: Annotated[Path, typer.Argument(help=text("help.init-path"))] = Path(DEFAULT_PROPOSAL),
    call: Annotated[str, typer.Option("--call", help=text("help.init-call"))] = DEFAULT_PACK,
    lang: Annotated[
        str, typer.Option("--lang", help=text("help.init-lang", languages=", ".join(LANGUAGES)))
    ] = "en",
    community: Annotated[str | None, typer.Option("--community", help=text("help.init-community"))] = None,
    province: Annotated[str | None, typer.Option("--province", help=text("help.init-province"))] = None,
    schema_path: Annotated[str | None, typer.Option("--schema", help=text("help.init-schema"))] = None,
    members: Annotated[Path | None, typer.Option("--members", help=text("help.init-members"))] = None,
    example: Annotated[str | None, typer.Option("--example", help=text("help.init-example"))] = None,
    force: Annotated[bool, typer.Option("--force", help=text("help.init-force"))] = False,
) -> None:
    """Write a commented proposal for a call, and the JSON Schema an editor completes it from."""
    # French placeholders (`À compléter`) are written even before the French catalogue lands.
    if lang not in (*LANGUAGES, "fr"):
        _check_lang(lang)
    from lipcheck import authoring

    if example is not None:
        content = authoring.example_text(example)
        if content is None:
            _fail(Message("cli.init.unknown-example", {"name": example}), _examples_hint())
        _write_new(path, content, force)
        return
    pack = _load(call)
    roster: tuple[str, ...] = ()
    if members is not None:
        roster = _roster_lines(members)
    schema_name = schema_path or authoring.SCHEMA_FILE
    content = authoring.template(
        pack, lang, community=community, province=province, schema=schema_name, members=roster
    )
    _write_new(path, content, force)
    if schema_path is None:
        from lipcheck.schema import schema_json

        beside = path.parent / authoring.SCHEMA_FILE
        if beside.is_symlink() or (beside.exists() and not beside.is_file()):
            _fail(Message("cli.init.not-a-file", {"path": shown_path(str(beside))}))
        beside.write_text(schema_json(lang), encoding="utf-8")
        sys.stderr.write(text("cli.init.schema-written", path=shown_path(str(beside))) + "\n")


def _examples_hint() -> Message:
    from lipcheck.authoring import example_names

    return Message("hint.examples", {"names": ", ".join(example_names())})


def _write_new(path: Path, content: str, force: bool) -> None:
    """Write `content` to `path`, which must not exist unless `force` (and then be a regular file)."""
    shown = shown_path(str(path))
    if path.is_symlink() or (path.exists() and not path.is_file()):
        _fail(Message("cli.init.not-a-file", {"path": shown}))
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except FileExistsError:
        _fail(Message("cli.init.exists", {"path": shown}), Message("hint.init.force"))
    except OSError as error:
        _fail(Message("cli.report.write-failed", {"path": shown, "reason": error.strerror or str(error)}))
    sys.stderr.write(text("cli.init.written", path=shown) + "\n")


def _roster_lines(members: Path) -> tuple[str, ...]:
    """The members of a council spreadsheet as YAML flow entries; problems end the run (exit 2)."""
    import json as _json

    from lipcheck.council_file import read_members

    found, problems, _ = read_members(members, shown_path(str(members)))
    if problems:
        for problem in problems:
            _diagnose_text(render(problem.message), render(problem.hint) if problem.hint else None)
        raise typer.Exit(EXIT_ERROR)
    lines = []
    for member in found:
        parts = [f"organization: {_json.dumps(member['organization'], ensure_ascii=False)}"]
        if member.get("sectors"):
            parts.append("sectors: [" + ", ".join(member["sectors"]) + "]")
        for key in ("role", "representative"):
            if member.get(key):
                parts.append(f"{key}: {_json.dumps(member[key], ensure_ascii=False)}")
        lines.append("{" + ", ".join(parts) + "}")
    return tuple(lines)


@app.command(help=text("help.examples"))
def examples(
    name: Annotated[str | None, typer.Argument(help=text("help.examples-name"))] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help=text("help.examples-output"))] = None,
    force: Annotated[bool, typer.Option("--force", help=text("help.init-force"))] = False,
) -> None:
    """List the shipped examples, or write one to a file."""
    from lipcheck import authoring

    if name is None:
        lines = []
        for known in authoring.example_names():
            title = _example_title(authoring.example_text(known) or "")
            lines.append(text("cli.examples.line", name=known, title=title).rstrip())
        _out("\n".join(lines) + "\n")
        return
    content = authoring.example_text(name)
    if content is None:
        _fail(Message("cli.init.unknown-example", {"name": name}), _examples_hint())
    if output == "-":
        _out(content)
        return
    _write_new(Path(output or f"{name}.yaml"), content, force)


def _example_title(content: str) -> str:
    for line in content.splitlines():
        if line.startswith("title:"):
            return line.removeprefix("title:").strip().strip('"')
    return ""


@app.command(help=text("help.sectors"))
def sectors(lang: LangOption = "en") -> None:
    """List the sector codes with their label, what belongs there and the words that signal them."""
    _check_lang(lang)
    from lipcheck.model import SECTOR_CODES
    from lipcheck.sectors import signals_of

    blocks = []
    for code in SECTOR_CODES:
        blocks.append(
            "\n".join(
                (
                    f"{code}  {text('sector.' + code, lang)}",
                    f"  {text('sectors.belongs', lang)}: {text('sector.' + code + '.belongs', lang)}",
                    f"  {text('sectors.signals', lang)}: {', '.join(signals_of(code))}",
                )
            )
        )
    _out("\n\n".join(blocks) + "\n")


@app.command(help=text("help.schema"))
def schema(lang: LangOption = "en") -> None:
    """Print the proposal format as JSON Schema, its titles and descriptions in `lang`."""
    _check_lang(lang)
    from lipcheck.schema import schema_json

    _out(schema_json(lang))


def _load(name: str) -> Pack:
    try:
        return load_pack(name)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None


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
    stamp: Annotated[bool, typer.Option("--stamp", help=text("help.stamp"))] = False,
) -> None:
    """Write reports for people (HTML, Markdown) and pipelines (SARIF, JUnit, JSON, GitHub)."""
    from lipcheck import output
    from lipcheck.pipeline import assess_file

    _check_lang(lang)
    chosen = list(dict.fromkeys([*(formats or []), *([ReportFormat.HTML] if html else [])]))
    paths = [Path(name) for name in files] if files else [Path(DEFAULT_PROPOSAL)]
    if not files and not paths[0].exists():
        _fail(Message("input.no-default"), Message("hint.input"))
    try:
        destinations = output.plan(chosen or [ReportFormat.HTML], outputs or [], paths)
        summary_name = os.environ.get("GITHUB_STEP_SUMMARY") if ReportFormat.GITHUB in chosen else None
        summary_file = output.step_summary(summary_name, paths)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    packs = Packs(forced=pack)
    _load_forced_pack(packs)
    gate = Gate(fail_under, fail_on)
    reference = _today(today)
    dated = output.stamp(stamp, reference)
    limits = Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks)
    reports = []
    errors = 0
    for path in paths:
        try:
            reports.append(gate.judged(assess_file(path, str(path), packs, limits, reference)))
        except LipcheckError as error:
            _diagnose(error)
            errors += 1
    try:
        # Everything is rendered before anything is written: a failure leaves no report behind.
        rendered = [
            (
                destination,
                output.render(
                    destination.format,
                    reports,
                    packs.loaded,
                    lang,
                    Path.cwd(),
                    dated,
                ),
            )
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


def main(argv: list[str] | None = None) -> int:
    """Run lipcheck with `argv` and return its exit code (for tests and the console script).

    Ctrl-C gives exit 130 and one line on stderr: Typer turns it into a silent `Exit(130)` inside
    a command, and it reaches us as KeyboardInterrupt anywhere else. Any other exception is a bug
    in lipcheck, never the proposal's fault: it becomes one line and exit 2, so a hostile file
    cannot make CI print a traceback (set LIPCHECK_DEBUG=1 to see it).
    """
    interrupted = 130
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
