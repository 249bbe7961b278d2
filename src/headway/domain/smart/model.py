"""Values the SMART goal coach takes and returns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

MAX_GOAL_LENGTH = 1000

Status = Literal["met", "partly", "missing", "unknown"]
Verdict = Literal["smart", "partly_smart", "not_smart"]
CRITERIA: tuple[str, ...] = ("specific", "measurable", "attainable", "relevant", "time_bound")


class GoalTextTooLong(ValueError):
    """Raised when a goal is longer than MAX_GOAL_LENGTH characters."""

    def __init__(self, length: int, limit: int = MAX_GOAL_LENGTH) -> None:
        super().__init__(f"Goal text is {length} characters long; the limit is {limit} characters.")
        self.length = length
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Evidence:
    """What supports a judgement: a span of the goal text, or a form field (no span)."""

    kind: str
    text: str
    start: int | None = None
    end: int | None = None
    field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """The judgement on one SMART criterion."""

    criterion: str
    status: Status
    explanation: str
    fix: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives."""
        return {
            "criterion": self.criterion,
            "status": self.status,
            "explanation": self.explanation,
            "fix": self.fix,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Deadline:
    """The date a goal is due, with the words it was read from.

    kind is "absolute" (the text names a year or full date), "relative" (resolved
    against today), "event" (a dated event from the context) or "form" (the form
    field; start and end are then None).
    """

    on: date
    phrase: str
    kind: Literal["absolute", "relative", "event", "form"]
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives."""
        return {
            "on": self.on.isoformat(),
            "phrase": self.phrase,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Metric:
    """A quantity the goal can be checked against."""

    kind: str  # count, money, percent, score, level, frequency, duration, factor
    text: str
    quantity: float | None = None
    unit: str | None = None
    baseline: float | None = None
    comparator: str | None = None  # at_least, at_most
    direction: str | None = None  # increase, decrease
    start: int | None = None
    end: int | None = None
    field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """A role, skill, credential, organisation, field, work or result the goal names."""

    kind: str
    text: str
    start: int
    end: int
    concrete: bool = True

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives."""
        return asdict(self)


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(str(v) for v in value if str(v).strip())


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


@dataclass(frozen=True)
class SmartContext:
    """What Headway knows about the user and the goal beyond its text. All optional."""

    vision_text: str | None = None
    target_role: str | None = None
    responsibilities: tuple[str, ...] = ()
    occupation_title: str | None = None
    occupation_skills: tuple[str, ...] = ()
    occupation_tasks: tuple[str, ...] = ()
    occupation_job_zone: int | None = None
    current_job_zone: int | None = None
    education_level: str | None = None
    hours_per_week: float | None = None
    events: tuple[tuple[str, date], ...] = ()
    target_date: date | None = None
    baseline_value: float | None = None
    target_value: float | None = None
    metric_unit: str | None = None

    def __post_init__(self) -> None:
        # Accept lists and ISO strings from forms and JSON; store tuples and dates.
        for name in ("responsibilities", "occupation_skills", "occupation_tasks"):
            object.__setattr__(self, name, _strings(getattr(self, name)))
        events = tuple((str(n), _day(d)) for n, d in (self.events or ()) if d is not None)
        object.__setattr__(self, "events", events)
        object.__setattr__(self, "target_date", _day(self.target_date))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SmartContext:
        """Build a context from JSON-like data, ignoring unknown keys."""
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def has_vision(self) -> bool:
        """Return whether anything says what the goal should serve."""
        return bool(
            (self.vision_text or "").strip()
            or (self.target_role or "").strip()
            or (self.occupation_title or "").strip()
            or self.responsibilities
            or self.occupation_skills
            or self.occupation_tasks
        )


@dataclass(frozen=True)
class SmartAnalysis:
    """The coach's reading of one goal."""

    text: str
    today: date
    specific: CriterionResult
    measurable: CriterionResult
    attainable: CriterionResult
    relevant: CriterionResult
    time_bound: CriterionResult
    verdict: Verdict
    rewrite: str
    deadline: Deadline | None = None
    metrics: tuple[Metric, ...] = ()
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    @property
    def criteria(self) -> tuple[CriterionResult, ...]:
        """Return the five results in S, M, A, R, T order."""
        return (self.specific, self.measurable, self.attainable, self.relevant, self.time_bound)

    def as_dict(self) -> dict[str, Any]:
        """Return JSON-ready primitives (dates as ISO strings)."""
        return {
            "text": self.text,
            "today": self.today.isoformat(),
            "verdict": self.verdict,
            "criteria": {c.criterion: c.as_dict() for c in self.criteria},
            "deadline": self.deadline.as_dict() if self.deadline else None,
            "metrics": [m.as_dict() for m in self.metrics],
            "entities": [e.as_dict() for e in self.entities],
            "rewrite": self.rewrite,
        }
