"""Waivers applied to rule results: a rule accepted as not met, with a reason, an owner and an end.

A waiver applies while its `expires` is on or after the run's today (`--today`), never the clock.
Applied to a rule that is not fully met, the rule's status becomes `waived`: it leaves the
denominator like a rule that does not apply, and fails no gate. An expired waiver is not applied
(the rule counts again) and a waiver of a rule that is met is not needed: each gives a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence, Set
from dataclasses import field
from typing import TYPE_CHECKING

from lipcheck.findings import Finding, Location, Message, RuleResult, Status, WaiverState, WaiverUse
from lipcheck.frozen import changed, frozen

if TYPE_CHECKING:
    from lipcheck.loader import Limits
    from lipcheck.run.config import Config, ConfigWaiver
    from lipcheck.run.settings import Configs


@frozen
class WaiverSpec:
    """A waiver as written, in a proposal or a config, with where it is written."""

    rule: str
    reason: str
    owner: str
    expires: dt.date
    source: str
    location: Location | None
    """Where the waiver is written (its entry in `waivers`)."""
    rule_at: Location | None = None
    """Where its `rule` is written."""
    in_config: bool = False
    outcomes: dict[tuple[dt.date, WaiverState], tuple[WaiverUse, Finding | None]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """What `apply` made of the waiver, by day and state: a config's waiver is one WaiverSpec for
    every file it takes in (see settings.resolve), and its use and warning are the same for each."""


@frozen
class Waived:
    """Rule results with the waivers applied, and what became of each waiver."""

    results: tuple[RuleResult, ...]
    uses: tuple[WaiverUse, ...]
    warnings: tuple[Finding, ...]

    @property
    def applied(self) -> bool:
        """Whether a waiver took a rule out: else `results` are the results it was given."""
        return any(use.state is WaiverState.APPLIED for use in self.uses)


def in_force(waivers: Sequence[WaiverSpec], today: dt.date) -> frozenset[str]:
    """The rules a waiver in force names: `apply` takes out each of them that is not fully met."""
    return frozenset(waiver.rule for waiver in waivers if waiver.expires >= today)


def unknown_rules(waivers: Sequence[WaiverSpec], rules: Set[str]) -> list[WaiverSpec]:
    """The waivers that name a rule the pack does not have."""
    return [waiver for waiver in waivers if waiver.rule not in rules]


def apply(results: Sequence[RuleResult], waivers: Sequence[WaiverSpec], today: dt.date) -> Waived:
    """`results` with each waiver in force applied; the proposal's own waivers come first.

    A second waiver of a rule already waived has nothing left to waive: it is unused.
    """
    rules = [result.rule for result in results]  # a few waivers: list.index beats a dict of every rule
    out = list(results)
    uses: list[WaiverUse] = []
    warnings: list[Finding] = []
    for waiver in waivers:
        if waiver.rule not in rules:
            continue  # refused before (unknown rule); nothing to apply
        index = rules.index(waiver.rule)
        result = out[index]
        days = (waiver.expires - today).days
        state = _EXPIRED if days < 0 else _APPLIED if result.failed else _UNUSED
        outcome = waiver.outcomes.get((today, state))
        if outcome is None:
            outcome = waiver.outcomes[(today, state)] = _outcome(waiver, days, state)
        use, warning = outcome
        uses.append(use)
        if warning is not None:
            warnings.append(warning)
        if state is _APPLIED:
            out[index] = changed(result, status=Status.WAIVED, waiver=use)
    if len(uses) > 1:
        uses.sort(key=lambda use: (use.expires, use.rule))
    return Waived(tuple(out), tuple(uses), tuple(warnings))


_EXPIRED, _APPLIED, _UNUSED = WaiverState.EXPIRED, WaiverState.APPLIED, WaiverState.UNUSED


def _outcome(waiver: WaiverSpec, days: int, state: WaiverState) -> tuple[WaiverUse, Finding | None]:
    """The use of `waiver`, `days` before it expires, in `state`; and its warning (expired, unused)."""
    use = WaiverUse(
        waiver.rule, waiver.reason, waiver.owner, waiver.expires, days, state, waiver.source,
        waiver.location, waiver.in_config,
    )  # fmt: skip
    if state is _APPLIED:
        return use, None
    args = {"rule": waiver.rule, "expires": waiver.expires.isoformat(), "owner": waiver.owner}
    code = "expired" if state is _EXPIRED else "unused"
    return use, Finding(f"waiver-{code}", Message(f"waiver.{code}", args), waiver.location)


def listed(
    paths: Sequence[str], configs: Configs, limits: Limits, config: Config | None = None
) -> tuple[list[WaiverSpec], list[tuple[str, tuple[Finding, ...]]]]:
    """Every waiver of the proposals at `paths` and of their configs (and of `config`), each once.

    Soonest expiry first. Also the proposals that are not valid, with their findings (their
    waivers cannot be trusted to be what the file means). Raises LipcheckError for a file that
    cannot be read or a broken config.
    """
    from lipcheck.loader import read_proposal
    from lipcheck.paths import shown_path
    from lipcheck.validation import validate

    found: dict[tuple[str, int, int], WaiverSpec] = {}
    invalid: list[tuple[str, tuple[Finding, ...]]] = []

    def add(spec: WaiverSpec) -> None:
        where = spec.location or Location(0, 0)
        found.setdefault((spec.source, where.line, where.column), spec)

    for found_config in [config] if config is not None else []:
        for own in found_config.waivers:
            add(from_config(own, found_config))
    for path in paths:
        document = read_proposal(path, limits)
        shown = shown_path(path)
        proposal, findings = (None, document.findings) if document.findings else validate(document)
        if proposal is None:
            invalid.append((shown, findings))
            continue
        for index, waiver in enumerate(proposal.waivers):
            at = document.positions
            spec = WaiverSpec(
                waiver.rule, waiver.reason, waiver.owner, waiver.expires, shown,
                at.key(("waivers", index)), at.value(("waivers", index, "rule")),
            )  # fmt: skip
            add(spec)
        file_config = configs.for_file(path)
        if file_config is not None:
            for config_waiver in file_config.waivers_for(path):
                add(from_config(config_waiver, file_config))
    ordered = sorted(found.values(), key=lambda spec: (spec.expires, spec.rule, spec.source))
    return ordered, invalid


def from_config(waiver: ConfigWaiver, config: Config) -> WaiverSpec:
    """A config's waiver as the waivers of a file are applied, naming the config as its source."""
    return WaiverSpec(
        waiver.rule, waiver.reason, waiver.owner, waiver.expires, config.shown, waiver.location,
        waiver.rule_at, in_config=True,
    )  # fmt: skip
