"""The council is broad: distinct organizations over a target number, capped at full credit."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, graded, option, same_organization
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class CouncilBreadthParams(Params):
    target: int = option(ge=1)
    """Distinct organizations for full credit: a count, so at least 1."""


def check(proposal: Proposal, params: CouncilBreadthParams, context: Context) -> Outcome:
    members = proposal.council.members if proposal.council else []
    count = len({same_organization(member.organization) for member in members})
    credit = min(1.0, count / params.target) if params.target > 0 else 1.0
    message = "check.breadth.enough" if credit >= 1 else "check.breadth.short"
    return graded(
        credit, message, ("council", "members") if proposal.council else (), count=count, target=params.target
    )


PARAMS = CouncilBreadthParams
