"""There is one applicant, named, with a type."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, is_given, met, unmet
from lipcheck.compiled_schemas import Proposal


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    applicant = proposal.applicant
    if applicant is None:
        return unmet("check.applicant.absent", (), ("applicant",))
    missing = tuple(
        name for name, value in (("name", applicant.name), ("type", applicant.type)) if not is_given(value)
    )
    if missing:
        return unmet("check.applicant.incomplete", ("applicant",), missing, missing=", ".join(missing))
    return met("check.applicant.named", ("applicant", "name"), name=applicant.name)
