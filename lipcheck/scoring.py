"""Weights and credits -> earned and possible points, a score, a verdict, and the fewest fixes to `ready`.

Score = 100 x earned / possible, where both sum over the major and minor rules that apply to the
proposal: a not-applicable (or waived) rule leaves the denominator, so a rule about zonal partnerships says
nothing about a city's. When no rule that carries points applies, nothing asked of the proposal
is missing: the score is 100 (0 of 0 points).
"""

from __future__ import annotations

from collections.abc import Sequence

from lipcheck.findings import RuleResult, Severity, Status, Thresholds, Verdict


def points(results: Sequence[RuleResult]) -> tuple[float, float]:
    """Rule points earned and possible, over the rules that carry points and apply."""
    applying = [r for r in results if r.weight and r.status not in (Status.NOT_APPLICABLE, Status.WAIVED)]
    return sum(r.points for r in applying), sum(r.weight for r in applying)


def score(results: Sequence[RuleResult]) -> float:
    """100 x earned / possible: 0 to 100, unrounded (100 when nothing that carries points applies)."""
    earned, possible = points(results)
    return 100.0 * earned / possible if possible else 100.0


def scaled(results: Sequence[RuleResult]) -> tuple[RuleResult, ...]:
    """`results` with each one's `scale` set, so that its `gain` is in score points for this proposal."""
    _, possible = points(results)
    scale = 100.0 / possible if possible else 0.0
    return tuple(_with_scale(result, scale) for result in results)


def _with_scale(result: RuleResult, scale: float) -> RuleResult:
    """`dataclasses.replace(result, scale=scale)` at a seventh of its cost (it runs for every rule of
    every file): the fields are copied as they are, and RuleResult checks nothing in `__init__`."""
    copied = object.__new__(RuleResult)
    fields = copied.__dict__
    fields.update(result.__dict__)
    fields["scale"] = scale
    return copied


def failed_blockers(results: Sequence[RuleResult]) -> list[str]:
    """The blocker rules a proposal does not meet: any one makes it ineligible."""
    return [r.rule for r in results if r.severity is Severity.BLOCKER and r.status is Status.UNMET]


def verdict(results: Sequence[RuleResult], thresholds: Thresholds) -> Verdict:
    if failed_blockers(results):
        return Verdict.INELIGIBLE
    total = score(results)
    if total >= thresholds.ready:
        return Verdict.READY
    if total >= thresholds.nearly_ready:
        return Verdict.NEARLY_READY
    return Verdict.NOT_READY


def fixes_to_ready(results: Sequence[RuleResult], thresholds: Thresholds) -> tuple[str, ...]:
    """Every failed blocker, then the biggest gains until the score reaches `ready`.

    Gains are in score points (see `scaled`), so they add to the score directly. Taking the
    largest gains first gives the fewest fixes: no k fixes can add more than the k largest
    gains. Ties go to the rule listed first in the pack, so the answer is stable.
    """
    blockers = failed_blockers(results)
    total = score(results)
    gains = sorted((r for r in results if r.gain > 0 and r.failed), key=lambda r: -r.gain)
    chosen = []
    for result in gains:
        if total >= thresholds.ready:
            break
        chosen.append(result.rule)
        total += result.gain
    return (*blockers, *chosen)
