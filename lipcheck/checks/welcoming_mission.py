"""A mission statement is present (half) and speaks of welcome and inclusion (full)."""

from __future__ import annotations

import re

from lipcheck.checks import Context, Outcome, Params, graded, is_given
from lipcheck.model import Proposal


class WelcomingMissionParams(Params):
    stems: tuple[str, ...]
    """Word beginnings, lower case, that signal a welcoming attitude (English and French)."""


def check(proposal: Proposal, params: WelcomingMissionParams, context: Context) -> Outcome:
    mission = proposal.mission
    if not is_given(mission):
        return graded(0.0, "check.mission.absent", (), ("mission",))
    assert mission is not None
    words = re.findall(r"\w+", mission.casefold())
    found = sorted({word for word in words if word.startswith(params.stems)})
    if found:
        return graded(1.0, "check.mission.welcoming", ("mission",), words=", ".join(found))
    return graded(
        0.5,
        "check.mission.not-welcoming",
        ("mission",),
        (),
        stems=", ".join(f"{stem}-" for stem in params.stems),
    )


PARAMS = WelcomingMissionParams
