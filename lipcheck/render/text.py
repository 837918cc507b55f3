"""The gap report for people at a terminal: score and verdict, then the gaps, then the way to ready.

The report is laid out once, as lines of styled segments wrapped to a width. Plain output
(a pipe, a file, `--no-color`) joins the segments; a colour terminal gets them drawn by rich,
which is imported only then: a check whose output is read by a program should not pay for it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from lipcheck.findings import (
    GateResult,
    Location,
    Message,
    ProposalRow,
    Report,
    RuleResult,
    Severity,
    Summary,
    Verdict,
    WaiverState,
)
from lipcheck.messages import colon, render, text
from lipcheck.render import flat, one_decimal
from lipcheck.render.sentences import (
    counted_verdict,
    days_message,
    earned_of,
    gate_line,
    labelled_field,
    to_ready,
    waiver_message,
    without_waivers,
)
from lipcheck.render.workflow_commands import TEXT, defuse

if TYPE_CHECKING:
    from lipcheck.waivers import WaiverSpec

Segment = tuple[str, str]
"""Text and its rich style ("" for none)."""
Line = list[Segment]

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
# Characters a terminal obeys instead of showing: C0 and C1 controls (ESC starts colour and cursor
# sequences, CR and BS overwrite, a newline fakes a report line), line and paragraph separators,
# and the bidi controls that reverse what follows (U+202E, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Most characters of one proposal-supplied text shown: a report is read, not searched.
_LONGEST = 1000
_POINTS_WIDTH = {"en": 7, "fr": 8}  # "+14.0" or "BLOCKER" / "BLOQUANT", right-aligned
# A non-breaking space (French typography: `score :`, `80 %`) holds its words together.
_TOKENS = re.compile(r"(?:[^\s]|[\u00a0\u202f])+|[^\S\u00a0\u202f]+")


def render_report(report: Report, lang: str = "en", color: bool = False, width: int = 100) -> str:
    # CI prints this report to its log, and a long word may be broken anywhere to wrap it: the
    # whole drawn report is defused, not only each text (see render/workflow_commands.py).
    return defuse(_draw(layout(report, lang, width), color, width), TEXT)


def render_line(report: Report, lang: str = "en") -> str:
    """The one line `--quiet` prints for a file: path, verdict, score, and `pass` or `fail` once judged."""
    score = "-" if report.score is None else one_decimal(report.score, lang)
    judged = (
        ""
        if report.gate is None
        else " " + text("gate.passed" if report.gate.passed else "gate.failed", lang)
    )
    # English keeps the verdict's code here, as scripts reading `-q` lines have always seen it.
    verdict = report.verdict.value if lang == "en" else text("verdict." + report.verdict.value, lang)
    return defuse(f"{terminal_safe(report.path)}{colon(lang)}{verdict} {score}{judged}\n", TEXT)


def render_summary(
    summary: Summary, lang: str = "en", color: bool = False, width: int = 100, gate: GateResult | None = None
) -> str:
    """The line that counts a run of several files; then, when `gate` fails, the run's `FAIL: ...`."""
    counts = ", ".join(
        f"{count} {counted_verdict(verdict, count, lang)}"
        for verdict, count in summary.verdicts.items()
        if count
    )
    line = text("report.summary", lang, files=summary.files, counts=counts or "-")
    lines = _wrap([(line, "bold")], width)
    if gate is not None and not gate.passed:
        lines += [[(gate_line(gate, lang), "bold red")]]  # the run's last line says why, unwrapped
    return defuse(_draw(lines, color, width), TEXT)


def render_table(rows: Sequence[ProposalRow], lang: str = "en", color: bool = False, width: int = 100) -> str:
    """The summary table of a run: proposal, call, score, verdict, gate and biggest gap, one row each."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False, header_style="bold")
    # File names are never cut short (a reader copies them into the next command): a name too
    # long for the terminal folds onto a second line, and the other columns keep theirs.
    table.add_column(text("summary.proposal", lang), overflow="fold")
    for column in ("call", "score", "verdict", "gate", "gap"):
        justify: Literal["left", "right"] = "right" if column == "score" else "left"
        table.add_column(text("summary." + column, lang), justify=justify, no_wrap=True)
    for row in rows:
        gap = row.gap or "-"
        if row.gap is not None and row.gap_gain > 0:
            gap = text("summary.gap-gain", lang, rule=row.gap, points=one_decimal(row.gap_gain, lang))
        table.add_row(
            terminal_safe(row.path),
            row.call,
            "-" if row.score is None else one_decimal(row.score, lang),
            text("verdict." + row.verdict.value, lang),
            text("gate.passed" if row.passed else "gate.failed", lang),
            gap,
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(table)
    return defuse("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()), TEXT)


def layout(report: Report, lang: str, width: int) -> list[Line]:
    """The report as wrapped lines of styled segments (the one place its layout is decided).

    When the report falls short of the gate, its last line says why (`FAIL: ...`): CI logs are
    read from the bottom.
    """
    lines = _body(report, lang, width)
    if report.gate is not None and not report.gate.passed:
        # One line, never wrapped: `tail -1` of a CI log gives the whole reason.
        lines += [[], [(terminal_safe(gate_line(report.gate, lang)), "bold red")]]
    return lines


def _body(report: Report, lang: str, width: int) -> list[Line]:
    lines = _header(report, lang, width)
    if report.findings:
        lines += _wrap([(text("report.invalid", lang, count=len(report.findings)), "bold")], width)
        for finding in report.findings:
            message = terminal_safe(render(finding.message, lang))
            lines += _wrap(
                [("  ", ""), (_where(report.path, finding.location), "bold"), (f"  {message}", "")],
                width,
                hang="    ",
            )
            if finding.hint:
                hint = terminal_safe(render(finding.hint, lang))
                lines += _wrap([(f"      {hint}", "dim")], width, hang="      ")
        return lines
    gaps = report.gaps
    if gaps:
        lines += _wrap([(text("report.gaps", lang), "bold underline")], width)
    else:
        lines += _wrap([(text("report.no-gaps", lang), "")], width)
    for result in gaps:
        lines.append([])
        lines += _gap(report.path, result, lang, width)
    if report.warnings:
        lines += [[], *_wrap([(text("report.warnings", lang), "bold underline")], width)]
        for result in report.warnings:
            segments = [
                (f"  {result.rule}  ", "magenta"),
                (f"{terminal_safe(render(result.message, lang))}  ", ""),
                (_where(report.path, result.location), "dim"),
            ]
            lines += _wrap(segments, width, hang=" " * (len(result.rule) + 4))
    if report.waivers:
        lines += [[], *_waiver_section(report, lang, width)]
    inferred = [(number, member) for number, member in enumerate(report.roster, 1) if member.inferred]
    if inferred:
        lines += [[], *_wrap([(text("report.inferred", lang), "bold underline")], width)]
        for number, member in inferred:
            said = text(
                "report.inferred-member" if member.sectors else "report.inferred-none",
                lang,
                number=number,
                organization=member.organization,
                sectors=", ".join(member.sectors),
            )
            lines += _wrap(
                [(f"  {terminal_safe(said)}  ", ""), (_where(report.path, member.location), "dim")],
                width,
                hang="    ",
            )
    if report.placeholders:
        lines += [
            [],
            *_wrap(
                [(text("report.placeholders", lang, count=len(report.placeholders)), "bold underline")], width
            ),
        ]
        for spot in report.placeholders:
            words, path = labelled_field(spot.field, lang)
            named = path if words == path else f"{words} ({path})"
            lines += _wrap(
                [(f"  {terminal_safe(named)}  ", ""), (_where(report.path, spot.location), "dim")],
                width,
                hang="    ",
            )
    lines += [[], *_wrap([(to_ready(report, lang), "bold")], width)]
    for note in report.notes:
        lines += _wrap(
            [(f"{text('report.notes', lang)}{colon(lang)}{terminal_safe(render(note, lang))}", "dim")], width
        )
    return lines


def _header(report: Report, lang: str, width: int) -> list[Line]:
    lines = _wrap([(terminal_safe(report.path), "bold")], width)
    if report.title:
        pack = f"{text('report.pack', lang)} {report.pack_id} {report.pack_version}"
        lines += _wrap([(f"{terminal_safe(report.title)}  ({terminal_safe(pack)})", "")], width)
    score: Line = [
        (f"{text('report.score', lang)} ", ""),
        (one_decimal(report.score, lang) if report.score is not None else "-", "bold"),
        (" / 100", ""),
        *([(f" ({render(behind, lang)})", "")] if (behind := earned_of(report)) else []),
        ("   ", ""),
        (text("verdict." + report.verdict.value, lang).upper(), _VERDICT_STYLE[report.verdict]),
    ]
    if report.score is not None:
        score.append((f"   {_bar(report.score)}", ""))
    lines += _wrap(score, width)
    unwaived = without_waivers(report)
    if unwaived is not None:
        lines += _wrap([(render(unwaived, lang), "bold")], width)
    if report.config is not None:
        config = text("report.config", lang, path=report.config)
        lines += _wrap([(f"{terminal_safe(config)}  ({report.pack_id})", "dim")], width)
    return [*lines, []]


def _waiver_section(report: Report, lang: str, width: int) -> list[Line]:
    """Every waiver: rule, what it says (or why it did not apply), days left, where it is written."""
    lines = _wrap([(text("report.waivers", lang), "bold underline")], width)
    for use in report.waivers:
        style = "" if use.state is WaiverState.APPLIED else "magenta"
        segments = [
            (f"  {use.rule}  ", "bold"),
            (f"{terminal_safe(render(waiver_message(use), lang))}  ", style),
            (f"({render(days_message(use.days_left), lang)})  ", ""),
            (_where(use.source, use.location), "dim"),
        ]
        lines += _wrap(segments, width, hang=" " * (len(use.rule) + 4))
    return lines


def _gap(path: str, result: RuleResult, lang: str, width: int) -> list[Line]:
    """One gap: points in a narrow column, and wrapped lines hanging under the text beside it."""
    if result.severity is Severity.BLOCKER:
        points: Segment = (text("report.blocker-mark", lang), "bold red")
    else:
        points = (f"+{one_decimal(result.gain, lang)}".rjust(_POINTS_WIDTH.get(lang, 7)), "bold")
    hang = " " * (_POINTS_WIDTH.get(lang, 7) + 2)
    head: Line = [
        points,
        ("  ", ""),
        (f"{result.rule}  ", "bold"),
        (terminal_safe(result.title.in_(lang)), ""),
    ]
    if result.severity is not Severity.BLOCKER:  # the points column already says BLOCKER
        head.append(
            (f"  [{text('severity.' + result.severity.value, lang)}]", _SEVERITY_STYLE[result.severity])
        )
    remedy = terminal_safe(flat(result.remediation.in_(lang)))
    return [
        *_wrap(head, width, hang=hang),
        *_wrap([(hang + terminal_safe(render(result.message, lang)), "")], width, hang=hang),
        *_wrap([(hang + _where(path, result.location), "dim")], width, hang=hang),
        *_wrap([(f"{hang}{text('report.fix', lang)}{colon(lang)}{remedy}", "")], width, hang=hang),
    ]


def _wrap(segments: Line, width: int, hang: str = "") -> list[Line]:
    """Segments filled into lines of at most `width` characters; later lines start with `hang`.

    Words keep their style; a line drops the spaces it would end with, and a word longer than a
    line is cut.
    """
    if width - len(hang) < 20:
        hang = ""
    lines: list[Line] = [[]]
    used = 0
    for chunk, style in segments:
        for token in _TOKENS.findall(chunk):
            if token.isspace():
                if used + len(token) < width:
                    _add(lines[-1], token, style)
                    used += len(token)
                continue
            while used + len(token) > width:
                room = width - used
                if room > 0 and (len(token) > width - len(hang) or not lines[-1]):
                    _add(lines[-1], token[:room], style)
                    token = token[room:]
                _trim(lines[-1])
                lines.append([(hang, "")] if hang else [])
                used = len(hang)
            _add(lines[-1], token, style)
            used += len(token)
    _trim(lines[-1])
    return lines


def _add(line: Line, chunk: str, style: str) -> None:
    """Append `chunk`, joining it to the last segment when the style is the same."""
    if line and line[-1][1] == style:
        line[-1] = (line[-1][0] + chunk, style)
    else:
        line.append((chunk, style))


def _trim(line: Line) -> None:
    """Drop the spaces a line ends with."""
    while line and line[-1][0].isspace():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])


def _draw(lines: list[Line], color: bool, width: int) -> str:
    if not color:
        return "".join("".join(chunk for chunk, _ in line) + "\n" for line in lines)
    import io

    from rich.console import Console
    from rich.text import Text

    out = Console(
        file=io.StringIO(), width=width + 1, force_terminal=True, color_system="standard",
        highlight=False, emoji=False, markup=False, soft_wrap=True,
    )  # fmt: skip
    for line in lines:
        drawn = Text()
        for chunk, style in line:
            drawn.append(chunk, style=style or None)
        out.print(drawn)
    stream = out.file
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


def _bar(score: float, width: int = 20) -> str:
    filled = round(score / 100 * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _where(path: str, location: Location | None) -> str:
    path = terminal_safe(location.file if location and location.file else path)
    return f"{path}:{location.line}:{location.column}" if location else path


def terminal_safe(proposal_text: str) -> str:
    """Text from a proposal (or a file name, or a rule pack) made safe to show on a terminal.

    Each unsafe character is shown as its escape (`\\x1b`, `\\n`, `\\u202e`) so the reader sees
    what the file holds and the terminal obeys nothing; no `##[` and no `::` at its start is left
    for a CI runner to read as a workflow command, and bytes of a file name that are not UTF-8
    show as `\\xff`; overlong text is cut with an ellipsis.
    """
    if len(proposal_text) > _LONGEST:
        proposal_text = proposal_text[:_LONGEST] + "…"
    return defuse(_UNSAFE.sub(_escape, proposal_text), TEXT)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def render_waiver_list(waivers: Sequence[WaiverSpec], today: dt.date, lang: str = "en") -> str:
    """`lipcheck waivers`: one line a waiver, soonest expiry first, each saying whether it is in force."""
    if not waivers:
        return text("waivers.none", lang) + "\n"
    lines = []
    for waiver in waivers:
        days = (waiver.expires - today).days
        state = Message("waivers.in-force" if days >= 0 else "waivers.expired")
        line = text(
            "waivers.line",
            lang,
            expires=waiver.expires.isoformat(),
            state=Message("waivers.state", {"state": state, "days": days_message(days)}),
            rule=waiver.rule,
            owner=waiver.owner,
            where=_where(waiver.source, waiver.location),
            reason=" ".join(waiver.reason.split()),
        )
        lines.append(terminal_safe(line) + "\n")
    return defuse("".join(lines), TEXT)
