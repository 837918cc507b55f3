"""Beside the catalogue: what a pull request's file names, links and text can do to lipcheck's
outputs, checked with what only a test can set up (a reader on a pipe, GITHUB_STEP_SUMMARY, every
format of one run) and against GitHub's runner's own rules for workflow commands.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from lipcheck import output
from lipcheck.cli import main
from lipcheck.errors import LipcheckError
from tests.badinput.catalogue import EXAMPLE
from tests.badinput.workflow_runner import obeyed
from tests.conftest import TODAY

FORMATS = ("html", "markdown", "sarif", "junit", "json", "github")
NOT_UTF8 = os.fsdecode(b"bad\xff\xfe.yaml")
# Each form of a command the runner reads, hidden the ways ICU matching sees through.
COMMANDS = (
    "##[add-mask]secret",
    "x #\u200b#\u00ad[error]forged",
    "::warning::forged",
    "\u200b::error::forged",
    ":\u200b:notice::forged",
    "\u2028::error::forged",
    "Evil #\u0640#[error title=pwned]forged",  # ARABIC TATWEEL: a letter, yet ICU ignores it
    ":\U0001d165:warning::forged",  # a musical symbol, ignored too
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--today", TODAY])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def proposal(folder: Path, name: str = "proposal.yaml", title: str | None = None) -> str:
    """The ready example; with `title`, that text is its title, an organization's name and an unknown key."""
    text = EXAMPLE.read_text(encoding="utf-8")
    if title is not None:
        quoted = json.dumps(title)  # a JSON string is a YAML double-quoted scalar
        for old, new in (
            ("title: Lethbridge Local Immigration Partnership", f"title: {quoted}"),
            ("organization: Lethbridge College", f"organization: {quoted}"),
        ):
            assert old in text, "the example changed; update test_io_safety.proposal"
            text = text.replace(old, new, 1)
        (folder / f"invalid-{name}").write_text(f"lipcheck: 1\n{quoted}: x\n", encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    return name


def invalid(names: list[str]) -> list[str]:
    return [f"invalid-{name}" for name in names]


def test_a_character_device_is_written_in_place_and_stays_a_device(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root may make a device node")
    device = folder / "null"  # our own node with /dev/null's numbers, never the machine's
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    code, _, err = run(capsys, "report", proposal(folder), "-f", "json", "-o", "null")
    assert code == 0, err
    info = device.lstat()
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in folder.iterdir()) == ["null", "proposal.yaml"]  # no temporary left


def test_a_named_pipe_with_a_reader_gets_the_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(folder / "pipe")
    received: list[bytes] = []

    def read() -> None:
        with (folder / "pipe").open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.2)
    code, _, err = run(capsys, "report", proposal(folder), "-f", "json", "-o", "pipe")
    reader.join(5)
    assert code == 0, err
    assert json.loads(received[0])["reports"][0]["verdict"] == "ready"
    assert stat.S_ISFIFO((folder / "pipe").lstat().st_mode)


def test_a_pipe_whose_reader_stops_is_given_up_in_bounded_time(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(folder / "pipe")
    idle_reader = os.open(folder / "pipe", os.O_RDONLY | os.O_NONBLOCK)
    monkeypatch.setattr(output, "IN_PLACE_SECONDS", 0.3)
    started = time.monotonic()
    try:
        with pytest.raises(LipcheckError) as caught:
            output.write_in_place(folder / "pipe", "x" * 1_000_000)
    finally:
        os.close(idle_reader)
    assert caught.value.message.id == "cli.report.stalled"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("kind", "follow", "says"),
    [
        ("proposal", False, "never writes over its input"),
        ("link-to-proposal", False, "is a symlink: lipcheck does not write through one"),
        ("link-to-proposal", True, "never writes over its input"),
        ("hard-link-to-proposal", False, "never writes over its input"),
        ("pipe-without-reader", False, "a named pipe that nothing is reading"),
        ("link-outside", False, "is a symlink: lipcheck does not write through one"),
        ("link-outside", True, "is a symlink that does not lead to a file inside the folder"),
    ],
)
def test_github_step_summary_follows_the_output_rules(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    follow: bool,
    says: str,
) -> None:
    work, outside = tmp_path / "work", tmp_path / "outside"
    work.mkdir()
    outside.mkdir()
    monkeypatch.chdir(work)
    name = proposal(work)
    before = (work / name).read_bytes()
    (outside / "elsewhere.md").write_text("kept\n", encoding="utf-8")
    summary = work / ("proposal.yaml" if kind == "proposal" else "summary.md")
    if kind == "link-to-proposal":
        summary.symlink_to(name)
    elif kind == "hard-link-to-proposal":  # appended to, it would be the proposal
        summary.hardlink_to(name)
    elif kind == "pipe-without-reader":
        os.mkfifo(summary)
    elif kind == "link-outside":
        summary.symlink_to(outside / "elsewhere.md")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    started = time.monotonic()
    code, _, err = run(capsys, "report", name, "-f", "github", *(["--follow-symlinks"] if follow else []))
    assert code == 2, err
    assert says in err
    assert time.monotonic() - started < 10
    assert (work / name).read_bytes() == before
    assert (outside / "elsewhere.md").read_text(encoding="utf-8") == "kept\n"


def test_an_output_that_is_a_symlink_is_written_through_only_when_asked(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The action's fixed `-o lipcheck.sarif`: a pull request's link there is never written through
    (not to `.git/config`, not to a file of the checkout); `--follow-symlinks` is the user's own
    say-so, and then only to a regular file inside the working folder and never into `.git`."""
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (folder / "lipcheck.sarif").symlink_to(".git/config")
    (folder / "README.md").write_text("kept\n", encoding="utf-8")
    (folder / "out.json").symlink_to("README.md")
    name = proposal(folder)
    code, _, err = run(capsys, "report", name, "-f", "sarif", "-o", "lipcheck.sarif")
    assert code == 2 and "lipcheck.sarif is a symlink: lipcheck does not write through one" in err
    code, _, err = run(capsys, "report", name, "-f", "sarif", "-o", "lipcheck.sarif", "--follow-symlinks")
    assert code == 2 and "lipcheck.sarif is inside a .git folder: lipcheck never writes there" in err
    code, _, err = run(capsys, "report", name, "-f", "json", "-o", "out.json")
    assert code == 2 and "out.json is a symlink" in err
    assert (folder / ".git" / "config").read_text(encoding="utf-8") == "[core]\n"
    assert (folder / "README.md").read_text(encoding="utf-8") == "kept\n"
    code, _, err = run(capsys, "report", name, "-f", "json", "-o", "out.json", "--follow-symlinks")
    assert code == 0, err
    assert (folder / "out.json").is_symlink()
    assert json.loads((folder / "README.md").read_text(encoding="utf-8"))["reports"]


def test_a_name_that_is_not_utf8_is_escaped_in_every_format_and_the_summary(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, good = proposal(folder, NOT_UTF8), proposal(folder, "good.yaml")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder / "summary.md"))
    code, out, err = run(
        capsys, "report", bad, good, *(a for f in FORMATS for a in ("-f", f)), "-o", "reports"
    )
    assert code == 0, err
    written = {path.name: path.read_bytes().decode("utf-8") for path in (folder / "reports").iterdir()}
    written["stdout"], written["summary"] = out, (folder / "summary.md").read_bytes().decode("utf-8")
    for name, document in written.items():
        assert "good.yaml" in document, name  # the other file is reported too
    shown = "bad\\xff\\xfe.yaml"
    for name in ("lipcheck-report.html", "lipcheck-report.md", "lipcheck-report.xml", "stdout", "summary"):
        assert shown in written[name], name
    reports = json.loads(written["lipcheck-report.json"])["reports"]
    assert [r["file"] for r in reports] == [shown, "good.yaml"]
    sarif = json.loads(written["lipcheck-report.sarif"])
    results = sarif["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "bad%5Cxff%5Cxfe.yaml" in uris
    for args in (["-q"], ["--format", "json"], []):
        code, out, err = run(capsys, "validate", bad, good, *args)
        assert code == 0, err
        assert "bad\\xff\\xfe.yaml" in out.replace("\\\\", "\\") and "good.yaml" in out
    code, _, err = run(capsys, "validate", os.fsdecode(b"gone\xff.yaml"))
    assert code == 2 and "gone\\xff.yaml: no such file" in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_prints_a_command_the_runner_would_obey(
    folder: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    names = [proposal(folder, f"p{index}.yaml", title) for index, title in enumerate(COMMANDS)]
    named = proposal(folder, "##[add-mask]n.yaml")
    code, out, err = run(capsys, "report", *names, *invalid(names), named, "-f", fmt, "-o", "-")
    assert "forged" in out
    assert code in (0, 1), err
    assert obeyed(out, own=fmt == "github") == []
    assert obeyed(err) == []


@pytest.mark.parametrize("args", [["-q"], [], ["--format", "json"]])
def test_validate_prints_no_command_either(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    names = [proposal(folder, f"p{index}.yaml", title) for index, title in enumerate(COMMANDS)]
    hostile_names = [proposal(folder, name) for name in ("##[error]a.yaml", "::warning::b.yaml")]
    code, out, err = run(capsys, "validate", *names, *invalid(names), *hostile_names, *args)
    assert code in (0, 1), err
    assert obeyed(out) == [] and obeyed(err) == []


def test_messages_about_file_names_and_wrote_lines_print_no_command(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", "##[add-mask]missing.yaml", "::error::gone.yaml")
    assert code == 2
    assert "missing.yaml: no such file" in err
    assert obeyed(out) == [] and obeyed(err) == []
    code, out, err = run(capsys, "report", proposal(folder), "-f", "json", "-o", "::error::r##[debug]x.json")
    assert code == 0, err
    assert "wrote" in err and obeyed(err) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["validate", "--##[error]x.yaml"], "No such option: --##\\x5berror]x.yaml"),
        (["report", "-f", "##[add-mask]x", "p.yaml"], "'##\\x5badd-mask]x' is not one of"),
        (["##[error]cmd"], "No such command '##\\x5berror]cmd'"),
        (["validate", "--x\x1b[31m"], "No such option: --x\\x1b[31m"),
    ],
)
def test_usage_errors_quote_arguments_without_a_command_the_runner_would_obey(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    """Click's own usage errors quote the argument; a pull request's file name can fill it."""
    capsys.readouterr()
    assert main(args) == 2
    captured = capsys.readouterr()
    assert says in captured.err
    assert obeyed(captured.out) == [] and obeyed(captured.err) == []
