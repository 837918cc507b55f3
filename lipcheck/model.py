"""The proposal format, version 1, as a pydantic schema (a public contract: add, never rename).

Nearly every section is optional so that a draft still validates and the rules, not the
schema, say what is missing. The schema is strict about shapes and types: a number where
text belongs is an error, never silently converted.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from lipcheck.codes import (  # noqa: F401 - the vocabularies are part of this module's contract
    FORMAT_VERSION,
    ISO_DATE,
    SECTOR_CODES,
    ApplicantType,
    DirectService,
    Province,
    Role,
    Sector,
)
from lipcheck.records import (
    InSectors,
    ObjectiveCodes,
    PriorityCodes,
    WithMembers,
    a_path_a_folder_can_hold,
    an_amount,
    iso_date,
    not_in_future,
    one_applicant,
    one_sector_field,
)

IsoDate = Annotated[
    dt.date,
    BeforeValidator(iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Text = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]

EvidencePath = Annotated[Text, AfterValidator(a_path_a_folder_can_hold)]
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
    # "The future" is the run's `--today` (validation passes it as context).
    established: Annotated[int, Field(ge=1600), AfterValidator(not_in_future)] | None = Field(
        default=None, description="Founding year."
    )
    endorsement: Endorsement | None = None


class _InSectors(_Section, InSectors):
    """An organization with sector codes, given as `sectors` or `sector`, or read from its name."""

    organization: Text
    sectors: list[Sector] | None = Field(default=None, min_length=1)
    sector: Sector | list[Sector] | None = Field(
        default=None, description="Shorthand for `sectors` with one code (or a list)."
    )

    _one_sector_field = model_validator(mode="after")(one_sector_field)


class Member(_InSectors):
    """One organization on the Partnership Council."""

    role: Role = "member"
    representative: Text | None = None


class AdvisoryTable(_Section):
    """A table that advises the council, such as one where newcomers speak for themselves."""

    name: Text
    description: Text | None = None


class Council(_Section, WithMembers):
    """The Partnership Council."""

    name: Text | None = None
    members: list[Member] = []
    members_file: EvidencePath | None = None
    """A CSV roster beside the proposal; the loader reads it into `members` (see council_file)."""
    advisory_tables: list[AdvisoryTable] = []


class CoordinatingStructure(_Section):
    """Something that links the LIP to broader city processes."""

    name: Text
    description: Text | None = None


class Support(_Section):
    """Money or in-kind support the municipality invests in the planning."""

    kind: Literal["in-kind", "financial"]
    description: Text | None = None
    value: (
        Annotated[
            int | float,
            AfterValidator(an_amount),
            WithJsonSchema({"type": "number", "minimum": 0, "description": "Value in CAD."}),
        ]
        | None
    ) = None


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


class Objective(_Section, ObjectiveCodes):
    """One of the call's objectives, and how the proposal addresses it."""

    objective: Literal["service-access", "labour-market", "awareness-capacity", "partnership-planning"]
    description: Text | None = None


class Priority(_Section, PriorityCodes):
    """One of the funder's priorities, and what the proposal does for it."""

    priority: Literal[
        "indigenous-newcomer", "housing", "health", "mental-health", "gba-plus", "anti-racism",
        "gender-equality", "reconciliation",
    ]  # fmt: skip
    description: Text | None = None


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

    model_config = ConfigDict(title="lipcheck proposal, format version 1")

    lipcheck: Literal[1] = Field(description="Format version of this file.")
    call: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        default="lip-2012", description="Id of the rule pack (call for proposals) answered."
    )
    language: Literal["en", "fr"] | None = Field(
        default=None,
        description="Language the proposal is written in (en or fr): its report is in that language "
        "unless --lang, LIPCHECK_LANG, the configuration or the locale chooses one.",
    )
    title: Text | None = None
    submitted: IsoDate | None = None
    community: Community | None = None
    applicant: Annotated[Applicant | None, BeforeValidator(one_applicant)] = None
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
