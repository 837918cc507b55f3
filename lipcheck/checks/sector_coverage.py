"""The council covers a list of sectors; credit is the share covered."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, graded
from lipcheck.codes import Sector
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class SectorCoverageParams(Params):
    sectors: tuple[Sector, ...]


def check(proposal: Proposal, params: SectorCoverageParams, context: Context) -> Outcome:
    covered = proposal.council.sectors_covered if proposal.council else frozenset()
    missing = tuple(code for code in params.sectors if code not in covered)
    share = (len(params.sectors) - len(missing)) / len(params.sectors) if params.sectors else 1.0
    message = "check.sectors.all" if not missing else "check.sectors.missing"
    return graded(
        share,
        message,
        ("council", "members") if proposal.council else (),
        missing,
        covered=len(params.sectors) - len(missing),
        total=len(params.sectors),
        missing=", ".join(missing),
    )


PARAMS = SectorCoverageParams
