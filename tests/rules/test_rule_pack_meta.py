"""The shipped lip-2012 pack as a whole: every rule has cases, files and ids agree, points add to 100."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipcheck.findings import Severity, Status
from lipcheck.loader import read_proposal
from lipcheck.pack import PACK_FILE, PackFile, load_pack

PACK = load_pack("lip-2012")
_NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda rule: rule.id)
def test_rule_has_a_met_pass_and_a_fail_example(rule) -> None:
    assert any(example.status is Status.MET for example in rule.examples.passing)
    assert rule.examples.failing


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda rule: rule.id)
def test_partial_examples_give_their_credit(rule) -> None:
    partial = [e for e in rule.examples.failing if e.status is Status.PARTIAL]
    assert all(example.credit is not None for example in partial)


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda rule: rule.id)
def test_examples_are_named_uniquely(rule) -> None:
    names = [e.name for e in (*rule.examples.passing, *rule.examples.failing)]
    assert len(names) == len(set(names))


def test_listed_rules_and_rule_files_agree() -> None:
    listed = PackFile.model_validate(read_proposal(PACK.folder / PACK_FILE).data).rules
    on_disk = sorted(path.stem for path in Path(PACK.folder).glob("LIP*.yaml"))
    assert len(listed) == len(set(listed)), "a rule is listed twice in pack.yaml"
    assert sorted(listed) == on_disk


def test_point_carrying_weights_add_up_to_100() -> None:
    carrying = [rule for rule in PACK.rules if rule.severity not in _NO_POINTS]
    assert sum(rule.weight for rule in carrying) == pytest.approx(100)
    assert all(rule.weight > 0 for rule in carrying)


def test_interpretations_are_marked_as_readings() -> None:
    # These rules rest on numbers or word lists the call never gave: the docs must say so.
    for rule_id in ("LIP004", "LIP103", "LIP401", "LIP901", "LIP902"):
        rule = PACK.rule(rule_id)
        assert rule is not None and rule.reading, rule_id


def test_parameters_reach_the_rules() -> None:
    assert PACK.rule("LIP004").params.min_years == PACK.parameters["min_years_established"]
    assert PACK.rule("LIP103").params.target == PACK.parameters["target_members"]


def test_pack_identity() -> None:
    assert PACK.id == "lip-2012"
    assert PACK.version == "1.0.0"
    assert PACK.thresholds.ready == 80
    assert PACK.thresholds.nearly_ready == 60
