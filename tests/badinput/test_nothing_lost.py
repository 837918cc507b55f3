"""Nothing lost: lipcheck never writes to its input; Ctrl-C exits 130 with one line and no partial file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lipcheck.cli import main
from tests.badinput.catalogue import EXAMPLE, ROOT, snapshot

FORMATS = ["html", "markdown", "sarif", "junit", "json", "github"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
ENV.pop("GITHUB_STEP_SUMMARY", None)


def _default_sigint() -> None:
    # A test runner started in the background ignores SIGINT, and a child inherits that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(argv: list[str], folder: Path) -> subprocess.Popen[bytes]:
    """lipcheck in its own process group, as a terminal runs it, so Ctrl-C can reach it all."""
    return subprocess.Popen(
        argv,
        cwd=folder,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,
        start_new_session=True,
    )


def _copies(folder: Path, count: int) -> list[str]:
    names = []
    for index in range(count):
        name = f"p{index:04}.yaml"
        shutil.copyfile(EXAMPLE, folder / name)
        names.append(name)
    return names


def test_no_command_writes_to_the_proposal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "proposal.yaml")
    (tmp_path / "proposal.yaml").chmod(0o444)  # read-only must be enough
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    time.sleep(0.01)  # so a rewrite would show in the mtime
    assert main(["validate", "proposal.yaml"]) == 0
    assert main(["validate", "--format", "json", "proposal.yaml"]) == 0
    argv = ["report", "proposal.yaml", "-o", "out/"]
    for fmt in FORMATS:
        argv += ["-f", fmt]
    assert main(argv) == 0
    capsys.readouterr()
    after = snapshot(tmp_path)
    written = {name for name in after if name.startswith("out")}
    assert {name: after[name] for name in after if name not in written} == before
    assert "out" in written and len(written) > 1
    assert not [name for name in written if ".tmp" in name], "a temporary file was left behind"


def test_an_interrupted_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while the report is being written: exit 130, no report and no temporary file."""
    import lipcheck.output

    def interrupted(_: int) -> None:
        raise KeyboardInterrupt

    shutil.copyfile(EXAMPLE, tmp_path / "proposal.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(lipcheck.output.os, "fsync", interrupted)
    assert main(["report", "proposal.yaml", "-o", "report.html"]) == 130
    assert capsys.readouterr().err == "interrupted\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["proposal.yaml"]


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, "-m", "lipcheck"], id="python-m-lipcheck"),
        pytest.param([str(Path(sys.executable).parent / "lipcheck")], id="console-script"),
    ],
)
def test_sigint_exits_130_with_one_line(command: list[str], tmp_path: Path) -> None:
    """The real Ctrl-C, to the whole process group as a terminal sends it, once lipcheck is running."""
    if not Path(command[0]).exists():
        pytest.skip("the console script is not installed next to this Python")
    names = _copies(tmp_path, 2000)
    child = _start([*command, "validate", "--quiet", *names], tmp_path)
    assert child.stdout is not None
    child.stdout.readline()  # the first file is done: lipcheck is past its imports
    os.killpg(child.pid, signal.SIGINT)
    try:
        out, err = child.communicate(timeout=60)
    finally:  # a run that does not end fails this test, and only this one
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
    assert child.returncode == 130
    assert err == b"interrupted\n"
    assert out.count(b"\n") < len(names) - 1, "the run finished before the signal; use more files"


def test_sigint_during_report_leaves_no_partial_file(tmp_path: Path) -> None:
    """`report` renders everything before it writes: interrupted while checking, it writes nothing."""
    names = _copies(tmp_path, 2000)
    # Import first and say so, then run: the signal must land in lipcheck, not in Python's start-up.
    script = (
        "import sys\nfrom lipcheck.cli import main\nsys.stderr.write('ready\\n'); sys.stderr.flush()\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    child = _start(
        [sys.executable, "-c", script, "report", "-f", "html", "-f", "sarif", "-o", "out/", *names], tmp_path
    )
    assert child.stderr is not None
    assert child.stderr.readline() == b"ready\n"
    time.sleep(0.3)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert err == b"interrupted\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == names


def test_sigint_with_several_jobs_is_one_line(tmp_path: Path) -> None:
    names = _copies(tmp_path, 2000)
    child = _start([sys.executable, "-m", "lipcheck", "validate", "--quiet", "--jobs", "2", *names], tmp_path)
    assert child.stdout is not None
    child.stdout.readline()
    time.sleep(0.2)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err == b"interrupted\n"
