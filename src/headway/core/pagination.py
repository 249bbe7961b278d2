"""Pages of a user's rows: every list page shows at most HEADWAY_PAGE_SIZE rows at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

T = TypeVar("T")


def paginate(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[T],
    *,
    per_page: int | None = None,
    param: str = "page",
) -> Page[Any]:
    """Return the page of `rows` that `?page=` asks for (the last one if past the end)."""
    paginator = Paginator(rows, per_page or settings.HEADWAY_PAGE_SIZE)
    return paginator.get_page(request.GET.get(param))
