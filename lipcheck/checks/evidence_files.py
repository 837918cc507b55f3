"""Evidence files named in the proposal exist and lie inside the proposal's folder."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from pydantic import field_validator

from lipcheck.checks import (
    Context,
    Outcome,
    Params,
    a_field_of_the_format,
    met,
    not_applicable,
    unmet,
    values_at,
)
from lipcheck.loader import PathKey
from lipcheck.model import Proposal


class EvidenceFilesParams(Params):
    fields: tuple[str, ...] = ("applicant.endorsement.evidence",)
    """Dotted paths to evidence; `name[]` steps into every entry of a list (`partner_support[].evidence`)."""

    @field_validator("fields")
    @classmethod
    def _fields_of_the_format(cls, fields: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(a_field_of_the_format(field) for field in fields)


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
    if Path(written).is_absolute():
        return unmet("check.evidence.absolute", where, (written,), path=written)
    inside = folder.resolve()
    try:
        target = (inside / written).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return unmet("check.evidence.unresolvable", where, (written,), path=written)
    # resolve() follows symlinks, so a link that points out of the folder is caught here too.
    if not target.is_relative_to(inside):
        return unmet("check.evidence.outside", where, (written,), path=written)
    try:
        # Only looked at, never opened: a pipe or a device named as evidence cannot block the check.
        kind = target.stat().st_mode
    except OSError as error:
        # Short enough alone, the path can pass the system's limit once joined to the folder.
        if error.errno == errno.ENAMETOOLONG:
            return unmet("check.evidence.too-long", where, (written,), path=written)
        return unmet("check.evidence.missing", where, (written,), path=written)
    if not stat.S_ISREG(kind):
        return unmet("check.evidence.not-regular", where, (written,), path=written)
    return None


PARAMS = EvidenceFilesParams
