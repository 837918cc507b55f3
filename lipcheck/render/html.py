"""The HTML report: one self-contained page (inline CSS, no script, no network) a council can read and print.

The template only lays out; everything it shows is prepared here, already translated, and Jinja2
escapes every string, so nothing from a proposal can become markup. Sentences that may hold code
come as parts (template words and arguments) for the `sentence` filter, which sets as code only
what the template or the pack marks with backticks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from lipcheck import __version__
from lipcheck.findings import Message, Report, RuleResult, SectorCoverage, Severity, Status, Verdict
from lipcheck.frozen import frozen
from lipcheck.messages import colon, parts, render, text
from lipcheck.render import one_decimal, short_number
from lipcheck.render.sentences import (
    BIGGEST_FIXES,
    Sentence,
    code_runs,
    days_message,
    earned_of,
    gain,
    gate_line,
    labelled_field,
    labelled_missing,
    pack_text,
    placeholders_heading,
    points,
    roster_role,
    sector_label,
    to_ready_message,
    waiver_message,
    where,
    without_waivers,
)
from lipcheck.render.workflow_commands import MARKUP, defuse

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

TEMPLATE = "report.html.j2"

VERDICT_MARK = {
    Verdict.READY: "✓",
    Verdict.NEARLY_READY: "!",
    Verdict.NOT_READY: "✗",
    Verdict.INELIGIBLE: "✗",
    Verdict.INVALID: "✗",
}
STATUS_MARK = {
    Status.MET: "✓",
    Status.PARTIAL: "◐",
    Status.UNMET: "✗",
    Status.NOT_APPLICABLE: "–",
    Status.WAIVED: "⊘",
}


@frozen
class Fix:
    """One of the biggest fixes in the summary."""

    rule: str
    title: str
    gain: str
    """`+8.6 points`, or `Blocker` for a rule that bars funding."""
    blocker: bool
    found: Sentence
    """What this proposal lacks for the rule (its sectors, its field, its count), not the rule's advice."""
    missing: tuple[tuple[str, str], ...]
    """Each thing lacking, in words and as its code or field path."""
    remediation: Sentence
    anchor: str


@frozen
class RuleView:
    rule: str
    title: str
    severity: str
    severity_label: str
    status: str
    status_label: str
    mark: str
    points: str
    found: Sentence
    missing: tuple[tuple[str, str], ...]
    """Each thing lacking, in words and as its code or field path."""
    where: str
    remediation: Sentence
    source: str
    failed: bool
    anchor: str


@frozen
class WaiverView:
    rule: str
    reason: str
    owner: str
    expires: str
    days: str
    """`120 days left`, `expires today`, `expired 3 days ago`."""
    state: str
    message: Sentence
    where: str


@frozen
class FindingView:
    where: str
    message: Sentence
    hint: Sentence | None


@frozen
class SectorView:
    code: str
    label: str
    covered: bool
    members: tuple[tuple[str, bool], ...]
    """Each member carrying the sector, and whether the sector was inferred from its name."""


@frozen
class SectorGroup:
    heading: str
    """`LIP101: 5 of 7 sectors covered`, or the heading of the sectors no rule asks for."""
    title: str | None
    """The rule's title, when a rule asks for these sectors."""
    sectors: tuple[SectorView, ...]


@frozen
class ReportView:
    """One proposal as the template shows it."""

    id: str
    path: str
    title: str
    pack: str
    pack_id: str
    pack_version: str
    score: str
    points: str | None
    """`65.0 of 90.0 points`: the rule points behind the score."""
    score_percent: str | None
    verdict: str
    verdict_label: str
    verdict_mark: str
    ready: str
    nearly_ready: str
    ready_percent: str
    nearly_percent: str
    gauge_label: str
    to_ready: Sentence | None
    fixes: tuple[Fix, ...]
    findings: tuple[FindingView, ...]
    rules: tuple[RuleView, ...]
    coverage: tuple[SectorGroup, ...]
    has_council: bool
    notes: tuple[Sentence, ...]
    made_by: str
    footer: str
    """The print footer's text: the proposal's title, as a CSS string."""
    community: str | None = None
    applicant: str | None = None
    submitted: str | None = None
    warnings: tuple[tuple[str, Sentence], ...] = ()
    roster: tuple[tuple[str, str, bool, str, str], ...] = ()
    """Organization, sector labels, inferred, role, representative: the council as the chair reads it."""
    placeholders: tuple[tuple[str, str, str], ...] = ()
    """Each field still holding a placeholder: its label, its path, where it is."""
    placeholders_heading: str = ""
    gate: str | None = None
    """The gate's answer (`PASS`, or `FAIL: ` and why), once the run has judged the report."""
    gate_passed: bool = True
    without_waivers: Sentence | None = None
    """`Score without waivers: 72.2` (and ineligible without them), when a waiver applies."""
    config: Sentence | None = None
    waivers: tuple[WaiverView, ...] = ()


def render_reports(reports: Sequence[Report], lang: str = "en", stamp: str | None = None) -> str:
    """One HTML page holding every report, in the order given.

    `stamp` is the report's date (YYYY-MM-DD), shown only when asked for (`--stamp`, or
    SOURCE_DATE_EPOCH), so that the same proposal gives the same bytes.
    """
    template = _environment().get_template(TEMPLATE)
    views = [_view(report, f"p{index + 1}", lang, stamp) for index, report in enumerate(reports)]
    return (
        defuse(
            template.render(lang=lang, t=_translator(lang), sep=colon(lang).rstrip(), reports=views), MARKUP
        )
        + "\n"
    )


def _environment() -> Environment:
    """The templates' environment: read from the modules compiled ahead of time when this
    Jinja2 compiled them (lipcheck.render.template_compiler), else from the template files."""
    # Jinja2 is imported here, not at the top, so commands that never render HTML start fast.
    import jinja2
    from jinja2 import ModuleLoader

    from lipcheck.render.template_compiler import COMPILED, VERSION_FILE

    try:
        compiled_by = (COMPILED / VERSION_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        compiled_by = None
    if compiled_by != jinja2.__version__:
        return source_environment()
    return _configured(ModuleLoader(str(COMPILED)))


def source_environment() -> Environment:
    """The templates' environment reading the template files (and compiling them on each run)."""
    from jinja2 import PackageLoader

    return _configured(PackageLoader("lipcheck.render", "templates"))


def _configured(loader: BaseLoader) -> Environment:
    from jinja2 import Environment, StrictUndefined

    environment = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.filters["sentence"] = sentence_html
    environment.filters["css_string"] = css_string
    return environment


def sentence_html(sentence: Sentence) -> Markup:
    """`sentence` escaped, with what its template marks with backticks set as `<code>`."""
    from markupsafe import escape

    return Markup(
        "".join(
            f"<code>{escape(words)}</code>" if is_code else escape(words)
            for words, is_code in code_runs(sentence)
        )
    )


def _translator(lang: str) -> Callable[..., str]:
    def translate(message_id: str, **args: object) -> str:
        return text(message_id, lang, **args)

    return translate


def css_string(value: str) -> str:
    """`value` as a CSS string literal that no text can close or break out of (`</style>` included)."""
    out = []
    for char in value:
        if char.isalnum() or char in " .,;:!?()-_'/&+":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def _view(report: Report, id_prefix: str, lang: str, stamp: str | None = None) -> ReportView:
    ready, nearly = report.thresholds["ready"], report.thresholds["nearly-ready"]
    score = one_decimal(report.score, lang) if report.score is not None else "–"
    rules = tuple(_rule(result, report.path, f"{id_prefix}-{result.rule}", lang) for result in report.results)
    return ReportView(
        gate=None if report.gate is None else gate_line(report.gate, lang),
        gate_passed=report.gate is None or report.gate.passed,
        id=id_prefix,
        path=report.path,
        title=report.title or text("out.untitled", lang),
        pack=f"{report.pack_id} {report.pack_version}",
        pack_id=report.pack_id,
        pack_version=report.pack_version,
        score=score,
        points=render(behind, lang) if (behind := earned_of(report)) else None,
        score_percent=None if report.score is None else _percent(report.score),
        verdict=report.verdict.value,
        verdict_label=text("verdict." + report.verdict.value, lang),
        verdict_mark=VERDICT_MARK[report.verdict],
        ready=f"{ready:g}",
        nearly_ready=f"{nearly:g}",
        ready_percent=_percent(ready),
        nearly_percent=_percent(nearly),
        gauge_label=text(
            "out.gauge", lang, score=score, nearly=short_number(nearly, lang), ready=short_number(ready, lang)
        ),
        to_ready=None if report.score is None else tuple(parts(to_ready_message(report), lang)),
        fixes=tuple(
            _fix(result, f"{id_prefix}-{result.rule}", lang) for result in report.gaps[:BIGGEST_FIXES]
        ),
        findings=tuple(
            FindingView(
                where=where(finding.location, lang),
                message=tuple(parts(finding.message, lang)),
                hint=tuple(parts(finding.hint, lang)) if finding.hint else None,
            )
            for finding in report.findings
        ),
        rules=rules,
        coverage=_coverage(report, lang),
        has_council=any(entry.covered for entry in report.coverage),
        notes=tuple(tuple(parts(note, lang)) for note in report.notes),
        without_waivers=tuple(parts(unwaived, lang)) if (unwaived := without_waivers(report)) else None,
        config=None
        if report.config is None
        else tuple(parts(Message("report.config", {"path": report.config}), lang)),
        waivers=tuple(
            WaiverView(
                rule=use.rule,
                reason=use.reason,
                owner=use.owner,
                expires=use.expires.isoformat(),
                days=render(days_message(use.days_left), lang),
                state=use.state.value,
                message=tuple(parts(waiver_message(use), lang)),
                where=f"{use.source}, {where(use.location, lang)}" if use.location else use.source,
            )
            for use in report.waivers
        ),
        made_by=text(
            "out.made-by", lang, version=__version__, pack=report.pack_id, pack_version=report.pack_version
        )
        + (" " + text("out.stamped", lang, date=stamp) if stamp else ""),
        footer=css_string(
            report.title or text("out.untitled", lang)
        ),  # escaped here: the template marks it safe
        community=report.community,
        applicant=report.applicant,
        submitted=report.submitted,
        warnings=tuple((result.rule, tuple(parts(result.message, lang))) for result in report.warnings),
        roster=tuple(
            (
                member.organization,
                ", ".join(sector_label(code, lang) for code in member.sectors),
                member.inferred,
                roster_role(member, lang),
                member.representative or "",
            )
            for member in report.roster
        ),
        placeholders=tuple(
            (*labelled_field(spot.field, lang), where(spot.location, lang)) for spot in report.placeholders
        ),
        placeholders_heading=render(placeholders_heading(report), lang),
    )


def _fix(result: RuleResult, anchor: str, lang: str) -> Fix:
    return Fix(
        rule=result.rule,
        title=result.title.in_(lang),
        gain=gain(result, lang),
        blocker=result.severity is Severity.BLOCKER,
        found=tuple(parts(result.message, lang)),
        missing=labelled_missing(result, lang),
        remediation=pack_text(result.remediation.in_(lang).strip()),
        anchor=anchor,
    )


def _rule(result: RuleResult, path: str, anchor: str, lang: str) -> RuleView:
    return RuleView(
        rule=result.rule,
        title=result.title.in_(lang),
        severity=result.severity.value,
        severity_label=text("severity." + result.severity.value, lang),
        status=result.status.value,
        status_label=text("status." + result.status.value, lang),
        mark=STATUS_MARK[result.status],
        points=points(result, lang),
        found=tuple(parts(result.message, lang)),
        missing=labelled_missing(result, lang),
        where=f"{path}, {where(result.location, lang)}" if result.location else path,
        remediation=pack_text(result.remediation.in_(lang).strip()),
        source=result.source.in_(lang).strip(),
        failed=result.failed,
        anchor=anchor,
    )


def _coverage(report: Report, lang: str) -> tuple[SectorGroup, ...]:
    titles = {result.rule: result.title.in_(lang) for result in report.results}
    groups: dict[str | None, list[SectorCoverage]] = {}
    for entry in report.coverage:
        groups.setdefault(entry.rule, []).append(entry)
    out = []
    for rule, entries in groups.items():
        sectors = tuple(
            SectorView(
                entry.sector,
                sector_label(entry.sector, lang),
                entry.covered,
                tuple((member, member in entry.inferred) for member in entry.members),
            )
            for entry in entries
        )
        if rule is None:
            heading, title = text("out.coverage.other", lang), None
        else:
            covered = sum(entry.covered for entry in entries)
            heading = text("out.coverage.group", lang, rule=rule, covered=covered, total=len(entries))
            title = titles.get(rule)
        out.append(SectorGroup(heading, title, sectors))
    return tuple(out)


def _percent(value: float) -> str:
    """A width for CSS: clamped to 0..100 and written with a point whatever the locale."""
    return f"{max(0.0, min(100.0, value)):.1f}"
