"""Find the quantities a goal can be checked against.

A number is a metric only with something that says what it counts: a unit, a currency, a
percent sign, a test or score word, a frequency or a counted noun. Numbers that name things
("top 10 company", "Fortune 500", "Python 3", "Level 2", "a 12-week course") and numbers inside
dates are not metrics.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as lx
from .model import Metric
from .text import Parsed, singular


def _split(block: str) -> list[str]:
    """Split a comma-separated block of words into a list."""
    return [w.strip() for w in block.split(",") if w.strip()]


_F = re.IGNORECASE
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORD_NUMS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|once|twice|thrice"
)
_CUR = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "cad": "CAD",
    "aud": "AUD",
    "rupees": "INR",
    "inr": "INR",
    "yen": "JPY",
}
_MULT = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}

_P_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<ca>[$€£])?(?P<a>{_NUM})\s*(?P<ua>%|percent\b|[a-z]+)?\s+(?:down\s+|up\s+)?to\s+"
    r"(?:(?P<cmp>under|below|over|above|less\s+than|more\s+than|at\s+least|about)\s+)?"
    rf"(?P<cb>[$€£])?(?P<b>{_NUM})\s*(?P<ub>%|percent\b|/\s?\d+|[a-z]+)?",
    _F,
)
_P_MONEY = re.compile(
    rf"(?P<cur>[$€£¥₹])\s?(?P<num>{_NUM})\s?(?P<mult>k|mm|m|bn|b|million|thousand|billion)?\b"
    rf"|\b(?P<num2>{_NUM})\s?(?P<mult2>k|million|thousand|billion)?\s?"
    r"(?P<cur2>dollars|usd|euros?|eur|pounds|gbp|cad|aud|rupees|inr|yen)\b",
    _F,
)
_P_PERCENT = re.compile(
    rf"\b(?P<num>{_NUM})\s?(?:%|percent\b|per\s+cent\b|(?P<pp>percentage\s+points?\b|pp\b))", _F
)
_P_FRACTION = re.compile(r"\b(?P<num>\d+(?:\.\d+)?)\s?/\s?(?P<den>\d+(?:\.\d+)?)\b")
_P_GPA = re.compile(
    r"\b(?:an?|of|at\s+least|above|over)\s+(?P<num>[0-4]\.\d{1,2})\b"
    r"(?!\s*(?:%|/|percent|points?|stars?|x\b|hours?|years?|months?|weeks?|days?|miles?|k\b))",
    _F,
)
_UNIT_WORDS = frozenset({"wpm", "mph", "kph", "km", "kg", "lb", "mile", "star", "credit", "k"})
_P_FIGURES = re.compile(r"\b(?P<n>five|six|seven|eight)[-\s]figures?\b", _F)
_MONEY_WORDS = ("dollar", "usd", "euro", "eur", "pound", "gbp", "cad", "aud", "rupee", "inr", "yen")
_P_FACTOR_HINT = re.compile(r"double|triple|quadruple|halve|\dx\b")
_P_CEFR = re.compile(r"\b(?P<lvl>[ABC][12])\b(?![+\w])")
_P_LETTER = re.compile(
    r"\b(?:an?|straight)\s+(?P<g>[A-F][+-]?)(?=\s+(?:in|on|for|average|grade|this|across)\b)"
    r"|\bstraight\s+(?P<g2>A)'?s\b"
)
_P_FREQ = re.compile(
    rf"\b(?P<n>{_NUM}|{_WORD_NUMS}|a\s+couple\s+of)\s+(?P<what>(?:[a-z][\w'-]*\s+){{0,3}}?)"
    r"(?:times?\s+)?(?:a|per|an|each|every)\s+(?P<u>day|week|month|quarter|year|semester|term|"
    r"weekday|weekend|sprint|shift|paycheck|session)\b",
    _F,
)
_P_EVERY = re.compile(
    r"\b(?:every|each)\s+(?:single\s+|other\s+)?(?P<u>day|weekday|week|weekend|month|quarter|year|"
    r"semester|term|morning|evening|night|sprint|shift|paycheck|pay\s+period)\b"
    r"|\b(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|biweekly|fortnightly|nightly)\b",
    _F,
)
_P_FACTOR = re.compile(
    r"\b(?P<f>double|triple|quadruple|halve)[sd]?\s+(?=(?:my|our|the|its|their|his|her|this|that)\b)"
    r"|\b(?P<n>\d+)x\b(?=\s+(?:my|our|the|growth|increase|revenue|sales|more)\b)",
    _F,
)
_WEEKDAY_PLURALS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days"
_WEEKDAY_ONE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY_PARTS = r"(?:mornings|afternoons|evenings|nights|lunchtimes|lunch\s+breaks)"
# "every Friday", "on Saturdays", "on Wednesday evenings", "on Tuesday and Thursday mornings",
# "on weekday evenings", "every lunch break": a weekly or daily habit, so a frequency.
_P_WEEKLY = re.compile(
    rf"\b(?:every|each)\s+(?:other\s+)?(?P<one>{_WEEKDAY_ONE}|lunch\s+break|weeknight)\b"
    rf"|\bon\s+(?P<days>{_WEEKDAY_PLURALS}|weekends|weekdays|weeknights"
    rf"|(?:{_WEEKDAY_ONE}|weekday|weekend)(?:\s*(?:,|and|&|or)\s*{_WEEKDAY_ONE})*\s+{_DAY_PARTS})\b",
    _F,
)
# A self-rating of confidence or chances is not the goal's measure: "(confidence 8/10)",
# "90% confident", "How confident am I? 8/10", "I'd rate my chances 7/10", "(currently 3/10)".
_RATING = r"\d+(?:\.\d+)?\s*(?:/\s*\d+|%|percent\b|out\s+of\s+\d+)"
_P_CONFIDENCE = re.compile(
    rf"\b(?:confidence|confident|sure|certain|chances?|currently|right\s+now|odds)\b"
    rf"(?:\s*(?:level|rating|is|are|am\s+i|would\s+be|at|about|around|of|[:=?-]))*\s*{_RATING}"
    rf"|{_RATING}\s*(?:confident|sure|certain|likely|chance)\b",
    _F,
)
# A number with a unit or multiplier glued on: "100k", "1.2k hours", "3km", "100kg", "1M streams".
_P_SUFFIXED = re.compile(
    r"(?<![\w.,/])(?P<num>\d+(?:\.\d+)?)\s?(?P<suf>k|m|bn|km|kms|kg|kgs|mi|lbs?)"
    r"(?P<plus>\+)?(?![\w/])",
    _F,
)
_SUFFIX_UNITS = {
    "k": ("amount", 1e3, None),
    "m": ("amount", 1e6, None),
    "bn": ("amount", 1e9, None),
    "km": ("distance", 1.0, "km"),
    "kms": ("distance", 1.0, "km"),
    "mi": ("distance", 1.0, "mile"),
    "kg": ("weight", 1.0, "kg"),
    "kgs": ("weight", 1.0, "kg"),
    "lb": ("weight", 1.0, "lb"),
    "lbs": ("weight", 1.0, "lb"),
}
_P_BEFORE_LEAST = re.compile(
    r"(?:at\s+least|minimum\s+of|min\.?|no\s+less\s+than|more\s+than|over|above|upwards\s+of|"
    r"in\s+excess\s+of)\s*$",
    _F,
)
_P_BEFORE_MOST = re.compile(
    r"(?:under|below|less\s+than|at\s+most|no\s+more\s+than|fewer\s+than|max(?:imum)?(?:\s+of)?|"
    r"up\s+to|within)\s*$",
    _F,
)
_P_AFTER_LEAST = re.compile(r"^\s*(?:\+|or\s+(?:more|higher|above|better|greater))", _F)
_P_AFTER_MOST = re.compile(r"^\s*(?:or\s+(?:less|fewer|lower|below|under))", _F)
_P_ADVERB_NEXT = re.compile(r"\s*([a-z]+)", _F)

_SCORE_WORDS = frozenset(
    _split(
        """score, scores, scoring, scored, gpa, band, grade, grades, marks, mark, points,
        percentile, rating, gre, gmat, sat, act, lsat, mcat, ielts, toefl, toeic, usmle,
        pcat, dat, oat, psat, nclex, cgpa"""
    )
)
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_UNITS_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_P_TARGET = re.compile(
    rf"\b(?:to|by)\s+(?:at\s+least\s+|over\s+|under\s+|about\s+)?(?P<num>{_NUM}|zero)\b"
    r"(?!\s*(?:%|percent|[$€£]|[a-z]+\s*(?:of|per)\b))",
    _F,
)
_GENERIC_SCORE_WORDS = frozenset(
    {
        "score",
        "scores",
        "scoring",
        "scored",
        "grade",
        "grades",
        "marks",
        "mark",
        "points",
        "rating",
        "band",
        "percentile",
    }
)
_NOT_COUNTED_AFTER = frozenset(
    _split(
        """top, fortune, big, level, levels, series, tier, phase, stage, version, v, python,
        java, windows, ios, android, web, industry, class, room, route, line, section,
        chapter, part, no, number, pgy, jlpt, title, form, type, wcag, area, district, ward,
        year, week, day, q, h, cohort, batch, unit, lot, gen, generation, covid, grade,
        module, step, round, season, episode, volume, vol, page, item, rank, ranked, top-,
        league, division, tier-, sprint, wave, block, floor, suite, apartment, building,
        highway, interstate, zone, job, hsk, n, b, d, f, s, c"""
    )
)
_COUNT_ADJ = frozenset(
    _split(
        """new, more, first, other, additional, extra, different, paid, regular, full, part,
        merged, open, own, national, local, freelance, peer, reviewed, first-author, active,
        qualified, supervised, clinical, new-"""
    )
)
_TIME_UNITS = frozenset({"hour", "minute", "day", "week", "month", "year", "semester", "term"})
_NOUN_CATS = frozenset({"result", "work", "employ", "role", "cred", "org", "biz", "skill"})
_FREQ_PER_WEEK = {
    "day": 7.0,
    "weekday": 5.0,
    "week": 1.0,
    "weekend": 1.0,
    "month": 12 / 52,
    "quarter": 4 / 52,
    "year": 1 / 52,
    "semester": 2 / 52,
    "term": 2 / 52,
    "sprint": 0.5,
    "shift": 5.0,
    "session": 1.0,
    "paycheck": 0.5,
}


_P_NUMBER = re.compile(_NUM)


def _num(text: str) -> float | None:
    t = text.lower().replace(",", "")
    if t in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[t])
    if t == "a couple of":
        return 2.0
    try:
        return float(t)
    except ValueError:
        return None


class _Finder:
    def __init__(self, parsed: Parsed, excluded: Sequence[tuple[int, int]]) -> None:
        self.p = parsed
        self.s = parsed.folded
        self.taken: list[tuple[int, int]] = list(excluded)
        self.out: list[Metric] = []
        self.negated = [(t.start, t.end) for t in parsed.tokens if t.negated]

    def free(self, start: int, end: int) -> bool:
        return not any(start < b and a < end for a, b in self.taken)

    def is_negated(self, start: int, end: int) -> bool:
        return any((start <= a and b <= end) or a <= start < b for a, b in self.negated)

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        *,
        quantity: float | None = None,
        unit: str | None = None,
        baseline: float | None = None,
        comparator: str | None = None,
        direction: str | None = None,
    ) -> None:
        """Record a metric unless its span is taken or negated."""
        if not self.free(start, end) or self.is_negated(start, end):
            return
        while end > start and self.p.text[end - 1].isspace():
            end -= 1
        self.out.append(
            Metric(
                kind=kind,
                text=self.p.text[start:end],
                quantity=quantity,
                unit=unit,
                baseline=baseline,
                comparator=comparator or self._comparator(start, end),
                direction=direction or self._direction(start),
                start=start,
                end=end,
            )
        )
        self.taken.append((start, end))

    def _comparator(self, start: int, end: int) -> str | None:
        before = self.s[max(0, start - 24) : start]
        after = self.s[end : end + 16]
        if _P_BEFORE_LEAST.search(before) or _P_AFTER_LEAST.match(after):
            return "at_least"
        if _P_BEFORE_MOST.search(before) or _P_AFTER_MOST.match(after):
            return "at_most"
        return None

    def _direction(self, start: int) -> str | None:
        clause_start = max(self.s.rfind(ch, 0, start) for ch in ".;!?,\n")
        best = None
        for m in self.p.by_cat.get("dir", ()):
            if clause_start < m.start < start and not self.p.tokens[m.i].negated:
                best = "increase" if m.info == "up" else "decrease"
        return best

    # ------------------------------------------------------------------------------
    def run(self) -> list[Metric]:
        """Return the metrics, each span read once."""
        s = self.s
        for m in _P_CONFIDENCE.finditer(s) if any(c.isdigit() for c in s) else ():
            self.taken.append((m.start(), m.end()))
        for m in _P_FROM_TO.finditer(s) if "from" in s.lower() else ():
            a, b = _num(m["a"]), _num(m["b"])
            if a is None or b is None:
                continue
            unit = (m["ub"] or m["ua"] or "").lower()
            if m["ca"] or m["cb"]:
                kind, unit = "money", _CUR.get(m["ca"] or m["cb"], "USD")
            elif unit in ("%", "percent"):
                kind = "percent"
            elif singular(unit) in _TIME_UNITS:
                kind = "duration"
            elif unit.startswith("/"):
                kind = "score"
            else:
                kind, unit = "score", unit if unit and singular(unit) in lx.QUANTITY_NOUNS else ""
            end = m.end() if unit else m.end("b")
            cmp_word = (m["cmp"] or "").lower()
            comparator = (
                "at_most"
                if cmp_word in ("under", "below", "less than")
                else "at_least"
                if cmp_word in ("over", "above", "more than", "at least")
                else None
            )
            self.add(
                kind,
                m.start(),
                end,
                quantity=b,
                baseline=a,
                unit=unit or None,
                direction="increase" if b > a else "decrease",
                comparator=comparator,
            )
        low = s.lower()
        money = any(c in s for c in "$€£¥₹") or any(w in low for w in _MONEY_WORDS)
        for m in _P_MONEY.finditer(s) if money else ():
            num = _num(m["num"] or m["num2"] or "")
            if num is None:
                continue
            mult = (m["mult"] or m["mult2"] or "").lower()
            if (
                mult in ("m", "b")
                and m["mult"]
                and not s[m.end("mult") - 1 : m.end("mult")].isalpha()
            ):
                mult = ""
            cur = _CUR.get((m["cur"] or m["cur2"] or "$").lower(), "USD")
            self.add("money", m.start(), m.end(), quantity=num * _MULT.get(mult, 1.0), unit=cur)
        percent = "%" in s or "percent" in low or " pp" in low
        for m in _P_FIGURES.finditer(s) if "figure" in low else ():
            digits = {"five": 4, "six": 5, "seven": 6, "eight": 7}[m["n"].lower()]
            self.add("money", m.start(), m.end(), quantity=10.0**digits, comparator="at_least")
        for m in _P_PERCENT.finditer(s) if percent else ():
            num = _num(m["num"])
            self.add("percent", m.start(), m.end(), quantity=num, unit="pp" if m["pp"] else "%")
        for m in _P_FRACTION.finditer(s) if "/" in s else ():
            num, den = float(m["num"]), float(m["den"])
            if den in (4.0, 5.0, 10.0, 100.0) and 0 < num <= den:
                self.add("score", m.start(), m.end(), quantity=num, unit=f"/{m['den']}")
        self._frequencies()
        self._suffixed()
        hint = _P_FACTOR_HINT.search(low)
        for m in _P_FACTOR.finditer(s) if hint else ():
            factor = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}.get(
                (m["f"] or "").lower(), float(m["n"] or 0)
            )
            end = m.end("f") if m["f"] else m.end()
            self.add(
                "factor",
                m.start(),
                end,
                quantity=factor,
                unit="x",
                direction="decrease" if factor < 1 else "increase",
            )
        for m in _P_GPA.finditer(s):
            self.add("score", m.start("num"), m.end("num"), quantity=float(m["num"]), unit="GPA")
        for m in _P_CEFR.finditer(self.p.text):
            self.add("level", m.start(), m.end(), unit="CEFR")
        for m in _P_LETTER.finditer(self.p.text):
            g = m["g"] or m["g2"]
            start = m.start("g") if m["g"] else m.start()
            self.add("score", start, m.end("g") if m["g"] else m.end(), unit="grade " + g)
        self._scores()
        self._counts()
        self._targets()
        self.out.sort(key=lambda x: x.start or 0)
        return self.out

    def _frequencies(self) -> None:
        s = self.s
        for m in _P_FREQ.finditer(s):
            before = s[max(0, m.start() - 3) : m.start()]
            if re.search(r"[$€£¥]\s?$", before):
                continue  # "$60,000 a year" is a salary rate
            n = _num(m["n"])
            what = " ".join(m["what"].split()).lower()
            unit = m["u"].lower()
            noun = what.split(" ")[-1] if what else "times"
            if what and (noun in lx.STOPWORDS or noun in ("dollars", "k")):
                continue
            self.add("frequency", m.start(), m.end(), quantity=n, unit=f"{noun}/{unit}")
        for m in _P_EVERY.finditer(s):
            if m["adv"]:
                nxt = _P_ADVERB_NEXT.match(s[m.end() : m.end() + 20])
                word = nxt.group(1).lower() if nxt else ""
                if (
                    nxt
                    and word not in _ADVERB_FOLLOWERS
                    and singular(word) not in lx.RECURRING_OUTPUTS
                ):
                    continue  # "monthly sales" describes the sales
                unit = {
                    "daily": "day",
                    "nightly": "day",
                    "weekly": "week",
                    "biweekly": "week",
                    "fortnightly": "week",
                    "monthly": "month",
                    "quarterly": "quarter",
                    "annually": "year",
                    "yearly": "year",
                }[m["adv"].lower()]
            else:
                unit = m["u"].lower()
            self.add("frequency", m.start(), m.end(), quantity=1.0, unit=f"times/{unit}")
        for m in _P_WEEKLY.finditer(s):
            lunch = "lunch" in m.group().lower()
            self.add(
                "frequency",
                m.start(),
                m.end(),
                quantity=1.0,
                unit=f"times/{'day' if lunch else 'week'}",
            )

    def _suffixed(self) -> None:
        s = self.s
        for m in _P_SUFFIXED.finditer(s):
            if m["num"] == "401" and m["suf"].lower() == "k":
                continue  # a retirement plan
            kind, mult, unit = _SUFFIX_UNITS[m["suf"].lower()]
            if m["suf"] == "m" and not s[m.start("suf") - 1].isdigit():
                continue  # "5 m" could be anything; "5m" and "5M" are millions
            self.add(
                kind,
                m.start(),
                m.end(),
                quantity=float(m["num"]) * mult,
                unit=unit,
                comparator="at_least" if m["plus"] else None,
            )

    def _number_at(self, k: int) -> tuple[float, int, int] | None:
        """Return the number written from token k on ("2,000", "3.5"), or None."""
        tok = self.p.tokens[k]
        if not tok.raw[:1].isdigit():
            return None
        if tok.start >= 2 and self.s[tok.start - 1] in ",." and self.s[tok.start - 2].isdigit():
            return None  # the "000" of "2,000" or the "5" of "3.5"
        m = _P_NUMBER.match(self.s, tok.start)
        if m is None or (m.end() < len(self.s) and self.s[m.end()].isalpha()):
            return None
        value = _num(m.group())
        return None if value is None else (value, m.start(), m.end())

    def _scores(self) -> None:
        toks = self.p.tokens
        for k, tok in enumerate(toks):
            found = self._number_at(k)
            if found is None or not self.free(found[1], found[2]):
                continue
            value, _, num_end = found
            lo, hi = max(0, k - 4), min(len(toks), k + 5)
            near = [t for t in toks[lo:hi] if t is not tok and t.clause == tok.clause]
            tests = [t for t in near if t.base in _SCORE_WORDS]
            test = next((t for t in tests if t.base not in _GENERIC_SCORE_WORDS), None) or next(
                iter(tests), None
            )
            if test is None:
                continue
            end = num_end
            after = _P_AFTER_LEAST.match(self.s[end : end + 16]) or _P_AFTER_MOST.match(
                self.s[end : end + 16]
            )
            if after:
                end += after.end()
            self.add(
                "score",
                tok.start,
                end,
                quantity=value,
                unit=test.base.upper()
                if test.base
                not in (
                    "score",
                    "scores",
                    "scoring",
                    "scored",
                    "grade",
                    "grades",
                    "marks",
                    "mark",
                    "points",
                    "rating",
                    "band",
                )
                else test.base,
            )

    def _counts(self) -> None:
        toks = self.p.tokens
        s = self.s
        for k, tok in enumerate(toks):
            tok_start = tok.start
            tok_end = tok.end
            n: float | None
            if tok.raw[:1].isdigit():
                found = self._number_at(k)
                if found is None:
                    continue
                n, _, tok_end = found
            elif tok.base in _TENS and k + 1 < len(toks) and toks[k + 1].base in _UNITS_WORDS:
                n = float(lx.NUMBER_WORDS[tok.base] + lx.NUMBER_WORDS[toks[k + 1].base])
                tok_end = toks[k + 1].end
            elif tok.base in lx.NUMBER_WORDS and tok.base not in (
                "a",
                "an",
                "half",
                "single",
                "once",
                "twice",
                "thrice",
                "pair",
            ):
                n = _num(tok.base)
                if (
                    tok.base in ("dozen", "hundred", "thousand", "couple")
                    and k
                    and toks[k - 1].base in ("a", "one")
                ):
                    tok_start = toks[k - 1].start
            else:
                continue
            start = tok_start
            if n is None or not self.free(tok.start, tok_end) or tok.negated:
                continue
            if s[tok_end : tok_end + 1] == "-":
                continue  # "a 12-week course", "360-degree" describe a thing
            if k and (toks[k - 1].base in _NOT_COUNTED_AFTER or toks[k - 1].raw.endswith("-")):
                continue
            if k and toks[k - 1].raw[:1].isupper() and toks[k - 1].base in _TECH_NAMES:
                continue
            if k + 1 < len(toks) and toks[k + 1].base == "of" and tok.base.isalpha():
                continue  # "one of the top ..."
            unit_tok = None
            first = next((j for j in range(k + 1, len(toks)) if toks[j].end > tok_end), len(toks))
            for j in range(first, min(len(toks), first + 5)):
                t = toks[j]
                if t.clause != tok.clause or not t.base.replace("-", "").isalpha():
                    break
                if t.base in _TIME_WORDS or t.base in _UNIT_WORDS:
                    if j == first and not _REQUIREMENT.search(
                        s[max(0, tok.start - 30) : tok.start]
                    ):
                        unit_tok = t
                    break
                if t.base in lx.STOPWORDS and t.base not in _COUNT_ADJ:
                    break
                if self._is_count_noun(t.base) or (n == 1 and self._is_noun(t.base, j)):
                    unit_tok = t
                    nxt = toks[j + 1] if j + 1 < len(toks) else None
                    if (
                        nxt is None
                        or nxt.clause != t.clause
                        or not (
                            self._is_count_noun(nxt.base)
                            or (n == 1 and self._is_noun(nxt.base, j + 1))
                        )
                    ):
                        break
            if unit_tok is None:
                continue
            unit = singular(unit_tok.base)
            kind = "duration" if unit in _TIME_UNITS else "count"
            if unit == "k":
                n, unit = n * 1000, "thousand"
            self.add(kind, start, unit_tok.end, quantity=n, unit=unit)

    def _targets(self) -> None:
        """Read "to 1,800" after a direction ("increase my billable hours to 1,800")."""
        for m in _P_TARGET.finditer(self.s):
            if self._direction(m.start()) is None:
                continue
            value = _num(m["num"])
            if value is not None:
                self.add("count", m.start("num"), m.end("num"), quantity=value)

    def _is_count_noun(self, word: str) -> bool:
        if word in lx.QUANTITY_NOUNS or singular(word) in lx.QUANTITY_NOUNS:
            return True
        return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))

    def _is_noun(self, word: str, j: int) -> bool:
        return any(m.i <= j < m.j and m.cat in _NOUN_CATS for m in self.p.matches)


_TIME_WORDS = frozenset(
    _split(
        """hour, hours, minute, minutes, day, days, week, weeks, month, months, year, years,
        semester, semesters"""
    )
)
_REQUIREMENT = re.compile(
    r"\b(?:with|requires?|requiring|required|needs?|needing|minimum|min)\s+(?:at\s+least\s+)?$", _F
)
_TECH_NAMES = frozenset(
    _split(
        """python, java, windows, ios, android, office, excel, web, html, css, php, angular,
        vue, react, node, django, rails, swift, kotlin, net"""
    )
)
_ADVERB_FOLLOWERS = frozenset(
    _split(
        """until, till, through, throughout, in, for, from, starting, and, by, at, with, on,
        during, over, this, next, to, so, basis, or, i, as, across, while, since, after,
        before, then, all"""
    )
)


def find_metrics(parsed: Parsed, excluded: Sequence[tuple[int, int]] = ()) -> list[Metric]:
    """Return the metrics of a goal, skipping spans already read as dates."""
    return _Finder(parsed, excluded).run()


def weekly_hours(metrics: Sequence[Metric]) -> tuple[float, Metric] | None:
    """Return the hours a week a goal commits to ("15 hours a week"), with its metric."""
    for m in metrics:
        if m.kind != "frequency" or not m.unit or m.quantity is None:
            continue
        noun, _, per = m.unit.partition("/")
        if singular(noun) in ("hour", "hr", "minute"):
            hours = m.quantity / 60 if singular(noun) == "minute" else m.quantity
            return hours * _FREQ_PER_WEEK.get(per, 1.0), m
    return None
