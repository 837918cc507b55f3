"""A community-organization applicant has existed for some years before it applies."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, not_applicable, option, type_of_applicant, unmet
from lipcheck.codes import ApplicantType
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class EstablishedParams(Params):
    applies_to: tuple[ApplicantType, ...]
    min_years: int = option(ge=0)


DATED = True
"""Judges against the submission date; without `submitted` it counts years to today."""


def check(proposal: Proposal, params: EstablishedParams, context: Context) -> Outcome:
    applicant = proposal.applicant
    if applicant is None or applicant.type not in params.applies_to:
        return not_applicable(
            "check.established.not-needed", ("applicant",), type=type_of_applicant(proposal)
        )
    if applicant.established is None:
        return unmet("check.established.absent", ("applicant",), ("established",))
    reference = proposal.submitted or context.today
    counted_from = "submitted" if proposal.submitted else "today"
    years = reference.year - applicant.established
    args = {
        "year": applicant.established,
        "years": years,
        "min": params.min_years,
        "reference": reference,
        "counted_from": counted_from,
    }
    if years >= params.min_years:
        return met(f"check.established.enough.{counted_from}", ("applicant", "established"), **args)
    return unmet(
        f"check.established.too-recent.{counted_from}",
        ("applicant", "established"),
        ("established",),
        **args,
    )


PARAMS = EstablishedParams
