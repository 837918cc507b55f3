"""Check kinds: small modules that rule packs name in `check: {kind: ...}`.

Each module defines `check(proposal, params, context) -> Outcome` and, when a rule may set
options, `PARAMS`: the pydantic model of those options (default: `Params`, no options). A kind
whose judgement depends on the proposal's `submitted` date (and so on today's, without one) sets
`DATED = True`: a report on a proposal without `submitted` names the pack's rules of such kinds.
A check says how far the proposal meets the rule and where to look; the engine stamps the
rule's id, severity and weight.
"""

from __future__ import annotations

import datetime as dt
import importlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict

from lipcheck.findings import Message, Status
from lipcheck.loader import PathKey
from lipcheck.model import Proposal

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
)
"""The registry: every check kind a pack may name."""


class Params(BaseModel):
    """Base of every check kind's options: unknown options are refused."""

    # Built only when a pack is read from its files; a compiled pack sets options directly.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


@dataclass(frozen=True)
class Context:
    """What a check may know beyond the proposal."""

    folder: Path | None
    """The proposal's folder, for evidence paths; None when checking text without a file."""
    today: dt.date


@dataclass(frozen=True)
class Outcome:
    """A check's answer: status, share of the weight earned, why, and where."""

    status: Status
    credit: float
    message: Message
    path: PathKey = ()
    missing: tuple[str, ...] = ()


def met(message_id: str, path: PathKey = (), /, **args: object) -> Outcome:
    return Outcome(Status.MET, 1.0, Message(message_id, args), path)


def unmet(message_id: str, path: PathKey = (), missing: tuple[str, ...] = (), /, **args: object) -> Outcome:
    return Outcome(Status.UNMET, 0.0, Message(message_id, args), path, missing)


def not_applicable(message_id: str, path: PathKey = (), /, **args: object) -> Outcome:
    return Outcome(Status.NOT_APPLICABLE, 0.0, Message(message_id, args), path)


def graded(
    credit: float, message_id: str, path: PathKey = (), missing: tuple[str, ...] = (), /, **args: object
) -> Outcome:
    """An outcome whose status follows from its credit: 1 met, 0 unmet, between partial."""
    status = Status.MET if credit >= 1 else Status.UNMET if credit <= 0 else Status.PARTIAL
    return Outcome(status, max(0.0, min(1.0, credit)), Message(message_id, args), path, missing)


def load_kind(name: str) -> ModuleType:
    """The module of check kind `name`; the caller has checked that `name` is in KINDS."""
    return importlib.import_module(f"lipcheck.checks.{name}")


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
    return " ".join(unicodedata.normalize("NFC", name).split()).lower()
