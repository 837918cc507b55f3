"""`--format github`: workflow commands escaped as GitHub's runner reads them, and the job summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipcheck.findings import Location
from lipcheck.render.github import command, escape_data, escape_property
from tests.report.conftest import Runner, example


def test_data_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_data("a: b, c") == "a: b, c"


def test_property_escaping() -> None:
    assert escape_property("a: b, c%\n") == "a%3A b%2C c%25%0A"


def test_command_shape() -> None:
    line = command("error", "dir,1/p:x.yaml", Location(3, 7), "LIP101: title", "msg\n::error::x")
    assert line == "::error file=dir%2C1/p%3Ax.yaml,line=3,col=7,title=LIP101%3A title::msg%0A::error::x"
    assert "\n" not in line


def test_one_command_per_gap(lipcheck: Runner) -> None:
    run = lipcheck("report", example("brooks-not-ready"), "--format", "github")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].startswith("::error file=examples/brooks-not-ready.yaml,line=21,col=5,title=LIP101%3A ")
    assert sum(line.startswith("::warning ") for line in lines) == 4  # LIP103, LIP403-405 are minor
    assert lines[-2] == (
        "::notice file=examples/brooks-not-ready.yaml,title=lipcheck::"
        "examples/brooks-not-ready.yaml: score 44.0 / 100 (44.0 of 100.0 points), not ready"
    )
    assert lines[-1] == (
        "::error file=examples/brooks-not-ready.yaml,title=lipcheck gate::"
        "FAIL: not ready, score 44.0 (the gate asks for ready: 80 or more)"
    )


def test_a_passing_proposal_has_no_gate_error(lipcheck: Runner) -> None:
    run = lipcheck("report", example("lethbridge-ready"), "--format", "github")
    assert run.code == 0
    assert "title=lipcheck gate::" not in run.out


def test_invalid_files_point_at_the_problem(lipcheck: Runner) -> None:
    out = lipcheck("report", "tests/report/data/invalid.yaml", "--format", "github").out
    assert out.splitlines()[1].startswith(
        "::error file=tests/report/data/invalid.yaml,line=6,col=3,title=schema-extra-forbidden::unknown key"
    )


def test_hostile_names_cannot_start_a_command(lipcheck: Runner) -> None:
    out = lipcheck("report", "tests/report/data/hostile.yaml", "--format", "github").out
    for line in out.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice "))
    assert "Services%0A::error::injected 100%25" in out


def test_step_summary_gets_the_markdown(
    lipcheck: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lipcheck("report", example("brooks-not-ready"), "--format", "github")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## ❌ Brooks Local Immigration Partnership (draft): 44.0 / 100")
    assert "<details>" in written


def test_no_step_summary_without_github_format(
    lipcheck: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lipcheck("report", example("brooks-not-ready"), "--format", "sarif")
    assert not summary.exists()
