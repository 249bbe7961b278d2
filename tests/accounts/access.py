from __future__ import annotations

from headway.accounts.services import token_create
from tests.access import Endpoint, Page


def _token(user):  # type: ignore[no-untyped-def]
    token, _ = token_create(user=user, name="script")
    return {"token_id": token.id}


PAGES = [
    Page("accounts-settings", "signed_in"),
    Page("accounts-token-create", "signed_in", methods=("post",), owner_status=None),
    Page("accounts-token-revoke", "owned", _token, methods=("post",), owner_status=None),
    Page("accounts-export", "signed_in"),
    Page("accounts-delete", "signed_in"),
]

ENDPOINTS = [
    Endpoint("/api/account/me", "get", "signed_in"),
    Endpoint("/api/account/me", "patch", "signed_in", body={"display_name": "A"}),
    Endpoint("/api/account/me/tokens", "get", "signed_in"),
    Endpoint("/api/account/me/tokens", "post", "signed_in", body={"name": "x"}, owner_status=201),
    Endpoint("/api/account/me/tokens/{token_id}", "delete", "owned", _token, owner_status=204),
    Endpoint("/api/account/me/export", "get", "signed_in"),
]
