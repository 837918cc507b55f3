"""The ircc-2024 and ontario-2008 packs are the tables of issue 8: rules, severities, weights, thresholds."""

from __future__ import annotations

import pytest

from lipcheck.findings import Severity
from lipcheck.packs import load_pack

B, MAJ, MIN, W, INFO = Severity.BLOCKER, Severity.MAJOR, Severity.MINOR, Severity.WARNING, Severity.INFO

IRCC_2024 = {
    "LIP001": (B, 0), "LIP002": (B, 0), "LIP005": (B, 0), "LIP006": (B, 0), "LIP007": (B, 0),
    "LIP008": (B, 0), "LIP101": (MAJ, 14), "LIP102": (MAJ, 6), "LIP103": (MIN, 3), "LIP104": (MAJ, 10),
    "LIP105": (MAJ, 6), "LIP108": (MIN, 3), "LIP201": (MAJ, 5), "LIP204": (MAJ, 10), "LIP106": (MIN, 3),
    "LIP401": (MIN, 2), "LIP402": (MIN, 3), "LIP403": (MIN, 2), "LIP406": (MAJ, 10), "LIP407": (MAJ, 8),
    "LIP408": (MIN, 3), "LIP409": (MIN, 3), "LIP410": (MIN, 3), "LIP501": (MAJ, 6), "LIP901": (W, 0),
    "LIP902": (W, 0), "LIP903": (W, 0), "LIP904": (INFO, 0),
}  # fmt: skip
ONTARIO_2008 = {
    "LIP001": (B, 0), "LIP002": (B, 0), "LIP003": (B, 0), "LIP004": (B, 0), "LIP009": (B, 0),
    "LIP205": (B, 0), "LIP101": (MAJ, 24), "LIP102": (MAJ, 8), "LIP103": (MIN, 4), "LIP411": (MAJ, 24),
    "LIP408": (MAJ, 16), "LIP404": (MAJ, 16), "LIP402": (MIN, 4), "LIP403": (MIN, 4), "LIP901": (W, 0),
    "LIP902": (W, 0), "LIP903": (W, 0), "LIP904": (INFO, 0),
}  # fmt: skip
TABLES = {"ircc-2024": IRCC_2024, "ontario-2008": ONTARIO_2008}


@pytest.mark.parametrize("pack_id", TABLES)
def test_the_pack_has_the_tables_rules_in_order_with_their_severity_and_weight(pack_id: str) -> None:
    pack = load_pack(pack_id)
    assert [(rule.id, rule.severity, rule.weight) for rule in pack.rules] == [
        (rule_id, severity, weight) for rule_id, (severity, weight) in TABLES[pack_id].items()
    ]


@pytest.mark.parametrize("pack_id", TABLES)
def test_the_pack_extends_the_2012_best_practices_with_the_same_thresholds(pack_id: str) -> None:
    pack = load_pack(pack_id)
    assert (pack.version, pack.extends) == ("1.1.0", "lip-2012")
    assert (pack.thresholds.ready, pack.thresholds.nearly_ready) == (80, 60)


def test_ircc_2024_drops_what_the_2024_call_does_not_ask() -> None:
    ids = {rule.id for rule in load_pack("ircc-2024").rules}
    assert ids.isdisjoint({"LIP003", "LIP004", "LIP202", "LIP203", "LIP301", "LIP404", "LIP405"})


def test_ontario_2008_drops_what_the_2008_call_does_not_ask() -> None:
    ids = {rule.id for rule in load_pack("ontario-2008").rules}
    assert ids.isdisjoint({"LIP201", "LIP202", "LIP203", "LIP301", "LIP401", "LIP405"})


def test_each_call_names_its_own_council() -> None:
    ircc, ontario = load_pack("ircc-2024"), load_pack("ontario-2008")
    assert ircc.rule("LIP101").params.sectors == (
        "municipal", "settlement", "employer", "association", "school", "health", "ethnocultural", "faith",
    )  # fmt: skip
    assert ircc.rule("LIP102").params.sectors == (
        "federal", "provincial", "postsecondary", "police", "housing", "indigenous", "library", "media",
        "language", "employment",
    )  # fmt: skip
    assert ontario.rule("LIP101").params.sectors == (
        "municipal", "community", "settlement", "language", "association", "employer",
    )  # fmt: skip
    assert ontario.rule("LIP102").params.sectors == ("employment", "economic-development")


def test_ircc_2024_refuses_only_a_federal_department() -> None:
    allowed = load_pack("ircc-2024").rule("LIP002").params.allowed
    assert "federal-government" not in allowed
    assert {"educational-institution", "international-organization", "community-organization"} <= set(allowed)


def test_ircc_2024_checks_every_evidence_file_a_new_partnership_names() -> None:
    assert load_pack("ircc-2024").rule("LIP902").params.fields == (
        "applicant.endorsement.evidence", "municipality.letter.evidence", "partner_support[].evidence",
    )  # fmt: skip


def test_terms_of_reference_is_one_rule_shared_by_both_calls() -> None:
    ircc, ontario = load_pack("ircc-2024").rule("LIP408"), load_pack("ontario-2008").rule("LIP408")
    assert ircc.file == ontario.file and ircc.file.parent.name == "common"
    assert "LIP408" not in {rule.id for rule in load_pack("lip-2012").rules}


@pytest.mark.parametrize(
    ("pack_id", "rule_id"),
    [
        # Numbers or lists the calls never gave, or rules the newer call keeps from 2012.
        *(("ircc-2024", r) for r in ("LIP002", "LIP005", "LIP006", "LIP008", "LIP101", "LIP102", "LIP103",
                                      "LIP104", "LIP105", "LIP106", "LIP108", "LIP201", "LIP204", "LIP401",
                                      "LIP403", "LIP406", "LIP409", "LIP501")),
        *(("ontario-2008", r) for r in ("LIP009", "LIP102", "LIP103", "LIP402", "LIP403", "LIP411")),
    ],
)  # fmt: skip
def test_interpretations_are_marked_as_readings(pack_id: str, rule_id: str) -> None:
    rule = load_pack(pack_id).rule(rule_id)
    assert rule is not None and rule.reading
