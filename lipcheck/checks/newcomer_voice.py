"""Newcomers speak for themselves: a council member with lived experience, or an advisory table."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, unmet
from lipcheck.codes import Sector
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class NewcomerVoiceParams(Params):
    sectors: tuple[Sector, ...]
    """Sector codes that mark a member who speaks from lived experience."""


def check(proposal: Proposal, params: NewcomerVoiceParams, context: Context) -> Outcome:
    council = proposal.council
    if council is None:
        return unmet("check.voice.absent", (), ("council",), sectors=", ".join(params.sectors))
    for index, member in enumerate(council.members):
        if any(code in params.sectors for code in member.codes):
            return met("check.voice.member", ("council", "members", index), organization=member.organization)
    if council.advisory_tables:
        return met(
            "check.voice.table", ("council", "advisory_tables", 0), name=council.advisory_tables[0].name
        )
    return unmet(
        "check.voice.absent", ("council",), ("council.advisory_tables",), sectors=", ".join(params.sectors)
    )


PARAMS = NewcomerVoiceParams
