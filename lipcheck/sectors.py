"""Sector codes read from organization names, with the word lists kept as data (data/sector-signals.yaml)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from lipcheck.model import SECTOR_CODES

_WORD = re.compile(r"[a-z0-9]+")
_STRONG, _WEAK = 1, 0


@dataclass(frozen=True)
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
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _WORD.findall(plain)


@functools.cache
def _lexicon() -> Any:
    return yaml.safe_load(resources.files("lipcheck").joinpath("data/sector-signals.yaml").read_text("utf-8"))


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


def _matches(signal: Signal, words: list[str]) -> int | None:
    """The index of the first word where `signal` matches `words`, or None."""
    size = len(signal.words)
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        if window[:-1] != list(signal.words[:-1]):
            continue
        last, wanted = window[-1], signal.words[-1]
        if last == wanted or (signal.stem and last.startswith(wanted)):
            return start
    return None


@functools.lru_cache(maxsize=4096)
def infer(name: str) -> tuple[str, ...]:
    """The sector codes `name` signals, most telling first; empty when it signals none.

    A code counts only through its strongest signal. A weak word alone ("Society", "Corporation")
    places no one: the benchmark showed such guesses wrong too often, and LIP903 then asks for the
    codes, with the weak words' codes among the nearest.
    """
    words = words_of(name)
    best: dict[str, tuple[int, int]] = {}
    for signal in signals():
        start = _matches(signal, words)
        if start is None:
            continue
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
    words = words_of(name)
    strong = {
        signal.code
        for signal in signals()
        if (signal.strong or len(signal.words) > 1) and _matches(signal, words) is not None
    }
    return tuple(code for code in infer(name) if code in strong and code not in catch_all())


def nearest(name: str, most: int = 3) -> tuple[str, ...]:
    """The codes whose signals come closest to the words of `name`, for a name that signals none.

    Codes its weak words signal come first, then codes with a word spelt nearly like a signal.
    """
    words = words_of(name)
    scores: dict[str, float] = {}
    for signal in signals():
        if not signal.strong and _matches(signal, words) is not None:
            scores[signal.code] = 2.0
    for word in words:
        for signal in signals():
            for known in signal.words:
                ratio = difflib.SequenceMatcher(None, word, known).ratio()
                if ratio >= 0.75:
                    scores[signal.code] = max(scores.get(signal.code, 0.0), ratio)
    ranked = sorted(scores, key=lambda code: (-scores[code], SECTOR_CODES.index(code)))
    return tuple(ranked[:most])
