"""Judge the specific, measurable and time-bound criteria from what a goal names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from . import lexicon as lx
from .dates import TimeExpr, add_months
from .model import CriterionResult, Deadline, Entity, Evidence, Metric, SmartContext
from .text import Match, Parsed, singular


def _split(block: str) -> list[str]:
    """Split a comma-separated block of words into a list."""
    return [w.strip() for w in block.split(",") if w.strip()]


_VAGUE_WORDS = frozenset(k for k in lx.VAGUE if " " not in k)
_NONQUAL = frozenset(k for k in lx.SENIORITY if " " not in k)
_PLATFORM_WORDS = frozenset(w for k in lx.PLATFORMS for w in k.split())
_ROLE_VERBS = frozenset(
    _split(
        """lead, coach, tutor, mentor, volunteer, head, partner, intern, clerk, judge, host,
        cook, nurse, design, interpret, translate, manage, train, trainer, research, edit,
        teach, scribe, chair, shadow"""
    )
)
_VERB_LEADERS = frozenset(
    _split(
        """to, will, i, we, and, 'll, or, can, must, should, then, also, could, would, might,
        me, lets, let's, you"""
    )
)
_POST_QUALIFIERS = frozenset(
    _split(
        """of, in, at, for, with, within, on, specialising, specializing, focused, focusing,
        from, to, about"""
    )
)
_NAMED_LEADERS = frozenset(
    _split(
        """at, for, with, join, joining, by, into, to, in, from, on, through, via, inside,
        within, under"""
    )
)
_CAP_SKIP = frozenset(
    _split(
        """i, i'm, i'd, i'll, i've, my, the, a, an, by, in, on, and, or, to, of, get, be,
        become, land, aim, goal, note, next, this"""
    )
)
_ADMISSION = frozenset(
    _split(
        """get into, got into, getting into, get accepted, get accepted to, get accepted into,
        get admitted, get admitted to, be admitted, enroll, enrol, enrolled, enrolling, match
        into, matched into, get a place at, apply to, apply for, applying to, applying for,
        applied to, applied for, finish, finishing, complete, completing, graduate from,
        graduating from, graduated from, transfer, transfer to, transferred to, relocate,
        relocate to"""
    )
)
_MONEY_VERBS = re.compile(
    r"\b(?:save|saving|saved|earn|earning|make|making|raise|raising|close|closing|generate|bring\s+in|"
    r"pay\s+off|paying\s+off|sell|selling|fundraise|bill|invoice|net|gross|clear|invest|"
    r"get\s+paid|be\s+paid|paid\s+at\s+least)\b",
    re.IGNORECASE,
)
_OWN = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?P<w>team|unit|department|company|firm|"
    r"organi[sz]ation|lab|shop|store|route|territory|region|service|services|business|clinic|"
    r"practice|school|classroom|students|ward|branch|office|project|product|channel|restaurant|"
    r"salon|warehouse|site|plant|line|group|agency|employer|job|workplace|hospital|law\s+firm|"
    r"manager|boss|district|program|programme|lab's|team's|unit's|company's|shop's|store's|"
    r"students'|clients|customers)\b|\bat\s+work\b|\bon\s+the\s+job\b|\bin[-\s]house\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Item:
    """Something the goal names, judged for how concrete it is."""

    kind: str  # role, employ, credential, skill, work, business, result, organisation, field, place
    start: int
    end: int
    i: int
    j: int
    concrete: bool
    where: bool = False
    vague: bool = False
    negated: bool = False
    info: str = ""

    def span(self, text: str) -> Evidence:
        """Return the item as evidence."""
        return Evidence(self.kind, text[self.start : self.end], self.start, self.end)


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------
class Reader:
    """Reads the entities of one goal."""

    def __init__(self, parsed: Parsed, quiet: Sequence[tuple[int, int]] = ()) -> None:
        self.p = parsed
        self.toks = parsed.tokens
        self.cats = parsed.cats
        self.quiet = quiet
        self.items: list[Item] = []
        self.own_spans = [(m.start(), m.end()) for m in _OWN.finditer(parsed.folded)]

    # -- token helpers ------------------------------------------------------------------
    def is_content(self, k: int, gerunds: bool = False) -> bool:
        """Return whether token k can describe a noun ("marketing" in "marketing role")."""
        tok = self.toks[k]
        b = tok.base
        if gerunds and b.endswith("ing") and len(b) > 5 and b not in lx.STOPWORDS:
            return True  # "a driving test", "a coding bootcamp"
        if not b or b in lx.STOPWORDS or b in _VAGUE_WORDS or b in _NONQUAL:
            return False
        if b[0].isdigit() and not re.fullmatch(r"\d+d", b):
            return False
        cats = self.cats[k]
        return not ("ev" in cats or "learn" in cats or "dir" in cats) or bool(
            cats & {"field", "skill", "org", "role", "cred", "work", "biz", "result"}
        )

    def is_vague(self, k: int) -> bool:
        """Return whether token k is a vague word ("top", "better")."""
        return self.toks[k].base in _VAGUE_WORDS or "vague" in self.cats[k]

    def modifiers(
        self, i: int, limit: int = 3, rank_ok: bool = False, gerunds: bool = False
    ) -> tuple[list[int], bool]:
        """Return the content tokens just before token i, and whether a vague word is among them.

        With rank_ok, "top 3" is a rank ("top 3 sales reps"), not a vague word.
        """
        found: list[int] = []
        vague = False
        clause = self.toks[i].clause if i < len(self.toks) else -1
        k = i - 1
        while k >= 0 and i - k <= limit and self.toks[k].clause == clause:
            gap = self.p.folded[self.toks[k].end : self.toks[k + 1].start]
            if gap.strip() not in ("", "-", "/", "&"):
                break
            if self.is_vague(k):
                ranked = k + 1 < len(self.toks) and self.toks[k + 1].base[:1].isdigit()
                vague = vague or not (rank_ok and ranked and self.toks[k].base == "top")
            elif self.is_content(k, gerunds):
                found.append(k)
            elif self.toks[k].base in _NONQUAL or self.toks[k].base.isdigit():
                pass
            else:
                break
            k -= 1
        return found, vague

    def post_qualifier(self, j: int) -> tuple[bool, bool]:
        """Return (qualified, gives_where) from an "of/in/at X" phrase after token j-1."""
        toks = self.toks
        if (
            j + 2 < len(toks)
            and toks[j].base in ("a", "an", "per", "each", "every")
            and toks[j + 1].base in _TIME_UNITS
        ):
            j += 2
        if j >= len(toks) or toks[j].base not in _POST_QUALIFIERS:
            return False, False
        clause = toks[j].clause
        for k in range(j + 1, min(len(toks), j + 5)):
            if toks[k].clause != clause:
                break
            cats = self.cats[k]
            if "org" in cats and self._generic_org(k):
                continue
            if cats & {"org", "place"} or self.is_named(k):
                return True, True
            if cats & {"field", "skill", "cred", "result"}:
                return True, "field" in cats
            if (
                self.is_content(k)
                and toks[k].base not in lx.STOPWORDS
                and toks[k].base not in _PLACEHOLDERS
                and not self.is_vague(k)
            ):
                return True, False
        return False, False

    def _generic_org(self, k: int) -> bool:
        infos = {m.info for m in self.p.by_cat.get("org", ()) if m.i <= k < m.j}
        return bool(infos) and infos <= {"generic"}

    def is_named(self, k: int) -> bool:
        """Return whether token k is a capitalised name inside a sentence."""
        tok = self.toks[k]
        if not tok.upper or tok.base in _CAP_SKIP or k == 0:
            return False
        if any(a <= tok.start < b for a, b in self.quiet):
            return False  # "EOY", "Q3": parts of a date
        if tok.base in lx.STOPWORDS and not tok.raw.isupper():
            return False
        if month_like(tok.base):
            return False
        before = self.p.folded[: tok.start].rstrip()
        return not (not before or before[-1] in ".!?:;\n")

    def verb_usage(self, k: int) -> bool:
        """Return whether a role word at k is used as a verb ("Coach a team")."""
        tok = self.toks[k]
        if tok.base not in _ROLE_VERBS:
            return False
        if k == 0 or self.toks[k - 1].clause != tok.clause:
            return True
        return self.toks[k - 1].base in _VERB_LEADERS

    def negated(self, m: Match) -> bool:
        """Return whether a match lies in a negated clause."""
        return any(self.toks[k].negated for k in range(m.i, m.j))

    def own(self, start: int, end: int, window: int = 40) -> bool:
        """Return whether "my team", "our unit" or the like is near the span."""
        return any(a <= end + window and start - window <= b for a, b in self.own_spans)

    # -- reading ------------------------------------------------------------------------
    def read(self, metrics: Sequence[Metric]) -> list[Item]:
        """Return everything the goal names, each judged for how concrete it is."""
        self._roles()
        self._credentials()
        self._acronym_credentials()
        self._level_credentials()
        self._skills()
        self._works()
        self._businesses()
        self._results(metrics)
        self._direction_objects(metrics)
        for m in self.p.longest("employ"):
            if not (self._inside(m, "role") or self._inside(m, "cred")):
                self._employment(m)
        self._organisations()
        self._fields_and_places()
        self.items.sort(key=lambda it: (it.start, -it.end))
        return self.items

    def _level_credentials(self) -> None:
        """Read a numbered qualification level as a credential ("get my Level 3 in plumbing")."""
        for m in _LEVEL.finditer(self.p.folded):
            k = self.p.token_at(m.start(1))
            if k is None or any(it.start <= m.start(1) < it.end for it in self.items):
                continue
            j = k + 2
            self.items.append(
                Item(
                    "credential",
                    m.start(1),
                    m.end(1),
                    k,
                    j,
                    True,
                    negated=self.toks[k].negated,
                    info="named",
                )
            )

    def _roles(self) -> None:
        for m in self.p.longest("role"):
            if (
                m.info == "generic"
                and m.j < len(self.toks)
                and self.toks[m.j].clause == self.toks[m.i].clause
                and self.cats[m.j] & {"org", "cred", "biz"}
                and not self.verb_usage(m.j)
            ):
                continue  # "a professional association": the role word describes the next noun
            if self._inside(m, "org", strict=True):
                continue  # "a volunteer group" is an organisation
            as_verb = self.verb_usage(m.i) and m.j - m.i == 1
            made_it = (
                m.i >= 3 and self.toks[m.i - 2].base == "as" and self.toks[m.i - 3].base == "it"
            )
            mods, vague = ([], False) if as_verb else self.modifiers(m.i, rank_ok=True)
            post_q, post_where = self.post_qualifier(m.j)
            specific = (m.info == "specific" or bool(mods) or post_q) and not as_verb
            self.items.append(
                Item(
                    "role",
                    self.toks[self._lead(m.i)].start,
                    m.end,
                    min([m.i, *mods]),
                    m.j,
                    specific,
                    where=post_where,
                    vague=vague or made_it,  # "make it as an actor" is success, not a role
                    negated=self.negated(m),
                    info=m.info,
                )
            )

    def _credentials(self) -> None:
        for m in self.p.longest("cred"):
            if self._inside(m, "role", strict=True) or self._inside(m, "skill", strict=True):
                continue
            mods, vague = self.modifiers(m.i, limit=5, gerunds=True)
            mods = [
                k
                for k in mods
                if self.toks[k].base not in _PLATFORM_WORDS and "cred" not in self.cats[k]
            ]
            if self._held(m.i if not mods else min(mods)):
                continue  # a credential already held is context, not the goal
            post_q, _ = self.post_qualifier(m.j)
            self.items.append(
                Item(
                    "credential",
                    self._start(m, mods),
                    m.end,
                    m.i,
                    m.j,
                    m.info == "named" or bool(mods) or post_q,
                    vague=vague,
                    negated=self.negated(m),
                    info=m.info,
                )
            )

    def _skills(self) -> None:
        for m in self.p.longest("skill"):
            if self._inside(m, "role") or self._inside(m, "cred"):
                continue
            if m.j < len(self.toks) and self.cats[m.j] & {"org", "employ", "biz", "role", "cred"}:
                continue  # "an accounting firm": the skill only describes the firm
            if self._held(m.i):
                continue  # "a job where I can use my Spanish": a skill held, not the goal
            self.items.append(
                Item(
                    "skill",
                    m.start,
                    m.end,
                    m.i,
                    m.j,
                    m.info == "hard",
                    negated=self.negated(m),
                    info=m.info,
                )
            )

    def _works(self) -> None:
        for m in self.p.longest("work"):
            if any(
                self._inside(m, c, strict=c in ("field", "org"))
                for c in ("cred", "role", "field", "org")
            ):
                continue
            concrete = m.info == "strong"
            if not concrete:
                mods, _ = self.modifiers(m.i)
                post_q, _ = self.post_qualifier(m.j)
                concrete = bool(mods) or post_q
            self.items.append(
                Item(
                    "work", m.start, m.end, m.i, m.j, concrete, negated=self.negated(m), info=m.info
                )
            )

    def _businesses(self) -> None:
        for m in self.p.longest("biz"):
            if not self._founded(m.i):
                continue  # "a company" or "the firm" is a business only when started or owned
            mods, vague = self.modifiers(m.i)
            self.items.append(
                Item(
                    "business",
                    self._start(m, mods),
                    m.end,
                    m.i,
                    m.j,
                    m.info == "concrete" or bool(mods),
                    vague=vague,
                    negated=self.negated(m),
                )
            )

    def _results(self, metrics: Sequence[Metric]) -> None:
        p = self.p
        for m in p.longest("result"):
            if self._inside(m, "cred") or self._inside(m, "work") or self._inside(m, "role"):
                continue
            mods, vague = self.modifiers(m.i)
            clause = self.toks[m.i].clause
            has_metric = any(
                x.start is not None and self._clause_of(x.start) == clause for x in metrics
            )
            _, post_where = self.post_qualifier(m.j)
            where = (
                self.own(m.start, m.end)
                or post_where
                or any(self.is_named(k) for k in range(max(0, m.i - 3), m.i))
            )
            concrete = (has_metric or where or m.key in _BINARY_RESULTS) and not vague
            self.items.append(
                Item(
                    "result",
                    self._start(m, mods),
                    m.end,
                    m.i,
                    m.j,
                    concrete,
                    where=where,
                    vague=vague,
                    negated=self.negated(m),
                )
            )
        for x in metrics:
            if x.start is None or x.end is None:
                continue
            k = p.token_at(x.start) or 0
            if x.kind == "score" and x.unit == "GPA":
                self.items.append(Item("result", x.start, x.end, k, k + 1, True))
            elif x.kind == "money":
                # "Save $10,000", "earn $1,000": the amount itself is the result.
                clause_start = max(p.folded.rfind(ch, 0, x.start) for ch in ".;!?\n")
                if _MONEY_VERBS.search(p.folded[clause_start + 1 : x.start]):
                    self.items.append(Item("result", x.start, x.end, k, k + 1, True))

    def _fields_and_places(self) -> None:
        for m in self.p.longest("field"):
            if any(self._inside(m, c) for c in ("role", "cred", "skill", "work", "org", "biz")):
                continue
            self.items.append(
                Item(
                    "field",
                    m.start,
                    m.end,
                    m.i,
                    m.j,
                    True,
                    where=True,
                    negated=self.negated(m),
                    info=m.info,
                )
            )
        for m in self.p.longest("place"):
            self.items.append(
                Item("place", m.start, m.end, m.i, m.j, True, where=True, negated=self.negated(m))
            )

    def _direction_objects(self, metrics: Sequence[Metric]) -> None:
        """Add the object of "reduce X by 20%" as a result: the goal measures it."""
        toks = self.toks
        for m in self.p.by_cat.get("dir", ()):
            if self.toks[m.i].negated or m.key in ("more", "less", "fewer", "higher", "bigger"):
                continue
            clause = toks[m.i].clause
            if not any(x.start is not None and self._clause_of(x.start) == clause for x in metrics):
                continue
            k = m.j
            while k < len(toks) and toks[k].clause == clause and toks[k].base in _DETERMINERS:
                k += 1
            first = k
            while (
                k < len(toks)
                and toks[k].clause == clause
                and k - first < 4
                and toks[k].base.isalpha()
                and toks[k].base not in _PREPOSITIONS
                and toks[k].base not in ("from", "to", "by", "and", "or", "than", "of")
            ):
                k += 1
            if k > first and not any(it.i <= first < it.j for it in self.items):
                self.items.append(
                    Item("result", toks[first].start, toks[k - 1].end, first, k, True)
                )

    def _lead(self, i: int) -> int:
        """Return the first of the words that describe token i ("senior" in "senior analyst")."""
        k = i
        while k > 0 and i - k < 3 and self.toks[k - 1].clause == self.toks[i].clause:
            gap = self.p.folded[self.toks[k - 1].end : self.toks[k].start]
            prev = self.toks[k - 1]
            if gap.strip() not in ("", "-", "/") or self.is_vague(k - 1):
                break
            if not (prev.base in _NONQUAL or self.is_content(k - 1)) or prev.base in _DETERMINERS:
                break
            k -= 1
        return k

    def _held(self, i: int) -> bool:
        """Return whether "my X" names something already held ("with my art degree")."""
        if i < 2 or self.toks[i - 1].base not in ("my", "our"):
            return False
        return self.toks[i - 2].base in _HELD_LEADERS

    def _founded(self, i: int) -> bool:
        return any(
            self.toks[k].base in _FOUND_VERBS or self.toks[k].base in ("my", "our")
            for k in range(max(0, i - 4), i)
        )

    def _start(self, m: Match, mods: list[int]) -> int:
        return self.toks[min(mods)].start if mods else m.start

    def _clause_of(self, offset: int) -> int:
        k = self.p.token_at(offset)
        return self.toks[k].clause if k is not None else -1

    def _inside(self, m: Match, cat: str, strict: bool = False) -> bool:
        for o in self.p.by_cat.get(cat, ()):
            if o.i <= m.i and m.j <= o.j and (o.j - o.i > m.j - m.i or not strict):
                if o is m or ((o.i, o.j) == (m.i, m.j) and strict):
                    continue
                if cat == "role" and self.verb_usage(o.i) and o.j - o.i == 1:
                    continue
                return True
        return False

    def _employment(self, m: Match) -> None:
        toks = self.toks
        prev = toks[m.i - 1].base if m.i else ""
        prev2 = toks[m.i - 2].base if m.i > 1 else ""
        if m.key in lx.VERB_ONLY_EMPLOYMENT:
            k = m.i - 1
            while k >= 0 and toks[k].base in _DETERMINERS:
                k -= 1
            if k < 0 or "ev" not in self.cats[k]:
                return  # "at work" is a place, "find work" and "get an offer" are outcomes
        poss_at = m.i - 1 if prev in ("my", "our") else (m.i - 2 if prev2 in ("my", "our") else -1)
        possessive = poss_at >= 0 and prev not in ("new", "first")
        if possessive and poss_at > 0 and "ev" in self.cats[poss_at - 1]:
            possessive = False  # "land my dream job": the job is the outcome
        mods, vague = self.modifiers(m.i)
        post_vague = bool(
            re.match(
                r"\s*(?:that|which|where)?\s*(?:i|I)\s+(?:really\s+)?(?:love|enjoy|like|want)|"
                r"\s*(?:that|which)\s+(?:i\s+)?(?:love|enjoy|makes?\s+me|pays?\s+well)",
                self.p.folded[m.end : m.end + 40],
                re.IGNORECASE,
            )
        )
        after = [
            k
            for k in range(m.j + 1, min(len(toks), m.j + 4))
            if toks[m.j].base in ("in", "to", "into") and toks[k].clause == toks[m.i].clause
        ]
        occ = any(
            any(
                (x.cat == "field" and x.info.startswith("occ"))
                or (x.cat == "org" and x.key in lx.GIG_PLATFORMS)
                for x in self.p.matches
                if x.i <= k < x.j
            )
            for k in mods + after
        )
        self.items.append(
            Item(
                "employ",
                self._start(m, mods),
                m.end,
                m.i,
                m.j,
                occ,
                vague=vague or post_vague,
                negated=self.negated(m),
                info="own" if possessive else m.key,
            )
        )

    def _organisations(self) -> None:
        p, toks = self.p, self.toks
        orgs = p.longest("org")
        for m in orgs:
            infos = {e.info for e in p.by_cat["org"] if (e.i, e.j) == (m.i, m.j)}
            if self._inside(m, "role") or any(
                self._inside(m, c, strict=True) for c in ("cred", "field")
            ):
                continue
            first = m.i == 0 or toks[m.i - 1].clause != toks[m.i].clause
            if first and self.cats[m.i] & {"ev", "learn"}:
                continue  # "Practice Spanish": a verb, not a dental practice
            mods, vague = self.modifiers(m.i)
            mods = [k for k in mods if "cred" not in self.cats[k]]
            generic = "generic" in infos and "named" not in infos
            named = "named" in infos
            if m.key in ("who", "un") and not toks[m.i].raw.isupper():
                continue
            if named and m.key in lx.NAMED_ORGS and m.key in ("target", "apple", "meta", "who"):
                named = toks[m.i].upper
            own = m.i > 0 and toks[m.i - 1].base in ("my", "our")
            concrete = named or (not generic) or bool(mods)
            self.items.append(
                Item(
                    "organisation",
                    self._start(m, mods),
                    m.end,
                    m.i,
                    m.j,
                    concrete and not own,
                    where=concrete and not own,
                    vague=vague and not mods,
                    negated=self.negated(m),
                    info="own" if own else ("named" if named else "kind"),
                )
            )
        taken = {
            k
            for m in p.matches
            if m.cat not in ("ev", "learn", "dir", "nonqual")
            for k in range(m.i, m.j)
        }
        k = 0
        while k < len(toks):
            if not self.is_named(k) or k in taken:
                k += 1
                continue
            j = k + 1
            while (
                j < len(toks)
                and toks[j].clause == toks[k].clause
                and (
                    (self.is_named(j) and j not in taken)
                    or (
                        toks[j].base in ("of", "&", "and", "for")
                        and j + 1 < len(toks)
                        and self.is_named(j + 1)
                    )
                )
            ):
                j += 1
            lead = toks[k - 1].base if k else ""
            lead2 = toks[k - 2].base if k > 1 else ""
            if lead in _NAMED_LEADERS or (lead == "the" and lead2 in _NAMED_LEADERS) or j - k >= 2:
                kind = "place" if lead in ("in", "to") and j - k <= 2 else "organisation"
                self.items.append(
                    Item(
                        kind,
                        toks[k].start,
                        toks[j - 1].end,
                        k,
                        j,
                        True,
                        where=True,
                        negated=toks[k].negated,
                        info="named",
                    )
                )
            k = j

    def _acronym_credentials(self) -> None:
        toks = self.toks
        taken = {
            k
            for m in self.p.matches
            if m.cat not in ("ev", "learn", "dir")
            for k in range(m.i, m.j)
        }
        for k, tok in enumerate(toks):
            if (
                k in taken
                or not re.fullmatch(r"[A-Z][A-Z0-9+&-]{1,7}", tok.raw)
                or tok.raw in _NOT_ACRONYMS
            ):
                continue
            if re.fullmatch(r"[QH][1-4]|FY\d*", tok.raw):
                continue
            before = " ".join(t.base for t in toks[max(0, k - 3) : k])
            if re.search(
                r"\b(?:pass|passing|passed|earn|earning|obtain|obtaining|complete|completing|"
                r"finish|finishing|get|getting|take|taking|hold|achieve|sit)\s+(?:my\s+|the\s+|an?\s+)?$",
                before + " ",
            ):
                self.items.append(
                    Item(
                        "credential",
                        tok.start,
                        tok.end,
                        k,
                        k + 1,
                        True,
                        negated=tok.negated,
                        info="acronym",
                    )
                )


# "My Level 3 in electrical installation": a level held as a qualification, not a support tier.
_LEVEL = re.compile(
    r"\b(?:my|a|an|the|get|earn|pass|complete)\s+(level\s+[1-8])\s+(?:in|at)\s+\w", re.IGNORECASE
)
_HELD_LEADERS = frozenset({"with", "using", "use", "leverage", "leveraging", "from", "through"})
# Words that stand in for a qualifier without giving one ("certified in something").
_PLACEHOLDERS = frozenset({"something", "anything", "stuff", "things", "everything", "whatever"})
_SCHOOLISH = re.compile(
    r"\b(?:school|college|university|academy|program|programme|bootcamp|course|scheme)s?\b"
)
_TIME_UNITS = frozenset({"day", "week", "month", "year", "quarter", "semester", "term", "weekday"})
_FOUND_VERBS = frozenset(
    _split(
        """start, starting, started, launch, launching, found, founding, open, opening, run,
        running, own, owning, build, building, grow, growing, set, establish, co-found,
        cofound, create, creating, scale, scaling"""
    )
)
_DETERMINERS = frozenset(
    _split(
        """a, an, the, my, our, your, their, his, her, its, this, that, these, those, of, some,
        any, each, every, no"""
    )
)
_MILITARY = frozenset(
    _split(
        """army, navy, air force, marine corps, marines, military, national guard, coast guard,
        space force, royal navy, raf"""
    )
)
_PERFORM_VERBS = re.compile(
    r"^(?:speak|spoke|speaking|present|presented|presenting|perform|performed|performing|exhibit|"
    r"exhibited|exhibiting|give|gave|giving|publish|published|publishing|showcase|screen|"
    r"play|played|playing|compete|competed|competing)\b",
    re.IGNORECASE,
)
_NOT_ACRONYMS = frozenset(
    _split(
        """I, US, USA, UK, EU, NYC, LA, OK, ASAP, AM, PM, TV, IT, HR, UX, UI, AI, CEO, CTO, CFO,
        COO, VP, B2B, SAAS, A, AN, MY, ME, LOL"""
    )
)


def month_like(word: str) -> bool:
    """Return whether a word names a month, weekday or season."""
    return word in _MONTHISH


_MONTHISH = frozenset(
    [
        *lx.MONTH_NAMES,
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "q1",
        "q2",
        "q3",
        "q4",
        "christmas",
        "easter",
        "thanksgiving",
        "halloween",
    ]
)


# ---------------------------------------------------------------------------------------
# Specific
# ---------------------------------------------------------------------------------------
_KIND_WORDS = {
    "role": "a role",
    "employ": "a role or job",
    "credential": "a credential",
    "skill": "a skill",
    "work": "a piece of work",
    "business": "a business",
    "result": "a result",
    "organisation": "an organisation",
    "field": "a field",
    "place": "a place",
}


def judge_specific(parsed: Parsed, items: Sequence[Item]) -> CriterionResult:
    """Judge whether the goal names a concrete outcome and where it applies."""
    text = parsed.text
    live = [it for it in items if not it.negated]
    where = [it for it in live if it.where and it.kind in ("organisation", "place", "field")]
    own = bool(_OWN.search(parsed.folded))
    promoted = any(
        m.key.startswith(("get promoted", "promoted", "be promoted")) or m.key == "promoted to"
        for m in parsed.by_cat.get("ev", ())
    ) or any(t.base in ("promotion", "promoted") for t in parsed.tokens if not t.negated)
    concrete: list[Item] = []
    partial: list[Item] = []
    for it in live:
        if it.kind == "role":
            anchored = it.concrete or bool(where) or own or promoted
            (concrete if anchored and not it.vague else partial).append(it)
        elif it.kind == "employ":
            if it.info == "own" and not it.concrete:
                continue
            fields = [w for w in where if w.kind == "field" or _carries_field(parsed, w)]
            orgs = [w for w in where if w.kind in ("organisation", "place")]
            good = (it.concrete or (fields and orgs)) and not it.vague
            (concrete if good else partial).append(it)
        elif it.kind in ("credential", "skill", "work", "business", "result"):
            good = it.concrete and not (it.vague and it.kind in ("work", "business", "result"))
            (concrete if good else partial).append(it)
        elif it.kind in ("organisation", "place", "field"):
            if it.info == "own":
                continue
            if it.kind == "organisation" and not it.concrete:
                if it.vague or it.info != "kind":
                    continue
                if not any(o.kind != "organisation" for o in live):
                    continue
            partial.append(it)
    for m in parsed.by_cat.get("ev", ()):
        if m.key.split()[0] in _MOVE_HEADS or m.key in _CAREER_CHANGE:
            for it in live:
                if it.kind == "field" and it.info.startswith("occ") and 0 <= it.i - m.j <= 4:
                    concrete.append(it)
                    break
    admission = _admission(parsed, live)
    if admission is not None:
        concrete.append(admission)
    concrete.extend(_venue_outcomes(parsed, live))
    concrete.extend(_field_at_place(parsed, live))
    concrete.extend(_gig_work(parsed, live))
    concrete.extend(_seats(parsed))
    concrete, partial = _idioms(parsed, concrete, partial)
    for m in parsed.by_cat.get("ev", ()):
        if m.info == "self" and not any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            partial.append(Item("event", m.start, m.end, m.i, m.j, False))
    if concrete:
        what = _describe(concrete, where)
        return CriterionResult(
            "specific",
            "met",
            f"Names {what}: {_quote([*concrete, *where], text)}.",
            None,
            tuple(_dedupe([it.span(text) for it in concrete] + [w.span(text) for w in where])),
        )
    if partial:
        kinds = {it.kind for it in partial}
        if kinds <= {"organisation", "place", "field"}:
            explanation = (
                f"Names where ({_quote(partial, text)}) but not the role or result you want there."
            )
            fix = "Which role or result do you want there? e.g. add 'as a junior data analyst'."
        elif "role" in kinds and all(it.vague for it in partial if it.kind == "role"):
            explanation = (
                f"Names a role ({_quote(partial, text)}) but qualifies it only with a vague word."
            )
            fix = "Replace the vague word with something checkable: a title, a place or a level."
        elif "role" in kinds:
            explanation = (
                f"Names a role ({_quote(partial, text)}) but not its field or organisation."
            )
            fix = "Say in which field or organisation, e.g. 'marketing manager at a nonprofit'."
        elif kinds & {"employ", "event"}:
            explanation = (
                f"Names a kind of outcome ({_quote(partial, text)}) but not the role or field."
            )
            fix = "Name the role and where, e.g. 'a junior accountant role at a mid-size firm'."
        elif "credential" in kinds:
            explanation = f"Names a credential ({_quote(partial, text)}) but not which one."
            fix = "Name the credential, e.g. 'CompTIA Security+' or 'a bachelor's in nursing'."
        elif "skill" in kinds:
            explanation = (
                f"Names a broad skill ({_quote(partial, text)}) rather than a concrete one."
            )
            fix = "Name the concrete skill and where you will use it, e.g. 'SQL for sales reports'."
        else:
            explanation = (
                f"Names an outcome ({_quote(partial, text)}) without saying what or where exactly."
            )
            fix = "Say exactly what the outcome is and where it applies."
        return CriterionResult(
            "specific",
            "partly",
            explanation,
            fix,
            tuple(_dedupe([it.span(text) for it in partial])),
        )
    vague = [
        Evidence("vague", text[t.start : t.end], t.start, t.end)
        for t in parsed.tokens
        if t.base in _VAGUE_WORDS and not t.negated
    ]
    if any(it.negated for it in items) and not vague:
        explanation = "Says what you do not want, not what you want."
        fix = "Say what you want instead, e.g. 'become a pharmacy technician'."
    elif vague:
        explanation = (
            "Uses only vague words "
            + ", ".join(f'"{e.text}"' for e in vague[:3])
            + "; it names no role, skill, credential, piece of work or result."
        )
        fix = "Name the outcome and where, e.g. 'a marketing role at a Fortune 500 company'."
    else:
        explanation = "Names no role, skill, credential, piece of work or result."
        fix = "Name the outcome and where, e.g. 'a junior developer role at a fintech startup'."
    return CriterionResult("specific", "missing", explanation, fix, tuple(vague))


# Idioms that say how a career should go, not what it should reach: what follows them in the
# clause only says where ("make a name for myself in wedding photography" is partly specific).
_SUCCESS_IDIOMS = re.compile(
    r"\bmak(?:e|es|ing)\s+a\s+name\s+for\s+(?:my|your|him|her|our|them)sel(?:f|ves)\b|"
    r"\bmade\s+a\s+name\s+for\b|\bmak(?:e|ing)\s+it\s+big\b|"
    r"\bhit(?:ting)?\s+the\s+ground\s+running\b|"
    r"\bclimb(?:s|ed|ing)?\s+(?:up\s+)?the\s+(?:[\w-]+\s+)?ladder\b|"
    r"\btak(?:e|es|ing)\s+(?:my|our|the)\s+(?:[\w'-]+\s+){1,3}to\s+the\s+next\s+level\b|"
    r"\bget(?:ting)?\s+ahead\b|\bgo(?:ing)?\s+places\b",
    re.IGNORECASE,
)
# Idioms whose words are not outcomes at all ("work-life balance" is no work).
_EMPTY_IDIOMS = re.compile(
    r"\bwork[-\s]life\s+balance\b|\bseat\s+at\s+the\s+table\b|"
    r"\b(?:get|got|getting)\s+(?:my|our)\s+(?:life|lives|act|shit)\s+together\b|"
    r"\bfind(?:ing)?\s+my\s+(?:niche|calling|passion|purpose|way|feet|footing)\b|"
    r"\b(?:go|going|went)\s+the\s+extra\s+mile\b|\bknock\s+(?:it|them)\s+out\s+of\s+the\s+park\b|"
    r"\bjack\s+of\s+all\s+trades\b|\b(?:get|getting|have)\s+my\s+ducks\s+in\s+a\s+row\b|"
    r"\b(?:give|giving|gave|put\s+in)\s+(?:it\s+)?1[0-9]{2}\s*%|\bstep\s+up\s+my\s+game\b|"
    r"\bup\s+my\s+game\b|"
    r"\bmove\s+the\s+needle\b|\bwear\s+(?:many|more|different)\s+hats\b|\blearn\s+the\s+ropes\b",
    re.IGNORECASE,
)


# Idioms that name a thing but no checkable end ("get my songs out there").
_UNCHECKABLE_IDIOMS = re.compile(
    r"\b(?:get|getting|put|putting)\s+(?:my|our|it|them)\s+(?:[\w'-]+\s+)?out\s+there\b",
    re.IGNORECASE,
)


def idiom_spans(parsed: Parsed) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the spans of empty idioms and the scopes of success idioms (to the clause end)."""
    folded = parsed.folded
    empty = [(m.start(), m.end()) for m in _EMPTY_IDIOMS.finditer(folded)]
    scopes = []
    for m in _SUCCESS_IDIOMS.finditer(folded):
        k = parsed.token_at(m.start())
        if k is None:
            continue
        clause = parsed.tokens[k].clause
        end = max(t.end for t in parsed.tokens if t.clause == clause)
        scopes.append((m.start(), end))
    return empty, scopes


def _idioms(
    parsed: Parsed, concrete: list[Item], partial: list[Item]
) -> tuple[list[Item], list[Item]]:
    """Read career idioms by what they mean, not by their words.

    Inside an empty idiom nothing counts; after a success idiom, in the same clause, a concrete
    item only says where (partly) and a partial one says nothing.
    """
    empty, scopes = idiom_spans(parsed)
    if not empty and not scopes:
        return concrete, partial

    def inside(it: Item, spans: list[tuple[int, int]]) -> bool:
        return any(a <= it.start < b or it.start <= a < it.end for a, b in spans)

    def where(it: Item) -> bool:
        return it.kind in ("organisation", "place") or it.info.startswith("occ")

    demoted = [it for it in concrete if inside(it, scopes) and not inside(it, empty)]
    concrete = [it for it in concrete if not inside(it, scopes) and not inside(it, empty)]
    partial = [
        it for it in partial if not inside(it, empty) and (where(it) or not inside(it, scopes))
    ]
    return concrete, partial + demoted


def _field_at_place(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return fields entered at a named place: "break into UX writing at a SaaS company".

    A field alone is partly specific ("work in marketing"); with a verb that takes it as the
    outcome and a concrete organisation or place in the same clause it is met.
    """
    toks = parsed.tokens
    out = []
    for m in parsed.by_cat.get("ev", ()):
        if not _takes_field(m) or toks[m.i].negated:
            continue
        clause = toks[m.i].clause
        field = next(
            (
                it
                for it in items
                if it.kind == "field" and it.info.startswith("occ") and 0 <= it.i - m.j <= 4
            ),
            None,
        )
        if field is None:
            continue
        if any(
            it.kind in ("organisation", "place")
            and it.concrete
            and it.info != "own"
            and toks[it.i].clause == clause
            and it is not field
            for it in items
        ):
            out.append(field)
    return out


_GIG_VERBS = frozenset(
    _split(
        """drive, drives, driving, drove, deliver, delivers, delivering, delivered, ride, riding,
        courier, couriering, shop, shopping, work, working, freelance, freelancing, tasking"""
    )
)


def _gig_work(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return gig platforms worked through ("Drive for Uber"): the platform names the role."""
    toks = parsed.tokens
    out = []
    for it in items:
        if it.kind != "organisation" or it.info != "named":
            continue
        if lx.key_of(parsed.text[it.start : it.end]) not in lx.GIG_PLATFORMS:
            continue
        if any(toks[k].base in _GIG_VERBS for k in range(max(0, it.i - 3), it.i)):
            out.append(it)
    return out


_SEAT = re.compile(
    r"\bseat\s+on\s+(?:(?:the|an?|my|our)\s+)?(?:[\w-]+'s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:board|committee|council|panel|bench|executive|senate|cabinet)\b",
    re.IGNORECASE,
)


def _seats(parsed: Parsed) -> list[Item]:
    """Return seats on a board or committee: a position with its body ("a seat on the board")."""
    out = []
    for m in _SEAT.finditer(parsed.folded):
        k = parsed.token_at(m.start())
        if k is None or parsed.tokens[k].negated:
            continue
        j = k + len(lx.WORD_RE.findall(m.group()))
        out.append(Item("role", m.start(), m.end(), k, j, True, where=True))
    return out


def _venue_outcomes(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return outcomes made concrete by their venue: a talk at a conference, joining the Army."""
    out = []
    for m in parsed.by_cat.get("ev", ()):
        if any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            continue
        enlist = m.key.split()[0] in ("enlist", "enlisted", "join", "joined", "joining", "serve")
        perform = bool(_PERFORM_VERBS.match(m.key))
        if not (enlist or perform):
            continue
        for it in items:
            if it.i < m.j or it.i - m.j > 6 or it.kind != "organisation" or it.vague:
                continue
            key = lx.key_of(parsed.text[it.start : it.end]).removeprefix("the ")
            if (enlist and key in _MILITARY) or (perform and it.concrete):
                out.append(it)
            break
    return out


def _carries_field(parsed: Parsed, it: Item) -> bool:
    """Return whether an organisation names its field ("an accounting firm", "a law firm")."""
    if it.kind != "organisation":
        return False
    return any(
        (m.cat == "skill" or (m.cat == "field" and m.info.startswith("occ")))
        and it.i <= m.i
        and m.j <= it.j
        and (m.i, m.j) != (it.i, it.j)
        for m in parsed.matches
    )


def _admission(parsed: Parsed, items: Sequence[Item]) -> Item | None:
    for m in parsed.by_cat.get("ev", ()):
        if m.key not in _ADMISSION or any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            continue
        finishing = m.key.split()[0] in ("finish", "finishing", "complete", "completing")
        for it in items:
            if (
                it.i >= m.j
                and it.i - m.j <= 4
                and it.kind in ("organisation", "credential")
                and not it.vague
            ):
                if not it.concrete:
                    continue
                if finishing and not _SCHOOLISH.search(parsed.text[it.start : it.end].lower()):
                    continue
                return it
    return None


def _describe(concrete: Sequence[Item], where: Sequence[Item]) -> str:
    kinds = []
    for it in concrete:
        word = _KIND_WORDS.get(it.kind, "an outcome")
        if word not in kinds:
            kinds.append(word)
    what = " and ".join(kinds[:2])
    if where and not all(w in concrete for w in where):
        what += " and where it applies"
    return what


def _quote(items: Sequence[Item], text: str) -> str:
    """Quote up to three names, skipping any that lie inside a longer one."""
    kept: list[Item] = []
    for it in sorted(items, key=lambda it: (it.start - it.end, it.start)):
        if not any(k.start <= it.start and it.end <= k.end for k in kept):
            kept.append(it)
    kept.sort(key=lambda it: it.start)
    return ", ".join(f'"{text[it.start : it.end]}"' for it in kept[:3])


def _dedupe(spans: list[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for e in sorted(spans, key=lambda e: (e.start or 0, -(e.end or 0))):
        if any(
            o.start is not None
            and e.start is not None
            and o.start <= e.start
            and e.end is not None
            and o.end is not None
            and e.end <= o.end
            for o in out
        ):
            continue
        out.append(e)
    return out


# ---------------------------------------------------------------------------------------
# Measurable
# ---------------------------------------------------------------------------------------
_EVENT_OBJECTS = frozenset(
    {"role", "employ", "organisation", "place", "work", "business", "credential"}
)


def judge_measurable(
    parsed: Parsed,
    items: Sequence[Item],
    metrics: Sequence[Metric],
    context: SmartContext | None,
    times: Sequence[TimeExpr] = (),
) -> CriterionResult:
    """Judge whether completion of the goal can be checked objectively."""
    text = parsed.text
    toks = parsed.tokens
    live = [it for it in items if not it.negated]
    empty, scopes = idiom_spans(parsed)
    idioms = [
        *empty,
        *scopes,
        *((m.start(), m.end()) for m in _UNCHECKABLE_IDIOMS.finditer(parsed.folded)),
    ]
    evidence: list[Evidence] = [
        Evidence(f"metric:{m.kind}", m.text, m.start, m.end)
        for m in metrics
        if m.start is not None and not any(a <= m.start < b for a, b in idioms)
    ]
    if evidence:
        return CriterionResult(
            "measurable", "met", f"Sets a measure ({_list(evidence)}).", None, tuple(evidence)
        )
    creds = [it for it in live if it.kind == "credential"]
    if creds:
        spans = [it.span(text) for it in creds]
        return CriterionResult(
            "measurable",
            "met",
            f"Earning a credential can be checked ({_list(spans)}).",
            None,
            tuple(spans),
        )
    quiet = [(t.start, t.end) for t in times if t.kind in ("event", "start", "anchored", "age")]
    quiet += idioms
    quiet += [(m.start(2), m.end()) for m in _EXPLORING.finditer(parsed.folded)]
    events = _events(parsed, live, quiet)
    if events:
        return CriterionResult(
            "measurable",
            "met",
            f"Completion is an observable event ({_list(events)}).",
            None,
            tuple(events),
        )
    held = _held_role(parsed, live) or _wanted_job(parsed, live)
    if held is not None:
        return CriterionResult(
            "measurable",
            "met",
            f"Holding the role is an observable event ({_list([held])}).",
            None,
            (held,),
        )
    if context is not None and context.target_value is not None:
        value = f"{context.target_value:g}" + (
            f" {context.metric_unit}" if context.metric_unit else ""
        )
        form = Evidence("metric:form", f"target {value}", field="target_value")
        return CriterionResult(
            "measurable", "met", f"The goal's form sets a target of {value}.", None, (form,)
        )
    partial = _directions(parsed, live) + _ladders(parsed)
    level = [
        Evidence("level", text[m.start : m.end], m.start, m.end)
        for m in parsed.by_cat.get("level", ())
        if not toks[m.i].negated and any(it.kind == "skill" for it in live)
    ]
    if partial or level:
        spans = partial + level
        return CriterionResult(
            "measurable",
            "partly",
            f"Points in a direction ({_list(spans)}) but sets no number or test to check it.",
            "How much, or which test? e.g. 'by 15%', 'to 50 clients', 'pass the B2 exam'.",
            tuple(spans),
        )
    learning = any(it.kind == "skill" for it in live)
    fix = (
        "How will you show the skill? e.g. 'pass a named exam' or 'finish a project that uses it'."
        if learning
        else "Add a number or an observable result, e.g. 'get hired as ...', '3 clients'."
    )
    return CriterionResult(
        "measurable",
        "missing",
        "Gives nothing that can be checked: no number, credential or event.",
        fix,
    )


def _events(
    parsed: Parsed, items: Sequence[Item], quiet: Sequence[tuple[int, int]] = ()
) -> list[Evidence]:
    toks = parsed.tokens
    text = parsed.text
    found: list[Evidence] = []
    cats = parsed.cats
    learning = parsed.by_cat.get("learn", ())
    verbs = [
        m
        for m in parsed.by_cat.get("ev", ())
        if not any(toks[k].negated for k in range(m.i, m.j))
        and _verb_position(parsed, cats, m)
        and not any(a <= m.start < b for a, b in quiet)
        and not any(x.i == m.i and x.j > m.j for x in learning)  # "get comfortable with"
    ]
    chosen: list[Match] = []
    for m in sorted(verbs, key=lambda m: (m.i, m.i - m.j)):
        if any(o.i <= m.i < o.j for o in chosen):
            continue
        chosen.append(m)
    for m in chosen:
        if m.j < len(toks) and toks[m.j].base in _PLACEHOLDERS:
            continue  # "find something in the nonprofit sector": no outcome named
        if m.info == "self":
            if m.key in ("qualify",) and not any(it.i >= m.j for it in items):
                continue
            found.append(Evidence("event", text[m.start : m.end], m.start, m.end))
            continue
        clause = toks[m.i].clause
        for it in items:
            if it.i < m.j or toks[it.i].clause != clause or it.i - m.j > 7:
                continue
            if any(a <= it.start < b for a, b in quiet):
                continue
            if it.kind in ("field", "place"):
                if not _takes_field(m):
                    continue
            elif it.kind == "result":
                if lx.key_of(text[it.start : it.end]).split()[
                    -1
                ] not in _EVENT_RESULTS and not _first(parsed, it):
                    continue
            elif it.kind not in _EVENT_OBJECTS:
                continue
            head = m.key.split()[0]
            if head in ("do", "does", "did", "doing") and it.kind not in ("employ", "credential"):
                continue  # "do research", "do well in school": activities, not events
            if (
                it.kind == "organisation"
                and it.info == "own"
                and head not in _WORK_HEADS | _STATE_HEADS
            ):
                found.append(Evidence("event", text[m.start : it.end], m.start, it.end))
                break
            if it.vague:
                break
            if it.kind == "organisation" and not it.concrete:
                continue
            if it.kind == "employ" and it.info == "own" and not it.concrete:
                continue
            if (
                it.kind == "work"
                and m.key.split()[0] in lx.ACTIVITY_FORMS
                and m.key.split()[0] not in _MAKE_HEADS
            ):
                continue
            if _comparative_before(parsed, it):
                break
            if it.j < len(toks) and toks[it.j].base in ("more", "less", "better", "bigger"):
                break  # "make my channel more popular" is a direction, not an event
            if m.key.split()[0] in (
                "be",
                "am",
                "is",
                "are",
                "was",
                "were",
                "been",
                "being",
            ) and it.kind not in ("role", "employ"):
                continue
            found.append(Evidence("event", text[m.start : it.end], m.start, it.end))
            break
    if not found:
        found.extend(_conversions(parsed, items, quiet))
    if not found:
        found.extend(it.span(text) for it in _seats(parsed))
    items = [it for it in items if not any(a <= it.start < b for a, b in quiet)]
    if not found:
        for it in items:
            words = lx.key_of(text[it.start : it.end])
            if (
                it.kind == "result"
                and not it.vague
                and (words in _BINARY_RESULTS or words.split()[-1] == "promotion")
            ):
                found.append(it.span(text))
                break
    if not found:
        for it in items:
            if it.kind == "employ" and not it.vague and it.i > 0 and toks[it.i - 1].base == "new":
                found.append(
                    Evidence(
                        "event", text[toks[it.i - 1].start : it.end], toks[it.i - 1].start, it.end
                    )
                )
    return found


def _first(parsed: Parsed, it: Item) -> bool:
    """Return whether a result is a first one ("my first deal"): a first is an event."""
    return any(parsed.tokens[k].base == "first" for k in range(max(0, it.i - 3), it.i))


# "Turn my hobby into a business": the thing made is the outcome.
_CONVERT = re.compile(
    r"\b(?:turn|turns|turned|turning|convert|converts|converted|converting|grow|grew|growing)"
    r"\s+(?:my|our|the|this|a|an|his|her|their)\s+(?:[\w'-]+\s+){0,4}?into\s",
    re.IGNORECASE,
)
_CONVERTED = frozenset({"business", "work", "role", "employ"})
_BIZ = frozenset(lx.GENERIC_BUSINESSES) | frozenset(lx.BUSINESSES)


def _conversions(
    parsed: Parsed, items: Sequence[Item], quiet: Sequence[tuple[int, int]]
) -> list[Evidence]:
    for m in _CONVERT.finditer(parsed.folded):
        if any(a <= m.start() < b for a, b in quiet):
            continue
        k = parsed.token_at(m.start())
        if k is None or parsed.tokens[k].negated:
            continue
        for it in items:
            convertible = it.kind in _CONVERTED or (
                it.kind == "organisation" and lx.key_of(parsed.text[it.start : it.end]) in _BIZ
            )
            if it.start >= m.end() and convertible and not it.vague and it.i - k <= 10:
                return [Evidence("event", parsed.text[m.start() : it.end], m.start(), it.end)]
    return []


# "Look into becoming a paralegal": what is explored is not yet the goal.
_EXPLORING = re.compile(
    r"\b(look(?:s|ing)?\s+into|think(?:s|ing)?\s+(?:about|of)|consider(?:s|ing)?|"
    r"explor(?:e|es|ing)|research(?:es|ing)?|toy(?:ing)?\s+with\s+the\s+idea\s+of)\s+"
    r"(\w+ing)\b",
    re.IGNORECASE,
)
# "Climb the corporate ladder", "climb the ladder at Deloitte": a direction in a named hierarchy.
_LADDER = re.compile(
    r"\bclimb(?:s|ed|ing)?\s+(?:up\s+)?the\s+(?:([\w-]+)\s+)?ladder\b(\s+(?:at|in|of|within)\s+\S)?",
    re.IGNORECASE,
)


def _ladders(parsed: Parsed) -> list[Evidence]:
    out = []
    for m in _LADDER.finditer(parsed.folded):
        k = parsed.token_at(m.start())
        if (m.group(1) or m.group(2)) and k is not None and not parsed.tokens[k].negated:
            out.append(
                Evidence(
                    "direction",
                    parsed.text[m.start() : m.end(0) - len(m.group(2) or "")],
                    m.start(),
                    m.end(0) - len(m.group(2) or ""),
                )
            )
    return out


def _held_role(parsed: Parsed, items: Sequence[Item]) -> Evidence | None:
    """Return the role a verbless goal names ("Mid-2028: senior data analyst role in the NHS")."""
    if any(parsed.by_cat.get(cat) for cat in ("ev", "learn", "dir")):
        return None
    if any(t.base in _ANY_VERB for t in parsed.tokens):
        return None
    for it in items:
        if it.kind in ("role", "employ") and it.concrete and not it.vague:
            return Evidence("event", parsed.text[it.start : it.end], it.start, it.end)
    return None


_WANTING = frozenset({"want", "wants", "need", "needs", "like", "looking"})


def _wanted_job(parsed: Parsed, items: Sequence[Item]) -> Evidence | None:
    """Return a job wanted at a place without a verb of getting ("i need job in bank")."""
    toks = parsed.tokens
    for it in items:
        if it.kind != "employ" or it.vague or it.info == "own" or it.j >= len(toks):
            continue
        if toks[it.j].base not in ("in", "at", "with"):
            continue
        clause = toks[it.i].clause
        before = [t for t in toks[: it.i] if t.clause == clause]
        if any(t.base in _ANY_VERB and t.base not in _WANTING for t in before):
            continue
        first = before[0].i if before else it.i
        if any(cats & {"ev", "learn", "dir"} for cats in parsed.cats[first : it.i]):
            continue
        for w in items:
            if w.kind in ("organisation", "field") and 0 < w.i - it.j <= 3 and w.concrete:
                return Evidence("event", parsed.text[it.start : w.end], it.start, w.end)
    return None


# Verbs outside the lexicon that make a goal more than the name of a role.
_ANY_VERB = frozenset(
    _split(
        """want, wants, like, love, enjoy, hope, try, keep, stay, remain, stop, quit, leave, avoid,
        explore, consider, research, look, looking, think, understand, know, feel, use, using,
        help, support, improve, grow, enjoy, apply, applying"""
    )
)


def _verb_position(parsed: Parsed, cats: Sequence[set[str]], m: Match) -> bool:
    """Return whether an event word is used as a verb, not a noun ("satisfaction scores")."""
    toks = parsed.tokens
    if m.i == 0 or toks[m.i - 1].clause != toks[m.i].clause:
        return True
    if toks[m.i - 1].base in _DETERMINERS:
        return False
    return not (cats[m.i - 1] & {"field", "result", "work", "employ", "cred", "skill"})


_MOVE_HEADS = frozenset(
    _split(
        """transition, transitioned, transitioning, switch, switched, switching, move, moved,
        moving, pivot, pivoted, pivoting"""
    )
)
_CAREER_CHANGE = frozenset(
    {"pivot", "pivot to", "pivot into", "change careers", "change careers to", "switch careers to"}
)
_STATE_HEADS = frozenset(
    _split(
        """be, am, is, are, was, were, been, being, become, became, becoming, get, got, getting,
        land, landed, find, found"""
    )
)
_EVENT_RESULTS = frozenset(
    _split(
        """promotion, raise, funding, round, tenure, offer, offers, free, residency, residence,
        citizenship, card, visa"""
    )
)
_BINARY_RESULTS = frozenset(
    _split(
        """debt free, debt-free, permanent residency, permanent residence, citizenship, green
        card, work visa"""
    )
)
_FIELD_VERBS = frozenset(
    _split(
        """get into, got into, getting into, break into, breaking into, pivot, pivot to, pivot
        into, change careers, change careers to, switch careers to, go into, going into, went
        into, make the jump to, make the move to, move up to"""
    )
)


def _takes_field(m: Match) -> bool:
    """Return whether a verb can take a field as its outcome ("work in nursing", "move into HR")."""
    return m.key in _FIELD_VERBS or m.key.split()[0] in _WORK_HEADS


_WORK_HEADS = frozenset(
    _split(
        """work, works, worked, working, join, joins, joined, joining, move, moved, moving,
        transition, transitioned, transitioning, switch, switched, switching, serve"""
    )
)
_MAKE_HEADS = frozenset(
    _split(
        """write, writing, wrote, written, build, built, building, make, making, made, create,
        creating, created, produce, producing, record, recording, film, filming, compose,
        composing, publish, publishing, have, hold, holding, host, hosting, stage, staging,
        put, set, setting"""
    )
)


def _comparative_before(parsed: Parsed, it: Item) -> bool:
    toks = parsed.tokens
    for k in range(max(0, it.i - 2), it.i):
        if toks[k].base in ("more", "fewer", "less", "better", "higher", "bigger"):
            return True
    return False


def _directions(parsed: Parsed, items: Sequence[Item]) -> list[Evidence]:
    toks = parsed.tokens
    text = parsed.text
    out: list[Evidence] = []
    for m in parsed.by_cat.get("dir", ()):
        if any(toks[k].negated for k in range(m.i, m.j)):
            continue
        if m.key in ("more", "less") and m.j < len(toks) and toks[m.j].base in _INNER_STATES:
            continue  # "more confident": a feeling, not a quantity
        clause = toks[m.i].clause
        end = None
        for k in range(m.j, min(len(toks), m.j + 6)):
            if toks[k].clause != clause:
                break
            b = toks[k].base
            covering = [x.end for x in parsed.matches if x.cat == "result" and x.i <= k < x.j]
            if b == "time" and k + 1 < len(toks) and toks[k + 1].base.startswith("manag"):
                break  # "time management" is a skill
            if covering or b in lx.QUANTITY_NOUNS or singular(b) in lx.QUANTITY_NOUNS:
                end = max(covering or [toks[k].end])
                break
        if (
            end is None
            and m.key in ("more", "less", "fewer")
            and m.i > 0
            and (m.j >= len(toks) or toks[m.j].clause != clause or toks[m.j].base in _PREPOSITIONS)
        ):
            end = m.end
        if end is not None:
            out.append(Evidence("direction", text[m.start : end], m.start, end))
    for it in items:
        if it.kind == "skill" and it.info == "hard" and it.concrete and not it.negated:
            k = it.i - 1
            while k >= 0 and toks[k].base in ("my", "our", "his", "her", "their", "the"):
                k -= 1
            if k >= 0 and toks[k].base in _IMPROVE:
                out.append(
                    Evidence("direction", text[toks[k].start : it.end], toks[k].start, it.end)
                )
    for it in items:
        if (
            it.kind == "result"
            and it.vague
            and not any(o.start is not None and o.start <= it.start < (o.end or 0) for o in out)
        ):
            out.append(it.span(text))
    return out


_INNER_STATES = frozenset(
    _split(
        """confident, comfortable, happy, happier, relaxed, calm, motivated, fulfilled, organised,
        organized, creative, visible, positive, assertive, resilient, patient, present, balanced,
        secure, appreciated, valued, respected"""
    )
)
_IMPROVE = frozenset(_split("improve, improves, improved, improving, polish, polishing"))
_PREPOSITIONS = frozenset({"about", "on", "at", "in", "with", "for", "to", "by", "often", "than"})


def _list(spans: Sequence[Evidence]) -> str:
    seen: list[str] = []
    for e in spans:
        if e.text not in seen:
            seen.append(e.text)
    return ", ".join(f'"{t}"' for t in seen[:3])


# ---------------------------------------------------------------------------------------
# Time-bound
# ---------------------------------------------------------------------------------------
_PARTLY_FIX = {
    "vague": "Replace '{p}' with a date or a time frame, e.g. 'by {example}'.",
    "recurrence": "Say until when you will keep it up, e.g. 'every week until {example}'.",
    "event": "When is it? Add the date, or record the event with its date.",
    "age": "Turn the age into a date, e.g. 'by {example}'.",
    "start": "Add an end date, e.g. 'by {example}'.",
    "duration": "Say when it starts or ends, e.g. 'by {example}'.",
    "anchored": "When does the period start? Add a date, e.g. 'by {example}'.",
}
_PARTLY_WHY = {
    "vague": "Gives only a vague time ({q}).",
    "recurrence": "Repeats ({q}) but has no end date or period.",
    "event": "Is tied to an event ({q}) with no recorded date.",
    "age": "Is tied to an age ({q}), not a date.",
    "start": "Says when it starts ({q}) but not when it ends.",
    "duration": "Gives a duration ({q}) without a start or end date.",
    "anchored": "Counts from something ({q}) whose date is not known.",
}


def example_date(today: date) -> date:
    """Return a sample deadline for fixes and rewrites: the end of the month six months ahead."""
    try:
        return add_months(today.replace(day=1), 7) - timedelta(days=1)
    except (ValueError, OverflowError):
        return today


def format_date(day: date) -> str:
    """Return a date as 'June 30, 2027'."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def _takes_up_post(parsed: Parsed) -> bool:
    """Return whether the goal takes up a job or role (not a course), unnegated."""
    for cat in ("employ", "role"):
        for m in parsed.by_cat.get(cat, ()):
            if not parsed.tokens[m.i].negated and m.key not in lx.VERB_ONLY_EMPLOYMENT:
                return True
    return False


def judge_time(
    parsed: Parsed, times: Sequence[TimeExpr], today: date, context: SmartContext | None
) -> tuple[CriterionResult, Deadline | None]:
    """Judge whether the goal has a deadline or time frame, and resolve the deadline."""
    deadlines = [t for t in times if t.kind == "deadline" and t.on is not None]
    starts = [t for t in times if t.kind == "start" and t.on is not None]
    durations = [t for t in times if t.kind == "duration" and t.months]
    if not deadlines and starts and durations:
        # "for one year starting in March 2027" ends a year after March 1, 2027.
        s, d = starts[0], durations[0]
        assert s.on is not None and d.months is not None
        try:
            on = add_months(s.on, round(d.months))
        except (ValueError, OverflowError):
            on = None
        if on is not None:
            lo, hi = min(s.start, d.start), max(s.end, d.end)
            deadlines = [
                TimeExpr("deadline", lo, hi, parsed.text[lo:hi], on=on, resolution=s.resolution)
            ]
    if not deadlines and starts and not durations and _takes_up_post(parsed):
        # "a teaching job starting August 2027": being in the post by then is the deadline.
        s = starts[0]
        assert s.on is not None
        deadlines = [
            TimeExpr(
                "deadline", s.start, s.end, s.phrase, on=s.last or s.on, resolution=s.resolution
            )
        ]
    recurring = any(t.kind == "recurrence" for t in times)
    long_runs = [d for d in durations if d.months and d.months >= 1]
    if not deadlines and recurring and long_runs and not starts:
        # "every week for 3 months" runs from now; "for a day every month" does not.
        d = long_runs[0]
        assert d.months is not None
        try:
            on = add_months(today, round(d.months))
        except (ValueError, OverflowError):
            on = None
        if on is not None:
            deadlines = [
                TimeExpr("deadline", d.start, d.end, d.phrase, on=on, resolution="relative")
            ]
    future = [t for t in deadlines if t.on is not None and t.on >= today]
    if future:
        main = max(future, key=lambda t: (t.on, t.end))
        assert main.on is not None
        kind = (
            main.resolution if main.resolution in ("absolute", "relative", "event") else "absolute"
        )
        deadline = Deadline(main.on, main.phrase, kind, main.start, main.end)  # type: ignore[arg-type]
        spans = tuple(Evidence("deadline", t.phrase, t.start, t.end) for t in future)
        return (
            CriterionResult(
                "time_bound",
                "met",
                f'Has a deadline: "{main.phrase}" ({format_date(main.on)}).',
                None,
                spans,
            ),
            deadline,
        )
    example = format_date(example_date(today))
    if context is not None and context.target_date is not None:
        on = context.target_date
        form = Evidence("deadline", f"target date {on.isoformat()}", field="target_date")
        deadline = Deadline(on, f"target date {on.isoformat()}", "form")
        if on >= today:
            return (
                CriterionResult(
                    "time_bound",
                    "met",
                    f"The goal's form sets a target date ({format_date(on)}).",
                    None,
                    (form,),
                ),
                deadline,
            )
        return (
            CriterionResult(
                "time_bound",
                "partly",
                f"The target date ({format_date(on)}) has passed.",
                f"Set a new target date, e.g. {example}.",
                (form,),
            ),
            deadline,
        )
    if deadlines:
        main = max(deadlines, key=lambda t: (t.on or today, t.end))
        assert main.on is not None
        spans = tuple(Evidence("deadline", t.phrase, t.start, t.end) for t in deadlines)
        return (
            CriterionResult(
                "time_bound",
                "partly",
                f'The deadline "{main.phrase}" ({format_date(main.on)}) has already passed.',
                f"Set a future date, e.g. 'by {example}'.",
                spans,
            ),
            Deadline(main.on, main.phrase, "absolute", main.start, main.end),
        )
    cues = [t for t in times if t.kind in _PARTLY_WHY]
    for kind in ("event", "age", "anchored", "start", "duration", "recurrence", "vague"):
        hits = [t for t in times if t.kind == kind]
        if hits:
            q = ", ".join(f'"{t.phrase}"' for t in hits[:2])
            spans = tuple(Evidence(t.kind, t.phrase, t.start, t.end) for t in cues)
            return (
                CriterionResult(
                    "time_bound",
                    "partly",
                    _PARTLY_WHY[kind].format(q=q),
                    _PARTLY_FIX[kind].format(p=hits[0].phrase, example=example),
                    spans,
                ),
                None,
            )
    return (
        CriterionResult(
            "time_bound",
            "missing",
            "Has no deadline or time frame.",
            f"By when? Add a date, e.g. 'by {example}' or 'within 6 months'.",
        ),
        None,
    )


def public_entities(items: Sequence[Item], text: str) -> tuple[Entity, ...]:
    """Return what the goal names, longest first where names overlap, without negated ones."""
    names = {"employ": "role", "business": "work"}
    shown = [it for it in items if not it.negated and it.info != "own"]
    out: list[Entity] = []
    for it in sorted(shown, key=lambda it: (it.start - it.end, it.start)):
        if any(e.start <= it.start and it.end <= e.end for e in out):
            continue
        kind = names.get(it.kind, it.kind)
        out.append(
            Entity(kind, text[it.start : it.end], it.start, it.end, it.concrete and not it.vague)
        )
    return tuple(sorted(out, key=lambda e: e.start))
