"""Turn a SmartAnalysis into what the page shows: labelled criteria and highlighted text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from headway.domain.smart import SmartAnalysis
from headway.domain.smart.guide import Question
from headway.domain.smart.model import CriterionResult

LABELS = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
STATUS_WORDS = {"met": "Met", "partly": "Partly met", "missing": "Missing", "unknown": "Can't tell"}
STATUS_BADGE = {"met": "ok", "partly": "warn", "missing": "bad", "unknown": ""}
STATUS_ICON = {"met": "✓", "partly": "◐", "missing": "✗", "unknown": "?"}
VERDICT_WORDS = {"smart": "SMART", "partly_smart": "Partly SMART", "not_smart": "Not SMART yet"}
VERDICT_BADGE = {"smart": "ok", "partly_smart": "warn", "not_smart": "bad"}


@dataclass(frozen=True)
class CriterionView:
    key: str
    label: str
    letter: str
    status: str
    status_words: str
    badge: str
    icon: str
    explanation: str
    fix: str | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Segment:
    text: str
    criteria: tuple[str, ...]  # keys of the criteria this text is evidence for

    @property
    def title(self) -> str:
        return "Evidence for " + ", ".join(LABELS[c] for c in self.criteria)

    @property
    def css(self) -> str:
        return " ".join(f"ev-{c}" for c in self.criteria)


def criterion_views(analysis: SmartAnalysis) -> list[CriterionView]:
    """Return the five criteria ready for the template, in S, M, A, R, T order."""
    return [_view(result) for result in analysis.criteria]


def _view(result: CriterionResult) -> CriterionView:
    return CriterionView(
        key=result.criterion,
        label=LABELS[result.criterion],
        letter=LABELS[result.criterion][0],
        status=result.status,
        status_words=STATUS_WORDS[result.status],
        badge=STATUS_BADGE[result.status],
        icon=STATUS_ICON[result.status],
        explanation=result.explanation,
        fix=result.fix,
        evidence=tuple(e.text for e in result.evidence if e.text),
    )


def highlight(analysis: SmartAnalysis) -> list[Segment]:
    """Split the goal text into runs, each marked with the criteria it is evidence for."""
    text = analysis.text
    marks: list[set[str]] = [set() for _ in text]
    for result in analysis.criteria:
        for evidence in result.evidence:
            if evidence.start is None or evidence.end is None:
                continue
            for i in range(max(0, evidence.start), min(len(text), evidence.end)):
                marks[i].add(result.criterion)
    segments: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            keys = tuple(k for k in LABELS if k in marks[start])
            segments.append(Segment(text[start:i], keys))
            start = i
    return segments


def summary(analysis: SmartAnalysis) -> str:
    """Return one sentence for screen readers: the verdict and what is missing."""
    verdict = VERDICT_WORDS[analysis.verdict]
    missing = [LABELS[r.criterion] for r in analysis.criteria if r.status == "missing"]
    partly = [LABELS[r.criterion] for r in analysis.criteria if r.status == "partly"]
    parts = [f"{verdict}."]
    if missing:
        parts.append("Missing: " + ", ".join(missing) + ".")
    if partly:
        parts.append("Partly met: " + ", ".join(partly) + ".")
    return " ".join(parts)


@dataclass(frozen=True)
class GuideFieldView:
    name: str  # the form name is guide_<name>
    label: str
    input: str
    value: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class GuideQuestionView:
    criterion: str
    prompt: str
    fields: tuple[GuideFieldView, ...]


def guide_views(
    questions: Sequence[Question], answers: Mapping[str, str]
) -> list[GuideQuestionView]:
    """Return the guide's questions with the user's answers so far (or the suggested value)."""
    return [
        GuideQuestionView(
            q.criterion,
            q.prompt,
            tuple(
                GuideFieldView(
                    f.name,
                    f.label,
                    f.input,
                    answers.get(f.name, f.value),
                    f.choices,
                )
                for f in q.fields
            ),
        )
        for q in questions
    ]
