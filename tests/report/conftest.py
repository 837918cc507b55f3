"""Helpers for the report tests: run `lipcheck report` in the repository and read what it printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from lipcheck import __version__
from lipcheck.cli import main
from tests.conftest import EXAMPLES, ROOT, TODAY

DATA = ROOT / "tests" / "report" / "data"
HOSTILE = DATA / "hostile.yaml"
EXAMPLE_STEMS = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


Runner = Callable[..., Run]


@pytest.fixture
def lipcheck(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """`lipcheck(*args)` runs the CLI from the repository root with a fixed today."""
    monkeypatch.chdir(ROOT)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main([*args, "--today", TODAY])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def example(stem: str) -> str:
    return f"examples/{stem}.yaml"


def without_version(document: str) -> str:
    """Goldens must not change each time lipcheck's version does."""
    return document.replace(f'"{__version__}"', '"VERSION"')
