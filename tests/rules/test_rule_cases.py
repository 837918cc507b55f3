"""Every example in the shipped lip-2012 pack, run through its rule: the pack's examples are its tests."""

from __future__ import annotations

import datetime as dt

import pytest

from lipcheck.checks import Context
from lipcheck.engine import run_rule
from lipcheck.findings import Status
from lipcheck.model import Proposal
from lipcheck.pack import Example, Rule, load_pack

PACK = load_pack("lip-2012")
# A fixed day, so rules that count years to "today" (LIP004 without `submitted`) do not drift.
TODAY = dt.date(2026, 1, 1)
PASSING = (Status.MET, Status.NOT_APPLICABLE)
FAILING = (Status.UNMET, Status.PARTIAL)


def _cases() -> list[pytest.ParameterSet]:
    cases = []
    for rule in PACK.rules:
        for side, examples in (("pass", rule.examples.passing), ("fail", rule.examples.failing)):
            for example in examples:
                cases.append(pytest.param(rule, side, example, id=f"{rule.id}-{side}-{example.name}"))
    return cases


@pytest.mark.parametrize(("rule", "side", "example"), _cases())
def test_example(rule: Rule, side: str, example: Example) -> None:
    proposal = Proposal.model_validate(example.proposal)
    outcome = run_rule(rule, proposal, Context(folder=PACK.folder, today=TODAY))

    assert outcome.status == example.status, outcome.message
    if example.credit is not None:
        assert outcome.credit == pytest.approx(example.credit)
    assert example.status in (PASSING if side == "pass" else FAILING), (
        f"a {side} example may not conclude {example.status.value}"
    )
