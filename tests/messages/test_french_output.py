"""Nothing English reaches a French reader: every example and every bad-input case, in every format.

"English" is measured against lipcheck's own words, not the proposals' (an example written in
English keeps its English title): the literal pieces of each English template that are long enough
to be a phrase, and the English titles and remedies of the shipped packs' rules. Any of them found
in French output is a string that escaped the catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.findings import Report
from lipcheck.loader import Limits
from lipcheck.messages import catalogue, en
from lipcheck.output import render
from lipcheck.packs import load_pack
from lipcheck.packs.registry import shipped_ids
from lipcheck.pipeline import Packs, assess_file
from lipcheck.render import ReportFormat, flat
from lipcheck.render.json import batch_item
from lipcheck.render.text import render_report
from tests.badinput.catalogue import Case, Setup, Unavailable, load_cases, prepare

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MIN_FRAGMENT = 14
"""Characters a piece of an English template needs to count: `report` or `Options` are not English."""


def english_fragments() -> set[str]:
    """Pieces of lipcheck's English that French output must never contain."""
    french = set(catalogue("fr").values())
    pieces: set[str] = set()
    for message_id, template in en.MESSAGES.items():
        if template in french or catalogue("fr")[message_id] == template:
            continue  # the same in both languages (a code, `{score} / 100`)
        # Code between backticks is a contract, not English (a span may hold a field: `--pack {pack}`).
        for words, _, _, _ in string.Formatter().parse(re.sub(r"`[^`]*`", "`", template)):
            for piece in (words or "").split("`"):
                piece = piece.strip(" .,:;()")
                if len(piece) >= MIN_FRAGMENT and " " in piece:
                    pieces.add(piece)
    for pack_id in shipped_ids():
        for rule in load_pack(pack_id).rules:
            pieces.add(rule.title.en)
            pieces.add(flat(rule.remediation.en)[:60])
    return pieces


FRAGMENTS = sorted(english_fragments())


def english_in(output: str) -> list[str]:
    spaced = " ".join(output.replace("\u00a0", " ").replace("\u202f", " ").split())
    return [piece for piece in FRAGMENTS if piece in spaced]


def test_there_are_enough_fragments_to_catch_a_missed_string() -> None:
    assert len(FRAGMENTS) > 400
    assert english_in("lipcheck says: What to fix, biggest gain first") != []


TODAY = dt.date(2024, 1, 31)


def assessed(path: Path, packs: Packs) -> Report:
    return assess_file(path, str(path.relative_to(ROOT)), packs, Limits(), TODAY)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("report_format", list(ReportFormat), ids=lambda f: f.value)
def test_every_example_reads_in_french_in_every_report_format(
    path: Path, report_format: ReportFormat
) -> None:
    packs = Packs(forced=None)
    report = assessed(path, packs)
    output = render(report_format, [report], packs.loaded, "fr", ROOT)
    assert english_in(output) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_reads_in_french_as_text_and_json(path: Path) -> None:
    report = assessed(path, Packs(forced=None))
    assert english_in(render_report(report, "fr", width=80)) == []
    assert english_in(batch_item(report, "fr")) == []


CASES = [case for case in load_cases() if case.in_process and not case.xfail]


@pytest.fixture
def ready(tmp_path: Path, request: pytest.FixtureRequest) -> Setup:
    case: Case = request.param
    try:
        setup = prepare(case, tmp_path)
    except Unavailable as reason:
        pytest.skip(str(reason))
    request.addfinalizer(setup.cleanup)
    return setup


@pytest.mark.parametrize("ready", CASES, ids=lambda c: c.id, indirect=True)
def test_every_bad_input_case_reads_in_french(
    ready: Setup, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ready.folder)
    main([*ready.argv, "--lang", "fr"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert english_in(captured.out + captured.err) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        *([command, "--help"] for command in ("validate", "rules", "packs", "explain", "schema", "report")),
        ["validate", "--bogus"],
        ["validate", "--fail-under", "abc"],
        ["validate", "--fail-under", "200"],
        ["validate", "--format", "pdf"],
        ["validate", "--pack"],
        ["explain"],
        ["nosuch"],
        ["rules", "extra"],
        ["rules"],
        ["packs"],
        ["explain", "LIP401"],
        ["explain", "LIP999"],
        ["explain", "LIP101", "--pack", "ircc-2024"],
    ],
    ids=" ".join,
)
def test_every_command_and_clicks_own_words_read_in_french(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LIPCHECK_LANG", raising=False)
    main(argv)
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert output.strip()
    assert english_in(output) == []
    for click_english in (
        "Usage:",
        "Show this message",
        "Try '",
        "Error:",
        "No such",
        "Invalid value",
        "Missing ",
    ):
        assert click_english not in output
