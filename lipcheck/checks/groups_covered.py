"""Entries of a list cover named groups of codes (sectors, priorities, objectives); credit is the share."""

from __future__ import annotations

from typing import Literal

from lipcheck.checks import Conditional, Context, Outcome, field_path, graded, value_at
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class GroupsCoveredParams(Conditional):
    field: Literal["council.members", "partner_support", "priorities", "plan.objectives"]
    """A list whose entries carry codes: council members or partners (sectors), priorities, objectives."""
    groups: dict[str, tuple[str, ...]]
    """Each group by its name (a code, as `missing` reports it), with the codes any one of which covers it."""


def check(proposal: Proposal, params: GroupsCoveredParams, context: Context) -> Outcome:
    outside = params.does_not_apply(proposal)
    if outside is not None:
        return outside
    entries = value_at(proposal, params.field) or []
    carried = {code for entry in entries for code in entry.codes}
    missing = tuple(name for name, codes in params.groups.items() if not carried.intersection(codes))
    total = len(params.groups)
    share = (total - len(missing)) / total if total else 1.0
    return graded(
        share,
        "check.groups.all" if not missing else "check.groups.missing",
        field_path(params.field) if entries else (),
        missing,
        field=params.field,
        covered=total - len(missing),
        total=total,
        missing=", ".join(missing),
        groups=", ".join(params.groups),
    )


PARAMS = GroupsCoveredParams
