"""Each limit is a finding that names the option raising it, and the option does raise it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.loader import DEEPEST, Limits

PROPOSAL = (
    "lipcheck: 1\ntitle: Guelph\nplan:\n  funders: &f [a, b, c]\n  action_plan: x\nextra: [*f, *f, [[[1]]]]\n"
)
# 15 keys and values counting the aliases' items, 2 aliases, 5 levels below the top (the 1 in extra).

LIMITS = [
    ("--max-file-size", "80", "200", "limit-file-size"),
    ("--max-depth", "4", "5", "limit-depth"),
    ("--max-aliases", "1", "2", "limit-aliases"),
    ("--max-nodes", "15", "30", "limit-nodes"),
]


def _codes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(argv)
    out = capsys.readouterr().out
    (report,) = json.loads(out)["reports"]
    return code, [finding["code"] for finding in report["findings"]], out


@pytest.mark.parametrize(("option", "low", "enough", "code"), LIMITS, ids=[limit[0] for limit in LIMITS])
def test_limit_is_a_finding_naming_its_option(
    option: str,
    low: str,
    enough: str,
    code: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "p.yaml").write_text(PROPOSAL)
    monkeypatch.chdir(tmp_path)
    exit_code, codes, out = _codes(["validate", "--format", "json", "p.yaml", option, low], capsys)
    assert (exit_code, codes) == (1, [code])
    assert option in out
    exit_code, codes, _ = _codes(["validate", "--format", "json", "p.yaml", option, enough], capsys)
    assert code not in codes
    assert codes == ["schema-extra-forbidden"]  # past the limits, the schema has its say


def test_defaults_are_far_above_a_real_proposal() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "lethbridge-ready.yaml"
    limits = Limits()
    assert example.stat().st_size * 100 < limits.max_bytes
    assert limits.max_depth >= 10 * 6  # the format nests six levels at most
    assert limits.max_nodes >= 100 * 300  # the example has about 300 keys and values
    assert limits.max_depth <= DEEPEST


def test_depth_ceiling_holds_whatever_the_option_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 500 levels: over the ceiling, under libyaml's own 1000; the walk must not hit Python's recursion limit.
    (tmp_path / "p.yaml").write_text("lipcheck: 1\ntitle: " + "[" * 500 + "]" * 500 + "\n")
    monkeypatch.chdir(tmp_path)
    exit_code, codes, out = _codes(
        ["validate", "--format", "json", "p.yaml", "--max-depth", "100000"], capsys
    )
    assert (exit_code, codes) == (1, ["limit-depth"])
    assert f"{DEEPEST} is the most lipcheck reads" in out
