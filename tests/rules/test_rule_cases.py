"""Every example of every rule, run under each shipped pack that uses the rule: examples are tests.

A pack that inherits a rule runs the rule with its own parameters and overrides, so an inherited
example must still hold there (or the pack gives its own examples in `override`). Packs added to
rules/ later are picked up without changing this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lipcheck.checks import Context
from lipcheck.engine import run_rule
from lipcheck.findings import Status
from lipcheck.model import Proposal
from lipcheck.packs import Rule, load_pack
from lipcheck.packs.files import Example
from lipcheck.packs.registry import shipped_ids

# A fixed day, so rules that count years to "today" (LIP004 without `submitted`) do not drift.
TODAY = dt.date(2026, 1, 1)
PASSING = (Status.MET, Status.NOT_APPLICABLE)
FAILING = (Status.UNMET, Status.PARTIAL)


def _cases() -> list[pytest.ParameterSet]:
    cases = []
    for pack_id in shipped_ids():
        for rule in load_pack(pack_id).rules:
            for side, examples in (("pass", rule.examples.passing), ("fail", rule.examples.failing)):
                for example in examples:
                    name = f"{pack_id}-{rule.id}-{side}-{example.name}"
                    cases.append(pytest.param(rule, side, example, id=name))
    return cases


@pytest.mark.parametrize(("rule", "side", "example"), _cases())
def test_example(rule: Rule, side: str, example: Example) -> None:
    proposal = Proposal.model_validate(example.proposal)
    folder = (rule.examples_file or rule.file).parent
    outcome = run_rule(rule, proposal, Context(folder=folder, today=TODAY))

    assert outcome.status == example.status, outcome.message
    if example.credit is not None:
        assert outcome.credit == pytest.approx(example.credit)
    assert example.status in (PASSING if side == "pass" else FAILING), (
        f"a {side} example may not conclude {example.status.value}"
    )
