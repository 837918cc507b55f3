"""A wrong-typed value in each field of the format, one at a time: exit 1, the field, its line and column.

The fields come from a complete proposal (every rule met, every section filled) plus the few
optional fields it leaves out; the expected position comes from PyYAML's own composer, not from
lipcheck's loader, so the two are checked against each other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from lipcheck.cli import main
from lipcheck.loader import load_text
from lipcheck.validation import dotted
from tests.badinput.catalogue import complete_text

DataPath = tuple[str | int, ...]


def _base() -> dict[str, Any]:
    data = load_text(complete_text()).data
    data["applicant"]["endorsement"]["evidence"] = "evidence/resolution.pdf"
    data["council"]["members"].append({"organization": "Lethbridge Food Bank", "sector": "community"})
    # The fields IRCC's 2024 call and Ontario's 2008 call added to format 1.
    data["community"].update(
        population_source="Statistics Canada, 2021 Census",
        newcomers_source="IRCC permanent residents by destination",
        francophone_minority=True,
        few_settlement_agencies=False,
        centres=[{"name": "Town of Coaldale", "population": 8771}],
    )
    data["council"]["advisory_tables"] = [{"name": "Newcomer Advisory Table", "description": "Meets monthly"}]
    data["municipality"]["letter"] = {
        "by": "City of Lethbridge",
        "role": "member",
        "date": "2024-01-20",
        "evidence": "evidence/letter.pdf",
    }
    data["partnership"] = {
        "kind": "lip",
        "status": "new",
        "start": "2025-04-01",
        "end": "2028-03-31",
        "direct_services": ["language-training"],
    }
    data["partner_support"] = [
        {
            "organization": "Alberta Health Services",
            "sectors": ["health"],
            "form": "letter",
            "date": "2024-01-10",
            "evidence": "evidence/ahs.pdf",
        }
    ]
    data["plan"].update(
        terms_of_reference="Adopted by the council",
        community_plan={"years": 3, "description": "A three-year plan"},
        monitoring="Yearly indicators",
        outcomes="A logic model",
        reporting="An annual report",
        objectives=[{"objective": "labour-market", "description": "Employer outreach"}],
    )
    data["priorities"] = [{"priority": "housing", "description": "A housing table"}]
    data["waivers"] = [
        {"rule": "LIP301", "reason": "Run by the City", "owner": "Jane Doe", "expires": "2027-03-31"}
    ]
    return data


def _leaves(value: Any, path: DataPath = ()) -> list[DataPath]:
    """Every path in the data: sections, lists and scalars alike (a section can be mistyped too)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _leaves(child, (*path, key))
    elif isinstance(value, list) and value:
        # The first item of a list stands for all of them.
        found += _leaves(value[0], (*path, 0))
    return found


def _wrong(value: Any) -> Any:
    if isinstance(value, bool):
        return "maybe"
    if isinstance(value, (int, float)):
        return "many"
    if isinstance(value, str):
        return [1, 2]
    return "just some text"


def _set(data: dict[str, Any], path: DataPath, value: Any) -> None:
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _get(data: dict[str, Any], path: DataPath) -> Any:
    target: Any = data
    for part in path:
        target = target[part]
    return target


def _mark(text: str, path: DataPath) -> tuple[int, int]:
    node = yaml.compose(text)
    for part in path:
        if isinstance(part, int):
            node = node.value[part]
        else:
            node = next(value for key, value in node.value if key.value == part)
    return node.start_mark.line + 1, node.start_mark.column + 1


BASE = _base()
PATHS = _leaves(BASE)


def test_every_field_of_the_format_is_covered() -> None:
    from lipcheck.model import Proposal

    top = {path[0] for path in PATHS}
    assert top == set(Proposal.model_fields)


@pytest.mark.parametrize("path", PATHS, ids=dotted)
def test_wrong_type(
    path: DataPath, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(json.dumps(BASE))
    _set(data, path, _wrong(_get(data, path)))
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    (tmp_path / "proposal.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["validate", "--format", "json", "proposal.yaml"])
    out, err = capsys.readouterr()
    assert code == 1, err
    (report,) = json.loads(out)["reports"]
    assert report["verdict"] == "invalid"
    line, column = _mark(text, path)
    located = [f for f in report["findings"] if f["location"] == {"line": line, "column": column}]
    assert located, f"no finding at {line}:{column}: {report['findings']}"
    assert dotted(path).split(".")[-1].split("[")[0] in located[0]["message"] or path[-1] == 0
    assert located[0]["hint"]
