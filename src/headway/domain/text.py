"""Text folding shared by the searches: compare words whatever their case and accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Return `text` case-folded with accents removed ("José" -> "jose", "Straße" -> "strasse")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
