from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.careers.selectors import vision_targets_list_for_user
from headway.core.exports import export_section


@export_section("careers")
def export_careers(user: User) -> dict[str, Any]:
    """Return the user's vision target occupations."""
    return {
        "vision_targets": [
            {
                "vision_horizon_years": target.vision.horizon,
                "occupation_code": target.occupation.code,
                "occupation_title": target.occupation.title,
                "set_at": target.set_at.isoformat(),
            }
            for target in vision_targets_list_for_user(user).order_by("vision__horizon")
        ]
    }
