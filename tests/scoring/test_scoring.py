"""Scores out of what applies: earned over possible, gains in score points, the way to ready."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lipcheck import scoring
from lipcheck.findings import Message, RuleResult, Severity, Status, Thresholds, Verdict
from lipcheck.frozen import changed
from lipcheck.loader import read_proposal
from lipcheck.pipeline import Packs, assess

THRESHOLDS = Thresholds(ready=80, nearly_ready=60)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def result(
    rule: str, weight: float, status: Status, credit: float, severity: Severity = Severity.MAJOR
) -> RuleResult:
    return RuleResult(rule, rule, severity, weight, status, credit, Message("m"), None, "fix", "source")


def test_a_not_applicable_rule_leaves_the_denominator() -> None:
    results = scoring.scaled([
        result("LIP101", 60, Status.MET, 1.0),
        result("LIP102", 30, Status.PARTIAL, 0.5),
        result("LIP008", 10, Status.NOT_APPLICABLE, 0.0),
    ])  # fmt: skip
    assert scoring.points(results) == (75, 90)
    assert scoring.score(results) == pytest.approx(100 * 75 / 90)


def test_weights_need_not_add_up_to_100() -> None:
    results = scoring.scaled([result("LIP101", 8, Status.MET, 1.0), result("LIP102", 2, Status.UNMET, 0.0)])
    assert scoring.score(results) == pytest.approx(80)
    assert scoring.verdict(results, THRESHOLDS) is Verdict.READY


def test_a_gain_is_in_score_points_and_reaching_ready_adds_up() -> None:
    results = scoring.scaled([
        result("LIP101", 30, Status.MET, 1.0),
        result("LIP102", 10, Status.UNMET, 0.0),
        result("LIP103", 10, Status.PARTIAL, 0.5),
    ])  # fmt: skip
    gains = {r.rule: r.gain for r in results}
    assert gains == {"LIP101": 0, "LIP102": pytest.approx(20), "LIP103": pytest.approx(10)}
    assert scoring.score(results) == pytest.approx(70)
    assert scoring.fixes_to_ready(results, THRESHOLDS) == ("LIP102",)
    assert scoring.score(results) + gains["LIP102"] == pytest.approx(90)


def test_blockers_and_warnings_carry_no_points() -> None:
    results = scoring.scaled([
        result("LIP001", 0, Status.MET, 1.0, Severity.BLOCKER),
        result("LIP901", 0, Status.UNMET, 0.0, Severity.WARNING),
        result("LIP101", 10, Status.PARTIAL, 0.5),
    ])  # fmt: skip
    assert scoring.points(results) == (5, 10)


def test_when_no_pointed_rule_applies_the_score_is_100_of_0_points() -> None:
    # Nothing asked of this proposal is missing: documented in docs/packs.md, "Scores".
    results = scoring.scaled([
        result("LIP001", 0, Status.MET, 1.0, Severity.BLOCKER),
        result("LIP008", 10, Status.NOT_APPLICABLE, 0.0),
    ])  # fmt: skip
    assert scoring.points(results) == (0, 0)
    assert scoring.score(results) == 100
    assert all(r.gain == 0 for r in results)
    assert scoring.verdict(results, THRESHOLDS) is Verdict.READY


def test_a_tally_counts_points_and_failed_blockers_in_one_pass() -> None:
    results = [
        result("LIP001", 0, Status.UNMET, 0.0, Severity.BLOCKER),
        result("LIP002", 0, Status.MET, 1.0, Severity.BLOCKER),
        result("LIP101", 10, Status.PARTIAL, 0.5),
        result("LIP102", 5, Status.WAIVED, 0.0),
    ]
    counted = scoring.tally(results)
    assert (counted.earned, counted.possible, counted.blockers) == (5, 10, ("LIP001",))
    assert counted.score == pytest.approx(50)
    assert counted.verdict(THRESHOLDS) is Verdict.INELIGIBLE


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.name)
def test_a_brief_report_has_the_full_reports_verdict_score_results_and_waivers_without_places(
    example: Path,
) -> None:
    packs, today = Packs(), dt.date(2026, 12, 2)
    full = assess(read_proposal(example), example.name, packs, today, folder=EXAMPLES)
    brief = assess(
        read_proposal(example, placed=False), example.name, packs, today, folder=EXAMPLES, brief=True
    )
    # Nothing of the proposal's is placed: not its results, not its waivers (none of these
    # examples has a config, whose waivers are placed in it).
    waived = {use.rule: changed(use, location=None) for use in full.waivers}
    unplaced = tuple(
        changed(result, location=None, waiver=result.waiver and waived[result.rule])
        for result in full.results
    )
    assert (brief.verdict, brief.score, brief.results) == (full.verdict, full.score, unplaced)
    assert any(result.location is not None for result in full.results)
    assert brief.waivers == tuple(changed(use, location=None) for use in full.waivers)
    assert brief.warnings_found == tuple(changed(found, location=None) for found in full.warnings_found)
    # Placeholders are placed as in the full report (its file read unplaced at first).
    assert brief.placeholders == full.placeholders
    assert (brief.roster, brief.coverage, brief.fixes) == ((), (), ())


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.name)
def test_results_scaled_as_the_engine_makes_them_are_those_scaled_after(path: Path) -> None:
    from lipcheck import engine
    from lipcheck.checks import Context
    from lipcheck.validation import validate

    document = read_proposal(path)
    proposal, findings = validate(document, dt.date(2026, 12, 3))
    assert proposal is not None, findings
    pack = Packs().get(proposal.call)
    context = Context(path.parent, dt.date(2026, 12, 3))
    made = engine.check(pack, proposal, document.positions, context)
    assert engine.check(pack, proposal, document.positions, context, scaled=True) == scoring.scaled(made)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.name)
def test_results_scaled_for_the_waivers_in_force_are_those_scaled_after_the_waivers(path: Path) -> None:
    from lipcheck import engine, waivers
    from lipcheck.checks import Context
    from lipcheck.validation import validate

    today = dt.date(2026, 12, 3)
    document = read_proposal(path)
    proposal, findings = validate(document, today)
    assert proposal is not None, findings
    pack = Packs().get(proposal.call)
    context = Context(path.parent, today)
    plain = engine.check(pack, proposal, document.positions, context)
    # A waiver for every rule, every other one expired, and a second one of the first rule.
    ends = (today + dt.timedelta(days=1), today - dt.timedelta(days=1))
    specs = [
        waivers.WaiverSpec(result.rule, "why", "who", ends[index % 2], "x", None)
        for index, result in enumerate(plain)
    ]
    specs.append(waivers.WaiverSpec(plain[0].rule, "again", "who", today, "x", None))
    applied = []
    for chosen in (specs, specs[1::3], specs[:1], []):
        waiving = waivers.in_force(chosen, today)
        made = engine.check(pack, proposal, document.positions, context, scaled=True, waiving=waiving)
        waived = waivers.apply(made, chosen, today)
        afterwards = waivers.apply(plain, chosen, today).results
        assert waived.results == scoring.scaled(afterwards)
        applied.append(waived.applied)
    assert applied[0] or not any(result.failed for result in plain[::2])


def test_two_results_that_differ_only_in_scale_differ() -> None:
    from lipcheck.frozen import changed

    made = result("LIP101", 8, Status.MET, 1.0)
    assert changed(made, scale=2.5) != made
