"""A value older YAML tools would retype stays text, and the finding says why it does not fit."""

from __future__ import annotations

import pytest

from lipcheck.loader import load_text
from lipcheck.messages import render
from lipcheck.validation import validate


def hint_for(text: str) -> str:
    _, findings = validate(load_text(text))
    assert len(findings) == 1
    hint = findings[0].hint
    assert hint is not None
    return render(hint)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("community: {name: Oslo, province: NO}", "as true or false), and it is not one of: AB"),
        ("community: {name: X, population: 0755}", "starts with 0, which older YAML tools read as an octal"),
        ("applicant: {established: 1:30}", "read it as a base-60 number"),
        ("submitted: yes", "would read it as true or false); write the value the field expects"),
    ],
)
def test_the_hint_explains_the_retyping(written: str, said: str) -> None:
    assert said in hint_for(f"lipcheck: 1\n{written}\n")


def test_ordinary_text_gets_the_ordinary_hint() -> None:
    assert "older YAML" not in hint_for("lipcheck: 1\ncommunity: {name: X, province: Ontario}\n")
