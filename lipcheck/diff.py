"""What changed between two drafts of a proposal: two reports paired by rule id, as one Change value.

Pure: it compares Reports and keeps ids, points and statuses; renderers turn it into words.
"""

from __future__ import annotations

from lipcheck.findings import Finding, Report, RuleResult, Status, Text, WaiverState
from lipcheck.frozen import frozen


@frozen
class RuleChange:
    """One rule whose points or status differ between the drafts (paired by rule id)."""

    rule: str
    title: Text
    before_status: Status | None
    """None: the rule is not in the old draft's pack."""
    after_status: Status | None
    """None: the rule is not in the new draft's pack."""
    before_points: float
    after_points: float
    before_gain: float = 0.0
    after_gain: float = 0.0

    @property
    def delta(self) -> float:
        return self.after_points - self.before_points


@frozen
class Change:
    """The difference between an old and a new report on the same proposal."""

    path: str
    before: Report | None
    """None: the file is new since the revision compared with."""
    after: Report
    rules: tuple[RuleChange, ...] = ()
    opened: tuple[str, ...] = ()
    """Findings the new draft has and the old did not: failing rule ids, then file problem codes."""
    closed: tuple[str, ...] = ()
    """Findings the old draft had and the new does not."""
    waivers_added: tuple[str, ...] = ()
    """Rules whose waiver is applied in the new draft and was not in the old."""
    waivers_expired: tuple[str, ...] = ()
    """Rules whose waiver was applied in the old draft and no longer is (expired, or taken out)."""

    @property
    def score_delta(self) -> float | None:
        """New score minus old; None when either draft has no score (new or invalid)."""
        if self.before is None or self.before.score is None or self.after.score is None:
            return None
        return self.after.score - self.before.score

    @property
    def pack_changed(self) -> bool:
        """The drafts were judged by different packs or pack versions: the scores compare less well."""
        if self.before is None:
            return False
        before, after = self.before, self.after
        return (before.pack_id, before.pack_version) != (after.pack_id, after.pack_version)

    def dropped_more_than(self, points: float) -> bool:
        """Whether the score fell by more than `points` (a draft that became invalid has fallen)."""
        if self.before is None or self.before.score is None:
            return False
        if self.after.score is None:
            return True
        return self.before.score - self.after.score > points


def compare(path: str, before: Report | None, after: Report) -> Change:
    """Pair the two reports' rules by id; keep those whose status or points changed."""
    if before is None:
        return Change(path, None, after, opened=_failing(after), waivers_added=_waived(after))
    old = {result.rule: result for result in before.results}
    new = {result.rule: result for result in after.results}
    rules = []
    for rule in dict.fromkeys([*old, *new]):
        rule_before, rule_after = old.get(rule), new.get(rule)
        if _same(rule_before, rule_after):
            continue
        shown = rule_after or rule_before
        assert shown is not None
        rules.append(
            RuleChange(
                rule,
                shown.title,
                rule_before.status if rule_before else None,
                rule_after.status if rule_after else None,
                rule_before.points if rule_before else 0.0,
                rule_after.points if rule_after else 0.0,
                rule_before.gain if rule_before else 0.0,
                rule_after.gain if rule_after else 0.0,
            )
        )
    rules.sort(key=lambda change: (change.delta >= 0, change.delta if change.delta < 0 else -change.delta))
    was, now = _failing(before), _failing(after)
    waived_before, waived_after = _waived(before), _waived(after)
    return Change(
        path,
        before,
        after,
        tuple(rules),
        opened=tuple(item for item in now if item not in was),
        closed=tuple(item for item in was if item not in now),
        waivers_added=tuple(rule for rule in waived_after if rule not in waived_before),
        waivers_expired=tuple(rule for rule in waived_before if rule not in waived_after),
    )


def _waived(report: Report) -> tuple[str, ...]:
    return tuple(dict.fromkeys(use.rule for use in report.waivers if use.state is WaiverState.APPLIED))


def _same(before: RuleResult | None, after: RuleResult | None) -> bool:
    if before is None or after is None:
        return before is after
    return before.status is after.status and abs(before.points - after.points) < 1e-9


def _failing(report: Report) -> tuple[str, ...]:
    rules = [result.rule for result in report.results if result.failed]
    return (*rules, *dict.fromkeys(_finding_key(finding) for finding in report.findings))


def _finding_key(finding: Finding) -> str:
    # A problem in the file is the same problem when it has the same code at the same line.
    line = f":{finding.location.line}" if finding.location else ""
    return f"{finding.code}{line}"
