"""`lipcheck validate`: verdicts, exit codes, gates, formats and golden output on the shipped examples."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lipcheck.cli import main
from tests.conftest import EXAMPLES, ROOT, TODAY, check_golden

EXPECTED = {
    "lethbridge-ready": ("ready", 0),
    "medicine-hat-nearly-ready": ("nearly-ready", 1),
    "brooks-not-ready": ("not-ready", 1),
    "wood-buffalo-ineligible": ("ineligible", 1),
    "saint-boniface-francophone": ("ready", 0),
    # IRCC's 2024 call: a new zonal partnership, and a city LIP whose new-partnership rules do not apply.
    "south-shore-zip-nearly-ready": ("nearly-ready", 1),
    "hamilton-renewal-ready": ("ready", 0),
    # Ontario's 2008 call.
    "london-middlesex-2008-nearly-ready": ("nearly-ready", 1),
    # A waiver in force: LIP202 leaves the denominator, 72.24 without the waiver becomes 80.27.
    "medicine-hat-waiver": ("ready", 0),
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", "--today", TODAY, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def example(name: str) -> str:
    return str((EXAMPLES / f"{name}.yaml").relative_to(ROOT))


def _own_id(folder: Path) -> None:
    """A copy of a shipped pack as a folder pack: it may not keep the shipped pack's id."""
    pack = folder / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("id: lip-2012", "id: my-2012", 1), "utf-8")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_each_example_gets_its_verdict_and_exit_code(
    capsys: pytest.CaptureFixture[str], name: str, expected: tuple[str, int]
) -> None:
    verdict, exit_code = expected
    code, out, _ = run(capsys, "--format", "json", example(name))
    assert code == exit_code
    assert json.loads(out)["reports"][0]["verdict"] == verdict


@pytest.mark.parametrize("name", EXPECTED)
def test_golden_text(capsys: pytest.CaptureFixture[str], name: str) -> None:
    _, out, _ = run(capsys, example(name))
    check_golden(f"validate-{name}.txt", out)


@pytest.mark.parametrize("name", EXPECTED)
def test_golden_json(capsys: pytest.CaptureFixture[str], name: str) -> None:
    _, out, _ = run(capsys, "--format", "json", example(name))
    check_golden(f"validate-{name}.json", out)


def test_json_report_shape(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "json", example("brooks-not-ready"))
    document = json.loads(out)
    assert list(document) == ["format", "lang", "reports", "summary"]
    assert document["lang"] == "en"
    assert document["format"] == "lipcheck-report/2"
    (report,) = document["reports"]
    assert document["summary"]["files"] == 1
    assert report["pack"] == {"id": "lip-2012", "version": "1.1.0"}
    assert 0 <= report["score"] <= 100
    rules = [r["rule"] for r in report["results"]]
    assert len(rules) == len(set(rules)) == 20
    for result in report["results"]:
        assert set(result) >= {"rule", "status", "credit", "weight", "points", "message", "location"}
        assert result["status"] in {"met", "partial", "unmet", "not-applicable"}
        assert result["points"] == pytest.approx(result["weight"] * result["credit"], abs=0.01)
    assert sum(r["points"] for r in report["results"]) == pytest.approx(report["earned"], abs=0.05)
    applying = [r for r in report["results"] if r["status"] != "not-applicable"]
    assert sum(r["weight"] for r in applying) == pytest.approx(report["possible"])
    assert report["score"] == pytest.approx(100 * report["earned"] / report["possible"], abs=0.01)


def test_several_files_give_one_object_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", *(example(n) for n in EXPECTED))
    batch = json.loads(out)
    assert [r["verdict"] for r in batch["reports"]] == [v for v, _ in EXPECTED.values()]
    assert batch["summary"]["files"] == len(EXPECTED)
    assert batch["summary"]["verdicts"]["ready"] == [v for v, _ in EXPECTED.values()].count("ready")
    assert code == 1


def test_an_invalid_proposal_still_gets_a_json_object(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "p.yaml"
    broken.write_text("lipcheck: 1\ncouncl: {}\ncommunity: {name: X, province: ONT}\n")
    code, out, _ = run(capsys, "--format", "json", str(broken))
    (report,) = json.loads(out)["reports"]
    assert code == 1
    assert report["verdict"] == "invalid"
    assert report["score"] is None and report["earned"] is None and report["possible"] is None
    assert [(f["location"]["line"], f["location"]["column"]) for f in report["findings"]] == [(2, 1), (3, 32)]
    assert report["findings"][0]["hint"] == "did you mean `council`?"


class TestGates:
    def test_fail_under_replaces_the_ready_gate(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "--fail-under", "70", example("medicine-hat-nearly-ready"))[0] == 0
        assert run(capsys, "--fail-under", "73", example("medicine-hat-nearly-ready"))[0] == 1

    def test_fail_under_compares_the_unrounded_score(self, capsys: pytest.CaptureFixture[str]) -> None:
        # Medicine Hat scores 72.243: shown as 72.2, yet 72.25 is above it.
        assert run(capsys, "--fail-under", "72.25", example("medicine-hat-nearly-ready"))[0] == 1

    def test_ineligible_fails_whatever_the_score(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "--fail-under", "10", example("wood-buffalo-ineligible"))[0] == 1

    def test_fail_on_severity(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, example("lethbridge-ready"))[0] == 0
        assert run(capsys, "--fail-on", "minor", example("lethbridge-ready"))[0] == 1
        assert run(capsys, "--fail-on", "blocker", example("lethbridge-ready"))[0] == 0

    def test_warnings_change_the_exit_code_only_with_fail_on_warning(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        text = (EXAMPLES / "lethbridge-ready.yaml").read_text(encoding="utf-8")
        evidence = "    form: council-resolution\n    evidence: nowhere.pdf"
        text = text.replace("    form: council-resolution", evidence)
        proposal = tmp_path / "p.yaml"
        proposal.write_text(text, encoding="utf-8")
        code, out, _ = run(capsys, str(proposal))
        assert code == 0 and "LIP902" in out
        assert run(capsys, "--fail-on", "warning", str(proposal))[0] == 1


class TestCouldNotRun:
    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "no-such.yaml")
        assert code == 2 and "no-such.yaml: no such file" in err

    def test_no_file_and_no_default(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        code, _, err = run(capsys)
        assert code == 2 and "proposal.yaml" in err

    def test_default_file_in_current_folder(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "proposal.yaml").write_text((EXAMPLES / "lethbridge-ready.yaml").read_text())
        monkeypatch.chdir(tmp_path)
        assert run(capsys)[0] == 0

    def test_bad_flag(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "--format", "pdf", example("lethbridge-ready"))[0] == 2

    def test_unknown_pack(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "--pack", "lip-1999", example("lethbridge-ready"))
        assert code == 2 and "lip-1999" in err

    def test_unknown_language(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "--lang", "xx", example("lethbridge-ready"))[0] == 2

    def test_one_missing_file_among_good_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "--quiet", example("lethbridge-ready"), "gone.yaml")
        assert code == 2 and "ready" in out and "gone.yaml" in err


def test_a_proposal_answering_an_unknown_call_is_invalid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_text("lipcheck: 1\ncall: lip-2099\n")
    code, out, _ = run(capsys, str(proposal))
    assert code == 1 and "lip-2099" in out and ":2:7" in out
    # A proposal may name only a shipped pack: the hint lists those and never offers a folder.
    assert "shipped packs: ircc-2024, lip-2012, ontario-2008" in out
    assert "folder" not in out.split("lip-2099", 1)[1]


UNDATED = (
    "lipcheck: 1\napplicant: {name: A, type: community-organization, established: 2020,"
    " endorsement: {by: City of X, form: letter}}\n"
)


@pytest.mark.parametrize(
    ("removed", "named"),
    [
        ([], "LIP003, LIP004 judge dates as of today"),
        (["LIP003"], "LIP004 judge dates"),
        (["LIP003", "LIP004"], None),
    ],
)
def test_the_note_on_an_undated_proposal_names_the_packs_dated_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, removed: list[str], named: str | None
) -> None:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "pack.yaml").write_text(
        f"id: mine\nversion: '1'\ntitle: t\nsource: s\nextends: lip-2012\nremove: [{', '.join(removed)}]\n"
    )
    proposal = tmp_path / "p.yaml"
    proposal.write_text(UNDATED)
    _, out, _ = run(capsys, "--format", "json", "--pack", str(tmp_path / "pack"), str(proposal))
    (report,) = json.loads(out)["reports"]
    assert report["pack"]["id"] == "mine"
    if named is None:
        assert report["notes"] == []
    else:
        (note,) = report["notes"]
        assert note.startswith("no submission date: ") and named in note


def test_quiet_prints_one_line_per_file_then_the_count(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "-q", example("brooks-not-ready"), example("lethbridge-ready"))
    assert out.splitlines() == [
        f"{example('brooks-not-ready')}: not-ready 44.0 fail",
        f"{example('lethbridge-ready')}: ready 96.3 pass",
        "2 files: 1 ready, 1 not ready",
        "FAIL: 1 of 2 proposals falls short",
    ]


def test_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "--format", "json", *(example(n) for n in EXPECTED))[1]
    assert run(capsys, "--format", "json", *(example(n) for n in EXPECTED))[1] == first


def test_without_submitted_the_report_says_years_count_from_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_text(
        "lipcheck: 1\napplicant: {name: A, type: community-organization, established: 2025,"
        " endorsement: {by: City of X, form: letter}}\n"
    )
    _, out, _ = run(capsys, "--format", "json", str(proposal))
    (report,) = json.loads(out)["reports"]
    lip004 = next(r for r in report["results"] if r["rule"] == "LIP004")
    assert lip004["status"] == "unmet" and "today" in lip004["message"]
    assert report["verdict"] == "ineligible" and report["notes"]


class TestOtherCommands:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.startswith("lipcheck ")

    def test_rules_lists_every_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["rules"]) == 0
        out = capsys.readouterr().out
        assert all(f"LIP{n}" in out for n in ("001", "101", "405", "902"))

    def test_explain(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["explain", "lip102"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Pack lip-2012 1.1.0: ") and "\nLIP102: " in out and "francophone" in out

    def test_explain_unknown_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["explain", "LIP999"]) == 2
        assert "LIP999" in capsys.readouterr().err

    def test_python_dash_m(self) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "lipcheck", "validate", "--today", TODAY, example("lethbridge-ready")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "READY" in done.stdout


def test_a_proposals_call_names_a_shipped_pack_never_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder beside the proposal that looks like a pack must not be picked up by `call:`.
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "lip-2099")
    (tmp_path / "p.yaml").write_text("lipcheck: 1\ncall: lip-2099\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "p.yaml")
    assert code == 1 and "INVALID" in out and "lip-2099" in out


def test_the_user_may_name_a_pack_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "mypack")
    _own_id(tmp_path / "mypack")
    proposal = EXAMPLES / "lethbridge-ready.yaml"
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--pack", "./mypack", str(proposal))[0] == 0
    assert run(capsys, "--pack", str(tmp_path / "mypack"), str(proposal))[0] == 0


def test_a_pack_named_without_a_path_is_always_a_shipped_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pull request that adds a folder `lip-2012/` (or `mypack/`) cannot choose its own rules.
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "lip-2012")
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "mypack")
    _own_id(tmp_path / "mypack")
    lenient = tmp_path / "lip-2012" / "pack.yaml"
    lenient.write_text(lenient.read_text(encoding="utf-8").replace("ready: 80", "ready: 1"), encoding="utf-8")
    proposal = EXAMPLES / "brooks-not-ready.yaml"
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--pack", "lip-2012", "-q", str(proposal))[0] == 1
    code, _, err = run(capsys, "--pack", "mypack", str(proposal))
    assert code == 2
    assert "no rule pack `mypack`" in err
    assert "./mypack" not in err and "shipped packs: ircc-2024, lip-2012, ontario-2008" in err
