"""The plan's rules, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from headway.domain import months as months_
from headway.domain import planning
from headway.domain.ics import CalendarEvent, build_calendar
from headway.domain.planning import FocusLimitReached, PlanRuleError

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
TODAY = date(2026, 3, 10)


# Review dates


@given(DAYS, st.sampled_from(planning.CADENCES))
def test_the_next_review_always_falls_after_the_last(day: date, cadence: str) -> None:
    following = planning.next_review_on(cadence, day)
    gap = (following - day).days
    expected = {"weekly": (7, 7), "biweekly": (14, 14), "monthly": (28, 31), "quarterly": (89, 92)}
    low, high = expected[cadence]
    assert low <= gap <= high


@given(DAYS, st.integers(min_value=-240, max_value=240))
def test_adding_months_keeps_the_day_or_the_month_end(day: date, months: int) -> None:
    moved = months_.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + timedelta(days=1)).day == 1)


def test_a_monthly_review_from_the_31st_lands_on_the_last_day_of_a_short_month() -> None:
    assert planning.next_review_on("monthly", date(2026, 1, 31)) == date(2026, 2, 28)
    assert planning.next_review_on("monthly", date(2028, 1, 31)) == date(2028, 2, 29)
    assert planning.next_review_on("quarterly", date(2026, 11, 30)) == date(2027, 2, 28)


def test_an_unknown_cadence_is_refused() -> None:
    with pytest.raises(PlanRuleError) as error:
        planning.next_review_on("daily", TODAY)
    assert error.value.field == "review_cadence"


# Overdue


@given(DAYS, DAYS, st.booleans())
def test_only_an_undone_item_dated_before_today_is_overdue(
    due: date, today: date, done: bool
) -> None:
    assert planning.is_overdue(due, today, done=done) == (not done and due < today)


@given(DAYS, DAYS)
def test_due_words_say_overdue_exactly_when_it_is(due: date, today: date) -> None:
    words = planning.describe_due(due, today)
    assert ("overdue" in words) == (due < today)


def test_due_words_read_naturally() -> None:
    assert planning.describe_due(TODAY, TODAY) == "due today"
    assert planning.describe_due(TODAY + timedelta(days=1), TODAY) == "due tomorrow"
    assert planning.describe_due(TODAY + timedelta(days=5), TODAY) == "due in 5 days"
    assert planning.describe_due(TODAY - timedelta(days=1), TODAY) == "1 day overdue"
    assert planning.describe_due(TODAY - timedelta(days=9), TODAY) == "9 days overdue"


# Progress


def test_metric_progress_measures_the_way_from_baseline_to_target() -> None:
    assert planning.metric_progress(10, 20, 15) == 50
    assert planning.metric_progress(10, 20, 25) == 100
    assert planning.metric_progress(10, 20, 5) == 0
    assert planning.metric_progress(Decimal("0.1"), Decimal("0.4"), Decimal("0.4")) == 100


def test_metric_progress_counts_a_decrease_towards_a_lower_target() -> None:
    assert planning.metric_progress(40, 10, 25, "decrease") == 50
    assert planning.metric_progress(40, 10, 50, "decrease") == 0


@given(
    st.decimals(min_value=-1000, max_value=1000, places=2),
    st.decimals(min_value=-1000, max_value=1000, places=2),
    st.decimals(min_value=-5000, max_value=5000, places=2),
)
def test_metric_progress_stays_between_0_and_100(b: Decimal, t: Decimal, c: Decimal) -> None:
    direction = "increase" if t >= b else "decrease"
    assert 0 <= planning.metric_progress(b, t, c, direction) <= 100


def test_the_metric_wins_over_milestones() -> None:
    progress = planning.goal_progress(
        milestones_done=3, milestones_total=3, baseline=0, target=10, current=2
    )
    assert progress == planning.Progress(20, "metric")


def test_without_a_metric_progress_follows_milestones() -> None:
    assert planning.goal_progress(milestones_done=1, milestones_total=3).percent == 33
    assert planning.goal_progress(milestones_done=0, milestones_total=0).source == "none"
    assert planning.goal_progress(milestones_done=0, milestones_total=0).percent is None


def test_a_metric_without_a_current_value_starts_at_its_baseline() -> None:
    assert (
        planning.goal_progress(milestones_done=0, milestones_total=0, baseline=5, target=10).percent
        == 0
    )


# Goal rules


def test_an_empty_statement_is_refused_with_a_message() -> None:
    with pytest.raises(PlanRuleError) as error:
        planning.check_statement("   \n ")
    assert error.value.field == "statement"
    assert "cannot be empty" in error.value.message


@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_a_statement_is_trimmed_and_kept(text: str) -> None:
    kept = planning.check_statement(text)
    assert kept == " ".join(text.split())


def test_a_target_below_the_baseline_is_refused_unless_the_goal_reduces() -> None:
    with pytest.raises(PlanRuleError) as error:
        planning.check_metric(10, 5, "hours", "increase")
    assert error.value.field == "metric_target"
    assert "below the baseline" in error.value.message
    assert "Decrease" in error.value.message
    planning.check_metric(10, 5, "hours", "decrease")


def test_a_reducing_goal_with_a_higher_target_is_refused() -> None:
    with pytest.raises(PlanRuleError, match="above the baseline"):
        planning.check_metric(10, 15, "cigarettes", "decrease")


def test_a_half_filled_metric_is_refused() -> None:
    with pytest.raises(PlanRuleError) as error:
        planning.check_metric(10, None, "hours", "increase")
    assert error.value.field == "metric_target"
    with pytest.raises(PlanRuleError) as error:
        planning.check_metric(None, 5, "", "increase")
    assert error.value.field == "metric_baseline"
    planning.check_metric(None, None, "  ", "increase")


def test_a_target_equal_to_the_baseline_measures_nothing() -> None:
    with pytest.raises(PlanRuleError, match="equals the baseline"):
        planning.check_metric(3, 3, "talks", "increase")


def test_a_past_target_date_is_refused() -> None:
    with pytest.raises(PlanRuleError, match="in the past"):
        planning.check_target_date(TODAY - timedelta(days=1), TODAY)
    planning.check_target_date(TODAY, TODAY)


def test_a_target_date_before_a_milestone_is_refused() -> None:
    with pytest.raises(PlanRuleError, match="A milestone is due on 1 Jun 2026"):
        planning.check_target_date(date(2026, 5, 1), TODAY, last_milestone_on=date(2026, 6, 1))


def test_the_focus_limit_names_the_active_goals() -> None:
    planning.check_focus_limit(["A", "B"], 3)
    with pytest.raises(FocusLimitReached) as error:
        planning.check_focus_limit(["Learn SQL", "Ship a project", "Find a mentor"], 3)
    assert error.value.active == ["Learn SQL", "Ship a project", "Find a mentor"]
    assert "“Learn SQL”, “Ship a project” and “Find a mentor”" in error.value.message
    assert "Pause one" in error.value.message


def test_the_focus_limit_setting_stays_within_1_to_10_and_above_the_active_count() -> None:
    for bad in (0, 11):
        with pytest.raises(PlanRuleError):
            planning.check_focus_limit_setting(bad, 0)
    with pytest.raises(PlanRuleError, match="pause 2 of them"):
        planning.check_focus_limit_setting(2, 4)
    planning.check_focus_limit_setting(4, 4)


def test_the_matrix_puts_each_goal_in_one_quadrant() -> None:
    assert planning.matrix_quadrant(3, 1) == "quick-wins"
    assert planning.matrix_quadrant(3, 3) == "major-projects"
    assert planning.matrix_quadrant(1, 1) == "fill-ins"
    assert planning.matrix_quadrant(1, 3) == "time-sinks"
    assert planning.matrix_quadrant(2, 2) == "major-projects"


# Milestones and actions


@given(DAYS, DAYS, DAYS)
def test_a_milestone_date_is_accepted_only_between_today_and_the_target(
    due: date, today: date, target: date
) -> None:
    try:
        planning.check_milestone_due(due, today, target)
        accepted = True
    except PlanRuleError as error:
        accepted = False
        assert error.field == "due_on"
    assert accepted == (today <= due <= target)


def test_milestone_messages_say_what_is_wrong() -> None:
    with pytest.raises(PlanRuleError, match="is in the past"):
        planning.check_milestone_due(date(2026, 3, 1), TODAY, date(2026, 12, 1))
    with pytest.raises(PlanRuleError, match="after the goal's target date"):
        planning.check_milestone_due(date(2027, 1, 1), TODAY, date(2026, 12, 1))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/x", "javascript:alert(1)", "example.org", "http://", "mailto:a@b"]
)
def test_only_web_links_are_accepted(url: str) -> None:
    with pytest.raises(PlanRuleError, match="http:// or https://"):
        planning.check_link(url)


def test_web_links_and_no_link_are_accepted() -> None:
    assert planning.check_link(" https://example.org/course ") == "https://example.org/course"
    assert planning.check_link("") == ""


def test_money_needs_a_currency_and_no_minus() -> None:
    assert planning.check_money(10, "eur", field="c", currency_field="cc") == "EUR"
    with pytest.raises(PlanRuleError, match="currency"):
        planning.check_money(10, "", field="c", currency_field="cc")
    with pytest.raises(PlanRuleError, match="three-letter"):
        planning.check_money(10, "euro", field="c", currency_field="cc")
    with pytest.raises(PlanRuleError, match="negative"):
        planning.check_money(-1, "EUR", field="c", currency_field="cc")


def test_a_salary_range_runs_low_to_high() -> None:
    planning.check_salary_range(50000, 70000)
    planning.check_salary_range(None, 70000)
    with pytest.raises(PlanRuleError) as error:
        planning.check_salary_range(80000, 70000)
    assert error.value.field == "salary_max"


# Versions


def test_a_diff_lists_changed_fields_in_order() -> None:
    labels = {"statement": "Statement", "target_date": "Target date", "status": "Status"}
    old = {"statement": "Learn SQL", "target_date": "2026-06-01", "status": "active"}
    new = {"statement": "Learn SQL", "target_date": "2026-09-01", "status": "paused"}
    changes = planning.diff_snapshots(old, new, labels)
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("target_date", "2026-06-01", "2026-09-01"),
        ("status", "active", "paused"),
    ]
    assert planning.diff_snapshots(old, old, labels) == []


def test_a_word_diff_marks_removed_and_added_words() -> None:
    segments = planning.diff_words("Learn SQL by June", "Learn Python by June")
    assert ("delete", "SQL") in segments
    assert ("insert", "Python") in segments


@given(st.text(max_size=60), st.text(max_size=60))
def test_a_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    segments = planning.diff_words(old, new)
    assert "".join(t for k, t in segments if k != "insert") == old
    assert "".join(t for k, t in segments if k != "delete") == new


# Reminders


def test_a_milestone_reminds_when_close_then_once_more_when_late() -> None:
    due = date(2026, 3, 13)
    kind = planning.milestone_reminder_kind
    assert kind(due, date(2026, 3, 9), done=False) is None
    assert kind(due, date(2026, 3, 10), done=False) == planning.REMINDER_MILESTONE_SOON
    assert kind(due, date(2026, 3, 13), done=False) == planning.REMINDER_MILESTONE_SOON
    assert kind(due, date(2026, 3, 14), done=False) == planning.REMINDER_MILESTONE_OVERDUE
    assert kind(due, date(2026, 3, 14), done=True) is None


@given(DAYS, DAYS)
def test_a_review_is_due_from_its_date_on(next_review: date, today: date) -> None:
    assert planning.review_reminder_due(next_review, today) == (next_review <= today)
    assert not planning.review_reminder_due(None, today)


# Calendar


def test_the_calendar_parses_back_with_stable_uids_and_all_day_dates() -> None:
    stamp = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    events = [
        CalendarEvent("milestone-1@h", date(2026, 4, 1), "Finish the course; then, rest"),
        CalendarEvent("goal-review-2@h", date(2026, 3, 20), "Review: Learn SQL", url="https://h/x"),
    ]
    first = build_calendar(events, name="Headway", stamp=stamp)
    again = build_calendar(list(reversed(events)), name="Headway", stamp=stamp)
    assert first == again
    calendar = Calendar.from_ical(first)
    parsed = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(parsed) == {"milestone-1@h", "goal-review-2@h"}
    milestone = parsed["milestone-1@h"]
    assert milestone.decoded("DTSTART") == date(2026, 4, 1)
    assert milestone.decoded("DTEND") == date(2026, 4, 2)
    assert str(milestone["SUMMARY"]) == "Finish the course; then, rest"


def test_the_calendar_refuses_a_naive_stamp() -> None:
    with pytest.raises(ValueError, match="aware"):
        build_calendar([], name="x", stamp=datetime(2026, 1, 1))


def test_the_roadmap_reaches_the_furthest_vision() -> None:
    assert planning.roadmap_end(TODAY, [5, 10]) == date(2036, 3, 10)
    assert planning.roadmap_end(TODAY, []) == date(2027, 3, 10)
    assert planning.roadmap_end(TODAY, [5], date(2040, 1, 1)) == date(2040, 1, 1)


def test_numbers_lose_trailing_zeros() -> None:
    assert planning.format_number(Decimal("12.50")) == "12.5"
    assert planning.format_number(Decimal("3.00")) == "3"
    assert planning.format_number(Decimal("1E+2")) == "100"
    assert planning.format_number(None) == ""


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (1, "informational interviews", "1 informational interview"),
        (2, "informational interviews", "2 informational interviews"),
        (Decimal("1.00"), "talks", "1 talk"),
        (1, "activities", "1 activity"),
        (1, "classes", "1 class"),
        (1, "kg", "1 kg"),
        (1, "hours of practice", "1 hour of practice"),
        (0, "talks", "0 talks"),
        (3, "", "3"),
    ],
)
def test_format_quantity_says_one_in_the_singular(value: object, unit: str, words: str) -> None:
    assert planning.format_quantity(value, unit) == words
