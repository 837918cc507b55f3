r"""What a CI runner would obey in a report, defused: every format passes its whole document through here.

GitHub's runner reads each line a step prints twice (actions/runner, `ActionCommand.cs`):
`TryParseV2` takes a line that starts with `::` once leading white space is trimmed, and the
legacy `TryParse` takes `##[` *anywhere* in the line. Both use .NET's culture-sensitive
`StartsWith`/`IndexOf`, which with ICU skip characters that weigh nothing in collation (zero-width
spaces, joiners, soft hyphens, control characters, combining marks, but also letters such as
U+0640 ARABIC TATWEEL and musical symbols): `#\u200b#[` is `##[` to the runner, and a zero-width
space between two colons does not break them. Which characters ICU ignores depends on its version
and data, so the defusing does not try to know: anything that is not printable ASCII may be
invisible, and `#`, then any run of such characters, then `#`, then `[` is defused, as is a line
whose first visible characters are `:`, any run of such characters, `:`. What it puts in is
visible: each medium's own escape for `[` or `:`
(JSON `\u005b`, HTML and XML `&#91;`, Markdown `\[`), which its reader turns back into the
character, or the terminal's visible `\x5b` where there is no such escape.

The same pass turns lone surrogates (a file name that is not UTF-8, decoded by Python with
`surrogateescape`) into escapes, so no output ever fails to encode as UTF-8.
"""

from __future__ import annotations

import re

from lipcheck.frozen import frozen

# Where .NET's StreamReader (and Python's splitlines) starts a new line.
_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every character that is not printable ASCII may weigh nothing to the runner's ICU (no printable
# ASCII character does): too wide a net only escapes a `[` or `:` that needed none, too narrow a
# one lets a command through. A regular expression, so that a document with none costs a scan in C.
_LEGACY = re.compile("#[^\x20-\x7e]*#[^\x20-\x7e]*\\[")
# Each match starts at a line break before the line (a break is put before the document); before
# the first colon, white space (trimmed by the runner) or anything possibly invisible, and between
# the colons anything possibly invisible: the breaks Python knows but the runner's reader does not
# (U+001C, U+2028, ...) are controls or separators to it, so they are in both runs, CR and LF not.
_LINE_START = re.compile(f"[{_BREAKS}](?P<lead>[^\x21-\x7e\r\n]*):[^\x20-\x7e\r\n]*:")


@frozen
class Medium:
    """How one output format writes `[` and `:` so its reader still sees them, but a runner does not."""

    bracket: str
    colon: str
    surrogate: str
    """A format string for a lone surrogate, given `code` (its code point) and `byte` (the byte
    it stands for, when it is one of a file name's bytes that are not UTF-8)."""
    text_breaks: str | None = None
    """The only line breaks text can bring into this medium's documents, when the medium's own
    lines never start with a colon (JSON escapes every other break); None: look at every line."""


TEXT = Medium(bracket="\\x5b", colon="\\x3a", surrogate="\\x{byte:02x}")
JSON = Medium(bracket="\\u005b", colon="\\u003a", surrogate="\\u{code:04x}", text_breaks="\x85\u2028\u2029")
MARKUP = Medium(bracket="&#91;", colon="&#58;", surrogate="\\x{byte:02x}")
"""HTML and XML: character references, which every parser turns back into the character."""
MARKDOWN = Medium(bracket="\\[", colon="\\:", surrogate="\\\\x{byte:02x}")
"""CommonMark: a backslash escapes any ASCII punctuation."""


def defuse(document: str, medium: Medium, own_commands: bool = False) -> str:
    """`document` with no `##[` the runner could read and no line it could take for a `::` command.

    `own_commands`: the document is lipcheck's GitHub format, whose every line is a command lipcheck
    wrote on purpose (its values are escaped by the format), so lines starting with `::` stay.
    """
    try:
        document.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate fails: far faster to learn than to search
        document = _SURROGATE.sub(lambda match: _surrogate(match.group(), medium), document)
    if "#" in document and "[" in document:
        document = _defuse_legacy(document, medium)
    if not own_commands and ":" in document and _may_start_lines(document, medium):
        document = _defuse_line_starts(document, medium)
    return document


def _may_start_lines(document: str, medium: Medium) -> bool:
    return medium.text_breaks is None or any(char in document for char in medium.text_breaks)


def _surrogate(char: str, medium: Medium) -> str:
    code = ord(char)
    byte = code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else code
    return medium.surrogate.format(code=code, byte=byte)


def _defuse_legacy(document: str, medium: Medium) -> str:
    """Each `[` after two `#` (with only possibly invisible characters between) as the medium's escape."""
    return _LEGACY.sub(lambda match: match.group()[:-1] + medium.bracket, document)


def _defuse_line_starts(document: str, medium: Medium) -> str:
    """A line whose first visible characters are two colons gets its first colon escaped."""
    return _LINE_START.sub(lambda match: _escape_first_colon(match, medium), "\n" + document)[1:]


def _escape_first_colon(match: re.Match[str], medium: Medium) -> str:
    found = match.group()
    colon = 1 + len(match.group("lead"))  # after the line break the match starts with
    return found[:colon] + medium.colon + found[colon + 1 :]
