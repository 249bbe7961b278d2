"""`{% pagination page %}`: links to the previous and next pages, keeping the other filters."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()


@register.inclusion_tag("core/_pagination.html", takes_context=True)
def pagination(context: dict[str, Any], page: Page[Any], param: str = "page") -> dict[str, Any]:
    query = context["request"].GET.copy()

    def link(number: int) -> str:
        query[param] = str(number)
        return "?" + query.urlencode()

    return {
        "page": page,
        "previous_url": link(page.previous_page_number()) if page.has_previous() else "",
        "next_url": link(page.next_page_number()) if page.has_next() else "",
    }
