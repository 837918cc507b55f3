"""The proposal format exported as JSON Schema (docs/proposal.schema.json is a generated copy).

Every property's title and description come from the message catalogue (`field.<dotted.path>.title`
and `.description`), so an editor completes in the user's language; the model holds no English.
"""

from __future__ import annotations

import json
from typing import Any

from lipcheck.messages import has, text
from lipcheck.model import Proposal

EXAMPLES: dict[str, list[Any]] = {
    "title": ["Brooks Local Immigration Partnership"],
    "submitted": ["2012-03-15"],
    "community.name": ["City of Brooks and County of Newell"],
    "community.province": ["AB"],
    "community.population": [14451],
    "applicant.name": ["Brooks and County Immigration Services"],
    "applicant.established": [1985],
    "council.members": [[{"organization": "City of Brooks", "sectors": ["municipal"], "role": "co-chair"}]],
    "council.members_file": ["council.csv"],
    "municipality.support.value": [15000],
    "mission": ["Brooks welcomes newcomers and helps them belong."],
}
"""Values an editor may offer as examples, by dotted path (data, not sentences)."""


def properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every property of `schema` with its dotted path (list entries add no step), in schema order."""
    found: list[tuple[str, dict[str, Any]]] = []
    definitions = schema.get("$defs", {})

    def walk(node: dict[str, Any], path: tuple[str, ...], depth: int) -> None:
        if depth > 20:
            return
        if "$ref" in node:
            walk(definitions[node["$ref"].split("/")[-1]], path, depth + 1)
        for key in ("anyOf", "oneOf", "allOf"):
            for choice in node.get(key, []):
                walk(choice, path, depth + 1)
        if isinstance(node.get("items"), dict):
            walk(node["items"], path, depth + 1)
        for name, child in node.get("properties", {}).items():
            found.append((".".join((*path, name)), child))
            walk(child, (*path, name), depth + 1)

    walk(schema, (), 0)
    return found


def schema_object(lang: str = "en") -> dict[str, Any]:
    """The JSON Schema of the format, with titles, descriptions and examples in `lang`."""
    schema = Proposal.model_json_schema(mode="validation")
    schema.pop("$id", None)  # no URL serves it: an editor reads the file the modeline names
    schema["title"] = text("schema.doc.title", lang)
    schema["description"] = text("schema.doc.description", lang)
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)
        definition.pop("description", None)  # the model's docstrings are English; the catalogue speaks
    for path, node in properties(schema):
        for part in ("title", "description"):
            message_id = f"field.{path}.{part}"
            if has(message_id):
                node[part] = text(message_id, lang)
            else:
                node.pop(part, None)
        if path in EXAMPLES:
            node["examples"] = EXAMPLES[path]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_json(lang: str = "en") -> str:
    return json.dumps(schema_object(lang), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
