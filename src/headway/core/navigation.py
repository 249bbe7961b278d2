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
    Step(1, "know", "Know yourself", "Your interests, skills, strengths and weaknesses.", None),
    Step(
        2, "explore", "Explore careers", "Real occupations: the work, skills, pay, outlook.", None
    ),
    Step(3, "vision", "Vision", "Where you want to be in 5 and 10 years.", None),
    Step(4, "goals", "SMART goals", "Goals checked as you type: specific, measurable, ...", None),
    Step(5, "plan", "Plan", "Milestones and actions: courses, projects, internships.", None),
    Step(6, "focus", "Focus", "A few active goals, ranked by impact and effort.", None),
    Step(7, "feedback", "Feedback", "Mentors and colleagues comment on your goals.", None),
    Step(8, "review", "Review", "Regular reviews, with every change and why.", None),
    Step(9, "network", "Network", "Contacts, events and mentorships tied to goals.", None),
)
