"""Waivers applied to rule results: a rule accepted as not met, with a reason, an owner and an end.

A waiver applies while its `expires` is on or after the run's today (`--today`), never the clock.
Applied to a rule that is not fully met, the rule's status becomes `waived`: it leaves the
denominator like a rule that does not apply, and fails no gate. An expired waiver is not applied
(the rule counts again) and a waiver of a rule that is met is not needed: each gives a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from lipcheck.findings import Finding, Location, Message, RuleResult, Status, WaiverState, WaiverUse


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Waived:
    """Rule results with the waivers applied, and what became of each waiver."""

    results: tuple[RuleResult, ...]
    uses: tuple[WaiverUse, ...]
    warnings: tuple[Finding, ...]


def unknown_rules(waivers: Sequence[WaiverSpec], rules: set[str]) -> list[WaiverSpec]:
    """The waivers that name a rule the pack does not have."""
    return [waiver for waiver in waivers if waiver.rule not in rules]


def apply(results: Sequence[RuleResult], waivers: Sequence[WaiverSpec], today: dt.date) -> Waived:
    """`results` with each waiver in force applied; the proposal's own waivers come first.

    A second waiver of a rule already waived has nothing left to waive: it is unused.
    """
    by_rule = {result.rule: index for index, result in enumerate(results)}
    out = list(results)
    uses: list[WaiverUse] = []
    warnings: list[Finding] = []
    for waiver in waivers:
        days = (waiver.expires - today).days
        index = by_rule.get(waiver.rule)
        if index is None:
            continue  # refused before (unknown rule); nothing to apply
        result = out[index]
        args = {"rule": waiver.rule, "expires": waiver.expires.isoformat(), "owner": waiver.owner}
        if days < 0:
            state = WaiverState.EXPIRED
            warnings.append(Finding("waiver-expired", Message("waiver.expired", args), waiver.location))
        elif result.failed:
            state = WaiverState.APPLIED
        else:
            state = WaiverState.UNUSED
            warnings.append(Finding("waiver-unused", Message("waiver.unused", args), waiver.location))
        use = WaiverUse(
            waiver.rule, waiver.reason, waiver.owner, waiver.expires, days, state, waiver.source,
            waiver.location, waiver.in_config,
        )  # fmt: skip
        uses.append(use)
        if state is WaiverState.APPLIED:
            out[index] = dataclasses.replace(result, status=Status.WAIVED, waiver=use)
    ordered = sorted(uses, key=lambda use: (use.expires, use.rule))
    return Waived(tuple(out), tuple(ordered), tuple(warnings))
