"""Starting a proposal: the commented template `lipcheck init` writes, and the shipped examples.

The template holds every field the chosen call's rules read, each with a one-line comment and a
placeholder that lipcheck reads as *not filled in* (lipcheck.placeholders), so the file is valid
from the start and its report says what to write next.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from lipcheck.checks import written_options
from lipcheck.frozen import frozen
from lipcheck.messages import text
from lipcheck.packs import Pack

SCHEMA_FILE = "proposal.schema.json"
MODELINE = "# yaml-language-server: $schema={schema}"

# Fields a check kind reads without naming them in its options (the rest name theirs: `fields`,
# `field`, `when`).
KIND_READS: dict[str, tuple[str, ...]] = {
    "applicant_present": ("applicant.name", "applicant.type"),
    "applicant_type": ("applicant.type",),
    "endorsement": ("applicant.endorsement",),
    "established": ("applicant.established",),
    "sector_coverage": ("council.members",),
    "council_breadth": ("council.members",),
    "coordinating_structures": ("municipality.coordinating_structures",),
    "welcoming_mission": ("mission",),
    "duplicate_members": ("council.members",),
    "province": ("community.province",),
    "partnership_term": ("partnership.start", "partnership.end", "partnership.kind"),
    "zip_centres": ("partnership.kind", "community.centres"),
    "newcomer_voice": ("council.advisory_tables",),
    "municipal_letter": ("municipality.letter",),
    "community_plan": ("plan.community_plan",),
    "municipal_lead": ("applicant.type", "council.members"),
}
ALWAYS = ("title", "submitted", "community.name", "community.province", "council.name", "council.members")


@frozen
class Field:
    """One line of the template: a dotted path, and how its placeholder is written."""

    path: str
    shape: str = "text"
    """`text` (a placeholder), `list` (an empty list and a commented entry), `section` (a heading)."""
    entry: bool = False
    """For a list: whether the template shows an example entry, commented out, in flow style; the
    entries are data in both languages (data/init-entries.yaml)."""


TEMPLATE: tuple[Field, ...] = (
    Field("title"),
    Field("submitted"),
    Field("community", "section"),
    Field("community.name"),
    Field("community.province"),
    Field("community.population"),
    Field("community.newcomers"),
    Field("community.francophone_minority"),
    Field("community.centres", "list", True),
    Field("applicant", "section"),
    Field("applicant.name"),
    Field("applicant.type"),
    Field("applicant.established"),
    Field("applicant.endorsement", "section"),
    Field("applicant.endorsement.by"),
    Field("applicant.endorsement.form"),
    Field("applicant.endorsement.date"),
    Field("applicant.endorsement.evidence"),
    Field("council", "section"),
    Field("council.name"),
    Field("council.members", "list", True),
    Field("council.advisory_tables", "list", True),
    Field("municipality", "section"),
    Field("municipality.coordinating_structures", "list", True),
    Field("municipality.liaison_intent"),
    Field("municipality.support", "list", True),
    Field("municipality.letter", "section"),
    Field("municipality.letter.by"),
    Field("municipality.letter.role"),
    Field("municipality.letter.date"),
    Field("municipality.letter.evidence"),
    Field("public_engagement", "list", True),
    Field("mission"),
    Field("partnership", "section"),
    Field("partnership.kind"),
    Field("partnership.status"),
    Field("partnership.start"),
    Field("partnership.end"),
    Field("partnership.direct_services", "list"),
    Field("partner_support", "list", True),
    Field("plan", "section"),
    Field("plan.needs_research"),
    Field("plan.service_inventory"),
    Field("plan.gap_analysis"),
    Field("plan.settlement_strategy"),
    Field("plan.action_plan"),
    Field("plan.funders", "list", True),
    Field("plan.terms_of_reference"),
    Field("plan.community_plan", "section"),
    Field("plan.community_plan.years"),
    Field("plan.community_plan.description"),
    Field("plan.monitoring"),
    Field("plan.outcomes"),
    Field("plan.reporting"),
    Field("plan.objectives", "list", True),
    Field("priorities", "list", True),
)


def fields_read(pack: Pack) -> set[str]:
    """The dotted fields the pack's rules read (`partner_support[].evidence` read as `partner_support`)."""
    read = set(ALWAYS)
    for rule in pack.rules:
        read.update(KIND_READS.get(rule.kind, ()))
        options = written_options(rule.params)
        for name in ("fields", "field", "when"):
            value = options.get(name)
            for path in (value,) if isinstance(value, str) else (value or ()):
                read.add(str(path).replace("[]", ""))
    return read


def _wanted(field: Field, read: set[str]) -> bool:
    return any(path == field.path or path.startswith(field.path + ".") or field.path.startswith(path + ".")
               for path in read)  # fmt: skip


def template(
    pack: Pack,
    lang: str = "en",
    community: str | None = None,
    province: str | None = None,
    schema: str = SCHEMA_FILE,
    members: tuple[str, ...] = (),
    members_file: str | None = None,
) -> str:
    """The commented proposal for `pack`'s call: valid YAML, valid format, every placeholder unfilled.

    `members` are lines already written as YAML flow mappings (from a spreadsheet); `members_file`
    names a spreadsheet the proposal reads its roster from instead.
    """
    placeholder = "À compléter" if lang == "fr" else "TODO"
    read = fields_read(pack)
    given = {"community.name": community, "community.province": province}
    lines = [
        MODELINE.format(schema=schema),
        f"# {text('init.header', lang, call=pack.id, title=pack.title.in_(lang))}",
        f"# {text('init.placeholders', lang, placeholder=placeholder)}",
        "lipcheck: 1",
        f"call: {pack.id}",
    ]
    for field in TEMPLATE:
        if not _wanted(field, read):
            continue
        depth = field.path.count(".")
        indent = "  " * depth
        key = field.path.rsplit(".", 1)[-1]
        comment = text(f"field.{field.path}.description", lang)
        if field.shape == "section":
            lines += [f"{indent}# {comment}", f"{indent}{key}:"]
            continue
        lines.append(f"{indent}# {comment}")
        if field.path == "council.members" and (members or members_file):
            if members_file:
                lines.append(f"{indent}members_file: {json.dumps(members_file, ensure_ascii=False)}")
            if members:
                lines.append(f"{indent}{key}:")
                lines += [f"{indent}  - {member}" for member in members]
            else:
                lines.append(f"{indent}{key}: []")
            continue
        if field.shape == "list":
            lines.append(f"{indent}{key}: []")
            if field.entry:
                lines.append(f"{indent}#   - {example_entries()[field.path][lang]}")
            continue
        value = given.get(field.path)
        lines.append(f"{indent}{key}: {json.dumps(value, ensure_ascii=False) if value else placeholder}")
    return "\n".join(lines) + "\n"


@functools.cache
def example_entries() -> dict[str, dict[str, str]]:
    """The example entry of each list of the template, by dotted path and language."""
    from lipcheck.package_data import read_yaml

    entries: dict[str, dict[str, str]] = read_yaml("init-entries.yaml")
    return entries


def examples_folder() -> Path:
    """Where the shipped examples live: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "examples"
    return installed if installed.is_dir() else here.parent / "examples"


def example_names() -> list[str]:
    """The shipped examples' names (file names without `.yaml`), sorted."""
    folder = examples_folder()
    return sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []


def example_text(name: str) -> str | None:
    """The shipped example `name`, or None when there is no such example."""
    if name not in example_names():
        return None
    return (examples_folder() / f"{name}.yaml").read_text(encoding="utf-8")
