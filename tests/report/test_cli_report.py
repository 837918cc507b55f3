"""`lipcheck report`: which format goes where, atomic writes, never touching the input, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from lipcheck.errors import LipcheckError
from lipcheck.output import Destination, ReportFormat, plan, write_all
from tests.conftest import ROOT
from tests.report.conftest import Runner, example

READY, SHORT = example("lethbridge-ready"), example("brooks-not-ready")


def write_atomic(path: Path, content: str) -> None:
    """One file written the way `lipcheck report` writes each of its files."""
    write_all([(Destination(ReportFormat.HTML, path), content)])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_html_short_form_writes_the_default_file(lipcheck: Runner, tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.yaml"
    proposal.write_bytes((ROOT / READY).read_bytes())
    os.chdir(tmp_path)
    run = lipcheck("report", "proposal.yaml", "--html")
    assert run.code == 0, run.err
    assert run.out == ""
    assert (tmp_path / "lipcheck-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "wrote lipcheck-report.html" in run.err


def test_default_format_is_html(lipcheck: Runner, tmp_path: Path) -> None:
    run = lipcheck("report", READY, "-o", str(tmp_path / "r.html"))
    assert run.code == 0 and (tmp_path / "r.html").exists()


def test_other_formats_go_to_stdout(lipcheck: Runner) -> None:
    run = lipcheck("report", READY, "--format", "json")
    assert json.loads(run.out)["reports"][0]["verdict"] == "ready"


def test_json_of_several_files_is_one_batch(lipcheck: Runner) -> None:
    document = json.loads(lipcheck("report", READY, SHORT, "-f", "json").out)
    assert [r["file"] for r in document["reports"]] == [READY, SHORT]
    assert document["summary"]["files"] == 2


def test_one_output_per_format_in_order(lipcheck: Runner, tmp_path: Path) -> None:
    sarif, junit = tmp_path / "a.sarif", tmp_path / "b.xml"
    run = lipcheck(
        "report",
        SHORT,
        "-f",
        "sarif",
        "-f",
        "junit",
        "-f",
        "github",
        "-o",
        str(sarif),
        "-o",
        str(junit),
        "-o",
        "-",
    )
    assert run.code == 1  # not ready: the gate falls short
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert junit.read_text(encoding="utf-8").startswith("<?xml")
    assert run.out.startswith("::error file=examples/brooks-not-ready.yaml")


def test_a_folder_takes_every_format(lipcheck: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    formats = ["html", "markdown", "sarif", "junit", "json", "github"]
    run = lipcheck("report", READY, *(arg for f in formats for arg in ("-f", f)), "-o", f"{folder}/")
    assert run.code == 0, run.err
    assert sorted(p.name for p in folder.iterdir()) == [
        "lipcheck-report.html",
        "lipcheck-report.json",
        "lipcheck-report.md",
        "lipcheck-report.sarif",
        "lipcheck-report.xml",
    ]
    assert run.out.splitlines()[-1].startswith("::notice ")  # workflow commands act only on stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-f", "sarif", "-f", "junit"], "would all go to standard output"),
        (["-f", "sarif", "-f", "junit", "-o", "x.sarif", "-o", "y.xml", "-o", "z"], "3 output paths"),
        (["-f", "sarif", "-f", "junit", "-o", "same.out", "-o", "same.out"], "is named for two formats"),
    ],
)
def test_impossible_plans_are_refused_before_work(lipcheck: Runner, args: list[str], says: str) -> None:
    run = lipcheck("report", READY, *args)
    assert run.code == 2
    assert says in run.err
    assert not (ROOT / "same.out").exists() and not (ROOT / "x.sarif").exists()


def test_never_writes_over_an_input(lipcheck: Runner, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_bytes((ROOT / READY).read_bytes())
    before = digest(proposal)
    run = lipcheck("report", str(proposal), "-f", "markdown", "-o", str(proposal))
    assert run.code == 2 and "never writes over its input" in run.err
    link = tmp_path / "link.md"
    link.symlink_to(proposal)
    assert lipcheck("report", str(proposal), "-f", "markdown", "-o", str(link)).code == 2
    assert digest(proposal) == before


def test_the_input_is_never_modified(lipcheck: Runner, tmp_path: Path) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_bytes((ROOT / SHORT).read_bytes())
    before, stamp = digest(proposal), proposal.stat().st_mtime_ns
    lipcheck("report", str(proposal), "-f", "html", "-f", "sarif", "-o", str(tmp_path))
    assert digest(proposal) == before and proposal.stat().st_mtime_ns == stamp


def test_missing_folders_above_an_output_are_made(lipcheck: Runner, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "r.sarif"
    run = lipcheck("report", READY, "-f", "sarif", "-o", str(target))
    assert run.code == 0, run.err
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_several_formats_and_one_new_path_make_it_a_folder(lipcheck: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    run = lipcheck("report", READY, "-f", "sarif", "-f", "junit", "-o", str(folder))
    assert run.code == 0, run.err
    assert sorted(p.name for p in folder.iterdir()) == ["lipcheck-report.sarif", "lipcheck-report.xml"]


def test_a_folder_as_the_second_target_is_refused_before_anything_is_written(
    lipcheck: Runner, tmp_path: Path
) -> None:
    (tmp_path / "taken").mkdir()
    first = tmp_path / "first.sarif"
    taken = str(tmp_path / "taken")
    run = lipcheck("report", READY, "-f", "sarif", "-f", "junit", "-o", str(first), "-o", taken)
    assert run.code == 2
    assert "taken is a folder, not a file" in run.err
    assert not first.exists()


def test_a_file_where_a_folder_should_be_is_refused_in_the_plan(lipcheck: Runner, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    run = lipcheck("report", READY, "-f", "sarif", "-o", str(tmp_path / "plain" / "r.sarif"))
    assert run.code == 2
    assert "plain is not a folder" in run.err


def test_an_unreadable_input_is_exit_2_but_the_others_are_reported(lipcheck: Runner, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    run = lipcheck("report", READY, "missing.yaml", "-f", "markdown", "-o", str(target))
    assert run.code == 2 and "missing.yaml" in run.err
    assert "Lethbridge" in target.read_text(encoding="utf-8")


def test_gate_options(lipcheck: Runner) -> None:
    assert lipcheck("report", SHORT, "-f", "json", "--fail-under", "40").code == 0
    assert lipcheck("report", READY, "-f", "json", "--fail-on", "major").code == 1


def test_atomic_write_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new " * 1000)
    assert target.read_text(encoding="utf-8") == "new " * 1000
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")

    def full_disk(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(LipcheckError) as caught:
        write_atomic(target, "new")
    assert caught.value.message.args["reason"] == "No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_a_failed_run_writes_nothing(
    lipcheck: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format is rendered before any file is written: a renderer's crash leaves no report."""
    from lipcheck.render import junit

    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(junit, "render_reports", broken)
    monkeypatch.delenv("LIPCHECK_DEBUG", raising=False)
    run = lipcheck("report", READY, "-f", "sarif", "-f", "junit", "-o", str(tmp_path))
    assert run.code == 2 and "renderer bug" in run.err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_second_file_leaves_the_first_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are renamed into place only once every one of them is written."""
    import tempfile

    first, second = tmp_path / "a.sarif", tmp_path / "new" / "b.xml"
    first.write_text("old", encoding="utf-8")
    real_mkstemp = tempfile.mkstemp
    calls: list[str] = []

    def full_on_second(*args: object, **kwargs: object) -> tuple[int, str]:
        calls.append("mkstemp")
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", full_on_second)
    files = [
        (Destination(ReportFormat.SARIF, first), "new sarif"),
        (Destination(ReportFormat.JUNIT, second), "new junit"),
    ]
    with pytest.raises(LipcheckError) as caught:
        write_all(files)
    assert caught.value.message.args["reason"] == "No space left on device"
    assert first.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sarif"]  # no temporary, no folder left


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "r.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o640


def test_plan_defaults() -> None:
    assert plan([ReportFormat.HTML, ReportFormat.SARIF], [], []) == (
        Destination(ReportFormat.HTML, Path("lipcheck-report.html")),
        Destination(ReportFormat.SARIF, None),
    )
    assert plan([ReportFormat.HTML, ReportFormat.HTML], ["-"], []) == (Destination(ReportFormat.HTML, None),)
