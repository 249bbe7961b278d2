"""The access table every page and endpoint must appear in.

Each app's tests add an `access.py` next to them that defines `PAGES` and `ENDPOINTS`.
`tests/test_privacy.py` fails when a URL exists that no table names, so the table grows with
the URLs, and proves for each owned one that another user gets 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from headway.accounts.models import User

# public: anyone may read it. signed_in: any signed-in user, nothing private in it.
# owned: shows or changes one user's data; `make` builds that data for the owner.
Kind = Literal["public", "signed_in", "owned", "exempt"]


@dataclass(frozen=True)
class Page:
    """A named Django URL (HTML page or form post)."""

    name: str
    kind: Kind
    make: Callable[[User], dict[str, Any]] = field(default=lambda user: {})
    methods: tuple[str, ...] = ("get",)
    # Status the owner gets on GET; None skips that check (e.g. POST-only URLs).
    owner_status: int | None = 200
    # Form data for the POST; stays empty for most: a stranger must get 404 before validation.
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Endpoint:
    """One JSON API operation: an OpenAPI path template and method."""

    path: str
    method: str
    kind: Kind
    make: Callable[[User], dict[str, Any]] = field(default=lambda user: {})
    body: dict[str, Any] | None = None
    owner_status: int | None = 200
