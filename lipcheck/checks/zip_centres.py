"""A zonal partnership pools enough centres, each a small one unless the area has few settlement agencies."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, met, not_applicable, option, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class ZipCentresParams(Params):
    min_centres: int = option(ge=1)
    max_population: int = option(ge=1)
    """A small centre has fewer people than this."""


def check(proposal: Proposal, params: ZipCentresParams, context: Context) -> Outcome:
    kind = proposal.partnership.kind if proposal.partnership else None
    if kind != "zip":
        return not_applicable(
            "check.zip.not-zip", ("partnership", "kind") if kind else (), kind=kind or "not given"
        )
    community = proposal.community
    centres = community.centres if community else []
    where = ("community", "centres") if centres else ("community",) if community else ()
    if len(centres) < params.min_centres:
        return unmet(
            "check.zip.too-few", where, ("community.centres",), count=len(centres), min=params.min_centres
        )
    if community is not None and community.few_settlement_agencies is True:
        return met("check.zip.few-agencies", where, count=len(centres))
    for index, centre in enumerate(centres):
        at = ("community", "centres", index)
        if centre.population is None:
            return unmet(
                "check.zip.population-unknown", at, (f"{centre.name}: population",),
                name=centre.name, max=params.max_population,
            )  # fmt: skip
        if centre.population >= params.max_population:
            return unmet(
                "check.zip.too-large", (*at, "population"), (centre.name,),
                name=centre.name, population=centre.population, max=params.max_population,
            )  # fmt: skip
    return met("check.zip.small-centres", where, count=len(centres), max=params.max_population)


PARAMS = ZipCentresParams
