"""Every report for people shows the council roster, the sectors read from names, and the
placeholders left; field paths read as labels wherever a person reads them, in both languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from tests.conftest import EXAMPLES, ROOT
from tests.report.conftest import Runner

SCHEMA = xmlschema.XMLSchema(str(ROOT / "tests" / "schemas" / "junit-10.xsd"))


@pytest.fixture
def draft(tmp_path: Path) -> str:
    """Lethbridge still being written: the police's codes left to be read from its name, a member
    whose name signals no sector, and two placeholders."""
    text = (EXAMPLES / "lethbridge-ready.yaml").read_text(encoding="utf-8")
    edits = {
        "      sectors: [police]\n": "",
        "    - organization: Cavendish Farms\n      sectors: [employer]\n": (
            "    - organization: Aisling Discoveries\n"
        ),
        "  liaison_intent: The City will adapt": "  liaison_intent: TODO\n  # was: The City will adapt",
        "mission: Lethbridge will be": "mission: TBD\n# was: Lethbridge will be",
    }
    for before, after in edits.items():
        assert before in text
        text = text.replace(before, after, 1)
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def report(lipcheck: Runner, draft: str, fmt: str, *more: str) -> str:
    run = lipcheck("report", draft, "--format", fmt, *more)
    assert run.code in (0, 1), run.err
    return run.out


def test_markdown_lists_the_roster_with_inferred_sectors_marked(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "markdown")
    roster = out.split("<summary>The council roster (18)</summary>", 1)[1].split("</details>", 1)[0]
    assert "| Organization | Sectors | Role | Representative |" in roster
    assert "| Lethbridge Regional Police Service | Police (inferred) | member | Sgt. Mark Dyck |" in roster
    assert "| Aisling Discoveries | none (its name signals no sector) | member | Ron Takahashi |" in roster
    assert "| City of Lethbridge | Local or regional government | co-chair | Marianne Kowalchuk |" in roster


def test_markdown_lists_the_placeholders_left_by_label_and_path(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "markdown")
    assert "**Placeholders left to fill in \\(2\\)**" in out or "**Placeholders left to fill in (2)**" in out
    assert re.search(
        r"^- Municipality › Liaison intent `municipality.liaison_intent` · line \d+, column \d+$", out, re.M
    )
    assert re.search(r"^- Mission `mission` · line \d+, column \d+$", out, re.M)


def test_markdown_fixes_name_what_is_missing_in_words(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "markdown")
    assert "   Missing: Municipality › Liaison intent `municipality.liaison_intent`" in out


def test_markdown_in_french(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "markdown", "--lang", "fr")
    assert "<summary>La composition du conseil (18)</summary>" in out
    assert (
        "| Lethbridge Regional Police Service | Services policiers (déduits) | membre | Sgt. Mark Dyck |"
        in out
    )
    assert (
        "| Aisling Discoveries | aucun (son nom ne signale aucun secteur) | membre | Ron Takahashi |" in out
    )
    assert re.search(
        r"^- Municipalité › Intention de liaison `municipality.liaison_intent` · ligne \d+", out, re.M
    )
    assert "Manquant : Municipalité › Intention de liaison" in out.replace("\u00a0", " ").replace(
        "\u202f", " "
    )


def test_junit_tells_the_roster_and_placeholders_in_the_suite_output(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "junit")
    SCHEMA.validate(out)
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    told = suite.find("system-out")
    assert told is not None and told.text is not None
    assert told.text.startswith("The council roster (18)\n")
    assert "  Lethbridge Regional Police Service: Police (inferred) · member · Sgt. Mark Dyck" in told.text
    assert "\nPlaceholders left to fill in (2)\n" in told.text
    assert re.search(
        r"  Municipality › Liaison intent \(municipality.liaison_intent\): .*draft.yaml, line \d+", told.text
    )
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["placeholders-left"] == "municipality.liaison_intent, mission"


def test_junit_in_french_stays_valid(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "junit", "--lang", "fr")
    SCHEMA.validate(out)
    assert "Services policiers (déduits)" in out
    assert "Espaces réservés encore à remplir (2)" in out


def test_github_gives_one_notice_for_the_placeholders_left(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "github")
    notices = [line for line in out.splitlines() if "Placeholders left to fill in" in line]
    assert notices == [
        f"::notice file={draft},title=lipcheck::Placeholders left to fill in (2): "
        "Municipality › Liaison intent (municipality.liaison_intent), Mission (mission)"
    ]


def test_the_step_summary_carries_the_roster(
    lipcheck: Runner, draft: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report(lipcheck, draft, "github")
    written = summary.read_text(encoding="utf-8")
    assert "| Lethbridge Regional Police Service | Police (inferred) | member | Sgt. Mark Dyck |" in written
    assert "Placeholders left to fill in" in written


def test_html_lists_the_placeholders_and_labels_what_each_rule_lacks(lipcheck: Runner, draft: str) -> None:
    out = report(lipcheck, draft, "html", "-o", "-")
    placeholders = out.split('<ul class="placeholders">', 1)[1].split("</ul>", 1)[0]
    assert (
        'Municipality › Liaison intent <code class="path">municipality.liaison_intent</code>' in placeholders
    )
    assert (
        '<li>Municipality › Liaison intent <code class="path">municipality.liaison_intent</code></li>'
        in (out.split('<ul class="missing">', 1)[1])
    )


def test_the_text_report_names_placeholders_by_label(lipcheck: Runner, draft: str) -> None:
    out = lipcheck("validate", draft).out
    listed = out.split("Placeholders left to fill in (2)\n", 1)[1]
    assert listed.startswith("  Municipality › Liaison intent (municipality.liaison_intent)")
    french = lipcheck("validate", draft, "--lang", "fr").out
    assert "  Municipalité › Intention de liaison (municipality.liaison_intent)" in french


def test_machine_formats_keep_the_raw_paths(lipcheck: Runner, draft: str) -> None:
    sarif = report(lipcheck, draft, "sarif")
    assert "›" not in sarif
    junit = ET.fromstring(report(lipcheck, draft, "junit"))
    for element in junit.iter():
        assert all("›" not in value for value in element.attrib.values()), element.attrib


@pytest.mark.parametrize(
    ("path", "lang", "label"),
    [
        ("municipality.liaison_intent", "en", "Municipality › Liaison intent"),
        ("municipality.liaison_intent", "fr", "Municipalité › Intention de liaison"),
        ("council.members[2].organization", "en", "Council › Members › Organization"),
        ("council.members[].sectors", "fr", "Conseil › Membres › Secteurs"),
        ("not.a.field", "en", None),
    ],
)
def test_a_field_path_reads_as_the_schema_titles_it(path: str, lang: str, label: str | None) -> None:
    from lipcheck.render.sentences import field_label

    assert field_label(path, lang) == label
