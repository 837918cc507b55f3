"""What a validated proposal is made of: read-only records, and the format's own checks on values.

The format is defined once, by the pydantic models of lipcheck.model. Those models are compiled
ahead of time into a pydantic-core schema whose sections are the record classes of
lipcheck.compiled_schemas (see lipcheck.schema_compiler); a check then costs no pydantic
import. This module holds what both sides share and neither may copy: the base of the records,
the properties a section adds to its fields, and the validators the schema calls.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from lipcheck.codes import ISO_DATE, Sector
from lipcheck.core_validator import PydanticCustomError

if TYPE_CHECKING:
    from pydantic_core.core_schema import ValidationInfo

Sections = dict[str, tuple[tuple[str, str, "str | None", bool], ...]]
"""A format's sections by record name: each key as written, its attribute, the section it holds, and
whether it holds a list of them (lipcheck.compiled_schemas writes one table a format)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_PATH_MAX, _NAME_MAX = 4095, 255  # bytes: the usual limits of Linux, macOS and Windows file systems


class Record:
    """A section of a validated file: its fields as attributes, read-only, equal by value.

    pydantic-core fills `__dict__` and its three bookkeeping slots directly, as it does for a
    pydantic model; nothing else may set an attribute. `_derived` keeps what a property works
    out from the fields (a member's sector codes), once: it is no field, so equality, hashing
    and the record's repr never see it.
    """

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
        "_derived",
    )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(_hashable(value) for value in self.__dict__.values())))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


def _hashable(value: Any) -> Any:
    return tuple(_hashable(item) for item in value) if isinstance(value, list) else value


class WithMembers:
    """A council, with what its members cover (no annotation here: pydantic would take it for a field)."""

    @property
    def sectors_covered(self) -> frozenset[str]:
        """Every sector code a member has (written, or read from its name), worked out once."""
        covered: frozenset[str] | None = getattr(self, "_derived", None)  # see InSectors.codes
        if covered is None:
            members: list[Any] = self.members  # type: ignore[attr-defined]
            covered = frozenset(code for member in members for code in member.codes)
            object.__setattr__(self, "_derived", covered)
        return covered


class InSectors:
    """An organization with sector codes, given as `sectors` or `sector`, or read from its name."""

    organization: str
    sectors: list[Sector] | None
    sector: Sector | list[Sector] | None

    @property
    def declared(self) -> tuple[str, ...]:
        """The sector codes written in the proposal, whichever way; empty when none are."""
        if self.sectors is not None:
            return tuple(self.sectors)
        if isinstance(self.sector, list):
            return tuple(self.sector)
        return (self.sector,) if self.sector else ()

    @property
    def inferred(self) -> bool:
        """True when the member's codes are read from its name, none being written."""
        return not self.declared

    @property
    def codes(self) -> tuple[str, ...]:
        """The member's sector codes: those written, or else those its name signals (maybe none)."""
        # getattr with a default, not try/except: the miss, once a member, costs half as much.
        codes: tuple[str, ...] | None = getattr(self, "_derived", None)
        if codes is None:
            codes = self.declared
            if not codes:  # most members say their sectors: the import statement costs as much as that
                from lipcheck.sectors import infer

                codes = infer(self.organization)
            object.__setattr__(self, "_derived", codes)
        return codes


class ObjectiveCodes:
    """An objective entry carries its one code, as a member carries its sectors."""

    objective: str

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.objective,)


class PriorityCodes:
    """A priority entry carries its one code."""

    priority: str

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.priority,)


# The validators the schema calls. Each raises a PydanticCustomError whose type names a message
# of the catalogue (`schema.<type>`), so the finding is worded in the reader's language.


def iso_date(value: object) -> object:
    """Dates are written `YYYY-MM-DD`; the loader hands them over as the text the user wrote."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise PydanticCustomError("iso_date", "Input should be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "impossible_date", "{value} is not a date that exists", {"value": value}
        ) from None


def a_path_a_folder_can_hold(path: str) -> str:
    """`path` unless no file system could hold it (a control character, an overlong name)."""
    # Such a path names no file anywhere, and the file system refuses to look it up at all
    # (a NUL is a ValueError, an overlong name an OSError) instead of saying it is missing.
    if _CONTROL.search(path):
        raise PydanticCustomError("path_control_character", "A file path cannot hold control characters")
    if len(path.encode("utf-8", "surrogatepass")) > _PATH_MAX or any(
        len(part.encode("utf-8", "surrogatepass")) > _NAME_MAX for part in re.split(r"[/\\]", path)
    ):
        raise PydanticCustomError("path_too_long", "The path is longer than a file system allows")
    return path


def not_in_future(year: int | None, info: ValidationInfo) -> int | None:
    """A founding year no later than the run's `--today` (validation passes it as context)."""
    # A rerun of an old check gives the same answer; only a caller that gives no today reads the clock.
    today = (info.context or {}).get("today") or dt.date.today()
    if year is not None and year > today.year:
        raise PydanticCustomError("future_year", "{year} is in the future", {"year": year})
    return year


def an_amount(value: float) -> float:
    """Money: at least 0, and a finite number (infinity and NaN are no amount, and JSON cannot write them)."""
    if not value >= 0:  # NaN too, as it compares false
        raise PydanticCustomError(
            "greater_than_equal", "Input should be greater than or equal to {ge}", {"ge": 0}
        )
    if value == float("inf"):
        raise PydanticCustomError("finite_number", "Input should be a finite number")
    return value


def one_sector_field(section: Any) -> Any:
    """A member gives `sector` or `sectors`, not both, and never an empty list."""
    if section.sectors is not None and section.sector is not None:
        raise PydanticCustomError("sector_twice", "Give either `sector` or `sectors`, not both")
    if isinstance(section.sector, list) and not section.sector:
        raise PydanticCustomError("sector_missing", "A member needs at least one sector")
    return section


def one_applicant(value: Any) -> Any:
    """A proposal has one lead applicant: a list of them is refused before it is read as a section."""
    if isinstance(value, list):
        raise PydanticCustomError("applicant_list", "A proposal has one lead applicant, not a list")
    return value
