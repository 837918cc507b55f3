"""The proposal format exported as JSON Schema (docs/proposal.schema.json is a generated copy)."""

from __future__ import annotations

import json
from typing import Any

from lipcheck.model import Proposal


def schema_json(lang: str = "en") -> str:
    """The JSON Schema of the proposal format, its descriptions in `lang`.

    A description in another language than English is the catalogue's `schema.<dotted.path>`
    (`schema.community.province`), where the catalogue has one; the field's own otherwise.
    """
    schema = Proposal.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    if lang != "en":
        _describe(schema, schema, (), lang)
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _describe(node: Any, root: dict[str, Any], path: tuple[str, ...], lang: str, depth: int = 0) -> None:
    """Each property's description under `node` put in `lang`, following `$ref`s to their sections."""
    from lipcheck.messages import has, text

    if not isinstance(node, dict) or depth > 12:
        return
    for name, prop in (node.get("properties") or {}).items():
        where = (*path, name)
        message_id = "schema." + ".".join(where)
        if isinstance(prop, dict) and has(message_id, lang):
            prop["description"] = text(message_id, lang)
        for target in _sections(prop, root):
            _describe(target, root, where, lang, depth + 1)


def _sections(prop: Any, root: dict[str, Any]) -> list[Any]:
    """The section schemas a property leads to: its `$ref`, its items' or its alternatives'."""
    if not isinstance(prop, dict):
        return []
    found: list[Any] = []
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        found.append(root.get("$defs", {}).get(ref.removeprefix("#/$defs/")))
    for key in ("items", "anyOf", "allOf", "oneOf"):
        value = prop.get(key)
        for each in value if isinstance(value, list) else [value] if value else []:
            found += _sections(each, root) if isinstance(each, dict) and "properties" not in each else [each]
    return found
