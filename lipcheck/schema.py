"""The proposal format exported as JSON Schema (docs/proposal.schema.json is a generated copy)."""

from __future__ import annotations

import json

from lipcheck.model import Proposal


def schema_json() -> str:
    schema = Proposal.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
