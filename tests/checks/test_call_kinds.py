"""The check kinds the 2024 and 2008 calls brought, called directly with their options.

The rule files' examples cover each rule as a pack sets it; these cases pin the kinds' own edges.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from lipcheck.checks import (
    KINDS,
    Conditional,
    Context,
    community_plan,
    evidence_files,
    groups_covered,
    load_kind,
    municipal_lead,
    municipal_letter,
    partnership_term,
    province,
    values_at,
    zip_centres,
)
from lipcheck.findings import Status
from lipcheck.messages import render
from lipcheck.model import Proposal
from lipcheck.packs.options import read_options

TODAY = dt.date(2026, 1, 1)
NO_FOLDER = Context(folder=None, today=TODAY)


def proposal(**sections: Any) -> Proposal:
    return Proposal.model_validate({"lipcheck": 1, **sections})


def test_every_new_kind_is_registered_with_typed_options() -> None:
    for name in ("groups_covered", "province", "partnership_term", "nothing_listed", "zip_centres",
                 "newcomer_voice", "municipal_letter", "community_plan", "municipal_lead"):  # fmt: skip
        assert name in KINDS
        assert hasattr(load_kind(name), "PARAMS")


def test_unknown_options_are_refused() -> None:
    with pytest.raises(ValueError, match="extra"):
        read_options(province.ProvinceParams, {"within": ["ON"], "excluding": ["QC"]})


class TestValuesAt:
    def test_steps_into_every_entry_of_a_list(self) -> None:
        found = values_at(
            proposal(partner_support=[
                {"organization": "A", "sector": "health", "evidence": "a.pdf"},
                {"organization": "B", "sector": "school"},
                {"organization": "C", "sector": "police", "evidence": "c.pdf"},
            ]),
            "partner_support[].evidence",
        )  # fmt: skip
        assert found == [
            (("partner_support", 0, "evidence"), "a.pdf"),
            (("partner_support", 2, "evidence"), "c.pdf"),
        ]

    def test_absent_sections_give_nothing(self) -> None:
        assert values_at(proposal(), "municipality.letter.evidence") == []


class TestConditional:
    def test_applies_when_the_field_has_the_value(self) -> None:
        condition = Conditional(when="partnership.status", equals="new")
        assert condition.does_not_apply(proposal(partnership={"status": "new"})) is None

    def test_does_not_apply_otherwise_and_says_why(self) -> None:
        condition = Conditional(when="community.francophone_minority", equals=True)
        outcome = condition.does_not_apply(proposal(community={"name": "Grey Bruce"}))
        assert outcome is not None and outcome.status is Status.NOT_APPLICABLE
        assert render(outcome.message) == (
            "applies only when `community.francophone_minority` is true; here it is not given"
        )

    def test_true_is_not_one(self) -> None:
        condition = Conditional(when="community.population", equals=True)
        assert condition.does_not_apply(proposal(community={"name": "X", "population": 1})) is not None


class TestGroupsCovered:
    PARAMS = groups_covered.GroupsCoveredParams(
        field="partner_support", groups={"education": ("school", "postsecondary"), "health": ("health",)}
    )

    def test_any_code_of_a_group_covers_it(self) -> None:
        outcome = groups_covered.check(
            proposal(partner_support=[{"organization": "Georgian College", "sector": "postsecondary"}]),
            self.PARAMS,
            NO_FOLDER,
        )
        assert (outcome.status, outcome.credit, outcome.missing) == (Status.PARTIAL, 0.5, ("health",))
        assert render(outcome.message) == "`partner_support` covers 1 of 2; missing: health"


class TestProvince:
    def test_within_and_outside_together(self) -> None:
        params = province.ProvinceParams(within=("ON", "QC"), outside=("QC",))
        assert (
            province.check(
                proposal(community={"name": "Gatineau", "province": "QC"}), params, NO_FOLDER
            ).status
            is Status.UNMET
        )
        assert (
            province.check(proposal(community={"name": "Ottawa", "province": "ON"}), params, NO_FOLDER).status
            is Status.MET
        )


class TestPartnershipTerm:
    PARAMS = partnership_term.PartnershipTermParams(
        earliest_start="2025-04-01", latest_end="2030-03-31", max_years=5
    )

    @pytest.mark.parametrize(
        ("start", "end", "status"),
        [
            ("2025-04-01", "2030-03-31", Status.MET),
            ("2025-04-01", "2025-04-02", Status.MET),
            ("2025-04-01", "2025-04-01", Status.UNMET),
            ("2025-03-31", "2026-03-31", Status.UNMET),
        ],
    )
    def test_the_call_window(self, start: str, end: str, status: Status) -> None:
        term = proposal(partnership={"start": start, "end": end})
        assert partnership_term.check(term, self.PARAMS, NO_FOLDER).status is status

    def test_five_years_end_before_the_fifth_anniversary(self) -> None:
        params = partnership_term.PartnershipTermParams(
            earliest_start="2020-01-01", latest_end="2040-12-31", max_years=5
        )
        leap = proposal(partnership={"start": "2028-02-29", "end": "2033-02-28"})
        assert partnership_term.check(leap, params, NO_FOLDER).status is Status.MET
        longer = proposal(partnership={"start": "2028-02-29", "end": "2033-03-01"})
        assert partnership_term.check(longer, params, NO_FOLDER).message.id == "check.term.too-long"

    def test_missing_dates_are_named(self) -> None:
        outcome = partnership_term.check(
            proposal(partnership={"start": "2025-04-01"}), self.PARAMS, NO_FOLDER
        )
        assert outcome.missing == ("partnership.end",)


class TestZipCentres:
    PARAMS = zip_centres.ZipCentresParams(min_centres=2, max_population=30000)

    def test_a_centre_of_exactly_the_limit_is_not_small(self) -> None:
        zone = proposal(
            partnership={"kind": "zip"},
            community={
                "name": "Z",
                "centres": [{"name": "A", "population": 30000}, {"name": "B", "population": 10}],
            },
        )
        outcome = zip_centres.check(zone, self.PARAMS, NO_FOLDER)
        assert outcome.status is Status.UNMET
        assert outcome.path == ("community", "centres", 0, "population")

    def test_without_a_kind_it_is_not_a_zip(self) -> None:
        assert zip_centres.check(proposal(), self.PARAMS, NO_FOLDER).status is Status.NOT_APPLICABLE


class TestMunicipalLetter:
    PARAMS = Conditional(when="partnership.status", equals="new")

    def test_the_role_is_said_in_words(self) -> None:
        outcome = municipal_letter.check(
            proposal(
                submitted="2024-01-30",
                partnership={"status": "new"},
                municipality={"letter": {"by": "Grey County", "role": "informed", "date": "2024-01-20"}},
            ),
            self.PARAMS,
            NO_FOLDER,
        )
        assert (
            render(outcome.message) == "Grey County will take part by staying informed (letter of 2024-01-20)"
        )

    def test_a_letter_without_its_author_fails(self) -> None:
        outcome = municipal_letter.check(
            proposal(partnership={"status": "new"}, municipality={"letter": {"role": "member"}}),
            self.PARAMS,
            NO_FOLDER,
        )
        assert outcome.status is Status.UNMET and outcome.missing == ("municipality.letter.by",)

    def test_without_a_condition_every_proposal_is_asked(self) -> None:
        outcome = municipal_letter.check(proposal(), Conditional(), NO_FOLDER)
        assert outcome.status is Status.UNMET


class TestCommunityPlan:
    PARAMS = community_plan.CommunityPlanParams(min_years=3, max_years=5)

    @pytest.mark.parametrize(("plan", "credit"), [
        ({"years": 3, "description": "A plan"}, 1.0),
        ({"years": 5, "description": "A plan"}, 1.0),
        ({"years": 2, "description": "A plan"}, 0.5),
        ({"description": "A plan"}, 0.5),
        ({"years": 4}, 0.5),
        ({"years": 9}, 0.0),
    ])  # fmt: skip
    def test_half_for_the_description_half_for_the_years(self, plan: dict[str, Any], credit: float) -> None:
        outcome = community_plan.check(proposal(plan={"community_plan": plan}), self.PARAMS, NO_FOLDER)
        assert outcome.credit == credit


class TestMunicipalLead:
    def test_an_unnamed_municipal_applicant_is_called_the_applicant(self) -> None:
        params = municipal_lead.MunicipalLeadParams(applicant_types=("municipality",), sectors=("municipal",))
        outcome = municipal_lead.check(proposal(applicant={"type": "municipality"}), params, NO_FOLDER)
        assert render(outcome.message) == "the applicant applies as a municipality"


class TestEvidenceFiles:
    PARAMS = evidence_files.EvidenceFilesParams(
        fields=("municipality.letter.evidence", "partner_support[].evidence")
    )

    def test_by_default_only_the_endorsement_is_checked(self) -> None:
        assert evidence_files.EvidenceFilesParams().fields == ("applicant.endorsement.evidence",)

    def test_every_named_file_is_checked_and_the_first_missing_is_shown(self, tmp_path: Path) -> None:
        (tmp_path / "letter.pdf").write_bytes(b"%PDF")
        outcome = evidence_files.check(
            proposal(
                municipality={"letter": {"by": "Grey County", "evidence": "letter.pdf"}},
                partner_support=[{"organization": "A", "sector": "health", "evidence": "gone.pdf"}],
            ),
            self.PARAMS,
            Context(folder=tmp_path, today=TODAY),
        )
        assert outcome.status is Status.UNMET
        assert outcome.path == ("partner_support", 0, "evidence")

    def test_several_files_found(self, tmp_path: Path) -> None:
        (tmp_path / "letter.pdf").write_bytes(b"%PDF")
        outcome = evidence_files.check(
            proposal(
                municipality={"letter": {"by": "Grey County", "evidence": "letter.pdf"}},
                partner_support=[{"organization": "A", "sector": "health", "evidence": "letter.pdf"}],
            ),
            self.PARAMS,
            Context(folder=tmp_path, today=TODAY),
        )
        assert (outcome.status, outcome.message.id) == (Status.MET, "check.evidence.found-several")


@pytest.mark.parametrize("pack_id", ["ircc-2024", "ontario-2008"])
def test_the_new_packs_come_back_from_the_cache_with_the_same_options(
    pack_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lipcheck.packs import compile as compile_module
    from lipcheck.packs import load_pack

    monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path))
    first = load_pack(pack_id)

    def refuse(folder: Path) -> object:
        raise AssertionError(f"{folder} was compiled again instead of read from the cache")

    monkeypatch.setattr(compile_module, "compile_pack", refuse)
    second = load_pack(pack_id)
    assert [(r.id, r.params) for r in second.rules] == [(r.id, r.params) for r in first.rules]


class TestFieldPaths:
    """A path in a check option must name a field of the format, or the pack is refused when compiled."""

    @pytest.mark.parametrize(
        "path",
        ["partner_support[].evidence", "municipality.letter.evidence", "council.members[].organization"],
    )
    def test_fields_of_the_format_are_accepted(self, path: str) -> None:
        assert evidence_files.EvidenceFilesParams(fields=(path,)).fields == (path,)

    @pytest.mark.parametrize(
        ("path", "problem"),
        [
            (
                "municipality.leter.evidence",
                "`municipality.leter.evidence` is not a field of the proposal format",
            ),
            ("partner_support.evidence", "write `partner_support[]` to step into each entry"),
            ("mission[]", "`mission` in `mission[]` is not a list"),
        ],
    )
    def test_a_misspelt_or_misshapen_path_is_refused(self, path: str, problem: str) -> None:
        with pytest.raises(ValueError, match=re.escape(problem)):
            evidence_files.EvidenceFilesParams(fields=(path,))

    def test_the_condition_names_a_field_too(self) -> None:
        with pytest.raises(ValueError, match="not a field"):
            Conditional(when="partnership.stat", equals="new")


def test_every_kind_is_described_in_the_check_kinds_page() -> None:
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "check-kinds.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`") for line in page.splitlines() if line.startswith("| `")}
    assert rows == set(KINDS)
