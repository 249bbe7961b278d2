from __future__ import annotations

from typing import Any

from django import template

from headway.coach.selectors import parse_goal_fields
from headway.coach.views import panel_context

register = template.Library()


@register.inclusion_tag("coach/_panel.html", takes_context=True)
def smart_panel(context: dict[str, Any], form: Any) -> dict[str, object]:
    """Render the SMART checks for a goal form as it stands, so they show without JavaScript."""
    request = context["request"]
    data = {name: str(form[name].value() or "") for name in form.fields}
    return panel_context(request, data.get("statement", ""), parse_goal_fields(data))
