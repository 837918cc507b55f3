"""The schema a check validates with is the one the pydantic models define, compiled ahead of time."""

from __future__ import annotations

import subprocess
import sys

from lipcheck import schema_compiler
from lipcheck.compiled_schemas import Proposal


def test_the_compiled_module_is_what_the_models_give() -> None:
    assert schema_compiler.main(["--check"], write=lambda _: None) == 0, (
        "run: python -m lipcheck.schema_compiler"
    )


def test_validating_a_proposal_imports_no_pydantic_python_layer() -> None:
    code = (
        "import sys\n"
        "from lipcheck.loader import load_text\n"
        "from lipcheck.validation import validate\n"
        "proposal, findings = validate(load_text('lipcheck: 1\\ntitle: A plan\\n'))\n"
        "assert proposal is not None and not findings, findings\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'pydantic'))\n"
        "print('pydantic_core.core_schema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "False"]


def test_records_are_read_only_and_equal_by_value() -> None:
    from lipcheck.loader import load_text
    from lipcheck.validation import validate

    first, _ = validate(load_text("lipcheck: 1\ntitle: A plan\n"))
    second, _ = validate(load_text("lipcheck: 1\ntitle: A plan\n"))
    assert isinstance(first, Proposal) and first == second
    try:
        first.title = "changed"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a record took a new value")
    assert first.title == "A plan"
