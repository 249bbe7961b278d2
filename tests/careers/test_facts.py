"""Pay figures keep BLS's markers, and a salary is placed among the published percentiles."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from headway.careers.facts import (
    PayFigure,
    estimate_percentile,
    ordinal,
    pay_place,
    wage_table,
)

TOP = Decimal("239200")
SOFTWARE = {
    "mean": "144570",
    "p10": "79850",
    "p25": "103050",
    "median": "133080",
    "p75": "169000",
    "p90": "211450",
}
CHIEF = {**SOFTWARE, "p75": "#", "p90": "#"}


def test_it_shows_top_coded_wages_as_at_least_the_top_code() -> None:
    figure = PayFigure.parse("#", TOP, hourly=False)
    assert figure.amount is None
    assert figure.text == "≥ $239,200"
    assert "top code" in figure.explanation


def test_it_never_turns_a_missing_wage_into_a_number() -> None:
    for marker in ("*", "**"):
        figure = PayFigure.parse(marker, TOP, hourly=True)
        assert figure.amount is None
        assert figure.text == "not published"
        assert figure.chart_value is None
        assert marker in figure.explanation


def test_it_shows_hourly_wages_with_cents() -> None:
    assert PayFigure.parse("63.98", None, hourly=True).text == "$63.98"
    assert PayFigure.parse("133080", None, hourly=False).text == "$133,080"


def test_it_interpolates_a_salary_between_published_percentiles() -> None:
    table = wage_table(SOFTWARE, TOP, hourly=False)
    words, estimate = estimate_percentile(Decimal("150000"), table)
    assert estimate == 60
    assert words == "around the 60th percentile"
    assert estimate_percentile(Decimal("133080"), table)[1] == 50


def test_it_says_below_and_above_beyond_the_published_range() -> None:
    table = wage_table(SOFTWARE, TOP, hourly=False)
    assert estimate_percentile(Decimal("20000"), table) == ("below the 10th percentile", None)
    assert estimate_percentile(Decimal("230000"), table) == ("above the 90th percentile", None)


def test_it_does_not_guess_within_top_coded_percentiles() -> None:
    table = wage_table(CHIEF, TOP, hourly=False)
    words, estimate = estimate_percentile(Decimal("250000"), table)
    assert estimate is None
    assert "75th percentile" in words and "$239,200 or more" in words


def test_it_compares_only_salaries_in_us_dollars() -> None:
    table = wage_table(SOFTWARE, TOP, hourly=False)
    euro = pay_place(Decimal("90000"), "EUR", table, occupation_title="Software Developers")
    assert "not compared" in euro.words and euro.percentile is None
    dollars = pay_place(Decimal("150000"), "USD", table, occupation_title="Software Developers")
    assert dollars.words.startswith("Your target of $150,000 a year is around the 60th")
    assert dollars.chart is not None and "Your target" in dollars.chart


def test_it_says_when_no_pay_is_published() -> None:
    table = wage_table(dict.fromkeys(SOFTWARE, "*"), TOP, hourly=False)
    place = pay_place(Decimal("50000"), "", table, occupation_title="Actors")
    assert place.chart is None
    assert "publishes no national annual pay" in place.words


@given(st.integers(min_value=0, max_value=400_000))
def test_an_estimate_always_lies_between_its_neighbours(salary: int) -> None:
    table = wage_table(SOFTWARE, TOP, hourly=False)
    words, estimate = estimate_percentile(Decimal(salary), table)
    if estimate is None:
        assert words.startswith(("below the 10th", "above the 90th"))
    else:
        assert 10 <= estimate <= 90 and estimate % 5 == 0


def test_it_writes_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 50, 75)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "50th",
        "75th",
    ]
