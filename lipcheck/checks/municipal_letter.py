"""The municipality's letter says who writes and how it will take part, dated on or before submission."""

from __future__ import annotations

from lipcheck.checks import Conditional, Context, Outcome, graded, is_given, met, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.findings import Message


def check(proposal: Proposal, params: Conditional, context: Context) -> Outcome:
    outside = params.does_not_apply(proposal)
    if outside is not None:
        return outside
    letter = proposal.municipality.letter if proposal.municipality else None
    if letter is None:
        return unmet(
            "check.letter.absent",
            ("municipality",) if proposal.municipality else (),
            ("municipality.letter",),
        )
    where = ("municipality", "letter")
    if not is_given(letter.by):
        return unmet("check.letter.no-author", where, ("municipality.letter.by",))
    if proposal.submitted is not None:
        if letter.date is None:
            return unmet("check.letter.undated", where, ("municipality.letter.date",), by=letter.by)
        if letter.date > proposal.submitted:
            return unmet(
                "check.letter.after-submission",
                (*where, "date"),
                ("municipality.letter.date",),
                date=letter.date,
                submitted=proposal.submitted,
            )
    if letter.role is None:
        return graded(0.5, "check.letter.no-role", where, ("municipality.letter.role",), by=letter.by)
    role = Message(f"check.letter.role.{letter.role}")
    if proposal.submitted is None or letter.date is None:
        return met("check.letter.given-undated-proposal", where, by=letter.by, role=role)
    return met("check.letter.given", where, by=letter.by, role=role, date=letter.date)


PARAMS = Conditional
