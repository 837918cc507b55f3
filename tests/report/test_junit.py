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
        assert len(cases) == 1 + len(load_pack(_call_of(stem)).rules)  # the validity case, then each rule
        assert cases[1].get("name", "").startswith("LIP001: ")
        assert int(suite.get("failures", "")) == sum(case.find("failure") is not None for case in cases)
    assert int(root.get("tests", "")) == sum(int(suite.get("tests", "")) for suite in suites)


def test_unmet_rules_fail_with_their_message(lipcheck: Runner) -> None:
    suite = ET.fromstring(junit(lipcheck, example("brooks-not-ready"))).find("testsuite")
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
    (case,) = suite.findall("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "invalid"
    assert "line 2, column 8: YAML syntax error" in (failure.text or "")


def test_hostile_names_round_trip_as_text(lipcheck: Runner) -> None:
    out = junit(lipcheck, "tests/report/data/hostile.yaml")
    SCHEMA.validate(out)
    assert "<script" not in out
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    title = next(p.get("value") for p in suite.iter("property") if p.get("name") == "title")
    assert title == "Hostile <b>bold</b> {{ 7*7 }} {% if true %}yes{% endif %}"
    messages = [f.get("message", "") for f in suite.iter("failure")]
    assert "`<script>alert('member')</script> Services\n::error::injected 100%` is listed twice" in "".join(
        messages
    ).replace("\r", "")
