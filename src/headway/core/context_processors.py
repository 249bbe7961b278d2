from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from headway.core.navigation import STEPS


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"process_steps": STEPS}
