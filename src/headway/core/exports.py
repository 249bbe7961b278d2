"""The "download my data" registry: each app registers a section of a user's export.

An app adds its tables by decorating a function in its `exports.py` (imported from its
AppConfig.ready) with `@export_section("name")`. The function returns JSON-ready data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

Exporter = Callable[[Any], Any]
_SECTIONS: dict[str, Exporter] = {}


def export_section(name: str) -> Callable[[Exporter], Exporter]:
    """Register `fn(user)` as the exporter of one named section."""

    def register(fn: Exporter) -> Exporter:
        if name in _SECTIONS and _SECTIONS[name] is not fn:
            raise ValueError(f"Export section {name!r} is registered twice.")
        _SECTIONS[name] = fn
        return fn

    return register


def export_sections() -> list[str]:
    """Return the names of the registered sections, in order."""
    return sorted(_SECTIONS)


def user_data_export(user: Any) -> dict[str, Any]:
    """Return everything the user owns as one JSON-ready document."""
    return {
        "format": "headway-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "sections": {name: _SECTIONS[name](user) for name in export_sections()},
    }
