"""The proposal format, version 1, as a pydantic schema (a public contract: add, never rename).

Nearly every section is optional so that a draft still validates and the rules, not the
schema, say what is missing. The schema is strict about shapes and types: a number where
text belongs is an error, never silently converted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import Self

FORMAT_VERSION = 1

SECTOR_CODES = (
    "municipal", "community", "settlement", "language", "association", "employment",
    "economic-development", "federal", "provincial", "employer", "school", "health", "police",
    "media", "postsecondary", "faith", "francophone", "library", "housing", "ethnocultural",
    "indigenous", "justice", "funder", "lived-experience", "emergency",
)  # fmt: skip

Sector = Literal[
    "municipal", "community", "settlement", "language", "association", "employment",
    "economic-development", "federal", "provincial", "employer", "school", "health", "police",
    "media", "postsecondary", "faith", "francophone", "library", "housing", "ethnocultural",
    "indigenous", "justice", "funder", "lived-experience", "emergency",
]  # fmt: skip
Province = Literal["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
ApplicantType = Literal[
    "municipality", "regional-government", "community-organization", "provincial-government",
    "federal-government", "business", "school-board", "individual", "educational-institution",
    "international-organization",
]  # fmt: skip
Role = Literal["chair", "co-chair", "member", "observer", "ex-officio"]

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
"""How every date is written, in proposals and on the command line (`--today`): YYYY-MM-DD."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_PATH_MAX, _NAME_MAX = 4095, 255  # bytes: the usual limits of Linux, macOS and Windows file systems


def _iso_date(value: object) -> object:
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


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Text = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]


def _a_path_a_folder_can_hold(path: str) -> str:
    # Such a path names no file anywhere, and the file system refuses to look it up at all
    # (a NUL is a ValueError, an overlong name an OSError) instead of saying it is missing.
    if _CONTROL.search(path):
        raise PydanticCustomError("path_control_character", "A file path cannot hold control characters")
    if len(path.encode("utf-8", "surrogatepass")) > _PATH_MAX or any(
        len(part.encode("utf-8", "surrogatepass")) > _NAME_MAX for part in re.split(r"[/\\]", path)
    ):
        raise PydanticCustomError("path_too_long", "The path is longer than a file system allows")
    return path


EvidencePath = Annotated[Text, AfterValidator(_a_path_a_folder_can_hold)]
"""A document's path, relative to the proposal."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Centre(_Section):
    """One of the communities a zonal partnership (ZIP) pools."""

    name: Text
    population: Count | None = None


class Community(_Section):
    """The place the partnership plans for."""

    name: Text
    province: Province | None = None
    population: Count | None = None
    newcomers: Count | None = None
    population_source: Text | None = Field(default=None, description="Where `population` comes from.")
    newcomers_source: Text | None = Field(default=None, description="Where `newcomers` comes from.")
    francophone_minority: bool | None = Field(
        default=None, description="A francophone minority community lives in the catchment."
    )
    few_settlement_agencies: bool | None = Field(
        default=None, description="The catchment has few immigrant-serving agencies."
    )
    centres: list[Centre] = Field(default=[], description="For a zonal partnership: every centre it pools.")


class Endorsement(_Section):
    """The municipality's or regional government's support of a community-organization applicant."""

    by: Text
    form: Literal["council-resolution", "letter"]
    date: IsoDate | None = None
    evidence: EvidencePath | None = Field(
        default=None, description="Path to the endorsement document, relative to the proposal."
    )


class Applicant(_Section):
    """The one organization that applies on the council's behalf."""

    name: Text | None = None
    type: ApplicantType | None = None
    established: int | None = Field(default=None, ge=1600, description="Founding year.")
    endorsement: Endorsement | None = None

    @field_validator("established")
    @classmethod
    def _not_in_future(cls, year: int | None, info: ValidationInfo) -> int | None:
        # "The future" is the run's `--today` (validation.validate passes it), so a rerun of an
        # old check gives the same answer; only a caller that gives no today reads the clock.
        today = (info.context or {}).get("today") or dt.date.today()
        if year is not None and year > today.year:
            raise PydanticCustomError("future_year", "{year} is in the future", {"year": year})
        return year


class _InSectors(_Section):
    """An organization with one or more sector codes, given as `sectors` or `sector`."""

    organization: Text
    sectors: list[Sector] | None = Field(default=None, min_length=1)
    sector: Sector | list[Sector] | None = Field(
        default=None, description="Shorthand for `sectors` with one code (or a list)."
    )

    @model_validator(mode="after")
    def _one_sector_field(self) -> Self:
        if self.sectors is not None and self.sector is not None:
            raise PydanticCustomError("sector_twice", "Give either `sector` or `sectors`, not both")
        if self.sectors is None and self.sector is None:
            raise PydanticCustomError("sector_missing", "A member needs at least one sector")
        if isinstance(self.sector, list) and not self.sector:
            raise PydanticCustomError("sector_missing", "A member needs at least one sector")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        """The member's sector codes, whichever way they were written."""
        if self.sectors is not None:
            return tuple(self.sectors)
        if isinstance(self.sector, list):
            return tuple(self.sector)
        return (self.sector,) if self.sector else ()


class Member(_InSectors):
    """One organization on the Partnership Council."""

    role: Role = "member"
    representative: Text | None = None


class AdvisoryTable(_Section):
    """A table that advises the council, such as one where newcomers speak for themselves."""

    name: Text
    description: Text | None = None


class Council(_Section):
    """The Partnership Council."""

    name: Text | None = None
    members: list[Member] = []
    advisory_tables: list[AdvisoryTable] = []


class CoordinatingStructure(_Section):
    """Something that links the LIP to broader city processes."""

    name: Text
    description: Text | None = None


class Support(_Section):
    """Money or in-kind support the municipality invests in the planning."""

    kind: Literal["in-kind", "financial"]
    description: Text | None = None
    # Infinity and NaN are no amount of money, and JSON has no way to write them.
    value: Annotated[int | float, Field(ge=0, allow_inf_nan=False, description="Value in CAD.")] | None = None


class MunicipalLetter(_Section):
    """The municipality's letter saying how it will take part in the partnership."""

    by: Text | None = None
    role: Literal["member", "observer", "informed"] | None = Field(
        default=None, description="Member of the council, observer, or kept informed."
    )
    date: IsoDate | None = None
    evidence: EvidencePath | None = Field(
        default=None, description="Path to the letter, relative to the proposal."
    )


class Municipality(_Section):
    """What the municipality commits to."""

    coordinating_structures: list[CoordinatingStructure] = []
    liaison_intent: Text | None = None
    support: list[Support] = []
    letter: MunicipalLetter | None = None


class PartnerSupport(_InSectors):
    """Support from a partner in a named sector: a signature, a letter, or a multi-sector meeting."""

    form: Literal["letter", "signature", "meeting"] | None = None
    date: IsoDate | None = None
    evidence: EvidencePath | None = Field(
        default=None, description="Path to the document, relative to the proposal."
    )


DirectService = Literal[
    "language-training", "employment", "information-orientation", "needs-assessment",
    "community-connections",
]  # fmt: skip


class Partnership(_Section):
    """What kind of partnership is proposed, and for how long."""

    kind: Literal["lip", "zip"] | None = Field(
        default=None, description="A local (lip) or a zonal (zip) immigration partnership."
    )
    status: Literal["new", "existing"] | None = Field(
        default=None, description="A partnership to set up, or an existing one renewing."
    )
    start: IsoDate | None = None
    end: IsoDate | None = None
    direct_services: list[DirectService] = Field(
        default=[], description="Direct services bundled in the same proposal."
    )


class Engagement(_Section):
    """A public education or media campaign in the plan."""

    kind: Literal["media-campaign", "public-education"]
    description: Text | None = None


class CommunityPlan(_Section):
    """The plan of several years the council writes (also: strategic plan, settlement strategy)."""

    years: Annotated[int, Field(ge=1)] | None = None
    description: Text | None = None


class Objective(_Section):
    """One of the call's objectives, and how the proposal addresses it."""

    objective: Literal["service-access", "labour-market", "awareness-capacity", "partnership-planning"]
    description: Text | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.objective,)


class Priority(_Section):
    """One of the funder's priorities, and what the proposal does for it."""

    priority: Literal[
        "indigenous-newcomer", "housing", "health", "mental-health", "gba-plus", "anti-racism",
        "gender-equality", "reconciliation",
    ]  # fmt: skip
    description: Text | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.priority,)


class Plan(_Section):
    """The planning work the council commits to once funded."""

    needs_research: Text | None = None
    service_inventory: Text | None = None
    gap_analysis: Text | None = None
    settlement_strategy: Text | None = None
    action_plan: Text | None = None
    funders: list[Text] = []
    terms_of_reference: Text | None = None
    community_plan: CommunityPlan | None = None
    monitoring: Text | None = Field(
        default=None, description="How the council monitors and evaluates its impact on the community."
    )
    outcomes: Text | None = Field(
        default=None,
        description="How the plan serves the funder's expected outcomes (a logic model).",
    )
    reporting: Text | None = Field(default=None, description="How the council reports each year.")
    objectives: list[Objective] = []


def _one_applicant(value: Any) -> Any:
    if isinstance(value, list):
        raise PydanticCustomError("applicant_list", "A proposal has one lead applicant, not a list")
    return value


RuleId = Annotated[str, Field(pattern=r"^[A-Z]+[0-9]{3}$")]
"""A rule's public id, e.g. `LIP301`."""


class Waiver(_Section):
    """A rule accepted as not met on purpose: who accepted it, why, and until when."""

    rule: RuleId
    reason: Text = Field(description="Why the rule does not fit, in a sentence a reviewer can check.")
    owner: Text = Field(description="Who accepted the exception (a person and their organization).")
    expires: IsoDate = Field(description="The last day the waiver applies (YYYY-MM-DD).")


class Proposal(_Section):
    """A Local Immigration Partnership funding proposal, format version 1."""

    model_config = ConfigDict(
        title="lipcheck proposal, format version 1",
        json_schema_extra={"$id": "https://lipcheck.invalid/schema/proposal-1.json"},
    )

    lipcheck: Literal[1] = Field(description="Format version of this file.")
    call: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        default="lip-2012", description="Id of the rule pack (call for proposals) answered."
    )
    title: Text | None = None
    submitted: IsoDate | None = None
    community: Community | None = None
    applicant: Annotated[Applicant | None, BeforeValidator(_one_applicant)] = None
    council: Council | None = None
    municipality: Municipality | None = None
    public_engagement: list[Engagement] = []
    mission: Text | None = None
    plan: Plan | None = None
    partnership: Partnership | None = None
    partner_support: list[PartnerSupport] = Field(
        default=[], description="Multi-sector support for a new partnership."
    )
    priorities: list[Priority] = []
    waivers: list[Waiver] = Field(
        default=[], description="Rules accepted as not met on purpose, each with a reason, an owner, an end."
    )
