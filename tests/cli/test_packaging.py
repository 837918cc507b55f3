"""The wheel carries the rule packs: an installed lipcheck, run from another folder, finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, TODAY


def test_an_installed_wheel_finds_its_rule_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hatchling = pytest.importorskip("hatchling.build", reason="hatchling builds the wheel (test extra)")
    monkeypatch.chdir(ROOT)
    wheel = tmp_path / hatchling.build_wheel(str(tmp_path))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"lipcheck/rules/lip-2012/{p.name}" for p in (ROOT / "rules" / "lip-2012").glob("*.yaml")}
    assert shipped and shipped <= names
    examples = {f"lipcheck/examples/{p.name}" for p in EXAMPLES.glob("*.yaml")}
    assert examples and examples <= names, "the wheel ships the examples `lipcheck examples` writes"
    assert "lipcheck/data/sector-signals.yaml" in names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # what `pip install` lays down, without touching .venv
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import lipcheck.packs.registry as p; print(p.packs_folder())"],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(site)
    done = subprocess.run(
        [sys.executable, "-m", "lipcheck", "validate", "--today", TODAY, "-q",
         str(EXAMPLES / "lethbridge-ready.yaml")],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("ready 96.3 pass\n")
