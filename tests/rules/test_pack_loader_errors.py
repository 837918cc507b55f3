"""The pack loader refuses broken packs and says which file and line to fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lipcheck.errors import LipcheckError
from lipcheck.messages import render
from lipcheck.packs import load_pack

PACK_YAML = """\
id: broken-pack
version: "0.1.0"
title: A pack for testing the loader
source: tests
thresholds: {ready: 80, nearly-ready: 60}
parameters:
  target_members: 15
rules:
  - LIP103
"""

RULE_YAML = """\
id: LIP103
title: The council is broad
severity: minor
weight: 4
check:
  kind: council_breadth
  target: "${target_members}"
rationale: Why funders care.
remediation: What to do.
source: Where it comes from.
examples:
  pass:
    - name: enough
      proposal: {lipcheck: 1}
      status: met
  fail:
    - name: too few
      proposal: {lipcheck: 1}
      status: unmet
"""


def _write_pack(
    folder: Path, pack: str = PACK_YAML, rule: str = RULE_YAML, rule_file: str = "LIP103.yaml"
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    (folder / rule_file).write_text(rule, encoding="utf-8")
    return folder


def _refusal(folder: Path) -> str:
    with pytest.raises(LipcheckError) as raised:
        load_pack(str(folder))
    return render(raised.value.message)


def _assert_names_file_and_line(text: str, file: Path, line: int) -> None:
    assert str(file) in text, text
    match = re.search(re.escape(str(file)) + r":(\d+):\d+", text)
    assert match, f"no line number after the file name: {text}"
    assert int(match.group(1)) == line, text


def test_the_valid_pack_loads(tmp_path: Path) -> None:
    # Guards the cases below: each breaks exactly one thing in a pack that otherwise loads.
    pack = load_pack(str(_write_pack(tmp_path / "pack")))
    assert [rule.id for rule in pack.rules] == ["LIP103"]
    assert pack.rules[0].params.target == 15


def test_unknown_key_in_pack_file(tmp_path: Path) -> None:
    folder = _write_pack(tmp_path / "pack", pack=PACK_YAML + "author: someone\n")
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "pack.yaml", 10)
    assert "author" in text


def test_unknown_key_in_rule_file(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("source: Where", "severty: minor\nsource: Where")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 10)
    assert "severty" in text


def test_unknown_check_kind(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("kind: council_breadth", "kind: council_width")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 6)
    assert "council_width" in text


def test_unknown_check_option(tmp_path: Path) -> None:
    rule = RULE_YAML.replace(
        '  target: "${target_members}"\n', '  target: "${target_members}"\n  minimum: 3\n'
    )
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 8)
    assert "minimum" in text


def test_bad_check_option_value(tmp_path: Path) -> None:
    rule = RULE_YAML.replace('target: "${target_members}"', "target: fifteen")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 7)
    assert "target" in text


def test_undefined_parameter(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("${target_members}", "${undefined}")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    assert "undefined" in text
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 7)


def test_undefined_parameter_is_refused(tmp_path: Path) -> None:
    # The half of the contract that holds today: the pack is refused and the name is given.
    rule = RULE_YAML.replace("${target_members}", "${undefined}")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    assert "${undefined}" in _refusal(folder)


def test_id_not_matching_file_name(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("id: LIP103", "id: LIP104")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 1)
    assert "LIP104" in text


def test_blocker_with_a_weight(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("severity: minor", "severity: blocker")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    _assert_names_file_and_line(text, folder / "LIP103.yaml", 4)
    assert "blocker" in text


def test_warning_with_a_weight(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("severity: minor", "severity: warning")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    _assert_names_file_and_line(_refusal(folder), folder / "LIP103.yaml", 4)


def test_rule_listed_without_a_file(tmp_path: Path) -> None:
    folder = _write_pack(tmp_path / "pack", pack=PACK_YAML + "  - LIP104\n")
    text = _refusal(folder)
    assert str(folder / "LIP104.yaml") in text


def test_example_with_an_unknown_status(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("status: unmet", "status: failed")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    _assert_names_file_and_line(_refusal(folder), folder / "LIP103.yaml", 19)


def test_yaml_syntax_error_in_rule_file(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("title: The council is broad", 'title: "The council is broad')
    folder = _write_pack(tmp_path / "pack", rule=rule)
    text = _refusal(folder)
    assert str(folder / "LIP103.yaml") in text
    assert re.search(r":\d+:\d+", text), text


def test_check_without_a_kind(tmp_path: Path) -> None:
    rule = RULE_YAML.replace("  kind: council_breadth\n", "")
    folder = _write_pack(tmp_path / "pack", rule=rule)
    _assert_names_file_and_line(_refusal(folder), folder / "LIP103.yaml", 5)


def test_rule_listed_twice(tmp_path: Path) -> None:
    folder = _write_pack(tmp_path / "pack", pack=PACK_YAML + "  - LIP103\n")
    _assert_names_file_and_line(_refusal(folder), folder / "pack.yaml", 8)
