"""A proposal written in French scores exactly as its English twin: the checks read both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lipcheck.loader import Limits
from lipcheck.pipeline import Packs, assess_file

ROOT = Path(__file__).resolve().parent.parent.parent
TWINS = [("saint-boniface-francophone.yaml", "saint-boniface-english.yaml")]


def test_the_french_and_english_twins_score_the_same() -> None:
    for french_name, english_name in TWINS:
        french, english = (
            assess_file(ROOT / "examples" / name, name, Packs(forced=None), Limits(), dt.date(2026, 1, 1))
            for name in (french_name, english_name)
        )
        assert (french.score, french.verdict) == (english.score, english.verdict)
        assert [(r.rule, r.status, r.credit) for r in french.results] == [
            (r.rule, r.status, r.credit) for r in english.results
        ]


def test_a_french_mission_earns_the_welcoming_rule_as_its_english_twin_does() -> None:
    for french_name, english_name in TWINS:
        french, english = (
            assess_file(ROOT / "examples" / name, name, Packs(forced=None), Limits(), dt.date(2026, 1, 1))
            for name in (french_name, english_name)
        )
        (welcoming_fr,) = [r for r in french.results if r.rule == "LIP401"]
        (welcoming_en,) = [r for r in english.results if r.rule == "LIP401"]
        assert welcoming_fr.credit == welcoming_en.credit == 1.0
