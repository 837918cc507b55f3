"""The Markdown report: GitHub-flavoured, compact enough for a pull-request comment or a job summary.

Every sentence is escaped as text: a proposal's `<script>` or `|` shows as written and never
becomes markup, a link, or a new table cell. Code spans are set where the catalogue template or the
pack puts backticks, never where the proposal's text does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lipcheck.findings import Location, Message, Number, Report, RuleResult, Status, Verdict
from lipcheck.messages import Part, colon, parts, text
from lipcheck.render import one_decimal
from lipcheck.render.sentences import (
    BIGGEST_FIXES,
    Sentence,
    as_code,
    as_text,
    code_runs,
    days_message,
    gain_message,
    gate_line,
    labelled_field,
    labelled_missing,
    pack_text,
    placeholders_heading,
    points_message,
    roster_role,
    roster_sectors,
    score_message,
    sector_label,
    to_ready_message,
    waiver_message,
    where_message,
    without_waivers,
)
from lipcheck.render.workflow_commands import MARKDOWN, defuse

VERDICT_MARK = {
    Verdict.READY: "✅",
    Verdict.NEARLY_READY: "🟡",
    Verdict.NOT_READY: "❌",
    Verdict.INELIGIBLE: "⛔",
    Verdict.INVALID: "❌",
}
STATUS_MARK = {
    Status.MET: "✅",
    Status.PARTIAL: "🟡",
    Status.UNMET: "❌",
    Status.NOT_APPLICABLE: "➖",
    Status.WAIVED: "🔕",
}

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that make markup
# inside a line (a link needs `[`, so `(` and `!` are harmless once it is escaped; `#`, `+` and
# `-` matter only where a line starts, and no escaped sentence starts one). `<`, `>` and `&`
# become entities so that no HTML tag survives.
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_WHITESPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")


def render_reports(reports: Sequence[Report], lang: str = "en") -> str:
    """All reports as one Markdown document; with several, a one-table overview comes first."""
    sections: list[str] = []
    if len(reports) > 1:
        sections.append(_overview(reports, lang))
    sections += [_report(report, lang, heading="##" if len(reports) == 1 else "###") for report in reports]
    return defuse("\n".join(sections), MARKDOWN)


def inline(sentence: Sentence, table: bool = False) -> str:
    """`sentence` as Markdown text: escaped, one line, what its template marks with backticks as code."""
    return "".join(
        _code(words, table) if is_code else _escape(words)
        for words, is_code in code_runs(_one_line(sentence))
    )


def _say(message: Message, lang: str, table: bool = False) -> str:
    return inline(parts(message, lang), table)


def _one_line(sentence: Sentence) -> list[Part]:
    """`sentence` with each stretch of white space made one space and none at either end.

    A line break would end the list item or the table row; the template's are dropped too.
    """
    out: list[Part] = []
    space = False
    for words, is_argument in sentence:
        flat = ""
        for index, piece in enumerate(_WHITESPACE.split(words)):
            if index:  # white space came before this piece, maybe at the end of the previous part
                space = True
            if piece:
                flat += f" {piece}" if space and (out or flat) else piece
                space = False
        if flat:
            out.append((flat, is_argument))
    return out


def _escape(words: str) -> str:
    escaped = "".join(_ENTITIES.get(char, char) for char in words)
    return _PUNCTUATION.sub(r"\\\1", escaped)


def _code(words: str, table: bool) -> str:
    if not words:
        return _escape("``")  # Markdown has no empty code span; show the template's two backticks
    # Inside a code span everything is literal, but GFM still splits table cells on `|`.
    body = words.replace("|", "\\|") if table else words
    # The fence is one backtick longer than any run inside. A space each side keeps a backtick
    # at either end off the fence; CommonMark strips one such pair, so an edge space needs one too.
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(words)), default=0))
    if body[0] == "`" or body[-1] == "`" or (body[0] == " " and body[-1] == " " and body.strip(" ")):
        body = f" {body} "
    return f"{fence}{body}{fence}"


def _overview(reports: Sequence[Report], lang: str) -> str:
    rows = [
        f"## {_say(Message('out.page-title'), lang)}",
        "",
        f"| {text('out.file', lang)} | {text('report.score', lang)} | {text('report.verdict', lang)} |",
        "| --- | ---: | --- |",
    ]
    for report in reports:
        score = one_decimal(report.score, lang) if report.score is not None else "–"
        rows.append(
            f"| {inline(as_code(report.path), table=True)} | {score} | "
            f"{VERDICT_MARK[report.verdict]} {text('verdict.' + report.verdict.value, lang)} |"
        )
    return "\n".join(rows) + "\n"


def _report(report: Report, lang: str, heading: str) -> str:
    verdict = text("verdict." + report.verdict.value, lang)
    score = _say(score_message(report), lang)
    title = inline(as_text(report.title)) if report.title else _say(Message("out.untitled"), lang)
    ready = _say(Message("out.gauge.ready", {"points": Number(report.thresholds["ready"], None)}), lang)
    nearly = _say(
        Message("out.gauge.nearly", {"points": Number(report.thresholds["nearly-ready"], None)}), lang
    )
    lines = [
        f"{heading} {VERDICT_MARK[report.verdict]} {title}{colon(lang)}{score}, {verdict}",
        "",
        f"{inline(as_code(report.path))} · {_say(Message('out.pack'), lang)} "
        f"{inline(as_text(report.pack_id))} {inline(as_text(report.pack_version))} · {ready}, {nearly}",
        "",
    ]
    if report.gate is not None:
        mark = "✅" if report.gate.passed else "❌"
        answer = inline(as_text(gate_line(report.gate, lang)))
        lines += [f"**{_say(Message('gate.heading'), lang)}**{colon(lang)}{mark} {answer}", ""]
    if report.findings:
        lines += [f"**{_say(Message('report.invalid', {'count': len(report.findings)}), lang)}**", ""]
        for finding in report.findings:
            place = where_message(finding.location)
            hint = f" ({_say(finding.hint, lang)})" if finding.hint else ""
            lines.append(
                f"- {_say(place, lang) if place else ''}{colon(lang)}{_say(finding.message, lang)}{hint}"
            )
        lines.append("")
        return "\n".join(lines)
    unwaived = without_waivers(report)
    if unwaived is not None:
        lines += [f"**{_say(unwaived, lang)}**", ""]
    if report.config is not None:
        config = _say(Message("report.config", {"path": report.config}), lang)
        lines += [f"{config} · {inline(as_text(report.pack_id))}", ""]
    lines += [f"**{_say(to_ready_message(report), lang)}**", ""]
    fixes = report.gaps[:BIGGEST_FIXES]
    if fixes:
        lines += [f"**{_say(Message('out.biggest-fixes'), lang)}**", ""]
        for number, result in enumerate(fixes, start=1):
            lines.append(
                f"{number}. **{_say(gain_message(result), lang)}** · **{result.rule}** "
                f"{inline(pack_text(result.title.in_(lang)))}{colon(lang)}"
                f"{inline(pack_text(result.remediation.in_(lang)))}"
            )
            missing = labelled_missing(result, lang)
            if missing:  # under the item (three spaces): what this proposal lacks, in the reader's words
                said = ", ".join(_labelled(words, code) for words, code in missing)
                lines.append(f"   {_say(Message('report.missing'), lang)}{colon(lang)}{said}")
        lines.append("")
    coverage = _coverage_line(report, lang)
    if coverage:
        lines += [coverage, ""]
    if report.placeholders:
        lines += [f"**{_say(placeholders_heading(report), lang)}**", ""]
        for spot in report.placeholders:
            place = where_message(spot.location)
            at = f" · {_say(place, lang)}" if place else ""
            lines.append(f"- {_labelled(*labelled_field(spot.field, lang))}{at}")
        lines.append("")
    if report.roster:
        lines += _roster(report, lang)
    lines += [
        "<details>",
        f"<summary>{_say(Message('out.all-rules', {'count': len(report.results)}), lang)}</summary>",
        "",
        f"| {text('out.col.rule', lang)} | {text('out.col.status', lang)} | "
        f"{text('out.col.points', lang)} | {text('out.col.found', lang)} |",
        "| --- | --- | ---: | --- |",
    ]
    lines += [_row(result, lang) for result in report.results]
    lines += ["", "</details>", ""]
    if report.waivers:
        lines += [f"**{_say(Message('report.waivers'), lang)}**", ""]
        lines += [
            f"- **{use.rule}** {_say(waiver_message(use), lang)} "
            f"({_say(days_message(use.days_left), lang)}) · {inline(as_code(use.source))}{_at(use.location)}"
            for use in report.waivers
        ]
        lines.append("")
    if report.notes:
        lines += [
            f"_{_say(Message('report.notes'), lang)}_: " + " ".join(_say(note, lang) for note in report.notes)
        ]
        lines.append("")
    return "\n".join(lines)


def _labelled(words: str, code: str) -> str:
    """A field or sector in words, then its path or code as code: `Municipality › Liaison intent
    `municipality.liaison_intent``; only the code when the words are the code."""
    if words == code:
        return inline(as_code(code))
    return f"{inline(as_text(words))} {inline(as_code(code))}"


def _roster(report: Report, lang: str) -> list[str]:
    """The council, a row a member, folded like the rule table: it can be long."""
    lines = [
        "<details>",
        f"<summary>{_say(Message('out.roster'), lang)} ({len(report.roster)})</summary>",
        "",
        f"| {text('out.col.organization', lang)} | {text('out.col.sectors', lang)} | "
        f"{text('out.col.role', lang)} | {text('out.col.representative', lang)} |",
        "| --- | --- | --- | --- |",
    ]
    for member in report.roster:
        cells = (
            member.organization,
            roster_sectors(member, lang),
            roster_role(member, lang),
            member.representative or "",
        )
        lines.append("| " + " | ".join(inline(as_text(cell), table=True) for cell in cells) + " |")
    return [*lines, "", "</details>", ""]


def _at(location: Location | None) -> str:
    return f":{location.line}:{location.column}" if location is not None else ""


def _row(result: RuleResult, lang: str) -> str:
    # The message already says what is missing; the HTML report lists it in full.
    found = _say(result.message, lang, table=True)
    status = f"{STATUS_MARK[result.status]} {text('status.' + result.status.value, lang)}"
    return f"| {result.rule} | {status} | {_say(points_message(result), lang, table=True)} | {found} |"


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
    counts: list[Part] = []
    for rule, flags in rules.items():
        if counts:
            counts.append((" · ", False))
        counts += parts(
            Message("out.coverage-line", {"rule": rule, "covered": sum(flags), "total": len(flags)}), lang
        )
    line = f"**{_say(Message('out.coverage'), lang)}**{colon(lang)}" + inline(counts)
    if missing:
        line += f" ({_say(Message('out.coverage-missing', {'sectors': ', '.join(missing)}), lang)})"
    return line
