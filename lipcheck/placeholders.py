"""What counts as *not filled in*: the placeholders `lipcheck init` writes, and the ones people type.

One definition for every rule: validation removes placeholder values before the schema and the
checks see the proposal, so a `TODO` is read as a field left out, never as text that meets a rule.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from lipcheck.findings import Location
from lipcheck.frozen import frozen
from lipcheck.loader import Document, PathKey, Positions

WORDS = ("TODO", "TBD", "À compléter", "...")
"""The placeholders `lipcheck init` writes and the documentation names (empty text counts too)."""
_FOLDED = frozenset(
    unicodedata.normalize("NFC", word).casefold() for word in (*WORDS, "…", "a completer", "à completer", "")
)


STARTS = "tTaA."
"""What a placeholder written in ASCII starts with: every one folds to a word that starts with t,
a or a dot (or to nothing). ASCII text that starts with any other character is none; text that
starts with a character past ASCII needs the whole test."""
_WORDS_FOLDED = frozenset({"todo", "tbd", "à compléter"})
"""The placeholder words, folded, that may also be written with dots after them (`TODO...`)."""
_LONGEST = 3 * max(len(word) for word in _FOLDED)
"""No longer than this before normalizing (a letter and two combining accents at most per letter)."""


def is_placeholder(value: object) -> bool:
    """True for text that says "fill this in": `TODO`, `TBD`, `À compléter`, `...`, or blank."""
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    if stripped.isascii():
        # Most text: NFC leaves ASCII as it is and casefold is lower, so no unicodedata.
        if stripped[:1] not in STARTS:
            return False
        folded = stripped.lower()
        return folded in _FOLDED or folded.rstrip(".").strip() in _WORDS_FOLDED
    if len(stripped.rstrip(".…").strip()) > _LONGEST:  # most text: longer than any placeholder
        return False
    folded = unicodedata.normalize("NFC", stripped).casefold()
    return folded in _FOLDED or folded.rstrip(".…").strip() in _WORDS_FOLDED


@frozen
class Placeholder:
    """A field left as a placeholder, as the report lists it."""

    path: PathKey
    location: Location


def filled_in(document: Document) -> tuple[Document, tuple[Placeholder, ...]]:
    """`document` with every placeholder removed, as if never written, and the placeholders it held.

    A key whose value is a placeholder is dropped; so is a placeholder entry of a list, and a
    section or list entry that holds nothing but placeholders. Entries after a dropped one move
    up, and their positions with them, so every location still points at what the user wrote.
    """
    if document.findings or not isinstance(document.data, dict) or not document.may_hold_placeholders:
        return document, ()
    found: list[PathKey] = []
    drops: dict[PathKey, set[int]] = {}
    cleaned = _clean(document.data, [], found, drops)
    if not found:
        return document, ()
    left = tuple(Placeholder(path, document.positions.value(path)) for path in found)
    positions = Positions(
        _renumbered(document.positions.values, drops), _renumbered(document.positions.keys, drops)
    )
    return replace(document, data={} if cleaned is _GONE else cleaned, positions=positions), left


_GONE = object()


def _clean(value: Any, path: list[str | int], found: list[PathKey], drops: dict[PathKey, set[int]]) -> Any:
    """`value` without its placeholders (`_GONE` when nothing is left); `path` is where it is."""
    if type(value) is dict:
        kept = {}
        for key, child in value.items():
            path.append(key)
            cleaned = _clean(child, path, found, drops) if _holds(child) else child
            path.pop()
            if cleaned is not _GONE:
                kept[key] = cleaned
        return _GONE if value and not kept else kept
    if type(value) is list:
        items = []
        for index, child in enumerate(value):
            path.append(index)
            cleaned = _clean(child, path, found, drops) if _holds(child) else child
            path.pop()
            if cleaned is _GONE:
                drops.setdefault(tuple(path), set()).add(index)
            else:
                items.append(cleaned)
        return _GONE if value and not items else items
    if is_placeholder(value):
        found.append(tuple(path))
        return _GONE
    return value


def _holds(value: Any) -> bool:
    """Whether `value` may be or hold a placeholder: text, or a mapping or list (numbers never)."""
    return type(value) is str or type(value) is dict or type(value) is list


def _renumbered(table: dict[PathKey, Any], drops: dict[PathKey, set[int]]) -> dict[PathKey, Any]:
    """`table` with the paths into each list renumbered as if its dropped entries were never there."""
    out: dict[PathKey, Any] = {}
    for path, mark in table.items():
        new: list[str | int] = list(path)
        gone = False
        for prefix, dropped in drops.items():
            size = len(prefix)
            if len(path) > size and path[:size] == prefix and isinstance(path[size], int):
                index = path[size]
                assert isinstance(index, int)
                if index in dropped:
                    gone = True
                    break
                new[size] = index - sum(1 for other in dropped if other < index)
        if not gone:
            out[tuple(new)] = mark
    return out
