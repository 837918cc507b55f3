"""Messages for the mistakes new users really make: each found as a new user would make it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipcheck.cli import main
from tests.conftest import EXAMPLES, TODAY


def problems(tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(yaml, encoding="utf-8")
    assert main(["validate", "--today", TODAY, "--no-color", str(path)]) == 1
    return " ".join(capsys.readouterr().out.split())


def test_one_finding_per_bad_code_never_the_whole_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = "    - organization: Town of Hanover\n      sector: [employment, Community, education]\n"
    out = problems(tmp_path, capsys, "lipcheck: 1\ncouncil:\n  members:\n" + member)
    assert "fix these first (2)" in out
    assert "['employment'" not in out and "allowed values" not in out
    assert "`Community` differs only in letter case: write `community`" in out
    assert "did you mean `school` or `postsecondary`?" in out
    assert "member 1, `Town of Hanover`" in out


def test_canadian_spelling_of_organization_gives_one_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = problems(
        tmp_path, capsys, "lipcheck: 1\ncouncil:\n  members:\n    - {organisation: X, sector: police}\n"
    )
    assert "fix these first (1)" in out and "did you mean `organization`?" in out


@pytest.mark.parametrize(
    ("yaml", "says"),
    [
        ('lipcheck: "1"\n', "the number 1, without quotes"),
        ("lipcheck: 1\nmunicipality:\n  support:\n    - {kind: financial, value: \"$15,000\"}\n",
         "without $, commas or spaces: 15000"),
        ("lipcheck: 1\nmunicipality:\n  support:\n    - {kind: financial, value: \"15 000\"}\n", "15000"),
        ('lipcheck: 1\napplicant:\n  established: "1985"\n', "the quotes make `1985` text"),
        ("lipcheck: 1\nmission: Our mission: welcome everyone\n", "must be quoted"),
        ("lipcheck: 1\ncommunity:\n  name: X\n  province: Ontario\n", "did you mean `ON`?"),
        ("lipcheck: 1\ncouncil:\n  members:\n    - {organization: Grey Bruce Health, sector: hospital}\n",
         "did you mean `health`?"),
        ("lipcheck: 1\ncouncil:\n  members:\n    - {organization: X, sector: police, role: Co-Chair}\n",
         "write `co-chair`"),
    ],
)  # fmt: skip
def test_a_hint_for_each_common_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml: str, says: str
) -> None:
    assert says in problems(tmp_path, capsys, yaml)


def test_quiet_keeps_the_count_line_for_several_files(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "validate",
            "--today",
            TODAY,
            "-q",
            str(EXAMPLES / "brooks-not-ready.yaml"),
            str(EXAMPLES / "lethbridge-ready.yaml"),
        ]
    )
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "2 files: 1 ready, 1 not ready",
        "FAIL: 1 of 2 proposals falls short",
    ]


def test_validate_points_report_formats_to_lipcheck_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "html", str(EXAMPLES / "brooks-not-ready.yaml")]) == 2
    assert "lipcheck report --format html" in capsys.readouterr().err


def test_rules_help_does_not_speak_of_a_proposals_call(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "--help"])
    assert "call" not in capsys.readouterr().out
