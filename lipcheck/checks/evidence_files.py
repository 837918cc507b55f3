"""Evidence files named in the proposal exist and lie inside the proposal's folder."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from lipcheck.checks import Context, Outcome, Params, met, not_applicable, unmet
from lipcheck.model import Proposal


def check(proposal: Proposal, params: Params, context: Context) -> Outcome:
    endorsement = proposal.applicant.endorsement if proposal.applicant else None
    if endorsement is None or endorsement.evidence is None:
        return not_applicable("check.evidence.none")
    where = ("applicant", "endorsement", "evidence")
    written = endorsement.evidence
    if context.folder is None:
        return not_applicable("check.evidence.no-folder", where)
    if Path(written).is_absolute():
        return unmet("check.evidence.absolute", where, (written,), path=written)
    folder = context.folder.resolve()
    try:
        target = (folder / written).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return unmet("check.evidence.unresolvable", where, (written,), path=written)
    # resolve() follows symlinks, so a link that points out of the folder is caught here too.
    if not target.is_relative_to(folder):
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
    return met("check.evidence.found", where, path=written)
