"""`lipcheck init`, `examples` and `sectors`: a new user starts from a valid file that says what is left."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lipcheck.authoring import example_names
from lipcheck.cli import main
from lipcheck.model import SECTOR_CODES
from lipcheck.packs.registry import shipped_ids
from tests.conftest import TODAY


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def verdict(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, object]:
    _, out, _ = run(capsys, "validate", "--today", TODAY, "--format", "json", str(path))
    report: dict[str, object] = json.loads(out)["reports"][0]
    return report


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("call", shipped_ids())
def test_init_output_is_valid_and_not_ready_for_every_call(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "init", "--call", call, "--lang", lang, "--province", "ON")
    assert code == 0, err
    written = (tmp_path / "proposal.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=proposal.schema.json\n")
    assert f"call: {call}\n" in written
    assert ("À compléter" if lang == "fr" else "TODO") in written
    report = verdict(capsys, tmp_path / "proposal.yaml")
    assert report["verdict"] in ("not-ready", "ineligible")
    assert report["placeholders"], "the report lists the placeholders left"
    schema = json.loads((tmp_path / "proposal.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["council"]


def test_init_writes_the_fields_the_calls_rules_read() -> None:
    from lipcheck.authoring import template
    from lipcheck.packs import load_pack

    ircc, ontario = template(load_pack("ircc-2024")), template(load_pack("ontario-2008"))
    assert "partner_support: []" in ircc and "monitoring: TODO" in ircc and "priorities: []" in ircc
    assert "objectives: []" in ontario and "partner_support" not in ontario


def test_init_fills_in_community_and_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.yaml"
    assert run(capsys, "init", str(path), "--community", "Brooks", "--province", "AB")[0] == 0
    text = path.read_text(encoding="utf-8")
    assert 'name: "Brooks"' in text and 'province: "AB"' in text


def test_init_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "proposal.yaml"
    path.write_text("lipcheck: 1\ntitle: Mine\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(path))
    assert code == 2 and "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "lipcheck: 1\ntitle: Mine\n"
    assert run(capsys, "init", str(path), "--force")[0] == 0
    assert "TODO" in path.read_text(encoding="utf-8")


def test_init_never_writes_through_a_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    (tmp_path / "proposal.yaml").symlink_to(target)
    assert run(capsys, "init", str(tmp_path / "proposal.yaml"), "--force")[0] == 2
    assert target.read_text(encoding="utf-8") == "keep"


def test_schema_option_names_the_schema_and_writes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    assert run(capsys, "init", str(path), "--schema", "../schemas/lipcheck.json")[0] == 0
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/lipcheck.json\n"
    )
    assert not (tmp_path / "proposal.schema.json").exists()


def test_init_members_fills_the_roster_from_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "council.csv"
    sheet.write_text(
        "organization,sectors,role\nCity of Brooks,municipal,co-chair\nRed Deer Polytechnic,,\n", "utf-8"
    )
    path = tmp_path / "p.yaml"
    assert run(capsys, "init", str(path), "--members", str(sheet))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert '{organization: "City of Brooks", sectors: [municipal], role: "co-chair"}' in text
    report = verdict(capsys, path)
    council = report["council"]
    assert isinstance(council, list)
    assert [(m["organization"], m["inferred"]) for m in council] == [
        ("City of Brooks", False),
        ("Red Deer Polytechnic", True),
    ]


def test_init_example_writes_a_shipped_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "start.yaml"
    assert run(capsys, "init", str(path), "--example", "lethbridge-ready")[0] == 0
    assert verdict(capsys, path)["verdict"] == "ready"
    code, _, err = run(capsys, "init", str(tmp_path / "x.yaml"), "--example", "nowhere")
    assert code == 2 and "lethbridge-ready" in err


def test_examples_lists_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "examples")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == example_names()
    assert run(capsys, "examples", "brooks-not-ready", "-o", str(tmp_path / "b.yaml"))[0] == 0
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8").startswith("# ") or (
        tmp_path / "b.yaml"
    ).stat().st_size


def test_sectors_lists_every_code_with_what_belongs_and_its_signals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "sectors")
    assert code == 0
    heads = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert heads == list(SECTOR_CODES)
    assert "school board" in out and "what belongs there" in out


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("call", shipped_ids())
def test_the_example_entries_of_a_template_are_valid_once_uncommented(call: str, lang: str) -> None:
    import re

    from lipcheck.authoring import TEMPLATE, example_entries, template
    from lipcheck.loader import load_text
    from lipcheck.packs import load_pack
    from lipcheck.validation import validate

    assert set(example_entries()) == {field.path for field in TEMPLATE if field.entry}
    assert all(set(entry) == {"en", "fr"} for entry in example_entries().values())
    written = template(load_pack(call), lang)
    # `key: []` followed by `#   - ENTRY` becomes the list holding that entry.
    uncommented = re.sub(r"(?m)^( *)([a-z_]+): \[\]\n\1#   - (.*)$", r"\1\2:\n\1  - \3", written)
    assert uncommented != written
    proposal, findings = validate(load_text(uncommented))
    assert proposal is not None, findings


def test_a_french_template_shows_french_example_entries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run(capsys, "init", "--call", "lip-2012", "--lang", "fr")
    written = (tmp_path / "proposal.yaml").read_text(encoding="utf-8")
    assert "Ville d'Exemple" in written and "Centraide" in written
    assert "City of Example" not in written and "United Way" not in written
