"""Coordinating structures link the LIP to city processes; one without a description earns half."""

from __future__ import annotations

from lipcheck.checks import Context, Outcome, Params, graded, is_given, unmet
from lipcheck.compiled_schemas import Proposal


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    structures = proposal.municipality.coordinating_structures if proposal.municipality else []
    if not structures:
        where = ("municipality",) if proposal.municipality else ()
        return unmet("check.structures.absent", where, ("coordinating structure",))
    described = [index for index, s in enumerate(structures) if is_given(s.description)]
    if described:
        return graded(
            1.0,
            "check.structures.described",
            ("municipality", "coordinating_structures"),
            count=len(described),
            total=len(structures),
        )
    return graded(
        0.5,
        "check.structures.undescribed",
        ("municipality", "coordinating_structures", 0),
        ("description",),
        name=structures[0].name,
    )
