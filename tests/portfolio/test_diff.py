"""`lipcheck diff`: two drafts, or each file against its content at a revision of a throw-away repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.revisions import check_revision
from tests.conftest import EXAMPLES, TODAY

MEDICINE_HAT = EXAMPLES / "medicine-hat-nearly-ready.yaml"
LETHBRIDGE = EXAMPLES / "lethbridge-ready.yaml"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository: HEAD~1 holds Medicine Hat's draft as proposal.yaml, HEAD and the tree Lethbridge's."""
    git(tmp_path, "init", "-q")
    (tmp_path / "proposal.yaml").write_bytes(MEDICINE_HAT.read_bytes())
    git(tmp_path, "add", "proposal.yaml")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    (tmp_path / "proposal.yaml").write_bytes(LETHBRIDGE.read_bytes())
    git(tmp_path, "commit", "-q", "-am", "second draft")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_two_files_give_the_scores_verdicts_and_the_rules_that_moved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = diff(capsys, str(MEDICINE_HAT), str(LETHBRIDGE))
    assert code == 0
    first, *rest = out.splitlines()
    assert first.endswith(": score 72.2 → 96.3 (+24.1), nearly ready → ready")
    assert any(
        line.startswith("  LIP202 ") and "0 → 10 points (+10.0), not met → met" in line for line in rest
    )
    assert "  closed: LIP101, LIP103, LIP201, LIP202, LIP401" in rest
    assert "  opened: LIP405" in rest


def test_fail_on_drop_exits_1_when_a_score_falls_by_more_than_the_points(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = diff(capsys, str(LETHBRIDGE), str(MEDICINE_HAT), "--fail-on-drop")
    assert code == 1
    assert "the score fell by 24.1 points (more than --fail-on-drop 0)" in err
    assert diff(capsys, str(LETHBRIDGE), str(MEDICINE_HAT), "--fail-on-drop", "30")[0] == 0
    assert diff(capsys, str(MEDICINE_HAT), str(LETHBRIDGE), "--fail-on-drop")[0] == 0, "a rise never fails"


def test_json_pairs_rules_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = diff(capsys, str(MEDICINE_HAT), str(LETHBRIDGE), "--format", "json")
    document = json.loads(out)
    assert document["format"] == "lipcheck-diff/1"
    (change,) = document["changes"]
    assert change["score_change"] == 24.09 and change["pack_changed"] is False
    lip202 = next(rule for rule in change["rules"] if rule["rule"] == "LIP202")
    assert lip202["before"] == {"status": "unmet", "points": 0.0}
    assert lip202["after"] == {"status": "met", "points": 10.0}
    assert change["waivers"] == {"added": [], "expired": []}


def test_a_pack_change_between_the_drafts_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = diff(capsys, str(LETHBRIDGE), str(EXAMPLES / "hamilton-renewal-ready.yaml"))
    assert "judged by lip-2012 1.1.0 before and ircc-2024 1.1.0 now" in out


def test_markdown_is_short_with_the_rules_in_details(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = diff(capsys, str(MEDICINE_HAT), str(LETHBRIDGE), "--format", "markdown")
    assert out.startswith("### lipcheck: what changed\n")
    assert "| 72.2 → 96.3 (**+24.1**) | nearly ready → ready |" in out
    assert "<details>" in out and "</details>" in out
    assert len(out.splitlines()) < 40


@needs_git
def test_against_a_revision_compares_with_the_committed_draft(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = diff(capsys, "proposal.yaml", "--against", "HEAD~1")
    assert code == 0
    assert out.startswith("proposal.yaml: score 72.2 → 96.3 (+24.1), nearly ready → ready\n")
    assert (repository / "proposal.yaml").read_bytes() == LETHBRIDGE.read_bytes(), (
        "the work tree is untouched"
    )


@needs_git
def test_a_file_new_since_the_revision_is_reported_as_new(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repository / "second.yaml").write_bytes(MEDICINE_HAT.read_bytes())
    code, out, _ = diff(capsys, "proposal.yaml", "second.yaml", "--against", "HEAD")
    assert code == 0
    assert "second.yaml: new since the revision: score 72.2, nearly ready" in out
    assert "proposal.yaml: score 96.3 → 96.3 (+0.0), ready → ready\n  no rule changed" in out


@needs_git
def test_an_unknown_revision_is_a_clear_message(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = diff(capsys, "proposal.yaml", "--against", "no-such-branch")
    assert code == 2
    assert "git knows no commit `no-such-branch` here" in err and "hint:" in err


@pytest.mark.parametrize(
    "revision", ["--output=/tmp/x", "-p", "HEAD:other.yaml", "a b", "HEAD\n", "main..evil", "", "x.lock"]
)
def test_a_revision_that_could_be_an_option_or_a_path_is_refused(
    revision: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from lipcheck.errors import LipcheckError

    with pytest.raises(LipcheckError):
        check_revision(revision)
    code, _, err = diff(capsys, str(LETHBRIDGE), "--against", revision) if revision else (2, "", "--against")
    assert code == 2 and "--against" in err


@pytest.mark.parametrize(
    "revision", ["HEAD", "HEAD~1", "origin/main", "v1.2.0", "a1b2c3d", "HEAD^", "main@{1}"]
)
def test_plain_revisions_are_accepted(revision: str) -> None:
    check_revision(revision)


@needs_git
def test_a_file_name_that_looks_like_an_option_reaches_git_as_a_path(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repository / "--output=x.yaml").write_bytes(MEDICINE_HAT.read_bytes())
    code, out, _ = diff(capsys, "--against", "HEAD", "--", "--output=x.yaml")
    assert code == 0
    assert out.startswith("--output=x.yaml: new since the revision: score 72.2")
    assert sorted(path.name for path in repository.iterdir()) == ["--output=x.yaml", ".git", "proposal.yaml"]


def test_diff_wants_two_files_or_a_revision(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = diff(capsys, str(LETHBRIDGE))
    assert code == 2
    assert "lipcheck diff wants two files (OLD NEW), or files with --against REV" in err
