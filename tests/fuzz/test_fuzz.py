"""Fuzzing: whatever the file holds, lipcheck answers 0 or 1 (never a crash, never "could not run"),
reads every well-typed proposal back as written, and prints the same bytes for the same input.

A short run by default; `LIPCHECK_FUZZ=long` runs many more examples (tests/run sets it under CI).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipcheck.cli import main
from lipcheck.loader import load_text
from lipcheck.model import Proposal
from tests.fuzz.strategies import as_yaml, proposals, yaml_texts

LONG = os.environ.get("LIPCHECK_FUZZ") == "long"
FUZZ = settings(
    max_examples=300 if LONG else 25,
    deadline=None,  # one example runs lipcheck four times; CI machines vary
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
TODAY = ["--today", "2026-01-01"]  # LIP004 counts years from today when a proposal has no date


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder for every example (function-scoped tmp_path would be shared across examples anyway)."""
    path = tmp_path_factory.mktemp("fuzz")
    previous = Path.cwd()
    os.chdir(path)
    yield path
    os.chdir(previous)


def _run(argv: list[str]) -> tuple[int, str, str]:
    # Not capsys: a function-scoped fixture is not reset between Hypothesis examples.
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _check(raw: bytes, folder: Path) -> dict[str, int]:
    """Run validate twice in each format; the same input must give the same exit code and bytes."""
    (folder / "proposal.yaml").write_bytes(raw)
    codes = {}
    for output in ("text", "json"):
        argv = ["validate", "--format", output, *TODAY, "proposal.yaml"]
        first = _run(argv)
        second = _run(argv)
        code, _, err = first
        assert code in (0, 1), f"exit {code}: {err}"
        assert "Traceback" not in err and "internal error" not in err
        assert first == second, "validate is not deterministic"
        assert (folder / "proposal.yaml").read_bytes() == raw, "lipcheck changed its input"
        codes[output] = code
    assert codes["text"] == codes["json"]
    return codes


@FUZZ
@given(text=yaml_texts())
def test_any_yaml_text(text: str, folder: Path) -> None:
    _check(text.encode("utf-8", "surrogatepass"), folder)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_any_bytes(raw: bytes, folder: Path) -> None:
    _check(raw, folder)


@FUZZ
@given(proposal=proposals())
def test_any_well_typed_proposal(proposal: dict[str, Any], folder: Path) -> None:
    """Written with every string quoted, a well-typed proposal reads back exactly and is never invalid."""
    text = as_yaml(proposal)
    document = load_text(text)
    assert document.findings == ()
    assert Proposal.model_validate(document.data) == Proposal.model_validate(proposal)
    _check(text.encode(), folder)
    _, out, _ = _run(["validate", "--quiet", *TODAY, "proposal.yaml"])
    assert ": invalid" not in out


@FUZZ
@given(proposal=proposals())
def test_any_well_typed_proposal_as_plain_yaml(proposal: dict[str, Any], folder: Path) -> None:
    """PyYAML's own plain style (YAML 1.1) may leave `1e3` or `0o17` unquoted, which lipcheck (YAML 1.2
    core) reads as numbers: the proposal may turn invalid, but lipcheck must still answer cleanly."""
    _check(as_yaml(proposal, quoted=False).encode(), folder)


@pytest.mark.parametrize("output", ["text", "json"])
def test_same_bytes_in_fresh_processes(output: str, tmp_path: Path) -> None:
    """Set and dict order must not leak into a report: two processes with different hash seeds agree."""
    root = Path(__file__).resolve().parents[2]
    files = sorted(str(path) for path in (root / "examples").glob("*.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "lipcheck: 1\ncouncil:\n  members:\n    - {organization: x, sectors: [setlement, polise]}\nextra: 1\n"
    )
    runs = []
    for seed in ("0", "4242"):
        done = subprocess.run(
            [sys.executable, "-m", "lipcheck", "validate", "--format", output, *TODAY, *files, str(bad)],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            check=False,
        )
        runs.append((done.returncode, done.stdout, done.stderr))
    assert runs[0] == runs[1]
    assert runs[0][0] == 1
