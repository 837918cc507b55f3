"""Did-you-mean by meaning: the codes a word people write stands for (data/synonyms.yaml)."""

from __future__ import annotations

import functools
import unicodedata

from lipcheck.package_data import read_yaml


def _key(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.strip().casefold())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).replace("_", "-").split())


@functools.cache
def _table() -> dict[str, tuple[str, ...]]:
    raw = read_yaml("synonyms.yaml")
    table: dict[str, tuple[str, ...]] = {}
    for group in raw.values():
        for word, codes in group.items():
            table.setdefault(_key(str(word)), tuple(str(code) for code in codes))
    return table


def synonyms(word: str) -> tuple[str, ...]:
    """The codes `word` is a common name for (`hospital` -> `health`), or none."""
    return _table().get(_key(word), ())
