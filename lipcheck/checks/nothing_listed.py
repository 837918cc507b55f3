"""A list the call wants empty is absent or empty (a LIP proposal bundles no direct services)."""

from __future__ import annotations

from pydantic import field_validator

from lipcheck.checks import (
    Context,
    Outcome,
    Params,
    a_field_of_the_format,
    field_path,
    met,
    unmet,
    value_at,
)
from lipcheck.compiled_schemas import Proposal


class NothingListedParams(Params):
    field: str

    @field_validator("field")
    @classmethod
    def _a_field(cls, field: str) -> str:
        return a_field_of_the_format(field)


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
