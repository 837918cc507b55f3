"""Rule texts in both languages: what packs inherit, what shipped packs must give, what user packs may."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lipcheck.cli import main
from lipcheck.messages import render
from lipcheck.packs import PackError, load_pack, registry
from lipcheck.packs.registry import shipped_ids
from tests.conftest import ROOT

ENGLISH_ONLY_CHILD = """\
id: rural-2012
version: "1.0.0"
title: Rural emphasis on the 2012 best practices
source: Illustrative regional rubric
extends: lip-2012
override:
  LIP103:
    weight: 8
    title: The council is broad for a rural community (about 10 organizations)
"""


@pytest.mark.parametrize("pack_id", shipped_ids())
def test_every_text_of_every_shipped_pack_is_in_french(pack_id: str) -> None:
    pack = load_pack(pack_id)
    assert pack.untranslated("fr") == ()
    assert pack.title.fr and pack.source.fr


def test_a_child_pack_inherits_both_languages_of_what_it_does_not_change(tmp_path: Path) -> None:
    folder = tmp_path / "child"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        ENGLISH_ONLY_CHILD.replace(
            "title: Rural emphasis on the 2012 best practices",
            "title: {en: Rural emphasis, fr: Accent rural}",
        ).replace("source: Illustrative regional rubric", "source: {en: Illustrative, fr: Fictif}"),
        encoding="utf-8",
    )
    pack = load_pack(str(folder))
    parent = load_pack("lip-2012")
    assert pack.rule("LIP101").title == parent.rule("LIP101").title  # type: ignore[union-attr]
    # An override written in English only replaces the English and leaves no stale French behind.
    changed = pack.rule("LIP103")
    assert changed is not None and changed.title.fr is None
    assert changed.title.in_("fr") == changed.title.en
    assert pack.untranslated("fr") == ("LIP103",)


def test_a_user_pack_in_english_only_is_shown_in_english_with_a_note_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "child"
    folder.mkdir()
    (folder / "pack.yaml").write_text(ENGLISH_ONLY_CHILD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["explain", "LIP103", "--pack", "./child", "--lang", "fr"])
    captured = capsys.readouterr()
    assert "The council is broad for a rural community" in captured.out
    assert "Gravité" in captured.out  # the rest is French
    assert "ne donne pas de français pour pack.yaml, LIP103" in captured.err
    main(["explain", "LIP103", "--pack", "./child", "--lang", "en"])
    assert capsys.readouterr().err == ""  # nothing to say to an English reader


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    monkeypatch.setattr(registry, "packs_folder", lambda: folder)
    return folder


def test_a_shipped_rule_without_french_is_refused_where_its_text_is(shipped: Path) -> None:
    rule = shipped / "lip-2012" / "LIP301.yaml"
    text = rule.read_text(encoding="utf-8")
    start = text.index("remediation:\n")
    end = text.index("source:\n", start)
    rule.write_text(text[:start] + "remediation: Add a campaign.\n" + text[end:], encoding="utf-8")
    with pytest.raises(PackError) as refused:
        load_pack("lip-2012")
    (problem,) = [render(found.line()) for found in refused.value.problems]
    line = text[:start].count("\n") + 1
    assert f"LIP301.yaml:{line}:1" in problem and "`remediation` is given in English only" in problem


def test_a_shipped_override_without_french_is_refused_too(shipped: Path) -> None:
    pack = shipped / "ircc-2024" / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(
        text.replace("  LIP103:\n    weight: 3\n", "  LIP103:\n    weight: 3\n    title: Broad\n")
    )
    with pytest.raises(PackError) as refused:
        load_pack("ircc-2024")
    (problem,) = [render(found.line()) for found in refused.value.problems]
    assert "ircc-2024/pack.yaml:" in problem and "`title` is given in English only" in problem
