"""The HTML templates compiled ahead of time into Python modules, as Jinja2's ModuleLoader reads them.

Jinja2 compiles a template to Python source on every run that renders it: for the report page
that is a fifth of `lipcheck report --html`. `python -m lipcheck.render.template_compiler` writes
the compiled modules into `render/compiled_templates/` with the Jinja2 version that wrote them;
a test keeps them current. A run under any other Jinja2 version compiles the templates from
their sources instead (lipcheck.render.html), since compiled code is tied to its compiler.
"""

from __future__ import annotations

import filecmp
import sys
import tempfile
from pathlib import Path

COMPILED = Path(__file__).with_name("compiled_templates")
VERSION_FILE = "jinja2-version.txt"


def write(target: Path) -> None:
    """Compile every template into `target`, with the Jinja2 version beside them."""
    import jinja2

    from lipcheck.render.html import source_environment

    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("tmpl_*.py"):
        old.unlink()
    source_environment().compile_templates(str(target), zip=None, ignore_errors=False)
    (target / VERSION_FILE).write_text(jinja2.__version__ + "\n", encoding="utf-8")


def stale() -> list[str]:
    """The files of `compiled_templates/` that differ from a fresh compile (empty when current)."""
    with tempfile.TemporaryDirectory() as fresh:
        write(Path(fresh))
        wanted = sorted(p.name for p in Path(fresh).iterdir())
        have = sorted(p.name for p in COMPILED.iterdir() if p.is_file()) if COMPILED.is_dir() else []
        differ = sorted(set(wanted) ^ set(have))
        differ += [
            name
            for name in wanted
            if name in have and not filecmp.cmp(Path(fresh) / name, COMPILED / name, shallow=False)
        ]
        return differ


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        changed = stale()
        if changed:
            sys.exit(f"stale: {', '.join(changed)}; run `python -m lipcheck.render.template_compiler`")
    else:
        write(COMPILED)
