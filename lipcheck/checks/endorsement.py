"""An applicant that is not a government is endorsed by the municipality, on or before submission."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, not_applicable, type_of_applicant, unmet
from lipcheck.codes import ApplicantType
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class EndorsementParams(Params):
    applies_to: tuple[ApplicantType, ...]


DATED = True
"""Judges against the submission date; without `submitted` it checks only that an endorsement exists."""


def check(proposal: Proposal, params: EndorsementParams, context: Context) -> Outcome:
    applicant = proposal.applicant
    if applicant is None or applicant.type not in params.applies_to:
        return not_applicable(
            "check.endorsement.not-needed", ("applicant",), type=type_of_applicant(proposal)
        )
    endorsement = applicant.endorsement
    if endorsement is None:
        return unmet("check.endorsement.absent", ("applicant",), ("endorsement",))
    where = ("applicant", "endorsement")
    if proposal.submitted is None:
        return met("check.endorsement.given-undated-proposal", where, by=endorsement.by)
    if endorsement.date is None:
        return unmet("check.endorsement.undated", where, ("endorsement.date",))
    if endorsement.date > proposal.submitted:
        return unmet(
            "check.endorsement.after-submission",
            (*where, "date"),
            ("endorsement.date",),
            date=endorsement.date,
            submitted=proposal.submitted,
        )
    return met("check.endorsement.given", where, by=endorsement.by, date=endorsement.date)


PARAMS = EndorsementParams
