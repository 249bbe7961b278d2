"""Read what a goal names: roles, fields, places, credentials, works and results."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon as lx
from .model import Entity, Evidence, Metric
from .text import Match, Parsed


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
_P_ACRONYM = re.compile(r"[A-Z][A-Z0-9+&-]{1,7}")
_P_PERIOD_CODE = re.compile(r"[QH][1-4]|FY\d*")
_P_DIMENSION = re.compile(r"\d+d")


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
        if b[0].isdigit() and not _P_DIMENSION.fullmatch(b):
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
            if k in taken or not _P_ACRONYM.fullmatch(tok.raw) or tok.raw in _NOT_ACRONYMS:
                continue
            if _P_PERIOD_CODE.fullmatch(tok.raw):
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
_PREPOSITIONS = frozenset({"about", "on", "at", "in", "with", "for", "to", "by", "often", "than"})


# What the writer already is or has, said as background to the goal: "I'm a cashier at Tesco",
# "I work as a receptionist", "As a teacher with a masters degree,", "Currently a barista.",
# "I have a business degree". Its roles and credentials are not the outcome.
_P_HELD = re.compile(
    r"(?:^|(?<=[.;!?]\s)|(?<=[.;!?]))\s*(?:as|currently(?:\s+working\s+as)?)\s+an?\s"
    r"|\bi(?:'|\u2019)?m\s+(?:currently\s+|now\s+|still\s+)?an?\s"
    r"|\bi\s+am\s+(?:currently\s+|now\s+|still\s+)?an?\s"
    r"|\bi\s+(?:currently\s+)?work\s+as\s+an?\s"
    r"|\bi\s+(?:already\s+)?(?:have|hold)\s+(?:an?|my)\s",
    re.IGNORECASE,
)
_P_HELD_END = re.compile(
    r"[,.;!?:]|\s(?:and|but|so|because|though|although|who|which|want|wants|would|hope|"
    r"plan|need|to)\b",
    re.IGNORECASE,
)


def held_spans(parsed: Parsed) -> list[tuple[int, int]]:
    """Return the spans that say what the writer already is or has, not what they want."""
    s = parsed.folded
    out = []
    for m in _P_HELD.finditer(s):
        end = _P_HELD_END.search(s, m.end())
        out.append((m.start(), end.start() if end else len(s)))
    return out


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
