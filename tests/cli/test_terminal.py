"""Standard output that cannot take the report: one line on stderr, a documented exit code, no traceback.

Closed (`>&-`), full (`/dev/full`), or not able to encode the text (`PYTHONIOENCODING=ascii`):
exit 2, since the report was not delivered. A broken pipe (the reader stopped, as `| head`
does) is exit 2 while files are left unchecked; once every file is checked the verdict stands
(0 or 1), with the same one line, since only the reading stopped. See docs/security.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from tests.conftest import EXAMPLES, ROOT, TODAY

READY = str(EXAMPLES / "lethbridge-ready.yaml")
SHORT = str(EXAMPLES / "brooks-not-ready.yaml")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
ENV.pop("GITHUB_STEP_SUMMARY", None)


def _lipcheck(
    *args: str,
    stdout: int | IO[bytes] | None = None,
    env: dict[str, str] | None = None,
    close_stdout: bool = False,
) -> tuple[int, str]:
    """Run lipcheck in a child process; its exit code and stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "lipcheck", *args],
        stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env or ENV,
        timeout=60,
        check=False,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    return done.returncode, err


def _broken_pipe(*args: str) -> tuple[int, str]:
    """lipcheck writing into a pipe whose reader is already gone: every write is a broken pipe."""
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "wb") as stream:
        return _lipcheck(*args, stdout=stream)


def test_stdout_closed_is_exit_2_with_one_line() -> None:
    code, err = _lipcheck("validate", READY, "--today", TODAY, close_stdout=True)
    assert code == 2
    assert err.splitlines()[0] == "lipcheck: standard output is closed: there is nowhere to write the report"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "command", [["validate", READY, "--today", TODAY], ["report", "-f", "json", READY], ["schema"]]
)
def test_a_full_device_is_exit_2_with_one_line(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        code, err = _lipcheck(*command, stdout=full)
    assert code == 2
    assert err == "lipcheck: cannot write the report to standard output: No space left on device\n"


def test_an_ascii_only_stdout_is_exit_2_with_a_hint(tmp_path: Path) -> None:
    proposal = tmp_path / "montreal.yaml"
    proposal.write_text("lipcheck: 1\ntitle: Partenariat de Montréal\n", encoding="utf-8")
    code, err = _lipcheck(
        "validate", str(proposal), "--today", TODAY, env={**ENV, "PYTHONIOENCODING": "ascii"}
    )
    assert code == 2
    assert "standard output cannot show" in err and "its encoding is ascii" in err
    assert "hint: set PYTHONIOENCODING=utf-8" in err
    assert len(err.splitlines()) == 2


@pytest.mark.parametrize(
    ("files", "code"),
    [
        pytest.param([READY], 0, id="every-file-checked-and-ready"),
        pytest.param([SHORT], 1, id="every-file-checked-one-short"),
    ],
)
def test_a_broken_pipe_after_every_file_is_checked_keeps_the_verdict(files: list[str], code: int) -> None:
    exit_code, err = _broken_pipe("validate", *files, "--today", TODAY)
    assert exit_code == code
    assert err.splitlines()[0].startswith("lipcheck: standard output was closed by its reader")


def test_a_broken_pipe_with_files_left_unchecked_is_exit_2() -> None:
    code, err = _broken_pipe("validate", READY, READY, SHORT, "--today", TODAY)
    assert code == 2
    assert err.splitlines() == [
        "lipcheck: standard output was closed by its reader before the report was written in full"
        " (broken pipe)",
        "lipcheck: not checked: 2 of 3 files",
    ]


def test_a_broken_pipe_with_several_jobs_stops_the_workers_quietly() -> None:
    code, err = _broken_pipe("validate", "--jobs", "2", *[READY] * 40, "--today", TODAY)
    assert code == 2
    assert len(err.splitlines()) == 2, err


def test_report_checks_everything_before_it_writes_so_a_broken_pipe_keeps_the_verdict() -> None:
    code, err = _broken_pipe("report", "-f", "json", SHORT, READY, "--today", TODAY)
    assert code == 1
    assert err.startswith("lipcheck: standard output was closed by its reader")
