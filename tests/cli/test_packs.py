"""`lipcheck packs`, and `rules` / `explain` saying which pack they use and what a child changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.packs import load_pack
from lipcheck.packs.registry import shipped_ids
from tests.conftest import EXAMPLES, TODAY
from tests.rules.test_pack_inheritance import ALBERTA


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def alberta(tmp_path: Path) -> Path:
    folder = tmp_path / "alberta-rural-2012"
    folder.mkdir()
    (folder / "pack.yaml").write_text(ALBERTA, encoding="utf-8")
    return folder


def test_packs_lists_every_shipped_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "packs")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["id", "version", "extends", "rules", "years"]
    assert [row.split()[0] for row in rows] == shipped_ids()
    lip2012 = next(row for row in rows if row.startswith("lip-2012 "))
    assert lip2012.split()[:5] == ["lip-2012", "1.1.0", "–", str(len(load_pack("lip-2012").rules)), "–"]


def test_packs_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "packs", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["format"] == "lipcheck-packs/1"
    assert [pack["id"] for pack in document["packs"]] == shipped_ids()
    lip2012 = next(pack for pack in document["packs"] if pack["id"] == "lip-2012")
    assert lip2012 == {
        "id": "lip-2012",
        "version": "1.1.0",
        "title": "Local Immigration Partnerships, 2012 best practices",
        "extends": None,
        "rules": 20,
        "years": None,
    }


def test_rules_says_which_pack_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rules")
    assert out.startswith("Pack lip-2012 1.1.0: ") and "(the default pack" in out.splitlines()[0]
    _, out, _ = run(capsys, "rules", "--pack", "lip-2012")
    assert "(chosen with --pack)" in out.splitlines()[0]


def test_rules_of_a_child_show_where_each_rule_comes_from_and_what_changed(
    capsys: pytest.CaptureFixture[str], alberta: Path
) -> None:
    code, out, _ = run(capsys, "rules", "--pack", str(alberta))
    assert code == 0
    assert "alberta-rural-2012 1.0.0" in out and "(extends lip-2012)" in out
    lines = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert "LIP405" not in lines
    assert " lip-2012 " in lines["LIP101"] and "changed" not in lines["LIP101"]
    assert "[changed: weight 4 → 8, check.target 15 → 10 (alberta-rural-2012)]" in lines["LIP103"]
    assert "check.sectors changed (alberta-rural-2012)" in lines["LIP102"]


def test_explain_shows_the_pack_and_the_changes(capsys: pytest.CaptureFixture[str], alberta: Path) -> None:
    code, out, _ = run(capsys, "explain", "lip103", "--pack", str(alberta))
    assert code == 0
    assert out.splitlines()[0].startswith("Pack alberta-rural-2012 1.0.0: ")
    assert "From pack: lip-2012" in out
    assert "Changed: weight 4 → 8, check.target 15 → 10 (alberta-rural-2012)" in out
    assert "Weight: 8" in out and "(target: 10)" in out


def test_a_user_pack_extending_lip_2012_reports_its_own_id_version_and_scores(
    capsys: pytest.CaptureFixture[str], alberta: Path
) -> None:
    proposal = str(EXAMPLES / "medicine-hat-nearly-ready.yaml")
    _, out, _ = run(capsys, "validate", "--today", TODAY, "--format", "json", proposal)
    (parent,) = json.loads(out)["reports"]
    _, out, _ = run(
        capsys, "validate", "--today", TODAY, "--format", "json", "--pack", str(alberta), proposal
    )
    (child,) = json.loads(out)["reports"]

    assert child["pack"] == {"id": "alberta-rural-2012", "version": "1.0.0"}
    assert child["thresholds"] == {"ready": 75.0, "nearly-ready": 55.0}
    assert "LIP405" not in [r["rule"] for r in child["results"]]
    weights = {r["rule"]: r["weight"] for r in child["results"]}
    assert weights["LIP103"] == 8
    # LIP405 gone and LIP103 doubled: 102 points possible, and the score is out of those.
    assert child["possible"] == pytest.approx(102)
    assert child["score"] == pytest.approx(100 * child["earned"] / child["possible"], abs=0.01)
    assert child["score"] != parent["score"]
    assert child["verdict"] == "ready" and parent["verdict"] == "nearly-ready"
    text = run(capsys, "validate", "--today", TODAY, "--pack", str(alberta), proposal)[1]
    assert "(pack alberta-rural-2012 1.0.0)" in text


def test_a_cached_pack_loads_without_its_file_schemas_or_the_compiler(tmp_path: Path) -> None:
    # Inheritance is resolved once: a run on a warm cache imports neither packs.files nor
    # packs.compile (nor builds their pydantic schemas).
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    probe = (
        "import sys\n"
        "from lipcheck.cli import main\n"
        "main(['validate', '-q', '--today', '2026-01-01', 'examples/lethbridge-ready.yaml'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('lipcheck.packs')), file=sys.stderr)\n"
    )
    env = {**os.environ, "LIPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        for _ in range(2)
    ]
    assert "lipcheck.packs.compile" in runs[0].stderr
    assert runs[1].stderr.strip() == "['lipcheck.packs', 'lipcheck.packs.cache', 'lipcheck.packs.registry']"


def test_every_problem_of_a_broken_pack_is_printed_on_its_own_line(
    capsys: pytest.CaptureFixture[str], alberta: Path
) -> None:
    pack = alberta / "pack.yaml"
    pack.write_text(
        ALBERTA.replace("remove: [LIP405]", "remove: [LIP499]").replace(
            "  LIP103: {weight: 8}", "  LIP103: {wieght: 8}"
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(EXAMPLES / "lethbridge-ready.yaml"), "--pack", str(alberta))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == "lipcheck: the rule pack has 2 problems:"
    assert lines[1] == f"  rule pack file {pack}:8:10: `LIP499` is not a rule of the parent pack `lip-2012`"
    assert lines[2] == f"  rule pack file {pack}:10:12: unknown key `wieght` (did you mean `weight`?)"
    assert lines[3].startswith("  hint: docs/packs.md")


def test_a_broken_shipped_pack_named_by_call_stops_lipcheck(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not "unknown call": the pack exists and is broken, which is lipcheck's problem (exit 2).
    import shutil

    from lipcheck.packs import registry
    from tests.conftest import ROOT

    shipped = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", shipped)
    (shipped / "broken-2030").mkdir()
    broken = ALBERTA.replace("alberta-rural-2012", "broken-2030").replace(
        "remove: [LIP405]", "remove: [LIP499]"
    )
    (shipped / "broken-2030" / "pack.yaml").write_text(broken)
    monkeypatch.setattr(registry, "packs_folder", lambda: shipped)
    proposal = tmp_path / "p.yaml"
    proposal.write_text("lipcheck: 1\ncall: broken-2030\n")
    code, _, err = run(capsys, "validate", str(proposal))
    assert code == 2
    assert "`LIP499` is not a rule of the parent pack" in err and "no rule pack" not in err


@pytest.mark.parametrize("pack_id", shipped_ids())
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_proposal_runs_under_every_shipped_pack(
    capsys: pytest.CaptureFixture[str], pack_id: str, example: str
) -> None:
    # A proposal written for one call still gets a report under another: no rule may crash on it.
    code, out, err = run(capsys, "validate", "--today", TODAY, "--format", "json", "--pack", pack_id,
                         str(EXAMPLES / example))  # fmt: skip
    assert code in (0, 1), err
    (report,) = json.loads(out)["reports"]
    assert report["pack"]["id"] == pack_id
    assert report["verdict"] != "invalid" or report["findings"]
