"""Evidence files named in the proposal exist and lie inside the proposal's folder."""

from __future__ import annotations

from pathlib import Path

from lipcheck.checks import (
    Context,
    Outcome,
    Params,
    fields_of_the_format,
    met,
    not_applicable,
    option,
    unmet,
    values_at,
)
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen
from lipcheck.loader import PathKey
from lipcheck.paths import confined_file


@frozen(kw_only=True)
class EvidenceFilesParams(Params):
    fields: tuple[str, ...] = option(("applicant.endorsement.evidence",), check=fields_of_the_format)
    """Dotted paths to evidence; `name[]` steps into every entry of a list (`partner_support[].evidence`)."""


def check(proposal: Proposal, params: EvidenceFilesParams, context: Context) -> Outcome:
    named = [found for field in params.fields for found in values_at(proposal, field)]
    if not named:
        return not_applicable("check.evidence.none")
    if context.folder is None:
        return not_applicable("check.evidence.no-folder", named[0][0])
    for where, written in named:
        problem = _problem(context.folder, written, where)
        if problem is not None:
            return problem
    if len(named) > 1:
        return met("check.evidence.found-several", (), count=len(named))
    return met("check.evidence.found", named[0][0], path=named[0][1])


def _problem(folder: Path, written: str, where: PathKey) -> Outcome | None:
    target, reason = confined_file(folder, written)
    if target is None:
        return unmet(f"check.evidence.{reason}", where, (written,), path=written)
    return None


PARAMS = EvidenceFilesParams
