"""Why it failed, said every time: the gate's reasons end the text report, follow `-q`, fill JSON's `gate`."""

from __future__ import annotations

import json

import pytest

from lipcheck.cli import main
from lipcheck.findings import Report, Verdict
from lipcheck.render.sentences import gate_line
from lipcheck.run.runner import Gate
from tests.cli.test_validate import example, run
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("name", "gate", "last_line"),
    [
        ("lethbridge-ready", ["--fail-under", "99"], "FAIL: score 96.3 is below --fail-under 99"),
        ("medicine-hat-nearly-ready", ["--fail-on", "major", "--fail-under", "70"],
         "FAIL: LIP101 (major), LIP102 (major), LIP201 (major), LIP202 (major) are not fully met"
         " (--fail-on major)"),
        ("wood-buffalo-ineligible", [], "FAIL: ineligible (LIP003)"),
        ("medicine-hat-nearly-ready", [],
         "FAIL: nearly ready, score 72.2 (the gate asks for ready: 80 or more)"),
        ("invalid", [], "FAIL: invalid (2 problems in the file)"),
    ],
)  # fmt: skip
def test_the_last_line_of_a_failing_report_says_why(
    capsys: pytest.CaptureFixture[str], name: str, gate: list[str], last_line: str
) -> None:
    path = "tests/report/data/invalid.yaml" if name == "invalid" else example(name)
    code, out, _ = run(capsys, path, *gate, "--no-color")
    assert code == 1
    assert out.splitlines()[-1] == last_line  # one line, however long: `tail -1` of a CI log


def test_a_score_just_under_the_threshold_is_not_shown_as_equal_to_it() -> None:
    """98.96 with one decimal is 99.0, and "99.0 is below 99" would be no reason at all."""
    report = Report(
        "p.yaml", "lip-2012", "1.0.0", 98.96, Verdict.READY, {"ready": 80.0, "nearly-ready": 60.0}
    )
    judged = Gate(fail_under=99).judge(report)
    assert not judged.passed
    assert gate_line(judged, "en") == "FAIL: score 98.96 is below --fail-under 99"


def test_a_passing_report_adds_no_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, example("lethbridge-ready"))
    assert "FAIL" not in out and "PASS" not in out


def test_quiet_lines_end_in_pass_or_fail_and_stderr_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "-q", example("lethbridge-ready"), example("wood-buffalo-ineligible"))
    assert code == 1
    per_file, count = out.splitlines()[:2], out.splitlines()[2:]
    assert [line.rsplit(" ", 1)[1] for line in per_file] == ["pass", "fail"]
    assert count == ["2 files: 1 ready, 1 ineligible", "FAIL: 1 of 2 proposals falls short"]
    assert err == f"lipcheck: {example('wood-buffalo-ineligible')}: FAIL: ineligible (LIP003)\n"


def test_json_carries_the_gate_per_report_and_for_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--format",
        "json",
        "--fail-under",
        "90",
        example("lethbridge-ready"),
        example("brooks-not-ready"),
    )
    assert code == 1
    document = json.loads(out)
    assert [report["gate"] for report in document["reports"]] == [
        {"passed": True, "reasons": []},
        {
            "passed": False,
            "reasons": [{"code": "fail-under", "message": "score 44.0 is below --fail-under 90"}],
        },
    ]
    assert document["summary"]["gate"] == {
        "passed": False,
        "reasons": [{"code": "files-short", "message": "1 of 2 proposals falls short"}],
    }


def test_one_json_report_has_its_gate(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "json", example("wood-buffalo-ineligible"))
    assert json.loads(out)["reports"][0]["gate"] == {
        "passed": False,
        "reasons": [{"code": "ineligible", "message": "ineligible (LIP003)"}],
    }


@pytest.mark.parametrize(
    ("output_format", "shown"),
    [
        ("markdown", "**Gate**: ❌ FAIL: ineligible (LIP003)"),
        (
            "html",
            '<p class="gate gate-fail"><span class="gate-label">Gate:</span> '
            "<strong>FAIL: ineligible (LIP003)",
        ),
        (
            "github",
            "::error file=examples/wood-buffalo-ineligible.yaml,title=lipcheck gate::"
            "FAIL: ineligible (LIP003)",
        ),
    ],
)
def test_the_reports_for_people_and_ci_show_the_gate(
    capsys: pytest.CaptureFixture[str], output_format: str, shown: str
) -> None:
    code = main(
        ["report", example("wood-buffalo-ineligible"), "-f", output_format, "-o", "-", "--today", TODAY]
    )
    assert code == 1
    assert shown in capsys.readouterr().out


def test_the_last_line_of_a_run_of_several_files_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, example("lethbridge-ready"), example("brooks-not-ready"), "missing.yaml")
    assert code == 2
    assert out.splitlines()[-2:] == [
        "2 files: 1 ready, 1 not ready",
        "FAIL: 1 of 2 proposals falls short; files that could not be checked: 1",
    ]


def test_a_run_that_passes_ends_with_its_count(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, example("lethbridge-ready"), example("saint-boniface-francophone"))
    assert code == 0
    assert out.splitlines()[-1] == "2 files: 2 ready"
