"""SARIF logs pass Microsoft's SARIF multitool (`validate`), not only the JSON Schema.

The multitool checks what a schema cannot (rule indexes, suppressions, URIs) and is what code
scanning services are built on. It comes from npm (`@microsoft/sarif-multitool`, a self-contained
Linux build); without it the test is skipped, but never when CI is set.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.report.conftest import EXAMPLE_STEMS, Runner, example
from tests.report.test_browser import require

MULTITOOL = ROOT / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the npm build is Linux's")


def validated(log_file: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """The multitool's findings on `log_file` at the level `error` (warnings are advice)."""
    require(MULTITOOL.is_file(), "the SARIF multitool", "npm ci at the repository root, as tests/run does")
    # npm may leave out the package's postinstall step that marks the program executable.
    MULTITOOL.chmod(MULTITOOL.stat().st_mode | stat.S_IXUSR)
    out = tmp_path / "validation.sarif"
    done = subprocess.run(
        [str(MULTITOOL), "validate", str(log_file), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"},
        check=False,
    )
    assert out.is_file(), done.stdout + done.stderr
    results = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0].get("results", [])
    return [result for result in results if result.get("level") == "error"]


def test_the_multitool_finds_a_broken_log(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}), encoding="utf-8")
    assert validated(broken, tmp_path)


@pytest.mark.parametrize("docs", [(), ("--docs-url", "https://github.com/an-org/lipcheck/blob/v1.2.0/docs/")])
def test_every_example_with_waivers_and_broken_files_passes_the_multitool(
    lipcheck: Runner, tmp_path: Path, docs: tuple[str, ...]
) -> None:
    files = [example(stem) for stem in EXAMPLE_STEMS]
    files += ["tests/report/data/invalid.yaml", "tests/report/data/broken-syntax.yaml"]
    log_file = tmp_path / "all.sarif"
    run = lipcheck("report", *files, "--format", "sarif", "-o", str(log_file), *docs)
    assert run.code in (1, 2), run.err
    text = log_file.read_text(encoding="utf-8")
    assert '"suppressions"' in text, "the examples hold a waiver: its suppression must be validated too"
    assert ('"helpUri"' in text) == bool(docs) and ('"informationUri"' in text) == bool(docs)
    assert validated(log_file, tmp_path) == []
