"""Rule packs as a run uses them: compiled packs and rules, and `load_pack`, the one way to get one.

A pack is read from its files (`files`), its inheritance resolved (`compile`), and the result kept
between runs (`cache`); `registry` knows the shipped packs and what a `--pack` value names. Only
this module and `cache` are imported on the start-up path: the file schemas and the compiler are
imported on a cache miss.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from lipcheck import checks
from lipcheck.errors import LipcheckError
from lipcheck.findings import Location, Message, Severity, Text, Thresholds
from lipcheck.frozen import frozen

if TYPE_CHECKING:
    from lipcheck.packs.files import Examples

PACK_FILE = "pack.yaml"
RULE_FILE = re.compile(r"^[A-Z]+[0-9]{3}\.yaml$")
"""The name of a rule file: its rule id. The compiler reads these and `pack.yaml`, nothing else."""
COMMON = "common"
"""The folder of shipped rule files that several packs include; it is not a pack."""


@frozen
class PackProblem:
    """One thing wrong in a pack: where, what, and what might fix it."""

    path: Path
    location: Location
    message: Message
    hint: Message | None = None

    def line(self) -> Message:
        """`rule pack file PATH:LINE:COL: PROBLEM`, a did-you-mean folded in."""
        problem = self.message
        if self.hint is not None and self.hint.id == "hint.did-you-mean":
            problem = Message("pack.problem-hinted", {"problem": self.message, "hint": self.hint})
        where = {"path": str(self.path), "line": self.location.line, "column": self.location.column}
        return Message("pack.invalid", {**where, "problem": problem})


class PackError(LipcheckError):
    """A pack that cannot be used (exit 2), with every problem found in it and the packs it extends."""

    def __init__(self, problems: list[PackProblem]) -> None:
        problems = sorted(problems, key=lambda p: (str(p.path), p.location.line, p.location.column))
        self.problems = tuple(problems)
        if len(problems) == 1:
            only = problems[0]
            message = Message("pack.invalid", {**only.line().args, "problem": only.message})
            super().__init__(message, only.hint or Message("hint.pack-format"))
        else:
            details = tuple(problem.line() for problem in problems)
            super().__init__(
                Message("pack.problems", {"count": len(problems)}), Message("hint.pack-format"), details
            )


@frozen
class Change:
    """What a pack changed in a rule it inherited: `field` went from `before` to `after`."""

    pack: str
    """The id of the pack that made the change."""
    field: str
    """`weight`, `severity`, `title`, `examples`, ... or `check.<option>`."""
    before: str
    after: str


@frozen
class Rule:
    """A rule ready to run: its file's content with the check kind resolved and its options typed."""

    id: str
    title: Text
    severity: Severity
    weight: float
    kind: str
    module: ModuleType
    params: checks.Params
    rationale: Text
    remediation: Text
    source: Text
    reading: Text | None
    file: Path
    """The rule file."""
    origin: str = ""
    """The pack whose folder holds the rule file (`common` for a shared rule)."""
    changes: tuple[Change, ...] = ()
    """What packs down the chain changed, in the order they changed it."""
    examples_file: Path | None = None
    """The file holding the examples in force: the rule file, or a pack file that overrides them."""
    examples_at: tuple[str, ...] = ("examples",)
    """Where in `examples_file` they are."""

    @functools.cached_property
    def examples(self) -> Examples:
        """The examples in force for this pack, read on demand (a compiled pack does not keep them)."""
        from lipcheck.packs.files import read_examples

        return read_examples(self.examples_file or self.file, self.examples_at)

    @property
    def dated(self) -> bool:
        """The rule judges dates against the submission date, or against today when there is none."""
        return bool(getattr(self.module, "DATED", False))


@frozen
class Pack:
    """A compiled pack: its identity, its thresholds and parameters, and its rules in report order."""

    id: str
    version: str
    title: Text
    source: Text
    thresholds: Thresholds
    parameters: Mapping[str, object]
    rules: tuple[Rule, ...]
    folder: Path
    extends: str | None = None
    """The parent's id, as the pack file names it."""
    years: tuple[int, int] | None = None
    """The first and last year the call covers."""

    def untranslated(self, lang: str) -> tuple[str, ...]:
        """Where the pack gives no text of its own in `lang`: `pack`, or rule ids, in pack order.

        Shipped packs are complete (the loader refuses them otherwise); a user's pack may not be,
        and what it lacks is then said in a note, never filled in with English silently.
        """
        missing = ["pack"] if not (self.title.has(lang) and self.source.has(lang)) else []
        for rule in self.rules:
            texts = (rule.title, rule.rationale, rule.remediation, rule.source, rule.reading)
            if not all(t.has(lang) for t in texts if t is not None):
                missing.append(rule.id)
        return tuple(missing)

    def rule(self, rule_id: str) -> Rule | None:
        wanted = rule_id.upper()
        return next((rule for rule in self.rules if rule.id == wanted), None)

    @functools.cached_property
    def dated_rules(self) -> tuple[str, ...]:
        """Ids of the rules whose judgement counts from today when a proposal gives no `submitted`."""
        return tuple(rule.id for rule in self.rules if rule.dated)

    @functools.cached_property
    def rule_ids(self) -> frozenset[str]:
        """The ids of the pack's rules (a waiver must name one), made once a pack, not once a file."""
        return frozenset(rule.id for rule in self.rules)


def load_pack(name: str, shipped_only: bool = False) -> Pack:
    """The pack `name` names: a shipped id, or (unless `shipped_only`) a folder written as a path.

    `shipped_only` is for names a proposal gives (`call:`): a file under review must not be able
    to point lipcheck at a folder of its choosing. Raises LipcheckError (exit 2) with every
    problem of a broken pack at once.
    """
    from lipcheck.packs import cache, registry

    folder = registry.resolve(name, shipped_only)
    cached = cache.read(folder)
    if cached is not None:
        return cached
    from lipcheck.packs.compile import compile_pack

    pack, folders = compile_pack(folder)
    cache.write(folder, pack, folders)
    return pack
