"""Writes for "Know yourself". Every rule is checked here (or in `domain.riasec`), once.

A refused input raises `AssessmentError(field, message)`: views show the message next to the
field, the API answers 422 with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.assessments import selectors
from headway.assessments.models import (
    RATING_MAX,
    RATING_MIN,
    GapGoal,
    InterestAnswer,
    InterestAttempt,
    InterestItem,
    UserSkill,
)
from headway.careers.models import Skill
from headway.domain.errors import RuleError
from headway.domain.months import add_months
from headway.domain.planning import PlanRuleError
from headway.domain.riasec import TYPES, score_answers
from headway.plans import services as plan_services
from headway.plans.models import Action, Goal, Horizon, Trait

SKILL_NAME_MAX = 120
EVIDENCE_MAX = 2000
GOAL_MONTHS = 6
# The action types a missing skill's goal may start with, and how each is worded.
SUGGESTED_ACTIONS: dict[str, str] = {
    Action.Kind.COURSE: "Take a course in “{skill}”",
    Action.Kind.PROJECT: "Use “{skill}” in a project of my own",
    Action.Kind.VOLUNTEERING: "Volunteer somewhere that needs “{skill}”",
    Action.Kind.MENTORSHIP: "Find a mentor who is good at “{skill}”",
}
NOT_LOADED = (
    "The questionnaire is not loaded yet. An administrator loads it from the data folder "
    "with `headway data sync --from DIR`."
)


class AssessmentError(RuleError):
    """An input the rules refuse; `field` names the input, `message` says why."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)


def _rating(field: str, value: Any, scale: str) -> int:
    """Return a 1-5 rating, or refuse anything else with a message about `scale`."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
        number = int(value.strip())
    if number is None:
        raise AssessmentError(field, f"Rate {scale} from {RATING_MIN} to {RATING_MAX}.")
    if not RATING_MIN <= number <= RATING_MAX:
        raise AssessmentError(
            field, f"Rate {scale} from {RATING_MIN} to {RATING_MAX}; {number} is off the scale."
        )
    return number


# ---------------------------------------------------------------------------------------------
# The questionnaire


def attempt_start(*, user: User) -> tuple[InterestAttempt, bool]:
    """Return the user's unfinished attempt, or start a new one; say whether it is new."""
    if not InterestItem.objects.exists():
        raise AssessmentError("attempt", NOT_LOADED)
    found = selectors.attempt_open_for_user(user)
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            return InterestAttempt.objects.create(user=user), True
    except IntegrityError:
        # Another request started one a moment ago: the constraint allows one open attempt.
        found = selectors.attempt_open_for_user(user)
        if found is None:
            raise
        return found, False


def _check_open(attempt: InterestAttempt) -> None:
    if attempt.completed_at is not None:
        raise AssessmentError(
            "attempt", "This attempt is finished; start a new one to answer again."
        )


@transaction.atomic
def answers_save(*, attempt: InterestAttempt, answers: Mapping[str, Any]) -> int:
    """Save some answers (item code -> rating 1-5) of an unfinished attempt; return how many.

    Answers may come a page or a single item at a time; a later answer to the same item
    replaces the earlier one. Nothing is saved when any answer is refused.
    """
    _check_open(attempt)
    items = {i.code: i for i in InterestItem.objects.filter(code__in=list(answers))}
    ratings: dict[str, int] = {}
    for code, value in answers.items():
        item = items.get(code)
        if item is None:
            raise AssessmentError(code, f"There is no activity {code!r} in the questionnaire.")
        ratings[code] = _rating(code, value, f"“{item.text}”")
    if not ratings:
        return 0
    now = timezone.now()
    existing = {
        a.item_id: a
        for a in InterestAnswer.objects.filter(
            attempt=attempt, item_id__in=[i.pk for i in items.values()]
        )
    }
    new, changed = [], []
    for code, rating in ratings.items():
        item = items[code]
        answer = existing.get(item.pk)
        if answer is None:
            new.append(InterestAnswer(attempt=attempt, item=item, rating=rating, answered_at=now))
        elif answer.rating != rating:
            answer.rating, answer.answered_at = rating, now
            changed.append(answer)
    InterestAnswer.objects.bulk_create(new)
    InterestAnswer.objects.bulk_update(changed, ["rating", "answered_at"])
    attempt.updated_at = now
    attempt.save(update_fields=["updated_at"])
    return len(ratings)


@transaction.atomic
def attempt_complete(*, attempt: InterestAttempt) -> InterestAttempt:
    """Score a fully answered attempt and keep its result; refuse one with answers missing."""
    if attempt.completed_at is not None:
        return attempt
    items = selectors.item_pool()
    answers = selectors.answers_for_attempt(attempt)
    pages = selectors.item_pages(items)
    missing_pages = [
        str(number)
        for number, page in enumerate(pages, start=1)
        if any(item.code not in answers for item in page)
    ]
    if missing_pages or not items:
        left = sum(1 for item in items if item.code not in answers)
        where = "page " if len(missing_pages) == 1 else "pages "
        raise AssessmentError(
            "answers",
            f"{left} {'activity still needs' if left == 1 else 'activities still need'} an "
            f"answer, on {where}{', '.join(missing_pages)}.",
        )
    profile = score_answers(answers, items)
    attempt.scores = {
        "means": {t: profile.means[t] for t in TYPES},
        "percent": {t: profile.percent[t] for t in TYPES},
        "oi": {t: profile.oi[t] for t in TYPES},
    }
    attempt.holland_code = profile.holland_code
    attempt.code_has_tie = profile.code_has_tie
    attempt.completed_at = attempt.updated_at = timezone.now()
    attempt.save(
        update_fields=["scores", "holland_code", "code_has_tie", "completed_at", "updated_at"]
    )
    return attempt


# ---------------------------------------------------------------------------------------------
# The skills inventory


def _clean_name(name: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise AssessmentError("name", "Type a skill, then choose a suggestion or keep your words.")
    if len(text) > SKILL_NAME_MAX:
        raise AssessmentError(
            "name", f"Keep a skill's name to {SKILL_NAME_MAX} characters (it has {len(text)})."
        )
    return text


def _clean_evidence(evidence: str) -> str:
    text = (evidence or "").strip()
    if len(text) > EVIDENCE_MAX:
        raise AssessmentError(
            "evidence", f"Keep the evidence to {EVIDENCE_MAX} characters (it has {len(text)})."
        )
    return text


def _vocabulary_skill(skill_id: int | None, name: str) -> Skill | None:
    """Return the ESCO skill chosen, or the one whose label is exactly what was typed."""
    if skill_id is not None:
        skill = Skill.objects.filter(pk=skill_id).first()
        if skill is None:
            raise AssessmentError(
                "name", "That skill is not in the vocabulary; choose a suggestion or type your own."
            )
        return skill
    same = list(Skill.objects.filter(label__iexact=name, in_current_release=True)[:2])
    return same[0] if len(same) == 1 else None


@transaction.atomic
def user_skill_add(
    *,
    user: User,
    name: str = "",
    skill_id: int | None = None,
    proficiency: Any,
    enjoyment: Any,
    evidence: str = "",
) -> tuple[UserSkill, bool]:
    """Add a rated skill, or update the one already listed; return it and whether it merged.

    A skill is the same when it is the same ESCO skill, or the same free text ignoring case
    and spacing. Free text equal to a vocabulary label links to that skill.
    """
    proficiency = _rating("proficiency", proficiency, "how good you are")
    enjoyment = _rating("enjoyment", enjoyment, "how much you enjoy it")
    evidence = _clean_evidence(evidence)
    typed = _clean_name(name) if skill_id is None else name
    skill = _vocabulary_skill(skill_id, typed)
    text = skill.label if skill is not None else typed
    key = selectors.fold(text)
    owned = UserSkill.objects.select_for_update().filter(user=user)
    found = (
        owned.filter(skill=skill).first()
        if skill is not None
        else owned.filter(skill__isnull=True, name_key=key).first()
    )
    now = timezone.now()
    if found is not None:
        found.proficiency, found.enjoyment = proficiency, enjoyment
        if evidence:
            found.evidence = evidence
        found.updated_at = now
        found.save(update_fields=["proficiency", "enjoyment", "evidence", "updated_at"])
        return found, True
    created = UserSkill.objects.create(
        user=user,
        skill=skill,
        name=text,
        name_key=key,
        proficiency=proficiency,
        enjoyment=enjoyment,
        evidence=evidence,
        created_at=now,
        updated_at=now,
    )
    return created, False


def user_skill_update(
    *, user_skill: UserSkill, proficiency: Any, enjoyment: Any, evidence: str = ""
) -> UserSkill:
    """Change a skill's ratings and evidence."""
    user_skill.proficiency = _rating("proficiency", proficiency, "how good you are")
    user_skill.enjoyment = _rating("enjoyment", enjoyment, "how much you enjoy it")
    user_skill.evidence = _clean_evidence(evidence)
    user_skill.updated_at = timezone.now()
    user_skill.save(update_fields=["proficiency", "enjoyment", "evidence", "updated_at"])
    return user_skill


def user_skill_delete(*, user_skill: UserSkill) -> None:
    """Remove a skill from the inventory (a strength or weakness made from it stays)."""
    user_skill.delete()


@transaction.atomic
def user_skill_trait_add(*, user_skill: UserSkill, kind: str) -> tuple[Trait, bool]:
    """Add a skill to the plan's strengths or weaknesses; return the trait and if it is new.

    A skill already added as that kind is not added twice.
    """
    if kind not in Trait.Kind.values:
        raise AssessmentError("kind", "Add a skill as a strength or as a weakness.")
    current = user_skill.trait
    if current is not None and current.kind == kind:
        return current, False
    note = (
        f"From my skills inventory: proficiency {user_skill.proficiency}/5, "
        f"enjoyment {user_skill.enjoyment}/5."
    )
    if user_skill.evidence:
        note += f" Evidence: {user_skill.evidence}"
    try:
        trait = plan_services.trait_create(
            user=user_skill.user, kind=kind, title=user_skill.label[:120], note=note
        )
    except PlanRuleError as error:
        raise AssessmentError(error.field, error.message) from error
    user_skill.trait = trait
    user_skill.save(update_fields=["trait"])
    return trait, True


# ---------------------------------------------------------------------------------------------
# Skill gap to goals


def _clean_action_kinds(kinds: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(kinds))
    unknown = [k for k in chosen if k not in SUGGESTED_ACTIONS]
    if unknown:
        names = ", ".join(str(Action.Kind(k).label).lower() for k in SUGGESTED_ACTIONS)
        raise AssessmentError("action_kinds", f"Choose suggested actions among: {names}.")
    return chosen


@transaction.atomic
def gap_goal_create(
    *,
    user: User,
    skill_id: int | None = None,
    technology: str | None = None,
    action_kinds: Iterable[str] | None = None,
    horizon: int | None = None,
    on: date | None = None,
) -> tuple[Goal, bool]:
    """Turn a skill the target occupation needs into a draft goal with suggested actions.

    The skill is an ESCO skill (`skill_id`) or a technology row of an O*NET target's gap
    (`technology`, its name as the gap shows it). `action_kinds` picks among
    `SUGGESTED_ACTIONS` (None: all of them). Returns the goal and whether it is new: a skill
    already turned into a goal returns that goal. The goal serves the vision whose target
    needs the skill.
    """
    kinds = _clean_action_kinds(SUGGESTED_ACTIONS if action_kinds is None else action_kinds)
    if horizon is not None and horizon not in Horizon.values:
        raise AssessmentError("horizon", "A vision looks 5 or 10 years ahead.")
    if (skill_id is None) == (not technology):
        raise AssessmentError("skill_id", "Name one skill or one technology to make a goal of.")
    if technology:
        return _technology_goal_create(user, technology.strip(), kinds, horizon, on)
    skill = Skill.objects.filter(pk=skill_id).first() if skill_id is not None else None
    if skill is None:
        raise AssessmentError("skill_id", "That skill is not in the vocabulary.")
    existing = GapGoal.objects.select_related("goal").filter(user=user, skill=skill).first()
    if existing is not None:
        return existing.goal, False
    gap = selectors.skill_gap_for_user(user, horizon)
    row = next((r for r in gap.rows if r.skill_id == skill.pk), None)
    why = f"“{skill.label}” is a skill I want to build."
    if row is not None and gap.target is not None:
        why = (
            f"“{skill.label}” is {'an essential' if row.essential else 'an optional'} skill for "
            f"{gap.target.title}, the occupation my vision aims at"
        )
        if row.related_count:
            why += f"; {row.related_count} related occupations need it too"
        why += "."
    goal = _gap_goal_plan(user, skill.label, why, gap.horizon, kinds, on)
    GapGoal.objects.create(user=user, skill=skill, goal=goal)
    return goal, True


def _technology_goal_create(
    user: User, name: str, kinds: list[str], horizon: int | None, on: date | None
) -> tuple[Goal, bool]:
    gap = selectors.skill_gap_for_user(user, horizon)
    row = next((r for r in gap.rows if r.skill_id is None and r.label == name), None)
    if row is None or gap.target is None:
        raise AssessmentError(
            "technology", "That technology is not in your target occupation's skill gap."
        )
    existing = (
        GapGoal.objects.select_related("goal")
        .filter(user=user, skill=None, technology=row.label)
        .first()
    )
    if existing is not None:
        return existing.goal, False
    flags = [f for f, on_row in (("in demand", row.in_demand), ("hot", row.hot)) if on_row]
    why = (
        f"“{row.label}” is a {' and '.join(flags) + ' ' if flags else ''}technology used by "
        f"{gap.target.title}, the occupation my vision aims at."
    )
    goal = _gap_goal_plan(user, row.label, why, gap.horizon, kinds, on)
    GapGoal.objects.create(user=user, technology=row.label, goal=goal)
    return goal, True


def _gap_goal_plan(
    user: User, name: str, why: str, horizon: int | None, kinds: list[str], on: date | None
) -> Goal:
    """Create the draft goal for a missing skill, with the chosen suggested actions."""
    day = on or plan_services.today()
    data: dict[str, Any] = {
        "statement": f"Build the skill “{name}”",
        "category": Goal.Category.SKILL,
        "why": why,
        "target_date": add_months(day, GOAL_MONTHS),
    }
    if horizon is not None:
        data["horizon"] = horizon
    try:
        goal = plan_services.goal_create(
            user=user,
            data=data,
            on=day,
            reason="Made from a missing skill of my target occupation.",
        )
        for kind in kinds:
            plan_services.action_create(
                goal=goal,
                data={"title": SUGGESTED_ACTIONS[kind].format(skill=name)[:200], "kind": kind},
            )
    except PlanRuleError as error:
        raise AssessmentError(error.field, error.message) from error
    return goal
