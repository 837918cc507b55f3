"""Renderers: each turns Reports into a string for one medium; none of them prints."""

from __future__ import annotations

import enum
import re
from typing import NoReturn

_ASCII_SPACES = re.compile(r"[ \t\r\n]+")


class OutputFormat(str, enum.Enum):
    """Formats of `lipcheck validate --format`."""

    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    JSONL = "jsonl"


class DiffFormat(str, enum.Enum):
    """Formats of `lipcheck diff --format`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


class ReportFormat(str, enum.Enum):
    """Formats of `lipcheck report --format`."""

    HTML = "html"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    JUNIT = "junit"
    JSON = "json"
    GITHUB = "github"

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self]


_EXTENSIONS = {
    ReportFormat.HTML: ".html",
    ReportFormat.MARKDOWN: ".md",
    ReportFormat.SARIF: ".sarif",
    ReportFormat.JUNIT: ".xml",
    ReportFormat.JSON: ".json",
    ReportFormat.GITHUB: ".txt",
}


def one_decimal(value: float, lang: str = "en") -> str:
    """Scores are compared unrounded and shown with one decimal (a decimal comma in French)."""
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if lang == "fr" else shown


def short_number(value: float, lang: str = "en") -> str:
    """A weight or threshold with as few decimals as it needs: `20`, `2.5` (`2,5` in French)."""
    shown = f"{value:g}"
    return shown.replace(".", ",") if lang == "fr" else shown


def flat(paragraph: str) -> str:
    """A paragraph on one line: runs of spaces and line breaks made one space.

    Only ASCII white space counts: a non-breaking space (French typography) is part of a word.
    """
    return _ASCII_SPACES.sub(" ", paragraph).strip()


def unreachable(value: NoReturn) -> NoReturn:
    """`typing.assert_never` for a format dispatch: mypy checks that every format is handled above
    the call. (typing_extensions, where 3.10 finds it, costs a check 3 ms to import.)"""
    raise AssertionError(f"unhandled format: {value!r}")
