"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per gap, pinned to its line.

GitHub turns each into an annotation on the pull request. Values are escaped as GitHub's runner
expects (`%`, CR and LF everywhere; `:` and `,` too inside properties), so nothing a proposal
holds can end a command early or start a new one.
"""

from __future__ import annotations

from collections.abc import Sequence

from lipcheck.findings import Location, Report, Severity, WaiverState
from lipcheck.messages import colon, render, text
from lipcheck.render import flat
from lipcheck.render.sentences import (
    gate_line,
    labelled_field,
    placeholders_heading,
    score_message,
    waiver_message,
)
from lipcheck.render.workflow_commands import TEXT, defuse

COMMAND = {
    Severity.BLOCKER: "error",
    Severity.MAJOR: "error",
    Severity.MINOR: "warning",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def render_reports(reports: Sequence[Report], lang: str = "en") -> str:
    lines: list[str] = []
    for report in reports:
        for finding in report.findings:
            message = render(finding.message, lang)
            if finding.hint:
                message += f" ({render(finding.hint, lang)})"
            lines.append(command("error", report.path, finding.location, finding.code, message))
        for result in report.results:
            if result.failed:
                title = f"{result.rule}{colon(lang)}{result.title.in_(lang)}"
                message = f"{render(result.message, lang)}. {text('report.fix', lang)}{colon(lang)}"
                message += flat(result.remediation.in_(lang))
                lines.append(command(COMMAND[result.severity], report.path, result.location, title, message))
        for use in report.waivers:
            name = "notice" if use.state is WaiverState.APPLIED else "warning"
            title = f"{use.rule}: {text('report.waivers', lang)}"
            message = render(waiver_message(use), lang)
            lines.append(command(name, use.source, use.location, title, message))
        if report.placeholders:
            # One notice for them all: each field is already a gap of its rule, and GitHub shows
            # only the first few annotations of each kind a step makes.
            fields = ", ".join(_named(spot.field, lang) for spot in report.placeholders)
            said = f"{render(placeholders_heading(report), lang)}{colon(lang)}{fields}"
            lines.append(command("notice", report.path, None, "lipcheck", said))
        verdict = text("verdict." + report.verdict.value, lang)
        score = score_message(report)
        summary = text("out.verdict-line", lang, path=report.path, score=score, verdict=verdict)
        lines.append(command("notice", report.path, None, "lipcheck", summary))
        if report.gate is not None and not report.gate.passed:
            lines.append(command("error", report.path, None, "lipcheck gate", gate_line(report.gate, lang)))
    # Each line is a command lipcheck means; no value in it may hold one the runner would also read.
    return defuse("".join(line + "\n" for line in lines), TEXT, own_commands=True)


def _named(path: str, lang: str) -> str:
    words, path = labelled_field(path, lang)
    return path if words == path else f"{words} ({path})"


def command(name: str, path: str, location: Location | None, title: str, message: str) -> str:
    """`::name file=…,line=…,col=…,title=…::message`, every part escaped."""
    properties = {"file": path}
    if location is not None:
        properties["line"] = str(location.line)
        properties["col"] = str(location.column)
    properties["title"] = title
    shown = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {shown}::{escape_data(message)}"


def escape_data(value: str) -> str:
    """The message part: GitHub's runner unescapes %25, %0D and %0A."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value: as data, and `:` and `,` too, which would end the property list."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
