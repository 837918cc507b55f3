"""The CI integration files: the pre-commit hook manifest and the composite GitHub Action."""

from __future__ import annotations

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
    assert "github/codeql-action/upload-sarif@v3" in uses


def test_action_check_step_works(tmp_path: Path) -> None:
    """Run the action's own check script in bash, as the runner would, against copies of the examples."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is needed to run the action's script")
    step = next(s for s in action()["runs"]["steps"] if s.get("id") == "check")
    (tmp_path / "proposals").mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, tmp_path / "proposals" / example.name)
    output, summary = tmp_path / "github-output", tmp_path / "summary.md"
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "FILES": "proposals/lethbridge-ready.yaml\nproposals/b*.yaml",
        "FAIL_UNDER": "",
        "FAIL_ON": "",
        "HTML": "lipcheck-report.html",
        "SARIF": "lipcheck.sarif",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(
        [bash, "-e", "-o", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert output.read_text(encoding="utf-8") == "exit-code=1\n"  # Brooks is not ready
    assert "::error file=proposals/brooks-not-ready.yaml,line=21,col=5," in done.stdout
    assert (tmp_path / "lipcheck.sarif").read_text(encoding="utf-8").count('"uri": "proposals/') > 1
    assert (tmp_path / "lipcheck-report.html").read_text(encoding="utf-8").count(
        '<article class="report"'
    ) == 2
    assert "Brooks Local Immigration Partnership" in summary.read_text(encoding="utf-8")


def test_docs_show_both_set_ups() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert "repo:" in docs and "id: lipcheck" in docs
    assert "uses: " in docs and "upload-sarif" in docs
    assert "artifacts/screenshots/" in docs
