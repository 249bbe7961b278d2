from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.domain.charts import (
    AtLeast,
    TimelineMilestone,
    TimelineRow,
    escape_text,
    format_day,
    format_money,
    hexagon_svg,
    line_chart_svg,
    progress_bar_svg,
    range_bar_svg,
    timeline_svg,
)

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert("x")</script> & <b onload="evil()">\x00\x1b'
PROFILE = {"R": 2.0, "I": 6.1, "A": 5.2, "S": 3.3, "E": 2.4, "C": 1.8}
PAY = {10: 41_000.0, 25: 52_000.0, 50: 68_500.0, 75: 90_000.0, 90: 121_000.0}
TODAY = date(2025, 5, 15)


def parse(svg: str) -> ET.Element:
    """Parse a chart and check what every chart promises."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("width") is None and root.get("height") is None
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"{NS}title").get("id") == title_id  # type: ignore[union-attr]
    assert root.find(f"{NS}desc").get("id") == desc_id  # type: ignore[union-attr]
    for element in root.iter():
        assert element.tag not in {f"{NS}script", f"{NS}style", f"{NS}foreignObject"}
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
    return root


def title(root: ET.Element) -> str:
    return root.findtext(f"{NS}title") or ""


def desc(root: ET.Element) -> str:
    return root.findtext(f"{NS}desc") or ""


def all_text(root: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in root.iter(f"{NS}text"))


def with_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def test_it_escapes_markup_and_drops_characters_xml_cannot_hold() -> None:
    assert escape_text('<a href="x">&</a>\x00') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def test_the_hexagon_labels_six_axes_and_states_the_numbers() -> None:
    root = parse(hexagon_svg(PROFILE, 7, title="Your interests", min_value=1))
    assert title(root) == "Your interests"
    for name, number in [("Realistic", "2"), ("Investigative", "6.1"), ("Conventional", "1.8")]:
        assert f"{name} {number}" in desc(root)
        assert name in all_text(root)
    assert "scale of 1 to 7" in desc(root)
    assert len(with_class(root, "chart-series-1")) == 7
    assert not with_class(root, "chart-series-2")


def test_the_hexagon_overlays_a_second_profile_with_a_legend() -> None:
    compare = {"R": 3.1, "I": 5.5, "A": 2.0, "S": 2.6, "E": 3.2, "C": 4.9}
    svg = hexagon_svg(PROFILE, 7, compare, min_value=1, series_names=("You", "Data scientists"))
    root = parse(svg)
    assert len(with_class(root, "chart-series-2")) == 7
    assert "Data scientists: Realistic 3.1" in desc(root)
    assert "Data scientists" in all_text(root)
    dashed = with_class(root, "chart-series-2")[0]
    assert dashed.get("stroke-dasharray")


def test_the_hexagon_keeps_out_of_range_scores_inside_and_names_missing_ones() -> None:
    root = parse(hexagon_svg({**PROFILE, "R": 99.0, "A": None, "S": math.nan}, 7))
    assert "Realistic 99" in desc(root)
    assert "Artistic not available" in desc(root)
    assert "Social not available" in desc(root)
    polygon = with_class(root, "chart-series-1")[0]
    for pair in (polygon.get("points") or "").split():
        x, y = map(float, pair.split(","))
        assert 0 <= x <= 460 and 0 <= y <= 340


def test_the_hexagon_refuses_an_empty_scale() -> None:
    with pytest.raises(ValueError):
        hexagon_svg(PROFILE, 1, min_value=1)


def test_the_pay_range_marks_the_target_between_percentiles() -> None:
    root = parse(range_bar_svg(PAY, desired=75_000, title="Pay for data analysts"))
    assert "10th percentile $41,000" in desc(root)
    assert "Your target is $75,000, between the 50th and 75th percentiles" in desc(root)
    assert "Your target $75,000" in all_text(root)
    assert with_class(root, "chart-box")


def test_the_pay_range_is_honest_about_a_top_coded_end() -> None:
    pay: dict[int, float | AtLeast | None] = {
        10: 98_000.0,
        25: 150_000.0,
        50: 210_000.0,
        75: AtLeast(239_200),
        90: AtLeast(239_200),
    }
    root = parse(range_bar_svg(pay, desired=250_000))
    assert "90th percentile $239,200 or more" in desc(root)
    assert "the 75th percentile is $239,200 or more, so how your target compares" in desc(root)
    assert "≥ $239,200" in all_text(root)
    assert "75th and 90th" in all_text(root)
    assert with_class(root, "chart-open-end")


def test_the_pay_range_names_missing_percentiles_and_draws_nothing_for_them() -> None:
    root = parse(range_bar_svg({10: None, 25: 30_000, 50: 35_000, 90: 50_000}, desired=20_000))
    assert "10th and 75th not published" in desc(root)
    assert "below the 25th percentile" in desc(root)
    assert "Not published: 10th and 75th" in all_text(root)
    assert not with_class(root, "chart-box")
    assert len(with_class(root, "chart-tick")) == 3


def test_the_pay_range_says_when_nothing_is_published() -> None:
    root = parse(range_bar_svg({10: None, 90: float("nan")}, desired=50_000))
    assert desc(root) == "No pay figures are published. Your target is $50,000."
    assert "Pay figures not published" in all_text(root)


def test_the_pay_range_refuses_unknown_percentiles() -> None:
    with pytest.raises(ValueError):
        range_bar_svg({95: 1.0})


def test_money_keeps_cents_only_for_small_amounts() -> None:
    assert format_money(239_200) == "$239,200"
    assert format_money(23.5) == "$23.50"
    assert format_money(40) == "$40"


@pytest.mark.parametrize(
    ("percent", "shown", "width"), [(42.5, "42.5%", 134.3), (150, "100%", 316), (-5, "0%", None)]
)
def test_the_progress_bar_clamps_and_states_the_percentage(
    percent: float, shown: str, width: float | None
) -> None:
    root = parse(progress_bar_svg(percent, "Learn SQL"))
    assert desc(root) == f"Learn SQL: {shown} complete."
    fill = with_class(root, "chart-fill")
    assert (float(fill[0].get("width") or 0) if fill else None) == width


def test_the_progress_bar_treats_nan_as_no_progress() -> None:
    assert "0% complete" in desc(parse(progress_bar_svg(math.nan, "x")))


def test_the_line_chart_sorts_points_and_reports_the_target() -> None:
    points = [(date(2025, 3, 10), 40.0), (date(2025, 1, 5), 10.0), (date(2025, 2, 1), 25.0)]
    root = parse(line_chart_svg(points, target=60, title="Applications"))
    assert desc(root).startswith("3 values from 5 Jan 2025 to 10 Mar 2025, starting at 10")
    assert "Target 60, not reached yet" in desc(root)
    line = with_class(root, "chart-series-1")[0]
    xs = [float(p.split(",")[0]) for p in (line.get("points") or "").split()]
    assert xs == sorted(xs)
    assert "Target 60" in all_text(root)


def test_the_line_chart_handles_one_point_and_none() -> None:
    one = parse(line_chart_svg([(date(2025, 1, 1), 5.0)], target=5))
    assert "1 value from 1 Jan 2025" in desc(one) and "Target 5, reached" in desc(one)
    empty = parse(line_chart_svg([], title="Nothing"))
    assert desc(empty) == "No values recorded yet."
    assert "No data yet" in all_text(empty)


ROADMAP = [
    TimelineRow(
        "Become a data analyst",
        date(2025, 1, 1),
        date(2025, 9, 30),
        [
            TimelineMilestone(date(2025, 2, 1), "SQL course", True),
            (date(2025, 4, 1), "Portfolio", False),
            (date(2025, 7, 1), "Apply", False),
        ],
    ),
    TimelineRow("Grow my network", date(2025, 3, 1), date(2025, 4, 30)),
    TimelineRow(
        "Certification", date(2025, 5, 1), date(2026, 6, 30), [(date(2026, 5, 1), "Exam", False)]
    ),
]


def test_the_timeline_marks_done_upcoming_and_overdue_milestones() -> None:
    root = parse(timeline_svg(ROADMAP, TODAY, date(2026, 1, 31), "My roadmap"))
    assert len(with_class(root, "chart-done")) == 1
    assert len(with_class(root, "chart-upcoming")) == 1
    assert len(with_class(root, "chart-overdue")) == 2  # the Portfolio milestone and a goal
    assert "Portfolio (due 1 Apr 2025)" in desc(root)
    assert "1 of 3 milestones done" in desc(root)


def test_the_timeline_shows_today_and_goals_running_past_the_horizon() -> None:
    root = parse(timeline_svg(ROADMAP, TODAY, date(2026, 1, 31)))
    assert "Today" in all_text(root)
    assert "today is 15 May 2025" in desc(root)
    assert "Grow my network: 1 Mar 2025 to 30 Apr 2025, overdue" in desc(root)
    assert "Certification: 1 May 2025 to 30 Jun 2026, continuing past the end" in desc(root)
    assert "1 after the end of the chart" in desc(root)
    assert len(with_class(root, "chart-open-end")) == 1


def test_the_timeline_keeps_full_labels_for_truncated_rows() -> None:
    long = "Move into a product management role at a company I admire"
    root = parse(timeline_svg([TimelineRow(long, TODAY, TODAY + timedelta(days=90))], TODAY, TODAY))
    row = with_class(root, "chart-row")[0]
    assert row.findtext(f"{NS}title") == long
    assert "…" in all_text(root)


def test_the_timeline_says_when_there_are_no_goals() -> None:
    root = parse(timeline_svg([], TODAY, date(2025, 12, 31)))
    assert "No goals yet" in desc(root)


def test_dates_are_written_in_english_whatever_the_locale() -> None:
    assert format_day(date(2025, 3, 3)) == "3 Mar 2025"


def test_chart_ids_are_checked_and_differ_between_charts() -> None:
    with pytest.raises(ValueError):
        progress_bar_svg(10, "x", chart_id='a" onload="x')
    a = parse(progress_bar_svg(10, "First"))
    b = parse(progress_bar_svg(10, "Second"))
    assert a.get("aria-labelledby") != b.get("aria-labelledby")
    given_id = parse(progress_bar_svg(10, "x", chart_id="goal-3-progress"))
    assert given_id.get("aria-labelledby") == "goal-3-progress-title goal-3-progress-desc"


def test_hostile_labels_are_shown_as_text_not_markup() -> None:
    cleaned = HOSTILE.replace("\x00", "").replace("\x1b", "")
    charts = [
        hexagon_svg(PROFILE, 7, PROFILE, HOSTILE, series_names=(HOSTILE, HOSTILE)),
        range_bar_svg(PAY, 50_000, HOSTILE, money=lambda v: f"{HOSTILE}{v}"),
        progress_bar_svg(50, HOSTILE),
        line_chart_svg([(TODAY, 1.0)], 2.0, HOSTILE, value_format=lambda v: HOSTILE),
        timeline_svg(
            [TimelineRow(HOSTILE, TODAY, TODAY + timedelta(days=9), [(TODAY, HOSTILE, False)])],
            TODAY,
            TODAY + timedelta(days=30),
            HOSTILE,
        ),
    ]
    for svg in charts:
        root = parse(svg)
        assert title(root) == cleaned
        assert "<script>" not in svg


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_text_makes_well_formed_charts(label: str, name: str) -> None:
    expected = label.translate({c: None for c in range(32) if c not in (9, 10, 13)})
    expected = "".join(c for c in expected if not 0xD800 <= ord(c) <= 0xDFFF)
    expected = expected.replace("\ufffe", "").replace("\uffff", "")
    for svg in (
        hexagon_svg(PROFILE, 7, PROFILE, label, series_names=(name, name)),
        progress_bar_svg(1, label),
        timeline_svg([TimelineRow(name, TODAY, TODAY, [(TODAY, name, True)])], TODAY, TODAY, label),
    ):
        # XML parsers normalise line ends, as browsers do.
        assert title(parse(svg)) == expected.replace("\r\n", "\n").replace("\r", "\n")


@given(
    st.lists(
        st.tuples(st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.floats(-1e6, 1e6)),
        max_size=30,
    ),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)
def test_any_series_makes_a_well_formed_line_chart(
    points: list[tuple[date, float]], target: float | None
) -> None:
    parse(line_chart_svg(points, target))


pay_value = st.one_of(
    st.none(), st.floats(0, 1e6), st.floats(0, 1e6).map(AtLeast), st.just(math.inf)
)


@given(
    st.fixed_dictionaries({p: pay_value for p in (10, 25, 50, 75, 90)}),
    st.one_of(st.none(), st.floats(0, 2e6)),
)
def test_any_pay_figures_make_a_well_formed_range(
    pay: dict[int, float | AtLeast | None], desired: float | None
) -> None:
    parse(range_bar_svg(pay, desired))


dates = st.dates(date(2020, 1, 1), date(2035, 12, 31))
rows = st.builds(
    TimelineRow,
    st.text(max_size=30),
    dates,
    dates,
    st.lists(st.tuples(dates, st.text(max_size=20), st.booleans()), max_size=5),
    st.booleans(),
)


@given(st.lists(rows, max_size=6), dates, dates)
def test_any_roadmap_makes_a_well_formed_timeline(
    roadmap: list[TimelineRow], today: date, horizon: date
) -> None:
    root = parse(timeline_svg(roadmap, today, horizon))
    assert len(with_class(root, "chart-row")) == len(roadmap)
