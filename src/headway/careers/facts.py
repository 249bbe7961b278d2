"""Pay figures as BLS publishes them, and where a salary sits among them. No Django here.

BLS prints a marker instead of a wage where it has none: `#` for a wage at or above its top
code (May 2024: $115.00 an hour, $239,200 a year), `*` or `**` where no estimate is published.
The markers are kept and shown in words; a number is never made up for them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from headway.domain.charts import AtLeast, hexagon_svg, range_bar_svg

TOP_CODED = "#"
PERCENTILES = (10, 25, 50, 75, 90)
_KEYS = {10: "p10", 25: "p25", 50: "median", 75: "p75", 90: "p90"}
_CHART_ID = re.compile(r"[^A-Za-z0-9_-]")


def money(amount: Decimal | float, *, hourly: bool = False) -> str:
    """Return dollars: cents for hourly wages, whole dollars for annual ones."""
    return f"${amount:,.2f}" if hourly else f"${amount:,.0f}"


def ordinal(number: int) -> str:
    """Return 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@dataclass(frozen=True)
class PayFigure:
    """One published wage: an amount, or the marker BLS printed instead."""

    amount: Decimal | None
    marker: str
    top: Decimal | None
    hourly: bool

    @classmethod
    def parse(cls, value: str | None, top: Decimal | None, *, hourly: bool) -> PayFigure:
        """Read a stored cell: a dollar amount as text, or a BLS marker."""
        if value is None or value == "":
            return cls(None, "*", top, hourly)
        try:
            return cls(Decimal(value), "", top, hourly)
        except InvalidOperation:
            return cls(None, value, top, hourly)

    @property
    def is_top_coded(self) -> bool:
        return self.marker == TOP_CODED

    @property
    def text(self) -> str:
        """Return the figure in words, e.g. "$54,120", "≥ $239,200" or "not published"."""
        if self.amount is not None:
            return money(self.amount, hourly=self.hourly)
        if self.is_top_coded:
            return f"≥ {money(self.top, hourly=self.hourly)}" if self.top else "top-coded"
        return "not published"

    @property
    def explanation(self) -> str:
        """Return what BLS's marker means, or "" for a plain amount."""
        if self.amount is not None:
            return ""
        if self.is_top_coded:
            return "BLS reports only that this wage is at or above its top code (#)."
        return f"BLS publishes no estimate here ({self.marker or '*'})."

    @property
    def chart_value(self) -> float | AtLeast | None:
        if self.amount is not None:
            return float(self.amount)
        if self.is_top_coded and self.top is not None:
            return AtLeast(float(self.top))
        return None


@dataclass(frozen=True)
class WageTable:
    """A wage distribution (mean and the 10th to 90th percentiles), hourly or annual."""

    mean: PayFigure
    percentiles: Mapping[int, PayFigure]
    hourly: bool

    @property
    def median(self) -> PayFigure:
        return self.percentiles[50]

    @property
    def rows(self) -> list[tuple[str, PayFigure]]:
        """Return (label, figure) pairs from the 10th percentile up."""
        return [(f"{ordinal(p)} percentile", self.percentiles[p]) for p in PERCENTILES]

    @property
    def published(self) -> bool:
        return any(figure.chart_value is not None for figure in self.percentiles.values())

    @property
    def markers(self) -> list[str]:
        """Return the explanations of the markers in this table, each once."""
        seen: dict[str, None] = {}
        for figure in (*self.percentiles.values(), self.mean):
            if figure.explanation:
                seen.setdefault(figure.explanation, None)
        return list(seen)

    def chart(self, title: str, desired: Decimal | None = None, chart_id: str | None = None) -> str:
        """Draw the range of the distribution (and the user's target, if given) as SVG."""
        return range_bar_svg(
            {p: self.percentiles[p].chart_value for p in PERCENTILES},
            float(desired) if desired is not None else None,
            title,
            money=lambda amount: money(amount, hourly=self.hourly),
            chart_id=_chart_id(chart_id),
        )


def wage_table(values: Mapping[str, str], top: Decimal | None, *, hourly: bool) -> WageTable:
    """Read a stored distribution ({"mean", "p10", ..., "p90"} -> amount or marker)."""
    return WageTable(
        mean=PayFigure.parse(values.get("mean"), top, hourly=hourly),
        percentiles={
            p: PayFigure.parse(values.get(key), top, hourly=hourly) for p, key in _KEYS.items()
        },
        hourly=hourly,
    )


@dataclass(frozen=True)
class PayPlace:
    """Where a salary sits in an occupation's pay, in words and as a chart."""

    words: str
    chart: str | None
    percentile: int | None = None


def estimate_percentile(value: Decimal, table: WageTable) -> tuple[str, int | None]:
    """Return where `value` sits among the published percentiles, and the estimate if any.

    Between two published percentiles the position is interpolated linearly and rounded to
    the nearest 5; beyond the published ones only "below" or "above" is said.
    """
    known = {
        p: figure.amount for p, figure in table.percentiles.items() if figure.amount is not None
    }
    capped = sorted(p for p, figure in table.percentiles.items() if figure.is_top_coded)
    if not known and not capped:
        return "not comparable: BLS publishes no percentiles", None
    if capped:
        top = table.percentiles[capped[0]].top
        if top is not None and value >= top:
            return (
                f"at or above the {ordinal(capped[0])} percentile, which BLS reports only as "
                f"{money(top, hourly=table.hourly)} or more",
                None,
            )
    if not known:
        return "below the top-coded percentiles", None
    ordered = sorted(known)
    low, high = ordered[0], ordered[-1]
    if value < known[low]:
        return f"below the {ordinal(low)} percentile", None
    if value > known[high]:
        return f"above the {ordinal(high)} percentile", None
    for below, above in pairwise(ordered):
        if known[below] <= value <= known[above]:
            span = known[above] - known[below]
            share = (value - known[below]) / span if span else Decimal(0)
            estimate = below + float(share) * (above - below)
            rounded = max(below, min(above, int(5 * round(estimate / 5))))
            if rounded == 50:
                return "around the 50th percentile (the median)", 50
            return f"around the {ordinal(rounded)} percentile", rounded
    return f"at the {ordinal(low)} percentile", low


def pay_place(
    desired: Decimal | None,
    currency: str,
    annual: WageTable | None,
    *,
    occupation_title: str,
) -> PayPlace:
    """Say where the user's desired salary sits in the occupation's national annual pay."""
    if annual is None or not annual.published:
        return PayPlace(
            f"BLS publishes no national annual pay for {occupation_title}, so your salary "
            "target cannot be placed.",
            None,
        )
    title = f"Annual pay: {occupation_title}"
    if desired is None:
        return PayPlace(
            "Add a salary to this vision to see where it sits in this occupation's pay.",
            annual.chart(title),
        )
    if currency and currency != "USD":
        return PayPlace(
            f"Your salary target is in {currency}; BLS pay is in US dollars, so the two are "
            "not compared.",
            annual.chart(title),
        )
    where, percentile = estimate_percentile(desired, annual)
    return PayPlace(
        f"Your target of {money(desired)} a year is {where} of US pay for {occupation_title} "
        "(BLS, national).",
        annual.chart(title, desired),
        percentile,
    )


def local_pay_words(
    desired: Decimal | None,
    currency: str,
    local: WageTable | None,
    national: WageTable | None,
    *,
    occupation_title: str,
    area_name: str,
) -> str:
    """Say what the occupation pays in an area, beside national pay, and place the salary there.

    `local` is None when BLS publishes no estimate for the occupation in the area.
    """
    if local is None or not local.published:
        return (
            f"BLS publishes no pay for {occupation_title} in {area_name}, so only national pay "
            "is shown."
        )
    words = f"In {area_name}, the median pay for {occupation_title} is {local.median.text} a year"
    if national is not None and national.median.chart_value is not None:
        words += f" ({national.median.text} nationally)"
    words += "."
    if desired is not None and (not currency or currency == "USD"):
        where, _percentile = estimate_percentile(desired, local)
        words += f" Your target of {money(desired)} a year is {where} of pay there."
    return words


def interests_svg(scores: Mapping[str, float], key: str) -> str:
    """Draw an occupation's O*NET interest profile (1-7 per type) as a RIASEC hexagon."""
    return hexagon_svg(
        dict(scores),
        7.0,
        title="Interest profile",
        min_value=1.0,
        series_names=("This occupation", "Comparison"),
        chart_id=_chart_id(f"interests-{key}"),
    )


def _chart_id(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = _CHART_ID.sub("-", value)
    if not cleaned[:1].isalpha():
        cleaned = "c" + cleaned
    return cleaned[:64]
