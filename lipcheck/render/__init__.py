"""Renderers: each turns Reports into a string for one medium; none of them prints."""

from __future__ import annotations

import enum


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


def one_decimal(value: float) -> str:
    """Scores are compared unrounded and shown with one decimal."""
    return f"{value:.1f}"
