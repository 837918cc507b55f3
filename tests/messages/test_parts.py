"""A Message as parts: the template's own words apart from the arguments put into them."""

from __future__ import annotations

import string

import pytest

from lipcheck.findings import Message
from lipcheck.messages import en, parts, render
from lipcheck.render.sentences import code_runs


def test_backticks_around_an_argument_are_the_templates() -> None:
    message = Message("schema.string_type", {"field": "title", "found": "a list"})
    assert parts(message) == [
        ("`", False),
        ("title", True),
        ("` should be text, not ", False),
        ("a list", True),
    ]
    assert code_runs(parts(message)) == [("title", True), (" should be text, not a list", False)]


def test_an_argument_is_kept_as_given() -> None:
    hostile = "a`b|<i>\nc`"
    message = Message("schema.string_type", {"field": hostile, "found": "`x`"})
    assert parts(message) == [
        ("`", False),
        (hostile, True),
        ("` should be text, not ", False),
        ("`x`", True),
    ]
    # Its backticks open no code, and its line break does not end the sentence's line.
    assert code_runs(parts(message)) == [("a`b|<i> c`", True), (" should be text, not `x`", False)]


def test_format_specs_conversions_and_doubled_braces_work_as_in_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert parts(Message("pack.unknown-parameter", {"name": "min"})) == [
        ("the rule refers to `${", False),
        ("min", True),
        ("}`, which the pack does not define", False),
    ]
    monkeypatch.setitem(en.MESSAGES, "test.spec", "`{value!r:>{width}}` of {total:.1f}")
    message = Message("test.spec", {"value": "a`", "width": 8, "total": 2})
    assert parts(message) == [("`", False), ("    'a`'", True), ("` of ", False), ("2.0", True)]
    assert render(message) == "`    'a`'` of 2.0"


def test_a_message_as_argument_gives_its_own_parts() -> None:
    inner = Message("hint.did-you-mean", {"suggestion": "a`b"})
    message = Message("schema.other", {"field": "type", "detail": inner})
    assert parts(message) == [
        ("`", False),
        ("type", True),
        ("`: ", False),
        ("did you mean `", False),
        ("a`b", True),
        ("`?", False),
    ]
    assert code_runs(parts(message)) == [
        ("type", True),
        (": did you mean ", False),
        ("a`b", True),
        ("?", False),
    ]
    assert render(message) == "`type`: did you mean `a`b`?"


def test_an_unknown_id_is_shown_as_it_is() -> None:
    assert parts(Message("no.such-message", {"x": 1})) == [("no.such-message", False)]


def test_a_message_without_arguments_is_its_template() -> None:
    assert parts(Message("hint.format-version")) == [("add `lipcheck: 1` as the first line", False)]


@pytest.mark.parametrize("message_id", sorted(en.MESSAGES))
def test_joined_parts_are_the_rendered_sentence(message_id: str) -> None:
    template = en.MESSAGES[message_id]
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    message = Message(message_id, {name: f"<{name}>`|\n" for name in fields})
    assert "".join(words for words, _ in parts(message)) == render(message)


def test_a_backtick_the_template_never_closes_is_shown() -> None:
    assert code_runs([("one ` two ", False), ("x", True)]) == [("one ` two x", False)]
    assert code_runs([("`a` and `", False)]) == [("a", True), (" and `", False)]


def test_an_empty_argument_in_code_keeps_its_span() -> None:
    assert code_runs(parts(Message("schema.string_too_short", {"field": ""}))) == [
        ("", True),
        (" is empty", False),
    ]
