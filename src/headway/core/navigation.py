"""The process Headway follows, in order. Each step links to its page once it is built."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    label: str
    summary: str
    url_name: str | None  # None: not built yet, shown without a link


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "know",
        "Know yourself",
        "Your interests, skills, strengths and weaknesses.",
        "assessments-know",
    ),
    Step(
        2,
        "explore",
        "Explore careers",
        "Real occupations: the work, skills, pay, outlook.",
        "careers-explore",
    ),
    Step(3, "vision", "Vision", "Where you want to be in 5 and 10 years.", "plans-vision"),
    Step(
        4,
        "goals",
        "SMART goals",
        "Goals checked as you type: specific, measurable, ...",
        "plans-goals",
    ),
    Step(
        5, "plan", "Plan", "Milestones and actions: courses, projects, internships.", "plans-plan"
    ),
    Step(6, "focus", "Focus", "A few active goals, ranked by impact and effort.", "plans-focus"),
    Step(
        7,
        "feedback",
        "Feedback",
        "Mentors and colleagues comment on your goals.",
        "feedback-home",
    ),
    Step(8, "review", "Review", "Regular reviews, with every change and why.", "plans-reviews"),
    Step(
        9,
        "network",
        "Network",
        "Contacts, events and mentorships tied to goals.",
        "network-overview",
    ),
)
