"""Packs that extend other packs: what a child inherits, what it may change, and what it is refused."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from lipcheck.errors import LipcheckError
from lipcheck.messages import render
from lipcheck.packs import Change, PackError, load_pack, registry
from tests.conftest import ROOT

PARENT = load_pack("lip-2012")
PARENT_ORDER = [rule.id for rule in PARENT.rules]

ALBERTA = """\
id: alberta-rural-2012
version: "1.0.0"
title: Rural Alberta emphasis on the 2012 best practices
source: Illustrative regional rubric
extends: lip-2012
thresholds: {ready: 75, nearly-ready: 55}
parameters: {target_members: 10}
remove: [LIP405]
override:
  LIP103: {weight: 8}
  LIP102: {check: {sectors: [federal, employer, school, health]}}
"""

NEW_RULE = """\
id: LIP950
title: A rule of the child's own
severity: minor
weight: 2
check:
  kind: fields_present
  fields: [plan.mission]
rationale: Why.
remediation: What to do.
source: Where from, 2024.
examples:
  pass:
    - {name: given, proposal: {lipcheck: 1, plan: {mission: Welcome}}, status: met}
  fail:
    - {name: absent, proposal: {lipcheck: 1}, status: unmet}
"""


def write(folder: Path, pack: str, **rules: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(textwrap.dedent(pack), encoding="utf-8")
    for rule_id, text in rules.items():
        (folder / f"{rule_id}.yaml").write_text(text, encoding="utf-8")
    return folder


def refusal(folder: Path) -> PackError:
    with pytest.raises(PackError) as raised:
        load_pack(str(folder))
    return raised.value


def located(error: PackError) -> list[str]:
    """Each problem as `file:line:col: text`."""
    return [render(problem.line()).removeprefix("rule pack file ") for problem in error.problems]


def test_the_alberta_example_inherits_and_changes_what_it_says(tmp_path: Path) -> None:
    pack = load_pack(str(write(tmp_path / "alberta", ALBERTA)))

    assert (pack.id, pack.version, pack.extends) == ("alberta-rural-2012", "1.0.0", "lip-2012")
    assert [rule.id for rule in pack.rules] == [r for r in PARENT_ORDER if r != "LIP405"]
    assert (pack.thresholds.ready, pack.thresholds.nearly_ready) == (75, 55)
    assert pack.parameters == {**PARENT.parameters, "target_members": 10}
    assert pack.rule("LIP103").weight == 8
    assert pack.rule("LIP103").params.target == 10
    assert pack.rule("LIP102").params.sectors == ("federal", "employer", "school", "health")
    assert pack.rule("LIP102").weight == PARENT.rule("LIP102").weight
    assert pack.rule("LIP101") == PARENT.rule("LIP101")


def test_each_rule_says_where_it_comes_from_and_what_the_child_changed(tmp_path: Path) -> None:
    pack = load_pack(str(write(tmp_path / "alberta", ALBERTA)))

    # LIP903 and LIP904 are shared rules the parent includes from rules/common.
    assert {rule.origin for rule in pack.rules} == {"lip-2012", "common"}
    assert pack.rule("LIP103").changes == (
        Change("alberta-rural-2012", "weight", "4", "8"),
        Change("alberta-rural-2012", "check.target", "15", "10"),
    )
    (sectors,) = pack.rule("LIP102").changes
    assert (sectors.field, sectors.after) == ("check.sectors", '["federal", "employer", "school", "health"]')
    assert pack.rule("LIP101").changes == ()


def test_without_thresholds_the_parents_hold(tmp_path: Path) -> None:
    pack = load_pack(
        str(write(tmp_path / "child", ALBERTA.replace("thresholds: {ready: 75, nearly-ready: 55}\n", "")))
    )
    assert pack.thresholds == PARENT.thresholds


def test_new_rules_come_after_the_parents_sorted_by_id(tmp_path: Path) -> None:
    folder = write(tmp_path / "child", ALBERTA, LIP950=NEW_RULE, LIP940=NEW_RULE.replace("LIP950", "LIP940"))
    pack = load_pack(str(folder))
    assert [rule.id for rule in pack.rules][-2:] == ["LIP940", "LIP950"]
    assert pack.rule("LIP950").origin == "alberta-rural-2012"


def test_a_rules_list_gives_the_order(tmp_path: Path) -> None:
    order = ["LIP950", *reversed([r for r in PARENT_ORDER if r != "LIP405"])]
    folder = write(tmp_path / "child", ALBERTA + f"rules: [{', '.join(order)}]\n", LIP950=NEW_RULE)
    assert [rule.id for rule in load_pack(str(folder)).rules] == order


def test_a_replaced_rule_keeps_its_place_and_takes_the_childs_file(tmp_path: Path) -> None:
    mine = NEW_RULE.replace("LIP950", "LIP103")
    folder = write(tmp_path / "child", ALBERTA.replace("  LIP103: {weight: 8}\n", "") + "replace: [LIP103]\n",
                   LIP103=mine)  # fmt: skip
    pack = load_pack(str(folder))
    assert [rule.id for rule in pack.rules].index("LIP103") == PARENT_ORDER.index("LIP103")
    assert pack.rule("LIP103").kind == "fields_present"
    assert pack.rule("LIP103").origin == "alberta-rural-2012"


def test_chains_of_any_depth_and_parents_given_as_paths(tmp_path: Path) -> None:
    write(tmp_path / "alberta", ALBERTA)
    write(tmp_path / "county", """\
        id: county
        version: "2.0.0"
        title: A county's own emphasis
        source: tests
        extends: ../alberta
        override:
          LIP103: {weight: 6}
        remove: [LIP404]
        """)  # fmt: skip
    pack = load_pack(str(tmp_path / "county"))
    assert pack.extends == "../alberta"
    assert pack.thresholds.ready == 75
    assert "LIP404" not in [rule.id for rule in pack.rules]
    assert [(c.pack, c.after) for c in pack.rule("LIP103").changes if c.field == "weight"] == [
        ("alberta-rural-2012", "8"),
        ("county", "6"),
    ]


def test_an_override_replaces_the_examples_for_the_child(tmp_path: Path) -> None:
    examples = """\
      LIP103:
        examples:
          pass:
            - {name: ten will do, proposal: {lipcheck: 1}, status: unmet}
          fail:
            - {name: none, proposal: {lipcheck: 1}, status: unmet}
    """
    folder = write(
        tmp_path / "child",
        ALBERTA.replace("  LIP103: {weight: 8}\n", textwrap.indent(textwrap.dedent(examples), "  ")),
    )
    rule = load_pack(str(folder)).rule("LIP103")
    assert [e.name for e in rule.examples.passing] == ["ten will do"]
    assert PARENT.rule("LIP103").examples.passing[0].name != "ten will do"


@pytest.mark.parametrize(
    ("change", "line", "fragment"),
    [
        (("extends: lip-2012", "extends: lip-2021"), 5, "no shipped pack of that id"),
        (("remove: [LIP405]", "remove: [LIP499]"), 8, "`LIP499` is not a rule of the parent pack `lip-2012`"),
        (
            ("  LIP103: {weight: 8}", "  LIP199: {weight: 8}"),
            10,
            "`LIP199` is not a rule of `alberta-rural-2012`",
        ),
        (("remove: [LIP405]", "remove: [LIP405]\nreplace: [LIP101]"), 9, "no LIP101.yaml"),
        (
            ("{check: {sectors:", "{check: {kind: list_length, sectors:"),
            11,
            "may not change a rule's check kind",
        ),
        (("  LIP103: {weight: 8}", "  LIP103: {wieght: 8}"), 10, "did you mean `weight`"),
        (("  LIP103: {weight: 8}", "  LIP103: {weight: true}"), 10, "valid number"),
        (("  LIP103: {weight: 8}", "  LIP103: {weight: '20'}"), 10, "valid number"),
        (("  LIP103: {weight: 8}", "  LIP103: {weight: .nan}"), 10, "valid number"),
        (("  LIP103: {weight: 8}", "  LIP103: {weight: -1}"), 10, "greater than or equal to 0"),
        (("  LIP103: {weight: 8}", "  LIP103: {severity: blocker}"), 10, "a blocker rule carries no points"),
        (("nearly-ready: 55", "nearly-ready: 85"), 6, "`nearly-ready` may not be above `ready`"),
        (("ready: 75", "ready: 175"), 6, "less than or equal to 100"),
        (("ready: 75", "ready: .inf"), 6, "valid number"),
        (("{sectors: [federal,", "{sectors: [federl,"), 11, "check option `sectors[0]`"),
        (("extends: lip-2012", "extends: lip-2012\nthreshold: {}"), 6, "did you mean `thresholds`"),
    ],
)
def test_a_broken_child_is_refused_with_file_line_and_column(
    tmp_path: Path, change: tuple[str, str], line: int, fragment: str
) -> None:
    folder = write(tmp_path / "child", ALBERTA.replace(*change))
    text = "\n".join(located(refusal(folder)))
    assert fragment in text
    assert re.search(rf"(pack\.yaml|LIP\d+\.yaml):{line}:\d+: ", text), text


def test_a_blocker_by_override_is_located_at_the_override(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "child", ALBERTA.replace("  LIP103: {weight: 8}", "  LIP103: {severity: blocker}")
    )
    (problem,) = refusal(folder).problems
    assert (problem.path.name, problem.location.line) == ("pack.yaml", 10)


def test_a_file_that_would_silently_replace_a_parent_rule_is_refused(tmp_path: Path) -> None:
    folder = write(tmp_path / "child", ALBERTA, LIP101=NEW_RULE.replace("LIP950", "LIP101"))
    (problem,) = located(refusal(folder))
    assert problem.startswith(f"{folder / 'LIP101.yaml'}:1:1: ")
    assert "name it in `replace`" in problem


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path: Path) -> None:
    broken = (
        ALBERTA.replace("remove: [LIP405]", "remove: [LIP499]")
        .replace("  LIP103: {weight: 8}", "  LIP199: {weight: 8}")
        .replace("ready: 75", "ready: 175")
    )
    folder = write(tmp_path / "child", broken, LIP950=NEW_RULE.replace("severity: minor", "severty: minor"))
    error = refusal(folder)
    assert len(error.problems) == 4, located(error)
    assert render(error.message) == "the rule pack has 4 problems:"
    assert [render(line).removeprefix("rule pack file ") for line in error.details] == located(error)


def test_a_cycle_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a", ALBERTA.replace("extends: lip-2012", "extends: ../b"))
    write(tmp_path / "b", ALBERTA.replace("extends: lip-2012", "extends: ../a"))
    (problem,) = located(refusal(tmp_path / "a"))
    assert "goes round in a circle: a → b → a" in problem


def test_a_parent_folder_that_is_not_a_pack(tmp_path: Path) -> None:
    (problem,) = located(refusal(write(tmp_path / "child", ALBERTA.replace("lip-2012", "./nowhere"))))
    assert "no pack.yaml in" in problem and ":5:" in problem


def test_a_pack_without_extends_needs_thresholds_and_rules(tmp_path: Path) -> None:
    pack = "id: lonely\nversion: '1'\ntitle: t\nsource: s\nremove: [LIP101]\n"
    fragments = sorted(render(p.message) for p in refusal(write(tmp_path / "lonely", pack)).problems)
    assert fragments == [
        "`remove` needs `extends`: there is no parent pack to take rules from",
        "`rules` is required in a pack without `extends`",
        "`thresholds` is required in a pack without `extends`",
    ]


def test_a_pack_where_nothing_carries_points_is_refused(tmp_path: Path) -> None:
    only_blockers = [r.id for r in PARENT.rules if r.weight == 0]
    removed = [r for r in PARENT_ORDER if r not in only_blockers]
    pack = (
        ALBERTA.split("remove:")[0] + f"rules: [{', '.join(only_blockers)}]\nremove: [{', '.join(removed)}]\n"
    )
    folder = write(tmp_path / "child", pack)
    (problem,) = located(refusal(folder))
    assert "no rule of the pack can carry points" in problem


def test_a_listed_rule_needs_a_file_and_every_rule_is_listed(tmp_path: Path) -> None:
    listed = ", ".join([*PARENT_ORDER[:-1], "LIP960"])
    folder = write(tmp_path / "child", ALBERTA.replace("remove: [LIP405]\n", "") + f"rules: [{listed}]\n")
    problems = located(refusal(folder))
    assert any("`LIP960` is listed" in p and str(folder / "LIP960.yaml") in p for p in problems), problems
    assert any(f"`{PARENT_ORDER[-1]}` is a rule of the pack but is not listed" in p for p in problems), (
        problems
    )


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped packs to add to, with a rules/common folder."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    (folder / "common").mkdir(exist_ok=True)
    (folder / "common" / "LIP950.yaml").write_text(in_both_languages(NEW_RULE), encoding="utf-8")
    monkeypatch.setattr(registry, "packs_folder", lambda: folder)
    return folder


def in_both_languages(written: str) -> str:
    """A pack or rule file as a shipped one must be: each text given in English and French."""

    def both(found: re.Match[str]) -> str:
        text = found.group(2)
        return f"{found.group(1)}: {{en: {json.dumps(text)}, fr: {json.dumps(text + ' (fr)')}}}"

    return re.sub(r"^(title|rationale|remediation|source): (.+)$", both, written, flags=re.M)


SHIPPED_ALBERTA = in_both_languages(ALBERTA)


def test_a_pack_includes_shared_rules_from_rules_common(shipped: Path) -> None:
    child = SHIPPED_ALBERTA.replace("alberta-rural-2012", "child-2012") + "include: [LIP950]\n"
    write(shipped / "child-2012", child)
    pack = load_pack("child-2012")
    assert pack.rules[-1].id == "LIP950"
    assert pack.rules[-1].origin == "common"
    assert pack.rules[-1].file == shipped / "common" / "LIP950.yaml"


def test_an_include_that_does_not_exist_is_refused(shipped: Path) -> None:
    write(shipped / "child-2012", SHIPPED_ALBERTA + "include: [LIP951]\n")
    (problem,) = located(refusal(shipped / "child-2012"))
    assert "rules/common/LIP951.yaml" in problem


def test_rules_common_is_not_a_pack(shipped: Path) -> None:
    with pytest.raises(LipcheckError):
        load_pack("common")


def test_a_shipped_pack_never_extends_a_folder(shipped: Path, tmp_path: Path) -> None:
    write(tmp_path / "mine", ALBERTA)
    child = SHIPPED_ALBERTA.replace("extends: lip-2012", f"extends: {tmp_path / 'mine'}")
    write(shipped / "child-2012", child)
    (problem,) = located(refusal(shipped / "child-2012"))
    assert "a shipped pack extends only shipped packs" in problem


def test_an_override_of_an_option_that_names_a_parameter_shows_the_parents_value(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "child", ALBERTA.replace("  LIP103: {weight: 8}", "  LIP103: {check: {target: 12}}")
    )
    (target,) = [c for c in load_pack(str(folder)).rule("LIP103").changes if c.field == "check.target"]
    assert (target.before, target.after) == ("15", "12")
