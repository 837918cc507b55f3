"""The committed docs stay true: generated files match their source, and the schema accepts real proposals."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lipcheck.loader import Limits, load_text
from lipcheck.model import Proposal
from lipcheck.packs import load_pack
from lipcheck.packs.registry import shipped_ids
from lipcheck.render.rule_reference import pack_reference, rules_index
from lipcheck.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
REGENERATE = {
    "proposal.schema.json": ".venv/bin/lipcheck schema > docs/proposal.schema.json",
    "rules.md": ".venv/bin/python -m lipcheck.render.rule_reference docs",
}
# A fenced YAML block in the prose docs that starts with the format version is a whole proposal.
_PROPOSAL_BLOCK = re.compile(r"```yaml\n(lipcheck: 1\n.*?)```", re.DOTALL)


def _committed(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _validator() -> Draft202012Validator:
    schema = json.loads(_committed("proposal.schema.json"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _data(text: str) -> Any:
    document = load_text(text)
    assert not document.findings, document.findings
    return document.data


def _errors(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(data)]


def test_schema_is_current() -> None:
    assert _committed("proposal.schema.json") == schema_json(), (
        f"docs/proposal.schema.json is stale; run `{REGENERATE['proposal.schema.json']}`"
    )


PACKS = [load_pack(pack_id) for pack_id in shipped_ids()]


def test_rule_reference_index_is_current() -> None:
    assert _committed("rules.md") == rules_index(PACKS), (
        f"docs/rules.md is stale; run `{REGENERATE['rules.md']}`"
    )


@pytest.mark.parametrize("pack", PACKS, ids=lambda pack: pack.id)
def test_each_shipped_pack_has_a_current_page(pack: Any) -> None:
    page = DOCS / "rules" / f"{pack.id}.md"
    assert page.is_file() and page.read_text(encoding="utf-8") == pack_reference(pack), (
        f"docs/rules/{pack.id}.md is stale; run `{REGENERATE['rules.md']}`"
    )


def test_no_page_for_a_pack_that_is_not_shipped() -> None:
    assert sorted(page.stem for page in (DOCS / "rules").glob("*.md")) == [pack.id for pack in PACKS]


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_matches_schema(path: Path) -> None:
    assert _errors(_data(path.read_text(encoding="utf-8"))) == []


def test_unknown_key_fails_schema() -> None:
    data = _data(EXAMPLES[0].read_text(encoding="utf-8"))
    data["counsil"] = {"name": "A misspelt council"}
    assert any("counsil" in error for error in _errors(data))


def test_unknown_key_in_a_section_fails_schema() -> None:
    data = _data("lipcheck: 1\ncommunity:\n  name: Brooks\n  provence: AB\n")
    assert any("provence" in error for error in _errors(data))


def test_impossible_date_fails_schema() -> None:
    assert _errors(_data("lipcheck: 1\nsubmitted: 2012-02-30\n")) != []


def test_proposal_shown_in_format_doc_is_valid() -> None:
    blocks = _PROPOSAL_BLOCK.findall(_committed("format.md"))
    assert blocks, "docs/format.md should show a whole proposal in a ```yaml block"
    for block in blocks:
        data = _data(block)
        assert _errors(data) == []
        Proposal.model_validate(data)


def test_the_documented_limits_are_the_real_defaults() -> None:
    limits = Limits()
    for page in ("format.md", "security.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8").replace(",", "")
        for default, option in (
            (limits.max_bytes, "--max-file-size"),
            (limits.max_depth, "--max-depth"),
            (limits.max_aliases, "--max-aliases"),
            (limits.max_nodes, "--max-nodes"),
        ):
            row = next(line for line in text.splitlines() if f"`{option}" in line and line.startswith("|"))
            assert str(default) in row, (page, option, row)


def test_the_readme_sample_report_is_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    from lipcheck.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## A sample report") :]
    shown = section[section.index("```text\n") + len("```text\n") :]
    shown = shown[: shown.index("```")]
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        main(["validate", "examples/medicine-hat-nearly-ready.yaml", "--no-color"])
    finally:
        os.chdir(previous)
    assert capsys.readouterr().out == shown


def test_heading_anchors_are_the_ones_github_makes() -> None:
    from lipcheck.render.rule_reference import heading_anchor

    assert heading_anchor("LIP101") == "lip101"
    assert heading_anchor("LIP 101: Who sits on the council?") == "lip-101-who-sits-on-the-council"
    assert heading_anchor("Rule reference: lip-2012 1.1.0") == "rule-reference-lip-2012-110"
    assert heading_anchor("Écoute & accueil_1") == "écoute--accueil_1"


@pytest.mark.parametrize("pack_id", shipped_ids())
def test_every_rule_section_a_link_names_is_a_heading_of_the_committed_page(pack_id: str) -> None:
    from lipcheck.render.rule_reference import heading_anchor, rule_section

    pack = load_pack(pack_id)
    for rule in pack.rules:
        section = rule_section(rule, pack)
        assert section is not None, rule.id
        page, _, anchor = section.partition("#")
        lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
        anchors = {heading_anchor(line.lstrip("#")) for line in lines if line.startswith("## ")}
        assert anchor in anchors, f"{rule.id}: docs/{page} has no heading with the anchor #{anchor}"
