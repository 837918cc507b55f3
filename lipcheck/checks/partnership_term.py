"""The partnership's term starts and ends inside the call's window and is no longer than it allows."""

from __future__ import annotations

import datetime as dt

from lipcheck.checks import Context, Outcome, Params, met, option, unmet
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen

_ISO = r"^\d{4}-\d{2}-\d{2}$"


@frozen(kw_only=True)
class PartnershipTermParams(Params):
    # Dates as written (YYYY-MM-DD), so that options read from a pack and from its cache agree.
    earliest_start: str = option(pattern=_ISO)
    latest_end: str = option(pattern=_ISO)
    max_years: int = option(ge=1)


def check(proposal: Proposal, params: PartnershipTermParams, context: Context) -> Outcome:
    partnership = proposal.partnership
    start = partnership.start if partnership else None
    end = partnership.end if partnership else None
    if start is None or end is None:
        missing = tuple(name for name, day in (("start", start), ("end", end)) if day is None)
        dotted = tuple(f"partnership.{name}" for name in missing)
        return unmet(
            "check.term.incomplete",
            ("partnership",) if partnership else (),
            dotted,
            missing=", ".join(dotted),
        )
    earliest = dt.date.fromisoformat(params.earliest_start)
    latest = dt.date.fromisoformat(params.latest_end)
    args = {"start": start, "end": end}
    if end <= start:
        return unmet("check.term.reversed", ("partnership", "end"), ("partnership.end",), **args)
    if start < earliest:
        return unmet(
            "check.term.too-early",
            ("partnership", "start"),
            ("partnership.start",),
            **args,
            earliest=earliest,
        )
    if end > latest:
        return unmet(
            "check.term.too-late", ("partnership", "end"), ("partnership.end",), **args, latest=latest
        )
    if end >= _years_after(start, params.max_years):
        return unmet(
            "check.term.too-long", ("partnership", "end"), ("partnership.end",), **args, max=params.max_years
        )
    return met("check.term.fits", ("partnership",), **args)


def _years_after(start: dt.date, years: int) -> dt.date:
    """The same day `years` later (1 March for a 29 February that has none)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return dt.date(start.year + years, 3, 1)


PARAMS = PartnershipTermParams
