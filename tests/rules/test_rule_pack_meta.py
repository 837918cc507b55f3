"""Every shipped pack as a whole: each rule documented and with cases, files used, points add to 100.

The packs are found in rules/, so a pack added later is held to the same standard unasked.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from lipcheck.findings import Severity, Status
from lipcheck.packs import COMMON, PACK_FILE, Pack, Rule, load_pack
from lipcheck.packs.registry import DEFAULT_PACK, common_folder, packs_folder, shipped_ids

PACKS = {pack_id: load_pack(pack_id) for pack_id in shipped_ids()}
RULES = [(pack, rule) for pack in PACKS.values() for rule in pack.rules]
_NO_POINTS = (Severity.BLOCKER, Severity.WARNING, Severity.INFO)


def _each_rule() -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("pack", "rule"), RULES, ids=lambda v: v.id)


def _each_pack() -> pytest.MarkDecorator:
    return pytest.mark.parametrize("pack", PACKS.values(), ids=lambda pack: pack.id)


def test_the_default_pack_is_shipped() -> None:
    assert DEFAULT_PACK in PACKS


@_each_rule()
def test_rule_has_a_met_pass_and_a_fail_example(pack: Pack, rule: Rule) -> None:
    assert any(example.status is Status.MET for example in rule.examples.passing)
    assert rule.examples.failing


@_each_rule()
def test_partial_examples_give_their_credit(pack: Pack, rule: Rule) -> None:
    partial = [e for e in rule.examples.failing if e.status is Status.PARTIAL]
    assert all(example.credit is not None for example in partial)


@_each_rule()
def test_examples_are_named_uniquely(pack: Pack, rule: Rule) -> None:
    names = [e.name for e in (*rule.examples.passing, *rule.examples.failing)]
    assert len(names) == len(set(names))


@_each_rule()
def test_rule_says_why_how_and_where_from(pack: Pack, rule: Rule) -> None:
    texts = (rule.title, rule.rationale, rule.remediation, rule.source)
    assert all(t.en.strip() and (t.fr or "").strip() for t in texts), "each in English and French"


@_each_pack()
def test_pack_folder_is_named_by_its_id(pack: Pack) -> None:
    assert pack.folder.name == pack.id


@_each_pack()
def test_point_carrying_weights_add_up_to_100(pack: Pack) -> None:
    # Users' packs need not; a shipped pack's table reads most easily out of 100.
    carrying = [rule for rule in pack.rules if rule.severity not in _NO_POINTS]
    assert sum(rule.weight for rule in carrying) == pytest.approx(100)
    assert all(rule.weight > 0 for rule in carrying)


@_each_pack()
def test_thresholds_are_ordered(pack: Pack) -> None:
    assert 0 <= pack.thresholds.nearly_ready <= pack.thresholds.ready <= 100


@_each_pack()
def test_every_rule_file_in_the_folder_is_used(pack: Pack) -> None:
    on_disk = {path.stem for path in pack.folder.glob("*.yaml") if path.name != PACK_FILE}
    own = {rule.id for rule in pack.rules if rule.origin == pack.id}
    assert on_disk == own


@_each_pack()
def test_shipped_packs_extend_only_shipped_packs(pack: Pack) -> None:
    assert pack.extends is None or pack.extends in PACKS


def test_a_rule_shared_by_packs_lives_in_one_file() -> None:
    # Rule ids keep one meaning across packs: a rule two packs use is written once, in the base
    # pack or in rules/common, never copied.
    files: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)
    for pack, rule in RULES:
        files[rule.id].add(str(rule.file))
        users[rule.id].add(pack.id)
    base = {rule.id for rule in PACKS[DEFAULT_PACK].rules}
    for rule_id, packs in users.items():
        if len(packs) > 1 and rule_id not in base:
            (rule,) = {r.file for _, r in RULES if r.id == rule_id}
            assert rule.parent == common_folder(), (
                f"{rule_id} is used by {sorted(packs)}: put it in rules/common"
            )


def test_rules_common_is_not_a_pack_and_each_file_is_used() -> None:
    common = packs_folder() / COMMON
    assert COMMON not in PACKS
    assert not (common / PACK_FILE).exists()
    used = {rule.file.name for _, rule in RULES if rule.origin == COMMON}
    assert {path.name for path in common.glob("*.yaml")} <= used


def test_interpretations_are_marked_as_readings() -> None:
    # These rules rest on numbers or word lists the call never gave: the docs must say so.
    pack = PACKS[DEFAULT_PACK]
    for rule_id in ("LIP004", "LIP103", "LIP401", "LIP901", "LIP902"):
        rule = pack.rule(rule_id)
        assert rule is not None and rule.reading, rule_id


def test_parameters_reach_the_rules() -> None:
    pack = PACKS[DEFAULT_PACK]
    assert pack.rule("LIP004").params.min_years == pack.parameters["min_years_established"]
    assert pack.rule("LIP103").params.target == pack.parameters["target_members"]


def test_pack_identity() -> None:
    pack = PACKS[DEFAULT_PACK]
    assert pack.id == "lip-2012"
    assert pack.version == "1.1.0"  # 1.1.0 added LIP903 and LIP904
    assert pack.thresholds.ready == 80
    assert pack.thresholds.nearly_ready == 60
    assert pack.extends is None


def test_a_shipped_pack_is_named_by_its_id() -> None:
    """A proposal's `call` is compared with the default call by name, before any pack is loaded."""
    for pack_id in shipped_ids():
        assert load_pack(pack_id).id == pack_id
