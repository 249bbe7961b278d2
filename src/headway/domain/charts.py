"""Server-rendered SVG charts, returned as strings ready to put in a template.

Every chart:

- scales by its ``viewBox`` alone (no fixed width or height), so it fits a phone screen;
- is an image to assistive technology: ``role="img"`` with a ``<title>`` and a ``<desc>`` that
  states the numbers in a sentence;
- styles itself with presentation attributes (``fill=``, ``stroke=``) and classes only, never a
  ``style`` attribute or a script, so it renders under a Content Security Policy without
  ``'unsafe-inline'``; a stylesheet may override the colours through the classes;
- uses the Okabe-Ito palette, which stays distinct for colour-blind readers, and never relies
  on colour alone (dashes and marker shapes tell series and states apart);
- escapes all text it is given, and drops characters XML cannot hold.

Element ids (for ``aria-labelledby``) derive from the content unless ``chart_id`` is given;
pass distinct ``chart_id`` values when one page shows the same chart twice.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from headway.domain.riasec import TYPE_NAMES, TYPES

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
INK = "#1F1F1F"
MUTED = "#595959"
GRID = "#D0D0D0"
TRACK = "#E8E8E8"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHART_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_PERCENTILES = (10, 25, 50, 75, 90)
_MAX_PLOTTED = 1e15


@dataclass(frozen=True, slots=True)
class AtLeast:
    """A top-coded value: the true figure is ``amount`` or more (BLS marks these ``#``)."""

    amount: float


class TimelineMilestone(NamedTuple):
    """A dated milestone on a timeline row; a plain ``(date, label, done)`` tuple also works."""

    on: date
    label: str
    done: bool


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One goal on a roadmap: its span and milestones; ``done`` marks the goal reached."""

    label: str
    start: date
    end: date
    milestones: Sequence[tuple[date, str, bool]] = field(default_factory=tuple)
    done: bool = False


def escape_text(text: object) -> str:
    """Return text safe inside an SVG element or quoted attribute."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)


def format_number(value: float) -> str:
    """Return a short number: no decimals for whole values, else one."""
    if not math.isfinite(value):
        return "not known"
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.1f}"


def format_money(amount: float) -> str:
    """Return dollars, with cents only for amounts under $1,000 that have them."""
    if amount >= 1000 or float(amount).is_integer():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def format_day(day: date) -> str:
    """Return a date as ``3 Mar 2025``, whatever the process locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def hexagon_svg(
    scores: Mapping[str, float | None],
    max_value: float,
    compare: Mapping[str, float | None] | None = None,
    title: str = "Interest profile",
    *,
    min_value: float = 0.0,
    series_names: tuple[str, str] = ("You", "Comparison"),
    chart_id: str | None = None,
) -> str:
    """Draw a RIASEC hexagon radar chart, optionally with a second profile overlaid.

    The axes run R, I, A, S, E, C clockwise from the top. Scores are clamped to
    ``min_value..max_value`` for drawing but stated as given in the description; a missing
    score is drawn at the centre and described as not available.
    """
    if not max_value > min_value:
        raise ValueError("max_value must be greater than min_value")
    width, height = 460, 390 if compare is not None else 340
    cx, cy, radius = 230.0, 165.0, 112.0

    def point(i: int, value: float | None) -> tuple[float, float]:
        if value is None or not math.isfinite(value):
            return cx, cy
        share = _clamp((value - min_value) / (max_value - min_value))
        angle = math.radians(-90 + 60 * i)
        return cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)

    def polygon(values: Mapping[str, float | None]) -> str:
        return " ".join(
            f"{_f(x)},{_f(y)}" for x, y in (point(i, values.get(t)) for i, t in enumerate(TYPES))
        )

    scale = f"on a scale of {format_number(min_value)} to {format_number(max_value)}"
    desc = f"{series_names[0]}: {_describe_profile(scores)}, {scale}."
    if compare is not None:
        desc += f" {series_names[1]}: {_describe_profile(compare)}."
    cid = _chart_id(chart_id, "hexagon", title, desc)
    parts = [_svg_open(cid, width, height, title, desc, "chart chart-hexagon")]

    parts.append(f'<g class="chart-grid" fill="none" stroke="{GRID}" stroke-width="1">')
    for ring in (0.25, 0.5, 0.75, 1.0):
        ring_points = " ".join(
            f"{_f(cx + radius * ring * math.cos(math.radians(-90 + 60 * i)))},"
            f"{_f(cy + radius * ring * math.sin(math.radians(-90 + 60 * i)))}"
            for i in range(6)
        )
        parts.append(f'<polygon points="{ring_points}"/>')
    for i in range(6):
        x, y = point(i, max_value)
        parts.append(f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}"/>')
    parts.append("</g>")

    if compare is not None:
        parts.append(
            f'<polygon class="chart-series-2" points="{polygon(compare)}" fill="{ORANGE}" '
            f'fill-opacity="0.12" stroke="{ORANGE}" stroke-width="2.5" '
            f'stroke-dasharray="6 4" stroke-linejoin="round"/>'
        )
        for i, t in enumerate(TYPES):
            x, y = point(i, compare.get(t))
            parts.append(
                f'<rect class="chart-series-2" x="{_f(x - 3.5)}" y="{_f(y - 3.5)}" width="7" '
                f'height="7" fill="{ORANGE}"/>'
            )
    parts.append(
        f'<polygon class="chart-series-1" points="{polygon(scores)}" fill="{BLUE}" '
        f'fill-opacity="0.22" stroke="{BLUE}" stroke-width="2.5" stroke-linejoin="round"/>'
    )
    for i, t in enumerate(TYPES):
        x, y = point(i, scores.get(t))
        parts.append(
            f'<circle class="chart-series-1" cx="{_f(x)}" cy="{_f(y)}" r="4" fill="{BLUE}"/>'
        )

    for i, t in enumerate(TYPES):
        angle = math.radians(-90 + 60 * i)
        lx = cx + (radius + 16) * math.cos(angle)
        ly = cy + (radius + 16) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.01 else ("start" if lx > cx else "end")
        if i == 0:
            ly -= 18
        elif i == 3:
            ly += 8
        value = scores.get(t)
        shown = "n/a" if value is None or not math.isfinite(value) else format_number(value)
        parts.append(
            f'<text class="chart-label" x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}" '
            f'font-size="14" fill="{INK}">{escape_text(TYPE_NAMES[t])}'
            f'<tspan x="{_f(lx)}" dy="16" font-size="13" fill="{MUTED}">{shown}</tspan></text>'
        )

    if compare is not None:
        # Stacked rows leave room for long names such as an occupation's title.
        y1, y2, kx = height - 52, height - 26, 120
        parts.append(
            f'<g class="chart-legend" font-size="13" fill="{INK}">'
            f'<line x1="{kx}" y1="{y1}" x2="{kx + 30}" y2="{y1}" stroke="{BLUE}" '
            f'stroke-width="2.5"/><circle cx="{kx + 15}" cy="{y1}" r="4" fill="{BLUE}"/>'
            f'<text x="{kx + 38}" y="{y1 + 4}">{escape_text(_truncate(series_names[0], 36))}</text>'
            f'<line x1="{kx}" y1="{y2}" x2="{kx + 30}" y2="{y2}" stroke="{ORANGE}" '
            f'stroke-width="2.5" stroke-dasharray="6 4"/>'
            f'<rect x="{kx + 11.5}" y="{y2 - 3.5}" width="7" height="7" fill="{ORANGE}"/>'
            f'<text x="{kx + 38}" y="{y2 + 4}">{escape_text(_truncate(series_names[1], 36))}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def range_bar_svg(
    percentiles: Mapping[int, float | AtLeast | None],
    desired: float | None = None,
    title: str = "Pay range",
    *,
    money: Callable[[float], str] = format_money,
    chart_id: str | None = None,
) -> str:
    """Draw a pay range from the 10th, 25th, 50th, 75th and 90th percentiles.

    ``percentiles`` maps 10, 25, 50, 75 and 90 to an amount, to :class:`AtLeast` for a top-coded
    figure (drawn as open-ended and labelled "or more"), or to ``None`` when not published
    (left out and named as missing). ``desired`` adds a marker for the user's target pay.
    Nothing is drawn for a figure that was not published.
    """
    unknown = set(percentiles) - set(_PERCENTILES)
    if unknown:
        raise ValueError(f"unexpected percentiles {sorted(unknown)}")
    known: dict[int, float] = {}
    capped: set[int] = set()
    for p in _PERCENTILES:
        value = percentiles.get(p)
        if isinstance(value, AtLeast):
            if not math.isfinite(value.amount):
                continue
            known[p] = value.amount
            capped.add(p)
        elif value is not None and math.isfinite(value):
            known[p] = float(value)
    missing = [p for p in _PERCENTILES if p not in known]
    if desired is not None and not math.isfinite(desired):
        desired = None

    def shown(p: int) -> str:
        return f"{money(known[p])} or more" if p in capped else money(known[p])

    sentences = (
        ["; ".join(f"{_ordinal(p)} percentile {shown(p)}" for p in _PERCENTILES if p in known)]
        if known
        else ["No pay figures are published"]
    )
    if missing and known:
        sentences.append(f"{_join([_ordinal(p) for p in missing])} not published")
    if desired is not None and known:
        sentences.append(
            f"Your target is {money(desired)}, {_place_in_range(desired, known, capped, money)}"
        )
    elif desired is not None:
        sentences.append(f"Your target is {money(desired)}")
    desc = ". ".join(s[0].upper() + s[1:] for s in sentences if s) + "."

    width = 480
    if not known:
        cid = _chart_id(chart_id, "range", title, desc)
        return (
            _svg_open(cid, width, 120, title, desc, "chart chart-range")
            + f'<text x="{width / 2}" y="64" text-anchor="middle" font-size="15" '
            f'fill="{MUTED}">Pay figures not published</text></svg>'
        )

    values = list(known.values()) + ([desired] if desired is not None else [])
    lo, hi = min(values), max(values)
    if hi == lo:
        lo, hi = lo * 0.9, hi * 1.1 + 1
    pad = (hi - lo) * 0.06
    lo, hi = max(0.0, lo - pad), hi + pad
    left, right = 40.0, width - (80.0 if capped else 40.0)
    bar_y = 72.0

    def x(value: float) -> float:
        return left + (value - lo) / (hi - lo) * (right - left)

    # Percentiles with the same figure share one label (BLS often top-codes the 75th and 90th
    # together); labels too close to fit side by side drop to another row.
    groups: list[list[int]] = []
    for p in sorted(known):
        if (
            groups
            and known[groups[-1][0]] == known[p]
            and (p in capped) == (groups[-1][0] in capped)
        ):
            groups[-1].append(p)
        else:
            groups.append([p])
    row_ends: list[float] = []
    placed: list[tuple[list[int], float, int]] = []
    for group in groups:
        px = x(known[group[0]])
        row = next((i for i, end_x in enumerate(row_ends) if px - end_x >= 84), len(row_ends))
        if row == len(row_ends):
            row_ends.append(px)
        row_ends[row] = px
        placed.append((group, px, row))
    height = int(bar_y + 26 + len(row_ends) * 32 + (18 if missing else 4))

    cid = _chart_id(chart_id, "range", title, desc)
    parts = [_svg_open(cid, width, height, title, desc, "chart chart-range")]
    ordered = sorted(known)
    parts.append(
        f'<line class="chart-axis" x1="{left - 16}" y1="{bar_y}" x2="{right + 16}" y2="{bar_y}" '
        f'stroke="{GRID}" stroke-width="2"/>'
    )
    if len(ordered) > 1:
        parts.append(
            f'<line class="chart-whisker" x1="{_f(x(known[ordered[0]]))}" y1="{bar_y}" '
            f'x2="{_f(x(known[ordered[-1]]))}" y2="{bar_y}" stroke="{BLUE}" stroke-width="3"/>'
        )
    if 25 in known and 75 in known:
        x25, x75 = x(known[25]), x(known[75])
        parts.append(
            f'<rect class="chart-box" x="{_f(x25)}" y="{bar_y - 14}" width="{_f(x75 - x25)}" '
            f'height="28" rx="3" fill="{SKY}" fill-opacity="0.55" stroke="{BLUE}" '
            f'stroke-width="1.5"/>'
        )
    if ordered[-1] in capped:
        # Past a top-coded figure only "this much or more" is known: an open, dashed end.
        xt = x(known[ordered[-1]])
        parts.append(
            f'<line class="chart-open-end" x1="{_f(xt)}" y1="{bar_y}" x2="{_f(xt + 40)}" '
            f'y2="{bar_y}" stroke="{BLUE}" stroke-width="3" stroke-dasharray="4 4"/>'
            f'<path class="chart-open-end" d="M{_f(xt + 40)},{bar_y - 7} l10,7 l-10,7 z" '
            f'fill="{BLUE}"/>'
        )
    for group, px, row in placed:
        tall = 16 if 50 in group else 10
        parts.append(
            f'<line class="chart-tick" x1="{_f(px)}" y1="{bar_y - tall}" x2="{_f(px)}" '
            f'y2="{bar_y + tall}" stroke="{INK}" stroke-width="{3 if 50 in group else 1.5}"/>'
        )
        name = _join([_ordinal(p) for p in group])
        amount = f"{'≥ ' if group[0] in capped else ''}{money(known[group[0]])}"
        label_y = bar_y + 34 + row * 32
        parts.append(
            f'<text class="chart-label" x="{_f(px)}" y="{label_y}" text-anchor="middle" '
            f'font-size="12" fill="{INK}">{escape_text(name)}'
            f'<tspan x="{_f(px)}" dy="14" fill="{MUTED}">{escape_text(amount)}</tspan></text>'
        )
    if desired is not None:
        dx = x(desired)
        parts.append(
            f'<g class="chart-target"><path d="M{_f(dx - 7)},{bar_y - 34} h14 l-7,12 z" '
            f'fill="{VERMILLION}"/><line x1="{_f(dx)}" y1="{bar_y - 22}" x2="{_f(dx)}" '
            f'y2="{bar_y + 18}" stroke="{VERMILLION}" stroke-width="2" stroke-dasharray="3 2"/>'
            f'<text x="{_f(_clamp(dx, 70, width - 70))}" y="{bar_y - 42}" text-anchor="middle" '
            f'font-size="12" fill="{INK}">Your target {escape_text(money(desired))}</text></g>'
        )
    if missing:
        parts.append(
            f'<text class="chart-note" x="{width - 8}" y="{height - 6}" text-anchor="end" '
            f'font-size="11" fill="{MUTED}">Not published: '
            f"{escape_text(_join([_ordinal(p) for p in missing]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def progress_bar_svg(percent: float, label: str, *, chart_id: str | None = None) -> str:
    """Draw a labelled horizontal progress bar; ``percent`` is clamped to 0..100."""
    value = _clamp(percent if math.isfinite(percent) else 0.0, 0.0, 100.0)
    shown = f"{format_number(value)}%"
    desc = f"{label}: {shown} complete."
    cid = _chart_id(chart_id, "progress", label, desc)
    width = 320
    fill_width = (width - 4) * value / 100
    return "".join(
        [
            _svg_open(cid, width, 44, label, desc, "chart chart-progress"),
            f'<text class="chart-label" x="2" y="14" font-size="13" fill="{INK}">'
            f"{escape_text(_truncate(label, 40))}</text>",
            f'<text class="chart-value" x="{width - 2}" y="14" text-anchor="end" '
            f'font-size="13" fill="{INK}">{shown}</text>',
            f'<rect class="chart-track" x="2" y="22" width="{width - 4}" height="16" rx="8" '
            f'fill="{TRACK}" stroke="{MUTED}" stroke-width="1"/>',
            f'<rect class="chart-fill" x="2" y="22" width="{_f(fill_width)}" height="16" rx="8" '
            f'fill="{BLUE}"/>'
            if value > 0
            else "",
            "</svg>",
        ]
    )


def line_chart_svg(
    points: Sequence[tuple[date, float]],
    target: float | None = None,
    title: str = "Progress",
    *,
    value_format: Callable[[float], str] = format_number,
    chart_id: str | None = None,
) -> str:
    """Draw values over time as a line, with an optional dashed target line.

    Points are sorted by date; one point is drawn as a dot, none as a "No data yet" note.
    Values that are not finite or beyond +/-1e15 are left out, as is such a target.
    """
    data = sorted((d, float(v)) for d, v in points if _plottable(v))
    if target is not None and not _plottable(target):
        target = None
    if data:
        first, last = data[0], data[-1]
        desc = (
            f"{len(data)} {'value' if len(data) == 1 else 'values'} from {format_day(first[0])} "
            f"to {format_day(last[0])}, starting at {value_format(first[1])} and latest "
            f"{value_format(last[1])}"
        )
        if target is not None:
            best = max(v for _, v in data)
            reached = "reached" if best >= target else "not reached yet"
            desc += f". Target {value_format(target)}, {reached}"
        if len(data) <= 12:
            desc += ". Values: " + "; ".join(f"{format_day(d)}: {value_format(v)}" for d, v in data)
        desc += "."
    else:
        desc = "No values recorded yet."
        if target is not None:
            desc += f" Target {value_format(target)}."

    width, height = 480, 240
    left, right, top, bottom = 52.0, width - 20.0, 20.0, height - 40.0
    cid = _chart_id(chart_id, "line", title, desc)
    parts = [_svg_open(cid, width, height, title, desc, "chart chart-line")]

    values = [v for _, v in data] + ([target] if target is not None else [])
    ticks = _nice_ticks(min([0.0, *values]), max([1.0, *values]))
    lo, hi = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return bottom - (value - lo) / (hi - lo) * (bottom - top)

    parts.append(f'<g class="chart-grid" font-size="11" fill="{MUTED}" text-anchor="end">')
    for tick in ticks:
        ty = y(tick)
        parts.append(
            f'<line x1="{left}" y1="{_f(ty)}" x2="{right}" y2="{_f(ty)}" stroke="{GRID}" '
            f'stroke-width="1"/><text x="{left - 6}" y="{_f(ty + 4)}">'
            f"{escape_text(value_format(tick))}</text>"
        )
    parts.append("</g>")

    if not data:
        parts.append(
            f'<text x="{(left + right) / 2}" y="{(top + bottom) / 2}" text-anchor="middle" '
            f'font-size="14" fill="{MUTED}">No data yet</text>'
        )
    else:
        start_day, end_day = data[0][0], data[-1][0]
        span = (end_day - start_day).days

        def x(day: date) -> float:
            if span == 0:
                return (left + right) / 2
            return left + (day - start_day).days / span * (right - left)

        coords = " ".join(f"{_f(x(d))},{_f(y(v))}" for d, v in data)
        parts.append(
            f'<polyline class="chart-series-1" points="{coords}" fill="none" stroke="{BLUE}" '
            f'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
        for d, v in data:
            parts.append(
                f'<circle class="chart-series-1" cx="{_f(x(d))}" cy="{_f(y(v))}" r="4" '
                f'fill="{BLUE}"><title>{escape_text(format_day(d))}: '
                f"{escape_text(value_format(v))}</title></circle>"
            )
        labels = [start_day] if span == 0 else [start_day, end_day]
        if span > 60:
            labels.insert(1, start_day + timedelta(days=span // 2))
        for i, d in enumerate(labels):
            anchor = (
                "middle"
                if len(labels) == 1
                else ("start", "middle", "end")[0 if i == 0 else (2 if i == len(labels) - 1 else 1)]
            )
            parts.append(
                f'<text class="chart-axis-label" x="{_f(x(d))}" y="{bottom + 20}" '
                f'text-anchor="{anchor}" font-size="11" fill="{MUTED}">'
                f"{escape_text(format_day(d))}</text>"
            )
    if target is not None:
        ty = y(target)
        parts.append(
            f'<g class="chart-target"><line x1="{left}" y1="{_f(ty)}" x2="{right}" '
            f'y2="{_f(ty)}" stroke="{VERMILLION}" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{right}" y="{_f(ty - 6)}" text-anchor="end" font-size="12" '
            f'fill="{INK}">Target {escape_text(value_format(target))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(
    rows: Sequence[TimelineRow],
    today: date,
    horizon: date,
    title: str = "Roadmap",
    *,
    chart_id: str | None = None,
) -> str:
    """Draw a roadmap: one bar per goal, its milestones, and a line for today.

    The chart runs from the earliest start (or today, if earlier) to ``horizon``. Bars running
    past the horizon end in an arrow. Milestones are filled circles when done, open circles when
    upcoming, and diamonds when overdue (not done and dated before today); a goal not done by its
    end date is outlined as overdue.
    """
    start = min([today, *(r.start for r in rows), *(m[0] for r in rows for m in r.milestones)])
    end = horizon if horizon > start else start + timedelta(days=30)
    label_x, left, right = 180.0, 190.0, 620.0
    width, row_height, head = 640, 40, 48
    rows_bottom = head + max(1, len(rows)) * row_height
    height = rows_bottom + 52
    span_days = (end - start).days

    def x(day: date) -> float:
        clamped = min(max(day, start), end)
        return left + (clamped - start).days / span_days * (right - left)

    desc_parts = [
        f"{title} from {format_day(start)} to {format_day(end)}; today is {format_day(today)}."
    ]
    for row in rows:
        desc_parts.append(_describe_row(row, today, end))
    if not rows:
        desc_parts.append("No goals yet.")
    desc = " ".join(desc_parts)
    cid = _chart_id(chart_id, "timeline", title, desc)
    parts = [_svg_open(cid, width, height, title, desc, "chart chart-timeline")]

    parts.append(f'<g class="chart-grid" font-size="11" fill="{MUTED}">')
    px_per_month = (right - left) / max(span_days / 30.44, 1)
    for tick, month_text, year_text in _time_ticks(start, end, px_per_month):
        tx = x(tick)
        parts.append(
            f'<line x1="{_f(tx)}" y1="{head - 14}" x2="{_f(tx)}" y2="{rows_bottom}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{_f(tx + 3)}" y="{head - 4}">{escape_text(month_text)}</text>'
        )
        if year_text:
            parts.append(
                f'<text x="{_f(tx + 3)}" y="{head - 22}" font-weight="bold">'
                f"{escape_text(year_text)}</text>"
            )
    parts.append("</g>")

    if not rows:
        parts.append(
            f'<text x="{(left + right) / 2}" y="{head + row_height / 2 + 4}" '
            f'text-anchor="middle" font-size="14" fill="{MUTED}">No goals yet</text>'
        )
    for index, row in enumerate(rows):
        top = head + index * row_height
        mid = top + row_height / 2
        overdue_goal = not row.done and row.end < today
        parts.append(f'<g class="chart-row"><title>{escape_text(row.label)}</title>')
        parts.append(
            f'<text class="chart-label" x="{label_x}" y="{_f(mid + 4)}" text-anchor="end" '
            f'font-size="12" fill="{INK}">{escape_text(_truncate(row.label, 26))}</text>'
        )
        if row.start <= end and row.end >= start:
            bx1, bx2 = x(row.start), x(row.end)
            if overdue_goal:
                look = f'class="chart-bar chart-overdue" stroke="{VERMILLION}" stroke-width="2.5" '
                look += 'stroke-dasharray="5 3"'
            else:
                look = f'class="chart-bar" stroke="{BLUE}" stroke-width="1.5"'
            parts.append(
                f'<rect {look} x="{_f(bx1)}" y="{_f(mid - 9)}" width="{_f(max(bx2 - bx1, 3))}" '
                f'height="18" rx="4" fill="{GREEN if row.done else SKY}" fill-opacity="0.45"/>'
            )
            if row.end > end:
                parts.append(
                    f'<path class="chart-open-end" d="M{_f(right)},{_f(mid - 9)} l10,9 '
                    f'l-10,9 z" fill="{BLUE}"/>'
                )
        for on, label, done in row.milestones:
            if on < start or on > end:
                continue
            mx = x(on)
            state = "done" if done else ("overdue" if on < today else "upcoming")
            tip = f"{label}: {format_day(on)}, {state}"
            parts.append(
                f'<g class="chart-milestone chart-{state}"><title>{escape_text(tip)}</title>'
            )
            if state == "done":
                parts.append(
                    f'<circle cx="{_f(mx)}" cy="{_f(mid)}" r="6" fill="{GREEN}" '
                    f'stroke="{INK}" stroke-width="1"/>'
                )
            elif state == "overdue":
                parts.append(
                    f'<path d="M{_f(mx)},{_f(mid - 8)} l8,8 l-8,8 l-8,-8 z" '
                    f'fill="{VERMILLION}" stroke="{INK}" stroke-width="1"/>'
                )
            else:
                parts.append(
                    f'<circle cx="{_f(mx)}" cy="{_f(mid)}" r="6" fill="#FFFFFF" '
                    f'stroke="{BLUE}" stroke-width="2"/>'
                )
            parts.append("</g>")
        parts.append("</g>")

    if start <= today <= end:
        tx = x(today)
        parts.append(
            f'<g class="chart-today"><line x1="{_f(tx)}" y1="{head - 14}" x2="{_f(tx)}" '
            f'y2="{rows_bottom + 4}" stroke="{INK}" stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{_f(_clamp(tx, left + 16, right - 16))}" y="{rows_bottom + 17}" '
            f'text-anchor="middle" font-size="11" font-weight="bold" fill="{INK}">Today</text></g>'
        )

    ly = height - 14
    parts.append(
        f'<g class="chart-legend" font-size="12" fill="{INK}">'
        f'<circle cx="{left}" cy="{ly}" r="6" fill="{GREEN}" stroke="{INK}" stroke-width="1"/>'
        f'<text x="{left + 12}" y="{ly + 4}">Done</text>'
        f'<circle cx="{left + 80}" cy="{ly}" r="6" fill="#FFFFFF" stroke="{BLUE}" '
        f'stroke-width="2"/><text x="{left + 92}" y="{ly + 4}">Upcoming</text>'
        f'<path d="M{left + 180},{ly - 8} l8,8 l-8,8 l-8,-8 z" fill="{VERMILLION}" '
        f'stroke="{INK}" stroke-width="1"/><text x="{left + 192}" y="{ly + 4}">Overdue</text>'
        "</g></svg>"
    )
    return "".join(parts)


def _describe_profile(values: Mapping[str, float | None]) -> str:
    described = []
    for t in TYPES:
        value = values.get(t)
        shown = (
            "not available" if value is None or not math.isfinite(value) else format_number(value)
        )
        described.append(f"{TYPE_NAMES[t]} {shown}")
    return ", ".join(described)


def _describe_row(row: TimelineRow, today: date, horizon: date) -> str:
    text = f"{row.label}: {format_day(row.start)} to {format_day(row.end)}"
    if row.done:
        text += ", done"
    elif row.end < today:
        text += ", overdue"
    if row.end > horizon:
        text += ", continuing past the end of the chart"
    milestones = list(row.milestones)
    if milestones:
        done = sum(1 for _, _, is_done in milestones if is_done)
        text += f"; {done} of {len(milestones)} milestones done"
        overdue = [(on, label) for on, label, is_done in milestones if not is_done and on < today]
        if overdue:
            listed = ", ".join(f"{label} (due {format_day(on)})" for on, label in overdue)
            text += f"; overdue: {listed}"
        later = sum(1 for on, _, _ in milestones if on > horizon)
        if later:
            text += f"; {later} after the end of the chart"
    return text + "."


def _place_in_range(
    value: float, known: Mapping[int, float], capped: set[int], money: Callable[[float], str]
) -> str:
    ordered = sorted(known)
    first_capped = min(capped, default=None)
    if first_capped is not None and value >= known[first_capped]:
        below = [p for p in ordered if p < first_capped]
        prefix = f"above the {_ordinal(below[-1])} percentile; " if below else ""
        return (
            f"{prefix}the {_ordinal(first_capped)} percentile is "
            f"{money(known[first_capped])} or more, so how your target compares with it "
            "is not known"
        )
    if value < known[ordered[0]]:
        return f"below the {_ordinal(ordered[0])} percentile"
    if value > known[ordered[-1]]:
        return f"above the {_ordinal(ordered[-1])} percentile"
    for p in ordered:
        if value == known[p]:
            return f"at the {_ordinal(p)} percentile"
    for low, high in pairwise(ordered):
        if known[low] < value < known[high]:
            return f"between the {_ordinal(low)} and {_ordinal(high)} percentiles"
    return "within the published range"


def _time_ticks(start: date, end: date, px_per_month: float) -> list[tuple[date, str, str]]:
    """Return (day, month label, year label or "") for ticks at least 36 px apart."""
    step = next((m for m in (1, 2, 3) if m * px_per_month >= 36), 12)
    year, month = start.year, start.month
    if start.day != 1:
        month += 1
    ticks: list[tuple[date, str, str]] = []
    while True:
        if month > 12:
            year, month = year + 1, month - 12
        day = date(year, month, 1)
        if day > end:
            return ticks
        if (month - 1) % step == 0:
            if step == 12:
                ticks.append((day, str(year), ""))
            else:
                first_of_year = month == 1 or not ticks
                ticks.append((day, _MONTHS[month - 1], str(year) if first_of_year else ""))
        month += 1


def _plottable(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= _MAX_PLOTTED


def _nice_ticks(lo: float, hi: float, most: int = 7) -> list[float]:
    """Return at most ``most`` round, evenly spaced ticks covering lo..hi."""
    if hi <= lo:
        hi = lo + 1
    magnitude = 10.0 ** math.floor(math.log10((hi - lo) / (most - 1)))
    for step in (m * magnitude for m in (1, 2, 2.5, 5, 10, 20, 25, 50)):
        first, last = math.floor(lo / step), math.ceil(hi / step)
        if last - first + 1 <= most:
            break
    return [round(n * step, 10) for n in range(first, last + 1)]


def _svg_open(cid: str, width: int, height: int, title: str, desc: str, css: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="{css}" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-family="{escape_text(FONT)}">'
        f'<title id="{cid}-title">{escape_text(title)}</title>'
        f'<desc id="{cid}-desc">{escape_text(desc)}</desc>'
    )


def _chart_id(given: str | None, kind: str, *content: str) -> str:
    if given is not None:
        if not _CHART_ID.match(given):
            raise ValueError("chart_id must be a letter then up to 63 letters, digits, - or _")
        return given
    digest = hashlib.sha256("\x1f".join(content).encode("utf-8", "replace")).hexdigest()
    return f"chart-{kind}-{digest[:10]}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _clamp(value: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, value))


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
