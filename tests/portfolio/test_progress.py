"""The progress bar: on stderr when it is a terminal (a pseudo-terminal here) and the run is slow."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, TODAY

COPIES = 6000  # enough that a run is still going when the bar first shows a rate


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    content = (EXAMPLES / "brooks-not-ready.yaml").read_bytes()
    for number in range(COPIES):
        (folder / f"p{number:04d}.yaml").write_bytes(content)
    return folder


def _drain(main: int, seen: bytearray, timeout: float) -> bool:
    """Read what the terminal shows; False once the other end is closed."""
    if not select.select([main], [], [], timeout)[0]:
        return True
    try:
        chunk = os.read(main, 65536)
    except OSError:  # EIO: every process holding the terminal has ended
        return False
    seen += chunk
    return bool(chunk)


def run_on_terminal(folder: Path, *args: str, ci: bool = False) -> tuple[int, str]:
    """lipcheck with stderr on a pseudo-terminal, stdout to nowhere: exit code, what the terminal showed."""
    main, child = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment |= {"COLUMNS": "100", **({"CI": "true"} if ci else {})}
    command = [sys.executable, "-m", "lipcheck", "validate", ".", "--today", TODAY, "--summary-only"]
    with subprocess.Popen(
        [*command, "--jobs", "1", *args],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=child,
        stdin=subprocess.DEVNULL,
        env=environment,
    ) as process:
        os.close(child)
        seen = bytearray()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _drain(main, seen, 0.5):
            pass
        os.close(main)
        return process.wait(timeout=30), seen.decode("utf-8", "replace")


def test_a_slow_run_on_a_terminal_shows_count_rate_and_time_left(many: Path) -> None:
    code, terminal = run_on_terminal(many)
    assert code == 1
    assert "checking" in terminal and f"/{COPIES}" in terminal and "files/s" in terminal


@pytest.mark.parametrize("how", ["ci", "no-progress"])
def test_no_bar_under_ci_or_with_no_progress(many: Path, how: str) -> None:
    args = ("--no-progress",) if how == "no-progress" else ()
    _, terminal = run_on_terminal(many, *args, ci=how == "ci")
    assert "files/s" not in terminal


def test_no_bar_when_stderr_is_not_a_terminal(many: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lipcheck",
            "validate",
            ".",
            "--today",
            TODAY,
            "--summary-only",
            "--jobs",
            "1",
        ],
        cwd=many,
        capture_output=True,
        env={key: value for key, value in os.environ.items() if key != "CI"},
        check=False,
    )
    assert b"files/s" not in done.stderr


def test_ctrl_c_during_a_run_with_a_bar_exits_130_with_one_line(many: Path) -> None:
    main, child = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    command = [sys.executable, "-m", "lipcheck", "validate", ".", "--today", TODAY, "--summary-only"]
    with subprocess.Popen(
        [*command, "--jobs", "2"],
        cwd=many,
        stdout=subprocess.DEVNULL,
        stderr=child,
        stdin=subprocess.DEVNULL,
        env=environment,
        start_new_session=True,
    ) as process:
        os.close(child)
        seen = bytearray()
        deadline = time.monotonic() + 60
        while b"files/s" not in seen and time.monotonic() < deadline and _drain(main, seen, 0.5):
            pass
        os.killpg(process.pid, signal.SIGINT)
        code = process.wait(timeout=30)
        while _drain(main, seen, 0.5):
            pass
        os.close(main)
    assert code == 130
    assert b"Traceback" not in seen
    assert seen.rstrip().endswith(b"interrupted")
