"""Check kinds: small modules that rule packs name in `check: {kind: ...}`.

Each module defines `check(proposal, params, context) -> Outcome` and, when a rule may set
options, `PARAMS`: the frozen dataclass of those options (default: `Params`, no options), whose
fields say their bounds with `option(...)`. A pack's options are validated against it by pydantic
when the pack is compiled (lipcheck.packs.options); a run from the cache builds it directly. A kind
whose judgement depends on the proposal's `submitted` date (and so on today's, without one) sets
`DATED = True`: a report on a proposal without `submitted` names the pack's rules of such kinds.
A check says how far the proposal meets the rule and where to look; the engine stamps the
rule's id, severity and weight.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import re
import typing
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from lipcheck.compiled_schemas import Proposal
from lipcheck.core_validator import PydanticCustomError
from lipcheck.findings import Message, Status
from lipcheck.frozen import frozen
from lipcheck.loader import PathKey

KINDS = (
    "applicant_present",
    "applicant_type",
    "endorsement",
    "established",
    "sector_coverage",
    "council_breadth",
    "coordinating_structures",
    "fields_present",
    "entries_of_kind",
    "welcoming_mission",
    "list_length",
    "duplicate_members",
    "evidence_files",
    "groups_covered",
    "province",
    "partnership_term",
    "nothing_listed",
    "zip_centres",
    "newcomer_voice",
    "municipal_letter",
    "community_plan",
    "municipal_lead",
    "sectors_placed",
    "sectors_named",
)
"""The registry: every check kind a pack may name."""


@frozen(kw_only=True)
class Params:
    """Base of every check kind's options: read-only, and checked against their bounds when built.

    Unknown options and wrong types are refused when a pack is compiled (lipcheck.packs.options);
    the bounds and field paths said with `option(...)` hold however the options are built.
    """

    def __post_init__(self) -> None:
        for each in dataclasses.fields(self):
            if each.metadata:
                _within_bounds(each, getattr(self, each.name))


def option(
    default: Any = dataclasses.MISSING,
    *,
    ge: int | None = None,
    pattern: str | None = None,
    check: Callable[[Any], object] | None = None,
) -> Any:
    """A check option with its bounds: at least `ge`, matching `pattern`, or accepted by `check`."""
    bounds = {"ge": ge, "pattern": pattern, "check": check}
    return dataclasses.field(default=default, metadata={k: v for k, v in bounds.items() if v is not None})


def _within_bounds(each: dataclasses.Field[Any], value: Any) -> None:
    least = each.metadata.get("ge")
    if least is not None and value < least:
        raise PydanticCustomError(
            "greater_than_equal", "Input should be greater than or equal to {ge}", {"ge": least}
        )
    pattern = each.metadata.get("pattern")
    if pattern is not None and not re.search(pattern, value):
        raise PydanticCustomError(
            "string_pattern_mismatch", "String should match pattern '{pattern}'", {"pattern": pattern}
        )
    check = each.metadata.get("check")
    if check is not None:
        check(value)


_OPTION_FIELDS: dict[type[Params], tuple[tuple[dataclasses.Field[Any], Any], ...]] = {}


def option_fields(params: type[Params]) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The options of a kind, each with its type (annotations are read once per kind)."""
    found = _OPTION_FIELDS.get(params)
    if found is None:
        hints = typing.get_type_hints(params)
        found = _OPTION_FIELDS[params] = tuple(
            (each, hints[each.name]) for each in dataclasses.fields(params)
        )
    return found


def written_options(params: Params) -> dict[str, Any]:
    """The options as a pack writes them: lists for tuples, so that JSON and YAML can hold them."""
    return {each.name: _as_data(getattr(params, each.name)) for each in dataclasses.fields(params)}


def _as_data(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_data(item) for key, item in value.items()}
    return value


def a_field_of_the_format(dotted: str) -> str:
    """`dotted`, a check option's path to a field (`name[]` for each entry of a list).

    A path that names no field of the proposal format is refused when the pack is compiled,
    rather than left to find nothing in every proposal.
    """
    from lipcheck.compiled_schemas import PROPOSAL_SECTIONS

    section: str | None = "Proposal"
    steps = dotted.split(".")
    for number, step in enumerate(steps):
        name, each = (step[:-2], True) if step.endswith("[]") else (step, False)
        fields = {
            attribute: (inner, many) for _, attribute, inner, many in PROPOSAL_SECTIONS.get(section or "", ())
        }
        if name not in fields:
            raise _not_a_field("option.not-a-field", path=dotted, step=step)
        section, is_list = fields[name]
        if each and not is_list:
            raise _not_a_field("option.not-a-list", path=dotted, name=name)
        if is_list and number < len(steps) - 1 and not each:
            raise _not_a_field("option.a-list", path=dotted, name=name)
    return dotted


def _not_a_field(message_id: str, **args: str) -> PydanticCustomError:
    # Read by the pack author when the pack is compiled, so the sentence comes from the catalogue.
    from lipcheck.messages import text

    return PydanticCustomError("field_path", text(message_id, **args).replace("{", "{{").replace("}", "}}"))


def fields_of_the_format(dotted: tuple[str, ...]) -> tuple[str, ...]:
    """Each of `dotted` a field of the format (a_field_of_the_format)."""
    return tuple(a_field_of_the_format(each) for each in dotted)


def _a_field_or_none(dotted: str | None) -> str | None:
    return None if dotted is None else a_field_of_the_format(dotted)


@frozen(kw_only=True)
class Conditional(Params):
    """Options of a kind whose rule applies only when one field of the proposal has one value."""

    when: str | None = option(None, check=_a_field_or_none)
    """A dotted field path, e.g. `partnership.status`; without it the rule always applies."""
    equals: str | bool = True
    """The value `when` must have for the rule to apply."""

    def does_not_apply(self, proposal: Proposal) -> Outcome | None:
        """A not-applicable outcome when the proposal is outside the rule's condition, else None."""
        if self.when is None:
            return None
        value = value_at(proposal, self.when)
        if value == self.equals and type(value) is type(self.equals):
            return None
        return not_applicable(
            "check.when.other",
            field_path(self.when) if value is not None else (),
            field=self.when,
            wanted=_as_written(self.equals),
            value=Message("check.when.not-given") if value is None else _as_written(value),
        )


def _as_written(value: object) -> str:
    """A value as it is written in a proposal (YAML's `true`, not Python's `True`)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


@frozen
class Context:
    """What a check may know beyond the proposal."""

    folder: Path | None
    """The proposal's folder, for evidence paths; None when checking text without a file."""
    today: dt.date


@frozen
class Outcome:
    """A check's answer: status, share of the weight earned, why, and where."""

    status: Status
    credit: float
    message: Message
    path: PathKey = ()
    missing: tuple[str, ...] = ()


# Module names for the statuses every check returns: on Python 3.11 each `Status.MEMBER` goes
# through EnumType.__getattr__ (about 0.17 us, ten times a global's cost), for every rule of every file.
_MET, _UNMET, _PARTIAL, _NOT_APPLICABLE = Status.MET, Status.UNMET, Status.PARTIAL, Status.NOT_APPLICABLE


def met(message_id: str, path: PathKey = (), /, **args: object) -> Outcome:
    return Outcome(_MET, 1.0, Message(message_id, args), path)


def unmet(message_id: str, path: PathKey = (), missing: tuple[str, ...] = (), /, **args: object) -> Outcome:
    return Outcome(_UNMET, 0.0, Message(message_id, args), path, missing)


def not_applicable(message_id: str, path: PathKey = (), /, **args: object) -> Outcome:
    return Outcome(_NOT_APPLICABLE, 0.0, Message(message_id, args), path)


def graded(
    credit: float, message_id: str, path: PathKey = (), missing: tuple[str, ...] = (), /, **args: object
) -> Outcome:
    """An outcome whose status follows from its credit: 1 met, 0 unmet, between partial."""
    status = _MET if credit >= 1 else _UNMET if credit <= 0 else _PARTIAL
    return Outcome(status, max(0.0, min(1.0, credit)), Message(message_id, args), path, missing)


def load_kind(name: str) -> ModuleType:
    """The module of check kind `name`; the caller has checked that `name` is in KINDS."""
    return importlib.import_module(f"lipcheck.checks.{name}")


def values_at(proposal: Proposal, dotted: str) -> list[tuple[PathKey, Any]]:
    """Every value at a dotted path in which `name[]` steps into each entry of a list.

    `partner_support[].evidence` gives each partner's evidence, with its path; absent sections
    and missing values give nothing.
    """
    found: list[tuple[PathKey, Any]] = [((), proposal)]
    for step in dotted.split("."):
        name, each = (step[:-2], True) if step.endswith("[]") else (step, False)
        deeper: list[tuple[PathKey, Any]] = []
        for path, value in found:
            child = getattr(value, name, None)
            if child is None:
                continue
            if each:
                deeper += [((*path, name, index), entry) for index, entry in enumerate(child)]
            else:
                deeper.append(((*path, name), child))
        found = deeper
    return found


def value_at(proposal: Proposal, dotted: str) -> Any:
    """The value at a dotted field path (`plan.gap_analysis`), or None where a section is absent."""
    value: Any = proposal
    for name in dotted.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def is_given(value: Any) -> bool:
    """Text that is not blank, a non-empty list, or any other value that is present."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return bool(value)
    return value is not None


def field_path(dotted: str) -> PathKey:
    return tuple(dotted.split("."))


def type_of_applicant(proposal: Proposal) -> str:
    """The applicant's type as the user wrote it, for messages."""
    return (proposal.applicant.type if proposal.applicant else None) or "not given"


def same_organization(name: str) -> str:
    """The key under which two organization names count as one: case and repeated spaces ignored.

    Accents count (Collège is not College), but the same accent typed two ways is one letter.
    """
    if not name.isascii():  # ASCII is in NFC already
        name = unicodedata.normalize("NFC", name)
    return " ".join(name.split()).lower()
