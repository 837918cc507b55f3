"""Editor completion: every property of the JSON Schema has a title and a description from the catalogue."""

from __future__ import annotations

import json

import pytest

from lipcheck.language import LANGUAGES
from lipcheck.schema import properties, schema_object


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_property_has_a_title_and_a_description(lang: str) -> None:
    missing = [
        path
        for path, node in properties(schema_object(lang))
        if not node.get("title") or not node.get("description")
    ]
    assert missing == [], f"add field.<path>.title and .description to lipcheck/messages/en.py for: {missing}"


def test_the_schema_has_no_dead_id_url() -> None:
    schema = schema_object()
    assert "$id" not in schema or not str(schema["$id"]).startswith(("http:", "https:"))


def test_coded_fields_say_what_their_values_mean() -> None:
    described = {path: node["description"] for path, node in properties(schema_object())}
    assert "lipcheck sectors" in described["council.members.sectors"]
    assert "co-chair" in described["council.members.role"]
    assert "in-kind" in described["municipality.support.kind"]


def test_some_properties_offer_examples() -> None:
    examples = {path: node.get("examples") for path, node in properties(schema_object())}
    assert examples["community.province"] == ["AB"]
    assert json.dumps(schema_object(), ensure_ascii=False)  # serialisable as written to disk
