"""A placeholder is *not filled in* for every rule: one definition, in validation, not per check."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lipcheck.loader import load_text
from lipcheck.pipeline import Packs, assess
from lipcheck.placeholders import WORDS, is_placeholder

TODAY = dt.date(2026, 1, 1)


def report(text: str):  # type: ignore[no-untyped-def]
    return assess(load_text(text), "p.yaml", Packs(), TODAY)


@pytest.mark.parametrize("placeholder", ["TODO", "TBD", "À compléter", "...", '""', "todo", "'  '", "TODO."])
def test_a_placeholder_does_not_meet_a_rule_asking_for_the_field(placeholder: str) -> None:
    result = report(f"lipcheck: 1\nplan:\n  gap_analysis: {placeholder}\n")
    assert result.verdict.value != "invalid"
    assert next(r for r in result.results if r.rule == "LIP403").status.value == "unmet"
    assert [spot.field for spot in result.placeholders] == ["plan.gap_analysis"]


def test_placeholders_in_typed_fields_are_valid_format() -> None:
    result = report(
        "lipcheck: 1\nsubmitted: TODO\ncommunity:\n  name: TODO\n  province: TBD\n  population: TODO\n"
        "applicant:\n  type: TODO\n  established: TODO\ncouncil:\n  members:\n    - organization: TODO\n"
        "      sectors: [TODO]\n    - {organization: City of Brooks, sectors: [municipal]}\n"
    )
    assert result.verdict.value in ("not-ready", "ineligible")
    # The placeholder member is gone; the next keeps its own line.
    assert [m.organization for m in result.roster] == ["City of Brooks"]
    assert result.roster[0].location is not None and result.roster[0].location.line == 14


def test_real_text_is_filled_in() -> None:
    result = report("lipcheck: 1\nplan:\n  gap_analysis: TODO list of gaps, compared with the inventory\n")
    assert next(r for r in result.results if r.rule == "LIP403").status.value == "met"
    assert result.placeholders == ()


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("title: A plan\nmission: [x, y]\ncount: 3\n", False),
        ("title: TODO\n", True),
        ('council: {members: ["", x]}\n', True),
        ("mission: |\n\ntitle: x\n", True),  # an empty block scalar is blank text
        ("title: !!str ...\n", True),
        ("TODO: the key is no placeholder\n", False),
        ("title: 'À compléter…'\n", True),
    ],
)
def test_the_loader_notes_whether_a_value_is_a_placeholder(text: str, holds: bool) -> None:
    from dataclasses import replace

    from lipcheck.placeholders import filled_in

    document = load_text(text)
    assert document.may_hold_placeholders is holds
    # What the loader notes only saves work: taking placeholders out finds what it would anyway.
    _, found = filled_in(replace(document, may_hold_placeholders=True))
    assert bool(found) is holds


def _placeholder_by_definition(value: str) -> bool:
    """The definition, spelled out without the shortcuts `is_placeholder` takes for speed."""
    folded = unicodedata.normalize("NFC", value.strip()).casefold()
    written = (*WORDS, "…", "a completer", "à completer", "")
    words = {unicodedata.normalize("NFC", word).casefold() for word in written}
    return folded in words or folded.rstrip(".…").strip() in {"todo", "tbd", "à compléter"}


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="TtOoDdBbAaÀàcCmMpPlLéÉeErR .…\u0300\u00a0\t", max_size=16),
        st.sampled_from(
            ["TODO", " todo ", "Tbd...", "À compléter", "A compléter", "a completer", "...", "…", "TODO. ."]
        ),
        st.text(max_size=16),
    )
)
def test_is_placeholder_answers_as_the_definition_does(value: str) -> None:
    assert is_placeholder(value) == _placeholder_by_definition(value)
