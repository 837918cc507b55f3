"""Run a pack's rules on a proposal and stamp each outcome with the rule's id, severity and weight."""

from __future__ import annotations

from lipcheck import scoring
from lipcheck.checks import Context, Outcome
from lipcheck.compiled_schemas import Proposal
from lipcheck.findings import FALLING_SHORT, RuleResult, Severity, Status
from lipcheck.loader import PathKey, Positions
from lipcheck.packs import Pack, Rule

_NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)
_NOT_APPLICABLE = Status.NOT_APPLICABLE  # a module's name: an enum's member costs a lookup each time


def _nowhere(path: PathKey) -> None:
    return None


def run_rule(rule: Rule, proposal: Proposal, context: Context) -> Outcome:
    """The rule's check kind applied to `proposal`, unstamped (used by the engine and the rule tests)."""
    outcome: Outcome = rule.module.check(proposal, rule.params, context)
    return outcome


def check(
    pack: Pack,
    proposal: Proposal,
    positions: Positions,
    context: Context,
    scaled: bool = False,
    located: bool = True,
    waiving: frozenset[str] = frozenset(),
) -> tuple[RuleResult, ...]:
    """Every rule of `pack` applied to `proposal`, in the pack's order.

    `scaled`: each result carries its `scale` (scoring.scaled) from the start, so that the results
    need not be made a second time: as the results will count once `waivers.apply` has taken out
    each rule of `waiving` (those a waiver in force names) that falls short. `located`: each result
    says where in the file it points; a brief report, which shows no place, leaves it None.
    """
    rules = pack.rules
    outcomes: list[Outcome] = [rule.module.check(proposal, rule.params, context) for rule in rules]
    weights = [0.0 if rule.severity in _NO_POINTS else rule.weight for rule in rules]
    scale = 1.0
    if scaled:  # the points possible, as scoring.tally counts them: what carries points and applies
        possible = sum(
            weight
            for rule, weight, outcome in zip(rules, weights, outcomes, strict=True)
            if outcome.status is not _NOT_APPLICABLE
            and not (rule.id in waiving and outcome.status in FALLING_SHORT)
        )
        scale = scoring.scale_for(possible)
    where = positions.value if located else _nowhere
    # Positional, in the fields' order: this runs for every rule of every file.
    return tuple(
        RuleResult(
            rule.id,
            rule.title,
            rule.severity,
            weight,
            outcome.status,
            outcome.credit if outcome.status is not _NOT_APPLICABLE else 0.0,
            outcome.message,
            where(outcome.path),
            rule.remediation,
            rule.source,
            outcome.missing,
            scale,
        )
        for rule, weight, outcome in zip(rules, weights, outcomes, strict=True)
    )
