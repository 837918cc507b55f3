"""Each bad-input case through the real command line: exit code, message, location, no traceback.

The cases are data (cases.yaml, files/, builders in catalogue.py). Each runs in-process through
`lipcheck.cli.main`; the ones marked `subprocess` also run as `python -m lipcheck`, where a
traceback would really reach stderr. Every run must leave the input and its folder as they
were: lipcheck never writes to a proposal, and a failed report leaves no partial file behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lipcheck.cli import main
from tests.badinput.catalogue import ROOT, Case, Setup, Unavailable, load_cases, prepare, snapshot

CASES = load_cases()
MOST_OUTPUT = 100_000
"""Characters of output one case may print: a report that echoes a 10 MB string is a problem too."""


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []


def _params(cases: list[Case]) -> list[object]:
    return [pytest.param(case, id=case.id, marks=_marks(case)) for case in cases]


@pytest.fixture
def ready(tmp_path: Path, request: pytest.FixtureRequest) -> Setup:
    """The case's input built in a fresh folder, which is also the working directory."""
    case: Case = request.param
    try:
        setup = prepare(case, tmp_path)
    except Unavailable as reason:
        pytest.skip(str(reason))
    request.addfinalizer(setup.cleanup)
    return setup


def _flat(text: str) -> str:
    return " ".join(text.split())


def _check_output(case: Case, setup: Setup, code: int, out: str, err: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    assert code == case.exit, f"exit {code}, expected {case.exit}\n--- stdout\n{out}\n--- stderr\n{err}"
    both = _flat(out + "\n" + err)
    assert _flat(case.says) in both, f"{case.says!r} not in:\n{out}\n{err}"
    for fragment in case.lacks:
        assert fragment not in out + err
    if case.at is not None:
        located = case.located_in or setup.argv[1]
        assert f"{located}:{case.at}" in both
    assert len(out) + len(err) < MOST_OUTPUT


def _run_in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)  # must return, never raise
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_catalogue_covers_every_file() -> None:
    used = {case.file for case in CASES if case.file}
    on_disk = {path.name for path in (Path(__file__).parent / "files").iterdir()}
    assert on_disk == used, "each file in files/ is one case in cases.yaml, and each case's file exists"
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("ready", _params([c for c in CASES if c.in_process]), indirect=True)
def test_case(
    ready: Setup,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case: Case = request.node.callspec.params["ready"]
    monkeypatch.chdir(ready.folder)
    before = snapshot(ready.folder)
    code, out, err = _run_in_process(ready.argv, capsys)
    _check_output(case, ready, code, out, err)
    assert snapshot(ready.folder) == before, "lipcheck changed the input or left a file behind"


@pytest.mark.parametrize(
    "ready",
    _params([c for c in CASES if c.in_process and c.command == "validate" and not c.xfail]),
    indirect=True,
)
def test_case_as_json(
    ready: Setup,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The JSON report gives the same exit code, parses, and carries the same line and column."""
    case: Case = request.node.callspec.params["ready"]
    monkeypatch.chdir(ready.folder)
    code, out, err = _run_in_process([*ready.argv, "--format", "json"], capsys)
    assert "Traceback" not in err
    assert code == case.exit
    if code == 2:
        # Either lipcheck could not start (nothing on stdout), or a file could not be read: then
        # the one object still comes, with the file counted as unreadable and no report for it.
        if out:
            document = json.loads(out)
            assert document["reports"] == [] and document["summary"]["unreadable"] >= 1
        return
    (report,) = json.loads(out)["reports"]
    if case.at is not None and case.located_in is None:
        line, column = (int(part) for part in case.at.split(":"))
        places = [item["location"] for item in (*report["findings"], *report["results"])]
        assert {"line": line, "column": column} in places


@pytest.mark.parametrize("ready", _params([c for c in CASES if c.subprocess]), indirect=True)
def test_case_in_a_child_process(ready: Setup, request: pytest.FixtureRequest) -> None:
    """`python -m lipcheck` as CI runs it: the real stderr holds a message, never a traceback."""
    case: Case = request.node.callspec.params["ready"]
    before = snapshot(ready.folder)
    done = subprocess.run(
        [sys.executable, "-m", "lipcheck", *ready.argv],
        cwd=ready.folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
        # A test runner started in the background ignores SIGINT; the child should not inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _check_output(case, ready, done.returncode, done.stdout, done.stderr)
    assert snapshot(ready.folder) == before
