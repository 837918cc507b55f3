"""The Community Plan is described (half) and covers a number of years the call allows (half)."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, graded, is_given, option, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class CommunityPlanParams(Params):
    min_years: int = option(ge=1)
    max_years: int = option(ge=1)


def check(proposal: Proposal, params: CommunityPlanParams, context: Context) -> Outcome:
    community_plan = proposal.plan.community_plan if proposal.plan else None
    if community_plan is None:
        return unmet(
            "check.community-plan.absent", ("plan",) if proposal.plan else (), ("plan.community_plan",)
        )
    where = ("plan", "community_plan")
    years = community_plan.years
    span = {"min": params.min_years, "max": params.max_years}
    described = is_given(community_plan.description)
    years_fit = years is not None and params.min_years <= years <= params.max_years
    if described and years_fit:
        return graded(1.0, "check.community-plan.full", where, (), years=years, **span)
    if described:
        if years is None:
            return graded(0.5, "check.community-plan.no-years", where, ("plan.community_plan.years",), **span)
        return graded(
            0.5, "check.community-plan.years", (*where, "years"), ("plan.community_plan.years",),
            years=years, **span,
        )  # fmt: skip
    if years_fit:
        return graded(
            0.5, "check.community-plan.undescribed", where, ("plan.community_plan.description",), years=years
        )
    return graded(
        0.0,
        "check.community-plan.empty",
        where,
        ("plan.community_plan.description", "plan.community_plan.years"),
        **span,
    )


PARAMS = CommunityPlanParams
