"""Both languages say everything: the same ids, the same placeholders, no id the catalogue lacks."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

from lipcheck.click_words import WORDS
from lipcheck.findings import Severity, Status, Verdict
from lipcheck.language import LANGUAGES
from lipcheck.messages import PYDANTIC, catalogue, en
from lipcheck.model import SECTOR_CODES, MunicipalLetter

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = ROOT / "lipcheck"
_ID = re.compile(r"^[a-z0-9]+(?:[.\-_][a-z0-9]+)+$")
_CALLS = {"Message", "text", "has", "_fail", "_diagnose_text", "problem", "graded", "met", "unmet", "partial"}


def fields(template: str) -> list[tuple[str, str | None, str | None]]:
    """The placeholders of a template: name, conversion and spec, in order of first use, once each."""
    seen = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (name, conversion, spec) not in seen:
            seen.append((name, conversion, spec))
    return sorted(seen, key=lambda field: field[0])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_id_of_english_and_no_other(lang: str) -> None:
    assert set(catalogue(lang)) == set(en.MESSAGES)


@pytest.mark.parametrize("message_id", sorted(en.MESSAGES))
def test_french_fills_the_same_placeholders_as_english(message_id: str) -> None:
    assert fields(catalogue("fr")[message_id]) == fields(en.MESSAGES[message_id])


@pytest.mark.parametrize("message_id", sorted(en.MESSAGES))
def test_no_french_sentence_is_empty_or_left_in_english(message_id: str) -> None:
    english, french = en.MESSAGES[message_id], catalogue("fr")[message_id]
    assert french.strip()
    # Words that are the same in both languages (Options, Source, `{score} / 100`) are short.
    if french == english:
        assert len(english) <= 24 or not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", english), english


def _literal_ids() -> set[str]:
    """Every message id written literally in the package: the first argument of the calls that
    take one, and the strings that the conditional expressions around them choose between."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                first = node.args[0] if node.args else None
                if name in _CALLS and first is not None:
                    found |= _strings(first)
            if isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") == "message_id" for target in node.targets
            ):
                found |= _strings(node.value)
    return {value for value in found if _ID.match(value) and not value.startswith(("schema-", "lip-"))}


def _strings(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def test_the_ids_the_package_names_are_all_in_the_catalogue() -> None:
    named = _literal_ids()
    assert len(named) > 150  # the scan itself works
    assert sorted(named - set(en.MESSAGES)) == []


def built_ids() -> set[str]:
    """The ids lipcheck builds at run time, from the values they are built from."""
    ids = {f"verdict.{v.value}" for v in Verdict} | {f"verdict.{v.value}.many" for v in Verdict}
    ids |= {f"status.{s.value}" for s in Status}
    ids |= {f"severity.{s.value}" for s in Severity}
    ids |= {f"sector.{code}" for code in SECTOR_CODES}
    ids |= {f"explain.chosen.{chosen}" for chosen in ("flag", "config", "default")}
    roles = get_args(get_args(MunicipalLetter.model_fields["role"].annotation)[0])
    ids |= {f"check.letter.role.{role}" for role in roles}
    ids |= set(WORDS.values()) | {message_id for _, message_id in PYDANTIC}
    ids |= {f"hint.{message_id}" for message_id in en.MESSAGES if message_id.startswith("input.")}
    ids.discard("hint.input.no-default")  # says its hint itself (`hint.input`)
    return ids


def test_the_ids_built_at_run_time_are_all_in_the_catalogue() -> None:
    assert sorted(built_ids() - set(en.MESSAGES)) == []


def test_every_sector_code_has_a_label_in_every_language() -> None:
    for lang in LANGUAGES:
        assert all(catalogue(lang).get(f"sector.{code}") for code in SECTOR_CODES)


_TIGHT = re.compile(r" [:;?!»%]|« ")


@pytest.mark.parametrize("message_id", sorted(en.MESSAGES))
def test_french_follows_oqlf_typography(message_id: str) -> None:
    french = catalogue("fr")[message_id]
    assert not _TIGHT.search(french), f"an ordinary space where French wants a non-breaking one: {french!r}"
    assert '"' not in french.replace('\\"', "") or "`" in french, "guillemets « », not English quotes"


def test_french_is_imported_only_when_it_is_spoken() -> None:
    import subprocess
    import sys

    code = "import sys, lipcheck.messages as m; "
    code += "m.text('report.score'); print('lipcheck.messages.fr' in sys.modules)"
    english = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert english.stdout.strip() == "False"
    code = code.replace("m.text('report.score')", "m.text('report.score', 'fr')")
    french = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert french.stdout.strip() == "True"
