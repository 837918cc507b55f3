"""The council roster kept in a spreadsheet: `council.members_file` read into members, row by row.

A pull request can name any file, so the spreadsheet is confined like evidence (lipcheck.paths):
inside the proposal's folder, no symlink out, a regular file, and at most MAX_BYTES. Every problem
of the file is a finding at `council.csv:ROW:COLUMN`, all at once; a member read from it keeps its
row as its location in every report.
"""

from __future__ import annotations

import difflib
import io
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lipcheck.codes import SECTOR_CODES
from lipcheck.findings import Finding, Location, Message
from lipcheck.loader import MOST_FINDINGS, Document, PathKey, Positions
from lipcheck.paths import confined_file
from lipcheck.placeholders import is_placeholder

MAX_BYTES = 1_000_000
"""Largest spreadsheet read: thousands of members; a council has tens."""
COLUMNS = ("organization", "sectors", "role", "representative")
_HEADERS = {
    "organization": "organization", "organisation": "organization", "organization name": "organization",
    "sectors": "sectors", "sector": "sectors", "secteurs": "sectors", "secteur": "sectors",
    "role": "role", "representative": "representative", "representant": "representative",
    "representante": "representative",
}  # fmt: skip
_ROLES = ("chair", "co-chair", "member", "observer", "ex-officio")


@dataclass
class _Mark:
    """A position in the spreadsheet, as the loader's marks count (from 0)."""

    line: int
    column: int
    file: str


def _folded(header: str) -> str:
    plain = unicodedata.normalize("NFKD", header.strip().casefold())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).replace("_", " ").split())


def read_members(
    path: Path, shown: str
) -> tuple[list[dict[str, Any]], tuple[Finding, ...], list[dict[str, tuple[int, int]]]]:
    """The members in the spreadsheet at `path` (shown as `shown`), its problems, and each cell's place.

    Each member is a dict of the format's keys; each place maps a key to (row, column), from 1.
    """
    import csv  # only for a proposal that names a spreadsheet

    where = Location(1, 1, shown)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return [], (_problem("members-file.unreadable", where, reason=error.strerror or str(error)),), []
    if len(raw) > MAX_BYTES:
        return [], (_problem("members-file.too-big", where, limit=MAX_BYTES),), []
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [], (_problem("members-file.not-utf8", Location(line, 1, shown)),), []
    first = content.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    problems: list[Finding] = []
    members: list[dict[str, Any]] = []
    places: list[dict[str, tuple[int, int]]] = []
    try:
        header = next(reader, None)
        if header is None:
            return [], (_problem("members-file.empty", where),), []
        columns: dict[int, str] = {}
        for number, name in enumerate(header, 1):
            key = _HEADERS.get(_folded(name))
            if key is None:
                close = difflib.get_close_matches(_folded(name), list(_HEADERS), n=1, cutoff=0.6)
                hint = Message("hint.did-you-mean", {"suggestion": _HEADERS[close[0]]}) if close else None
                problems.append(
                    _problem(
                        "members-file.unknown-column", Location(1, number, shown), hint, column=name.strip()
                    )
                )
            elif key in columns.values():
                problems.append(_problem("members-file.column-twice", Location(1, number, shown), column=key))
            else:
                columns[number] = key
        if "organization" not in columns.values():
            problems.append(_problem("members-file.no-organization", where, columns=", ".join(COLUMNS)))
            return [], tuple(problems), []
        for cells in reader:
            row = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            member: dict[str, Any] = {}
            place: dict[str, tuple[int, int]] = {"": (row, 1)}
            for number, cell in enumerate(cells, 1):
                key = columns.get(number)
                value = cell.strip()
                if key is None or is_placeholder(value):
                    continue
                place[key] = (row, number)
                if key == "sectors":
                    codes = _codes(value, delimiter, Location(row, number, shown), problems)
                    if codes:
                        member["sectors"] = codes
                elif key == "role":
                    role = _role(value, Location(row, number, shown), problems)
                    if role:
                        member["role"] = role
                else:
                    member[key] = value
            if "organization" not in member:
                number = next(n for n, key in columns.items() if key == "organization")
                problems.append(_problem("members-file.no-name", Location(row, number, shown), row=row))
                continue
            members.append(member)
            places.append(place)
    except csv.Error as error:
        problems.append(
            _problem("members-file.csv", Location(reader.line_num or 1, 1, shown), reason=str(error))
        )
    return members, tuple(problems[:MOST_FINDINGS]), places


def _codes(cell: str, delimiter: str, where: Location, problems: list[Finding]) -> list[str]:
    separators = ("|", ";") if delimiter == "," else ("|",)
    for separator in separators[1:]:
        cell = cell.replace(separator, separators[0])
    codes = []
    for code in (part.strip() for part in cell.split("|")):
        if not code:
            continue
        if code in SECTOR_CODES:
            codes.append(code)
            continue
        folded = {known.casefold(): known for known in SECTOR_CODES}
        if code.casefold() in folded:
            hint = Message("hint.case-only", {"value": code, "code": folded[code.casefold()]})
        else:
            close = difflib.get_close_matches(code, SECTOR_CODES, n=1, cutoff=0.6)
            hint = (
                Message("hint.did-you-mean", {"suggestion": close[0]}) if close else Message("hint.sectors")
            )
        problems.append(_problem("members-file.unknown-sector", where, hint, code=code))
    return codes


def _role(cell: str, where: Location, problems: list[Finding]) -> str | None:
    if cell in _ROLES:
        return cell
    folded = {role.casefold(): role for role in _ROLES}
    hint: Message | None
    if cell.casefold() in folded:
        hint = Message("hint.case-only", {"value": cell, "code": folded[cell.casefold()]})
    else:
        close = difflib.get_close_matches(cell.casefold(), _ROLES, n=1, cutoff=0.6)
        hint = Message("hint.did-you-mean", {"suggestion": close[0]}) if close else None
    problems.append(_problem("members-file.unknown-role", where, hint, role=cell, allowed=", ".join(_ROLES)))
    return None


def _problem(message_id: str, where: Location, hint: Message | None = None, **args: object) -> Finding:
    return Finding(message_id, Message(message_id, args), where, hint)


def joined(document: Document, folder: Path | None, shown_as: str) -> tuple[Document, tuple[Finding, ...]]:
    """`document` with the members of its `council.members_file` added after the inline ones.

    Problems with the file (where it is, what it holds) come back as findings, all at once.
    """
    data = document.data
    council = data.get("council") if isinstance(data, dict) else None
    if not isinstance(council, dict):
        return document, ()
    written = council.get("members_file")
    if not isinstance(written, str) or not written:
        return document, ()
    at = document.positions.value(("council", "members_file"))
    if folder is None:
        return document, (_problem("members-file.no-folder", at),)
    target, problem = confined_file(folder, written)
    if target is None:
        return document, (
            _problem(f"members-file.{problem}", at, Message("hint.members-file"), path=written),
        )
    shown = os.path.join(os.path.dirname(shown_as), written) if os.path.dirname(shown_as) else written  # noqa: PTH118, PTH120
    members, problems, places = read_members(target, shown)
    if problems:
        return document, problems
    inline = council.get("members")
    start = len(inline) if isinstance(inline, list) else 0
    values = dict(document.positions.values)
    keys = dict(document.positions.keys)
    for offset, place in enumerate(places):
        base: PathKey = ("council", "members", start + offset)
        for key, (row, column) in place.items():
            mark = _Mark(row - 1, column - 1, shown)
            path: PathKey = (*base, key) if key else base
            values[path] = mark
            if key:
                keys[path] = mark
    new_council = {**council, "members": [*(inline if isinstance(inline, list) else []), *members]}
    new_data = {**data, "council": new_council}
    return replace(document, data=new_data, positions=Positions(values, keys)), ()
