"""No organization sits on the council twice (names compared ignoring case and repeated spaces)."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, same_organization, unmet
from lipcheck.compiled_schemas import Proposal


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    members = proposal.council.members if proposal.council else []
    first: dict[str, int] = {}
    for index, member in enumerate(members):
        key = same_organization(member.organization)
        if key in first:
            return unmet(
                "check.duplicates.found",
                ("council", "members", index, "organization"),
                (member.organization,),
                organization=member.organization,
                first=first[key] + 1,
                second=index + 1,
            )
        first[key] = index
    return met("check.duplicates.none", ("council", "members") if proposal.council else ())
