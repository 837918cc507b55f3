"""The portfolio benchmark runs end to end on a few files (the 10,000-file run is for people, not CI)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_portfolio_benchmark_writes_every_page_and_prints_the_memory_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "portfolio.py"), "--files", "20"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pages written: 21" in done.stdout
    assert "validate -q --jobs 1" in done.stdout and "peak MiB" in done.stdout
    assert "target: portfolio peak <= 120 MiB: met" in done.stdout
