"""A mission statement is present (half) and speaks of welcome and inclusion (full)."""

from __future__ import annotations

import re

from lipcheck.checks import Context, Outcome, Params, graded, is_given
from lipcheck.compiled_schemas import Proposal
from lipcheck.frozen import frozen


@frozen(kw_only=True)
class WelcomingMissionParams(Params):
    stems: tuple[str, ...]
    """Word beginnings, lower case, that signal a welcoming attitude (English and French).

    A stem with a space is a phrase of whole words (`chez soi`): the mission's words are joined
    by single spaces first, so `chez-soi` and `chez  soi` match it too.
    """


def check(proposal: Proposal, params: WelcomingMissionParams, context: Context) -> Outcome:
    mission = proposal.mission
    if not is_given(mission):
        return graded(0.0, "check.mission.absent", (), ("mission",))
    assert mission is not None
    words = re.findall(r"\w+", mission.casefold())
    single = tuple(stem for stem in params.stems if " " not in stem)
    found = sorted({word for word in words if word.startswith(single)})
    joined = f" {' '.join(words)} "
    found += [stem for stem in params.stems if " " in stem and f" {stem} " in joined]
    if found:
        return graded(1.0, "check.mission.welcoming", ("mission",), words=", ".join(found))
    return graded(
        0.5,
        "check.mission.not-welcoming",
        ("mission",),
        (),
        stems=", ".join(stem if " " in stem else f"{stem}-" for stem in params.stems),
    )


PARAMS = WelcomingMissionParams
