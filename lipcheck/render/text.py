"""The terminal gap report, drawn with rich: score and verdict, then the gaps, then the way to ready."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from lipcheck.findings import Location, Report, Severity, Summary, Verdict
from lipcheck.messages import render, text
from lipcheck.render import one_decimal

_VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.NEARLY_READY: "bold yellow",
    Verdict.NOT_READY: "bold red",
    Verdict.INELIGIBLE: "bold red",
    Verdict.INVALID: "bold red",
}
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
            line.append(f"  {render(finding.message, lang)}")
            out.print(line)
            if finding.hint:
                out.print(Text(f"      {render(finding.hint, lang)}", style="dim"))
        return _value(out)
    gaps = report.gaps
    if gaps:
        out.print(Text(text("report.gaps", lang), style="bold underline"))
    else:
        out.print(Text(text("report.no-gaps", lang)))
    for result in gaps:
        out.print()
        head = Text("  ")
        if result.severity is Severity.BLOCKER:
            head.append("BLOCKER", style="bold red")
        else:
            head.append(f"+{one_decimal(result.gain):>4}", style="bold")
        head.append(f"  {result.rule}  ", style="bold")
        head.append(result.title)
        head.append(f"  [{result.severity.value}]", style=_SEVERITY_STYLE[result.severity])
        out.print(head)
        out.print(Text(f"         {render(result.message, lang)}"))
        out.print(Text(f"         {_where(report.path, result.location)}", style="dim"))
        out.print(Text(f"         {text('report.fix', lang)}: {result.remediation.strip()}"))
    if report.warnings:
        out.print()
        out.print(Text(text("report.warnings", lang), style="bold underline"))
        for result in report.warnings:
            line = Text(f"  {result.rule}  ", style="magenta")
            line.append(f"{render(result.message, lang)}  ")
            line.append(_where(report.path, result.location), style="dim")
            out.print(line)
    out.print()
    out.print(Text(_to_ready(report, lang), style="bold"))
    if report.notes:
        for note in report.notes:
            out.print(Text(f"{text('report.notes', lang)}: {render(note, lang)}", style="dim"))
    return _value(out)


def render_summary(summary: Summary, lang: str = "en", color: bool = False) -> str:
    counts = ", ".join(
        f"{count} {text('verdict.' + verdict, lang)}" for verdict, count in summary.verdicts.items() if count
    )
    out = console(color)
    out.print(Text(text("report.summary", lang, files=summary.files, counts=counts or "-"), style="bold"))
    return _value(out)


def _header(out: Console, report: Report, lang: str) -> None:
    out.print(Text(report.path, style="bold"))
    if report.title:
        out.print(
            Text(f"{report.title}  ({text('report.pack', lang)} {report.pack_id} {report.pack_version})")
        )
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
    return f"{path}:{location.line}:{location.column}" if location else path


def _value(out: Console) -> str:
    stream = out.file
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()
