"""The block reader gives the full loader's Document for every file it reads, and reads the plain ones.

Its subset is only a shortcut: for any text, `read_block` either declines (None) or gives exactly
what `load_composed` gives — data with its types, every key's and value's line and column, no
finding, the same placeholder note — and so does it when it reads a file unplaced, its positions
worked out when first asked for. These tests compare the two on every YAML file the project
ships, on generated block-style files, and on those files mutated at random.
"""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipcheck import block_reader
from lipcheck.block_reader import read_block
from lipcheck.composed_reader import load_composed
from lipcheck.loader import Document, Limits, load_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EVERY_YAML = sorted(
    path
    for folder in ("examples", "tests", "rules", "docs")
    for pattern in ("*.yaml", "*.yml")
    for path in (ROOT / folder).rglob(pattern)
)
LIMITS = Limits()
LONG = os.environ.get("LIPCHECK_FUZZ") == "long"
MANY = settings(
    max_examples=1000 if LONG else 200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def typed(data: Any) -> Any:
    """`data` with each scalar's type beside it: `1`, `1.0` and `True` are different answers."""
    if isinstance(data, dict):
        return {key: typed(value) for key, value in data.items()}
    if isinstance(data, list):
        return [typed(value) for value in data]
    return (type(data).__name__, data)


def _pair(mark: Any) -> tuple[int, int]:
    """A position as (line, column) from 0, whichever reader made it."""
    return mark if isinstance(mark, tuple) else (mark.line, mark.column)


def spots(document: Document) -> tuple[dict[Any, tuple[int, int]], dict[Any, tuple[int, int]]]:
    positions = document.positions
    return (
        {path: _pair(mark) for path, mark in positions.values.items()},
        {path: _pair(mark) for path, mark in positions.keys.items()},
    )


def assert_same_as_full_loader(text: str, limits: Limits = LIMITS) -> Document | None:
    """Read `text` both ways; when the block reader takes it, the two Documents must agree."""
    quick = read_block(text, limits)
    if quick is None:
        return None
    full = load_composed(text, limits)
    assert full.findings == ()
    assert typed(quick.data) == typed(full.data)
    assert spots(quick) == spots(full)
    assert quick.may_hold_placeholders == full.may_hold_placeholders
    # Read unplaced (a brief report), it gives the same data and, once asked, the same table.
    unplaced = read_block(text, limits, placed=False)
    assert unplaced is not None
    assert typed(unplaced.data) == typed(full.data)
    assert unplaced.may_hold_placeholders == full.may_hold_placeholders
    assert spots(unplaced) == spots(full)
    return quick


class TestShippedFiles:
    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
    def test_every_shipped_example_is_read_by_it_as_the_full_loader_reads_it(self, path: Path) -> None:
        assert assert_same_as_full_loader(path.read_text(encoding="utf-8")) is not None

    @pytest.mark.parametrize("path", EVERY_YAML, ids=lambda path: str(path.relative_to(ROOT)))
    def test_any_yaml_file_of_the_project_is_read_the_same_or_declined(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return  # the loader refuses it before either reader sees it
        if "\x00" in text or any(char in text for char in "\x85\u2028\u2029"):
            return  # likewise: load_text answers before reading
        assert_same_as_full_loader(text.removeprefix("\ufeff"))


class TestWhatItLeavesToTheFullLoader:
    @pytest.mark.parametrize(
        "text",
        [
            "a: 1\na: 2\n",  # a duplicate key is a finding
            "a:\n\tb: 1\n",  # a tab
            "a: 1\r\nb: 2\r\n",  # a carriage return
            "a: &x 1\nb: *x\n",  # an anchor and an alias
            "a: !!str 1\n",  # a tag
            "a: |\n  text\n",  # a block scalar
            "a: one\n  two\n",  # a value over two lines
            "a: 'it\n  is'\n",  # a quoted value over two lines
            'a: "tab\\there"\n',  # an escape
            "---\na: 1\n",  # a document marker
            "- a\n- b\n",  # a list at the top
            "a: {b: 1}\n",  # a flow mapping
            "a: [b, [c]]\n",  # a nested flow list
            "a: [b, ]\n",  # a trailing comma
            "a: [b: c]\n",  # a pair in a flow list
            "a: b: c\n",  # a colon inside a value
            "a:\n  -\n    b: 1\n",  # an entry below its dash
            "? a\n: b\n",  # an explicit key
            "a: 12345678901234567890123456789" + "0" * 5000 + "\n",  # more digits than Python converts
            "",  # nothing at all
            "# only a comment\n",
        ],
    )
    def test_declines_and_the_loader_still_answers(self, text: str) -> None:
        assert read_block(text, LIMITS) is None
        load_text(text)  # and nothing breaks on the way

    @pytest.mark.parametrize("beside", ["", "é", "\u2019"], ids=["ascii", "latin-1", "wider"])
    def test_the_quick_test_for_characters_asks_what_the_expression_asks(self, beside: str) -> None:
        # Every code point up to U+2FFF and the last ones of the first plane, in text that is
        # otherwise ASCII, Latin-1 or wider: the two ways in which `_outside` answers.
        for code in [*range(0x3000), *range(0xD7F0, 0xE010), *range(0xFEF0, 0x10000), 0x10FFFF]:
            text = f"a: b{beside}\nc: d{chr(code)}e\n"
            expected = block_reader._OUTSIDE.search(text) is not None
            assert block_reader._outside(text) is expected, f"U+{code:04X}"

    def test_over_the_node_limit_the_full_loader_reports_it(self) -> None:
        text = "".join(f"k{number}: {number}\n" for number in range(30))
        assert read_block(text, Limits(max_nodes=10)) is None
        assert [finding.code for finding in load_text(text, Limits(max_nodes=10)).findings] == ["limit-nodes"]

    def test_over_the_depth_limit_the_full_loader_reports_it(self) -> None:
        text = "a:\n b:\n  c:\n   d: 1\n"
        assert read_block(text, Limits(max_depth=2)) is None
        assert [finding.code for finding in load_text(text, Limits(max_depth=2)).findings] == ["limit-depth"]


def reference_tokens(text: str) -> list[Any] | None:
    """The tokens of `text` as `_LINE` alone reads them, line by line: what the quick way must give."""
    tokens = []
    for line, written in enumerate(text.split("\n")):
        token = block_reader._matched_token(line, written)
        if token is None:
            return None
        if token is not block_reader._NOTHING:
            tokens.append(token)
    return tokens


class TestTheQuickWayToReadALine:
    """Most lines are cut by a cheap expression and settled by string methods; `_LINE` agrees."""

    @pytest.mark.parametrize(
        "written",
        [
            "a: b", "  - a: b c", "- x", "-   x", "- ", "-", "-x", "- -1", "key:", "key:   ", "key: # note",
            "- # note", "a: 'it''s'", "a: ''", "a: '", "a: '''", 'a: "x"', 'a: ""', 'a: "', 'a: "x\\y"',
            "a: [b, c]", "a: [b, c]  ", "a: [b, 'c']", "a: b:c", "a: b: c", "a: b:", "a: b ", "a: b #c",
            "a: b#c", "a:b", "a:#b", "Time 10: 30", "http://x: y", "a: -", "a: -5", "a: -.5", "a: -x",
            "a: \u00a0x", "a: x\u00a0", "%a: b", "a: %b", "a: @b", "a: `b`", "a: |", "a: >", "a: *x",
            "a: &x y", "a: !t x", "a: {b: c}", "a: ?b", "a: ,b", "a: ]", "k" * 129 + ": v", "k" * 128 + ": v",
            ".a: b", "-a: b", "a.b-c_d: e", "é: x", "a:  'x'", "a: 'x' ", "a: 'x'y'", "   # only a note", "",
        ],
    )  # fmt: skip
    def test_a_line_means_what_the_line_expression_says(self, written: str) -> None:
        assert block_reader._tokens(written) == reference_tokens(written)

    @MANY
    @given(st.lists(st.text(alphabet=" -:#'\"[],ab1.\u00a0é%", max_size=14), min_size=1, max_size=6))
    def test_so_do_lines_of_the_characters_that_matter(self, lines: list[str]) -> None:
        text = "\n".join(lines)
        assert block_reader._tokens(text) == reference_tokens(text)

    @pytest.mark.parametrize("path", EVERY_YAML, ids=lambda path: str(path.relative_to(ROOT)))
    def test_so_does_every_yaml_file_of_the_project(self, path: Path) -> None:
        text = path.read_bytes().decode("utf-8", "replace")
        assert block_reader._tokens(text) == reference_tokens(text)

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
    def test_the_lines_of_a_shipped_example_are_settled_without_the_line_expression(
        self, path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = path.read_text(encoding="utf-8") + "url: https://example.org/a\n- 'quoted'\nnote: \"x y\"\n"
        expected = reference_tokens(text)
        monkeypatch.setattr(block_reader, "_matched_token", None)  # a call would fail
        assert block_reader._tokens(text) == expected


class TestWhatItReads:
    @pytest.mark.parametrize(
        "text",
        [
            "a:\n",  # an empty value, placed just after the colon
            "a:   # why\nb: 1\n",
            "a:\n- x\n- y\nb: 2\n",  # a list at its key's indentation
            "a:\n  - x: 1\n    y:\n  - z\n",
            "a:\n  - x:\n    - 1\n  - w\n",
            "a: [ one , two words ,3]\n",
            "a: []\n",
            "q: 'it''s'\nr: \"x # y\"\ns: ''\n",
            "n: -12\nf: -0.5\nt: true\nz: ~\nx: 0755\nd: 2012-03-15\nyes: on\n",
            "url: https://example.org/a#b\ntime: 1:30\nhash: C# and F#\n",
            "titre: Partenariat local en immigration — Saint-Boniface\nété: x\n".replace("été", "ete"),
            "a: TODO\n",  # a placeholder is noted
            "a:\n  b:\n    c: ...\n",
        ],
    )
    def test_reads_the_plain_forms_as_the_full_loader_does(self, text: str) -> None:
        assert assert_same_as_full_loader(text) is not None


# --- generated files -------------------------------------------------------------------------

_ANY_CHARS = string.ascii_letters + string.digits + " -_.,:#'\"/()&*!?%@`[]{}|>~éÀ—"
_keys = st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True)
_special = st.sampled_from(
    ["true", "False", "null", "~", "1.5", "-0.25", "0755", "1e3", "TODO", "...", "on", "1:30"]
)
_numbers = st.integers(-(10**6), 10**6).map(str)
# Words anyone writes: what the block reader must read.
_plain_words = st.from_regex(
    r"[A-Za-zéÀ][A-Za-z0-9éÀ—/().-]{0,6}( [A-Za-z0-9éÀ—/().-]{1,6}){0,2}", fullmatch=True
)
_any_scalars = st.one_of(st.text(alphabet=_ANY_CHARS, max_size=12), _numbers, _special)
_plain_scalars = st.one_of(_plain_words, _numbers, _special)


def _tree(
    scalars: st.SearchStrategy[str], flow_items: st.SearchStrategy[str], depth: int = 3
) -> st.SearchStrategy[Any]:
    leaves = scalars
    if depth == 0:
        return leaves
    inner = _tree(scalars, flow_items, depth - 1)
    return st.one_of(
        leaves,
        st.lists(inner, min_size=1, max_size=4),
        st.lists(flow_items, min_size=0, max_size=4).map(lambda items: ("flow", items)),
        st.dictionaries(_keys, inner, min_size=1, max_size=4),
    )


@st.composite
def block_texts(draw: st.DrawFn, plain_words: bool = False) -> str:
    """A mapping written in block style, with random indentation, list styles, quoting and comments;
    its scalars are any text, or (with `plain_words`) the words, numbers and keywords people write."""
    scalars = _plain_scalars if plain_words else _any_scalars
    flow_items = st.one_of(_plain_words, _numbers) if plain_words else _any_scalars
    root = draw(st.dictionaries(_keys, _tree(scalars, flow_items), min_size=1, max_size=5))
    step = draw(st.integers(1, 4))
    lines: list[str] = []

    def scalar(text: str) -> str:
        style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
        if style == "single":
            return "'" + text.replace("'", "''") + "'"
        if style == "double" and '"' not in text:
            return '"' + text + '"'
        return text

    def comment() -> str:
        return draw(st.sampled_from(["", "", "", "  # note", " #", "   # a: b - c"]))

    def write(value: Any, indent: int, head: str) -> None:
        """Write `value` after `head` (`key:`, `- key:` or `-`), which starts at column `indent`."""
        pad = " " * indent
        below = indent + (2 if head.startswith("- ") else 0) + step  # where nested lines start
        if isinstance(value, tuple):
            lines.append(f"{pad}{head} [{', '.join(value[1])}]{comment()}")
        elif isinstance(value, dict) and head == "-" and (plain_words or draw(st.booleans())):
            for number, (key, item) in enumerate(value.items()):  # the first key on the dash's line
                write(item, indent if number == 0 else indent + 2, f"- {key}:" if number == 0 else f"{key}:")
        elif isinstance(value, dict):
            lines.append(f"{pad}{head}{comment()}")
            for key, item in value.items():
                write(item, below, f"{key}:")
        elif isinstance(value, list) and head == "-" and plain_words:
            if all(isinstance(item, str) and ":" not in item for item in value):
                lines.append(f"{pad}- [{', '.join(value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{head}{comment()}")
            if head != "-" and draw(st.booleans()):
                below -= step  # the dashes at the key's own column
            for item in value:
                write(item, below, "-")
        else:
            lines.append(f"{pad}{head} {scalar(value)}{comment()}")
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "# between", "    # indented comment", "  "])))

    for key, value in root.items():
        write(value, 0, f"{key}:")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


class TestGeneratedFiles:
    @MANY
    @given(block_texts())
    def test_a_generated_block_file_is_read_the_same_or_left_to_the_full_loader(self, text: str) -> None:
        assert_same_as_full_loader(text)

    @MANY
    @given(block_texts(plain_words=True))
    def test_a_generated_file_of_plain_words_is_read_by_the_block_reader(self, text: str) -> None:
        assert assert_same_as_full_loader(text) is not None

    @MANY
    @given(
        st.sampled_from(EXAMPLES),
        st.lists(
            st.tuples(
                st.floats(0, 1),
                st.sampled_from(["insert", "delete", "indent", "outdent", "duplicate"]),
                st.sampled_from(list(" -:#'\"[],{}&*!|>?%@`~\t\nx1.")),
            ),
            min_size=1,
            max_size=4,
        ),
    )
    def test_a_shipped_example_mutated_at_random_is_read_the_same_or_left_to_the_full_loader(
        self, path: Path, edits: list[tuple[float, str, str]]
    ) -> None:
        text = path.read_text(encoding="utf-8")
        for where, edit, char in edits:
            at = int(where * len(text))
            line_start = text.rfind("\n", 0, at) + 1
            if edit == "insert":
                text = text[:at] + char + text[at:]
            elif edit == "delete":
                text = text[:at] + text[at + 1 :]
            elif edit == "indent":
                text = text[:line_start] + " " + text[line_start:]
            elif edit == "outdent" and text[line_start : line_start + 1] == " ":
                text = text[:line_start] + text[line_start + 1 :]
            elif edit == "duplicate":
                line_end = text.find("\n", at)
                line = text[line_start : line_end + 1 if line_end >= 0 else len(text)]
                text = text[:line_start] + line + text[line_start:]
        if "\x00" in text:
            return
        assert_same_as_full_loader(text)


class TestImports:
    def test_checking_a_plain_block_proposal_never_imports_pyyaml(self, tmp_path: Path) -> None:
        """PyYAML costs a check about 10 ms to import; the block reader needs none of it."""
        code = (
            "import sys, contextlib, io\n"
            "from lipcheck.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['validate', {str(EXAMPLES[0])!r}])\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'yaml'))\n"
        )
        for _ in range(2):  # the first run may compile the packs into the cache, which reads PyYAML
            result = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
            )
        assert result.stdout.splitlines()[-1:] == ["[]"], result.stderr

    def test_a_file_outside_the_block_style_is_read_through_pyyaml(self) -> None:
        code = (
            "import sys\n"
            "from lipcheck.loader import load_text\n"
            "assert load_text('a: &x 1\\nb: *x\\n').data == {'a': 1, 'b': 1}\n"
            "print('yaml' in sys.modules)\n"
        )
        assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "True\n"
