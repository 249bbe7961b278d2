"""Text folding shared by the searches: compare words whatever their case and accents."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from headway.domain.errors import RuleError


def fold(text: str) -> str:
    """Return `text` case-folded with accents removed ("José" -> "jose", "Straße" -> "strasse")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Letters that draw nothing, though Unicode files them as letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Free text a person writes (notes, descriptions) is bounded so one field cannot hold megabytes.
NOTES_MAX = 10_000


class TextRuleError(RuleError):
    """Text the rules refuse; `field` names it, `message` says why."""


def too_long_message(length: int, limit: int = NOTES_MAX) -> str:
    """Return the one sentence that refuses a text of `length` characters over `limit`."""
    return f"Keep this under {limit:,} characters (it has {length:,})."


def is_blank(text: str) -> bool:
    """Return True when `text` would show nothing: only spaces, controls or invisible marks."""
    return all(
        char in _BLANK_LETTERS or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        for char in text
    )


_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def check_display_name(name: str, *, field: str = "display_name", limit: int = 120) -> str:
    """Return a display name trimmed (empty is allowed), or refuse one that cannot be shown.

    It goes into email subjects, where a line break would stop the message being sent.
    """
    text = name.strip()
    if not text:
        return ""
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in text):
        raise TextRuleError(field, "Write your name on one line, without tabs or line breaks.")
    if is_blank(text):
        raise TextRuleError(field, "Your name is made only of invisible characters.")
    if len(text) > limit:
        raise TextRuleError(field, f"Keep your name under {limit} characters.")
    return text


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
