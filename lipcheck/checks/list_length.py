"""A list names enough entries: full credit at `full`, half at `half`."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, field_path, graded, is_given, option, value_at
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class ListLengthParams(Params):
    field: str
    full: int = option(ge=1)
    half: int = option(ge=0)


def check(proposal: Proposal, params: ListLengthParams, context: Context) -> Outcome:
    entries = [entry for entry in value_at(proposal, params.field) or [] if is_given(entry)]
    count = len(entries)
    credit = 1.0 if count >= params.full else 0.5 if count >= params.half else 0.0
    short = count < params.full
    return graded(
        credit,
        "check.list.enough" if credit >= 1 else "check.list.short",
        field_path(params.field),
        (params.field,) if short else (),
        count=count,
        full=params.full,
        field=params.field,
    )


PARAMS = ListLengthParams
