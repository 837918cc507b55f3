"""The address of lipcheck's documentation that SARIF links to: `--docs-url`, else `LIPCHECK_DOCS_URL`.

lipcheck has no address of its own on the web, so it links only where the user says its docs/
folder is served (GitHub's view of the repository at the version in use, for one). The value is
never read from a proposal's `.lipcheck.yaml`: a pull request must not choose where links lead.
Whoever gives it, it is checked like any input from outside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from lipcheck.errors import LipcheckError
from lipcheck.findings import Message

ENVIRONMENT = "LIPCHECK_DOCS_URL"
FLAG = "--docs-url"
MOST = 2000
"""Characters: longer addresses are refused (browsers and code scanning cut them)."""

# Printable ASCII without space, quotes, `<`, `>`, `\`, `^`, backtick, `{`, `|`, `}`: what RFC 3986
# allows unescaped. Anything else must come percent-encoded, so no link can carry markup or a line.
_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def docs_base(flag: str | None, environment: Mapping[str, str]) -> str | None:
    """The documentation's base address, ending in `/`, or None when neither source gives one.

    Raises LipcheckError, naming the source, when the value is not an absolute http(s) address
    without user name, query or fragment (rule pages and anchors are added after it).
    """
    if flag is not None:
        return checked(flag, FLAG)
    given = environment.get(ENVIRONMENT, "")
    return checked(given, ENVIRONMENT) if given.strip() else None


def checked(value: str, source: str) -> str:
    """`value` as a base address, with a `/` added at its end when it has none."""
    if not _acceptable(value):
        raise LipcheckError(
            Message("cli.bad-docs-url", {"source": source, "value": value[:200]}), Message("hint.docs-url")
        )
    return value if value.endswith("/") else value + "/"


def _acceptable(value: str) -> bool:
    if not value or len(value) > MOST or not _URI_CHARACTERS.fullmatch(value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and parts.username is None
        and parts.password is None
        and not parts.query
        and not parts.fragment
        and "?" not in value
        and "#" not in value
    )
