"""The CI integration files: the pre-commit hook manifest and the composite GitHub Action."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomllib
import yaml

from lipcheck.cli import main
from tests.conftest import EXAMPLES, ROOT, TODAY

HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"
DOCS = ROOT / "docs" / "ci.md"
REQUIRED_HOOK_KEYS = {"id", "name", "entry", "language"}


def hooks() -> list[dict[str, Any]]:
    loaded = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(loaded, list)
    return loaded


def action() -> dict[str, Any]:
    loaded = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_hooks_have_the_keys_pre_commit_requires() -> None:
    for hook in hooks():
        assert set(hook) >= REQUIRED_HOOK_KEYS, hook
        assert hook["language"] == "python"
        re.compile(hook["files"])


def test_pre_commit_itself_accepts_the_manifest() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit is in the test extra")
    loaded = clientlib.load_manifest(str(HOOKS))
    assert [hook["id"] for hook in loaded] == ["lipcheck", "lipcheck-valid"]


def test_hook_entries_run_lipcheck() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for hook in hooks():
        program, *args = shlex.split(hook["entry"])
        assert program in scripts
        # pre-commit appends the staged file names to the entry.
        code = main([*args, str(EXAMPLES / "lethbridge-ready.yaml"), "--today", TODAY])
        assert code == 0


@pytest.mark.parametrize(
    ("name", "matches"),
    [
        ("proposal.yaml", True),
        ("proposal-2012.yml", True),
        ("lips/hamilton/proposal.yaml", True),
        ("proposals/lethbridge.yaml", True),
        (".github/workflows/ci.yml", False),
        ("docs/mkdocs.yaml", False),
    ],
)
def test_hook_files_pattern(name: str, matches: bool) -> None:
    pattern = re.compile(hooks()[0]["files"])
    assert bool(pattern.search(name)) is matches


CHECK_SCRIPT = ROOT / "scripts" / "action-check.sh"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def test_action_is_a_composite_with_safe_scripts() -> None:
    loaded = action()
    assert loaded["runs"]["using"] == "composite"
    assert {"name", "description", "inputs", "runs"} <= set(loaded)
    for step in loaded["runs"]["steps"]:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs go through env, never into the script text"
    uses = [step["uses"] for step in loaded["runs"]["steps"] if "uses" in step]
    assert any(use.startswith("github/codeql-action/upload-sarif@") for use in uses)
    for use in uses:
        assert PINNED.match(use), f"{use}: third-party actions are pinned by a full commit SHA"


def test_action_has_the_documented_inputs() -> None:
    inputs = action()["inputs"]
    assert {"files", "pack", "fail-under", "fail-on", "args", "html", "sarif", "upload-sarif"} <= set(inputs)
    docs = DOCS.read_text(encoding="utf-8")
    for name in inputs:
        assert f"`{name}`" in docs, f"docs/ci.md describes the input {name}"


def test_action_installs_its_own_copy_into_a_venv_and_leaves_python_alone() -> None:
    steps = {step.get("name"): step for step in action()["runs"]["steps"]}
    install = steps["Install lipcheck"]
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert "runner.temp" in install["env"]["VENV"]
    assert '"${REQUIREMENT:-$ACTION_PATH}"' in install["run"]
    # setup-python puts its Python first on PATH for every later step: only when asked for.
    assert steps["Set up Python"]["if"] == "${{ inputs.python-version != '' }}"
    assert action()["inputs"]["python-version"]["default"] == ""
    check = steps["Check proposals"]
    assert check["run"] == 'bash "$ACTION_PATH/scripts/action-check.sh"'


def _check(folder: Path, files: str, **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """scripts/action-check.sh run in bash as the runner runs it; the result and the step's output."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is needed to run the action's script")
    output = folder / "github-output"
    output.write_text("", encoding="utf-8")
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "FILES": files,
        "HTML": "",
        "SARIF": "",
        "GITHUB_OUTPUT": str(output),
        **inputs,
    }
    done = subprocess.run(
        [bash, str(CHECK_SCRIPT)],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # lipcheck's code is recorded, not returned
    return done, output.read_text(encoding="utf-8")


def _proposals(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLES / "lethbridge-ready.yaml", folder / name)


def test_action_check_step_works(tmp_path: Path) -> None:
    """Run the action's own check script in bash, as the runner would, against copies of the examples."""
    (tmp_path / "proposals").mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, tmp_path / "proposals" / example.name)
    summary = tmp_path / "summary.md"
    done, output = _check(
        tmp_path,
        "proposals/lethbridge-ready.yaml\nproposals/b*.yaml",
        HTML="lipcheck-report.html",
        SARIF="lipcheck.sarif",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert output == "exit-code=1\n"  # Brooks is not ready
    assert "::error file=proposals/brooks-not-ready.yaml,line=21,col=5," in done.stdout
    assert (tmp_path / "lipcheck.sarif").read_text(encoding="utf-8").count('"uri": "proposals/') > 1
    assert (tmp_path / "lipcheck-report.html").read_text(encoding="utf-8").count(
        '<article class="report"'
    ) == 2
    assert "Brooks Local Immigration Partnership" in summary.read_text(encoding="utf-8")


def test_action_check_reads_paths_with_spaces(tmp_path: Path) -> None:
    _proposals(tmp_path, "my proposals/north end.yaml", "my proposals/south end.yaml")
    done, output = _check(tmp_path, "my proposals/north end.yaml\n  my proposals/south*.yaml  ")
    assert output == "exit-code=0\n", done.stderr
    assert "file=my proposals/north end.yaml," in done.stdout
    assert "file=my proposals/south end.yaml," in done.stdout


def test_action_check_expands_globstar(tmp_path: Path) -> None:
    _proposals(tmp_path, "lips/a/proposal.yaml", "lips/a/b/c/proposal.yaml", "lips/top.yaml")
    done, output = _check(tmp_path, "lips/**/*.yaml", FAIL_UNDER="50", FAIL_ON="blocker", PACK="lip-2012")
    assert output == "exit-code=0\n", done.stderr
    for name in ("lips/a/proposal.yaml", "lips/a/b/c/proposal.yaml", "lips/top.yaml"):
        assert f"::notice file={name},title=lipcheck::" in done.stdout


@pytest.mark.parametrize(
    ("pattern", "decoy", "real"),
    [
        ("proposals/**/*.yaml", "proposals/**/*.yaml", "proposals/2026/brooks.yaml"),
        ("*.yaml", "*.yaml", "brooks.yaml"),
        ("proposals/?.yaml", "proposals/?.yaml", "proposals/b.yaml"),
    ],
)
def test_a_file_named_like_the_pattern_does_not_stand_in_for_it(
    tmp_path: Path, pattern: str, decoy: str, real: str
) -> None:
    """A pull request adds a ready proposal literally named like the files pattern: the pattern is still
    expanded, so the real proposals beside it are checked too, and the one that falls short fails the gate."""
    _proposals(tmp_path, decoy)
    (tmp_path / real).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "brooks-not-ready.yaml", tmp_path / real)
    done, output = _check(tmp_path, pattern)
    assert output == "exit-code=1\n", done.stdout + done.stderr
    assert f"::error file={real}," in done.stdout
    assert f"file={decoy}," in done.stdout  # the decoy is one more match, checked like the rest


def test_action_check_passes_a_literal_name_on_even_when_missing(tmp_path: Path) -> None:
    done, output = _check(tmp_path, "proposal.yaml")
    assert output == "exit-code=2\n", done.stdout + done.stderr


def test_action_check_says_when_nothing_matches(tmp_path: Path) -> None:
    done, output = _check(tmp_path, "proposals/*.yaml")
    assert output == "exit-code=2\n"
    assert (
        "::warning title=lipcheck::no file matches `proposals/*.yaml` (from the files input)" in done.stdout
    )
    assert "::error title=lipcheck::no proposal file matches the files input: proposals/*.yaml" in done.stdout


def test_action_check_warns_about_one_pattern_and_checks_the_rest(tmp_path: Path) -> None:
    _proposals(tmp_path, "proposal.yaml")
    done, output = _check(tmp_path, "proposal.yaml\nmissing/*.yaml")
    assert output == "exit-code=0\n"
    assert "no file matches `missing/*.yaml`" in done.stdout


def test_action_check_passes_a_file_named_like_an_option_as_a_file(tmp_path: Path) -> None:
    """`--` comes before the files: a pull request cannot smuggle in `--pack` through a file name."""
    _proposals(tmp_path, "--pack=x.yaml")
    (tmp_path / "x.yaml").write_text("not a pack\n", encoding="utf-8")
    done, output = _check(tmp_path, "--pack=x.yaml")
    assert output == "exit-code=0\n", done.stdout + done.stderr
    notice = (
        "::notice file=--pack=x.yaml,title=lipcheck::"
        "--pack=x.yaml: score 96.3 / 100 (96.3 of 100.0 points), ready"
    )
    assert notice in done.stdout


def test_action_check_passes_extra_args(tmp_path: Path) -> None:
    _proposals(tmp_path, "proposal.yaml")
    done, output = _check(tmp_path, "proposal.yaml", ARGS="--max-file-size 100")
    assert output == "exit-code=1\n"
    assert "over the limit of 100" in done.stdout


def test_after_a_double_dash_every_argument_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _proposals(tmp_path, "--pack=x.yaml")
    assert main(["validate", "-q", "--today", TODAY, "--", "--pack=x.yaml"]) == 0
    assert main(["report", "-f", "json", "--today", TODAY, "--", "--pack=x.yaml"]) == 0


def test_the_version_is_the_same_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    """`lipcheck --version` (which pyproject.toml reads too) and the tag the docs tell users to pin."""
    from lipcheck import __version__

    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
        "version"
    ] == {"path": "lipcheck/__init__.py"}
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"lipcheck {__version__}\n"
    docs = DOCS.read_text(encoding="utf-8")
    assert f"rev: v{__version__} " in docs
    assert f"uses: OWNER/lipcheck@v{__version__} " in docs
    assert set(re.findall(r"@v(\d+\.\d+\.\d+)", docs)) == {__version__}
    assert f"lipcheck=={__version__}" in action()["inputs"]["lipcheck-version"]["description"]


def test_docs_show_both_set_ups() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert "repo:" in docs and "id: lipcheck" in docs
    assert "uses: " in docs and "upload-sarif" in docs
    assert "artifacts/screenshots/" in docs


def _sarif_links(folder: Path) -> tuple[str | None, set[str]]:
    log = json.loads((folder / "lipcheck.sarif").read_text(encoding="utf-8"))
    driver = log["runs"][0]["tool"]["driver"]
    return driver.get("informationUri"), {rule["helpUri"] for rule in driver["rules"] if "helpUri" in rule}


def test_action_links_sarif_rules_to_the_docs_of_its_own_version(tmp_path: Path) -> None:
    _proposals(tmp_path, "proposal.yaml")
    done, output = _check(
        tmp_path,
        "proposal.yaml",
        SARIF="lipcheck.sarif",
        ACTION_REPOSITORY="an-org/lipcheck",
        ACTION_REF="v1.2.0",
    )
    assert output == "exit-code=0\n", done.stderr
    information, links = _sarif_links(tmp_path)
    assert information == "https://github.com/an-org/lipcheck/blob/v1.2.0/docs/"
    assert "https://github.com/an-org/lipcheck/blob/v1.2.0/docs/rules/lip-2012.md#lip101" in links


def test_action_falls_back_to_the_runner_variables(tmp_path: Path) -> None:
    _proposals(tmp_path, "proposal.yaml")
    sha = "0123456789abcdef0123456789abcdef01234567"
    done, _ = _check(
        tmp_path,
        "proposal.yaml",
        SARIF="lipcheck.sarif",
        ACTION_REPOSITORY="",
        ACTION_REF="",
        GITHUB_ACTION_REPOSITORY="an-org/lip.check",
        GITHUB_ACTION_REF=sha,
    )
    assert _sarif_links(tmp_path)[0] == f"https://github.com/an-org/lip.check/blob/{sha}/docs/", done.stderr


@pytest.mark.parametrize(
    ("repository", "ref"),
    [
        ("", ""),  # a local `uses: ./`: the runner knows no repository
        ("an-org/lipcheck", ""),
        ("an-org/lipcheck/../../elsewhere", "v1"),
        ("evil.example/lipcheck", "v1"),
        ("an-org/..", "v1"),
        ("an-org/lipcheck", "../../elsewhere"),
        ("an-org/lipcheck", "v1?x=1"),
        ("an-org/lipcheck", "v1#top"),
        ("an-org/lipcheck", "-v1"),
        ("an-org/lipcheck", "$(touch pwned)"),
        ("an-org/lipcheck", "v1\n::error::forged"),
    ],
)
def test_action_passes_no_docs_address_it_cannot_trust(tmp_path: Path, repository: str, ref: str) -> None:
    _proposals(tmp_path, "proposal.yaml")
    done, output = _check(
        tmp_path,
        "proposal.yaml",
        SARIF="lipcheck.sarif",
        ACTION_REPOSITORY=repository,
        ACTION_REF=ref,
        GITHUB_ACTION_REPOSITORY="",
        GITHUB_ACTION_REF="",
    )
    assert output == "exit-code=0\n", done.stderr
    assert _sarif_links(tmp_path) == (None, set())
    assert not (tmp_path / "pwned").exists()


def test_action_hands_its_repository_and_ref_to_the_script_through_env() -> None:
    steps = {step.get("name"): step for step in action()["runs"]["steps"]}
    env = steps["Check proposals"]["env"]
    assert env["ACTION_REPOSITORY"] == "${{ github.action_repository }}"
    assert env["ACTION_REF"] == "${{ github.action_ref }}"
