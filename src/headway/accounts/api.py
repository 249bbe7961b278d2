from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from headway.accounts import selectors, services
from headway.core.exports import user_data_export
from headway.core.http import authed_user
from headway.domain.text import TextRuleError

router = Router(tags=["account"])


class MeOut(Schema):
    email: str
    display_name: str
    date_joined: datetime


class MeIn(Schema):
    display_name: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenIn(Schema):
    name: str


class TokenCreatedOut(Schema):
    token: TokenOut
    secret: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> Any:
    return authed_user(request)


@router.patch("/me", response=MeOut)
def me_update(request: HttpRequest, payload: MeIn) -> Any:
    try:
        return services.profile_update(user=authed_user(request), display_name=payload.display_name)
    except TextRuleError as error:
        raise HttpError(422, error.message) from None


@router.get("/me/tokens", response=list[TokenOut])
def tokens_list(request: HttpRequest) -> Any:
    return list(selectors.tokens_list_for_user(authed_user(request)))


@router.post("/me/tokens", response={201: TokenCreatedOut})
def token_create(request: HttpRequest, payload: TokenIn) -> Any:
    token, raw = services.token_create(user=authed_user(request), name=payload.name[:80])
    return Status(201, {"token": token, "secret": raw})


@router.delete("/me/tokens/{token_id}", response={204: None})
def token_revoke(request: HttpRequest, token_id: int) -> Any:
    token = selectors.token_get_for_user(authed_user(request), token_id)
    services.token_revoke(token=token)
    return Status(204, None)


@router.get("/me/export")
def export(request: HttpRequest) -> dict[str, Any]:
    return user_data_export(authed_user(request))
