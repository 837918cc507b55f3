"""Many proposals at once: the summary table, `--sort`, `--summary-only`, CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.render.csv import FIXED_COLUMNS, safe_cell
from tests.conftest import EXAMPLES, TODAY

NAMES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
FILES = [f"examples/{name}" for name in NAMES]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", "--today", TODAY, "--jobs", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_text_run_of_several_files_ends_with_the_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *FILES)
    table = out[out.index("Proposal ") :]
    header, *rows = table.splitlines()
    assert header.split() == ["Proposal", "Call", "Score", "Verdict", "Gate", "Biggest", "gap"]
    assert [row.split()[0] for row in rows[: len(FILES)]] == FILES  # by path, the default
    assert rows[0].split()[1:4] == ["lip-2012", "44.0", "not"]
    assert "10 files: 5 ready, 3 nearly ready, 1 not ready, 1 ineligible" in table


def test_summary_only_prints_the_table_and_the_count_and_no_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--summary-only", *FILES)
    assert code == 1
    assert out.startswith("Proposal ")
    assert "What to fix" not in out


def test_sort_by_score_puts_the_highest_first_and_by_verdict_ready_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, by_score, _ = run(capsys, "--summary-only", "--sort", "score", *FILES)
    scores = [float(line.split()[2]) for line in by_score.splitlines()[1 : len(FILES) + 1]]
    assert scores == sorted(scores, reverse=True)
    _, by_verdict, _ = run(capsys, "--summary-only", "--sort", "verdict", *FILES)
    first = by_verdict.splitlines()[1:4]
    assert all(" ready " in line for line in first)


def test_the_biggest_gap_names_the_rule_and_its_points(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--summary-only", "examples/brooks-not-ready.yaml")
    assert "LIP203 (+14.0)" in out


def test_csv_parses_back_with_the_csv_module_one_row_a_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "csv", *FILES)
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [row["path"] for row in rows] == FILES
    header = next(csv.reader(io.StringIO(out, newline="")))
    assert tuple(header[: len(FIXED_COLUMNS)]) == FIXED_COLUMNS
    rules = header[len(FIXED_COLUMNS) :]
    assert len(rules) == len(set(rules)) and "LIP101" in rules and "LIP411" in rules
    brooks = rows[0]
    assert brooks["community"] == "Brooks" and brooks["province"] == "AB"
    assert brooks["call"] == "lip-2012" and brooks["verdict"] == "not-ready" and brooks["gate"] == "failed"
    assert brooks["score"] == "43.97"
    assert brooks["LIP203"] == "0" and brooks["LIP001"] == "met"
    assert brooks["LIP411"] == "", "a rule the proposal's pack does not have is an empty cell"
    hamilton = rows[1]
    assert (
        hamilton["title"] == "Hamilton Immigration Partnership Council, 2025-2028 renewal"
    )  # a comma, quoted
    assert out.count("\r\n") == len(FILES) + 1, "RFC 4180 ends each record with CRLF"


def test_csv_is_the_same_whatever_the_number_of_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    _, serial, _ = run(capsys, "--format", "csv", *FILES)
    code = main(["validate", "--today", TODAY, "--jobs", "3", "--format", "csv", *FILES])
    assert code == 1
    assert capsys.readouterr().out == serial


def test_excel_starts_with_a_utf8_byte_order_mark(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "csv", "--excel", FILES[0])
    assert out.startswith("\ufeffpath,title,")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(start: str) -> None:
    assert safe_cell(start + 'HYPERLINK("http://x")') == "'" + start + 'HYPERLINK("http://x")'
    assert safe_cell("Brooks") == "Brooks"


def test_a_hostile_title_never_reaches_a_spreadsheet_as_a_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (EXAMPLES / "brooks-not-ready.yaml").read_text(encoding="utf-8")
    title = "title: Brooks Local Immigration Partnership (draft)"
    (tmp_path / "p.yaml").write_text(text.replace(title, "title: \"=cmd|' /C calc'!A0\""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "--format", "csv", "p.yaml")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"


def test_an_unreadable_file_keeps_its_row_and_its_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "csv", FILES[0], "missing.yaml")
    assert code == 2
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(row["path"], row["verdict"]) for row in rows] == [
        (FILES[0], "not-ready"),
        ("missing.yaml", "unreadable"),
    ]
    assert "missing.yaml: no such file" in err


def test_jsonl_is_one_report_a_line_in_order_and_the_summary_last(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "jsonl", *FILES, "missing.yaml")
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == len(FILES) + 2
    objects = [json.loads(line) for line in lines]
    assert [item["file"] for item in objects[: len(FILES)]] == FILES
    assert objects[0]["pack"] == {"id": "lip-2012", "version": "1.1.0"} and "gate" in objects[0]
    assert objects[-2] == {
        "file": "missing.yaml",
        "unreadable": True,
        "error": "missing.yaml: no such file",
        "hint": "check the name and the folder you run lipcheck from",
    }
    last = objects[-1]
    assert last["format"] == "lipcheck-report/2"
    assert last["summary"]["files"] == len(FILES) and last["summary"]["unreadable"] == 1


def test_jobs_must_be_a_number_or_auto(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--jobs", "many", FILES[0]])
    assert code == 2
    err = capsys.readouterr().err
    assert "--jobs wants a whole number of at least 1, or `auto`, not `many`" in err
    assert "hint: e.g. --jobs 4" in err


def test_jobs_auto_counts_the_cores_lipcheck_may_use() -> None:
    import os

    from lipcheck.cli import usable_cores

    assert usable_cores() == len(os.sched_getaffinity(0))
