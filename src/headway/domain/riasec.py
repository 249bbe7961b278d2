"""RIASEC interest scoring and career matching.

The questionnaire is the public-domain Interest Item Pool (48 activities, 8 per Holland type,
each rated 1 "dislike" to 5 "enjoy"). Its text is parsed from the codebook shipped with the open
RIASEC data set, never kept in the code. Occupations are described by O*NET's occupational
interest profile (scale ``OI``: 1 to 7 per type).

Scales used here:

- ``means``: mean item rating per type, 1 to 5.
- ``percent``: the mean mapped linearly onto 0 to 100 (1 -> 0, 3 -> 50, 5 -> 100), for display.
- ``oi``: the mean mapped linearly onto O*NET's 1 to 7 scale (1 -> 1, 3 -> 4, 5 -> 7), i.e.
  ``1 + (mean - 1) * 1.5``, so "neutral" on the items sits at O*NET's midpoint. This is the
  scale :func:`match_occupations` expects. The two instruments differ, so the level alignment is
  approximate; the match measure leans on the shape of the profile for that reason.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

TYPES: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")
"""Holland types in hexagon order; also the order used to break ties."""

TYPE_NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

ITEMS_PER_TYPE = 8
RATING_MIN = 1
RATING_MAX = 5
OI_MIN = 1.0
OI_MAX = 7.0
OI_MIDPOINT = 4.0

_ITEM_LINE = re.compile(r"^([RIASEC])([1-9][0-9]*)\t+(\S.*?)\s*$")
_ITEM_CODE = re.compile(r"^([RIASEC])([1-8])$")


class CodebookError(ValueError):
    """The codebook text does not hold the expected 48-item pool."""


class AnswerError(ValueError):
    """An answer names an unknown item or carries a rating outside 1 to 5."""


@dataclass(frozen=True, slots=True)
class Item:
    """One questionnaire activity, e.g. ``Item("I2", "I", "Study animal behavior")``."""

    code: str
    type: str
    text: str


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """A plain-language account of one Holland type."""

    letter: str
    name: str
    description: str
    activities: tuple[str, ...]
    environments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InterestProfile:
    """Scores for one set of answers; types without any answer have ``None`` scores."""

    means: dict[str, float | None]
    percent: dict[str, float | None]
    oi: dict[str, float | None]
    answered: dict[str, int]
    answered_total: int
    item_total: int
    holland_code: str
    code_has_tie: bool

    @property
    def completeness(self) -> float:
        """Return the share of items answered, 0.0 to 1.0."""
        return self.answered_total / self.item_total if self.item_total else 0.0

    @property
    def is_complete(self) -> bool:
        """Return whether every item has an answer."""
        return self.answered_total == self.item_total


@dataclass(frozen=True, slots=True)
class Match:
    """An occupation ranked for a profile; ``fit`` is 0 to 100, ``score`` unrounded."""

    id: str
    fit: int
    reason: str
    score: float


TYPE_INFO: dict[str, TypeInfo] = {
    "R": TypeInfo(
        letter="R",
        name="Realistic",
        description=(
            "You like practical, hands-on work with things you can see and touch: tools, "
            "machines, materials, plants or animals. You tend to prefer solving concrete "
            "problems and seeing a finished result over talking about ideas, and you are often "
            "happy working outdoors or on your feet."
        ),
        activities=(
            "Repairing a bike, a car or a household appliance",
            "Building furniture or fitting a kitchen",
            "Operating equipment or vehicles",
            "Growing plants or caring for animals",
        ),
        environments=(
            "Workshops and building sites",
            "Farms, parks and the outdoors",
            "Factories, plants and warehouses",
            "Field and maintenance teams",
        ),
    ),
    "I": TypeInfo(
        letter="I",
        name="Investigative",
        description=(
            "You like to understand how things work and why. You enjoy observing, analysing and "
            "solving puzzles with facts, numbers or experiments, and you are comfortable working "
            "on a hard question for a long time, often on your own."
        ),
        activities=(
            "Running an experiment and analysing the results",
            "Working out why a system fails",
            "Reading research and testing an idea against evidence",
            "Exploring data to find a pattern",
        ),
        environments=(
            "Laboratories and research groups",
            "Universities and hospitals",
            "Engineering and software teams",
            "Analysis and consulting units",
        ),
    ),
    "A": TypeInfo(
        letter="A",
        name="Artistic",
        description=(
            "You like to create and express: words, images, sound, movement or design. You "
            "prefer freedom and variety to fixed routines, trust your own taste, and enjoy work "
            "where an original idea is valued more than following the rules."
        ),
        activities=(
            "Writing stories, articles or songs",
            "Drawing, painting, photographing or designing",
            "Performing music, drama or dance",
            "Planning the look and feel of a product or space",
        ),
        environments=(
            "Studios and design agencies",
            "Theatres, media and publishing",
            "Marketing and product design teams",
            "Freelance and project-based work",
        ),
    ),
    "S": TypeInfo(
        letter="S",
        name="Social",
        description=(
            "You like to help, teach, care for and work with people. You are good at listening "
            "and explaining, you notice how others feel, and you find meaning in work that makes "
            "a difference to someone's health, learning or wellbeing."
        ),
        activities=(
            "Teaching or coaching someone a new skill",
            "Supporting a person through a difficult time",
            "Volunteering in your community",
            "Organising a group so everyone takes part",
        ),
        environments=(
            "Schools, colleges and training centres",
            "Hospitals, clinics and care homes",
            "Charities and community services",
            "Customer-facing and people teams",
        ),
    ),
    "E": TypeInfo(
        letter="E",
        name="Enterprising",
        description=(
            "You like to lead, persuade and make things happen. You enjoy setting goals, taking "
            "decisions and taking calculated risks, and you are energised by competition, "
            "selling an idea and seeing a plan turn into results."
        ),
        activities=(
            "Leading a team or a project",
            "Selling a product or pitching an idea",
            "Starting a small business or side project",
            "Negotiating a deal",
        ),
        environments=(
            "Sales and business development",
            "Management and start-ups",
            "Law, politics and public affairs",
            "Retail, hospitality and events",
        ),
    ),
    "C": TypeInfo(
        letter="C",
        name="Conventional",
        description=(
            "You like order, accuracy and clear procedures. You enjoy working with records, "
            "numbers and systems, keeping things organised and checking details, and you "
            "prefer knowing what is expected and doing it well."
        ),
        activities=(
            "Keeping accounts, records or a budget",
            "Organising files, stock or schedules",
            "Checking documents or data for errors",
            "Setting up a spreadsheet or database",
        ),
        environments=(
            "Offices and administration",
            "Banks, insurance and accounting firms",
            "Logistics and supply chains",
            "Public services and compliance teams",
        ),
    ),
}


def parse_item_pool(text: str) -> list[Item]:
    """Parse the 48 RIASEC items from the Interest Item Pool codebook text.

    Item lines look like ``R1<TAB>Test the quality of parts before shipment``; other lines are
    ignored. Raise :class:`CodebookError` unless each type has exactly items 1 to 8, once each.
    """
    found: dict[str, Item] = {}
    for line in text.splitlines():
        m = _ITEM_LINE.match(line)
        if not m:
            continue
        letter, number, item_text = m.groups()
        code = f"{letter}{number}"
        if code in found:
            raise CodebookError(f"item {code} appears more than once")
        found[code] = Item(code=code, type=letter, text=item_text)
    expected = [f"{t}{n}" for t in TYPES for n in range(1, ITEMS_PER_TYPE + 1)]
    missing = [code for code in expected if code not in found]
    extra = sorted(set(found) - set(expected))
    if missing or extra:
        problems = []
        if missing:
            problems.append("missing " + ", ".join(missing))
        if extra:
            problems.append("unexpected " + ", ".join(extra))
        raise CodebookError("malformed item pool: " + "; ".join(problems))
    return [found[code] for code in expected]


def group_items(items: Sequence[Item], page_size: int = 8) -> list[list[Item]]:
    """Split items into pages of ``page_size``, mixing the types on every page.

    Items are dealt round-robin across types (R1, I1, A1, ... C1, R2, ...), cut into pages,
    and each page is shuffled with a fixed seed, so the order is the same for everyone and no
    page is a run of one type.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    by_type: dict[str, list[Item]] = {}
    for item in items:
        by_type.setdefault(item.type, []).append(item)
    letters = [t for t in TYPES if t in by_type] + sorted(set(by_type) - set(TYPES))
    dealt: list[Item] = []
    for i in range(max((len(v) for v in by_type.values()), default=0)):
        dealt.extend(by_type[t][i] for t in letters if i < len(by_type[t]))
    pages = [dealt[i : i + page_size] for i in range(0, len(dealt), page_size)]
    for number, page in enumerate(pages):
        random.Random(f"headway-riasec-page-{number}").shuffle(page)
    return pages


def score_answers(
    answers: Mapping[str, int], items: Sequence[Item] | None = None
) -> InterestProfile:
    """Score answers (item code -> rating 1 to 5) into an interest profile.

    ``items`` limits the accepted codes to that pool; without it the standard codes R1 to C8
    are accepted. Raise :class:`AnswerError` on an unknown code or a rating that is not an
    integer from 1 to 5. Unanswered items are simply left out of the means.

    The Holland code is the three types with the highest means, highest first; equal means are
    ordered by the hexagon order R, I, A, S, E, C, and ``code_has_tie`` says whether such a tie
    decided a letter in or out of the code. Types without answers never enter the code.
    """
    if items is not None:
        known: dict[str, str] = {item.code: item.type for item in items}
    else:
        known = {f"{t}{n}": t for t in TYPES for n in range(1, ITEMS_PER_TYPE + 1)}
    totals = dict.fromkeys(TYPES, 0)
    counts = dict.fromkeys(TYPES, 0)
    for code, rating in answers.items():
        letter = known.get(code)
        if letter is None:
            raise AnswerError(f"unknown item {code!r}")
        if isinstance(rating, bool) or not isinstance(rating, int):
            raise AnswerError(f"rating for {code} must be an integer, got {rating!r}")
        if not RATING_MIN <= rating <= RATING_MAX:
            raise AnswerError(f"rating for {code} must be 1 to 5, got {rating}")
        totals[letter] += rating
        counts[letter] += 1

    means: dict[str, float | None] = {
        t: (totals[t] / counts[t] if counts[t] else None) for t in TYPES
    }
    span = RATING_MAX - RATING_MIN
    percent = {t: None if m is None else (m - RATING_MIN) / span * 100 for t, m in means.items()}
    oi = {
        t: None if m is None else OI_MIN + (m - RATING_MIN) / span * (OI_MAX - OI_MIN)
        for t, m in means.items()
    }
    top, tie = _top_types({t: m for t, m in means.items() if m is not None}, 3)
    return InterestProfile(
        means=means,
        percent=percent,
        oi=oi,
        answered=counts,
        answered_total=sum(counts.values()),
        item_total=len(known),
        holland_code="".join(top),
        code_has_tie=tie,
    )


def match_occupations(
    profile_scores: Mapping[str, float],
    occupations: Iterable[tuple[str, Mapping[str, float]]],
    limit: int = 20,
    *,
    shape_weight: float = 0.6,
) -> list[Match]:
    """Rank occupations by how well their O*NET interest profile fits the user's profile.

    Both profiles are on O*NET's 1 to 7 ``OI`` scale (see :attr:`InterestProfile.oi`). The fit
    blends two views, because neither is enough alone:

    - shape: Pearson correlation of the six scores, mapped to 0..1 as ``(r + 1) / 2``. It asks
      "are the same types high and low?", which is what Holland congruence is about, and it is
      blind to a person who rates everything a little higher or lower than O*NET's raters.
      A flat profile has no shape, so it counts as ``r = 0``.
    - level: ``1 - rms / 3`` clipped at 0, where ``rms`` is the root-mean-square difference per
      type; a mean gap of half the scale (3 points) counts as no fit at all. It separates
      occupations with the same shape but different intensity, e.g. strongly versus mildly
      Social work.

    ``fit = 100 * (shape_weight * shape + (1 - shape_weight) * level)``. The measure is at its
    maximum (100) only for an identical profile, so an occupation's own profile ranks it first
    unless another occupation has exactly the same scores. Ties are ordered by occupation id.
    """
    if not 0.0 <= shape_weight <= 1.0:
        raise ValueError("shape_weight must be between 0 and 1")
    user = _profile_vector(profile_scores, "profile")
    user_mean = sum(user) / len(user)
    user_dev = [u - user_mean for u in user]
    user_norm = math.sqrt(sum(d * d for d in user_dev))
    level_weight = 1.0 - shape_weight

    scored: list[tuple[float, str, tuple[float, ...]]] = []
    for occ_id, occ_scores in occupations:
        occ = _profile_vector(occ_scores, f"occupation {occ_id}")
        occ_mean = sum(occ) / 6
        cov = 0.0
        occ_ss = 0.0
        sq = 0.0
        for i in range(6):
            d = occ[i] - occ_mean
            cov += user_dev[i] * d
            occ_ss += d * d
            diff = user[i] - occ[i]
            sq += diff * diff
        denom = user_norm * math.sqrt(occ_ss)
        r = cov / denom if denom > 1e-12 else 0.0
        shape = (max(-1.0, min(1.0, r)) + 1.0) / 2.0
        level = max(0.0, 1.0 - math.sqrt(sq / 6) / 3.0)
        scored.append((shape_weight * shape + level_weight * level, occ_id, occ))

    best = heapq.nsmallest(max(limit, 0), scored, key=lambda s: (-s[0], s[1]))
    user_scores = dict(zip(TYPES, user, strict=True))
    return [
        Match(
            id=occ_id,
            fit=round(score * 100),
            reason=match_reason(user_scores, dict(zip(TYPES, occ, strict=True))),
            score=score * 100,
        )
        for score, occ_id, occ in best
    ]


def match_reason(user: Mapping[str, float], occupation: Mapping[str, float]) -> str:
    """Explain a match in one line from the types that are high for both profiles.

    A type is high for a profile when it is among that profile's top three and at or above the
    midpoint of the 1 to 7 scale. Without such a type, say whether the work's main type is one
    of the user's top three (and above their average).
    """
    user_high = _high_types(user)
    occ_high = set(_high_types(occupation))
    shared = [t for t in user_high if t in occ_high]
    if shared:
        return f"Strong {_join_names(shared)}, like this work"
    occ_top = _top_types(occupation, 1)[0][0]
    user_top3 = _top_types(user, 3)[0]
    # A low score can sit in the top three by a tie; only an above-average one is an interest.
    if occ_top in user_top3 and user[occ_top] > sum(user.values()) / len(user):
        return f"This work is mostly {TYPE_NAMES[occ_top]}, one of your top interests"
    return "A similar balance of interests, though none is strong in both"


def _high_types(scores: Mapping[str, float]) -> list[str]:
    top, _ = _top_types(scores, 3)
    return [t for t in top if scores[t] >= OI_MIDPOINT]


def _top_types(scores: Mapping[str, float], n: int) -> tuple[list[str], bool]:
    """Return the ``n`` highest types (hexagon order on ties) and whether a tie crossed the cut."""
    ordered = sorted(scores, key=lambda t: (-scores[t], _type_index(t)))
    top = ordered[:n]
    tie = len(ordered) > n and n > 0 and scores[ordered[n - 1]] == scores[ordered[n]]
    return top, tie


def _type_index(letter: str) -> int:
    return TYPES.index(letter) if letter in TYPES else len(TYPES)


def _profile_vector(scores: Mapping[str, float], what: str) -> tuple[float, ...]:
    try:
        values = tuple(float(scores[t]) for t in TYPES)
    except KeyError as exc:
        raise ValueError(f"{what} lacks a score for type {exc.args[0]}") from None
    except TypeError:
        raise ValueError(f"{what} has a missing or non-numeric score") from None
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"{what} has a non-finite score")
    return values


def _join_names(letters: Sequence[str]) -> str:
    names = [TYPE_NAMES[t] for t in letters]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
