"""Rules of the skill gap: what a user's skill meets, up the hierarchy and among technologies.

Plain values in and out; the assessments app reads the rows and calls these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from headway.domain.skill_search import normalise

# Words of technology names too general to name one ("Data warehouse software"): a user's
# skill name made only of these names no technology.
_GENERIC_TECH_WORDS = frozenset(
    normalise(
        "data software statistics statistical programming computer analysis analytics big "
        "management database databases modelling spreadsheet spreadsheets office system systems "
        "web application applications tools tool use languages language development design"
    )
)


def skill_ancestors(start: Iterable[int], broader: Mapping[int, Iterable[int]]) -> dict[int, int]:
    """Return every skill at or above each start skill, mapped to the start skill it came from.

    ``broader`` maps a skill to the skills directly above it. A start skill maps to itself, so a
    user's skill meets the gap's skill when it is that skill or one below it ("SQL" meets
    "query languages").
    """
    found: dict[int, int] = {}
    for origin in start:
        stack = [origin]
        while stack:
            skill = stack.pop()
            if skill in found and found[skill] == origin:
                continue
            found.setdefault(skill, origin)
            stack.extend(p for p in broader.get(skill, ()) if found.get(p) != origin)
    return found


def technology_met(names: Iterable[str], example: str) -> bool:
    """Return whether one of a user's skill names names the technology ``example``.

    Every word of the name must be a word of the example, so "Python" meets "Python" and
    "SQL" meets "Structured query language SQL", while "R" meets only an example with the
    word R. A name of general words only ("statistics", "data modelling") names none.
    """
    words = set(normalise(example))
    for name in names:
        tokens = normalise(name)
        if (
            tokens
            and all(t in words for t in tokens)
            and not all(t in _GENERIC_TECH_WORDS for t in tokens)
        ):
            return True
    return False
