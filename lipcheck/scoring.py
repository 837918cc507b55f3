"""Weights and credits -> a score, a verdict, and the fewest fixes that reach `ready`."""

from __future__ import annotations

from collections.abc import Sequence

from lipcheck.findings import RuleResult, Severity, Status, Thresholds, Verdict


def score(results: Sequence[RuleResult]) -> float:
    """Sum of weight x credit over the rules that carry points: 0 to 100, unrounded."""
    return sum(result.points for result in results)


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

    Taking the largest gains first gives the fewest fixes: no k fixes can add more than the
    k largest gains. Ties go to the rule listed first in the pack, so the answer is stable.
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
