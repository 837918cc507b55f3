"""Run a pack's rules on a proposal and stamp each outcome with the rule's id, severity and weight."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome
from lipcheck.compiled_schemas import Proposal
from lipcheck.findings import RuleResult, Severity, Status
from lipcheck.loader import Positions
from lipcheck.packs import Pack, Rule

_NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)


def run_rule(rule: Rule, proposal: Proposal, context: Context) -> Outcome:
    """The rule's check kind applied to `proposal`, unstamped (used by the engine and the rule tests)."""
    outcome: Outcome = rule.module.check(proposal, rule.params, context)
    return outcome


def check(pack: Pack, proposal: Proposal, positions: Positions, context: Context) -> tuple[RuleResult, ...]:
    """Every rule of `pack` applied to `proposal`, in the pack's order."""
    results = []
    located = positions.value
    for rule in pack.rules:
        outcome: Outcome = rule.module.check(proposal, rule.params, context)  # run_rule, one call less
        status = outcome.status
        # Positional, in the fields' order: this runs for every rule of every file.
        results.append(
            RuleResult(
                rule.id,
                rule.title,
                rule.severity,
                0.0 if rule.severity in _NO_POINTS else rule.weight,
                status,
                outcome.credit if status is not Status.NOT_APPLICABLE else 0.0,
                outcome.message,
                located(outcome.path),
                rule.remediation,
                rule.source,
                outcome.missing,
            )
        )
    return tuple(results)
