"""JUnit XML: one suite per proposal, one case per rule, valid against the JUnit XSD CI servers use."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import xmlschema

from lipcheck.loader import read_proposal
from lipcheck.packs import load_pack
from tests.conftest import EXAMPLES, ROOT, check_golden
from tests.report.conftest import EXAMPLE_STEMS, Runner, example

SCHEMA = xmlschema.XMLSchema(str(ROOT / "tests" / "schemas" / "junit-10.xsd"))


def _call_of(stem: str) -> str:
    return str(read_proposal(EXAMPLES / f"{stem}.yaml").data.get("call", "lip-2012"))


def junit(lipcheck: Runner, *files: str) -> str:
    run = lipcheck("report", *files, "--format", "junit")
    assert run.code in (0, 1), run.err
    return run.out


def test_the_schema_catches_a_broken_report() -> None:
    assert not SCHEMA.is_valid("<testsuites><testsuite name='x'/></testsuites>")


@pytest.mark.parametrize("stem", EXAMPLE_STEMS)
def test_golden_and_valid(lipcheck: Runner, stem: str) -> None:
    out = junit(lipcheck, example(stem))
    SCHEMA.validate(out)
    check_golden(f"report-{stem}.junit.xml", out)


def test_one_suite_per_proposal_one_case_per_rule(lipcheck: Runner) -> None:
    files = [example(stem) for stem in EXAMPLE_STEMS] + ["tests/report/data/invalid.yaml"]
    out = junit(lipcheck, *files)
    SCHEMA.validate(out)
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == files
    for stem, suite in zip(EXAMPLE_STEMS, suites[:-1], strict=True):
        cases = suite.findall("testcase")
        # the validity case, each rule of the proposal's pack, then the gate
        assert len(cases) == 2 + len(load_pack(_call_of(stem)).rules)
        assert cases[1].get("name", "").startswith("LIP001: ")
        assert cases[-1].get("name") == "gate"
        assert int(suite.get("failures", "")) == sum(case.find("failure") is not None for case in cases)
    assert int(root.get("tests", "")) == sum(int(suite.get("tests", "")) for suite in suites)


def test_unmet_rules_fail_with_their_message(lipcheck: Runner) -> None:
    run = lipcheck("report", example("brooks-not-ready"), "--format", "junit", "--fail-on", "major")
    suite = ET.fromstring(run.out).find("testsuite")
    assert suite is not None
    cases = {case.get("name", "").split(":")[0]: case for case in suite.findall("testcase")}
    failure = cases["LIP203"].find("failure")
    assert failure is not None
    assert failure.get("type") == "major"
    assert failure.get("message", "").startswith("`municipality.support` ")
    assert "How to fix: List under `municipality.support`" in (failure.text or "")
    assert cases["LIP003"].find("skipped") is not None  # not applicable to a municipality
    assert cases["LIP001"].find("failure") is None


def test_an_invalid_file_fails_its_validity_case(lipcheck: Runner) -> None:
    suite = ET.fromstring(junit(lipcheck, "tests/report/data/broken-syntax.yaml")).find("testsuite")
    assert suite is not None
    case, gate = suite.findall("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "invalid"
    assert gate.get("name") == "gate" and gate.find("failure") is not None
    assert "line 2, column 8: YAML syntax error" in (failure.text or "")


def test_hostile_names_round_trip_as_text(lipcheck: Runner) -> None:
    out = junit(lipcheck, "tests/report/data/hostile.yaml")
    SCHEMA.validate(out)
    assert "<script" not in out
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    title = next(p.get("value") for p in suite.iter("property") if p.get("name") == "title")
    assert title == "Hostile <b>bold</b> {{ 7*7 }} {% if true %}yes{% endif %}"
    messages = [case.findtext("system-out") or "" for case in suite.iter("testcase")]
    assert "`<script>alert('member')</script> Services\n::error::injected 100%` is listed twice" in "".join(
        messages
    ).replace("\r", "")


def _gate_and_failures(out: str) -> tuple[bool, list[str]]:
    """Whether each suite's `gate` case passed, and the names of every failed case."""
    SCHEMA.validate(out)
    cases = list(ET.fromstring(out).iter("testcase"))
    gates = [case for case in cases if case.get("name") == "gate"]
    failed = [case.get("name", "").split(":")[0] for case in cases if case.find("failure") is not None]
    return all(gate.find("failure") is None for gate in gates), failed


@pytest.mark.parametrize(
    ("stem", "gate", "code", "failed"),
    [
        ("lethbridge-ready", [], 0, []),
        ("brooks-not-ready", ["--fail-under", "40"], 0, []),
        ("brooks-not-ready", [], 1, ["gate"]),
        ("brooks-not-ready", ["--fail-under", "40", "--fail-on", "blocker"], 0, []),
        (
            "medicine-hat-nearly-ready",
            ["--fail-under", "70", "--fail-on", "major"],
            1,
            ["LIP101", "LIP102", "LIP201", "LIP202", "gate"],
        ),
        ("wood-buffalo-ineligible", ["--fail-under", "0"], 1, ["LIP003", "gate"]),
    ],
)
def test_the_gate_case_agrees_with_the_exit_code(
    lipcheck: Runner, stem: str, gate: list[str], code: int, failed: list[str]
) -> None:
    """A CI server marks a build unstable for any failure: only what fails the gate is a failure."""
    run = lipcheck("report", example(stem), "--format", "junit", *gate)
    assert run.code == code, run.err
    passed, failures = _gate_and_failures(run.out)
    assert passed is (code == 0)
    assert failures == failed


def test_a_gap_that_does_not_fail_the_gate_is_told_in_system_out(lipcheck: Runner) -> None:
    run = lipcheck("report", example("brooks-not-ready"), "--format", "junit", "--fail-under", "40")
    assert run.code == 0
    cases = {case.get("name", "").split(":")[0]: case for case in ET.fromstring(run.out).iter("testcase")}
    assert cases["LIP203"].find("failure") is None
    assert "How to fix: List under `municipality.support`" in (cases["LIP203"].findtext("system-out") or "")
