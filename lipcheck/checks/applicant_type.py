"""The applicant is of a type the call allows to apply."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, not_applicable, unmet
from lipcheck.codes import ApplicantType
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class ApplicantTypeParams(Params):
    allowed: tuple[ApplicantType, ...]


def check(proposal: Proposal, params: ApplicantTypeParams, context: Context) -> Outcome:
    applicant = proposal.applicant
    if applicant is None or applicant.type is None:
        return not_applicable("check.applicant-type.unknown", ("applicant",))
    if applicant.type in params.allowed:
        return met("check.applicant-type.allowed", ("applicant", "type"), type=applicant.type)
    return unmet(
        "check.applicant-type.not-allowed",
        ("applicant", "type"),
        (applicant.type,),
        type=applicant.type,
        allowed=", ".join(params.allowed),
    )


PARAMS = ApplicantTypeParams
