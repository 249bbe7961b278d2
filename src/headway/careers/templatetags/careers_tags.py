"""Template filters and tags of the career explorer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from headway.careers import selectors
from headway.careers.facts import money
from headway.domain import plain
from headway.domain.riasec import TYPE_NAMES

register = template.Library()


@register.filter
def usd(value: Decimal | float | None) -> str:
    """Return whole dollars, "$95,000"; "" for None."""
    return "" if value is None else money(value)


@register.filter
def signed_percent(value: Decimal | float | None) -> str:
    """Return a change in percent with its sign, "+15.8%"."""
    if value is None:
        return ""
    return f"{value:+.1f}%"


@register.filter
def thousands(value: Decimal | float | None) -> str:
    """Return a count given in thousands as a whole number, 1,895.5 -> "1,895,500"."""
    if value is None:
        return ""
    return f"{round(Decimal(value) * 1000):,}"


@register.filter
def interest_names(code: str) -> str:
    """Return a RIASEC high-point code in words, "IRC" -> "Investigative, Realistic, ..."."""
    return ", ".join(TYPE_NAMES[letter] for letter in code if letter in TYPE_NAMES)


@register.filter
def interest_name(letter: str) -> str:
    """Return the name of one RIASEC type."""
    return TYPE_NAMES.get(letter, letter)


@register.inclusion_tag("careers/_vision_target_summary.html", takes_context=True)
def vision_target(context: template.Context, vision: Any) -> dict[str, Any]:
    """Render a vision's target occupation: pay position and preparation gap."""
    request = context.get("request")
    user = getattr(request, "user", None)
    summary = None
    if vision is not None and user is not None and user.is_authenticated:
        summary = selectors.vision_target_summary(user, vision)
    return {"vision": vision, "summary": summary, "request": request}


@register.filter
def display_title(occupation: Any) -> str:
    """Return an occupation's title as shown: ESCO labels in title case, O*NET's as they are."""
    return plain.title_case(occupation.title) if occupation.source == "esco" else occupation.title
