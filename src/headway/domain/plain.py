"""Career facts in plain words: titles, preparation, outlook, what the work is. No Django here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Words a title keeps in lower case unless they start it (Chicago style, short words only).
_SMALL_TEXT = (
    "a an and as at but by en for from in into nor of on or over per the to up via vs with"
)
SMALL_WORDS = frozenset(_SMALL_TEXT.split())
_PIECES = re.compile(r"([\s/\-\u2013(),]+)")

# O*NET's names for its job zones, and what each says of education (Job Zone Reference).
JOB_ZONE_NAMES = {
    1: "Little or no preparation needed",
    2: "Some preparation needed",
    3: "Medium preparation needed",
    4: "Considerable preparation needed",
    5: "Extensive preparation needed",
}

# The "Bright outlook" rule, after O*NET's: BLS projects much faster than average growth, or
# many openings. BLS's projected growth for all occupations, 2024-34, is 3.1%.
BRIGHT_GROWTH_PERCENT = Decimal("7.0")
BRIGHT_OPENINGS = 100_000  # over the ten years of the projection
BRIGHT_RULE = (
    "Bright outlook: BLS projects employment to grow by 7% or more from 2024 to 2034 (much "
    "faster than the 3.1% average of all occupations), or about 100,000 or more openings over "
    "those ten years (10,000 a year), as in O*NET's Bright Outlook rule."
)


def title_case(label: str) -> str:
    """Return an ESCO label in title case: "ICT help desk agent" -> "ICT Help Desk Agent".

    Words already holding a capital (acronyms such as ICT, CEO; names such as iOS) are kept;
    small words (of, and, the, ...) stay lower case except first and last.
    """
    pieces = _PIECES.split(label.strip())
    words = [i for i, piece in enumerate(pieces) if piece and not _PIECES.fullmatch(piece)]
    for position, i in enumerate(words):
        word = pieces[i]
        if any(char.isupper() for char in word):
            continue
        first_or_last = position in (0, len(words) - 1)
        after_break = i > 0 and any(mark in pieces[i - 1] for mark in "/(-\u2013")
        if word in SMALL_WORDS and not first_or_last and not after_break:
            continue
        pieces[i] = word[:1].upper() + word[1:]
    return "".join(pieces)


def job_zone_name(zone: int | None) -> str:
    """Return O*NET's name of a job zone, e.g. 4 -> "Considerable preparation needed"."""
    return JOB_ZONE_NAMES.get(zone or 0, "")


def sentence_start(text: str) -> str:
    """Return a task statement as it reads after "you would": first letter in lower case."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[1].isupper():  # an acronym, e.g. "IT systems"
        return text
    return text[:1].lower() + text[1:]


def first_sentence(text: str, limit: int = 240) -> str:
    """Return the first sentence of a description (cut at a word if very long)."""
    text = " ".join(text.split())
    match = re.search(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])", text)
    sentence = text[: match.start()] if match else text
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True, slots=True)
class Outlook:
    """Whether an occupation has a bright outlook, and why."""

    bright: bool
    reasons: tuple[str, ...]


def bright_outlook(
    change_percent: Decimal | None, annual_openings_thousands: Decimal | None
) -> Outlook:
    """Apply `BRIGHT_RULE` to BLS projections (openings a year are given in thousands)."""
    reasons = []
    if change_percent is not None and change_percent >= BRIGHT_GROWTH_PERCENT:
        reasons.append(f"projected growth of {change_percent:+.1f}%")
    if annual_openings_thousands is not None:
        decade = annual_openings_thousands * 1000 * 10
        if decade >= BRIGHT_OPENINGS:
            reasons.append(f"about {round(decade):,} openings over ten years")
    return Outlook(bool(reasons), tuple(reasons))
