"""Shared fixtures: the repository's folders and a fixed "today" so outputs are byte-stable."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-01-01"
UPDATE_GOLDEN = os.environ.get("LIPCHECK_UPDATE_GOLDEN") == "1"
# Compiled packs go to a folder of the test run's own, never the user's cache (subprocesses too).
os.environ["LIPCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="lipcheck-test-cache-")


@pytest.fixture(autouse=True)
def _no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    # The language comes from the test, never from the machine running it.
    for variable in ("LIPCHECK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("LIPCHECK_DOCS_URL", raising=False)


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME, or rewrite it when LIPCHECK_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {name} was missing and has been written; check it and commit it")
    assert actual == path.read_text(encoding="utf-8")
