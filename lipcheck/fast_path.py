"""`lipcheck --version` and `lipcheck --help` answered before the command line is loaded.

Loading typer, the pipeline and the packs costs several times Python's own start-up, and these
two answers need none of it: the version is a constant, and the top-level help is the same text
for a language and a terminal of 80 columns or more (Click wraps help to `min(columns, 80) - 2`).
That text is rendered ahead of time by the real command line into lipcheck.help_pages, and a
test keeps it current (`python -m lipcheck.fast_path` rewrites it). Anything else, an unknown
`--lang` included, goes to the command line, which says what is wrong.
"""

from __future__ import annotations

import os
import sys

from lipcheck import __version__
from lipcheck.language import LANGUAGES, choose_language, is_spoken, split_lang_flag

WIDTH = 80
"""Click's widest help: at this many columns or more the page does not change."""


def answer(args: list[str]) -> str | None:
    """What `lipcheck ARGS` prints, when it is the version or the top-level help; else None."""
    split = split_lang_flag(args)
    if split is None:
        return None
    rest, flag = split
    if flag is not None and not is_spoken(flag):
        return None
    variable = os.environ.get("LIPCHECK_LANG")
    if variable and not is_spoken(variable):
        return None
    if rest == ["--version"]:
        return f"lipcheck {__version__}\n"
    if rest != ["--help"]:
        return None
    import shutil  # the width Click reads; not needed for the version

    if shutil.get_terminal_size().columns < WIDTH:
        return None
    from lipcheck.help_pages import PAGES

    return PAGES.get(choose_language(flag))


def rendered_pages() -> dict[str, str]:
    """The top-level help of each language, from the command line itself, at WIDTH columns."""
    import contextlib
    import io

    from lipcheck.cli import main

    pages = {}
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(WIDTH)
    try:
        for lang in LANGUAGES:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = main(["--lang", lang, "--help"])
            if code != 0:
                raise RuntimeError(f"lipcheck --lang {lang} --help exited {code}")
            pages[lang] = out.getvalue()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return pages


PAGES_FILE = os.path.join(os.path.dirname(__file__), "help_pages.py")  # noqa: PTH118, PTH120
"""Where the pages are kept (a plain path: pathlib is not needed to answer)."""


def pages_module(pages: dict[str, str]) -> str:
    """The source of lipcheck.help_pages: one string per language, a line of help per line."""
    import json

    lines = [
        '"""The top-level help of each language, rendered by `python -m lipcheck.fast_path`: do not edit."""',
        "",
        "PAGES = {",
    ]
    for lang, page in pages.items():
        lines.append(f"    {json.dumps(lang)}: (")
        lines += [
            f"        {json.dumps(line, ensure_ascii=False)}" for line in page.splitlines(keepends=True)
        ]
        lines.append("    ),")
    lines += ["}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    wanted = pages_module(rendered_pages())
    from pathlib import Path

    stored = Path(PAGES_FILE)
    if sys.argv[1:] == ["--check"]:
        current = stored.read_text(encoding="utf-8") if stored.exists() else ""
        if current != wanted:
            sys.exit(f"{stored} is out of date: run `python -m lipcheck.fast_path`")
    else:
        stored.write_text(wanted, encoding="utf-8")
