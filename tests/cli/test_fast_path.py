"""`lipcheck --version` and `lipcheck --help` answer without loading the command line, and say
exactly what the command line says."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lipcheck import fast_path
from lipcheck.cli import main

HEAVY = ("typer", "yaml", "pydantic", "pydantic_core", "rich", "jinja2", "lipcheck.cli", "lipcheck.messages")
LANGUAGE_VARIABLES = ("LIPCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
REPORT_IMPORTS = (
    "import atexit, sys\n"
    "heavy = " + repr(HEAVY) + "\n"
    "atexit.register(lambda: sys.stderr.write('loaded: ' + ' '.join(sorted({n for n in sys.modules"
    " for h in heavy if n == h or n.startswith(h + '.')} & set(heavy))) + '\\n'))\n"
    "sys.argv = ['lipcheck', *sys.argv[1:]]\n"
    "from lipcheck.__main__ import main\n"
    "main()\n"
)


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    previous = {name: os.environ.get(name) for name in values}
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def console(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """`lipcheck ARGS` as the console script runs it, reporting the heavy modules it loaded."""
    clean = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", REPORT_IMPORTS, *args],
        capture_output=True, text=True, env={**clean, "COLUMNS": "80", **env}, check=False,
    )  # fmt: skip


def command_line(args: list[str], **env: str) -> tuple[int, str]:
    """What the full command line prints for ARGS (in this process, typer and all)."""
    unset: dict[str, str | None] = dict.fromkeys(LANGUAGE_VARIABLES)
    out = io.StringIO()
    with environment(**{**unset, "COLUMNS": "80", **env}), contextlib.redirect_stdout(out):
        code = main(args)
    return code, out.getvalue()


def test_the_stored_pages_are_what_the_command_line_prints() -> None:
    assert Path(fast_path.PAGES_FILE).read_text(encoding="utf-8") == fast_path.pages_module(
        fast_path.rendered_pages()
    ), "run: python -m lipcheck.fast_path"


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--version"], {}),
        (["--lang", "fr", "--version"], {}),
        (["--help"], {}),
        (["--lang", "fr", "--help"], {}),
        (["--help", "--lang=FR"], {}),
        (["--help"], {"LIPCHECK_LANG": "fr"}),
        (["--help"], {"LANG": "fr_CA.UTF-8"}),
        (["--help"], {"LC_ALL": "C", "LANG": "fr_CA.UTF-8"}),
        (["--help"], {"COLUMNS": "200"}),
    ],
)
def test_version_and_help_answer_alone_and_alike(args: list[str], env: dict[str, str]) -> None:
    done = console(args, **env)
    assert (done.returncode, done.stdout) == command_line(args, **env)
    assert done.stderr == "loaded: \n"


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "de", "--help"], {}),  # the command line names the languages there are
        (["--help"], {"LIPCHECK_LANG": "de"}),
        (["--help"], {"COLUMNS": "60"}),  # Click wraps to a narrow terminal
        (["--lang"], {}),
        (["validate", "--help"], {}),
    ],
)
def test_anything_else_is_left_to_the_command_line(args: list[str], env: dict[str, str]) -> None:
    done = console(args, **env)
    assert "lipcheck.cli" in done.stderr.rsplit("loaded: ", 1)[-1]


def test_a_page_the_stream_cannot_encode_is_left_to_the_command_line() -> None:
    """French help to an ASCII-only stream: Click writes it (as UTF-8 bytes), as it always has."""
    done = console(["--lang", "fr", "--help"], PYTHONIOENCODING="ascii")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "lipcheck.cli" in done.stderr.rsplit("loaded: ", 1)[-1]
    assert done.stdout.startswith("Utilisation")
