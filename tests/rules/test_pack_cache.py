"""A compiled pack is used only while it matches the pack's files, and gives the same rules."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lipcheck import pack as pack_module
from lipcheck.pack import Pack, load_pack
from tests.conftest import ROOT


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(ROOT / "rules" / "lip-2012", tmp_path / "pack")
    return tmp_path / "pack"


def summary(pack: Pack) -> list[object]:
    return [
        pack.id, pack.version, pack.title, pack.thresholds.ready, pack.thresholds.nearly_ready,
        dict(pack.parameters),
        [(r.id, r.title, r.severity, r.weight, r.kind, r.params, r.remediation) for r in pack.rules],
        [r.reading for r in pack.rules],
    ]  # fmt: skip


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path) -> Pack:
        raise AssertionError(f"{folder} was read from its files")

    monkeypatch.setattr(pack_module, "_read_pack", refuse)


def test_the_second_load_comes_from_the_cache_and_is_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_pack(str(folder))
    forbid_reading(monkeypatch)
    second = load_pack(str(folder))
    assert summary(second) == summary(first)
    assert second.rule("LIP401") is not None
    assert second.rule("LIP401").params.stems == first.rule("LIP401").params.stems  # a tuple again
    assert second.rule("LIP101").examples.passing  # examples are read from the rule file on demand


def test_an_edited_rule_is_read_afresh(folder: Path) -> None:
    load_pack(str(folder))
    rule = folder / "LIP103.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("weight: 4", "weight: 3"), encoding="utf-8")
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 1_000_000))
    assert load_pack(str(folder)).rule("LIP103").weight == 3


def test_a_damaged_cache_is_ignored(folder: Path, tmp_path: Path) -> None:
    load_pack(str(folder))
    for cached in (tmp_path / "cache").iterdir():
        cached.write_text("{not json", encoding="utf-8")
    assert load_pack(str(folder)).rule("LIP103").weight == 4


def test_an_empty_cache_setting_turns_the_cache_off(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", "")
    load_pack(str(folder))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_is_not_an_error(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LIPCHECK_CACHE_DIR", str(blocker / "cache"))
    assert load_pack(str(folder)).id == "lip-2012"
