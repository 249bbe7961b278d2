"""Find occupations by job title: an in-memory, typo-tolerant index over occupation labels.

Each occupation contributes labels (its preferred title, alternative and reported titles,
each with a weight) and optional keywords (e.g. its description). A query is matched against
every label with IDF-weighted word overlap, so a specific word ("nurse") counts for more than a
common one ("assistant"); the best label decides an occupation's score, helped by how many of
its labels share the query's words and whether the label ends in the same head word (in job
titles the last word names the role). Words are compared by spelling key (British and American
spellings agree), by stem (plural and derived forms agree), by edit distance (typos) and, for
the last word while typing, by prefix.

Records may name related records (an ESCO occupation and its crosswalked O*NET occupation):
a match on one credits the others with a share of it, so one index can hold both sources
without copying titles between them. `occupation_records` builds those records from plain
facts, for the product and its benchmark alike.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from headway.domain.text import fold, spelling_key

# Label weights suggested for callers: how much a match on each kind of label is worth.
PREFERRED_WEIGHT = 1.0
ALTERNATIVE_WEIGHT = 0.95
REPORTED_WEIGHT = 0.9

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "cum",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "with",
        "within",
        "w",
    ]
)

# Words that grade a job rather than name it: they count for less on both sides.
MODIFIERS = frozenset(
    [
        "senior",
        "junior",
        "trainee",
        "intern",
        "internship",
        "interns",
        "graduate",
        "fresh",
        "experienced",
        "entry",
        "level",
        "lead",
        "principal",
        "staff",
        "temporary",
        "temp",
        "contract",
        "permanent",
        "part",
        "full",
        "time",
        "parttime",
        "fulltime",
        "i",
        "ii",
        "iii",
        "iv",
        "1",
        "2",
        "3",
        "4",
        "5",
        "1st",
        "2nd",
        "3rd",
    ]
)

# Abbreviations common in job titles, expanded before matching.
ABBREVIATIONS: Mapping[str, str] = {
    "acct": "accountant",
    "accts": "accounts",
    "admin": "administrator",
    "asst": "assistant",
    "assoc": "associate",
    "bd": "business development",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "coord": "coordinator",
    "cust": "customer",
    "dept": "department",
    "dev": "developer",
    "devops": "development operations",
    "dir": "director",
    "engr": "engineer",
    "exec": "executive",
    "f&b": "food and beverage",
    "govt": "government",
    "hr": "human resources",
    "hse": "health safety environment",
    "hvac": "heating ventilation air conditioning",
    "it": "ict",
    "jr": "junior",
    "mgmt": "management",
    "mgr": "manager",
    "ops": "operations",
    "pa": "personal assistant",
    "pr": "public relations",
    "qa": "quality assurance",
    "qc": "quality control",
    "r&d": "research and development",
    "rep": "representative",
    "reps": "representatives",
    "rn": "registered nurse",
    "snr": "senior",
    "sr": "senior",
    "supv": "supervisor",
    "svc": "service",
    "tech": "technician",
    "ui": "user interface",
    "ux": "user experience",
}

# Suffixes removed to find a word's stem, longest first; a stem keeps at least 3 letters.
_SUFFIXES = (
    "isations",
    "isation",
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ists",
    "ist",
    "ians",
    "ian",
    "ators",
    "ator",
    "ative",
    "ants",
    "ant",
    "ance",
    "ancy",
    "ers",
    "er",
    "ors",
    "or",
    "ics",
    "ical",
    "ic",
    "ives",
    "ive",
    "al",
    "ies",
    "es",
    "s",
    "ed",
    "y",
    "e",
)

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#&]*")
_BRACKETED = re.compile(r"[(\[{][^)\]}]*[)\]}]?")


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    weight: float = PREFERRED_WEIGHT


@dataclass(frozen=True, slots=True)
class OccupationRecord:
    """What the index knows of one occupation.

    `facets` are exact-match attributes for filtering (e.g. {"source": "esco"}).
    `popularity` (0 to 1) says how common the occupation is, e.g. scaled log employment;
    it breaks near-ties in favour of occupations people are more likely to mean.
    `related` names records whose match also speaks for this one (an ESCO occupation and the
    O*NET occupation it is crosswalked to): a query matching a related record credits this
    one with `Tuning.related_share` of that match, so titles need not be copied between them.
    """

    id: str
    preferred_label: str
    labels: tuple[Label, ...] = ()
    keywords: str = ""
    facets: Mapping[str, str] = field(default_factory=dict)
    popularity: float = 0.0
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    score: float
    matched_label: str


@dataclass(frozen=True, slots=True)
class _QueryTerm:
    key: str
    weight: float
    is_last: bool


@dataclass(frozen=True, slots=True)
class Tuning:
    """Ranking constants, kept together so benchmarks can vary them."""

    label_query_share: float = 0.4  # how label similarity splits query vs label coverage
    occupation_share: float = 0.35  # weight of the occupation-wide word evidence
    bm25_k1: float = 1.2
    bm25_b: float = 0.3
    exact_bonus: float = 0.3
    stem_quality: float = 0.8
    prefix_quality: float = 0.85
    truncation_quality: float = 0.6
    fuzzy_quality: float = 0.75
    bracket_weight: float = 0.4
    keyword_share: float = 0.3
    popularity_share: float = 0.2
    ambiguity_discount: float = 0.0
    modifier_weight: float = 0.3
    related_share: float = 0.5  # share of a related record's match credited to this one
    related_mix: float = 0.5  # how much the lesser of own match and credit adds to the greater


# The explorer's index over ESCO and O*NET (and its benchmark, bench/job_titles.py), tuned on
# the job-title validation set. The defaults above stay those other callers were set up with
# (the crosswalk's stale-code matching relies on its score threshold).
EXPLORER_TUNING = Tuning(
    label_query_share=0.3,
    occupation_share=0.5,
    exact_bonus=0.5,
    stem_quality=0.9,
    keyword_share=0.45,
    popularity_share=0.4,
)


class OccupationIndex:
    """An index of occupations, searchable by title."""

    def __init__(self, records: Iterable[OccupationRecord], tuning: Tuning | None = None) -> None:
        self.tuning = tuning or Tuning()
        self._ids: list[str] = []
        self._preferred: list[int] = []
        self._popularity: list[float] = []
        self._facets: dict[tuple[str, str], set[int]] = {}
        self._label_text: list[str] = []
        self._label_occ: list[int] = []
        self._label_weight: list[float] = []
        self._label_keys: list[tuple[str, ...]] = []
        self._label_postings: dict[str, list[int]] = {}
        label_counts: list[dict[str, int]] = []
        label_totals: list[int] = []
        keyword_counts: list[dict[str, int]] = []
        keyword_totals: list[int] = []
        related: list[tuple[str, ...]] = []

        for occ, record in enumerate(records):
            self._ids.append(record.id)
            related.append(record.related)
            self._popularity.append(min(1.0, max(0.0, record.popularity)))
            for facet in record.facets.items():
                self._facets.setdefault(facet, set()).add(occ)
            labels: dict[tuple[str, ...], tuple[float, str]] = {}
            for label in (Label(record.preferred_label, PREFERRED_WEIGHT), *record.labels):
                keys = _keys(label.text)
                if keys and (keys not in labels or labels[keys][0] < label.weight):
                    labels[keys] = (label.weight, label.text)
            self._preferred.append(len(self._label_text))
            counts: dict[str, int] = {}
            for keys, (weight, text) in labels.items():
                label_id = len(self._label_text)
                self._label_text.append(text)
                self._label_occ.append(occ)
                self._label_weight.append(weight)
                self._label_keys.append(keys)
                for key in set(keys):
                    self._label_postings.setdefault(key, []).append(label_id)
                    counts[key] = counts.get(key, 0) + 1
            if not labels:  # keep ids and label slots aligned for a record with no words
                self._label_text.append(record.preferred_label)
                self._label_occ.append(occ)
                self._label_weight.append(0.0)
                self._label_keys.append(())
            label_counts.append(counts)
            label_totals.append(max(1, len(labels)))
            words: dict[str, int] = {}
            keyword_keys = _keys(record.keywords)
            for key in keyword_keys:
                words[key] = words.get(key, 0) + 1
            keyword_counts.append(words)
            keyword_totals.append(len(keyword_keys))

        # Credit flows from a matched record to the records that name it as related.
        position = {occ_id: occ for occ, occ_id in enumerate(self._ids)}
        self._lends: dict[int, list[int]] = {}
        for occ, ids in enumerate(related):
            for other in dict.fromkeys(ids):
                if other in position and position[other] != occ:
                    self._lends.setdefault(position[other], []).append(occ)

        # One IDF over labels and keywords: a word common in descriptions is common, full stop.
        occupations = max(1, len(self._ids))
        document_frequency: dict[str, int] = {}
        for counts, words in zip(label_counts, keyword_counts, strict=True):
            for key in counts.keys() | words.keys():
                document_frequency[key] = document_frequency.get(key, 0) + 1
        self._idf = {
            key: math.log(1 + (occupations - df + 0.5) / (df + 0.5))
            for key, df in document_frequency.items()
        }
        # A label shared by several occupations ("driver") says less about each of them.
        sharing: dict[tuple[str, ...], int] = {}
        for keys in self._label_keys:
            sharing[keys] = sharing.get(keys, 0) + 1
        ambiguity = self.tuning.ambiguity_discount
        self._label_weight = [
            weight / (1 + ambiguity * (sharing[keys] - 1))
            for weight, keys in zip(self._label_weight, self._label_keys, strict=True)
        ]
        modifier = self.tuning.modifier_weight
        self._label_norm = [
            sum(self._idf[key] * (modifier if key in MODIFIERS else 1.0) for key in set(keys))
            or 1.0
            for keys in self._label_keys
        ]
        share = self.tuning.label_query_share
        self._label_part = [norm ** (1 - share) for norm in self._label_norm]
        self._occ_postings = _bm25_postings(label_counts, label_totals, self.tuning)
        self._keyword_postings = _bm25_postings(keyword_counts, keyword_totals, self.tuning)
        self._vocabulary = sorted(self._idf)
        self._stems: dict[str, list[str]] = {}
        self._trigrams: dict[str, list[str]] = {}
        for key in self._vocabulary:
            self._stems.setdefault(_stem(key), []).append(key)
            for gram in _trigrams(key):
                self._trigrams.setdefault(gram, []).append(key)

    def __len__(self) -> int:
        return len(self._ids)

    def search(
        self,
        query: str,
        limit: int = 20,
        filters: Mapping[str, str] | None = None,
        *,
        prefix: bool = True,
    ) -> list[Hit]:
        """Return the occupations best matching `query`, best first.

        `filters` keeps only occupations whose facets equal every given value. With `prefix`,
        a query that ends without a space is taken as still being typed, so its last word also
        matches longer words it begins; pass False for complete titles.
        """
        terms = self._query_terms(query)
        if not terms or limit <= 0:
            return []
        tuning = self.tuning
        typing = prefix and not query[-1:].isspace()

        overlap: dict[int, float] = {}
        evidence: dict[int, float] = {}
        query_norm = 0.0
        for term in terms:
            candidates = self._expand(term, typing=typing and term.is_last)
            if not candidates:
                continue
            known = self._idf.get(term.key)
            per_label: dict[int, float] = {}
            per_occ: dict[int, float] = {}
            per_keyword: dict[int, float] = {}
            valued = []
            for key, quality in candidates:
                # A variant of a known word (its plural, say) is never worth more than it.
                idf = min(self._idf[key], known) if known else self._idf[key]
                valued.append((quality * idf * term.weight, key))
            # Best candidate first, so a label keeps the first value it gets (built in C).
            valued.sort(reverse=True)
            best_possible = valued[0][0]
            for value, key in valued:
                postings = self._label_postings.get(key, ())
                per_label = (
                    dict.fromkeys(postings, value) | per_label
                    if per_label
                    else dict.fromkeys(postings, value)
                )
                # Likewise per occupation: its evidence comes from the best word it has.
                occ_values = {o: value * sat for o, sat in self._occ_postings.get(key, ())}
                per_occ = occ_values | per_occ if per_occ else occ_values
                keyword_values = {o: value * sat for o, sat in self._keyword_postings.get(key, ())}
                per_keyword = keyword_values | per_keyword if per_keyword else keyword_values
            query_norm += best_possible
            if overlap:
                for label_id, value in per_label.items():
                    overlap[label_id] = overlap.get(label_id, 0.0) + value
            else:
                overlap = per_label
            for occ, value in per_occ.items():
                evidence[occ] = evidence.get(occ, 0.0) + tuning.occupation_share * value
            for occ, value in per_keyword.items():
                evidence[occ] = evidence.get(occ, 0.0) + tuning.keyword_share * value
        if query_norm <= 0:
            return []

        query_part = query_norm**tuning.label_query_share
        query_keys = tuple(term.key for term in terms)
        label_part = self._label_part
        best: dict[int, tuple[float, int]] = {}
        for label_id, value in overlap.items():
            occ = self._label_occ[label_id]
            score = value / (query_part * label_part[label_id])
            if self._label_keys[label_id] == query_keys:
                score += tuning.exact_bonus
            score *= self._label_weight[label_id]
            current = best.get(occ)
            if current is None or score > current[0]:
                best[occ] = (score, label_id)
        match: dict[int, tuple[float, int]] = {
            occ: (score + evidence.get(occ, 0.0) / query_norm, label_id)
            for occ, (score, label_id) in best.items()
        }
        for occ, value in evidence.items():
            if occ not in match:
                match[occ] = (value / query_norm, self._preferred[occ])
        # A record is credited with a share of its best relative's match; the greater of its
        # own match and that credit counts in full, the lesser by `related_mix`, and the
        # greater's label is the one shown.
        if self._lends and tuning.related_share > 0:
            credit: dict[int, tuple[float, int]] = {}
            for occ, (score, label_id) in match.items():
                value = tuning.related_share * score
                for other in self._lends.get(occ, ()):
                    if value > credit.get(other, (0.0, 0))[0]:
                        credit[other] = (value, label_id)
            mix = tuning.related_mix
            for occ, (value, label_id) in credit.items():
                own, own_label = match.get(occ, (0.0, label_id))
                if value > own:
                    match[occ] = (value + mix * own, label_id)
                else:
                    match[occ] = (own + mix * value, own_label)

        allowed = self._allowed(filters)
        popularity, popularity_share = self._popularity, tuning.popularity_share
        totals = {
            occ: score + popularity_share * popularity[occ]
            for occ, (score, _label) in match.items()
            if allowed is None or occ in allowed
        }
        if len(totals) > limit:  # only the best few need a Hit and a sort
            cutoff = heapq.nlargest(limit, totals.values())[-1] - 1e-6
            totals = {occ: total for occ, total in totals.items() if total >= cutoff}
        hits = [
            Hit(self._ids[occ], round(total, 6), self._label_text[match[occ][1]])
            for occ, total in totals.items()
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.matched_label))
        return hits[:limit]

    def _allowed(self, filters: Mapping[str, str] | None) -> set[int] | None:
        if not filters:
            return None
        allowed: set[int] | None = None
        for facet in filters.items():
            matching = self._facets.get(facet, set())
            allowed = set(matching) if allowed is None else allowed & matching
        return allowed

    def _query_terms(self, query: str) -> list[_QueryTerm]:
        # Words in brackets usually qualify a title (place, shift, language), so count less.
        text = fold(query)
        main = _BRACKETED.sub(" ", text)
        bracketed = " ".join(match.group(0) for match in _BRACKETED.finditer(text))
        modifier = self.tuning.modifier_weight
        terms = [
            _QueryTerm(key, modifier if key in MODIFIERS else 1.0, False) for key in _keys(main)
        ]
        terms += [
            _QueryTerm(
                key, self.tuning.bracket_weight * (modifier if key in MODIFIERS else 1.0), False
            )
            for key in _keys(bracketed)
        ]
        if not terms:
            return []
        # The word being typed is the query's last word, bracketed or not.
        words = text.split()
        last_keys = _keys(words[-1]) if words else []
        last_key = last_keys[-1] if last_keys else None
        seen: dict[str, _QueryTerm] = {}
        for term in terms:
            if term.key not in seen or seen[term.key].weight < term.weight:
                seen[term.key] = _QueryTerm(term.key, term.weight, term.key == last_key)
        return list(seen.values())

    def _expand(self, term: _QueryTerm, *, typing: bool) -> list[tuple[str, float]]:
        tuning = self.tuning
        key = term.key
        candidates: dict[str, float] = {}
        if key in self._idf:
            candidates[key] = 1.0
        for other in self._stems.get(_stem(key), ()):
            candidates.setdefault(other, tuning.stem_quality)
        # An unknown word may be cut short ("maint", "coord"), or still being typed.
        if key not in self._idf and (len(key) >= 3 or (typing and len(key) >= 2)):
            quality = tuning.prefix_quality if typing else tuning.truncation_quality
            start = bisect_left(self._vocabulary, key)
            for other in self._vocabulary[start : start + 200]:
                if not other.startswith(key):
                    break
                candidates.setdefault(other, quality)
        if not candidates and len(key) >= 4:
            for other, distance in self._near(key):
                candidates[other] = tuning.fuzzy_quality * (1.0 if distance == 1 else 0.8)
        return list(candidates.items())

    def _near(self, key: str) -> list[tuple[str, int]]:
        """Return vocabulary words within edit distance 1 (2 for long words) of `key`."""
        limit = 1 if len(key) < 8 else 2
        shared: dict[str, int] = {}
        for gram in _trigrams(key):
            for other in self._trigrams.get(gram, ()):
                shared[other] = shared.get(other, 0) + 1
        grams = len(_trigrams(key))
        found = []
        for other, count in shared.items():
            # Each edit destroys at most three trigrams.
            if count < grams - 3 * limit or abs(len(other) - len(key)) > limit:
                continue
            distance = _edit_distance(key, other, limit)
            if distance <= limit:
                found.append((other, distance))
        found.sort(key=lambda item: (item[1], -self._idf[item[0]]))
        return found[:5]


def _bm25_postings(
    counts: list[dict[str, int]], totals: list[int], tuning: Tuning
) -> dict[str, list[tuple[int, float]]]:
    """Return per word the (occupation, saturated term frequency in 0..1) pairs."""
    average = (sum(totals) / len(totals)) if totals else 1.0
    k1, b = tuning.bm25_k1, tuning.bm25_b
    postings: dict[str, list[tuple[int, float]]] = {}
    for occ, words in enumerate(counts):
        length = k1 * (1 - b + b * totals[occ] / (average or 1.0))
        for key, count in words.items():
            postings.setdefault(key, []).append((occ, count / (count + length)))
    return postings


@dataclass(frozen=True, slots=True)
class OccupationSources:
    """The plain facts the explorer's index is built from, as read from files or a database.

    Codes are O*NET-SOC codes ("15-1252.00"); their first seven characters are the SOC code
    that BLS employment is keyed by. Label sequences keep their source order.
    """

    esco: Sequence[tuple[str, str, str]]  # (URI, preferred label, description)
    esco_labels: Mapping[str, Sequence[str]]  # URI -> alternative then hidden labels
    esco_skills: Mapping[str, str]  # URI -> its essential skills' labels as one text
    onet: Sequence[tuple[str, str, str]]  # (code, title, description)
    onet_alternates: Mapping[str, Sequence[str]]  # code -> alternate titles
    onet_reported: Mapping[str, Sequence[str]]  # code -> titles reported by incumbents
    crosswalk: Mapping[str, str]  # URI -> O*NET code (its own row, else a broader one's)
    direct: Collection[str]  # URIs with a crosswalk row of their own
    employment: Mapping[str, int]  # SOC code -> national employment
    # O*NET code -> current titles and abbreviations the datasets lack (`careers.vocabulary`)
    added_titles: Mapping[str, Sequence[str]] = field(default_factory=dict)


def occupation_records(sources: OccupationSources) -> list[OccupationRecord]:
    """Return the records of one index over ESCO and O*NET occupations, ESCO first.

    Each ESCO record is related to its crosswalked O*NET occupation, and each O*NET record
    to the ESCO occupations crosswalked to it by their own rows, so a title matching one
    credits the other (see `OccupationRecord.related`). Popularity comes from employment:
    see `employment_popularity`.
    """
    matched: dict[str, list[str]] = {}
    for uri, code in sources.crosswalk.items():
        if uri in sources.direct:
            matched.setdefault(code, []).append(uri)
    popularity = employment_popularity(sources)
    records = [
        OccupationRecord(
            id=uri,
            preferred_label=label,
            labels=tuple(
                Label(text, ALTERNATIVE_WEIGHT) for text in sources.esco_labels.get(uri, ())
            ),
            keywords=f"{description} {sources.esco_skills.get(uri, '')}",
            facets={"source": "esco"},
            popularity=popularity.get(uri, 0.0),
            related=(sources.crosswalk[uri],) if uri in sources.crosswalk else (),
        )
        for uri, label, description in sources.esco
    ]
    records += [
        OccupationRecord(
            id=code,
            preferred_label=title,
            labels=(
                *(
                    Label(text, ALTERNATIVE_WEIGHT)
                    for text in sources.onet_alternates.get(code, ())
                ),
                *(Label(text, REPORTED_WEIGHT) for text in sources.onet_reported.get(code, ())),
                *(Label(text, ALTERNATIVE_WEIGHT) for text in sources.added_titles.get(code, ())),
            ),
            keywords=description,
            facets={"source": "onet"},
            popularity=popularity.get(code, 0.0),
            related=tuple(matched.get(code, ())),
        )
        for code, title, description in sources.onet
    ]
    return records


# Popularity: employment per occupation, log-scaled to 0-1 over all records.
POPULARITY_SPLIT = 1.0  # a SOC code's employment is divided by (occupations sharing it) ** this
POPULARITY_NARROWER = 0.3  # factor for ESCO occupations that inherit a broader one's code
POPULARITY_FLOOR = 2.5  # log10 of the employment that counts as 0


def employment_popularity(sources: OccupationSources) -> dict[str, float]:
    """Return per ESCO URI and O*NET code a 0-1 score of how many people do the job.

    An O*NET occupation has its SOC code's employment; the ESCO occupations crosswalked to a
    SOC code by their own rows share its employment, and narrower ones inherit their share.
    """
    employment = sources.employment
    sharing: dict[str, int] = {}
    for uri, code in sources.crosswalk.items():
        if uri in sources.direct:
            sharing[code[:7]] = sharing.get(code[:7], 0) + 1
    counts: dict[str, float] = {}
    for uri, code in sources.crosswalk.items():
        soc = code[:7]
        if soc in employment:
            share = employment[soc] / max(1, sharing.get(soc, 0)) ** POPULARITY_SPLIT
            counts[uri] = share * (1.0 if uri in sources.direct else POPULARITY_NARROWER)
    for code, _title, _description in sources.onet:
        if code[:7] in employment:
            counts[code] = float(employment[code[:7]])
    top = math.log10(1 + max(counts.values(), default=0.0))
    span = (top - POPULARITY_FLOOR) or 1.0
    return {
        key: max(0.0, math.log10(1 + count) - POPULARITY_FLOOR) / span
        for key, count in counts.items()
    }


def build_index(
    records: Iterable[OccupationRecord], tuning: Tuning | None = None
) -> OccupationIndex:
    """Build a search index over occupation records."""
    return OccupationIndex(records, tuning)


def _keys(text: str) -> tuple[str, ...]:
    return _text_keys(fold(text))


@lru_cache(maxsize=65536)
def _text_keys(folded: str) -> tuple[str, ...]:
    keys: list[str] = []
    for token in _TOKEN.findall(folded):
        expansion = ABBREVIATIONS.get(token)
        if expansion is None and "&" in token:
            expansion = token.replace("&", " ")
        words = expansion.split() if expansion else [token]
        for word in words:
            if word not in STOPWORDS:
                keys.append(_spelling_key(word.strip("+#&") or word))
    return tuple(key for key in keys if key)


_spelling_key = spelling_key


@lru_cache(maxsize=65536)
def _stem(key: str) -> str:
    for _ in range(2):
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                key = key[: -len(suffix)]
                break
        else:
            break
    return key


def _trigrams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _edit_distance(left: str, right: str, limit: int) -> int:
    """Return the Damerau-Levenshtein distance, or limit + 1 once it exceeds `limit`."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, right_char in enumerate(right, start=1):
            cost = 0 if left_char == right_char else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and left_char == right[j - 2] and left[i - 2] == right_char:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
