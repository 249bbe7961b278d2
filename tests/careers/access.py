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


def _horizon(user: User) -> dict[str, Any]:
    return {"horizon": VisionFactory(user=user, horizon=5).horizon}


def _horizon_with_target(user: User) -> dict[str, Any]:
    return {"horizon": VisionTargetFactory(vision__user=user, vision__horizon=10).vision.horizon}


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
    Endpoint("/api/careers/visions/{horizon}/target", "get", "owned", _horizon_with_target),
    Endpoint(
        "/api/careers/visions/{horizon}/target",
        "put",
        "owned",
        _horizon,
        body={"occupation": "no-such-occupation"},
        owner_status=422,
    ),
    Endpoint(
        "/api/careers/visions/{horizon}/target", "delete", "owned", _horizon, owner_status=204
    ),
]
