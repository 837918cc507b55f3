"""Every council member without sector codes is placed by its name (LIP903's kind)."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.sectors import nearest


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    members = proposal.council.members if proposal.council else []
    unplaced = [(index, member) for index, member in enumerate(members) if not member.codes]
    if not unplaced:
        return met("check.placed.all", ("council", "members") if proposal.council else ())
    index, member = unplaced[0]
    close = nearest(member.organization)
    return unmet(
        "check.placed.not-placed" if len(unplaced) == 1 else "check.placed.not-placed-more",
        ("council", "members", index, "organization"),
        tuple(member.organization for _, member in unplaced),
        number=index + 1,
        organization=member.organization,
        nearest=", ".join(f"`{code}`" for code in close) if close else "`community`",
        others=len(unplaced) - 1,
    )
