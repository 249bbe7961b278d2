"""Properties of the SMART goal coach over free text and dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headway.domain.smart import (
    MAX_GOAL_LENGTH,
    GoalTextTooLong,
    SmartAnalysis,
    SmartContext,
    analyse_goal,
    format_report,
)

STATUSES = {"met", "partly", "missing", "unknown"}
FRAGMENTS = [
    "I want to", "become a", "nurse", "senior data analyst", "at Google", "in marketing",
    "don't", "not", "never", "by", "before", "within", "in", "the next", "every", "per week",
    "3", "0", "12", "99999", "2027", "1999", "10,000", "3.5", "$", "%", "years", "months",
    "weeks", "days", "June", "may", "Feb 29", "Q3", "fall", "winter", "next", "this",
    "end of", "mid-2027", "FY27", "'27", "12/31/2027", "2027-02-30", "31/02/2027",
    "by Christmas", "before the career fair", "by graduation", "before I turn 30", "soon",
    "top 10", "Python 3", "GPA", "score", "on the GRE", "from 3 to 5", "double", "B2",
    "an A in", "weekly", "since", "ago", "last year", "for 2 years starting in March",
    "a couple of years", "within 999999999999 years", "by 9999", "\u2014", "\u2019",
    "\U0001f680", "<b>", "</b>", "\n", "\t", "\x00", ",", ".", ";", "(", ")",
]  # fmt: skip
goal_like = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join)
any_text = st.one_of(
    st.text(max_size=MAX_GOAL_LENGTH + 200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    goal_like,
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
contexts = st.one_of(
    st.none(),
    st.builds(
        SmartContext,
        vision_text=st.one_of(st.none(), st.text(max_size=80)),
        occupation_skills=st.lists(st.text(max_size=20), max_size=4),
        occupation_job_zone=st.one_of(st.none(), st.integers(1, 5)),
        current_job_zone=st.one_of(st.none(), st.integers(1, 5)),
        hours_per_week=st.one_of(st.none(), st.floats(0, 100)),
        events=st.lists(st.tuples(st.text(max_size=20), days), max_size=3),
        target_date=st.one_of(st.none(), days),
    ),
)


def check_well_formed(text: str, a: SmartAnalysis) -> None:
    assert a.verdict in {"smart", "partly_smart", "not_smart"}
    for c in a.criteria:
        assert c.status in STATUSES
        assert c.explanation
        for e in c.evidence:
            if e.start is None:
                assert e.end is None and e.field
            else:
                assert e.end is not None and 0 <= e.start <= e.end <= len(text)
                assert text[e.start : e.end] == e.text
    for m in a.metrics:
        assert m.start is not None and m.end is not None
        assert text[m.start : m.end] == m.text
    for entity in a.entities:
        assert text[entity.start : entity.end] == entity.text
    if a.deadline is not None and a.deadline.start is not None:
        assert text[a.deadline.start : a.deadline.end] == a.deadline.phrase
    assert isinstance(a.rewrite, str)
    assert isinstance(format_report(a), str)
    a.as_dict()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, today=days, context=contexts)
def test_any_text_gives_a_well_formed_result_or_too_long(
    text: str, today: date, context: SmartContext | None
) -> None:
    try:
        a = analyse_goal(text, today=today, context=context)
    except GoalTextTooLong:
        assert len(text) > MAX_GOAL_LENGTH
        return
    assert len(text) <= MAX_GOAL_LENGTH
    check_well_formed(text, a)


def test_ten_thousand_characters_are_refused() -> None:
    try:
        analyse_goal("goal " * 2000, today=date(2026, 11, 25))
    except GoalTextTooLong as error:
        assert str(MAX_GOAL_LENGTH) in str(error)
    else:
        raise AssertionError("a 10,000-character goal was accepted")


relative = st.builds(
    "{} {} {}".format,
    st.sampled_from(["within", "in", "over the next", "within the next", "for the next"]),
    st.one_of(st.integers(0, 400).map(str), st.sampled_from(["a", "one", "two", "twelve"])),
    st.sampled_from(["days", "weeks", "months", "years", "decades", "quarters"]),
) | st.sampled_from(
    [
        "this year", "next year", "by the end of the month", "next month", "this quarter",
        "next quarter", "by June", "before June", "by next summer", "this winter", "by Friday",
        "next Friday", "by the end of the semester", "this school year", "tomorrow", "today",
        "by Christmas", "before December 15", "by the end of the decade", "by Q1", "by fall",
        "in the next year", "two years from now",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    phrase=relative,
    today=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
)
def test_relative_deadlines_are_never_before_today(phrase: str, today: date) -> None:
    a = analyse_goal(f"Become a registered nurse {phrase}", today=today)

    assert a.deadline is not None
    assert a.deadline.kind == "relative"
    assert a.deadline.on >= today


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(1900, 2199),
    month=st.integers(1, 12),
    today=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
)
def test_absolute_month_deadlines_resolve_to_the_last_day_of_the_month(
    year: int, month: int, today: date
) -> None:
    name = date(2000, month, 1).strftime("%B")
    a = analyse_goal(f"Become a registered nurse by {name} {year}", today=today)

    assert a.deadline is not None
    assert (a.deadline.on.year, a.deadline.on.month) == (year, month)
    assert (a.deadline.on + timedelta(days=1)).month != month
    assert a.time_bound.status == ("met" if a.deadline.on >= today else "partly")
