"""The proposal format's vocabularies (sector codes, provinces, applicant types, roles) and its date form.

Plain Python, read by the pydantic model that defines the format and by every check, without
importing pydantic.
"""

from __future__ import annotations

import re
from typing import Literal

FORMAT_VERSION = 1

SECTOR_CODES = (
    "municipal", "community", "settlement", "language", "association", "employment",
    "economic-development", "federal", "provincial", "employer", "school", "health", "police",
    "media", "postsecondary", "faith", "francophone", "library", "housing", "ethnocultural",
    "indigenous", "justice", "funder", "lived-experience", "emergency",
)  # fmt: skip

Sector = Literal[
    "municipal", "community", "settlement", "language", "association", "employment",
    "economic-development", "federal", "provincial", "employer", "school", "health", "police",
    "media", "postsecondary", "faith", "francophone", "library", "housing", "ethnocultural",
    "indigenous", "justice", "funder", "lived-experience", "emergency",
]  # fmt: skip
Province = Literal["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
ApplicantType = Literal[
    "municipality", "regional-government", "community-organization", "provincial-government",
    "federal-government", "business", "school-board", "individual", "educational-institution",
    "international-organization",
]  # fmt: skip
Role = Literal["chair", "co-chair", "member", "observer", "ex-officio"]
DirectService = Literal[
    "language-training", "employment", "information-orientation", "needs-assessment",
    "community-connections",
]  # fmt: skip

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
"""How every date is written, in proposals and on the command line (`--today`): YYYY-MM-DD."""
