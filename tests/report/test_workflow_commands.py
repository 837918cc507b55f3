"""The one pass every format's document goes through: nothing GitHub's runner would obey is left,
and each medium's reader still gets the text back."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from lipcheck.render.workflow_commands import JSON, MARKDOWN, MARKUP, TEXT, defuse
from tests.badinput.workflow_runner import obeyed

HIDDEN = [
    "##[add-mask]secret",
    "text ##[error]in the middle",
    "#\u200b#[warning]zero-width space",
    "#\u00ad#\u200d[debug]soft hyphen and joiner",
    "::error::at the start",
    "   \t::warning::after white space",
    "\u200b::notice::after a zero-width space",
    ":\u200b:error::split by a zero-width space",
    "\u00a0\u3000::group::after wide spaces",
]


@pytest.mark.parametrize("line", HIDDEN)
def test_the_runner_obeys_each_form_before_and_nothing_after(line: str) -> None:
    assert obeyed(line) == [line]
    for medium in (TEXT, MARKUP, MARKDOWN):
        assert obeyed(defuse(line, medium)) == []
    # JSON's own lines never start with text: only a value with a raw U+2028 can start one.
    assert obeyed(defuse(json.dumps([line, "\u2028" + line], ensure_ascii=False), JSON)) == []


def test_json_escapes_are_json_own_so_the_text_comes_back_exactly() -> None:
    value = "\n".join(HIDDEN) + "\u2028::error::after a line separator"
    document = defuse(json.dumps({"title": value}, ensure_ascii=False), JSON)
    assert obeyed(document) == []
    assert json.loads(document)["title"] == value


def test_html_character_references_give_the_text_back() -> None:
    value = "x\n::error::forged ##[add-mask]y"
    shown: list[str] = []
    parser = HTMLParser()
    parser.handle_data = shown.append  # type: ignore[method-assign]
    parser.feed(defuse(f"<p>{value}</p>", MARKUP))
    assert "".join(shown) == value


def test_the_terminal_sees_a_visible_escape() -> None:
    assert defuse("##[add-mask]x", TEXT) == "##\\x5badd-mask]x"
    assert defuse("a\n::error::x", TEXT) == "a\n\\x3a:error::x"


def test_lipcheck_own_commands_stay_but_not_a_legacy_one_inside_them() -> None:
    line = "::error file=p.yaml,title=LIP101::##[add-mask]x\n"
    assert defuse(line, TEXT, own_commands=True) == "::error file=p.yaml,title=LIP101::##\\x5badd-mask]x\n"


def test_a_colon_pair_not_at_a_line_start_and_brackets_after_one_hash_stay() -> None:
    for text in ("std::vector", "a :: b", "# [heading]", "#x#[y]", "[##]"):
        assert defuse(text, TEXT) == text


def test_lone_surrogates_become_escapes_so_output_encodes() -> None:
    name = b"bad\xff.yaml".decode("utf-8", "surrogateescape")
    assert defuse(name, TEXT) == "bad\\xff.yaml"
    assert json.loads(defuse(json.dumps(name, ensure_ascii=False), JSON)) == name
    defuse(name, MARKUP).encode("utf-8")
