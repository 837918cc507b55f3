"""The municipality leads the proposal or sits on its council."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, unmet
from lipcheck.codes import ApplicantType, Sector
from lipcheck.compiled_schemas import Proposal
from lipcheck.findings import Message
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class MunicipalLeadParams(Params):
    applicant_types: tuple[ApplicantType, ...]
    """Applicant types that are the municipality or regional government itself."""
    sectors: tuple[Sector, ...]
    """Sector codes that mark a council member as the municipality."""


def check(proposal: Proposal, params: MunicipalLeadParams, context: Context) -> Outcome:
    applicant = proposal.applicant
    if applicant is not None and applicant.type in params.applicant_types:
        return met(
            "check.municipal-lead.applicant",
            ("applicant", "type"),
            name=applicant.name or Message("check.municipal-lead.unnamed"),
            type=applicant.type,
        )
    members = proposal.council.members if proposal.council else []
    for index, member in enumerate(members):
        if any(code in params.sectors for code in member.codes):
            return met(
                "check.municipal-lead.member", ("council", "members", index), organization=member.organization
            )
    return unmet(
        "check.municipal-lead.absent",
        ("council", "members") if members else (),
        params.sectors,
        types=", ".join(params.applicant_types),
        sectors=", ".join(params.sectors),
    )


PARAMS = MunicipalLeadParams
