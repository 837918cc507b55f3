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


def test_a_list_left_out_is_a_new_empty_list_for_every_record() -> None:
    from lipcheck.loader import load_text
    from lipcheck.validation import validate

    first, _ = validate(load_text("lipcheck: 1\ntitle: A plan\n"))
    second, _ = validate(load_text("lipcheck: 1\ntitle: A plan\n"))
    assert first is not None and second is not None
    assert first.waivers == [] and second.waivers == []
    assert first.waivers is not second.waivers  # made by a factory, never one list shared
    assert "'default': []" not in schema_compiler.TARGET.read_text(encoding="utf-8")


def test_a_council_covers_every_code_of_its_members_written_or_read_from_names() -> None:
    from lipcheck.loader import load_text
    from lipcheck.validation import validate

    text = (
        "lipcheck: 1\ntitle: A plan\ncouncil:\n  members:\n"
        "    - organization: City of Brandon\n      sectors: [municipal, employer]\n"
        "    - organization: Brandon School Division\n"
    )
    proposal, findings = validate(load_text(text))
    assert proposal is not None and proposal.council is not None, findings
    members = proposal.council.members
    assert proposal.council.sectors_covered == {*members[0].codes, *members[1].codes}
    assert {"municipal", "employer"} <= proposal.council.sectors_covered
    assert proposal.council.sectors_covered is proposal.council.sectors_covered  # worked out once
