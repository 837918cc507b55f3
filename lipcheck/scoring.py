"""Weights and credits -> earned and possible points, a score, a verdict, and the fewest fixes to `ready`.

Score = 100 x earned / possible, where both sum over the major and minor rules that apply to the
proposal: a not-applicable (or waived) rule leaves the denominator, so a rule about zonal partnerships says
nothing about a city's. When no rule that carries points applies, nothing asked of the proposal
is missing: the score is 100 (0 of 0 points).
"""

from __future__ import annotations

from collections.abc import Sequence

from lipcheck.findings import RuleResult, Severity, Status, Thresholds, Verdict
from lipcheck.frozen import changed, frozen


@frozen
class Tally:
    """What a proposal's results add up to, counted in one pass: everything a report derives."""

    earned: float
    possible: float
    blockers: tuple[str, ...]
    """The blocker rules not met: any one makes the proposal ineligible."""

    @property
    def score(self) -> float:
        """100 x earned / possible: 0 to 100, unrounded (100 when nothing that carries points applies)."""
        return 100.0 * self.earned / self.possible if self.possible else 100.0

    def verdict(self, thresholds: Thresholds) -> Verdict:
        if self.blockers:
            return Verdict.INELIGIBLE
        total = self.score
        if total >= thresholds.ready:
            return Verdict.READY
        if total >= thresholds.nearly_ready:
            return Verdict.NEARLY_READY
        return Verdict.NOT_READY


_LEFT_OUT = (Status.NOT_APPLICABLE, Status.WAIVED)
# Module names for the members `tally` compares on every result: on Python 3.11 each `Enum.MEMBER`
# goes through EnumType.__getattr__ (about 0.17 us, ten times a global's cost).
_BLOCKER, _UNMET = Severity.BLOCKER, Status.UNMET


def tally(results: Sequence[RuleResult]) -> Tally:
    """Points earned and possible, over the rules that carry points and apply, and the failed blockers."""
    earned = possible = 0.0
    blockers = []
    for result in results:
        if result.weight and result.status not in _LEFT_OUT:
            earned += result.weight * result.credit
            possible += result.weight
        if result.severity is _BLOCKER and result.status is _UNMET:
            blockers.append(result.rule)
    return Tally(earned, possible, tuple(blockers))


def points(results: Sequence[RuleResult]) -> tuple[float, float]:
    """Rule points earned and possible, over the rules that carry points and apply."""
    counted = tally(results)
    return counted.earned, counted.possible


def score(results: Sequence[RuleResult]) -> float:
    """100 x earned / possible: 0 to 100, unrounded (100 when nothing that carries points applies)."""
    return tally(results).score


def scaled(results: Sequence[RuleResult], counted: Tally | None = None) -> tuple[RuleResult, ...]:
    """`results` with each one's `scale` set, so that its `gain` is in score points for this proposal.

    `counted` is `tally(results)` when the caller has it already. The definition of the scale: the
    engine stamps it as it makes the results (`engine.check(scaled=True)`), and the tests hold it to
    this, waivers applied or not."""
    scale = scale_for((counted or tally(results)).possible)
    return tuple(changed(result, scale=scale) for result in results)  # it runs for every rule of every file


def scale_for(possible: float) -> float:
    """Score points per rule point when `possible` rule points apply (0 when none do)."""
    return 100.0 / possible if possible else 0.0


def failed_blockers(results: Sequence[RuleResult]) -> tuple[str, ...]:
    """The blocker rules a proposal does not meet: any one makes it ineligible."""
    return tally(results).blockers


def verdict(results: Sequence[RuleResult], thresholds: Thresholds) -> Verdict:
    return tally(results).verdict(thresholds)


def fixes_to_ready(
    results: Sequence[RuleResult], thresholds: Thresholds, counted: Tally | None = None
) -> tuple[str, ...]:
    """Every failed blocker, then the biggest gains until the score reaches `ready`.

    Gains are in score points (see `scaled`), so they add to the score directly. Taking the
    largest gains first gives the fewest fixes: no k fixes can add more than the k largest
    gains. Ties go to the rule listed first in the pack, so the answer is stable. `counted` is
    `tally(results)` when the caller has it already.
    """
    counted = counted or tally(results)
    total = counted.score
    gains = sorted((r for r in results if r.gain > 0 and r.failed), key=lambda r: -r.gain)
    chosen = []
    for result in gains:
        if total >= thresholds.ready:
            break
        chosen.append(result.rule)
        total += result.gain
    return (*counted.blockers, *chosen)
