from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.assessments.models import GapGoal, InterestAnswer, InterestAttempt, UserSkill
from headway.core.exports import export_section


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@export_section("assessments")
def export_assessments(user: User) -> dict[str, Any]:
    """Return the user's questionnaire attempts with answers, rated skills and gap goals."""
    answers: dict[int, dict[str, int]] = {}
    for attempt_id, code, rating in (
        InterestAnswer.objects.filter(attempt__user=user)
        .order_by("attempt_id", "item__code")
        .values_list("attempt_id", "item__code", "rating")
    ):
        answers.setdefault(attempt_id, {})[code] = rating
    return {
        "interest_attempts": [
            {
                "started_at": _when(a.started_at),
                "completed_at": _when(a.completed_at),
                "holland_code": a.holland_code,
                "scores": a.scores,
                "answers": answers.get(a.pk, {}),
            }
            for a in InterestAttempt.objects.filter(user=user).order_by("started_at", "id")
        ],
        "skills": [
            {
                "name": s.label,
                "esco_uri": s.skill.uri if s.skill else None,
                "proficiency": s.proficiency,
                "enjoyment": s.enjoyment,
                "evidence": s.evidence,
                "created_at": _when(s.created_at),
                "updated_at": _when(s.updated_at),
            }
            for s in UserSkill.objects.filter(user=user).select_related("skill").order_by("id")
        ],
        "gap_goals": [
            {
                "skill": g.label,
                "esco_uri": g.skill.uri if g.skill is not None else None,
                "technology": g.technology or None,
                "goal": g.goal.statement,
                "created_at": _when(g.created_at),
            }
            for g in GapGoal.objects.filter(user=user).select_related("skill", "goal")
        ],
    }
