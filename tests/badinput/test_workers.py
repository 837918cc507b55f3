"""Several jobs: a worker killed by the system (OOM killer, `kill -9`) ends the run at once, with exit 2."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.badinput.test_nothing_lost import _copies, _start

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds workers through /proc")


def _workers(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    return [int(child) for child in children.split()]


def test_a_killed_worker_names_the_files_left_unchecked_and_exits_2(tmp_path: Path) -> None:
    names = _copies(tmp_path, 3000)
    child = _start([sys.executable, "-m", "lipcheck", "validate", "--quiet", "--jobs", "2", *names], tmp_path)
    assert child.stdout is not None
    child.stdout.readline()  # the first results are in: the workers are running
    workers = _workers(child.pid)
    assert len(workers) == 2
    started = time.monotonic()
    os.kill(workers[0], signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert time.monotonic() - started < 10, "lipcheck noticed the dead worker within seconds"
    assert child.returncode == 2
    told = err.decode().splitlines()
    unchecked = [line for line in told if "was not checked: a worker process died" in line]
    assert unchecked, err[:500]
    assert sum("hint: run again with fewer --jobs" in line for line in told) == 1
    assert "Traceback" not in err.decode()
    # Every file is accounted for once: checked (a line on stdout) or named as not checked.
    checked = {line.split(":")[0] for line in out.decode().splitlines() if ".yaml:" in line}
    missed = {line.removeprefix("lipcheck: ").split(" was not checked")[0] for line in unchecked}
    assert not checked & missed
    assert len(checked) + len(missed) <= len(names)
    assert names[-1] in missed
    for worker in workers:
        assert not Path(f"/proc/{worker}").exists() or "zombie" in Path(f"/proc/{worker}/status").read_text()


def test_several_jobs_keep_the_order_of_the_files(tmp_path: Path) -> None:
    """Reports stream in the order the files were given, whichever worker finishes first."""
    names = _copies(tmp_path, 300)
    (tmp_path / names[7]).write_text("lipcheck: 1\ntitle: [unclosed\n", encoding="utf-8")
    alone = _start([sys.executable, "-m", "lipcheck", "validate", "-q", *names], tmp_path).communicate(
        timeout=60
    )
    spread = _start(
        [sys.executable, "-m", "lipcheck", "validate", "-q", "--jobs", "3", *names], tmp_path
    ).communicate(timeout=60)
    assert spread == alone
    assert alone[0].decode().splitlines()[7].startswith(f"{names[7]}: invalid - fail")


def test_jobs_are_capped_at_four_a_cpu_and_one_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--jobs 100000` on a small runner starts no more processes than 4 for each CPU."""
    from lipcheck import cli

    started: list[int] = []

    def record(paths: list[str], options: object, jobs: int = 1) -> list[object]:
        started.append(jobs)
        return []

    monkeypatch.setattr(cli, "run", record)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.chdir(tmp_path)
    names = _copies(tmp_path, 20)
    cli.main(["validate", "--quiet", "--jobs", "100000", *names])
    cli.main(["validate", "--quiet", "--jobs", "100000", *names[:3]])
    assert started == [8, 3]


@pytest.mark.parametrize(
    ("files", "size", "jobs"), [(10_000, 128, 2), (300, 32, 3), (7, 1, 2), (1000, 32, 4)]
)
def test_files_go_out_in_order_in_chunks_that_shrink_towards_the_end(
    files: int, size: int, jobs: int
) -> None:
    """Every file once, in order, never more than `size` at a time; the last quarter of what each
    job holds goes out in ever smaller chunks, so that no worker is left with a whole chunk alone."""
    from lipcheck.run.runner import _chunks

    names = [f"p{index}.yaml" for index in range(files)]
    chunks = list(_chunks(names, size, jobs))
    assert [name for chunk in chunks for name in chunk] == names
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) <= size
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= 4
    if files > 4 * size * jobs:
        assert sizes[0] == size
    # A list of unknown length (a generator) goes out in chunks of `size` to the end.
    assert [len(chunk) for chunk in _chunks(iter(names), size, jobs)][:-1] == [size] * ((files - 1) // size)
