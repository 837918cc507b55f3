"""The command line: flags become one options object, the pipeline runs, and only here do we print and exit.

Exit codes: 0 every proposal meets the gate; 1 one falls short; 2 lipcheck could not run.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import gc
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

from lipcheck import __version__
from lipcheck.codes import ISO_DATE
from lipcheck.errors import LipcheckError
from lipcheck.findings import Message, ProposalRow, Severity, Summary
from lipcheck.language import DEFAULT_LANGUAGE, LANGUAGES, choose_language, split_lang_flag
from lipcheck.loader import Limits
from lipcheck.messages import colon, render, text
from lipcheck.packs import Pack, load_pack
from lipcheck.packs.registry import DEFAULT_PACK
from lipcheck.paths import shown_path
from lipcheck.pipeline import Packs
from lipcheck.render import DiffFormat, OutputFormat, ReportFormat, one_decimal
from lipcheck.render.portfolio_rows import SortOrder
from lipcheck.run.runner import FileResult, RunOptions, assess_settled, judge_run, run
from lipcheck.run.settings import Configs, Flags, resolve

if TYPE_CHECKING:
    from lipcheck.run.discover import Found

EXIT_OK, EXIT_SHORT, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
"""Ctrl-C, as a shell reports a process ended by SIGINT."""
DEFAULT_PROPOSAL = "proposal.yaml"

app = typer.Typer(
    name="lipcheck",
    help="help.app",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


LangOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--lang", help="help.lang", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lipcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="help.version")
    ] = False,
    lang: LangOption = None,
) -> None:
    """lipcheck: readiness checks for Local Immigration Partnership funding proposals."""


PackOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option("--pack", help="help.pack"),
]
FilesArgument = Annotated[
    Optional[list[str]],  # noqa: UP045 - text, not Path: pathlib keeps every name it parses
    typer.Argument(help="help.files", show_default=False),
]
FailUnderOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--fail-under", min=0, max=100, help="help.fail-under"),
]
FailOnOption = Annotated[
    Optional[Severity],  # noqa: UP045
    typer.Option("--fail-on", help="help.fail-on"),
]
TodayOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="help.today"),
]
# The most a limit may be: what the platform can hold as a size (the file is read with one byte
# to spare). A larger number is refused as a usage error (exit 2), not met later as an overflow.
_MOST = sys.maxsize - 1
MaxFileSize = Annotated[int, typer.Option(min=1, max=_MOST, help="help.max-file-size")]
MaxDepth = Annotated[int, typer.Option(min=1, max=_MOST, help="help.max-depth")]
MaxAliases = Annotated[int, typer.Option(min=0, max=_MOST, help="help.max-aliases")]
MaxNodes = Annotated[int, typer.Option(min=1, max=_MOST, help="help.max-nodes")]
JOBS_PER_CPU = 4


def most_jobs() -> int:
    """The most processes `--jobs` starts: 4 for each CPU; more only cost memory and start-up time."""
    return JOBS_PER_CPU * (os.cpu_count() or 1)


FollowSymlinks = Annotated[bool, typer.Option("--follow-symlinks", help="help.follow-symlinks")]
ConfigOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--config", metavar="PATH", help="help.config", show_default=False),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="help.no-config")]
JobsOption = Annotated[str, typer.Option("--jobs", "-j", help="help.jobs")]
SortOption = Annotated[SortOrder, typer.Option("--sort", help="help.sort")]
NoProgressOption = Annotated[bool, typer.Option("--no-progress", help="help.no-progress")]
ExcludeOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--exclude", metavar="GLOB", help="help.exclude", show_default=False),
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


@app.command(help="help.validate")
def validate(
    files: FilesArgument = None,
    pack: PackOption = None,
    format_name: Annotated[str, typer.Option("--format", help="help.format")] = OutputFormat.TEXT.value,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="help.quiet")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="help.no-color")] = False,
    lang: LangOption = None,
    jobs: JobsOption = "auto",
    summary_only: Annotated[bool, typer.Option("--summary-only", help="help.summary-only")] = False,
    sort: SortOption = SortOrder.PATH,
    excel: Annotated[bool, typer.Option("--excel", help="help.excel")] = False,
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
    lang_flag = lang
    lang = _language(lang_flag)  # for what is said before the files are known
    output_format = _validate_format(format_name)
    flags = Flags(pack, fail_under, fail_on, config, no_config)
    limits = Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks)
    configs = Configs(flags, limits)
    paths = _proposals(files, configs, exclude, follow_symlinks, quiet)
    lang = _language(lang_flag, paths[0], configs)
    packs = Packs(forced=pack)
    _load_forced_pack(packs, lang)
    batch = len(paths) > 1
    workers = _jobs(jobs)
    csv_rules = _csv_rules(packs) if output_format is OutputFormat.CSV else ()
    text_table = (batch or summary_only) and output_format is OutputFormat.TEXT
    options = RunOptions(
        output=output_format,
        packs=packs,
        limits=limits,
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
        rows="table" if text_table and not quiet else "none",  # -q shows no table
    )
    json_batch = output_format is OutputFormat.JSON  # one object, for one file as for many
    if json_batch:
        from lipcheck.render import json as json_render

        _out(json_render.batch_start(lang))
    summary = Summary()
    short = errors = 0
    # Modules, packs and schemas live for the whole run: keep the collector from rescanning them
    # after every few files (worker processes inherit the frozen state).
    gc.freeze()
    if output_format is OutputFormat.CSV:
        from lipcheck.render import csv as csv_render

        _out(csv_render.header(csv_rules, excel))
    rows: list[ProposalRow] = []  # small rows, for the summary table only
    results = run(paths, options, jobs=min(workers, len(paths), most_jobs()))
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
                if result.row is not None:
                    rows.append(result.row)
                if options.summary_only:
                    continue
                plain = output_format is OutputFormat.TEXT and not quiet
                separator = "" if summary.files == 1 else (",\n" if json_batch else "\n" if plain else "")
                _out(separator + result.chunk)
                if quiet and result.why:
                    _diagnose_text(f"{result.path}{colon(lang)}{result.why}", None)
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


RulesPackOption = Annotated[str | None, typer.Option("--pack", help="help.rules-pack")]


@app.command("rules", help="help.rules")
def list_rules(
    pack: RulesPackOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """List the rules of a pack with severity, weight, the pack each comes from and what changed.

    Under a `.lipcheck.yaml` of the working folder, the pack it chooses, with its `rules` applied.
    """
    loaded, chosen, lang = _pack_for_rules(pack, config, no_config, lang)
    from lipcheck.render.rule_reference import rules_table

    _out(rules_table(loaded, chosen, lang))


def _pack_for_rules(
    pack: str | None, config: str | None, no_config: bool, lang: str | None
) -> tuple[Pack, str, str]:
    """The pack `rules` and `explain` show, why that one (`flag`, `config` or `default`), and the
    language: `--pack`, else the working folder's `.lipcheck.yaml` (its pack, tuned by its `rules`),
    else the default pack."""
    flags = Flags(pack=pack, config=config, no_config=no_config)
    configs = Configs(flags)
    spoken = _language(lang, None, configs)
    try:
        settings = resolve(os.path.join(os.getcwd(), "-"), configs)  # noqa: PTH109, PTH118
        packs = Packs(forced=pack)
        name = settings.pack or settings.default_call or DEFAULT_PACK
        loaded = packs.tuned(packs.get(name, trusted=settings.pack is not None), settings.config)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    _note_untranslated(loaded, spoken)
    chosen = "flag" if pack else "config" if settings.config is not None else "default"
    return loaded, chosen, spoken


@app.command("packs", help="help.packs")
def list_packs(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="help.packs-format")
    ] = OutputFormat.TEXT,
    lang: LangOption = None,
) -> None:
    """List the shipped rule packs."""
    lang = _language(lang)
    from lipcheck.packs.registry import shipped_ids
    from lipcheck.render.rule_reference import packs_json, packs_table

    packs = [_load(pack_id) for pack_id in shipped_ids()]
    _out(packs_json(packs) if output_format is OutputFormat.JSON else packs_table(packs, lang))


@app.command(help="help.explain")
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="help.rule")],
    pack: PackOption = None,
    lang: LangOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Explain one rule: why it matters, how it is checked, how to meet it."""
    loaded, chosen, lang = _pack_for_rules(pack, config, no_config, lang)
    rule = loaded.rule(rule_id)
    if rule is None:
        _fail(Message("cli.unknown-rule", {"rule": rule_id, "pack": loaded.id}), Message("cli.hint-rules"))
    from lipcheck.render.rule_reference import explain_rule

    _out(explain_rule(rule, loaded, chosen, lang))


@app.command("waivers", help="help.waivers")
def list_waivers(
    files: FilesArgument = None,
    today: TodayOption = None,
    expiring_within: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--expiring-within", metavar="DAYS", min=0, help="help.expiring-within"),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    lang: LangOption = None,
) -> None:
    """List every waiver, soonest expiry first; with --expiring-within, exit 1 when one expires soon."""
    from lipcheck.render.text import render_waiver_list
    from lipcheck.waivers import listed

    configs = Configs(Flags(config=config, no_config=no_config))
    lang = _language(lang, files[0] if files else None, configs)
    reference = _today(today)
    try:
        run_config = None if files else configs.for_run()
        if files:
            paths = list(files)
        elif run_config is not None and run_config.file.proposals:
            paths = run_config.proposals()
        else:
            paths = [DEFAULT_PROPOSAL] if Path(DEFAULT_PROPOSAL).exists() else []
        found, invalid = listed(paths, configs, Limits(), run_config)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    for path, findings in invalid:
        for finding in findings:
            where = f"{path}:{finding.location.line}:{finding.location.column}" if finding.location else path
            _diagnose_text(f"{where}: {render(finding.message, lang)}", None)
    _out(render_waiver_list(found, reference, lang))
    if expiring_within is not None:
        soon = [w for w in found if 0 <= (w.expires - reference).days <= expiring_within]
        if soon:
            _diagnose_text(text("waivers.expiring", lang, count=len(soon), days=expiring_within), None)
            raise typer.Exit(EXIT_SHORT)
    raise typer.Exit(EXIT_SHORT if invalid else EXIT_OK)


@app.command(help="help.init")
def init(
    path: Annotated[Path, typer.Argument(help="help.init-path")] = Path(DEFAULT_PROPOSAL),
    call: Annotated[str, typer.Option("--call", help="help.init-call")] = DEFAULT_PACK,
    lang: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--lang", help="help.init-lang", show_default=False),
    ] = None,
    community: Annotated[str | None, typer.Option("--community", help="help.init-community")] = None,
    province: Annotated[str | None, typer.Option("--province", help="help.init-province")] = None,
    schema_path: Annotated[str | None, typer.Option("--schema", help="help.init-schema")] = None,
    members: Annotated[Path | None, typer.Option("--members", help="help.init-members")] = None,
    example: Annotated[str | None, typer.Option("--example", help="help.init-example")] = None,
    force: Annotated[bool, typer.Option("--force", help="help.init-force")] = False,
) -> None:
    """Write a commented proposal for a call, and the JSON Schema an editor completes it from."""
    lang = _language(lang)
    from lipcheck import authoring

    if example is not None:
        content = authoring.example_text(example)
        if content is None:
            _fail(Message("cli.init.unknown-example", {"name": example}), _examples_hint())
        _write_new(path, content, force)
        return
    pack = _load(call, lang)
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
        sys.stderr.write(text("cli.init.schema-written", lang, path=shown_path(str(beside))) + "\n")


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
    sys.stderr.write(text("cli.init.written", _SPOKEN["lang"], path=shown) + "\n")


def _roster_lines(members: Path) -> tuple[str, ...]:
    """The members of a council spreadsheet as YAML flow entries; problems end the run (exit 2)."""
    import json as _json

    from lipcheck.council_file import read_members

    found, problems, _ = read_members(members, shown_path(str(members)))
    if problems:
        for problem in problems:
            _diagnose_text(
                render(problem.message, _SPOKEN["lang"]),
                render(problem.hint, _SPOKEN["lang"]) if problem.hint else None,
            )
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


@app.command(help="help.examples")
def examples(
    name: Annotated[str | None, typer.Argument(help="help.examples-name")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="help.examples-output")] = None,
    force: Annotated[bool, typer.Option("--force", help="help.init-force")] = False,
    lang: LangOption = None,
) -> None:
    """List the shipped examples, or write one to a file."""
    lang = _language(lang)
    from lipcheck import authoring

    if name is None:
        lines = []
        for known in authoring.example_names():
            title = _example_title(authoring.example_text(known) or "")
            lines.append(text("cli.examples.line", lang, name=known, title=title).rstrip())
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


@app.command(help="help.sectors")
def sectors(lang: LangOption = None) -> None:
    """List the sector codes with their label, what belongs there and the words that signal them."""
    lang = _language(lang)
    from lipcheck.codes import SECTOR_CODES
    from lipcheck.sectors import signals_of

    blocks = []
    for code in SECTOR_CODES:
        blocks.append(
            "\n".join(
                (
                    f"{code}  {text('sector.' + code, lang)}",
                    f"  {text('sectors.belongs', lang)}{colon(lang)}{text(f'sector.{code}.belongs', lang)}",
                    f"  {text('sectors.signals', lang)}{colon(lang)}{', '.join(signals_of(code))}",
                )
            )
        )
    _out("\n\n".join(blocks) + "\n")


@app.command(help="help.schema")
def schema(lang: LangOption = None) -> None:
    """Print the proposal format as JSON Schema."""
    from lipcheck.schema import schema_json

    _out(schema_json(_language(lang)))


def _csv_rules(packs: Packs) -> tuple[str, ...]:
    """The CSV rule columns: each shipped pack's rules, then the `--pack` pack's, in a fixed order."""
    from lipcheck.packs.registry import shipped_ids
    from lipcheck.render.csv import rule_columns

    ids = [*shipped_ids(), *([packs.forced] if packs.forced and packs.forced not in shipped_ids() else [])]
    loaded = [packs.loaded.get(pack_id) or _load(pack_id, _SPOKEN["lang"]) for pack_id in ids]
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


def _load(name: str, lang: str = "en") -> Pack:
    try:
        loaded = load_pack(name)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    _note_untranslated(loaded, lang)
    return loaded


def _note_untranslated(loaded: Pack, lang: str) -> None:
    """A user's pack may be English only: say so, rather than mix languages silently."""
    untranslated = loaded.untranslated(lang) if lang != "en" else ()
    if untranslated:
        rules = ", ".join("pack.yaml" if part == "pack" else part for part in untranslated)
        _diagnose_text(text("note.pack-untranslated", lang, pack=loaded.id, rules=rules), None)


def _proposals(
    files: list[str] | None,
    configs: Configs,
    exclude: list[str] | None = None,
    follow_symlinks: bool = False,
    quiet: bool = False,
) -> list[str]:
    """The files to check: those named (folders searched, patterns expanded), else the config's
    `proposals`, else `proposal.yaml`. Says on stderr how many other YAML files were skipped.

    Every config the files fall under is read here, once: a broken one stops the run before any
    proposal is checked, said once rather than once a file.
    """
    if files:
        search = _found(files, exclude or [], follow_symlinks)
        if search.skipped and not quiet:
            _diagnose_text(text("discover.skipped", _SPOKEN["lang"], count=search.skipped), None)
    try:
        paths = list(search.files) if files else _configured(configs)
        for name in paths:
            configs.for_file(name)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    return paths


def _configured(configs: Configs) -> list[str]:
    """With no file named: the proposals of the working folder's config, else `proposal.yaml`."""
    config = configs.for_run()
    if config is not None and config.file.proposals:
        found = config.proposals()
        if not found:
            raise LipcheckError(
                Message("config.no-proposals", {"path": config.shown}), Message("hint.config-proposals")
            )
        return found
    if not Path(DEFAULT_PROPOSAL).exists():
        raise LipcheckError(Message("input.no-default"), Message("hint.input"))
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


def _load_forced_pack(packs: Packs, lang: str) -> None:
    if packs.forced is not None:
        packs.loaded[packs.forced] = _load(packs.forced, lang)


_SPOKEN = {"lang": "en"}
"""The language of the run, for what is said before and outside a report (stderr, Click's words)."""


def _language(
    flag: str | None, first_proposal: str | Path | None = None, configs: Configs | None = None
) -> str:
    """The run's language (see `choose_language`); an unknown one is a usage error (exit 2).

    The config's `lang` is the one of the first proposal's config (else the working folder's);
    the proposal's own `language:` is read only when nothing before it in the order decides,
    and only the first proposal's: one run speaks one language.
    """
    try:
        config_lang = None
        if configs is not None:
            config = configs.for_file(str(first_proposal)) if first_proposal else configs.for_run()
            config_lang = config.lang if config is not None else None
        lang = choose_language(
            flag or _SPOKEN.get("flag") or None,
            config_lang=config_lang,
            proposal_lang=(lambda: _proposal_language(first_proposal)) if first_proposal else None,
        )
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    _SPOKEN["lang"] = lang
    return lang


def _proposal_language(path: str | Path | None) -> str | None:
    """The `language:` a proposal file gives, if it can be read; the run reports any problem later."""
    from lipcheck.loader import read_proposal

    try:
        data = read_proposal(str(path)).data
    except (LipcheckError, OSError, ValueError):
        return None
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


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
    lang = _SPOKEN["lang"]
    details = tuple(render(detail, lang) for detail in error.details)
    _diagnose_text(render(error.message, lang), render(error.hint, lang) if error.hint else None, details)


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
        sys.stderr.write(
            f"  {text('cli.hint', _SPOKEN['lang'])}{colon(_SPOKEN['lang'])}{terminal_safe(hint)}\n"
        )


def _fail(message: Message, hint: Message | None = None) -> NoReturn:
    _diagnose(LipcheckError(message, hint))
    raise typer.Exit(EXIT_ERROR)


@app.command(help="help.report")
def report(
    files: FilesArgument = None,
    formats: Annotated[
        Optional[list[ReportFormat]],  # noqa: UP045
        typer.Option("--format", "-f", help="help.report-format", show_default=False),
    ] = None,
    html: Annotated[bool, typer.Option("--html", help="help.html")] = False,
    outputs: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="help.output",
            show_default=False,
        ),
    ] = None,
    pack: PackOption = None,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = None,
    lang: LangOption = None,
    max_file_size: MaxFileSize = Limits.max_bytes,
    max_depth: MaxDepth = Limits.max_depth,
    max_aliases: MaxAliases = Limits.max_aliases,
    max_nodes: MaxNodes = Limits.max_nodes,
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="help.report-follow-symlinks")
    ] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    stamp: Annotated[bool, typer.Option("--stamp", help="help.stamp")] = False,
    exclude: ExcludeOption = None,
    jobs: JobsOption = "auto",
    sort: SortOption = SortOrder.PATH,
    no_progress: NoProgressOption = False,
    docs_url: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--docs-url", metavar="URL", help="help.docs-url", show_default=False),
    ] = None,
) -> None:
    """Write reports for people (HTML, Markdown) and pipelines (SARIF, JUnit, JSON, GitHub)."""
    from lipcheck import output
    from lipcheck.docs_url import docs_base

    lang_flag = lang
    lang = _language(lang_flag)  # for what is said before the files are known
    try:
        docs = docs_base(docs_url, os.environ)  # never from a config: a pull request must not steer links
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    chosen = list(dict.fromkeys([*(formats or []), *([ReportFormat.HTML] if html else [])]))
    flags = Flags(pack, fail_under, fail_on, config, no_config)
    limits = Limits(max_file_size, max_depth, max_aliases, max_nodes, follow_symlinks)
    configs = Configs(flags, limits)
    paths = [Path(name) for name in _proposals(files, configs, exclude, follow_symlinks)]
    lang = _language(lang_flag, paths[0], configs)
    many = len(paths) > 1 or _searched(files)
    if chosen in ([], [ReportFormat.HTML]) and output.is_folder_target(outputs or []) and many:
        assert outputs is not None
        portfolio = _Portfolio(flags, configs, limits, _today(today), lang, sort)
        raise typer.Exit(portfolio.write(paths, outputs[0], _jobs(jobs), progress_wanted(False, no_progress)))
    try:
        destinations = output.plan(chosen or [ReportFormat.HTML], outputs or [], paths, follow_symlinks)
        summary_name = os.environ.get("GITHUB_STEP_SUMMARY") if ReportFormat.GITHUB in chosen else None
        summary_file = output.step_summary(summary_name, paths, follow_symlinks)
    except LipcheckError as error:
        _diagnose(error)
        raise typer.Exit(EXIT_ERROR) from None
    packs = Packs(forced=pack)
    _load_forced_pack(packs, lang)
    reference = _today(today)
    dated = output.stamp(stamp, reference)
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
            (
                destination,
                output.render(destination.format, reports, packs.by_id(), lang, Path.cwd(), dated, docs),
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
            summary = output.render(ReportFormat.MARKDOWN, reports, packs.by_id(), lang)
            output.append_text(summary_file.write_to, summary + "\n")
    except LipcheckError as error:
        _diagnose(error)
        # Every proposal is checked before anything is written: after a broken pipe the verdict stands.
        if not (isinstance(error, OutputLost) and error.broken_pipe):
            raise typer.Exit(EXIT_ERROR) from None
    short = sum(not (report.gate is None or report.gate.passed) for report in reports)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_SHORT if short else EXIT_OK)


def command(lang: str, args: list[str] | None = None) -> Any:
    """The Click command tree of `app`, its help texts looked up in `lang` now, not at import time.

    The declarations above give message ids as help; Typer builds a fresh tree on every call.
    When `args` name one command, the tree holds only that one: Typer reads the signature of
    every command it builds, and a run needs one.
    """
    from typer.main import get_command

    if lang != "en":
        from lipcheck import click_words

        click_words.install(lambda: _SPOKEN["lang"])
    root = get_command(_only(_invoked(args or [])))
    languages = ", ".join(LANGUAGES)
    for each in (root, *getattr(root, "commands", {}).values()):
        if each.help and each.help.startswith("help."):
            each.help = text(each.help, lang, languages=languages)
        for param in each.params:
            given = getattr(param, "help", None)
            if isinstance(given, str) and given.startswith("help."):
                param.help = text(given, lang, languages=languages)
    if lang != "en" and hasattr(root, "subcommand_metavar"):
        root.subcommand_metavar = text("click.command-metavar", lang)
    return root


def _invoked(args: list[str]) -> str | None:
    """The command `args` run (`validate` in `--lang fr validate x.yaml`); None for the root's own
    options (`--help`, `--version`) or when no command is named."""
    split = split_lang_flag(args)
    rest = split[0] if split is not None else []
    return rest[0] if rest and not rest[0].startswith("-") else None


def _only(name: str | None) -> typer.Typer:
    """`app` with only the command `name`, if it has one of that name; else the whole of `app`
    (whose help lists every command, and whose errors suggest the nearest name)."""
    chosen = [each for each in app.registered_commands if _command_name(each) == name]
    if not chosen:
        return app
    lean = copy.copy(app)
    lean.registered_commands = chosen
    return lean


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


@contextlib.contextmanager
def _safe_usage_errors() -> Iterator[None]:
    """Click's usage errors made terminal-safe like every other message: they quote the arguments
    (`No such option: --##[error]x.yaml`), which a pull request's file names can fill. Each error's
    message is made safe as it is made: its subclasses format it in their own ways, from it. Click's
    base class is found from `typer.BadParameter`, since newer Typers carry their own copy of Click."""
    base: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    original = base.__init__

    def safe_init(error: Exception, message: str, *args: Any, **kwargs: Any) -> None:
        from lipcheck.render.text import terminal_safe

        safe = "\n".join(terminal_safe(line) for line in str(message).split("\n"))
        original(error, safe, *args, **kwargs)

    base.__init__ = safe_init
    try:
        yield
    finally:
        base.__init__ = original


@app.command(help="help.diff")
def diff(
    files: Annotated[list[str], typer.Argument(help="help.files", show_default=False)],
    against: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--against", metavar="REV", help="help.against"),
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", help="help.diff-format")] = DiffFormat.TEXT,
    fail_on_drop: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--fail-on-drop",
            metavar="[POINTS]",
            min=0,
            help="help.fail-on-drop",
        ),
    ] = None,
    pack: PackOption = None,
    lang: LangOption = None,
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

    lang = _language(lang, files[-1] if files else None)
    if (against is None and len(files) != 2) or not files:
        _fail(Message("diff.usage"), Message("hint.diff.usage"))
    packs = Packs(forced=pack)
    _load_forced_pack(packs, lang)
    limits = replace(Limits(), max_bytes=max_file_size, follow_symlinks=follow_symlinks)
    reference = _today(today)
    flags = Flags(pack, None, None, config, no_config)
    configs = Configs(flags)
    changes = []
    try:
        if against is None:
            old, new = files
            settings = resolve(new, configs)
            gate = Gate.of(settings)
            before = gate.judged(assess_file(old, old, packs, limits, reference, settings))
            after = gate.judged(assess_file(new, new, packs, limits, reference, settings))
            changes.append(compare(shown_path(new), before, after))
        else:
            revisions.check_revision(against)
            for name in files:
                settings = resolve(name, configs)
                gate = Gate.of(settings)
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
        points = one_decimal(-delta, lang) if delta is not None else "–"
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
        _load_forced_pack(packs, self.lang)
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
        results = run(names, options, jobs=min(jobs, len(names), most_jobs()))
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
                        titles.update(
                            {rule.id: rule.title.in_(self.lang) for rule in packs.get(result.row.call).rules}
                        )
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
    args = _optional_value(list(sys.argv[1:] if argv is None else argv), "--fail-on-drop", "0")
    split = split_lang_flag(args)  # read before Click parses them, for `--help` and errors
    flag = split[1] if split is not None else None
    try:
        # Help and Click's errors come before any command runs: speak the language chosen so far
        # (the flag, the variable, the locale); a command refines it with the proposal's own.
        _SPOKEN["lang"] = choose_language(flag)
    except LipcheckError as error:
        try:  # say it in the language lipcheck would speak without the unknown one
            _SPOKEN["lang"] = choose_language(None, environ={**os.environ, "LIPCHECK_LANG": ""})
        except LipcheckError:
            _SPOKEN["lang"] = DEFAULT_LANGUAGE
        _diagnose(error)
        return EXIT_ERROR
    _SPOKEN["flag"] = flag or ""
    try:
        with _safe_usage_errors():
            command(_SPOKEN["lang"], args).main(args=args, prog_name="lipcheck", standalone_mode=True)
    except SystemExit as stop:
        code = stop.code
        if code == EXIT_INTERRUPTED:
            sys.stderr.write(text("cli.interrupted", _SPOKEN["lang"]) + "\n")
            return EXIT_INTERRUPTED
        return _flush_stdout(code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_ERROR))
    except KeyboardInterrupt:
        sys.stderr.write(text("cli.interrupted", _SPOKEN["lang"]) + "\n")
        return EXIT_INTERRUPTED
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
