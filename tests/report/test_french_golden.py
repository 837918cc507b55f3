"""Golden French reports: two examples in every format, as a francophone council receives them.

Saint-Boniface is written in French (`language: fr`) and gets French without asking; Wood
Buffalo is an English proposal read with `--lang fr`, with a blocker and an ineligible verdict.
"""

from __future__ import annotations

import pytest

from lipcheck import __version__
from tests.conftest import check_golden
from tests.report.conftest import Runner, example, without_version

FRENCH = {"saint-boniface-francophone": [], "wood-buffalo-ineligible": ["--lang", "fr"]}
REPORT_FORMATS = {"html": "html", "markdown": "md", "sarif": "sarif", "junit": "junit.xml", "json": "json",
                  "github": "github.txt"}  # fmt: skip


@pytest.mark.parametrize("stem", FRENCH)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_validate_in_french(lipcheck: Runner, stem: str, output_format: str) -> None:
    run = lipcheck("validate", example(stem), "--format", output_format, *FRENCH[stem])
    assert run.code in (0, 1) and not run.err
    extension = "txt" if output_format == "text" else "json"
    check_golden(f"fr/validate-{stem}.{extension}", run.out)


@pytest.mark.parametrize("stem", FRENCH)
@pytest.mark.parametrize("report_format", REPORT_FORMATS)
def test_report_in_french(lipcheck: Runner, stem: str, report_format: str) -> None:
    run = lipcheck("report", example(stem), "-f", report_format, "-o", "-", *FRENCH[stem])
    assert run.code in (0, 1)
    shown = without_version(run.out).replace(f"lipcheck {__version__}", "lipcheck VERSION")
    check_golden(f"fr/report-{stem}.{REPORT_FORMATS[report_format]}", shown)
