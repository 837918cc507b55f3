"""Each shipped example is checked under the call it answers, and gets the verdict that call's tables give."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from lipcheck.cli import main
from tests.conftest import EXAMPLES, ROOT, TODAY

# (pack, verdict, points earned, points possible): possible is out of the rules that apply.
CALLS = {
    "lethbridge-ready": ("lip-2012", "ready", 96.33, 100),
    "south-shore-zip-nearly-ready": ("ircc-2024", "nearly-ready", 65.8, 97),
    "hamilton-renewal-ready": ("ircc-2024", "ready", 77.3, 80),
    "london-middlesex-2008-nearly-ready": ("ontario-2008", "nearly-ready", 77.47, 100),
}


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    """Every example's report, from one `lipcheck validate examples/*.yaml --format json` run."""
    files = sorted(str(path.relative_to(ROOT)) for path in EXAMPLES.glob("*.yaml"))
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.chdir(ROOT)
        main(["validate", "--today", TODAY, "--format", "json", *files])
    batch = json.loads(out.getvalue())
    return {Path(report["file"]).stem: report for report in batch["reports"]}


@pytest.mark.parametrize(("name", "expected"), CALLS.items())
def test_an_example_is_checked_under_its_own_call(
    reports: dict[str, dict[str, Any]], name: str, expected: tuple[str, str, float, float]
) -> None:
    pack, verdict, earned, possible = expected
    report = reports[name]
    assert report["pack"] == {"id": pack, "version": "1.1.0"}
    assert report["verdict"] == verdict
    assert (report["earned"], report["possible"]) == (pytest.approx(earned, abs=0.01), possible)


def test_a_city_lip_renewing_is_not_asked_what_only_a_new_zip_must_show(
    reports: dict[str, dict[str, Any]],
) -> None:
    statuses = {result["rule"]: result["status"] for result in reports["hamilton-renewal-ready"]["results"]}
    assert statuses["LIP008"] == statuses["LIP104"] == statuses["LIP204"] == "not-applicable"
    assert statuses["LIP108"] == "met"  # a francophone minority lives in Hamilton


def test_a_new_zip_is_asked_for_partner_support_and_the_municipal_letter(
    reports: dict[str, dict[str, Any]],
) -> None:
    results = {result["rule"]: result for result in reports["south-shore-zip-nearly-ready"]["results"]}
    assert results["LIP008"]["status"] == "met"
    assert results["LIP104"]["missing"] == ["emergency-services"]
    assert results["LIP204"]["status"] == "met"
    assert results["LIP108"]["status"] == "not-applicable"


def test_the_2008_call_weighs_terms_of_reference_as_a_major_rule(
    reports: dict[str, dict[str, Any]],
) -> None:
    results = {result["rule"]: result for result in reports["london-middlesex-2008-nearly-ready"]["results"]}
    assert (results["LIP408"]["severity"], results["LIP408"]["weight"]) == ("major", 16.0)
    assert "LIP201" not in results and "LIP401" not in results
