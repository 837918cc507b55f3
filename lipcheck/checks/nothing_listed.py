"""A list the call wants empty is absent or empty (a LIP proposal bundles no direct services)."""

from __future__ import annotations

from lipcheck.checks import (
    Context,
    Outcome,
    Params,
    a_field_of_the_format,
    field_path,
    met,
    option,
    unmet,
    value_at,
)
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class NothingListedParams(Params):
    field: str = option(check=a_field_of_the_format)


def check(proposal: Proposal, params: NothingListedParams, context: Context) -> Outcome:
    entries = [str(entry) for entry in value_at(proposal, params.field) or []]
    if not entries:
        return met("check.nothing-listed.empty", (), field=params.field)
    return unmet(
        "check.nothing-listed.some",
        field_path(params.field),
        tuple(entries),
        field=params.field,
        entries=", ".join(entries),
    )


PARAMS = NothingListedParams
