from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from tests.access import Endpoint, Page
from tests.careers.factories import OccupationFactory, VisionTargetFactory
from tests.plans.factories import VisionFactory


def _occupation(user: User) -> dict[str, Any]:
    return {"key": OccupationFactory().key}


def _vision(user: User) -> dict[str, Any]:
    return {"vision_id": VisionFactory(user=user).pk}


def _vision_with_target(user: User) -> dict[str, Any]:
    return {"vision_id": VisionTargetFactory(vision__user=user).vision_id}


PAGES = [
    Page("careers-explore", "signed_in"),
    Page("careers-occupation", "signed_in", _occupation),
    Page("careers-compare", "signed_in"),
    Page("careers-about", "public"),
    Page("careers-vision-target-set", "owned", _vision, methods=("post",), owner_status=None),
    Page("careers-vision-target-clear", "owned", _vision, methods=("post",), owner_status=None),
]

ENDPOINTS = [
    Endpoint("/api/careers/datasets", "get", "signed_in"),
    Endpoint("/api/careers/occupations", "get", "signed_in", owner_status=422),
    Endpoint("/api/careers/occupations/{key}", "get", "signed_in", _occupation),
    Endpoint("/api/careers/compare", "get", "signed_in", owner_status=422),
    Endpoint("/api/careers/visions/{vision_id}/target", "get", "owned", _vision_with_target),
    Endpoint(
        "/api/careers/visions/{vision_id}/target",
        "put",
        "owned",
        _vision,
        body={"occupation": "no-such-occupation"},
        owner_status=422,
    ),
    Endpoint(
        "/api/careers/visions/{vision_id}/target", "delete", "owned", _vision, owner_status=204
    ),
]
