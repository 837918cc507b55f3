"""A list in the proposal has at least one entry of the wanted kinds (support, campaigns)."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, field_path, met, unmet, value_at
from lipcheck.compiled_schemas import Proposal
from lipcheck.findings import Either
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class EntriesOfKindParams(Params):
    field: str
    kinds: tuple[str, ...]


def check(proposal: Proposal, params: EntriesOfKindParams, context: Context) -> Outcome:
    entries = value_at(proposal, params.field) or []
    path = field_path(params.field)
    for index, entry in enumerate(entries):
        if getattr(entry, "kind", None) in params.kinds:
            return met("check.entries.found", (*path, index), kind=entry.kind, field=params.field)
    return unmet(
        "check.entries.absent", path, params.kinds, field=params.field, kinds=Either(tuple(params.kinds))
    )


PARAMS = EntriesOfKindParams
