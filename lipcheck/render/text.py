"""The terminal gap report, drawn with rich: score and verdict, then the gaps, then the way to ready."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lipcheck.findings import Location, Report, RuleResult, Severity, Summary, Verdict
from lipcheck.messages import render, text
from lipcheck.render import one_decimal

_VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.NEARLY_READY: "bold yellow",
    Verdict.NOT_READY: "bold red",
    Verdict.INELIGIBLE: "bold red",
    Verdict.INVALID: "bold red",
}
# Characters a terminal obeys instead of showing: C0 and C1 controls (ESC starts colour and cursor
# sequences, CR and BS overwrite, a newline fakes a report line), line and paragraph separators,
# and the bidi controls that reverse what follows (U+202E, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Most characters of one proposal-supplied text shown: rich takes seconds to wrap a megabyte.
_LONGEST = 1000
_SEVERITY_STYLE = {
    Severity.BLOCKER: "bold red",
    Severity.MAJOR: "yellow",
    Severity.MINOR: "cyan",
    Severity.WARNING: "magenta",
    Severity.INFO: "dim",
}


def console(color: bool, width: int = 100) -> Console:
    """A console that renders into memory; golden tests use color=False for byte-stable text."""
    return Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def render_report(report: Report, lang: str = "en", color: bool = False, width: int = 100) -> str:
    out = console(color, width)
    _header(out, report, lang)
    if report.findings:
        out.print(Text(text("report.invalid", lang, count=len(report.findings)), style="bold"))
        for finding in report.findings:
            line = Text("  ")
            line.append(_where(report.path, finding.location), style="bold")
            line.append(f"  {_printable(render(finding.message, lang))}")
            out.print(line)
            if finding.hint:
                out.print(Text(f"      {_printable(render(finding.hint, lang))}", style="dim"))
        return _value(out)
    gaps = report.gaps
    if gaps:
        out.print(Text(text("report.gaps", lang), style="bold underline"))
    else:
        out.print(Text(text("report.no-gaps", lang)))
    for result in gaps:
        out.print()
        out.print(_gap(report.path, result, lang))
    if report.warnings:
        out.print()
        out.print(Text(text("report.warnings", lang), style="bold underline"))
        for result in report.warnings:
            line = Text(f"  {result.rule}  ", style="magenta")
            line.append(f"{_printable(render(result.message, lang))}  ")
            line.append(_where(report.path, result.location), style="dim")
            out.print(line)
    out.print()
    out.print(Text(_to_ready(report, lang), style="bold"))
    if report.notes:
        for note in report.notes:
            out.print(Text(f"{text('report.notes', lang)}: {_printable(render(note, lang))}", style="dim"))
    return _value(out)


def render_summary(summary: Summary, lang: str = "en", color: bool = False) -> str:
    counts = ", ".join(
        f"{count} {text('verdict.' + verdict, lang)}" for verdict, count in summary.verdicts.items() if count
    )
    out = console(color)
    out.print(Text(text("report.summary", lang, files=summary.files, counts=counts or "-"), style="bold"))
    return _value(out)


def _gap(path: str, result: RuleResult, lang: str) -> Table:
    """One gap as a two-column grid, so wrapped lines hang under the text, not under the points."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=7, no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    if result.severity is Severity.BLOCKER:
        points = Text("BLOCKER", style="bold red")
    else:
        points = Text(f"+{one_decimal(result.gain)}", style="bold")
    head = Text(f"{result.rule}  ", style="bold")
    head.append(_printable(result.title))
    if result.severity is not Severity.BLOCKER:  # the points column already says BLOCKER
        head.append(f"  [{result.severity.value}]", style=_SEVERITY_STYLE[result.severity])
    grid.add_row(points, head)
    grid.add_row("", Text(_printable(render(result.message, lang))))
    grid.add_row("", Text(_where(path, result.location), style="dim"))
    grid.add_row("", Text(f"{text('report.fix', lang)}: {_printable(' '.join(result.remediation.split()))}"))
    return grid


def _header(out: Console, report: Report, lang: str) -> None:
    out.print(Text(_printable(report.path), style="bold"))
    if report.title:
        pack = f"{text('report.pack', lang)} {report.pack_id} {report.pack_version}"
        out.print(Text(f"{_printable(report.title)}  ({_printable(pack)})"))
    line = Text(f"{text('report.score', lang)} ")
    line.append(one_decimal(report.score) if report.score is not None else "-", style="bold")
    line.append(" / 100   ")
    line.append(text("verdict." + report.verdict.value, lang).upper(), style=_VERDICT_STYLE[report.verdict])
    if report.score is not None:
        line.append(f"   {_bar(report.score)}")
    out.print(line)
    out.print()


def _bar(score: float, width: int = 20) -> str:
    filled = round(score / 100 * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _to_ready(report: Report, lang: str) -> str:
    threshold = one_decimal(report.thresholds["ready"])
    if report.verdict is Verdict.READY:
        return text("report.already-ready", lang)
    gain = sum(r.gain for r in report.results if r.rule in report.fixes)
    total = (report.score or 0.0) + gain
    if total < report.thresholds["ready"]:
        return text("report.cannot-reach", lang, threshold=threshold)
    return text(
        "report.to-ready", lang, threshold=threshold, rules=", ".join(report.fixes), score=one_decimal(total)
    )


def _where(path: str, location: Location | None) -> str:
    path = _printable(path)
    return f"{path}:{location.line}:{location.column}" if location else path


def _printable(proposal_text: str) -> str:
    """Text from a proposal (or a file name, or a rule pack) made safe to show on a terminal.

    Each unsafe character is shown as its escape (`\\x1b`, `\\n`, `\\u202e`) so the reader sees
    what the file holds and the terminal obeys nothing; overlong text is cut with an ellipsis.
    """
    if len(proposal_text) > _LONGEST:
        proposal_text = proposal_text[:_LONGEST] + "…"
    return _UNSAFE.sub(_escape, proposal_text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def _value(out: Console) -> str:
    stream = out.file
    assert isinstance(stream, io.StringIO)
    # Grid padding leaves trailing spaces; they only make diffs and goldens noisy.
    return "\n".join(line.rstrip() for line in stream.getvalue().split("\n"))
