"""The report a council chair prints: the decision first, what is missing here, the roster, a footer."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lipcheck.loader import load_text
from lipcheck.pipeline import Packs, assess
from lipcheck.render.html import css_string, render_reports
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 1, 1)


def page(name: str, stamp: str | None = None) -> str:
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    return render_reports([assess(load_text(text), f"examples/{name}.yaml", Packs(), TODAY)], stamp=stamp)


def test_the_decision_names_community_applicant_and_submission() -> None:
    html = page("brooks-not-ready")
    header = html[
        html.index('<header class="report-header">') : html.index("</header>", html.index("report-header"))
    ]
    for label in ("Community", "Applicant", "Rule pack", "Submitted"):
        assert f"<dt>{label}</dt>" in header


def test_each_big_fix_says_what_this_proposal_lacks() -> None:
    html = page("brooks-not-ready")
    fixes = html[html.index('<ol class="fixes">') : html.index("</ol>", html.index('<ol class="fixes">'))]
    assert fixes.count('class="fix-found"') >= 1
    assert "missing:" in fixes or "not filled in" in fixes or "no " in fixes


def test_the_roster_lists_every_member_with_role_and_representative() -> None:
    html = page("lethbridge-ready")
    roster = html[
        html.index('<table class="roster-table">') : html.index("</table>", html.index("roster-table"))
    ]
    assert (
        roster.count("<tr>") == 1 + roster.count('<th scope="row">')
        and roster.count('<th scope="row">') >= 10
    )


def test_a_member_placed_by_its_name_is_marked_inferred() -> None:
    proposal = "lipcheck: 1\ncouncil:\n  members:\n    - {organization: Red Deer Polytechnic}\n"
    html = render_reports([assess(load_text(proposal), "p.yaml", Packs(), TODAY)])
    assert 'Red Deer Polytechnic <span class="inferred">(inferred from its name)</span>' in html


def test_the_print_footer_carries_the_title_and_page_numbers() -> None:
    html = page("lethbridge-ready")
    assert re.search(r'@page \{ @bottom-left \{ content: "[^"]*Lethbridge[^"]*"; \}', html)
    assert 'counter(page) " / " counter(pages)' in html


@pytest.mark.parametrize(
    "title", ['"; } body { color: red } x { content: "', "</style><script>alert(1)</script>"]
)
def test_a_title_cannot_break_out_of_the_footer(title: str) -> None:
    quoted = css_string(title)
    assert quoted.startswith('"') and quoted.endswith('"') and '"' not in quoted[1:-1]
    assert "<" not in quoted and "}" not in quoted


def test_no_date_unless_asked() -> None:
    assert "Report of" not in page("lethbridge-ready")
    assert "Report of 2026-01-01." in page("lethbridge-ready", stamp="2026-01-01")


def test_source_date_epoch_dates_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from lipcheck.output import stamp

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert stamp(False, TODAY) == "2023-11-14"
    assert stamp(True, TODAY) == "2026-01-01"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert stamp(False, TODAY) is None


def test_field_paths_read_as_labels_with_the_path_in_small_code() -> None:
    from lipcheck.render.sentences import field_label

    assert field_label("municipality.liaison_intent", "en") == "Municipality › Liaison intent"
    assert field_label("partner_support[].evidence", "en") == "Partner support › Evidence"
    assert field_label("not.a.field", "en") is None
    html = page("brooks-not-ready")
    assert '<li>Community organizations <code class="path">community</code></li>' in html
