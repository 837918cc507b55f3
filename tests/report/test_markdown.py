"""The Markdown report: golden output per example, compact layout, and escaping of proposal text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lipcheck.findings import Message
from lipcheck.messages import parts
from lipcheck.render.markdown import inline
from lipcheck.render.sentences import pack_text
from tests.conftest import check_golden
from tests.report.conftest import EXAMPLE_STEMS, HOSTILE, Runner, example


@pytest.mark.parametrize("stem", EXAMPLE_STEMS)
def test_golden(lipcheck: Runner, stem: str) -> None:
    run = lipcheck("report", example(stem), "--format", "markdown")
    assert run.code in (0, 1), run.err
    check_golden(f"report-{stem}.md", run.out)


def test_compact_with_the_full_list_folded(lipcheck: Runner) -> None:
    out = lipcheck("report", example("brooks-not-ready"), "-f", "markdown").out
    before, folded = out.split("<details>", 1)
    assert "</details>" in folded
    assert before.count("\n") < 25, "the part above the fold stays short"
    assert "The biggest fixes" in before
    assert len(re.findall(r"^\d\. \*\*", before, re.M)) == 3
    assert "| LIP101 |" in folded and "| LIP101 |" not in before


def test_several_files_open_with_an_overview(lipcheck: Runner) -> None:
    out = lipcheck("report", example("lethbridge-ready"), example("brooks-not-ready"), "-f", "markdown").out
    overview = out.split("\n### ", 1)[0]
    assert "| `examples/lethbridge-ready.yaml` | 96.3 | ✅ ready |" in overview
    assert out.count("<details>") == 4  # each proposal folds its council roster and its rules


def test_hostile_names_stay_text(lipcheck: Runner) -> None:
    out = lipcheck("report", str(HOSTILE.relative_to(HOSTILE.parents[3])), "-f", "markdown").out
    outside_code = re.sub(r"`[^`\n]*`", "", out)
    assert "<script" not in outside_code and "<b>" not in outside_code and "<img" not in outside_code
    assert "&lt;script&gt;alert('applicant')&lt;/script&gt;" in out
    assert "{{ 7\\*7 }}" in out or "{{ 7*7 }}" in out
    assert "49" not in out
    for line in out.splitlines():
        if line.startswith("| LIP"):
            assert line.count(" | ") == 3, f"a name split a table cell: {line}"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("a | b", "a \\| b"),
        ("[link](https://x)", "\\[link\\](https://x)"),
        ("*bold* _it_ ~strike~", "\\*bold\\* \\_it\\_ \\~strike\\~"),
        ("`code | pipe` and <b>", "`code | pipe` and &lt;b&gt;"),
        ("two\nlines", "two lines"),
        ("back\\slash & co", "back\\\\slash &amp; co"),
    ],
)
def test_inline_escaping(sentence: str, expected: str) -> None:
    assert inline(pack_text(sentence)) == expected


def test_pipes_in_code_are_escaped_inside_tables() -> None:
    assert inline(pack_text("`a|b`"), table=True) == "`a\\|b`"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "`plain` should be text, not a list"),
        ("a`b", "``a`b`` should be text, not a list"),
        ("`x``", "``` `x`` ``` should be text, not a list"),
        (" x ", "`  x  ` should be text, not a list"),
        ("a|<b>\nc", "`a\\|<b> c` should be text, not a list"),
    ],
)
def test_an_argument_in_code_stays_in_its_span(value: str, expected: str) -> None:
    message = Message("schema.string_type", {"field": value, "found": "a list"})
    assert inline(parts(message, "en"), table=True) == expected


def test_an_argument_with_backticks_outside_code_makes_none() -> None:
    message = Message("check.applicant.named", {"name": "`id` *x*\n| y"})
    assert inline(parts(message, "en")) == "\\`id\\` \\*x\\* \\| y applies"


def test_an_invalid_file_lists_its_problems(lipcheck: Runner) -> None:
    out = lipcheck("report", "tests/report/data/invalid.yaml", "-f", "markdown").out
    assert (
        "**The file is not a valid proposal; fix these first \\(2\\):**" in out
        or "fix these first (2)" in out
    )
    assert "- line 6, column 3: unknown key `typ`" in out
    assert "<details>" not in out


def test_notes_are_kept(lipcheck: Runner, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    text = (ROOT / "examples" / "brooks-not-ready.yaml").read_text(encoding="utf-8")
    undated = tmp_path / "undated.yaml"
    undated.write_text(re.sub(r"(?m)^submitted:.*\n", "", text), encoding="utf-8")
    out = lipcheck("report", str(undated), "-f", "markdown").out
    assert "_Notes_: no submission date" in out
