"""The one pass every format's document goes through: nothing GitHub's runner would obey is left,
and each medium's reader still gets the text back."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

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


# What ICU's root collator ignores beyond the Cc/Cf/Cs/Co/Cn/Mn/Me categories and the Hangul
# fillers (a probe with ucol_strcoll("##", "#" + c + "#") over every code point, ICU 74).
ICU_IGNORED_LETTERS_AND_SYMBOLS = (
    "\u0640", "\u07fa", "\u0f3e", "\u0f3f", "\u180a", "\u1cd3", "\u1ce1", "\u1cf7", "\ufe73",
    "\U0001d165", "\U0001d166", "\U0001d16d", "\U0001d16e", "\U0001d16f", "\U0001d170",
    "\U0001d171", "\U0001d172",
)  # fmt: skip
PROBE = Path("/tmp/probe/icu/ign.txt")


def _icu_ignored() -> list[str]:
    """The probe's list, when this machine has it, or the code points above."""
    try:
        listed = PROBE.read_text(encoding="ascii").split()
    except OSError:
        return list(ICU_IGNORED_LETTERS_AND_SYMBOLS)
    return [chr(int(code, 16)) for code in listed]


def test_the_defuser_keeps_no_list_of_invisible_characters_so_icu_ignorables_are_caught() -> None:
    """Whatever ICU ignores between the marks, the `[` or the first colon is escaped."""
    for char in sorted(set(_icu_ignored()) | set(ICU_IGNORED_LETTERS_AND_SYMBOLS)):
        for line in (f"Evil #{char}#[error title=pwned]INJ", f"{char}:{char}:error::x", f"#{char}{char}#[x"):
            for medium in (TEXT, MARKUP, MARKDOWN):
                assert obeyed(defuse(line, medium)) == [], (hex(ord(char)), medium)
            document = defuse(json.dumps(["\u2028" + line], ensure_ascii=False), JSON)
            assert obeyed(document) == [], hex(ord(char))
    assert defuse("Evil #\u0640#[error title=pwned]INJ", TEXT) == "Evil #\u0640#\\x5berror title=pwned]INJ"
    assert defuse(":\u0640:error::x", TEXT) == "\\x3a\u0640:error::x"


def test_the_model_of_the_runner_sees_through_an_icu_ignorable_letter() -> None:
    """The test model does not share the defuser's idea of invisible: it ignores all but printable ASCII."""
    assert obeyed("Evil #\u0640#[error title=pwned]INJ") != []
    assert obeyed(":\u07fa:error::x") != []


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
