"""Examples for the SMART goal coach (src/headway/domain/smart)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from headway.domain.smart import (
    MAX_GOAL_LENGTH,
    CriterionResult,
    GoalTextTooLong,
    SmartAnalysis,
    SmartContext,
    analyse_goal,
    format_report,
    judge_smt,
    verdict_of,
)

TODAY = date(2026, 11, 25)


def analyse(text: str, today: date = TODAY, **context: object) -> SmartAnalysis:
    return analyse_goal(text, today=today, context=SmartContext(**context) if context else None)


def statuses(a: SmartAnalysis) -> tuple[str, str, str]:
    return a.specific.status, a.measurable.status, a.time_bound.status


# -- the seed pair ------------------------------------------------------------------------
def test_it_finds_nothing_smart_in_working_for_a_top_company() -> None:
    a = analyse("I want to work for a top company")

    assert statuses(a) == ("missing", "missing", "missing")
    assert a.verdict == "not_smart"
    assert a.deadline is None
    assert a.specific.fix


def test_it_reads_the_marketing_role_goal_as_specific_measurable_and_time_bound() -> None:
    text = "I want to work in a marketing role at a Fortune 500 company within the next 3 years"
    a = analyse(text)

    assert statuses(a) == ("met", "met", "met")
    assert a.verdict == "smart"
    assert a.deadline is not None
    assert a.deadline.on == date(2029, 11, 25)
    assert a.deadline.phrase == "within the next 3 years"
    assert a.deadline.kind == "relative"
    assert text[a.deadline.start : a.deadline.end] == "within the next 3 years"
    assert any(e.text == "marketing role" for e in a.specific.evidence)
    assert any(e.text == "Fortune 500 company" for e in a.specific.evidence)
    assert a.measurable.evidence[0].kind == "event"


def test_it_keeps_month_and_day_when_adding_years_from_february_29() -> None:
    text = "I want to work in a marketing role at a Fortune 500 company within the next 3 years"

    three = analyse(text, today=date(2028, 2, 29)).deadline
    four = analyse("Become a nurse within 4 years", today=date(2028, 2, 29)).deadline

    assert three is not None and three.on == date(2031, 2, 28)
    assert four is not None and four.on == date(2032, 2, 29)


# -- deadlines ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by March 31, 2027", date(2027, 3, 31)),
        ("by 31 March 2027", date(2027, 3, 31)),
        ("in Q3 2027", date(2027, 9, 30)),
        ("by Q2 '27", date(2027, 6, 30)),
        ("by fall 2027", date(2027, 11, 30)),
        ("by 2028", date(2028, 12, 31)),
        ("before 2028", date(2027, 12, 31)),
        ("by June", date(2027, 6, 30)),
        ("by next December", date(2027, 12, 31)),
        ("within the next 3 years", date(2029, 11, 25)),
        ("in 8 weeks", date(2027, 1, 20)),
        ("in six months", date(2027, 5, 25)),
        ("within a year", date(2027, 11, 25)),
        ("within 90 days", date(2027, 2, 23)),
        ("in two years' time", date(2028, 11, 25)),
        ("in the next couple of years", date(2028, 11, 25)),
        ("in 18 months", date(2028, 5, 25)),
        ("this quarter", date(2026, 12, 31)),
        ("by the end of the year", date(2026, 12, 31)),
        ("by the end of next year", date(2027, 12, 31)),
        ("by the end of the month", date(2026, 11, 30)),
        ("next month", date(2026, 12, 31)),
        ("next week", date(2026, 12, 6)),
        ("by Friday", date(2026, 11, 27)),
        ("by next summer", date(2027, 8, 31)),
        ("this winter", date(2027, 2, 28)),
        ("by mid-2027", date(2027, 6, 30)),
        ("by the end of the decade", date(2029, 12, 31)),
        ("every month in 2027", date(2027, 12, 31)),
        ("before Christmas 2027", date(2027, 12, 24)),
        ("before December 15", date(2026, 12, 14)),
        ("by 12/15/2026", date(2026, 12, 15)),
        ("by 2027-03-01", date(2027, 3, 1)),
        ("by septmber 2027", date(2027, 9, 30)),
        ("by Feburary", date(2027, 2, 28)),
        ("by the end of Q1", date(2027, 3, 31)),
        ("this school year", date(2027, 6, 30)),
    ],
)
def test_it_resolves_deadlines(phrase: str, expected: date) -> None:
    text = f"Get promoted to senior data analyst at my company {phrase}"
    a = analyse(text)

    assert a.time_bound.status == "met"
    assert a.deadline is not None
    assert a.deadline.on == expected
    assert phrase.split()[-1] in a.deadline.phrase


def test_it_takes_the_latest_of_several_deadlines() -> None:
    a = analyse("Earn my private pilot licence in 2027 and log 100 flight hours by December")

    assert a.deadline is not None and a.deadline.on == date(2027, 12, 31)
    assert len(a.time_bound.evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Since 2020 I have worked as a cashier; I want to become a store manager",
        "I graduated in 2021 and want to land a job as a civil engineer",
        "I have been a teacher for 10 years and want to become an instructional designer",
        "Upgrade our services to Python 3.12",
    ],
)
def test_it_does_not_take_past_or_version_numbers_for_deadlines(text: str) -> None:
    a = analyse(text)

    assert a.deadline is None
    assert a.time_bound.status == "missing"


def test_a_past_deadline_is_only_partly_time_bound_and_not_attainable() -> None:
    a = analyse("Become a registered nurse by March 2020")

    assert a.time_bound.status == "partly"
    assert a.deadline is not None and a.deadline.on == date(2020, 3, 31)
    assert a.attainable.status == "missing"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Become a manager someday", "someday"),
        ("Practice Spanish for 30 minutes every day", "every day"),
        ("Pay off my $18k student loan before I turn 30", "before I turn 30"),
        ("Finish my portfolio website by graduation", "by graduation"),
        ("Work as an ICU nurse for two years", "for two years"),
        ("Teach 3 yoga classes per week at a local studio starting in January", "per week"),
    ],
)
def test_vague_recurring_and_unresolved_times_are_partly_time_bound(text: str, cue: str) -> None:
    a = analyse(text)

    assert a.time_bound.status == "partly"
    assert a.deadline is None
    assert any(cue in e.text for e in a.time_bound.evidence)
    assert a.time_bound.fix


def test_it_resolves_a_deadline_tied_to_a_recorded_event() -> None:
    text = "Have my résumé reviewed by 2 recruiters before the career fair"
    fair = date(2027, 2, 3)

    without = analyse(text)
    with_event = analyse(text, events=[("Spring career fair", fair)])

    assert without.time_bound.status == "partly"
    assert with_event.time_bound.status == "met"
    assert with_event.deadline is not None
    assert with_event.deadline.kind == "event"
    assert with_event.deadline.on == date(2027, 2, 2)


def test_a_form_target_date_counts_as_time_bound_evidence_without_a_span() -> None:
    a = analyse("Get my first paid client for my bookkeeping business", target_date="2027-03-31")

    assert a.time_bound.status == "met"
    assert a.deadline is not None and a.deadline.kind == "form"
    assert a.deadline.on == date(2027, 3, 31) and a.deadline.start is None
    (evidence,) = a.time_bound.evidence
    assert evidence.field == "target_date" and evidence.start is None


def test_a_form_target_value_makes_a_direction_measurable() -> None:
    assert analyse("Increase my monthly revenue").measurable.status == "partly"
    a = analyse("Increase my monthly revenue", target_value=3500, metric_unit="USD")

    assert a.measurable.status == "met"
    assert a.measurable.evidence[0].field == "target_value"


# -- metrics ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "quantity", "unit"),
    [
        ("Increase sales by 15% by June", "percent", 15.0, "%"),
        ("Save $10,000 for my MBA", "money", 10000.0, "USD"),
        ("Earn £40k as a junior developer", "money", 40000.0, "GBP"),
        ("Graduate with a GPA of 3.5 or higher", "score", 3.5, "GPA"),
        ("Score 320 on the GRE", "score", 320.0, "GRE"),
        ("Go to the gym 3 times a week", "frequency", 3.0, "times/week"),
        ("Apply to 20 software engineering internships", "count", 20.0, "internship"),
        ("Grow my LinkedIn following to 5,000 followers", "count", 5000.0, "follower"),
        ("Reach B2 in German", "level", None, "CEFR"),
        ("Increase my typing speed to 80 wpm", "count", 80.0, "wpm"),
    ],
)
def test_it_reads_metrics(text: str, kind: str, quantity: float | None, unit: str) -> None:
    a = analyse(text)

    assert a.measurable.status == "met"
    metric = next(m for m in a.metrics if m.kind == kind)
    assert metric.quantity == quantity
    assert metric.unit == unit


def test_it_reads_a_baseline_and_a_target() -> None:
    a = analyse("Raise patient satisfaction scores on my unit from 78% to 85% by June")
    (metric,) = a.metrics

    assert (metric.baseline, metric.quantity, metric.direction) == (78.0, 85.0, "increase")
    assert metric.text == "from 78% to 85%"


@pytest.mark.parametrize(
    "text",
    [
        "Work at a top 10 tech company",
        "Learn Python 3",
        "Get a senior DevOps role that requires 5 years of experience",
        "Pass CFA Level I",
        "Complete a 12-week coding bootcamp",
        "Become head of engineering at a Series B startup",
    ],
)
def test_numbers_that_name_things_are_not_metrics(text: str) -> None:
    assert analyse(text).metrics == ()


def test_an_observable_event_or_credential_is_measurable_without_a_number() -> None:
    assert analyse("Become a registered nurse").measurable.status == "met"
    assert analyse("Get a certification").measurable.status == "met"
    assert analyse("Learn Python").measurable.status == "missing"
    assert analyse("Make more money").measurable.status == "partly"


@pytest.mark.parametrize(
    "text",
    [
        "Put together a showreel of my editing work",  # outcome verb + body of work
        "Stand up a data pipeline for the marketing team",
        "Turn my baking hobby into a business",  # the thing a hobby becomes
        "Close my first deal",  # a first result is an event
        "Get a seat on the board of a housing charity",
        "Get my Level 2 in plumbing",  # a numbered qualification level
        "me need job in hospital kitchen",  # a job wanted at a place, no verb of getting
        "Open a barbershop in my town",
    ],
)
def test_completed_outcomes_are_measurable_events(text: str) -> None:
    assert analyse(text).measurable.status == "met"


@pytest.mark.parametrize(
    "text",
    [
        "Give 110% at work",  # effort, not a measure
        "Hit the ground running as a new site engineer",
        "Take my catering business to the next level",
        "Get my podcast out there",
        "Look into becoming a dental nurse",  # explored, not yet the goal
        "Find something in the charity sector",  # no outcome named
        "Get comfortable with Windows and Office",
        "Feel more confident in client meetings",  # a feeling, not a quantity
    ],
)
def test_idioms_explorations_and_feelings_are_not_measurable(text: str) -> None:
    assert analyse(text).measurable.status == "missing"


@pytest.mark.parametrize(
    "text",
    ["Climb the career ladder at my bank", "Improve my German", "Improve team morale"],
)
def test_a_direction_without_a_number_is_partly_measurable(text: str) -> None:
    assert analyse(text).measurable.status == "partly"


def test_a_bare_ladder_idiom_names_no_direction() -> None:  # guards the ladder rule
    assert analyse("Climb the ladder").measurable.status == "missing"


def test_idioms_with_nothing_concrete_are_not_specific() -> None:
    assert analyse("Be a jack of all trades").specific.status == "missing"


# -- specific -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Become a data analyst", "met"),
        ("Pass the CPA exam", "met"),
        ("Learn Spanish", "met"),
        ("Become a manager", "partly"),
        ("Get a job in tech", "partly"),
        ("Improve my communication skills", "partly"),
        ("Be successful", "missing"),
    ],
)
def test_it_judges_specificity(text: str, status: str) -> None:
    assert analyse(text).specific.status == status


def test_it_ignores_what_a_goal_says_it_does_not_want() -> None:
    a = analyse("I don't want to work in retail anymore")
    assert statuses(a) == ("missing", "missing", "missing")
    assert "not want" in a.specific.explanation

    b = analyse("I do not want to become a manager, I want to become a principal engineer by 2029")
    assert statuses(b) == ("met", "met", "met")
    assert all("manager" not in e.text for e in b.entities)
    assert any(e.text == "principal engineer" for e in b.entities)


def test_it_tolerates_typos_in_roles_and_months() -> None:
    a = analyse("i want to be a sofware enginer at microsoft by septmber 2027")

    assert statuses(a) == ("met", "met", "met")
    assert a.deadline is not None and a.deadline.on == date(2027, 9, 30)


def test_evidence_spans_point_into_the_original_text() -> None:
    text = (
        "\U0001f680 I don\u2019t want retail \u2014 I\u2019d like a \u201cUX designer\u201d role"
        " at a fintech startup by June 2027 \U0001f4bc"
    )
    a = analyse(text)

    spans = [e for c in a.criteria for e in c.evidence if e.start is not None]
    assert spans
    for e in spans:
        assert text[e.start : e.end] == e.text
    for m in a.metrics:
        assert text[m.start : m.end] == m.text
    for entity in a.entities:
        assert text[entity.start : entity.end] == entity.text


# -- attainable and relevant --------------------------------------------------------------
def test_attainable_compares_the_step_in_job_zones_with_the_time_given() -> None:
    rushed = analyse(
        "Become a physician within 6 months",
        occupation_job_zone=5,
        current_job_zone=2,
    )
    planned = analyse(
        "Become an electrician within 4 years", occupation_job_zone=3, current_job_zone=1
    )

    assert rushed.attainable.status == "missing"
    assert planned.attainable.status == "met"
    assert rushed.verdict == "partly_smart"


def test_attainable_reads_the_current_level_from_education() -> None:
    a = analyse(
        "Become a lawyer within 2 years",
        occupation_job_zone=5,
        education_level="High school diploma",
    )
    assert a.attainable.status == "missing"


def test_attainable_compares_weekly_hours_with_the_hours_available() -> None:
    text = "Study 25 hours a week for the GRE until March"

    assert analyse(text, hours_per_week=10).attainable.status == "missing"
    assert analyse(text, hours_per_week=30).attainable.status == "met"


def test_attainable_asks_what_would_settle_it_when_it_cannot_judge() -> None:
    a = analyse("Become a data analyst")

    assert a.attainable.status == "unknown"
    assert a.attainable.fix is not None and "by when" in a.attainable.fix


def test_relevant_is_judged_against_the_vision_and_occupation_skills() -> None:
    nurse = {"vision_text": "Become a registered nurse", "occupation_skills": ["Patient care"]}
    analyst = {"vision_text": "Become a data analyst", "occupation_skills": ["SQL", "Tableau"]}

    assert analyse("Learn oil painting this spring", **nurse).relevant.status == "missing"
    assert analyse("Practice SQL 5 hours a week", **analyst).relevant.status == "met"
    unknown = analyse("Practice SQL 5 hours a week")
    assert unknown.relevant.status == "unknown"
    assert unknown.relevant.fix is not None and "vision" in unknown.relevant.fix


# -- verdict, rewrite, report, validation -------------------------------------------------
def _result(name: str, status: str) -> CriterionResult:
    return CriterionResult(name, status, "")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("s", "m", "a", "r", "t", "verdict"),
    [
        ("met", "met", "unknown", "unknown", "met", "smart"),
        ("met", "met", "partly", "met", "met", "smart"),
        ("met", "met", "missing", "met", "met", "partly_smart"),
        ("met", "met", "met", "missing", "met", "partly_smart"),
        ("met", "partly", "met", "met", "met", "partly_smart"),
        ("met", "missing", "met", "met", "partly", "not_smart"),
        ("partly", "partly", "met", "met", "partly", "not_smart"),
    ],
)
def test_the_verdict_rule(s: str, m: str, a: str, r: str, t: str, verdict: str) -> None:
    got = verdict_of(
        _result("specific", s),
        _result("measurable", m),
        _result("attainable", a),
        _result("relevant", r),
        _result("time_bound", t),
    )
    assert got == verdict


def test_the_rewrite_keeps_the_users_words_and_adds_placeholders() -> None:
    a = analyse("I want to work for a top company")

    assert a.rewrite.startswith("I want to work for a ")
    assert '[specific kind, not "top"]' in a.rewrite
    assert "[by a date, e.g. by 31 May 2027]" in a.rewrite
    assert "[measured by" in a.rewrite


def test_the_rewrite_leaves_a_smart_goal_as_written() -> None:
    text = "Pass the CPA exam by the end of next year."
    assert analyse(text).rewrite == text


def test_the_report_shows_every_criterion_and_the_deadline() -> None:
    report = format_report(analyse("Pass the CPA exam by the end of next year"))

    for name in ("Specific", "Measurable", "Attainable", "Relevant", "Time-bound"):
        assert name in report
    assert "2027-12-31" in report
    assert "Rewrite:   Pass the CPA exam by the end of next year (nothing to add)" in report


def test_the_report_asks_the_guides_questions_without_brackets() -> None:
    report = format_report(analyse("Become a manager"))
    assert "Ask:       Which role do you want, and where? (role, e.g. manager;" in report
    assert "Ask:       By when? (date, e.g. 2027-05-31, 2027-12-31)" in report
    assert "[" not in report.split("Names:")[-1].split("\n", 1)[-1]


def test_as_dict_gives_json_ready_primitives() -> None:
    a = analyse("Get my first client", target_date="2027-03-31", vision_text="Run a bakery")
    data = json.loads(json.dumps(a.as_dict()))

    assert data["today"] == "2026-11-25"
    assert data["deadline"]["on"] == "2027-03-31"
    assert set(data["criteria"]) == {
        "specific",
        "measurable",
        "attainable",
        "relevant",
        "time_bound",
    }


def test_judge_smt_agrees_with_the_full_analysis() -> None:
    text = "Earn the PMP certification within 6 months"
    s, m, t, deadline = judge_smt(text, today=TODAY)
    a = analyse(text)

    assert (s, m, t, deadline) == (a.specific, a.measurable, a.time_bound, a.deadline)


def test_over_long_goals_raise_a_clear_error() -> None:
    with pytest.raises(GoalTextTooLong, match=str(MAX_GOAL_LENGTH)) as caught:
        analyse("x" * (MAX_GOAL_LENGTH + 1))
    assert isinstance(caught.value, ValueError)
    assert analyse("x" * MAX_GOAL_LENGTH).verdict == "not_smart"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_goals_give_everything_missing(text: str) -> None:
    a = analyse(text)

    assert {c.status for c in a.criteria} == {"missing"}
    assert a.verdict == "not_smart"
    assert "[by a date" in a.rewrite


# -- wording seen in goals written by others ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Move into design before the end of 2027", date(2027, 12, 31)),
        ("Pass the exam before end of 2028", date(2028, 12, 31)),
        ("Hire a second baker by March next year", date(2027, 3, 31)),
        ("Start the LLM in September of next year", date(2027, 9, 30)),
    ],
)
def test_it_resolves_deadlines_written_other_ways(text: str, expected: date) -> None:
    a = analyse(text)

    assert a.deadline is not None and a.deadline.on == expected


def test_a_possessive_period_names_an_event_not_a_deadline() -> None:
    a = analyse("Get promoted to Staff Engineer before next year's performance cycle")

    assert a.time_bound.status == "partly"
    assert a.deadline is None


def test_the_length_of_a_course_is_a_duration_that_ends_with_its_start() -> None:
    assert analyse("Complete a 12-week coding bootcamp").time_bound.status == "partly"
    a = analyse("Complete the 12-week UX bootcamp starting in March", today=date(2027, 2, 10))

    assert a.time_bound.status == "met"
    assert a.deadline is not None and a.deadline.on == date(2027, 6, 1)
    assert analyse("Get a 4-year degree").time_bound.status == "missing"


@pytest.mark.parametrize(
    "text",
    [
        "Become an HGV driver",
        "Become a self-employed plasterer",
        "Finish my BSc in Nursing",
        "Get my 6G welding certification",
        "Land a junior dev job",
        "Pass the SQE",
    ],
)
def test_it_knows_trades_degrees_and_credentials_beyond_the_office(text: str) -> None:
    assert statuses(analyse(text))[:2] == ("met", "met")


def test_a_verbless_role_is_measurable_but_a_wish_about_it_is_not() -> None:
    assert analyse("Mid-2028: senior data analyst role in the NHS").measurable.status == "met"
    assert analyse("I don't want to be a data analyst").measurable.status == "missing"


def test_a_direction_towards_zero_sets_a_measure() -> None:
    a = analyse("Reduce workplace injuries at our plant to zero by 2028")

    assert a.measurable.status == "met"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Volunteer at the food bank every Saturday", "every Saturday"),
        ("Teach guitar at the community centre on Sundays", "on Sundays"),
        ("My son wants to be an electrician by the time he is 22", "he is 22"),
        ("She hopes to qualify as a vet before she's 30", "she's 30"),
        ("get my gas safe registration by the time im 21", "im 21"),
        ("Be earning 50k as a quantity surveyor by my 30th", "my 30th"),
        ("Get my CDL within 3 months of leaving the Army", "of leaving"),
        ("Become a cyber analyst within 12 months of discharge", "of discharge"),
        ("Work on my bakery until it takes off", "until it takes"),
    ],
)
def test_repetition_ages_and_unrecorded_anchors_are_partly_time_bound(text: str, cue: str) -> None:
    a = analyse(text)

    assert a.time_bound.status == "partly"
    assert a.deadline is None
    assert any(cue in e.text for e in a.time_bound.evidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Become a UX designer in the next 12-18 months", date(2028, 5, 25)),
        ("Qualify as a chartered accountant in 3 and a half years", date(2030, 5, 25)),
        ("Send my CV to 15 dental practices within the next fortnight", date(2026, 12, 9)),
        ("My goal for the year ahead: 50 published posts", date(2027, 11, 25)),
        ("Apply to 10 labs for summer placements before the end of January", date(2027, 1, 31)),
    ],
)
def test_it_resolves_ranges_halves_fortnights_and_the_year_ahead(text: str, expected: date) -> None:
    a = analyse(text)

    assert a.time_bound.status == "met"
    assert a.deadline is not None and a.deadline.on == expected


def test_a_time_inside_a_negated_clause_is_not_a_deadline() -> None:
    a = analyse("I don't want to be stuck in the same job in 5 years")

    assert a.time_bound.status == "missing"
    assert a.deadline is None


def test_a_post_that_starts_on_a_date_is_due_then_but_a_course_is_not() -> None:
    a = analyse("Get a teaching job at a primary school in Glasgow, starting August 2027")

    assert a.time_bound.status == "met"
    assert a.deadline is not None and a.deadline.on == date(2027, 8, 31)
    assert analyse("Do a master's in public policy starting in 2027").time_bound.status == "partly"


def test_gig_platforms_seeking_and_returning_to_work_are_understood() -> None:
    gig = analyse("Hit 4.9 stars and 1,000 deliveries on Deliveroo by the end of March")

    assert statuses(gig) == ("met", "met", "met")
    assert analyse("Seeking a junior data analyst position in fintech").measurable.status == "met"
    back = analyse("Get back into the workforce after raising my kids")
    assert (back.specific.status, back.measurable.status) == ("partly", "met")


# -- idioms, fields at a place, gig work, seats ------------------------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Make a name for myself in the wedding photography scene by 2028", "partly"),
        ("Hit the ground running in my new role as a site manager", "partly"),
        ("Hit the ground running at my new job", "missing"),
        ("Climb the corporate ladder", "missing"),
        ("Climb the ladder at Deloitte", "partly"),
        ("Find work-life balance", "missing"),
    ],
)
def test_career_idioms_are_read_by_what_they_mean(text: str, status: str) -> None:
    assert analyse(text).specific.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Work in digital marketing for a charity by next summer", "met"),
        ("Looking to break into UX writing at a SaaS company in 2027", "met"),
        ("Work in marketing", "partly"),
        ("Break into UX", "partly"),
    ],
)
def test_a_field_entered_at_a_named_kind_of_place_is_specific(text: str, status: str) -> None:
    assert analyse(text).specific.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Drive for DoorDash on weekends", "met"),
        ("Pick up 3 extra TaskRabbit jobs per week through December", "met"),
        ("Get a seat on the board of a local charity by 2028", "met"),
        ("Get a seat on my union's branch committee at the AGM in March", "met"),
        ("Get a tenure-track job", "met"),
        ("Get my foot in the door at a publishing house", "partly"),
        ("Get certified in something", "partly"),
        ("Find a job where I can use my Spanish", "partly"),
    ],
)
def test_gig_work_seats_and_placeholders_are_judged_by_what_they_name(
    text: str, status: str
) -> None:
    assert analyse(text).specific.status == status


# -- messy forms --------------------------------------------------------------------------
MESSY_TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "kind", "quantity"),
    [
        ("Make 100k a year as a nurse", "amount", 100_000.0),
        ("Get to 1M streams on my EP", "amount", 1_000_000.0),
        ("Cycle 3km to work", "distance", 3.0),
        ("Bench 100kg at the gym", "weight", 100.0),
        ("land a 70k+ job in cybersecurity", "amount", 70_000.0),
    ],
)
def test_a_number_with_a_unit_suffix_is_a_measure(text: str, kind: str, quantity: float) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.measurable.status == "met"
    assert any(m.kind == kind and m.quantity == quantity for m in a.metrics)


def test_a_retirement_plan_is_not_an_amount() -> None:
    assert not analyse("Max out my 401k", MESSY_TODAY).metrics


@pytest.mark.parametrize(
    "text",
    [
        "Be more organised at work (confidence 8/10)",
        "Be more organised at work. How confident am I? 8/10",
        "Be more organised at work, 90% confident",
        "Be more organised at work - I'd rate my chances 7/10",
        "Be more organised at work, 60% sure about it",
    ],
)
def test_a_confidence_rating_is_not_the_measure(text: str) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.metrics == ()
    assert a.measurable.status == "missing"


def test_a_confidence_rating_leaves_the_real_measure_alone() -> None:
    a = analyse("Pass the PMP exam by May (90% confident)", MESSY_TODAY)
    assert a.measurable.status == "met"
    assert all("%" not in e.text for e in a.measurable.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Go to the Python meetup on Wednesday evenings",
        "Practise Spanish on Tuesday and Thursday mornings",
        "Study for the real estate licence on weekday evenings",
        "Volunteer at the food bank on Saturdays",
        "Call one old colleague in logistics every Friday",
        "Walk 5km every lunch break",
    ],
)
def test_a_weekday_habit_repeats_rather_than_falls_due(text: str) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.time_bound.status == "partly"
    assert a.deadline is None
    assert any(m.kind == "frequency" for m in a.metrics)


def test_a_named_weekday_with_a_date_is_still_a_deadline() -> None:
    a = analyse("Do a mock interview with the careers service on Monday 14 December", MESSY_TODAY)
    assert a.deadline is not None and a.deadline.on == date(2026, 12, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Get an A in AP Chemistry by the end of junior year",
        "Land a finance internship before sophomore year",
        "Finish my dissertation by my final semester",
        "Pass my A-levels by the end of year 13",
        "Study abroad in Spain in my third year",
        "Finish my thesis in the last semester of my masters",
        "Get into med school after junior year",
        "By senior year I want to have 3 marketing internships",
    ],
)
def test_a_school_period_without_its_calendar_is_an_undated_event(text: str) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.time_bound.status == "partly"
    assert a.deadline is None


def test_saying_which_school_year_you_are_in_is_not_a_time() -> None:
    a = analyse("i want to study mechanical engineering, i am in year 11 now", MESSY_TODAY)
    assert a.time_bound.status == "missing"


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Get hired as a junior web developer by fall next year", date(2027, 11, 30)),
        ("Start my nursing degree by autumn next year", date(2027, 11, 30)),
        ("Get my real estate license by spring of next year", date(2027, 5, 31)),
    ],
)
def test_a_season_next_year_ends_with_the_season(text: str, on: date) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.deadline is not None and a.deadline.on == on


@pytest.mark.parametrize(
    "text",
    [
        "Walk 10,000 steps a day",
        "Swim 40 lengths twice a week",
        "Run a 10k race in under 50 minutes",
        "Do yoga twice a week to stay calm during tax season",
        "Sleep 7 hours a night so I can focus on my night shifts",
        "Lose 10kg before my army medical",
    ],
)
def test_a_habit_with_its_amount_or_frequency_is_specific(text: str) -> None:
    a = analyse(text, MESSY_TODAY)
    assert a.specific.status == "met"
    assert a.specific.evidence[0].kind == "habit"
    assert text[a.specific.evidence[0].start : a.specific.evidence[0].end]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Get in shape", "missing"),
        ("Be healthier", "missing"),
        ("Write 1000 words a day", "missing"),
    ],
)
def test_a_habit_without_an_activity_and_amount_stays_unspecific(text: str, status: str) -> None:
    assert analyse(text, MESSY_TODAY).specific.status == status


def test_a_habit_does_not_weaken_career_goals() -> None:
    a = analyse("Run 3 workshops a month for new hires at the bank", MESSY_TODAY)
    assert a.specific.status == "met"
    assert analyse("Apply to 10 jobs a week", MESSY_TODAY).specific.status == "partly"


@pytest.mark.parametrize(
    ("text", "specific", "measurable"),
    [
        ("Follow my manager's advice", "missing", "missing"),
        ("Follow in my father's footsteps and become an electrician", "met", "met"),
        ("Be a leader", "partly", "missing"),
        ("Become a better leader", "partly", "missing"),
        ("Get promoted to team leader at the call centre", "met", "met"),
        ("Apply for jobs soon", "partly", "partly"),
        ("Apply to 8 nursing programs", "met", "met"),
    ],
)
def test_advice_leadership_and_applying_are_read_for_what_they_commit_to(
    text: str, specific: str, measurable: str
) -> None:
    a = analyse(text, MESSY_TODAY)
    assert (a.specific.status, a.measurable.status) == (specific, measurable)


@pytest.mark.parametrize(
    ("text", "specific", "measurable"),
    [
        (
            "I'm a cashier at Tesco and want to become a store manager there by 2028",
            ["store manager"],
            ["become a store manager"],
        ),
        (
            "I work as a receptionist but I want to be a dental hygienist within 3 years",
            ["dental hygienist"],
            ["be a dental hygienist"],
        ),
        (
            "As a teacher with a masters degree, I want to become a deputy head by 2030",
            ["deputy head"],
            ["become a deputy head"],
        ),
        ("Currently a barista. Goal: open my own coffee roastery", ["coffee roastery"], None),
    ],
)
def test_evidence_cites_the_goal_not_the_job_or_degree_already_held(
    text: str, specific: list[str], measurable: list[str] | None
) -> None:
    a = analyse(text, MESSY_TODAY)
    assert [e.text for e in a.specific.evidence] == specific
    if measurable is not None:
        assert [e.text for e in a.measurable.evidence] == measurable


def test_serving_as_a_role_is_still_the_goal() -> None:
    a = analyse("Serve as a squad leader in the Marine Corps by 2028", MESSY_TODAY)
    assert "squad leader" in [e.text for e in a.specific.evidence]
