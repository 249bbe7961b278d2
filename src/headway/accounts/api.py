from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from headway.accounts import selectors, services
from headway.core.api_schema import PathId, paged
from headway.core.exports import user_data_export
from headway.core.http import authed_user

router = Router(tags=["account"])


class MeOut(Schema):
    email: str
    display_name: str
    date_joined: datetime


class MeIn(Schema):
    # The pattern is documented, not enforced here: the service refuses line breaks, tabs and
    # invisible-only names with the same words as the settings page.
    display_name: str = Field(max_length=120, json_schema_extra={"pattern": r"^[^\r\n\t]*$"})


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenIn(Schema):
    name: str = Field(max_length=80, pattern=r"^[^\r\n]*$")


class TokenCreatedOut(Schema):
    token: TokenOut
    secret: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> Any:
    return authed_user(request)


@router.patch("/me", response=MeOut)
def me_update(request: HttpRequest, payload: MeIn) -> Any:
    return services.profile_update(user=authed_user(request), display_name=payload.display_name)


@router.get("/me/tokens", response=list[TokenOut])
@paged
def tokens_list(request: HttpRequest) -> Any:
    return selectors.tokens_list_for_user(authed_user(request))


@router.post("/me/tokens", response={201: TokenCreatedOut})
def token_create(request: HttpRequest, payload: TokenIn) -> Any:
    token, raw = services.token_create(user=authed_user(request), name=payload.name)
    return Status(201, {"token": token, "secret": raw})


@router.delete("/me/tokens/{token_id}", response={204: None})
def token_revoke(request: HttpRequest, token_id: PathId) -> Any:
    token = selectors.token_get_for_user(authed_user(request), token_id)
    services.token_revoke(token=token)
    return Status(204, None)


@router.get("/me/export")
def export(request: HttpRequest) -> dict[str, Any]:
    return user_data_export(authed_user(request))
