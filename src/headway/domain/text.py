"""Text folding shared by the searches: compare words whatever their case and accents."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Return `text` case-folded with accents removed ("José" -> "jose", "Straße" -> "strasse")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# British and American spellings share a key: labour/labor, paediatric/pediatric,
# modelling/modeling, visualisation/visualization, analyse/analyze, centre/center.
_SPELLING = (
    ("ae", "e"),
    ("our", "or"),
    ("ll", "l"),
    ("iz", "is"),
    ("yz", "ys"),
)


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """Return the key British and American spellings of a folded word share."""
    if len(word) > 3:
        for old, new in _SPELLING:
            word = word.replace(old, new)
        if word.endswith("tre"):
            word = word[:-3] + "ter"
    return word
