"""Shared by the benchmark scripts: run a command as a child and read its wall time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figures:
    """What the interleaved runs of one command measured."""

    seconds: float
    """Median wall time of the runs."""
    kib: int
    """Median peak resident memory, in KiB, of the process or its largest waited-for child."""
    max_kib: int
    """The largest peak resident memory of any run."""
    exit_codes: tuple[int, ...]
    """Each run's exit code, in order."""


def run_child(
    command: Sequence[str], cwd: str | None = None, env: Mapping[str, str] | None = None
) -> tuple[float, int, int]:
    """Wall seconds, peak resident memory in KiB, and exit code of one run of `command`."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, child.returncode


def measure(
    commands: Mapping[str, Sequence[str]],
    runs: int,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
) -> dict[str, Figures]:
    """Figures of each command, runs interleaved (A B C A B C ...) so the machine's noise spreads evenly."""
    samples: dict[str, list[tuple[float, int, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_child(command, cwd, env))
    return {
        name: Figures(
            seconds=statistics.median(run[0] for run in taken),
            kib=int(statistics.median(run[1] for run in taken)),
            max_kib=max(run[1] for run in taken),
            exit_codes=tuple(run[2] for run in taken),
        )
        for name, taken in samples.items()
    }


def medians(
    commands: dict[str, Sequence[str]], runs: int, cwd: str | None = None
) -> dict[str, tuple[float, int]]:
    """Median wall time and median peak memory of each command, runs interleaved so noise spreads evenly."""
    return {name: (got.seconds, got.kib) for name, got in measure(commands, runs, cwd).items()}
