"""French output as the OQLF sets it, and still wrapped to the terminal's width."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from lipcheck.findings import Either, Message, Number
from lipcheck.loader import Limits
from lipcheck.messages import date_text, render, text
from lipcheck.pipeline import Packs, assess_file
from lipcheck.render.json import batch_item
from lipcheck.render.text import render_report
from tests.conftest import ROOT

NBSP, NNBSP = "\u00a0", "\u202f"


def test_numbers_take_a_decimal_comma_in_french_and_a_point_in_english() -> None:
    message = Message(
        "out.score-points", {"score": Number(72.22), "earned": Number(65), "possible": Number(90)}
    )
    assert render(message, "fr") == "72,2 / 100 (65,0 points sur 90,0)"
    assert render(message, "en") == "72.2 / 100 (65.0 of 90.0 points)"


def test_dates_are_written_out_in_french_and_kept_as_iso_in_english() -> None:
    assert date_text(dt.date(2012, 3, 15), "fr") == f"15{NBSP}mars 2012"
    assert date_text(dt.date(2025, 4, 1), "fr") == f"1er{NBSP}avril 2025"
    assert date_text(dt.date(2012, 3, 15), "en") == "2012-03-15"
    said = render(
        Message("check.endorsement.given", {"by": "Ville de Winnipeg", "date": dt.date(2012, 4, 10)}), "fr"
    )
    assert said == f"appuyé par Ville de Winnipeg le 10{NBSP}avril 2012"


def test_the_colon_and_the_guillemets_hold_to_their_words() -> None:
    assert text("report.notes", "fr") == "Remarques"
    assert text("gate.fail", "fr", reasons="x") == f"ÉCHEC{NBSP}: x"
    assert text("click.try-help", "fr", command="lipcheck --help") == (
        f"Essayez «{NBSP}lipcheck --help{NBSP}» pour obtenir de l'aide."
    )
    assert text("check.sectors.missing", "fr", covered=1, total=2, missing="x") == (
        f"1 secteurs sur 2 au conseil{NNBSP}; manquants{NBSP}: x"
    )


def test_alternatives_are_joined_with_the_readers_or() -> None:
    message = Message("check.entries.absent", {"field": "support", "kinds": Either(("financial", "in-kind"))})
    assert render(message, "fr").endswith("financial ou in-kind")
    assert render(message, "en").endswith("financial or in-kind")


@pytest.fixture(scope="module")
def wood_buffalo() -> object:
    path = ROOT / "examples" / "wood-buffalo-ineligible.yaml"
    return assess_file(
        path, "examples/wood-buffalo-ineligible.yaml", Packs(forced=None), Limits(), dt.date(2026, 1, 1)
    )


@pytest.mark.parametrize("width", [60, 72, 100])
def test_french_text_wraps_to_the_width_and_never_at_a_non_breaking_space(
    wood_buffalo: object, width: int
) -> None:
    report = render_report(wood_buffalo, "fr", width=width)  # type: ignore[arg-type]
    lines = report.splitlines()
    assert max(len(line) for line in lines) <= width  # accented letters count one column each
    for line in lines:
        # A line never starts with what a non-breaking space ties to the word before it.
        assert not re.match(r"\s*[:;»%]", line), line
        assert not line.rstrip().endswith("«"), line
    assert "Note 74,7 / 100" in report and f"Comment corriger{NBSP}:" in report


def test_numbers_stay_numbers_in_french_json(wood_buffalo: object) -> None:
    item = json.loads(batch_item(wood_buffalo, "fr"))  # type: ignore[arg-type]
    assert item["lang"] == "fr"
    assert isinstance(item["score"], float) and item["score"] == pytest.approx(74.67, abs=0.01)
    assert item["verdict"] == "ineligible"  # codes stay codes
    assert {result["status"] for result in item["results"]} <= {"met", "partial", "unmet", "not-applicable"}
