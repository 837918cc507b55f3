"""Click's own words (Usage, Options, the help option, bad-flag errors) in the run's language.

Typer 0.29 carries its own copy of Click, in which most of these words are English literals
rather than gettext calls, so gettext cannot translate them. The few that Typer still passes
through gettext (`typer.core._`: section headings, `default:`, `required`) are looked up here
instead; the rest are replaced where Click builds them: the usage prefix, the help option and
the way a usage error is shown. Every replacement asks `language()` at the moment it speaks and
gives Click's own English back unchanged in English, so installing it is harmless and idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

from typer import core as typer_core
from typer._click import decorators, exceptions, formatting
from typer._click.utils import echo

from lipcheck.messages import said_by_pydantic, text

WORDS = {
    "Arguments": "click.arguments",
    "Options": "click.options",
    "Commands": "click.commands",
    "default: {default}": "click.default",
    "required": "click.required",
    "env var: {var}": "click.env-var",
    "Missing command.": "click.missing-command",
    "No such command {name!r}.": "click.no-such-command",
    "Aborted!": "click.aborted",
    "(dynamic)": "click.dynamic",
}
"""Typer's gettext strings, each with the id of its sentence in the catalogue."""

_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((?P<extra>.*)\)")
_NEEDS_VALUE = re.compile(r"Option (?P<name>'.+') requires (an argument|\d+ arguments)\.")
_NO_VALUE = re.compile(r"Option (?P<name>'.+') does not take a value\.")

_installed: list[Callable[[], str]] = []


def install(language: Callable[[], str]) -> None:
    """Make Click speak `language()` from now on (once per process; later calls change nothing)."""
    if _installed:
        return
    _installed.append(language)
    typer_core._ = _gettext  # type: ignore[attr-defined]
    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(
        self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        if prefix is None and _lang() != "en":
            prefix = text("click.usage", _lang())
        original_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_help_option = decorators.help_option

    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        make = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            command = make(command)
            if _lang() != "en":
                command.params[-1].help = text("click.help-option", _lang())
            return command

        return apply

    decorators.help_option = help_option
    original_show = exceptions.UsageError.show

    def show(self: exceptions.UsageError, file: IO[Any] | None = None) -> None:
        if _lang() == "en":
            original_show(self, file)
            return
        _show(self, file)

    exceptions.UsageError.show = show  # type: ignore[method-assign]


def _lang() -> str:
    return _installed[0]() if _installed else "en"


def _gettext(message: str) -> str:
    message_id = WORDS.get(message)
    return message if message_id is None or _lang() == "en" else text(message_id, _lang())


def _show(error: exceptions.UsageError, file: IO[Any] | None) -> None:
    """What Click's UsageError.show prints, in the run's language."""
    from typer._click._compat import get_text_stderr

    lang = _lang()
    out = file if file is not None else get_text_stderr()
    context = error.ctx
    if context is not None:
        hint = ""
        if context.command.get_help_option(context) is not None:
            command = f"{context.command_path} {context.help_option_names[0]}"
            hint = text("click.try-help", lang, command=command) + "\n"
        echo(f"{context.get_usage()}\n{hint}", file=out, color=context.color)
    echo(
        text("click.error", lang, problem=message(error, lang)),
        file=out,
        color=None if context is None else context.color,
    )


def message(error: exceptions.UsageError, lang: str) -> str:
    """The usage error's sentence in `lang`; Click's own for an error it has no pattern for."""
    if isinstance(error, exceptions.NoSuchOption):
        said = text("click.no-such-option", lang, name=error.option_name)
        if error.possibilities:
            said += " " + text("click.possible-options", lang, options=", ".join(sorted(error.possibilities)))
        return said
    if isinstance(error, exceptions.BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        name = exceptions._join_param_hints(hint) or ""
        if isinstance(error, exceptions.MissingParameter):
            kind = error.param_type or (error.param.param_type_name if error.param is not None else "")
            return text(
                "click.missing-argument" if kind == "argument" else "click.missing-option", lang, name=name
            )
        return text("click.invalid-value", lang, name=name, problem=_problem(error.message, lang))
    for pattern, message_id in ((_EXTRA, "click.extra-arguments"), (_NEEDS_VALUE, "click.needs-value"),
                                (_NO_VALUE, "click.takes-no-value")):  # fmt: skip
        found = pattern.fullmatch(error.message)
        if found:
            return text(message_id, lang, **found.groupdict())
    return error.format_message()


def _problem(said: str, lang: str) -> str:
    """What pydantic said of the flag's value, in `lang` where the catalogue has its words."""
    found = said_by_pydantic(said)
    return found if isinstance(found, str) else text(found.id, lang, **found.args)
