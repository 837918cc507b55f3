"""Sector codes read from organization names, with the word lists kept as data (data/sector-signals.yaml)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Any

from lipcheck.codes import SECTOR_CODES
from lipcheck.frozen import frozen
from lipcheck.package_data import read_yaml

_WORD = re.compile(r"[a-z0-9]+")
_STRONG, _WEAK = 1, 0


@frozen
class Signal:
    """A word or phrase of the lexicon: its words, whether the last one is a stem, its strength."""

    code: str
    words: tuple[str, ...]
    stem: bool
    strong: bool
    written: str

    @property
    def weight(self) -> int:
        # A longer phrase says more than any one of its words; strength breaks ties of length.
        return 2 * len(self.words) + (_STRONG if self.strong else _WEAK)


def words_of(name: str) -> list[str]:
    """`name` as the words it is matched by: lower case, accents off, apostrophes and hyphens split."""
    if name.isascii():  # most names and signals: nothing to decompose
        return _WORD.findall(name.lower())
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _WORD.findall(plain)


@functools.cache
def _lexicon() -> Any:
    return read_yaml("sector-signals.yaml")


@functools.cache
def catch_all() -> frozenset[str]:
    """Codes of last resort (`community`): named first only when a name signals no other."""
    return frozenset(code for code, entry in _lexicon().items() if (entry or {}).get("catch_all"))


@functools.cache
def signals() -> tuple[Signal, ...]:
    """Every signal of the lexicon shipped in the package, in the file's order."""
    raw = _lexicon()
    found: list[Signal] = []
    for code in SECTOR_CODES:
        entry = raw.get(code) or {}
        for strength in ("strong", "weak"):
            for written in entry.get(strength) or ():
                text = str(written)
                stem = text.endswith("*")
                found.append(
                    Signal(code, tuple(words_of(text.rstrip("*"))), stem, strength == "strong", text)
                )
    return tuple(found)


def signals_of(code: str) -> tuple[str, ...]:
    """The signals of `code` as the lexicon writes them (for `lipcheck sectors`)."""
    return tuple(signal.written for signal in signals() if signal.code == code)


@functools.cache
def _index() -> tuple[dict[str, tuple[Signal, ...]], dict[int, dict[str, tuple[Signal, ...]]]]:
    """The signals by their first word, and the one-word stems by length and stem.

    A name is matched by looking up each of its words, not by trying all 600 signals on it.
    """
    by_first: dict[str, list[Signal]] = {}
    stems: dict[int, dict[str, list[Signal]]] = {}
    for signal in signals():
        if signal.stem and len(signal.words) == 1:
            stems.setdefault(len(signal.words[0]), {}).setdefault(signal.words[0], []).append(signal)
        elif signal.words:
            by_first.setdefault(signal.words[0], []).append(signal)
    return (
        {word: tuple(found) for word, found in by_first.items()},
        {size: {stem: tuple(found) for stem, found in table.items()} for size, table in stems.items()},
    )


def _fits(signal: Signal, words: tuple[str, ...], start: int) -> bool:
    """Whether `signal` matches `words` from `start` (its last word a prefix when it is a stem)."""
    size = len(signal.words)
    if start + size > len(words) or words[start : start + size - 1] != signal.words[:-1]:
        return False
    last, wanted = words[start + size - 1], signal.words[-1]
    return last == wanted or (signal.stem and last.startswith(wanted))


@functools.lru_cache(maxsize=4096)
def _matched(words: tuple[str, ...]) -> dict[Signal, int]:
    """Every signal that matches `words`, with the index of the first word where it does."""
    by_first, stems = _index()
    found: dict[Signal, int] = {}
    for start, word in enumerate(words):
        for signal in by_first.get(word, ()):
            if signal not in found and _fits(signal, words, start):
                found[signal] = start
        for size, table in stems.items():
            for signal in table.get(word[:size], ()) if len(word) >= size else ():
                found.setdefault(signal, start)
    return found


@functools.lru_cache(maxsize=4096)
def infer(name: str) -> tuple[str, ...]:
    """The sector codes `name` signals, most telling first; empty when it signals none.

    A code counts only through its strongest signal. A weak word alone ("Society", "Corporation")
    places no one: the benchmark showed such guesses wrong too often, and LIP903 then asks for the
    codes, with the weak words' codes among the nearest.
    """
    best: dict[str, tuple[int, int]] = {}
    for signal, start in _matched(tuple(words_of(name))).items():
        score = (signal.weight, -start)
        if signal.code not in best or score > best[signal.code]:
            best[signal.code] = score
    if not best:
        return ()
    strong = {code: score for code, score in best.items() if score[0] % 2 == _STRONG or score[0] >= 4}
    chosen = strong
    order = {code: index for index, code in enumerate(SECTOR_CODES)}
    others = max((score[0] for code, score in chosen.items() if code not in catch_all()), default=0)

    def demoted(code: str) -> bool:
        # A catch-all code goes last unless it speaks more strongly than every other code.
        return code in catch_all() and chosen[code][0] <= others

    return tuple(
        sorted(chosen, key=lambda code: (demoted(code), -chosen[code][0], -chosen[code][1], order[code]))
    )


def clearly_signalled(name: str) -> tuple[str, ...]:
    """The codes `name` signals through a strong word or a phrase, most telling first (no catch-all)."""
    strong = {
        signal.code for signal in _matched(tuple(words_of(name))) if signal.strong or len(signal.words) > 1
    }
    return tuple(code for code in infer(name) if code in strong and code not in catch_all())


def nearest(name: str, most: int = 3) -> tuple[str, ...]:
    """The codes whose signals come closest to the words of `name`, for a name that signals none.

    Codes its weak words signal come first, then codes with a word spelt nearly like a signal.
    """
    words = words_of(name)
    scores: dict[str, float] = {}
    for signal in _matched(tuple(words)):
        if not signal.strong:
            scores[signal.code] = 2.0
    for word in words:
        for signal in signals():
            for known in signal.words:
                ratio = difflib.SequenceMatcher(None, word, known).ratio()
                if ratio >= 0.75:
                    scores[signal.code] = max(scores.get(signal.code, 0.0), ratio)
    ranked = sorted(scores, key=lambda code: (-scores[code], SECTOR_CODES.index(code)))
    return tuple(ranked[:most])
