"""`council.members_file`: the roster from a spreadsheet, as Excel and LibreOffice export it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lipcheck.cli import main
from tests.conftest import TODAY

PROPOSAL = (
    "lipcheck: 1\ntitle: T\ncouncil:\n  members_file: council.csv\n"
    "  members:\n    - {organization: City of Brooks, sector: municipal}\n"
)


def check(
    tmp_path: Path, sheet: bytes, capsys: pytest.CaptureFixture[str], fmt: str = "json"
) -> tuple[int, str]:
    (tmp_path / "council.csv").write_bytes(sheet)
    (tmp_path / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    code = main(["validate", "--today", TODAY, "--format", fmt, "p.yaml"])
    return code, capsys.readouterr().out


@pytest.fixture(autouse=True)
def _inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def roster(out: str) -> list[dict[str, object]]:
    council: list[dict[str, object]] = json.loads(out)["reports"][0]["council"]
    return council


def test_members_join_the_inline_ones_and_point_at_their_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = (
        b"representative,sectors,organization\r\n"
        b"Jo,health|francophone,Centre de sant\xc3\xa9 Saint-Thomas\r\n,,Red Deer Polytechnic\r\n"
    )
    _, out = check(tmp_path, sheet, capsys)
    members = roster(out)
    assert [m["organization"] for m in members] == [
        "City of Brooks",
        "Centre de santé Saint-Thomas",
        "Red Deer Polytechnic",
    ]
    assert members[1]["sectors"] == ["health", "francophone"] and members[1]["representative"] == "Jo"
    assert members[2]["inferred"] is True and members[2]["sectors"] == ["postsecondary"]
    assert members[2]["location"] == {"line": 3, "column": 1, "file": "council.csv"}


def test_french_headers_semicolons_and_a_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = "\ufeffOrganisation;Secteurs;Rôle;Représentant\n"
    sheet = (header + "Ville de Shippagan;municipal|francophone;co-chair;Anne\n").encode()
    _, out = check(tmp_path, sheet, capsys)
    assert roster(out)[1] == {
        "organization": "Ville de Shippagan",
        "sectors": ["municipal", "francophone"],
        "inferred": False,
        "role": "co-chair",
        "representative": "Anne",
        "location": {"line": 2, "column": 1, "file": "council.csv"},
    }


def test_semicolons_separate_sectors_when_the_delimiter_is_a_comma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = check(tmp_path, b"organization,sectors\nYMCA,settlement;community\n", capsys)
    assert roster(out)[1]["sectors"] == ["settlement", "community"]


def test_every_problem_is_found_at_its_row_and_column_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = b"organization,sectors,role,colour\nA,Health,member,x\n,school,,\nB,employmnt|police,Chair,\n"
    code, out = check(tmp_path, sheet, capsys)
    assert code == 1
    found = {
        (f["location"]["file"], f["location"]["line"], f["location"]["column"]): f"{f['message']} {f['hint']}"
        for f in json.loads(out)["reports"][0]["findings"]
    }
    expected = {
        ("council.csv", 1, 4): "unknown column `colour`",
        ("council.csv", 2, 2): "`Health` differs only in letter case: write `health`",
        ("council.csv", 3, 1): "row 3 of the council spreadsheet names no organization",
        ("council.csv", 4, 2): "did you mean `employment`?",
        ("council.csv", 4, 3): "write `chair`",
    }
    assert found.keys() == expected.keys()
    for where, says in expected.items():
        assert says in found[where], where


@pytest.mark.parametrize(
    ("written", "says"),
    [("../council.csv", "leads out of the proposal's folder"), ("/etc/passwd", "absolute path"),
     ("nothere.csv", "does not exist")],
)  # fmt: skip
def test_the_spreadsheet_is_confined_to_the_proposal_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, says: str
) -> None:
    folder = tmp_path / "proposal"
    folder.mkdir()
    (tmp_path / "council.csv").write_text("organization\nX\n", encoding="utf-8")
    (folder / "p.yaml").write_text(PROPOSAL.replace("council.csv", written), encoding="utf-8")
    code = main(["validate", "--today", TODAY, str(folder / "p.yaml")])
    assert code == 1 and says in capsys.readouterr().out


def test_a_symlink_out_of_the_folder_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "proposal"
    folder.mkdir()
    (tmp_path / "secret.csv").write_text("organization\nX\n", encoding="utf-8")
    (folder / "council.csv").symlink_to(tmp_path / "secret.csv")
    (folder / "p.yaml").write_text(PROPOSAL, encoding="utf-8")
    assert main(["validate", "--today", TODAY, str(folder / "p.yaml")]) == 1
    assert "leads out of the proposal's folder" in capsys.readouterr().out


def test_a_huge_spreadsheet_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(tmp_path, b"organization\n" + b"X\n" * 600_000, capsys, fmt="text")
    assert code == 1 and "is over 1000000 bytes" in out
