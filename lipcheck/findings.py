"""The values that travel between stages: severities, locations, findings, rule results, reports."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from lipcheck.frozen import frozen


class Severity(str, enum.Enum):
    """How much an unmet rule matters; ordered from most to least serious."""

    BLOCKER = "blocker"
    MAJOR = "major"
    MINOR = "minor"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious, so `--fail-on` can compare severities."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {
    Severity.BLOCKER: 4,
    Severity.MAJOR: 3,
    Severity.MINOR: 2,
    Severity.WARNING: 1,
    Severity.INFO: 0,
}


class Status(str, enum.Enum):
    """How far a proposal meets one rule."""

    MET = "met"
    PARTIAL = "partial"
    UNMET = "unmet"
    NOT_APPLICABLE = "not-applicable"
    WAIVED = "waived"
    """Not fully met, but a waiver in force accepts it: out of the denominator, never failing the gate."""


FALLING_SHORT = (Status.UNMET, Status.PARTIAL)
"""The statuses of a rule not fully met (what a waiver in force takes out, what `--fail-on` counts).
A module name: on Python 3.11 each `Status.MEMBER` costs a call to EnumType.__getattr__."""


class Verdict(str, enum.Enum):
    """The one-word answer to "are we ready?"."""

    READY = "ready"
    NEARLY_READY = "nearly-ready"
    NOT_READY = "not-ready"
    INELIGIBLE = "ineligible"
    INVALID = "invalid"


@frozen
class Thresholds:
    """The scores (0 to 100) from which a proposal is ready and nearly ready; nearly-ready <= ready."""

    ready: float
    nearly_ready: float


@frozen
class Location:
    """A place in the proposal file; line and column count from 1.

    `file` is set for a place in another file the proposal names (its council spreadsheet): the
    path as the user would open it. There `line` is the spreadsheet's row and `column` its column.
    """

    line: int
    column: int
    file: str | None = None


@frozen
class Message:
    """A user-facing sentence, kept as a catalogue id and its arguments until it is rendered."""

    id: str
    args: Mapping[str, object] = field(default_factory=dict)


@frozen
class Number:
    """A number in a sentence, shown as its reader writes it: `72.2` in English, `72,2` in French."""

    value: float
    places: int | None = 1
    """Decimals shown; None for as few as the value needs (`20`, `2.5`)."""


@frozen
class Either:
    """Codes in a sentence as alternatives: `financial or in-kind`, `financial ou in-kind`."""

    items: tuple[str, ...]


@frozen
class Text:
    """A text a rule pack writes (a rule's title, rationale, ...): in English, and in French where given.

    A shipped pack gives both; a user's pack may give English only, and then French output shows
    the English with a note saying so (see `Pack.untranslated`).
    """

    en: str
    fr: str | None = None

    def in_(self, lang: str) -> str:
        """The text in `lang`; the English one where the pack gives no other."""
        return self.fr if lang == "fr" and self.fr is not None else self.en

    def has(self, lang: str) -> bool:
        """Whether the pack wrote this text in `lang` itself."""
        return lang == "en" or (lang == "fr" and self.fr is not None)


@frozen
class Finding:
    """A problem with the file itself (syntax, encoding, limits, schema): it makes the proposal invalid."""

    code: str
    """Stable identifier of the kind of problem, e.g. `duplicate-key`."""
    message: Message
    location: Location | None
    hint: Message | None = None


class WaiverState(str, enum.Enum):
    """What became of a waiver in one proposal's report."""

    APPLIED = "applied"
    """In force, and the rule is not fully met: the rule's result is `waived`."""
    EXPIRED = "expired"
    """`expires` is before the run's today: not applied, the rule counts again."""
    UNUSED = "unused"
    """In force, but the rule is met or does not apply: nothing to waive."""


@frozen
class WaiverUse:
    """One waiver as a report shows it: what it says, where it is written, and what became of it."""

    rule: str
    reason: str
    owner: str
    expires: dt.date
    days_left: int
    """Days from the run's today to `expires` (0: its last day; negative: expired)."""
    state: WaiverState
    source: str
    """The file that holds the waiver: the proposal, or the config (as reports show paths)."""
    location: Location | None = None
    in_config: bool = False


@frozen
class RuleResult:
    """One rule of the pack applied to one proposal, stamped by the engine."""

    rule: str
    title: Text
    severity: Severity
    weight: float
    """Points the rule is worth when fully met; 0 for blockers and warnings."""
    status: Status
    credit: float
    """Share of the weight earned, from 0 to 1."""
    message: Message
    location: Location | None
    remediation: Text
    source: Text
    missing: tuple[str, ...] = ()
    """What the proposal lacks for this rule, in the domain's codes (e.g. sector codes)."""
    scale: float = 1.0
    """Score points per rule point for this proposal: 100 / the points possible (see scoring)."""
    waiver: WaiverUse | None = None
    """The waiver that accepts the rule as not met (status `waived`)."""

    @property
    def points(self) -> float:
        """Rule points earned: weight x credit."""
        return self.weight * self.credit

    @property
    def gain(self) -> float:
        """Score points (0 to 100) the proposal would add by meeting the rule fully."""
        if self.status in (Status.NOT_APPLICABLE, Status.WAIVED):
            return 0.0
        return (self.weight - self.points) * self.scale

    @property
    def failed(self) -> bool:
        return self.status in FALLING_SHORT


@frozen
class SectorCoverage:
    """One sector of the council: which members cover it, and which rule of the pack asks for it."""

    sector: str
    """A sector code, e.g. `settlement`."""
    rule: str | None
    """The sector-coverage rule that names the sector; None for a sector no rule asks for."""
    members: tuple[str, ...] = ()
    """The organizations on the council that carry the sector, in council order."""
    inferred: tuple[str, ...] = ()
    """Those of `members` that carry the sector because their name signals it (none written)."""

    @property
    def covered(self) -> bool:
        return bool(self.members)


@frozen
class RosterEntry:
    """One council member as the report lists it (the council roster)."""

    organization: str
    sectors: tuple[str, ...]
    inferred: bool
    """True when `sectors` were read from the organization's name, none being written."""
    role: str
    representative: str | None
    location: Location | None


@frozen
class PlaceholderLeft:
    """A field still holding a placeholder (`TODO`, `TBD`, ...): not filled in."""

    field: str
    """The field's dotted path, e.g. `community.name`."""
    location: Location


@frozen
class GateResult:
    """Whether a proposal meets the run's gate, and why not: computed once, read by every format."""

    passed: bool
    reasons: tuple[Message, ...] = ()
    """Why the gate failed, one message each (empty when it passed)."""
    rules: tuple[str, ...] = ()
    """The rules that by themselves fail the gate (ineligible blockers, `--fail-on`)."""


@frozen
class Report:
    """Everything lipcheck concluded about one proposal file."""

    path: str
    """The file as the user named it."""
    pack_id: str
    pack_version: str
    score: float | None
    """0 to 100, unrounded: 100 x earned / possible; None when the proposal is invalid."""
    verdict: Verdict
    thresholds: Mapping[str, float]
    results: tuple[RuleResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    fixes: tuple[str, ...] = ()
    """Rule ids whose fixes, taken together, are the fewest that reach `ready`."""
    notes: tuple[Message, ...] = ()
    """Things the reader should know about how the rules were read (e.g. no submission date)."""
    title: str | None = None
    coverage: tuple[SectorCoverage, ...] = ()
    """The council's sectors: those the pack's sector rules name first (in rule order), then the rest."""
    earned: float | None = None
    """Rule points earned, over the major and minor rules that apply; None when invalid."""
    possible: float | None = None
    """Rule points the rules that apply could give (not-applicable rules leave it); None when invalid."""
    gate: GateResult | None = None
    """The gate's judgement, once the run has judged the report (None before)."""
    community: str | None = None
    """The community's name, as the proposal gives it (None when invalid or not given)."""
    province: str | None = None
    """The community's province or territory code (None when invalid or not given)."""
    score_without_waivers: float | None = None
    """The score had no waiver applied (the same as `score` when none is); None when invalid."""
    ineligible_without_waivers: tuple[str, ...] = ()
    """Blockers not met that only a waiver keeps from making the proposal ineligible."""
    waivers: tuple[WaiverUse, ...] = ()
    """Every waiver that names a rule of this report's pack: applied, expired or unused."""
    warnings_found: tuple[Finding, ...] = ()
    """Warnings about the file that leave it valid: `waiver-expired`, `waiver-unused`."""
    config: str | None = None
    """The `.lipcheck.yaml` used, relative to the working folder; None when none was."""
    roster: tuple[RosterEntry, ...] = ()
    """The council's members, in the proposal's order."""
    placeholders: tuple[PlaceholderLeft, ...] = ()
    """Fields still holding a placeholder, in file order."""
    applicant: str | None = None
    """The lead applicant's name."""
    submitted: str | None = None
    """The submission date, YYYY-MM-DD."""

    @property
    def gaps(self) -> tuple[RuleResult, ...]:
        """Rules not fully met, blockers first, then biggest missing points (stable for ties)."""
        failed = [r for r in self.results if r.failed and r.severity.rank >= Severity.MINOR.rank]
        return tuple(sorted(failed, key=lambda r: (r.severity is not Severity.BLOCKER, -r.gain)))

    @property
    def warnings(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.failed and r.severity.rank < Severity.MINOR.rank)


@dataclass(frozen=True, slots=True)
class Cell:
    """One rule of one proposal, as a portfolio's heat map shows it."""

    rule: str
    status: Status
    credit: float
    points: float
    weight: float


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """What a summary table or a portfolio index keeps of one report: small, so thousands fit."""

    path: str
    title: str | None
    community: str | None
    call: str
    pack_version: str
    score: float | None
    verdict: Verdict
    passed: bool
    gap: str | None
    """The biggest gap's rule id (blockers first), or None when nothing is short."""
    gap_gain: float = 0.0
    """Score points the biggest gap would add."""
    cells: tuple[Cell, ...] = ()
    sectors: tuple[str, ...] = ()
    """Sector codes the council carries (at least one member)."""
    page: str | None = None
    """The portfolio page written for this proposal, relative to the index."""

    @classmethod
    def of(cls, report: Report, page: str | None = None, cells: bool = True) -> ProposalRow:
        """The row of `report`; without `cells`, no heat-map cells or sectors (the text table's row)."""
        gaps = report.gaps
        results, coverage = (report.results, report.coverage) if cells else ((), ())
        return cls(
            path=report.path,
            title=report.title,
            community=report.community,
            call=report.pack_id,
            pack_version=report.pack_version,
            score=report.score,
            verdict=report.verdict,
            passed=report.gate is None or report.gate.passed,
            gap=gaps[0].rule if gaps else None,
            gap_gain=gaps[0].gain if gaps else 0.0,
            cells=tuple(Cell(r.rule, r.status, r.credit, r.points, r.weight) for r in results),
            sectors=tuple(entry.sector for entry in coverage if entry.members),
            page=page,
        )


@dataclass
class Summary:
    """Counts over a run of several files, kept as reports stream past."""

    files: int = 0
    verdicts: dict[str, int] = field(default_factory=lambda: {v.value: 0 for v in Verdict})
    unreadable: int = 0
    short: int = 0
    """Proposals that fail the gate."""

    def count(self, verdict: Verdict, passed: bool = True) -> None:
        self.files += 1
        self.verdicts[verdict.value] += 1
        self.short += not passed
