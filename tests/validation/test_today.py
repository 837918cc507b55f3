"""Every date judgement uses the run's `--today`, never the machine's clock."""

from __future__ import annotations

import datetime as dt

import pytest

from lipcheck.cli import main
from lipcheck.loader import load_text
from lipcheck.validation import validate
from tests.badinput.catalogue import FILES

FOUNDED_2999 = "lipcheck: 1\napplicant:\n  name: Immigrant Services Guelph\n  established: 2999\n"


def _codes(today: dt.date) -> list[str]:
    _, findings = validate(load_text(FOUNDED_2999), today)
    return [finding.code for finding in findings]


def test_a_founding_year_after_today_is_in_the_future() -> None:
    assert _codes(dt.date(2026, 1, 1)) == ["schema-future-year"]


def test_a_founding_year_before_today_is_not_even_if_the_clock_says_so() -> None:
    assert _codes(dt.date(3001, 1, 1)) == []


def test_the_command_line_judges_the_founding_year_by_today(capsys: pytest.CaptureFixture[str]) -> None:
    proposal = str(FILES / "future-founding-year.yaml")
    assert main(["validate", proposal, "--today", "2026-01-01", "--format", "json"]) == 1
    assert main(["validate", proposal, "--today", "3001-01-01", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert out.count("2999 is in the future") == 1
