"""A member whose written codes miss the sector its name clearly signals (LIP904's kind)."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.sectors import clearly_signalled, infer


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    members = proposal.council.members if proposal.council else []
    for index, member in enumerate(members):
        if not member.declared:
            continue
        # Only a name that signals none of the written codes, and signals another clearly. What it
        # clearly signals is a part of what it signals, so most names are settled by `infer` alone.
        signals = infer(member.organization)
        if not signals or set(member.declared) & set(signals):
            continue
        signalled = clearly_signalled(member.organization)
        if signalled:
            return unmet(
                "check.named.suggests",
                ("council", "members", index, "organization"),
                (signalled[0],),
                number=index + 1,
                organization=member.organization,
                declared=", ".join(f"`{code}`" for code in member.declared),
                suggested=signalled[0],
            )
    return met("check.named.agree", ("council", "members") if proposal.council else ())
