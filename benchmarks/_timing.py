"""Shared by the benchmark scripts: run a command as a child and read its wall time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence


def run_child(command: Sequence[str], cwd: str | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak resident memory in KiB, and exit code of one run of `command`."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, child.returncode


def medians(
    commands: dict[str, Sequence[str]], runs: int, cwd: str | None = None
) -> dict[str, tuple[float, int]]:
    """Median wall time and median peak memory of each command, runs interleaved so noise spreads evenly."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seconds, kib, _ = run_child(command, cwd)
            times[name].append(seconds)
            memory[name].append(kib)
    return {name: (statistics.median(times[name]), int(statistics.median(memory[name]))) for name in commands}
