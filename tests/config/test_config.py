"""`.lipcheck.yaml`: found from each proposal's folder upward, read like a proposal, ranked below the flags.

Each test builds a small repository (a folder with `.git`) in a temporary folder and runs the CLI
from its root, as CI would.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from lipcheck.cli import main
from lipcheck.run.discover import expand
from tests.conftest import EXAMPLES, TODAY

NEARLY = (EXAMPLES / "medicine-hat-nearly-ready.yaml").read_text(encoding="utf-8")
"""A lip-2012 proposal: nearly ready (72.2), LIP202 not met."""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = _run(capsys, "validate", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)["reports"]


# --- Discovery -------------------------------------------------------------------------------------


def test_the_nearest_config_from_the_proposals_folder_wins(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules: {LIP405: off}\n")
    _write(repo / "a" / "b" / ".lipcheck.yaml", "lipcheck-config: 1\nrules: {LIP404: off}\n")
    _write(repo / "a" / "b" / "c" / "p.yaml", NEARLY)
    _write(repo / "a" / "q.yaml", NEARLY)
    _, reports = _json(capsys, "a/b/c/p.yaml", "a/q.yaml")
    assert [r["config"] for r in reports] == ["a/b/.lipcheck.yaml", ".lipcheck.yaml"]
    assert [r["pack"]["id"] for r in reports] == ["lip-2012+config", "lip-2012+config"]
    assert "LIP404" not in {x["rule"] for x in reports[0]["results"]}
    assert "LIP405" not in {x["rule"] for x in reports[1]["results"]}


def test_discovery_stops_at_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    _write(tmp_path / ".lipcheck.yaml", "lipcheck-config: 1\nrules: {LIP405: off}\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    _write(tmp_path / "repo" / "p.yaml", NEARLY)
    monkeypatch.chdir(tmp_path / "repo")
    _, (report,) = _json(capsys, "p.yaml")
    assert report["config"] is None
    assert report["pack"]["id"] == "lip-2012"


def test_config_names_one_config_for_every_file_and_no_config_reads_none(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules: {LIP405: off}\n")
    _write(repo / "ci" / "strict.yaml", "lipcheck-config: 1\ngate: {fail-under: 99}\n")
    _write(repo / "p.yaml", NEARLY)
    _, (named,) = _json(capsys, "--config", "ci/strict.yaml", "p.yaml")
    assert named["config"] == "ci/strict.yaml" and named["pack"]["id"] == "lip-2012"
    assert named["gate"]["reasons"][0]["code"] == "fail-under"
    _, (none,) = _json(capsys, "--no-config", "p.yaml")
    assert none["config"] is None and none["pack"]["id"] == "lip-2012"


def test_folders_are_walked_once_however_many_files(repo: Path) -> None:
    from lipcheck.run.settings import Configs, Flags

    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\n")
    configs = Configs(Flags())
    for index in range(50):
        configs.for_file(str(repo / "a" / "b" / f"p{index}.yaml"))
    assert len(configs.read) == 1
    assert set(configs.nearest) == {str(repo / "a" / "b"), str(repo / "a"), str(repo)}


# --- Precedence: command line > config > the proposal's call > lip-2012 ------------------------------


def test_default_call_is_for_proposals_that_name_no_call(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\ndefault-call: ircc-2024\n")
    _write(repo / "named.yaml", NEARLY)  # says `call: lip-2012`
    _write(repo / "unnamed.yaml", NEARLY.replace("call: lip-2012\n", ""))
    _, reports = _json(capsys, "named.yaml", "unnamed.yaml")
    assert [r["pack"]["id"] for r in reports] == ["lip-2012", "ircc-2024"]


def test_the_configs_pack_beats_the_proposals_call_and_the_flag_beats_both(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\npack: ontario-2008\n")
    _write(repo / "p.yaml", NEARLY)
    _, (report,) = _json(capsys, "p.yaml")
    assert report["pack"]["id"] == "ontario-2008"
    _, (flagged,) = _json(capsys, "--pack", "ircc-2024", "p.yaml")
    assert flagged["pack"]["id"] == "ircc-2024"


def test_the_configs_gate_applies_and_flags_win(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\ngate: {fail-under: 70}\n")
    _write(repo / "p.yaml", NEARLY)
    code, (report,) = _json(capsys, "p.yaml")
    assert code == 0 and report["gate"]["passed"]  # 72.2 >= 70: the config's threshold, not `ready`
    code, (strict,) = _json(capsys, "--fail-under", "90", "p.yaml")
    assert code == 1 and strict["gate"]["reasons"][0]["code"] == "fail-under"


SHORT = "LIP101 (major), LIP102 (major), LIP201 (major), LIP202 (major)"


def test_a_gate_reason_says_where_its_bar_was_set(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / "ci" / ".lipcheck.yaml", "lipcheck-config: 1\ngate: {fail-under: 90, fail-on: major}\n")
    _write(repo / "ci" / "p.yaml", NEARLY)
    code, (report,) = _json(capsys, "ci/p.yaml")
    said = [reason["message"] for reason in report["gate"]["reasons"]]
    assert code == 1
    assert said == [
        f"{SHORT} are not fully met (fail-on: major in ci/.lipcheck.yaml)",
        "score 72.2 is below fail-under: 90 in ci/.lipcheck.yaml",
    ]
    # A flag sets its own bar only: the other still comes from the config.
    code, (report,) = _json(capsys, "--fail-under", "80", "--lang", "fr", "ci/p.yaml")
    said = [reason["message"] for reason in report["gate"]["reasons"]]
    assert said == [
        f"{SHORT} ne sont pas entièrement respectées (fail-on: major dans ci/.lipcheck.yaml)",
        "la note 72,2 est sous --fail-under 80",
    ]


def test_rules_tune_the_pack_with_the_packs_own_overrides(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        repo / ".lipcheck.yaml",
        """
        lipcheck-config: 1
        rules:
          LIP405: off
          LIP103: {severity: minor, weight: 6, check: {target: 20}}
    """,
    )
    _write(repo / "p.yaml", NEARLY)
    _, (report,) = _json(capsys, "p.yaml")
    results = {r["rule"]: r for r in report["results"]}
    assert "LIP405" not in results
    assert results["LIP103"]["weight"] == 6
    assert "of the 20 aimed for" in results["LIP103"]["message"]


def test_validate_with_no_file_checks_the_configs_proposals(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        repo / ".lipcheck.yaml",
        """
        lipcheck-config: 1
        proposals: ["proposals/**/*.yaml"]
        exclude: ["proposals/archive/**"]
    """,
    )
    _write(repo / "proposals" / "b.yaml", NEARLY)
    _write(repo / "proposals" / "x" / "a.yaml", NEARLY)
    _write(repo / "proposals" / "archive" / "old.yaml", NEARLY)
    _, reports = _json(capsys)
    assert [r["file"] for r in reports] == ["proposals/b.yaml", "proposals/x/a.yaml"]


def test_expand_is_sorted_and_names_each_file_once(tmp_path: Path) -> None:
    for name in ("b.yaml", "a/c.yaml", "a/d/e.yaml", "a/skip/f.yaml", ".hidden/g.yaml"):
        _write(tmp_path / name, "x: 1\n")
    base = str(tmp_path)
    found = expand(["**/*.yaml", "a/*.yaml"], ["a/skip/**"], base)
    assert found == [str(tmp_path / name) for name in ("a/c.yaml", "a/d/e.yaml", "b.yaml")]


# --- Errors: located, all at once, exit 2 ------------------------------------------------------------


def test_unknown_keys_are_refused_with_their_place_and_a_did_you_mean(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        repo / ".lipcheck.yaml",
        """
        lipcheck-config: 1
        defualt-call: ircc-2024
        gate: {fail-undr: 70}
    """,
    )
    _write(repo / "p.yaml", NEARLY)
    code, out, err = _run(capsys, "validate", "p.yaml")
    assert code == 2 and out == ""
    assert "the config file .lipcheck.yaml has 2 problems" in err
    assert (
        "config file .lipcheck.yaml:2:1: unknown key `defualt-call` in the config"
        " (did you mean `default-call`?)"
    ) in err
    assert (
        "config file .lipcheck.yaml:3:8: unknown key `fail-undr` in `gate` (did you mean `fail-under`?)"
    ) in err
    assert "Traceback" not in err


def test_the_version_key_comes_first(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", "gate: {fail-under: 70}\nlipcheck-config: 1\n")
    _write(repo / "p.yaml", NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2
    assert "config file .lipcheck.yaml:1:1: `lipcheck-config: 1` must be the first key of the config" in err


def test_the_config_is_read_with_the_proposal_loader(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nlang: en\nlang: fr\ngate: {fail-on: yes}\n")
    _write(repo / "p.yaml", NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2
    assert ".lipcheck.yaml:3:1:" in err and "lang" in err  # a duplicate key, not the last one silently


def test_an_unknown_language_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nlang: xx\n")
    _write(repo / "p.yaml", NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2 and ".lipcheck.yaml:2:7:" in err and "`xx`" in err


def test_a_config_rule_the_pack_does_not_have_is_exit_2_located(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules:\n  LIP999: off\n")
    _write(repo / "p.yaml", NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2
    assert "config file .lipcheck.yaml:3:3: `rules: LIP999`: `LIP999` is not a rule of `lip-2012`" in err


def test_a_found_config_may_not_lead_its_pack_out_of_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    _write(tmp_path / "repo" / ".lipcheck.yaml", "lipcheck-config: 1\npack: ../elsewhere\n")
    _write(tmp_path / "repo" / "p.yaml", NEARLY)
    monkeypatch.chdir(tmp_path / "repo")
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2
    assert (
        "config file .lipcheck.yaml:2:7: the config's pack `../elsewhere` leads out of the working folder"
    ) in err
    assert "--config" in err


def test_a_config_named_with_the_flag_may_choose_any_folder_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "trusted" / "pack"
    _write(
        pack / "pack.yaml",
        """
        id: trusted-pack
        version: "1"
        title: A pack the workflow keeps
        source: the workflow
        extends: lip-2012
    """,
    )
    _write(tmp_path / "trusted" / "lipcheck.yaml", "lipcheck-config: 1\npack: ./pack\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    _write(tmp_path / "repo" / "p.yaml", NEARLY)
    monkeypatch.chdir(tmp_path / "repo")
    _, (report,) = _json(capsys, "--config", str(tmp_path / "trusted" / "lipcheck.yaml"), "p.yaml")
    assert report["pack"]["id"] == "trusted-pack"


def test_the_example_config_is_valid_and_tunes_the_pack(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    config = "examples/config/.lipcheck.yaml"
    _, (report,) = _json(capsys, "--config", config, "examples/lethbridge-ready.yaml")
    assert report["config"] == config and report["pack"]["id"] == "lip-2012+config"


def test_rules_shows_the_pack_as_the_config_tunes_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules:\n  LIP405: off\n  LIP103: {weight: 6}\n")
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Pack lip-2012+config 1.1.0:") and "as the .lipcheck.yaml sets it" in out
    assert "LIP405" not in out and "[changed: weight 4 → 6 (config)]" in out
    assert main(["rules", "--no-config"]) == 0
    assert "LIP405" in capsys.readouterr().out


def test_explain_shows_the_rule_as_the_config_tunes_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules:\n  LIP103: {weight: 6}\n")
    assert main(["explain", "LIP103"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Pack lip-2012+config 1.1.0:") and "as the .lipcheck.yaml sets it" in out
    assert "weight 4 → 6 (config)" in out
    assert main(["explain", "LIP103", "--no-config"]) == 0
    assert "(config)" not in capsys.readouterr().out


def test_a_broken_config_stops_the_run_once_before_any_proposal(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 2\n")
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        _write(repo / name, NEARLY)
    code, out, err = _run(capsys, "validate", "a.yaml", "b.yaml", "c.yaml")
    assert code == 2 and out == ""
    assert err.count("config file .lipcheck.yaml:1:18:") == 1


def test_proposals_that_match_nothing_are_said_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / ".lipcheck.yaml", 'lipcheck-config: 1\nproposals: ["drafts/*.yaml"]\n')
    code, _, err = _run(capsys, "validate")
    assert code == 2 and "the `proposals` of .lipcheck.yaml name no file" in err


def test_several_jobs_give_the_same_reports_under_configs(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(repo / ".lipcheck.yaml", "lipcheck-config: 1\nrules: {LIP405: off}\n")
    _write(repo / "sub" / ".lipcheck.yaml", "lipcheck-config: 1\ngate: {fail-under: 50}\n")
    names = []
    for index in range(6):
        names.append(
            str(_write(repo / ("sub" if index % 2 else ".") / f"p{index}.yaml", NEARLY).relative_to(repo))
        )
    one = _run(capsys, "validate", "--format", "json", *names)
    two = _run(capsys, "validate", "--format", "json", "--jobs", "2", *names)
    assert one == two and one[0] == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("default-call: ircc-2042", ".lipcheck.yaml:2:15: `default-call: ircc-2042` names no rule pack"),
        ("pack: ./packs/missing", ".lipcheck.yaml:2:7: `pack: ./packs/missing` names no rule pack"),
        ("pack: common", "config file .lipcheck.yaml:2:7: `pack: common` names no rule pack"),
    ],
)
def test_a_pack_the_config_names_must_exist(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str, expected: str
) -> None:
    _write(repo / ".lipcheck.yaml", f"lipcheck-config: 1\n{line}\n")
    _write(repo / "p.yaml", NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2 and expected in err, err
