"""Find time expressions in a goal and resolve deadlines against today.

A named period ("June", "Q3 2027", "fall 2027", "next year") resolves to its last day;
"before" a period resolves to the day before it starts. Periods without a year roll forward
to the first one whose deadline is not in the past; "next <period>" is the one a year after
"this <period>". Relative spans ("within 3 years", "in 8 weeks") add to today, keeping the
day of the month (February 29 becomes February 28 in other years).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from itertools import chain

from ..months import add_months, add_years, last_day
from . import lexicon as lx
from .text import Parsed, singular


def _split(block: str) -> list[str]:
    """Split a comma-separated block of words into a list."""
    return [w.strip() for w in block.split(",") if w.strip()]


Period = tuple[date, date]

_MONTH_NAMES = (
    "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|"
    "sep sept september|oct october|nov november|dec december"
)
_MONTHS = {
    name: n for n, names in enumerate(_MONTH_NAMES.split("|"), start=1) for name in names.split()
}
_MONTH_TYPOS: dict[str, set[str]] = {}
for _name in lx.MONTH_NAMES:
    if len(_name) >= 5:
        _MONTH_TYPOS.setdefault(_name, set()).add(_name)
        for _k in range(len(_name)):
            _MONTH_TYPOS.setdefault(_name[:_k] + _name[_k + 1 :], set()).add(_name)
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sept"})
_WEEKDAY_NAMES = "mon monday|tue tues tuesday|wed wednesday|thu thur thurs thursday|fri friday|"
_WEEKDAY_NAMES += "sat saturday|sun sunday"
_WEEKDAYS = {name: n for n, names in enumerate(_WEEKDAY_NAMES.split("|")) for name in names.split()}
_NUMS = {k: float(v) for k, v in lx.NUMBER_WORDS.items()}
_NUMS.update(
    {
        "twenty-four": 24.0,
        "twenty four": 24.0,
        "thirty-six": 36.0,
        "thirty six": 36.0,
        "forty-eight": 48.0,
        "forty eight": 48.0,
        "a couple of": 2.0,
        "couple of": 2.0,
        "a couple": 2.0,
        "half a": 0.5,
        "a half": 0.5,
        "one and a half": 1.5,
    }
)
_VAGUE_COUNTS = frozenset({"a few", "few", "several", "some", "a number of", "many"})


def month_number(word: str) -> int | None:
    """Return the month a word names, tolerating one typo in long month names."""
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    if len(w) < 5 or not w.isalpha():
        return None
    found: set[str] = set(_MONTH_TYPOS.get(w, ()))
    for k in range(len(w)):
        found.update(_MONTH_TYPOS.get(w[:k] + w[k + 1 :], ()))
    found = {f for f in found if f[0] == w[0] and abs(len(f) - len(w)) <= 1}
    if len(found) == 1:
        return _MONTHS[found.pop()]
    return None


def _month_period(year: int, month: int) -> Period:
    return date(year, month, 1), date(year, month, last_day(year, month))


def _quarter_period(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return date(year, first, 1), _month_period(year, first + 2)[1]


def _season_period(year: int, season: str, academic: bool) -> Period:
    if academic:
        bounds = {
            "spring": (1, 5),
            "summer": (6, 7),
            "fall": (8, 12),
            "autumn": (8, 12),
            "winter": (1, 1),
        }
    else:
        bounds = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
    if season == "winter" and not academic:
        # Winter Y runs from December Y to the end of February Y+1.
        return date(year, 12, 1), _month_period(year + 1, 2)[1]
    first, last = bounds[season]
    return date(year, first, 1), _month_period(year, last)[1]


def _semester_period(day: date, offset: int) -> Period:
    # Semesters: spring January-May, summer June-July, fall August-December.
    starts = [(1, 5), (6, 7), (8, 12)]
    index = next(k for k, (a, b) in enumerate(starts) if a <= day.month <= b)
    index += offset
    year = day.year + index // 3
    first, last = starts[index % 3]
    return date(year, first, 1), _month_period(year, last)[1]


def _school_year(year: int) -> Period:
    return date(year, 9, 1), date(year + 1, 6, 30)


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _easter(year: int) -> date:
    """Return Easter Sunday (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lcc = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lcc) // 451
    month, day = divmod(h + lcc - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _year_of(text: str, today: date) -> int:
    text = text.strip().lower().lstrip("fy").strip()
    if text.startswith("'"):
        text = text[1:]
    value = int(text)
    if value < 100:
        value += (today.year // 100) * 100
    return value


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression in the goal and what it means for the deadline.

    kind: deadline, past, start, duration, anchored (counted from an unknown date), vague,
    event (no recorded date), age, recurrence, descriptor ("the 2027-2028 academic year").
    """

    kind: str
    start: int
    end: int
    phrase: str
    on: date | None = None
    resolution: str = "absolute"  # absolute, relative, event; length: "a 12-week course"
    months: float | None = None  # length of a duration
    last: date | None = None  # last day of the period a start falls in


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    periods: Callable[[int], Period] | None  # occurrence for a year (rollable)
    fixed: Period | None = None
    rel: str | None = None  # this / next / last
    relative: bool = False
    kind: str | None = None  # "bare_year" for a year with nothing around it
    needs_marker: bool = False


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_YEAR = r"(?:19|20|21)\d\d"
_MON = r"[a-z]{3,10}"
_F = re.IGNORECASE
_P_ISO = re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])\b")
_P_NUMERIC = re.compile(
    rf"(?<![\d/.])(?P<a>\d{{1,2}})(?P<s>[/.])(?P<b>\d{{1,2}})(?P=s)(?P<y>{_YEAR}|\d\d)(?![\d/.]\d)"
)
_P_MONTH_YEAR_NUM = re.compile(rf"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR})(?![\d/])")
_P_MDY = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y>{_YEAR}))?\b"
    r"(?!\s*(?:%|percent|hours?|days?|weeks?|months?|years?|times?|minutes?|[-/.]\d))",
    _F,
)
_P_DMY = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b\.?"
    rf"(?:\s*,?\s*(?P<y>{_YEAR})\b)?",
    _F,
)
_P_MY = re.compile(rf"\b(?P<mon>{_MON})\.?\s*,?\s+(?:of\s+)?(?P<y>{_YEAR}|'\d\d)\b", _F)
# The length of a course or contract written as an adjective: "a 12-week bootcamp".
_P_LENGTH_OF = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|"
    r"twenty|thirty|sixty|ninety)-(?P<unit>day|week|month|year)(?:-long)?\s+"
    r"(?:[\w+#.'&-]+\s+){0,3}?(?:course|bootcamp|boot\s+camp|program|programme|apprenticeship|"
    r"training|internship|placement|contract|residency|certificate|module|class|"
    r"fellowship|secondment|traineeship|scheme|challenge|placement)s?\b",
    _F,
)
_P_MONTH_YREL = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?:of\s+)?(?:the\s+)?(?P<yrel>next|this|following|coming)\s+year\b",
    _F,
)
_P_MONTH_ALONE = re.compile(
    r"\b(?P<pre>by|before|in|until|till|through|during|this|next|since|from|starting|around|"
    r"early|mid|late|end\s+of|beginning\s+of|start\s+of|coming|last|the\s+end\s+of|"
    r"month\s+of|after|to)[\s-]+(?:the\s+)?(?:month\s+of\s+)?(?:(?P<rel>next|this|coming)\s+)?"
    rf"(?P<mon>{_MON})\b\.?",
    _F,
)
_P_QUARTER = re.compile(
    r"\b(?:(?P<q>q[1-4])|(?P<qw>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter)"
    rf"(?:\s*(?:of\s+)?(?P<y>{_YEAR}|'\d\d|fy\s?'?\d\d(?:\d\d)?)\b"
    r"|\s+(?:of\s+)?(?:the\s+)?(?P<rel>this|next|current|the)\s+(?:year|fiscal\s+year))?\b",
    _F,
)
_MONTH_WORDS = frozenset(_MONTHS) | frozenset(lx.MONTH_NAMES)
_SEASON_WORDS = frozenset({"spring", "summer", "fall", "autumn", "winter", "holiday", "seasonal"})
_UNIT_WORDS = frozenset(
    _split(
        """day, days, week, weeks, wk, wks, month, months, mo, mos, year, years, yr, yrs,
        decade, decades, semester, semesters, quarter, quarters, term, terms, eoy, eom, eow,
        eoq, end, fortnight, fortnights"""
    )
)
_DAY_WORDS = frozenset(_WEEKDAYS) | frozenset(
    _split(
        """today, tonight, tomorrow, eod, day, christmas, xmas, new, halloween, valentine,
        valentines, valentine's, independence, july, 4th, thanksgiving, easter"""
    )
)
_P_HALF = re.compile(
    rf"\b(?:h(?P<h>[12])\s+(?P<hy>{_YEAR})|(?P<hw>first|second|1st|2nd)\s+half"
    rf"(?:\s+of\s+(?:(?P<y>{_YEAR})|(?:the\s+)?(?P<rel>this|next|the)\s+year))?)\b",
    _F,
)
_P_SEASON = re.compile(
    r"\b(?:(?P<rel>this|next|coming|last|the\s+coming)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
    rf"(?!\s+break)(?:\s*(?:of\s+)?(?P<y>{_YEAR}|'\d\d)|\s+(?:of\s+)?(?P<yrel>next|this)\s+year)?"
    r"(?:\s+(?P<term>semester|term|session|intake|quarter|cohort))?\b",
    _F,
)
_P_SEASON_JOB = re.compile(
    r"\b(?:(?:a|an|my|the)\s+(?P<season>spring|summer|fall|autumn|winter|holiday|seasonal)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:job|internship|position|role|placement|gig|program|programme|course)"
    r"|(?P<bare>spring|summer|fall|autumn|winter|holiday|seasonal)\s+(?:[a-z]+\s+)?"
    r"(?:jobs|internships|positions|roles|placements|gigs|programs|programmes|courses))\b",
    _F,
)
_P_PART_YEAR = re.compile(
    r"\b(?P<part>early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|"
    rf"(?:the\s+)?middle\s+of)[\s-]+(?P<y>{_YEAR})\b",
    _F,
)
_P_RANGE_DESCRIBES = re.compile(
    r"\s*(?:academic|school|season|fiscal|financial|cohort|cycle|intake)", re.IGNORECASE
)
_P_YEAR = re.compile(rf"(?<![\w$/.'-])(?P<y>{_YEAR})(?![\w%/-]|\.\d|,\d)")
_P_SHORT_YEAR = re.compile(r"\b(?P<pre>by|in|until|before|through)\s+'(?P<y>\d\d)\b", _F)
_P_FY = re.compile(r"\b(?:fy|fiscal\s+year|financial\s+year)\s?'?(?P<y>\d\d(?:\d\d)?)\b", _F)
_P_YEAR_RANGE = re.compile(rf"\b(?P<y1>{_YEAR})\s*[-/]\s*(?P<y2>{_YEAR}|\d\d)\b")
_COUNT_WORDS = (
    r"\d+(?:[.,]\d+)?(?:\s*(?:-|to)\s*\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"twenty[-\s]four|thirty|thirty[-\s]six|forty[-\s]eight|sixty|ninety|a\s+couple(?:\s+of)?|"
    r"couple(?:\s+of)?|a\s+few|few|several|some|half\s+a|one\s+and\s+a\s+half|a\s+number\s+of"
)
_UNITS = (
    r"days?|weeks?|wks?|fortnights?|months?|mos?|years?|yrs?|decades?|semesters?|quarters?|terms?"
)
_P_REL = re.compile(
    r"\b(?P<pre>within|in|over|during|inside(?:\s+of)?|for|after|under|in\s+less\s+than|"
    r"in\s+under|no\s+more\s+than)\s+(?:the\s+)?"
    r"(?:(?P<nx>next|coming|following|upcoming|first|last|past|previous)\s+)?"
    rf"(?P<n>{_COUNT_WORDS})(?P<half0>\s+and\s+a\s+half)?\s*(?P<unit>{_UNITS})"
    r"(?P<half>\s+and\s+a\s+half)?"
    r"(?P<tail>'s\s+time|'\s+time|\s+time|\s+from\s+now|\s+from\s+today)?\b",
    _F,
)
_P_FIRST = re.compile(
    r"\b(?:in|within|during|over|by\s+the\s+end\s+of)\s+(?:the|my|our|its|their)\s+first\s+"
    r"(?:full\s+|whole\s+|entire\s+)?"
    r"(?:few\s+|couple\s+of\s+)?(?:day|week|month|year|quarter|semester|term)s?\b",
    _F,
)
_P_EXPERIENCE = re.compile(
    rf"\b(?P<n>{_COUNT_WORDS})\s*(?:\+\s*)?(?P<unit>years?|months?)\s+of\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:experience|practice|service)\b",
    _F,
)
_P_FROM_NOW = re.compile(
    rf"\b(?P<n>{_COUNT_WORDS})\s*(?P<unit>{_UNITS})\s+(?:from\s+(?:now|today)|time)\b", _F
)
_P_NEXT_UNIT = re.compile(
    r"\b(?P<pre>within|in|over|during)\s+the\s+(?P<nx>next|coming|following|upcoming)\s+"
    r"(?P<unit>day|week|fortnight|month|year|decade|quarter|semester)\b",
    _F,
)
# "the year ahead", "the coming months ahead" read as the next one.
_P_AHEAD = re.compile(
    r"\b(?:the|this)\s+(?:coming\s+)?(?P<unit>week|fortnight|month|quarter|semester|year)\s+ahead\b",
    _F,
)
_P_UNIT = re.compile(
    r"\b(?:(?P<edge>(?:the\s+)?(?:end|close|middle|beginning|start)\s+of\s+(?:the\s+)?)"
    r"(?:(?P<rel1>this|next|coming|current|following|last|past)\s+)?"
    r"|(?P<rel2>this|next|coming|current|the\s+coming|following|last|past|previous)\s+)"
    r"(?P<unit>week|month|year|quarter|semester|term|decade|school\s+year|academic\s+year|"
    r"fiscal\s+year|financial\s+year|calendar\s+year)\b(?!['\u2019]s)",
    _F,
)
_P_ENDWORDS = re.compile(
    r"\b(?:year[-\s]end|end[-\s]of[-\s]year|eoy|end\s+of\s+year|eom|end[-\s]of[-\s]month|"
    r"end\s+of\s+month|eow|end\s+of\s+week|eoq|end\s+of\s+quarter)\b",
    _F,
)
_P_WEEKDAY = re.compile(
    r"\b(?P<pre>by|on|before|until|this|next|coming)\s+(?:(?P<rel>next|this|coming)\s+)?"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)\b",
    _F,
)
# A school year or semester named by its place in a course ("junior year", "my final semester",
# "year 13") has no date without the course's calendar: an event with no recorded date.
_P_SCHOOL_PERIOD = re.compile(
    r"\b(?P<pre>before|by|until|till|after|during|in|for|through)\s+"
    r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    r"(?:(?:the\s+)?(?:last|final)\s+(?:semester|term|year)\s+of\s+(?:my|our|the)\s+[\w'-]+"
    r"|(?:my|our|his|her|their|the)?\s*(?:freshman|sophomore|junior|senior)\s+(?:year|semester)"
    r"|(?:my|our|his|her|their)\s+(?:final|last|first|second|third|fourth|fifth)\s+"
    r"(?:year|semester|term)(?!\s+(?:of|at|in)\s+(?:work|the\s+job|my\s+job))"
    r"|year\s+(?:[7-9]|1[0-3])(?!\d))\b",
    _F,
)
_P_BEING_IN = re.compile(r"\b(?:am|i'm|im|is|are|was|were)\s*$", _F)
_SCHOOL_WORDS = frozenset(
    {"freshman", "sophomore", "junior", "senior", "final", "last", "first", "second", "third"}
    | {"fourth", "fifth", "year"}
)
_P_DAY_PARTS_AFTER = re.compile(
    r"(?:\s*(?:,|and|&|or)\s*\w+day)*\s+(?:mornings|afternoons|evenings|nights|lunchtimes)\b", _F
)
_P_DAY_OF_MONTH = re.compile(
    r"\b(?:by|before|on|until)\s+(?P<the>the)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?!\s+(?:of|century|day|time))",
    _F,
)
_P_DAYWORD = re.compile(r"\b(?P<w>today|tonight|tomorrow|end\s+of\s+(?:the\s+)?day|eod)\b", _F)
_P_HOLIDAY = re.compile(
    r"\b(?P<h>christmas(?:\s+day|\s+eve)?|xmas|new\s+year'?s?(?:\s+day|\s+eve)?|halloween|"
    r"valentine'?s?\s+day|independence\s+day|july\s+4(?:th)?|the\s+4th\s+of\s+july|thanksgiving|"
    r"easter)"
    rf"(?:\s+(?P<y>{_YEAR}))?\b",
    _F,
)
_P_AGE = re.compile(
    r"\b(?:by|before|until|when)\s+(?:the\s+)?(?:age\s+(?:of\s+)?(?P<a1>\d{2})\b|"
    r"(?:time\s+)?(?:i(?:'m|m|\s+am|\s+turn|\s+reach|\s+hit|\s+become)|"
    r"(?:he|she|they)(?:'s|'re|\s+is|\s+are|\s+turns?|\s+reach(?:es)?|\s+hits?|\s+becomes?))"
    r"\s+(?P<a2>\d{2}|"
    r"(?:twenty|thirty|forty|fifty|sixty)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)\b|"
    r"(?:the\s+)?age\s+of\s+(?:twenty|thirty|forty|fifty|sixty)\w*\b|"
    r"(?:my\s+)?(?P<a4>\d{2})(?:st|nd|rd|th)\s+birthday\b|"
    r"(?:my|his|her|their)\s+(?P<a6>[1-9]0)th\b(?!\s+(?:day|week|month|year|anniversary))|"
    r"(?P<a5>\d{2})(?=\s*(?:years?\s+old|y/?o)?\s*(?:[.!?,;)]|$)))"
    r"|\bin\s+my\s+(?:early\s+|mid\s+|late\s+)?(?:\d0s|twenties|thirties|forties|fifties)\b",
    _F,
)
_P_VAGUE = re.compile(
    r"\b(?:soon|someday|some\s+day|one\s+day|eventually|in\s+the\s+(?:near\s+|distant\s+|"
    r"foreseeable\s+)?future|in\s+the\s+long\s+(?:run|term)|long[\s-]term|short[\s-]term|"
    r"mid[\s-]term|at\s+some\s+point|down\s+the\s+(?:road|line)|sooner\s+or\s+later|asap|"
    r"as\s+soon\s+as\s+(?:possible|i\s+can)|later\s+on|later\s+in\s+life|in\s+due\s+course|"
    r"one\s+of\s+these\s+days|before\s+long|over\s+time|at\s+some\s+stage|in\s+time|"
    r"when\s+i(?:'m|\s+am)\s+ready|in\s+the\s+coming\s+(?:days|weeks|months|years)|"
    r"in\s+the\s+years\s+to\s+come|not\s+too\s+far\s+off|shortly|quickly|fast|right\s+away|"
    r"immediately|this\s+season|some\s+time|sometime|in\s+a\s+while|next\s+season|"
    r"on\s+time|on\s+schedule|in\s+good\s+time)\b",
    _F,
)
_P_RECUR = re.compile(
    r"\b(?:every|each|per|a|an|once\s+a|twice\s+a)\s+"
    r"(?:other\s+|single\s+|\d+\s+|two\s+|three\s+|four\s+|few\s+|couple\s+of\s+)?"
    r"(?P<u>day|weekday|week|weekend|month|quarter|year|semester|term|morning|evening|night|"
    r"sprint|shift|paycheck|pay\s+period|season|lesson|class|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\bon\s+(?P<wds>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|"
    r"weekdays|weeknights|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekday|weekend)"
    r"(?:\s*(?:,|and|&|or)\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day)*\s+"
    r"(?:mornings|afternoons|evenings|nights|lunchtimes))\b"
    r"|\bevery\s+lunch\s+break\b"
    r"|\b(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|biweekly|fortnightly|regularly|"
    r"consistently|routinely|nightly)\b",
    _F,
)
_EVENT_NOUNS = (
    r"career\s+fair|job\s+fair|fair|conference|graduation|commencement|defen[cs]e|"
    r"performance\s+review|review|interview|exams?|finals|midterms?|deadline|break|"
    r"summit|expo|hackathon|launch|cycle|survey|appraisal|evaluation|wedding|birthday|"
    r"retirement|discharge|convention|showcase|competition|tournament|festival|election|freeze|"
    r"audit|recital|audition|orientation|season|move|relocation|open\s+enrollment|test|olympics|"
    r"reunion|ceremony|trip|deployment|leave|residency|internship|semester|term|school|college|"
    r"holidays|holiday\s+season|renewal|application|visa\s+application|appointment|meeting|"
    r"all-hands(?:\s+meeting)?|town\s+hall|offsite|retreat|kickoff|"
    r"(?:first|second|third|fourth|final|last|junior|senior|"
    r"sophomore|freshman)\s+year|"
    r"university|program|bootcamp|contract|probation|probation\s+period|onboarding"
)
_P_EVENT = re.compile(
    r"\b(?P<pre>before|by|until|till|ahead\s+of|prior\s+to|in\s+time\s+for|after|at|for|during|"
    r"on|in|of|upon)\s+(?:the\s+time\s+)?(?:(?P<det>the|my|our|this|next|his|her|their|"
    r"the\s+next|the\s+upcoming|upcoming)\s+)?"
    r"(?P<body>(?:(?!(?:before|by|until|after|in|at|for|on|during|of)\b)[\w'-]+\s+){0,3}?)"
    rf"(?P<noun>{_EVENT_NOUNS})\b",
    _F,
)
_P_EVENT_BARE = re.compile(
    r"\b(?P<det>this|next|the\s+next|upcoming|the\s+upcoming)\s+(?P<body>(?:[\w'-]+\s+){0,2}?)"
    r"(?P<noun>cycle|round|intake|hiring\s+season|review\s+cycle|performance\s+review|review|"
    r"survey|election|conference|fair|season)\b",
    _F,
)
_P_EVENT_VERB = re.compile(
    r"\b(?P<pre>before|by\s+the\s+time|by|until|when|after|once|upon|on|as\s+soon\s+as)\s+"
    r"(?:(?<=until\s)(?:i|we|it|they|he|she)\s+(?:\w+\s+)?(?P<clause>[a-z]{2,}s|find|get|"
    r"land|make|have|am|is|are|can)\b|(?:i|we)\s+(?:will\s+)?(?P<verb>graduate|finish\s+(?:school|college|university|my\s+\w+)|"
    r"leave\s+(?:school|the\s+military|the\s+army|my\s+\w+)|retire|move|get\s+married|start\s+\w+|"
    r"complete\s+my\s+\w+|get\s+hired|land\s+\w+)|(?P<ger>graduating|graduation|retiring|"
    r"leaving\s+(?:my\s+|the\s+)?\w+|quitting\s+(?:my\s+)?\w+|starting\s+(?:my\s+|the\s+)?\w+|"
    r"moving\s+\w+|finishing\s+(?:my\s+)?\w+))\b",
    _F,
)

_MARKER = re.compile(
    r"(?:(?:\bno|\bnot)\s+later\s+than|\bon\s+or\s+before|\bprior\s+to|\bahead\s+of|\bin\s+time\s+for|"
    r"\b(?:the\s+)?(?:end|close|beginning|start|middle)\s+of(?:\s+the)?|\bstarting(?:\s+(?:in|on|from))?|"
    r"\bbeginning(?:\s+(?:in|on))?|\bas\s+of|\bin\s+or\s+before|"
    r"\b(?:by|before|until|till|til|through|thru|to|in|within|during|for|over|at|on|around|from|"
    r"after|since|throughout|across|due|deadline|this|next|coming|last|early|mid|late|the|"
    r"commencing|effective|circa|approximately|about|across)\b)[\s-]*$",
    _F,
)
_DEADLINE_WORDS = frozenset(
    _split(
        """by, until, till, til, through, thru, to, in, within, during, for, over, at, on,
        around, throughout, across, due, deadline, end, close, no later than, not later than,
        on or before, in or before, middle, circa, approximately, about"""
    )
)
_END_EDGE = re.compile(r"(?:the\s+)?(?:end|close)\s+of\b", _F)
_BEFORE_WORDS = frozenset({"before", "prior to", "ahead of", "in time for"})
_START_WORDS = frozenset(
    _split(
        """starting, starting in, starting on, starting from, from, beginning, beginning in,
        beginning on, as of, after, commencing, effective"""
    )
)
_PAST_WORDS = frozenset({"since", "last"})
_PAST_CUES = re.compile(
    r"\b(?:was|were|did|had|have\s+been|has\s+been|'ve\s+been|started|began|graduated|worked|"
    r"finished|completed|joined|moved|earned|got|became|used\s+to|ago|born|left|quit|studied|"
    r"attended|received|passed|won|lost|retired|founded|launched|published)\b",
    _F,
)
_FUTURE_CUES = re.compile(
    r"\b(?:want|will|plan|hope|aim|goal|would\s+like|going\s+to|'ll|must|need)\b", _F
)
_PERFECT_BEFORE = re.compile(
    r"\b(?:have|has|had|'ve)\s+(?:been|worked|studied|taught|lived|served)\b[^.;!?]*$"
    r"|\bfor\s+the\s+(?:past|last)\s*$",
    _F,
)
_ANCHOR_AFTER = re.compile(
    r"^\s*(?:of|after|from|following|into)\s+(?:my|the|our|his|her|their|a|an|[a-z]{3,}ing|"
    r"graduation|discharge|separation|release|redundancy|retirement|arrival|relocation|"
    r"enrol+ment|qualification|qualifying|hire)\b",
    _F,
)
_NEXT_WORDS = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?", _F)


def _counted(after: str) -> bool:
    """Return whether the words after a number make it a count ("2000 followers")."""
    m = _NEXT_WORDS.match(after)
    if not m:
        return False
    for word in m.groups():
        if not word:
            continue
        w = word.lower()
        if w in lx.STOPWORDS or w in _NOT_PLURAL:
            return False
        if w in lx.QUANTITY_NOUNS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss")):
            return True
    return False


_NOT_PLURAL = frozenset(
    _split(
        """this, is, was, has, his, its, us, yes, plus, thus, always, months, years, weeks,
        days, as, does, goes, across, towards, unless, whereas"""
    )
)


def _number(text: str) -> float | None:
    t = " ".join(text.lower().replace("-", " ").split())
    if t in _NUMS:
        return _NUMS[t]
    if t in _VAGUE_COUNTS:
        return None
    # "12-18 months" (the hyphen became a space) and "2 to 3 years" count to the later end
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(?:(?:to\s*)?(\d+))?", t)
    if not m:
        return None
    if m.group(2):
        return float(m.group(2))
    return float(m.group(1).replace(",", "."))


def _unit_delta(today: date, n: float, unit: str) -> date:
    unit = unit.lower().rstrip("s").rstrip("'")
    if unit in ("day",):
        return today + timedelta(days=round(n))
    if unit in ("week", "wk"):
        return today + timedelta(days=round(7 * n))
    if unit == "fortnight":
        return today + timedelta(days=round(14 * n))
    if unit in ("month", "mo"):
        return add_months(today, round(n))
    if unit in ("quarter",):
        return add_months(today, round(3 * n))
    if unit in ("semester", "term"):
        return add_months(today, round(6 * n))
    years = 10 * n if unit == "decade" else n
    if years == int(years):
        return add_years(today, int(years))
    return add_months(today, round(12 * years))


def _months_of(n: float, unit: str) -> float:
    unit = unit.lower().rstrip("s")
    per = {
        "day": 1 / 30.44,
        "week": 7 / 30.44,
        "wk": 7 / 30.44,
        "month": 1.0,
        "mo": 1.0,
        "quarter": 3.0,
        "semester": 6.0,
        "term": 6.0,
        "year": 12.0,
        "yr": 12.0,
        "decade": 120.0,
        "fortnight": 14 / 30.44,
    }
    return n * per.get(unit, 12.0)


class _Scanner:
    """Collects time expressions from one parsed goal."""

    def __init__(self, parsed: Parsed, today: date) -> None:
        self.p = parsed
        self.s = parsed.folded
        self.today = today
        self.cands: list[_Cand] = []
        self.special: list[TimeExpr] = []

    # -- candidates ---------------------------------------------------------------------
    def _add(self, cand: _Cand) -> None:
        self.cands.append(cand)

    def _month_ok(self, m: re.Match[str], strict: bool) -> int | None:
        word = m.group("mon")
        num = month_number(word)
        if num is None:
            return None
        if strict and word.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not word[0].isupper():
            return None
        return num

    def _months(
        self, pattern: re.Pattern[str], strict: Callable[[re.Match[str]], bool]
    ) -> Iterator[tuple[re.Match[str], int]]:
        """Yield matches whose month slot names a month; retry after each word that does not."""
        pos = 0
        while True:
            m = pattern.search(self.s, pos)
            if m is None:
                return
            mon = self._month_ok(m, strict(m))
            if mon is None:
                pos = m.start() + 1
                continue
            yield m, mon
            pos = m.end()

    def scan(self) -> None:
        """Collect candidates, running only the patterns whose words occur."""
        s = self.s
        words = {t.base for t in self.p.tokens}
        digits = any(ch.isdigit() for ch in s)
        months = bool(words & _MONTH_WORDS) or any(
            len(w) >= 5 and w not in lx.KNOWN_WORDS and month_number(w) for w in words
        )
        if digits:
            self._scan_numeric()
        if months:
            self._scan_months()
        if digits or "quarter" in words:
            self._scan_quarters()
        if digits or "half" in words:
            self._scan_halves()
        if words & _SEASON_WORDS:
            self._scan_seasons()
        if words & _UNIT_WORDS:
            self._scan_relative()
            self._scan_units()
        ordinal = any(w[:1].isdigit() and w.endswith(("st", "nd", "rd", "th")) for w in words)
        if words & _DAY_WORDS or ordinal:
            self._scan_days()
        if words & _SCHOOL_WORDS:
            for m in _P_SCHOOL_PERIOD.finditer(s):
                if re.search(
                    r"\b(?:am|i'm|im|is|are|was|were)\s*$", s[: m.start()], _F
                ) or re.match(r"\s+now\b", s[m.end() :], _F):
                    continue  # "I am in year 11 now" says where the writer is, not when
                kind = "start" if m["pre"].lower() == "after" else "event"
                self.special.append(self._expr(kind, m.start(), m.end(), resolution="school"))

    def _scan_numeric(self) -> None:
        s, today = self.s, self.today
        for m in _P_ISO.finditer(s):
            with suppress(ValueError, OverflowError):
                self._fixed_day(m, int(m["y"]), int(m["m"]), int(m["d"]))
        for m in _P_NUMERIC.finditer(s):
            with suppress(ValueError, OverflowError):
                a, b = int(m["a"]), int(m["b"])
                year = _year_of(m["y"], today)
                month, day = (b, a) if a > 12 else (a, b)  # month first unless impossible
                self._fixed_day(m, year, month, day)
        for m in _P_MONTH_YEAR_NUM.finditer(s):
            with suppress(ValueError, OverflowError):
                self._fixed(m.start(), m.end(), _month_period(int(m["y"]), int(m["m"])))
        for m in _P_PART_YEAR.finditer(s):
            with suppress(ValueError, OverflowError):
                self._part_year(m)
        for m in _P_YEAR_RANGE.finditer(s):
            with suppress(ValueError, OverflowError):
                self._year_range(m)
        for m in _P_YEAR.finditer(s):
            with suppress(ValueError, OverflowError):
                if _counted(s[m.end() : m.end() + 30]):
                    continue  # "2000 followers" is a count, not a year
                year = int(m["y"])
                self._fixed(
                    m.start(), m.end(), (date(year, 1, 1), date(year, 12, 31)), bare_year=True
                )
        for m in _P_SHORT_YEAR.finditer(s):
            with suppress(ValueError, OverflowError):
                year = _year_of(m["y"], today)
                self._fixed(m.start("y") - 1, m.end(), (date(year, 1, 1), date(year, 12, 31)))
        for m in _P_FY.finditer(s):
            with suppress(ValueError, OverflowError):
                year = _year_of(m["y"], today)
                self._fixed(m.start(), m.end(), (date(year, 1, 1), date(year, 12, 31)))

    def _scan_months(self) -> None:
        today = self.today
        for m, mon in self._months(_P_MDY, lambda m: m["y"] is None):
            with suppress(ValueError, OverflowError):
                day = int(m["d"])
                if m["y"]:
                    self._fixed_day(m, int(m["y"]), mon, day)
                else:
                    self._rolling_day(m.start(), m.end(), mon, day)
        for m, mon in self._months(_P_DMY, lambda m: True):
            with suppress(ValueError, OverflowError):
                day = int(m["d"])
                if m["y"]:
                    self._fixed_day(m, int(m["y"]), mon, day)
                else:
                    self._rolling_day(m.start(), m.end(), mon, day)
        for m, mon in self._months(_P_MY, lambda m: False):
            with suppress(ValueError, OverflowError):
                self._fixed(m.start(), m.end(), _month_period(_year_of(m["y"], today), mon))
        for m, mon in self._months(_P_MONTH_YREL, lambda m: True):
            with suppress(ValueError, OverflowError):
                year = today.year + (m["yrel"].lower() != "this")
                self._fixed(m.start(), m.end(), _month_period(year, mon), relative=True)
        for m, mon in self._months(
            _P_MONTH_ALONE, lambda m: m["pre"].lower() not in ("by", "in", "until", "before")
        ):
            pre = m["pre"].lower()
            start = m.start("mon") if m["rel"] is None else m.start("rel")
            if pre in ("early", "mid", "late"):
                start = m.start()
                part = pre

                def occurrence(y: int, mon: int = mon, part: str = part) -> Period:
                    first, last = _month_period(y, mon)
                    end = {"early": 10, "mid": 20}.get(part)
                    return first, last if end is None else first.replace(day=end)

                self._add(_Cand(start, m.end("mon"), occurrence, rel=_rel(m["rel"])))
                continue
            self._add(
                _Cand(
                    start,
                    m.end("mon"),
                    partial(_month_period, month=mon),
                    rel=_rel(m["rel"]) or _rel(pre if pre in ("this", "next", "coming") else None),
                )
            )

    def _scan_quarters(self) -> None:
        s, today = self.s, self.today
        for m in _P_QUARTER.finditer(s):
            with suppress(ValueError, OverflowError):
                q = int(m["q"][1]) if m["q"] else _ordinal(m["qw"])
                if m["y"]:
                    self._fixed(m.start(), m.end(), _quarter_period(_year_of(m["y"], today), q))
                elif m["rel"] and m["rel"].lower() in ("next",):
                    self._fixed(
                        m.start(), m.end(), _quarter_period(today.year + 1, q), relative=True
                    )
                else:
                    self._add(_Cand(m.start(), m.end(), partial(_quarter_period, q=q)))

    def _scan_halves(self) -> None:
        s, today = self.s, self.today
        for m in _P_HALF.finditer(s):
            with suppress(ValueError, OverflowError):
                h = int(m["h"]) if m["h"] else _ordinal(m["hw"])
                h = 1 if h not in (1, 2) else h
                year_text = m["hy"] or m["y"]

                def half(y: int, h: int = h) -> Period:
                    return (
                        (date(y, 1, 1), date(y, 6, 30))
                        if h == 1
                        else (date(y, 7, 1), date(y, 12, 31))
                    )

                if year_text:
                    self._fixed(m.start(), m.end(), half(int(year_text)))
                elif m["rel"] and m["rel"].lower() == "next":
                    self._fixed(m.start(), m.end(), half(today.year + 1), relative=True)
                else:
                    self._add(_Cand(m.start(), m.end(), half))

    def _scan_seasons(self) -> None:
        s, today = self.s, self.today
        for m in _P_SEASON_JOB.finditer(s):
            with suppress(ValueError, OverflowError):
                # "apply for summer placements": a kind of job, no time of its own
                kind = "descriptor" if m["bare"] else "vague"
                self.special.append(self._expr(kind, m.start(), m.end()))
        for m in _P_SEASON.finditer(s):
            with suppress(ValueError, OverflowError):
                season = m["season"].lower()
                academic = bool(m["term"]) and m["term"].lower() in ("semester", "term", "session")
                rel = _rel(m["rel"])
                if m["y"] or m["yrel"]:
                    year = (
                        _year_of(m["y"], today)
                        if m["y"]
                        else today.year + (m["yrel"].lower() == "next")
                    )
                    self._fixed(
                        m.start(),
                        m.end(),
                        _season_period(year, season, academic),
                        relative=not m["y"],
                    )
                else:
                    self._add(
                        _Cand(
                            m.start(),
                            m.end(),
                            partial(_season_period, season=season, academic=academic),
                            rel=rel,
                            needs_marker=rel is None,
                        )
                    )

    def _part_year(self, m: re.Match[str]) -> None:
        part = " ".join(m["part"].lower().split()).removeprefix("the ")
        year = int(m["y"])
        first, last = date(year, 1, 1), date(year, 12, 31)
        period = {
            "early": (first, date(year, 3, 31)),
            "mid": (date(year, 6, 1), date(year, 6, 30)),
            "late": (date(year, 10, 1), last),
            "beginning of": (first, first),
            "start of": (first, first),
            "middle of": (date(year, 6, 1), date(year, 6, 30)),
        }.get(part, (first, last))
        self._fixed(m.start(), m.end(), period)

    def _year_range(self, m: re.Match[str]) -> None:
        y2 = _year_of(m["y2"], self.today)
        if _P_RANGE_DESCRIBES.match(self.s, m.end()):
            self.special.append(self._expr("descriptor", m.start(), m.end()))
            return
        self._fixed(m.start(), m.end(), (date(int(m["y1"]), 1, 1), date(y2, 12, 31)))

    def _scan_relative(self) -> None:
        s, today = self.s, self.today
        for m in _P_REL.finditer(s):
            with suppress(ValueError, OverflowError):
                pre = " ".join(m["pre"].lower().split())
                nx = (m["nx"] or "").lower()
                count_text = " ".join(m["n"].lower().split())
                n = _number(count_text)
                unit = m["unit"].lower()
                if (m["half"] or m["half0"]) and n is not None:
                    n += 0.5
                before = s[max(0, m.start() - 60) : m.start()]
                after = s[m.end() : m.end() + 40]
                if re.match(
                    r"\s+(?:of|in)\s+(?:\w+\s+)?(?:experience|practice|service)\b", after, _F
                ):
                    continue  # "over 5 years of experience" is an amount
                if (
                    nx in ("last", "past", "previous")
                    or _PERFECT_BEFORE.search(before)
                    or re.match(r"\s+ago\b", after, _F)
                ):
                    self.special.append(self._expr("past", m.start(), m.end()))
                    continue
                if n is None:
                    self.special.append(self._expr("vague", m.start(), m.end()))
                    continue
                months = _months_of(n, unit)
                if nx == "first" or pre == "after" or _ANCHOR_AFTER.match(after):
                    end = m.end()
                    anchor = _ANCHOR_AFTER.match(after)
                    if anchor:
                        end = m.end() + anchor.end()
                        words = re.match(r"[\s\w'-]{0,40}", s[end:])
                        if words:
                            end += len(words.group().rstrip())
                    self.special.append(
                        TimeExpr(
                            "anchored", m.start(), end, self.p.text[m.start() : end], months=months
                        )
                    )
                    continue
                if pre == "for" and not nx and not m["tail"]:
                    self.special.append(
                        TimeExpr(
                            "duration",
                            m.start(),
                            m.end(),
                            self.p.text[m.start() : m.end()],
                            months=months,
                        )
                    )
                    continue
                try:
                    on = _unit_delta(today, n, unit)
                except (ValueError, OverflowError):
                    continue
                self._fixed(m.start(), m.end(), (today, on), relative=True)
        for m in _P_FIRST.finditer(s):
            with suppress(ValueError, OverflowError):
                self.special.append(self._expr("anchored", m.start(), m.end()))
        for m in _P_EXPERIENCE.finditer(s):
            with suppress(ValueError, OverflowError):
                before = s[max(0, m.start() - 40) : m.start()]
                if re.search(
                    r"\b(?:gain|get|reach|have|accumulate|build|log|complete|earn)\w*\s+(?:\w+\s+)?$",
                    before,
                    _F,
                ):
                    self.special.append(self._expr("duration", m.start(), m.end()))
        for m in _P_LENGTH_OF.finditer(s):
            n = _number(m["n"])
            if n is not None and not any(
                t.start < m.end("unit") and m.start() < t.end for t in self.special
            ):
                self.special.append(
                    TimeExpr(
                        "duration",
                        m.start(),
                        m.end("unit"),
                        self.p.text[m.start() : m.end("unit")],
                        resolution="length",
                        months=_months_of(n, m["unit"]),
                    )
                )
        for m in _P_FROM_NOW.finditer(s):
            with suppress(ValueError, OverflowError):
                n = _number(m["n"])
                if n is None:
                    continue
                try:
                    on = _unit_delta(today, n, m["unit"])
                except (ValueError, OverflowError):
                    continue
                self._fixed(m.start(), m.end(), (today, on), relative=True)
        for m in chain(_P_NEXT_UNIT.finditer(s), _P_AHEAD.finditer(s)):
            with suppress(ValueError, OverflowError):
                try:
                    on = _unit_delta(today, 1, m["unit"])
                except (ValueError, OverflowError):
                    continue
                self._fixed(m.start(), m.end(), (today, on), relative=True)

    def _scan_units(self) -> None:
        s, today = self.s, self.today
        for m in _P_UNIT.finditer(s):
            with suppress(ValueError, OverflowError):
                rel = (m["rel1"] or m["rel2"] or "this").lower().replace("the ", "")
                edge = " ".join((m["edge"] or "").lower().split()).removeprefix("the ")
                unit = " ".join(m["unit"].lower().split())
                if rel in ("last", "past", "previous"):
                    self.special.append(self._expr("past", m.start(), m.end()))
                    continue
                offset = 1 if rel in ("next", "coming", "following") else 0
                try:
                    period = _unit_period(today, unit, offset)
                except (ValueError, OverflowError):
                    continue
                if edge.startswith(("beginning", "start")):
                    period = (period[0], period[0])
                elif edge.startswith("middle"):
                    mid = period[0] + (period[1] - period[0]) / 2
                    period = (period[0], mid)
                self._fixed(m.start(), m.end(), period, relative=True)
        for m in _P_ENDWORDS.finditer(s):
            with suppress(ValueError, OverflowError):
                word = m.group().lower()
                if "month" in word or word == "eom":
                    unit = "month"
                elif "week" in word or word == "eow":
                    unit = "week"
                elif "quarter" in word or word == "eoq":
                    unit = "quarter"
                else:
                    unit = "year"
                self._fixed(m.start(), m.end(), _unit_period(today, unit, 0), relative=True)

    def _scan_days(self) -> None:
        s, today = self.s, self.today
        for m in _P_DAY_OF_MONTH.finditer(s):
            with suppress(ValueError, OverflowError):
                day = int(m["d"])

                def occurrence(y: int, day: int = day) -> Period:
                    month = today.month if y == today.year else 1
                    for _ in range(13):
                        if day <= last_day(y, month) and date(y, month, day) >= today:
                            return date(y, month, day), date(y, month, day)
                        y, month = (y, month + 1) if month < 12 else (y + 1, 1)
                    raise ValueError(day)

                if 1 <= day <= 31:
                    self._add(_Cand(m.start("the"), m.end(), occurrence))
        for m in _P_WEEKDAY.finditer(s):
            with suppress(ValueError, OverflowError):
                wd = _WEEKDAYS.get(m["wd"].lower())
                if wd is None:
                    continue
                if m["wd"].lower() in ("sat", "sun", "mon", "wed") and not m["wd"][0].isupper():
                    continue
                if _P_DAY_PARTS_AFTER.match(s, m.end()):
                    continue  # "on Wednesday evenings" repeats every week
                pre = m["pre"].lower()
                rel = (m["rel"] or (pre if pre in ("next", "this", "coming") else "")).lower()
                ahead = (wd - today.weekday()) % 7
                if rel == "next" and ahead == 0:
                    ahead = 7
                try:
                    on = today + timedelta(days=ahead)
                except OverflowError:
                    continue
                start = (
                    m.start("rel")
                    if m["rel"]
                    else (m.start() if pre in ("this", "next", "coming") else m.start("wd"))
                )
                cand = _Cand(start, m.end(), None, fixed=(on, on), relative=True)
                self._add(cand)
        for m in _P_DAYWORD.finditer(s):
            with suppress(ValueError, OverflowError):
                w = m["w"].lower()
                try:
                    on = today + timedelta(days=1) if w == "tomorrow" else today
                except OverflowError:
                    continue
                self._fixed(m.start(), m.end(), (on, on), relative=True)
        for m in _P_HOLIDAY.finditer(s):
            with suppress(ValueError, OverflowError):
                name = " ".join(m["h"].lower().split())
                if name.startswith(("christmas", "xmas")):
                    md = (12, 24) if name.endswith("eve") else (12, 25)
                elif name.startswith("new year"):
                    md = (12, 31) if name.endswith("eve") else (1, 1)
                elif name == "halloween":
                    md = (10, 31)
                elif name.startswith("valentine"):
                    md = (2, 14)
                elif name == "thanksgiving":
                    md = (0, 0)
                elif name == "easter":
                    md = (0, 1)
                else:
                    md = (7, 4)

                def holiday(y: int, md: tuple[int, int] = md) -> Period:
                    if md == (0, 0):
                        day = _thanksgiving(y)
                    elif md == (0, 1):
                        day = _easter(y)
                    else:
                        day = date(y, *md)
                    return day, day

                if m["y"]:
                    self._fixed(m.start(), m.end(), holiday(int(m["y"])))
                else:
                    self._add(_Cand(m.start(), m.end(), holiday, needs_marker=True))

    def _fixed_day(self, m: re.Match[str], year: int, month: int, day: int) -> None:
        try:
            d = date(year, month, day)
        except ValueError:
            return
        self._fixed(m.start(), m.end(), (d, d))

    def _rolling_day(self, start: int, end: int, month: int, day: int) -> None:
        def occurrence(y: int) -> Period:
            d = date(y, month, min(day, last_day(y, month)))
            return d, d

        if day < 1 or day > 31:
            return
        self._add(_Cand(start, end, occurrence))

    def _fixed(
        self, start: int, end: int, period: Period, relative: bool = False, bare_year: bool = False
    ) -> None:
        self._add(
            _Cand(
                start,
                end,
                None,
                fixed=period,
                relative=relative,
                needs_marker=False,
                kind="bare_year" if bare_year else None,
            )
        )

    def _expr(self, kind: str, start: int, end: int, **kw: object) -> TimeExpr:
        return TimeExpr(kind, start, end, self.p.text[start:end], **kw)  # type: ignore[arg-type]


def _rel(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split()).removeprefix("the ")
    return {"coming": "this", "current": "this", "following": "next"}.get(w, w)


def _ordinal(word: str | None) -> int:
    w = (word or "").lower()
    return {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "last": 4,
        "final": 4,
    }.get(w, 1)


def _unit_period(today: date, unit: str, offset: int) -> Period:
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = add_months(today.replace(day=1), offset)
        return _month_period(first.year, first.month)
    if unit == "quarter":
        q = (today.month - 1) // 3 + offset
        year = today.year + q // 4
        return _quarter_period(year, q % 4 + 1)
    if unit in ("semester", "term"):
        return _semester_period(today, offset)
    if unit in ("school year", "academic year"):
        year = today.year if today.month >= 7 else today.year - 1
        return _school_year(year + offset)
    if unit == "decade":
        start = (today.year // 10 + offset) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    year = today.year + offset
    return date(year, 1, 1), date(year, 12, 31)


def _markers(s: str, start: int) -> tuple[int, list[str]]:
    """Return where the marker words before start begin, and those words (nearest first)."""
    words: list[str] = []
    pos = start
    for _ in range(4):
        window = s[max(0, pos - 30) : pos]
        m = _MARKER.search(window)
        if not m or m.start() == m.end():
            break
        word = " ".join(m.group().lower().replace("-", " ").split())
        if not word:
            break
        pos = pos - (len(window) - m.start())
        words.append(word)
        if word not in (
            "the",
            "end of",
            "end of the",
            "beginning of",
            "start of",
            "this",
            "next",
            "coming",
            "early",
            "mid",
            "late",
            "middle of",
            "the end of",
            "the end of the",
            "close of",
        ):
            break
    return pos, words


def _classify_words(words: Sequence[str]) -> str:
    for w in words:
        w = w.removeprefix("the ").removesuffix(" the")
        if w in _BEFORE_WORDS:
            return "before"
        if w in _PAST_WORDS:
            return "past"
        if w in _START_WORDS:
            return "start"
        if w in ("beginning of", "start of"):
            return "edge_start"
        if w in _DEADLINE_WORDS or w.startswith(("end of", "close of", "middle of")):
            return "deadline"
    return "none"


def _choose_year(
    cand: _Cand, today: date, pick: Callable[[Period], date | None]
) -> tuple[Period, date] | None:
    assert cand.periods is not None
    if cand.rel in ("this", "next"):
        nominal = today.year
        for y in (today.year - 1, today.year):
            ps, pe = cand.periods(y)
            if ps <= today <= pe:
                nominal = y
                break
        if cand.rel == "next":
            period = cand.periods(nominal + 1)
            on = pick(period)
            return (period, on) if on is not None else None
        period = cand.periods(nominal)
        on = pick(period)
        if on is not None and on >= today:
            return period, on
    for y in range(today.year - 1, today.year + 3):
        try:
            period = cand.periods(y)
        except ValueError:
            continue
        on = pick(period)
        if on is not None and on >= today:
            return period, on
    return None


def find_time(
    parsed: Parsed, today: date, events: Sequence[tuple[str, date]] = ()
) -> list[TimeExpr]:
    """Return the time expressions of a goal, each classified, deadlines resolved."""
    scanner = _Scanner(parsed, today)
    scanner.scan()
    s = parsed.folded
    text = parsed.text
    out: list[TimeExpr] = list(scanner.special)

    # Longest candidate wins where candidates overlap.
    cands = sorted(scanner.cands, key=lambda c: (c.start - c.end, c.start))
    chosen: list[_Cand] = []
    for c in cands:
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        if any(
            c.start < o.end
            and o.start < c.end
            and (o.kind == "descriptor" or o.resolution == "school")
            for o in out
        ):
            continue
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)

    for c in chosen:
        mstart, words = _markers(s, c.start)
        how = _classify_words(words)
        if how == "before" and _END_EDGE.match(s, c.start):
            how = "deadline"  # "before the end of 2027" means by its end, not before it starts
        clause_start = max(s.rfind(ch, 0, c.start) for ch in ".;!?\n")
        clause_before = s[clause_start + 1 : c.start]
        if c.needs_marker and how == "none" and c.rel is None:
            continue  # "a summer internship": a season used as a description
        if how == "none" and c.kind == "bare_year" and c.start > 0:
            prev = re.search(r"(\w+)\W*$", s[: c.start])
            if prev and prev.group(1)[:1].isupper() and prev.group(1).lower() in _PRODUCTS:
                continue  # "Excel 2019" is a version
        phrase_start = mstart if words else c.start
        phrase = text[phrase_start : c.end]

        def pick(period: Period, how: str = how) -> date | None:
            if how == "before":
                return period[0] - timedelta(days=1) if period[0] > date.min else None
            if how in ("start", "edge_start"):
                return period[0]
            return period[1]

        if c.fixed is not None:
            period = c.fixed
            try:
                on = pick(period)
            except OverflowError:
                continue
            if on is None:
                continue
        else:
            try:
                chosen_year = _choose_year(c, today, pick)
            except (ValueError, OverflowError):
                continue
            if chosen_year is None:
                continue
            period, on = chosen_year
        explicit_year = c.fixed is not None and not c.relative
        relative = not explicit_year
        past_tense = bool(_PAST_CUES.search(clause_before)) and not _FUTURE_CUES.search(
            clause_before
        )
        strong = any(w.removeprefix("the ").startswith(_STRONG_DEADLINE) for w in words)
        if how == "past" or (
            explicit_year and period[1] < today and not strong and how != "before"
        ):
            out.append(TimeExpr("past", phrase_start, c.end, phrase, on=on))
            continue
        if explicit_year and past_tense and period[0].year <= today.year and how != "before":
            out.append(TimeExpr("past", phrase_start, c.end, phrase, on=on))
            continue
        if how == "start":
            out.append(
                TimeExpr(
                    "start",
                    phrase_start,
                    c.end,
                    phrase,
                    on=period[0],
                    resolution="relative" if relative else "absolute",
                    last=period[1],
                )
            )
            continue
        if relative and on < today:
            out.append(TimeExpr("past", phrase_start, c.end, phrase, on=on))
            continue
        out.append(
            TimeExpr(
                "deadline",
                phrase_start,
                c.end,
                phrase,
                on=on,
                resolution="relative" if relative else "absolute",
            )
        )

    _scan_events(parsed, today, events, out)
    _scan_misc(parsed, out)
    out = [e for e in out if not _negated(parsed, e.start)]
    out.sort(key=lambda e: (e.start, e.end))
    return out


def _negated(parsed: Parsed, offset: int) -> bool:
    """Return whether the time expression at offset sits in a negated clause."""
    for tok in parsed.tokens:
        if tok.start >= offset:
            return tok.negated
    return False


_STRONG_DEADLINE = (
    "by",
    "until",
    "till",
    "til",
    "through",
    "thru",
    "no later than",
    "not later than",
    "on or before",
    "due",
    "deadline",
    "end of",
    "close of",
    "to",
)
_PRODUCTS = frozenset(
    _split(
        """office, windows, server, excel, word, studio, outlook, project, sql, powerpoint,
        access, exchange, sharepoint, visio, autocad, revit, ios"""
    )
)


def _stem(word: str) -> str:
    w = singular(word.lower())
    if len(w) >= 8:
        return w[:6]
    if len(w) >= 6:
        return w[:5]
    return w


_EVENT_STOP = frozenset({"the", "my", "our", "a", "an", "of", "for", "and", "in", "on", "at", "to"})


def _scan_events(
    parsed: Parsed, today: date, events: Sequence[tuple[str, date]], out: list[TimeExpr]
) -> None:
    s, text = parsed.folded, parsed.text
    toks = parsed.tokens
    stems = [_stem(t.base) for t in toks] if events else []
    taken = [(e.start, e.end) for e in out]

    for name, when in events:
        words = [_stem(w) for w in lx.WORD_RE.findall(name.lower()) if w not in _EVENT_STOP]
        words = [w for w in words if not w.isdigit()]
        if not words:
            continue
        head = words[-1]
        need = max(1, (len(words) + 1) // 2)
        for k, st in enumerate(stems):
            if st != head:
                continue
            lo = max(0, k - 5)
            hits = [i for i in range(lo, k + 1) if stems[i] in words]
            if len(set(stems[i] for i in hits)) < need:
                continue
            first = hits[0]
            start, end = toks[first].start, toks[k].end
            mstart, mwords = _markers(s, start)
            how = _classify_words(mwords)
            if not mwords:
                verb = re.search(
                    r"\b(before|after|by|until|at|for|during)\s+(?:\w+\s+){0,2}$", s[:start], _F
                )
                if verb:
                    mstart = verb.start()
                    how = _classify_words([verb.group(1).lower()])
            phrase_start = mstart if mwords or how != "none" else start
            try:
                on = when - timedelta(days=1) if how == "before" else when
            except OverflowError:
                on = when
            kind = "start" if how == "start" else "deadline"
            out.append(
                TimeExpr(kind, phrase_start, end, text[phrase_start:end], on=on, resolution="event")
            )
            taken.append((phrase_start, end))
            break

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def ok(m: re.Match[str]) -> bool:
        groups = m.groupdict()
        pre = " ".join((groups.get("pre") or "").lower().split())
        noun = (groups.get("noun") or "").lower()
        if m.re is _P_EVENT:
            if noun in _WEAK_EVENT_NOUNS and pre in ("in", "for", "of", "on", "at"):
                return False  # "in the program", "for the exam": not a time
            if pre == "of" and noun not in ("semester", "term"):
                return False
            if not groups.get("det") and pre not in _STRONG_EVENT_PRE:
                return False
        return free(m.start(), m.end())

    for pattern in (_P_EVENT, _P_EVENT_BARE, _P_EVENT_VERB):
        pos = 0
        while (m := pattern.search(s, pos)) is not None:
            if not ok(m):
                pos = m.start() + 1
                continue
            pos = m.end()
            pre = " ".join((m.groupdict().get("pre") or "").lower().split())
            kind = "start" if pre in ("after", "once", "upon") else "event"
            out.append(TimeExpr(kind, m.start(), m.end(), text[m.start() : m.end()]))
            taken.append((m.start(), m.end()))

    for m in _P_AGE.finditer(s):
        if not free(m.start(), m.end()):
            continue
        clause_start = max(s.rfind(ch, 0, m.start()) for ch in ".;!?,\n")
        if m["a5"] and re.search(
            r"\b(?:increase|reduce|cut|grow|raise|lower|decrease|improve|boost)\w*\b",
            s[clause_start + 1 : m.start()],
            _F,
        ):
            continue
        out.append(TimeExpr("age", m.start(), m.end(), text[m.start() : m.end()]))
        taken.append((m.start(), m.end()))


_STRONG_EVENT_PRE = frozenset(
    {"before", "by", "until", "till", "after", "ahead of", "prior to", "upon", "in time for"}
)
_WEAK_EVENT_NOUNS = frozenset(
    _split(
        """exam, exams, test, school, college, university, program, bootcamp, internship,
        residency, move, leave, contract, semester, term, season, review, interview, break,
        trip, launch, deadline, onboarding"""
    )
)


def _scan_misc(parsed: Parsed, out: list[TimeExpr]) -> None:
    s, text = parsed.folded, parsed.text
    taken = [(e.start, e.end) for e in out]

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    words = {t.base for t in parsed.tokens}
    vague = _P_VAGUE.finditer(s) if words & _VAGUE_TRIGGERS else ()
    for m in vague:
        if free(m.start(), m.end()):
            out.append(TimeExpr("vague", m.start(), m.end(), text[m.start() : m.end()]))
            taken.append((m.start(), m.end()))
    for m in _P_RECUR.finditer(s):
        if not free(m.start(), m.end()):
            continue
        before = s[max(0, m.start() - 16) : m.start()]
        if re.search(
            r"[$€£¥]\s?[\d,.]+\s?[km]?\s*$|\d\s?(?:k|dollars|euros|pounds)\s*$", before, _F
        ):
            continue  # "$60,000 a year" is a salary rate
        if m["adv"]:
            after = s[m.end() : m.end() + 20]
            nxt = re.match(r"\s*([a-z]+)", after, _F)
            word = nxt.group(1).lower() if nxt else ""
            if nxt and word not in _ADVERB_FOLLOWERS and singular(word) not in lx.RECURRING_OUTPUTS:
                continue  # "monthly sales" is a description; "a weekly newsletter" repeats
        elif m.group().lower().startswith(("a ", "an ")):
            before_word = re.search(r"(\w+)\s*$", before)
            word = before_word.group(1).lower() if before_word else ""
            plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
            if not before_word or not (
                plural
                or before_word.group(1).isdigit()
                or before_word.group(1).lower() in lx.NUMBER_WORDS
                or before_word.group(1).lower() in _RATE_NOUNS
                or singular(before_word.group(1).lower()) in _RATE_NOUNS
            ):
                continue  # "in a year" is not a rate
        out.append(TimeExpr("recurrence", m.start(), m.end(), text[m.start() : m.end()]))
        taken.append((m.start(), m.end()))


_VAGUE_TRIGGERS = frozenset(
    _split(
        """on, schedule, good, soon, someday, some, one, eventually, future, long, short, mid,
        point, road, line, sooner, asap, possible, can, later, due, these, before, over,
        stage, ready, coming, come, far, shortly, quickly, fast, away, immediately, season,
        sometime, while, time, term, years, run"""
    )
)
_ADVERB_FOLLOWERS = frozenset(
    _split(
        """until, till, through, throughout, in, for, from, starting, and, by, at, with, on,
        during, over, this, next, to, so, basis, or, i, as, across, while, since, after,
        before, then, all"""
    )
)
_RATE_NOUNS = frozenset(
    _split(
        """time, once, twice, hour, minute, student, class, session, shift, event, application,
        post, article, book, course, meeting, lesson, day, interview, client, call, workout,
        problem, page, word, job, video, episode, story"""
    )
)
