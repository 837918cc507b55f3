"""The community lies where the call applies: in one of some provinces, or outside others."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, unmet
from lipcheck.codes import Province
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class ProvinceParams(Params):
    within: tuple[Province, ...] = ()
    """The provinces and territories the call covers; empty: all but `outside`."""
    outside: tuple[Province, ...] = ()
    """Provinces and territories the call leaves out."""


def check(proposal: Proposal, params: ProvinceParams, context: Context) -> Outcome:
    province = proposal.community.province if proposal.community else None
    if province is None:
        return unmet(
            "check.province.absent", ("community",) if proposal.community else (), ("community.province",)
        )
    at = ("community", "province")
    if province in params.outside or (params.within and province not in params.within):
        return unmet("check.province.not-covered", at, (province,), province=province)
    return met("check.province.covered", at, province=province)


PARAMS = ProvinceParams
