"""SARIF 2.1.0: valid against the official OASIS schema, GitHub's ingestion rules, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lipcheck.render.sarif import artifact_uri
from tests.conftest import ROOT, check_golden
from tests.report.conftest import EXAMPLE_STEMS, Runner, example, without_version

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict[str, Any]) -> None:
    # Draft 4's own checker knows no `uri-reference`, which SARIF uses: take every format jsonschema knows.
    checker = jsonschema.FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers), "install the test extra (rfc3986-validator)"
    jsonschema.Draft4Validator(SCHEMA, format_checker=checker).validate(log)


def sarif(lipcheck: Runner, *files: str) -> dict[str, Any]:
    run = lipcheck("report", *files, "--format", "sarif")
    assert run.code in (0, 1), run.err
    log: dict[str, Any] = json.loads(run.out)
    return log


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )


def test_the_schema_catches_a_broken_log() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


@pytest.mark.parametrize("stem", EXAMPLE_STEMS)
def test_golden_and_valid(lipcheck: Runner, stem: str) -> None:
    run = lipcheck("report", example(stem), "--format", "sarif")
    validate(json.loads(run.out))
    check_golden(f"report-{stem}.sarif", without_version(run.out))


def test_all_examples_and_broken_files_in_one_valid_run(lipcheck: Runner) -> None:
    files = [example(stem) for stem in EXAMPLE_STEMS]
    files += [
        "tests/report/data/invalid.yaml",
        "tests/report/data/broken-syntax.yaml",
        "tests/report/data/hostile.yaml",
    ]
    log = sarif(lipcheck, *files)
    validate(log)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids[:2] == ["LIP001", "LIP002"]
    assert {"schema-string-type", "schema-extra-forbidden", "yaml-syntax"} <= set(ids)
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert result["partialFingerprints"]


def test_rules_carry_the_pack_text(lipcheck: Runner) -> None:
    rules = sarif(lipcheck, example("brooks-not-ready"))["runs"][0]["tool"]["driver"]["rules"]
    lip101 = next(rule for rule in rules if rule["id"] == "LIP101")
    assert lip101["shortDescription"]["text"].startswith("The council includes every core sector")
    assert lip101["fullDescription"]["text"].startswith("The Partnership Council is the heart")
    assert "Invite the missing sectors" in lip101["help"]["text"]
    assert "Source:" in lip101["help"]["text"]
    assert lip101["defaultConfiguration"]["level"] == "error"
    assert " " not in lip101["name"]


def test_results_are_the_gaps_with_mapped_levels(lipcheck: Runner) -> None:
    log = sarif(lipcheck, example("brooks-not-ready"))
    results = {result["ruleId"]: result for result in log["runs"][0]["results"]}
    assert set(results) == {"LIP101", "LIP102", "LIP103", "LIP203", "LIP301", "LIP403", "LIP404", "LIP405"}
    assert results["LIP203"]["level"] == "error"  # major
    assert results["LIP103"]["level"] == "warning"  # minor
    assert results["LIP101"]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "examples/brooks-not-ready.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 21, "startColumn": 5},
    }


def test_blockers_are_errors_and_warnings_warnings(lipcheck: Runner) -> None:
    blocker = sarif(lipcheck, example("wood-buffalo-ineligible"))["runs"][0]["results"]
    assert {r["ruleId"]: r["level"] for r in blocker}["LIP003"] == "error"
    hostile = sarif(lipcheck, "tests/report/data/hostile.yaml")["runs"][0]["results"]
    assert {r["ruleId"]: r["level"] for r in hostile}["LIP901"] == "warning"


def test_schema_findings_are_results(lipcheck: Runner) -> None:
    results = sarif(lipcheck, "tests/report/data/invalid.yaml")["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("schema-string-type", "error"),
        ("schema-extra-forbidden", "error"),
    ]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (6, 3)


def test_fingerprints_survive_unrelated_edits(lipcheck: Runner, tmp_path: Path) -> None:
    original = (ROOT / "examples" / "brooks-not-ready.yaml").read_text(encoding="utf-8")
    moved = tmp_path / "brooks.yaml"
    moved.write_text(original, encoding="utf-8")
    before = sarif(lipcheck, str(moved))["runs"][0]["results"]
    moved.write_text("# a comment added above\n\n" + original, encoding="utf-8")
    after = sarif(lipcheck, str(moved))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (before[0], after[0])]
    assert lines[1] == lines[0] + 2


def test_hostile_names_are_plain_strings(lipcheck: Runner) -> None:
    log = sarif(lipcheck, "tests/report/data/hostile.yaml")
    validate(log)
    messages = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert any("`<script>alert('member')</script> Services\n::error::injected 100%`" in m for m in messages)


@pytest.mark.parametrize(
    ("path", "root", "uri"),
    [
        ("examples/a.yaml", None, "examples/a.yaml"),
        ("./examples/a.yaml", None, "examples/a.yaml"),
        ("my proposals/été #1.yaml", None, "my%20proposals/%C3%A9t%C3%A9%20%231.yaml"),
        ("/repo/examples/a.yaml", "/repo", "examples/a.yaml"),
        ("/elsewhere/a.yaml", "/repo", "file:///elsewhere/a.yaml"),
    ],
)
def test_artifact_uris_are_relative_and_encoded(path: str, root: str | None, uri: str) -> None:
    from pathlib import PurePosixPath

    assert artifact_uri(path, PurePosixPath(root) if root else None) == uri


DOCS_URL = "https://github.com/an-org/lipcheck/blob/v9.9.9/docs/"


def _headings(page: Path) -> set[str]:
    """The anchors of every heading a Markdown page has, as GitHub makes them."""
    from lipcheck.render.rule_reference import heading_anchor

    lines = page.read_text(encoding="utf-8").splitlines()
    return {heading_anchor(line.lstrip("#")) for line in lines if line.startswith("#")}


def test_without_a_docs_address_no_link_is_made_up(lipcheck: Runner) -> None:
    log = sarif(lipcheck, example("brooks-not-ready"))
    validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert not [rule["id"] for rule in driver["rules"] if "helpUri" in rule]


@pytest.mark.parametrize("given", ["--docs-url", "LIPCHECK_DOCS_URL"])
def test_with_a_docs_address_every_rule_links_to_its_section(
    lipcheck: Runner, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    files = [example(stem) for stem in EXAMPLE_STEMS] + ["tests/report/data/invalid.yaml"]
    if given == "--docs-url":
        run = lipcheck("report", *files, "--format", "sarif", "--docs-url", DOCS_URL.rstrip("/"))
    else:
        monkeypatch.setenv("LIPCHECK_DOCS_URL", DOCS_URL)
        run = lipcheck("report", *files, "--format", "sarif")
    log = json.loads(run.out)
    validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == DOCS_URL
    linked = {rule["id"]: rule["helpUri"] for rule in driver["rules"] if "helpUri" in rule}
    # Every rule of the shipped packs links; a problem of an invalid file has no section to link to.
    assert {"LIP001", "LIP101", "LIP202"} <= set(linked)
    assert "schema-extra-forbidden" not in linked
    for rule, uri in linked.items():
        assert uri.startswith(DOCS_URL + "rules/"), uri
        page, _, anchor = uri.removeprefix(DOCS_URL).partition("#")
        assert anchor in _headings(ROOT / "docs" / page), f"{rule}: {uri} leads to no heading"


def test_inherited_and_tuned_rules_link_to_the_page_of_the_pack_the_proposal_answers() -> None:
    import dataclasses

    from lipcheck.packs import load_pack
    from lipcheck.render.rule_reference import rule_section

    pack = load_pack("ircc-2024")
    tuned = dataclasses.replace(pack, id="ircc-2024+config")  # what a `.lipcheck.yaml` makes of it
    for each in (pack, tuned):
        sections = {rule.id: rule_section(rule, each) for rule in each.rules}
        assert sections["LIP101"] == "rules/ircc-2024.md#lip101"  # a rule ircc-2024 inherits
        assert all(section is not None for section in sections.values())


def test_a_pack_of_the_users_own_links_only_what_it_inherits(tmp_path: Path) -> None:
    import dataclasses

    from lipcheck.packs import load_pack
    from lipcheck.render.rule_reference import rule_section

    pack = dataclasses.replace(load_pack("ircc-2024"), id="my-pack", folder=tmp_path / "my-pack")
    own = dataclasses.replace(pack.rules[0], id="MY001", origin="my-pack")
    inherited = next(rule for rule in pack.rules if rule.origin == "lip-2012")
    assert rule_section(own, pack) is None
    assert rule_section(inherited, pack) == f"rules/lip-2012.md#{inherited.id.lower()}"


@pytest.mark.parametrize(
    "value",
    [
        "ftp://docs.invalid/",
        "docs/",
        "//host/docs/",
        "https://",
        "https://user:secret@host/docs/",
        "https://host/docs/?ref=1",
        "https://host/docs/#top",
        "https://host/docs/<script>",
        "https://host/do cs/",
        "https://host:99999/docs/",
        "javascript:alert(1)",
        "https://host/docs/\n::error::x",
    ],
)
def test_a_docs_address_that_is_not_absolute_http_is_a_usage_error(lipcheck: Runner, value: str) -> None:
    run = lipcheck("report", example("lethbridge-ready"), "--format", "sarif", "--docs-url", value)
    assert run.code == 2
    assert run.out == ""
    assert "--docs-url wants an absolute http or https address" in run.err
    assert "hint:" in run.err


def test_a_bad_docs_address_from_the_environment_is_named_in_french(
    lipcheck: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIPCHECK_DOCS_URL", "docs.invalid/lipcheck")
    run = lipcheck("report", example("lethbridge-ready"), "--format", "sarif", "--lang", "fr")
    assert run.code == 2
    assert "LIPCHECK_DOCS_URL demande une adresse http ou https absolue" in run.err


def test_the_docs_address_is_not_taken_from_a_proposal_config() -> None:
    """A pull request can change `.lipcheck.yaml`; it must not choose where the alerts link."""
    from lipcheck.run.config_file import ConfigFile

    assert not [name for name in ConfigFile.model_fields if "url" in name or "doc" in name]
