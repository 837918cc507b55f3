"""The Markdown report: GitHub-flavoured, compact enough for a pull-request comment or a job summary.

Every sentence is escaped as text: a proposal's `<script>` or `|` shows as written and never
becomes markup, a link, or a new table cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lipcheck.findings import Report, RuleResult, Status, Verdict
from lipcheck.messages import render, text
from lipcheck.render import one_decimal
from lipcheck.render.sentences import gain, points, sector_label, to_ready, where

BIGGEST_FIXES = 3
VERDICT_MARK = {
    Verdict.READY: "✅",
    Verdict.NEARLY_READY: "🟡",
    Verdict.NOT_READY: "❌",
    Verdict.INELIGIBLE: "⛔",
    Verdict.INVALID: "❌",
}
STATUS_MARK = {Status.MET: "✅", Status.PARTIAL: "🟡", Status.UNMET: "❌", Status.NOT_APPLICABLE: "➖"}

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that make markup
# inside a line (a link needs `[`, so `(` and `!` are harmless once it is escaped; `#`, `+` and
# `-` matter only where a line starts, and no escaped sentence starts one). `<`, `>` and `&`
# become entities so that no HTML tag survives.
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BACKTICKED = re.compile(r"`([^`\n]+)`")


def render_reports(reports: Sequence[Report], lang: str = "en") -> str:
    """All reports as one Markdown document; with several, a one-table overview comes first."""
    parts: list[str] = []
    if len(reports) > 1:
        parts.append(_overview(reports, lang))
    parts += [_report(report, lang, heading="##" if len(reports) == 1 else "###") for report in reports]
    return "\n".join(parts)


def inline(sentence: str, table: bool = False) -> str:
    """`sentence` as Markdown text: escaped, one line, its `backticked` words kept as code."""
    out = []
    position = 0
    flat = " ".join(sentence.split())
    for match in _BACKTICKED.finditer(flat):
        out.append(_escape(flat[position : match.start()]))
        out.append(_code(match.group(1), table))
        position = match.end()
    out.append(_escape(flat[position:]))
    return "".join(out)


def _escape(words: str) -> str:
    escaped = "".join(_ENTITIES.get(char, char) for char in words)
    return _PUNCTUATION.sub(r"\\\1", escaped)


def _code(words: str, table: bool) -> str:
    # Inside a code span everything is literal, but GFM still splits table cells on `|`.
    body = words.replace("|", "\\|") if table else words
    return f"`{body}`"


def _overview(reports: Sequence[Report], lang: str) -> str:
    rows = [
        f"## {inline(text('out.page-title', lang))}",
        "",
        f"| {text('out.file', lang)} | {text('report.score', lang)} | {text('report.verdict', lang)} |",
        "| --- | ---: | --- |",
    ]
    for report in reports:
        score = one_decimal(report.score) if report.score is not None else "–"
        rows.append(
            f"| {_code(report.path, table=True)} | {score} | "
            f"{VERDICT_MARK[report.verdict]} {text('verdict.' + report.verdict.value, lang)} |"
        )
    return "\n".join(rows) + "\n"


def _report(report: Report, lang: str, heading: str) -> str:
    verdict = text("verdict." + report.verdict.value, lang)
    score = one_decimal(report.score) if report.score is not None else "–"
    title = inline(report.title or text("out.untitled", lang))
    ready = text("out.gauge.ready", lang, points=f"{report.thresholds['ready']:g}")
    nearly = text("out.gauge.nearly", lang, points=f"{report.thresholds['nearly-ready']:g}")
    lines = [
        f"{heading} {VERDICT_MARK[report.verdict]} {title}: {score} / 100, {verdict}",
        "",
        f"{_code(report.path, table=False)} · {inline(text('out.pack', lang))} "
        f"{inline(report.pack_id)} {inline(report.pack_version)} · {inline(ready)}, {inline(nearly)}",
        "",
    ]
    if report.findings:
        lines += [f"**{inline(text('report.invalid', lang, count=len(report.findings)))}**", ""]
        for finding in report.findings:
            place = where(finding.location, lang)
            hint = f" ({inline(render(finding.hint, lang))})" if finding.hint else ""
            lines.append(f"- {inline(place)}: {inline(render(finding.message, lang))}{hint}")
        lines.append("")
        return "\n".join(lines)
    lines += [f"**{inline(to_ready(report, lang))}**", ""]
    fixes = report.gaps[:BIGGEST_FIXES]
    if fixes:
        lines += [f"**{inline(text('out.biggest-fixes', lang))}**", ""]
        lines += [
            f"{number}. **{inline(gain(result, lang))}** · **{result.rule}** {inline(result.title)}: "
            f"{inline(result.remediation)}"
            for number, result in enumerate(fixes, start=1)
        ]
        lines.append("")
    coverage = _coverage_line(report, lang)
    if coverage:
        lines += [coverage, ""]
    lines += [
        "<details>",
        f"<summary>{inline(text('out.all-rules', lang, count=len(report.results)))}</summary>",
        "",
        f"| {text('out.col.rule', lang)} | {text('out.col.status', lang)} | "
        f"{text('out.col.points', lang)} | {text('out.col.found', lang)} |",
        "| --- | --- | ---: | --- |",
    ]
    lines += [_row(result, lang) for result in report.results]
    lines += ["", "</details>", ""]
    if report.notes:
        lines += [
            f"_{inline(text('report.notes', lang))}_: "
            + " ".join(inline(render(n, lang)) for n in report.notes)
        ]
        lines.append("")
    return "\n".join(lines)


def _row(result: RuleResult, lang: str) -> str:
    # The message already says what is missing; the HTML report lists it in full.
    found = inline(render(result.message, lang), table=True)
    status = f"{STATUS_MARK[result.status]} {text('status.' + result.status.value, lang)}"
    return f"| {result.rule} | {status} | {inline(points(result, lang), table=True)} | {found} |"


def _coverage_line(report: Report, lang: str) -> str:
    """One line on the council: how many of each rule's sectors are covered, and which are missing."""
    rules: dict[str, list[bool]] = {}
    missing: list[str] = []
    for entry in report.coverage:
        if entry.rule is None:
            continue
        rules.setdefault(entry.rule, []).append(entry.covered)
        if not entry.covered:
            missing.append(sector_label(entry.sector, lang))
    if not rules:
        return ""
    parts = [
        text("out.coverage-line", lang, rule=rule, covered=sum(flags), total=len(flags))
        for rule, flags in rules.items()
    ]
    line = f"**{inline(text('out.coverage', lang))}**: " + inline(" · ".join(parts))
    if missing:
        line += f" ({inline(text('out.coverage-missing', lang, sectors=', '.join(missing)))})"
    return line
