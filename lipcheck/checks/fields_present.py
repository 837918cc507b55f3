"""Named fields are filled in; each earns an equal share of the credit."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, field_path, graded, is_given, value_at
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class FieldsPresentParams(Params):
    fields: tuple[str, ...]


def check(proposal: Proposal, params: FieldsPresentParams, context: Context) -> Outcome:
    missing = tuple(name for name in params.fields if not is_given(value_at(proposal, name)))
    given = [name for name in params.fields if name not in missing]
    credit = len(given) / len(params.fields) if params.fields else 1.0
    where = field_path(missing[0] if missing else given[0]) if params.fields else ()
    message = "check.fields.all" if not missing else "check.fields.missing"
    return graded(
        credit, message, where, missing, missing=", ".join(missing), fields=", ".join(params.fields)
    )


PARAMS = FieldsPresentParams
