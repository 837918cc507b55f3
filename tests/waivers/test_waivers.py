"""Waivers: a rule accepted as not met, with a reason, an owner and an end, shown in every report.

The rules, as docs/config.md states them: a waiver applies while `expires` >= `--today`; a waived
rule leaves the denominator and fails no gate; an expired waiver counts the rule again and warns
(`waiver-expired`); a waiver of a rule that is met warns (`waiver-unused`); a waiver of a rule the
pack does not have is a located error (exit 1 in a proposal, exit 2 in a config).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from lipcheck.cli import main
from lipcheck.findings import Location
from lipcheck.loader import Limits
from tests.conftest import EXAMPLES, TODAY
from tests.report.test_sarif import validate as validate_sarif

NEARLY = (EXAMPLES / "medicine-hat-nearly-ready.yaml").read_text(encoding="utf-8")
"""Nearly ready (72.24): LIP202 (10 points) is not met, LIP301 is met."""
INELIGIBLE = (EXAMPLES / "wood-buffalo-ineligible.yaml").read_text(encoding="utf-8")
"""Ineligible: the blocker LIP003 is not met."""


def waiver(rule: str, expires: str = "2027-03-31", **extra: str) -> str:
    lines = [
        f"  - rule: {rule}",
        "    reason: The City's own 2027 service review covers it.",
        "    owner: Jane Doe, City of Medicine Hat",
        f"    expires: {expires}",
        *(f"    {key}: {value}" for key, value in extra.items()),
    ]
    return "\n".join(lines) + "\n"


def with_waivers(proposal: str, *entries: str) -> str:
    return proposal.rstrip("\n") + "\nwaivers:\n" + "".join(entries)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str, today: str = TODAY) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--today", today])
    out, err = capsys.readouterr()
    return code, out, err


def _report(capsys: pytest.CaptureFixture[str], path: str, today: str = TODAY) -> tuple[int, dict[str, Any]]:
    code, out, err = _run(capsys, "validate", "--format", "json", path, today=today)
    assert code in (0, 1), err
    (report,) = json.loads(out)["reports"]
    return code, report


def _result(report: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(r for r in report["results"] if r["rule"] == rule)


# --- Semantics ---------------------------------------------------------------------------------------


def test_a_waived_rule_leaves_the_denominator_and_both_scores_are_given(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202")))
    code, report = _report(capsys, "p.yaml")
    assert code == 0 and report["verdict"] == "ready"
    assert report["possible"] == 90.0
    assert report["score"] == 80.27 and report["score_without_waivers"] == 72.24
    waived = _result(report, "LIP202")
    assert waived["status"] == "waived"
    assert waived["message"] == "not filled in: municipality.liaison_intent"  # keeps its own message
    assert waived["waiver"]["owner"] == "Jane Doe, City of Medicine Hat"
    assert waived["waiver"]["days_left"] == 454
    assert "LIP202" not in report["fixes_to_ready"]


def test_a_waived_rule_fails_no_gate(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202"), waiver("LIP201"), waiver("LIP101"),
                                              waiver("LIP102")))  # fmt: skip
    code, _, err = _run(capsys, "validate", "--fail-on", "major", "-q", "p.yaml")
    assert code == 0, err


def test_a_waived_blocker_lets_the_verdict_pass_but_says_ineligible_without_waivers(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "p.yaml").write_text(with_waivers(INELIGIBLE, waiver("LIP003")))
    _, report = _report(capsys, "p.yaml")
    assert report["verdict"] != "ineligible"
    assert report["ineligible_without_waivers"] == ["LIP003"]
    _, out, _ = _run(capsys, "validate", "p.yaml")
    assert "ineligible without waivers (LIP003)" in out


@pytest.mark.parametrize(("today", "applies"), [("2027-03-31", True), ("2027-04-01", False)])
def test_a_waiver_applies_through_its_last_day_judged_by_today(
    repo: Path, capsys: pytest.CaptureFixture[str], today: str, applies: bool
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202")))
    _, report = _report(capsys, "p.yaml", today=today)
    assert (_result(report, "LIP202")["status"] == "waived") is applies
    codes = [warning["code"] for warning in report["warnings"]]
    assert codes == ([] if applies else ["waiver-expired"])


def test_an_expired_waiver_counts_the_rule_again_and_warns_where_it_is_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202", expires="2025-12-31")))
    code, report = _report(capsys, "p.yaml")
    assert code == 1 and report["score"] == 72.24 and _result(report, "LIP202")["status"] == "unmet"
    (warning,) = report["warnings"]
    line = NEARLY.count("\n") + 2  # the first item under `waivers:`
    assert warning == {
        "code": "waiver-expired",
        "message": "the waiver of LIP202 expired on 2025-12-31 (Jane Doe, City of Medicine Hat): "
        "the rule counts again",
        "hint": None,
        "location": {"line": line, "column": 5},
    }


def test_a_waiver_of_a_rule_that_is_met_is_unused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP301")))
    _, report = _report(capsys, "p.yaml")
    assert [w["code"] for w in report["warnings"]] == ["waiver-unused"]
    assert report["waivers"][0]["state"] == "unused"
    assert _result(report, "LIP301")["status"] == "met"


def test_a_proposal_waiver_of_a_rule_the_pack_lacks_is_a_located_finding(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP999")))
    code, report = _report(capsys, "p.yaml")
    assert code == 1 and report["verdict"] == "invalid"
    (finding,) = report["findings"]
    assert finding["code"] == "waiver-unknown-rule"
    assert finding["message"] == "the waiver names `LIP999`, which is not a rule of `lip-2012`"
    assert finding["location"] == {"line": NEARLY.count("\n") + 2, "column": 11}


def test_a_brief_report_places_a_waiver_it_refuses(repo: Path) -> None:
    """`validate -q` leaves its waivers unplaced, but one of a rule the pack lacks is still refused
    where it is written."""
    import datetime as dt

    from lipcheck.pipeline import Packs, assess_file

    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP999"), waiver("LIP202")))
    report = assess_file(repo / "p.yaml", "p.yaml", Packs(), Limits(), dt.date(2026, 12, 2), brief=True)
    (finding,) = report.findings
    assert finding.code == "waiver-unknown-rule"
    assert finding.location == Location(NEARLY.count("\n") + 2, 11)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (
            "  - rule: LIP202\n    reason: ''\n    owner: Jane Doe\n    expires: 2027-03-31\n",
            "waivers[0].reason",
        ),
        ("  - rule: LIP202\n    reason: Why\n    expires: 2027-03-31\n", "waivers[0].owner"),
        (
            "  - rule: LIP202\n    reason: Why\n    owner: Jane Doe\n    expires: 31/03/2027\n",
            "waivers[0].expires",
        ),
        (
            "  - rule: lip202\n    reason: Why\n    owner: Jane Doe\n    expires: 2027-03-31\n",
            "waivers[0].rule",
        ),
    ],
)
def test_a_waiver_needs_a_rule_a_reason_an_owner_and_an_iso_expiry(
    repo: Path, capsys: pytest.CaptureFixture[str], entry: str, field: str
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, entry))
    code, out, _ = _run(capsys, "validate", "p.yaml")
    assert code == 1 and field.replace("waivers[0].", "") in out and "waivers[0]" in out


def test_config_waivers_apply_to_the_files_their_globs_name(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".lipcheck.yaml").write_text(
        "lipcheck-config: 1\nwaivers:\n" + waiver("LIP202", files='["proposals/mh-*.yaml"]')
    )
    (repo / "proposals").mkdir()
    (repo / "proposals" / "mh-2027.yaml").write_text(NEARLY)
    (repo / "proposals" / "other.yaml").write_text(NEARLY)
    _, named = _report(capsys, "proposals/mh-2027.yaml")
    _, other = _report(capsys, "proposals/other.yaml")
    assert _result(named, "LIP202")["status"] == "waived"
    assert named["waivers"][0]["file"] == ".lipcheck.yaml"
    assert _result(other, "LIP202")["status"] == "unmet" and other["waivers"] == []


def test_in_one_run_each_file_gets_the_config_waivers_that_take_it_in(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Files that a config's waivers take in alike share their settings; the others do not get them.
    (repo / ".lipcheck.yaml").write_text(
        "lipcheck-config: 1\nwaivers:\n"
        + waiver("LIP202", files='["proposals/mh-*.yaml"]')
        + waiver("LIP201", files='["proposals/*.yaml"]')
    )
    (repo / "proposals").mkdir()
    names = ["mh-1.yaml", "other.yaml", "mh-2.yaml", "last.yaml"]
    for name in names:
        (repo / "proposals" / name).write_text(NEARLY)
    paths = [f"proposals/{name}" for name in names]
    code, out, err = _run(capsys, "validate", "--format", "json", "--jobs", "1", *paths)
    assert code in (0, 1), err
    reports = {Path(report["file"]).name: report for report in json.loads(out)["reports"]}
    for name in names:
        waived = {use["rule"] for use in reports[name]["waivers"]}
        assert waived == ({"LIP201", "LIP202"} if name.startswith("mh-") else {"LIP201"}), name
        assert _result(reports[name], "LIP202")["status"] == ("waived" if name.startswith("mh-") else "unmet")


def test_one_config_waiver_is_applied_to_one_file_and_unused_on_another_in_one_run(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A config's waiver is one object for every file it takes in: what it became for one file
    (applied, with no warning) does not leak into another's (unused, with its warning), either way."""
    (repo / ".lipcheck.yaml").write_text("lipcheck-config: 1\nwaivers:\n" + waiver("LIP202"))
    ready = (EXAMPLES / "lethbridge-ready.yaml").read_text(encoding="utf-8")
    for name, text in (("a-short.yaml", NEARLY), ("b-ready.yaml", ready), ("c-short.yaml", NEARLY)):
        (repo / name).write_text(text)
    code, out, err = _run(
        capsys, "validate", "--format", "json", "--jobs", "1", "a-short.yaml", "b-ready.yaml", "c-short.yaml"
    )
    assert code in (0, 1), err
    reports = {report["file"]: report for report in json.loads(out)["reports"]}
    for name, state in (("a-short.yaml", "applied"), ("b-ready.yaml", "unused"), ("c-short.yaml", "applied")):
        assert [use["state"] for use in reports[name]["waivers"]] == [state], name
        warned = [warning["code"] for warning in reports[name]["warnings"]]
        assert warned == ([] if state == "applied" else ["waiver-unused"]), name


def test_a_config_waiver_of_a_rule_the_pack_lacks_stops_the_run(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".lipcheck.yaml").write_text("lipcheck-config: 1\nwaivers:\n" + waiver("LIP999"))
    (repo / "p.yaml").write_text(NEARLY)
    code, _, err = _run(capsys, "validate", "p.yaml")
    assert code == 2
    assert (
        "config file .lipcheck.yaml:3:11: the waiver names `LIP999`, which is not a rule of `lip-2012`" in err
    )


# --- Every format shows waivers -----------------------------------------------------------------------


@pytest.fixture
def waived(repo: Path) -> Path:
    """A proposal with its own waiver (LIP202) and a config waiver (LIP201), both in force."""
    (repo / ".lipcheck.yaml").write_text(
        "lipcheck-config: 1\nwaivers:\n" + waiver("LIP201", expires="2026-06-30")
    )
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202")))
    return repo / "p.yaml"


def _format(capsys: pytest.CaptureFixture[str], name: str) -> str:
    code, out, err = _run(capsys, "report", "--format", name, "--output", "-", "p.yaml")
    assert code in (0, 1), err
    return out


def test_text_lists_waivers_in_their_own_section(waived: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "validate", "p.yaml")
    assert "Score without waivers: " in out
    section = out[out.index("\nWaivers\n") :]
    assert section.index("LIP201") < section.index("LIP202")  # soonest expiry first
    assert "waived until 2026-06-30 by Jane Doe, City of Medicine Hat" in section
    assert "(180 days left)" in section and ".lipcheck.yaml:3:5" in section


def test_html_and_markdown_list_waivers(waived: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _format(capsys, "html")
    assert 'class="waivers"' in page and "Jane Doe, City of Medicine Hat" in page and "180 days left" in page
    markdown = _format(capsys, "markdown")
    assert "**Waivers**" in markdown and "**Score without waivers:" in markdown
    assert "- **LIP201** waived until 2026-06-30" in markdown


def test_sarif_suppresses_each_waived_result_and_stays_valid(
    waived: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = json.loads(_format(capsys, "sarif"))
    validate_sarif(log)
    suppressed = {r["ruleId"]: r["suppressions"] for r in log["runs"][0]["results"] if "suppressions" in r}
    assert suppressed["LIP202"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "The City's own 2027 service review covers it.",
            "properties": {
                "owner": "Jane Doe, City of Medicine Hat",
                "expires": "2027-03-31",
                "file": "p.yaml",
            },
        }
    ]
    assert suppressed["LIP201"][0]["kind"] == "external"


def test_sarif_warns_of_an_expired_waiver_and_stays_valid(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202", expires="2025-01-01")))
    log = json.loads(_format(capsys, "sarif"))
    validate_sarif(log)
    (warning,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "waiver-expired"]
    assert warning["level"] == "warning"


def test_junit_skips_a_waived_rule(waived: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ET.fromstring(_format(capsys, "junit"))
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("LIP202"))
    skipped = case.find("skipped")
    assert skipped is not None
    assert skipped.get("message") == (
        "waived: The City's own 2027 service review covers it."
        " (Jane Doe, City of Medicine Hat, until 2027-03-31)"
    )
    assert case.find("failure") is None


def test_github_prints_a_notice_per_waiver(waived: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _format(capsys, "github").splitlines()
    notices = [line for line in lines if line.startswith("::notice") and "Waivers" in line]
    assert len(notices) == 2
    assert notices[0].startswith("::notice file=.lipcheck.yaml,line=3,col=5,title=LIP201%3A Waivers::")


# --- lipcheck waivers ---------------------------------------------------------------------------------


def test_waivers_lists_every_waiver_soonest_first(waived: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "waivers", "p.yaml")
    assert code == 0
    first, second = out.splitlines()
    assert first.startswith(
        "2026-06-30  in force (180 days left)  LIP201  Jane Doe, City of Medicine Hat  .lipcheck.yaml:3:5"
    )
    assert second.startswith("2027-03-31  in force (454 days left)  LIP202")


def test_waivers_with_no_file_reads_the_configs_proposals_and_its_own_waivers(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".lipcheck.yaml").write_text(
        'lipcheck-config: 1\nproposals: ["*.yaml"]\nwaivers:\n' + waiver("LIP201", files='["none-yet.yaml"]')
    )
    (repo / "p.yaml").write_text(with_waivers(NEARLY, waiver("LIP202", expires="2025-06-30")))
    code, out, _ = _run(capsys, "waivers")
    assert code == 0
    assert [line.split("  ")[2] for line in out.splitlines()] == ["LIP202", "LIP201"]
    assert "expired (expired 185 days ago)" in out


@pytest.mark.parametrize(("days", "code"), [("179", 0), ("180", 1)])
def test_expiring_within_exits_1_when_a_waiver_ends_in_the_window(
    waived: Path, capsys: pytest.CaptureFixture[str], days: str, code: int
) -> None:
    exit_code, _, err = _run(capsys, "waivers", "--expiring-within", days, "p.yaml")
    assert exit_code == code
    assert ("1 waiver expires within 180 days" in err) is bool(code)
