from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client
from django.urls import reverse

from headway.accounts.models import PersonalAccessToken, User
from headway.accounts.services import hash_token, token_create
from headway.core.exports import export_sections
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _signup(client: Client, email: str = "new@example.org", **extra: str) -> Any:
    data = {
        "display_name": "Sam Lee",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_it_signs_up_with_a_name_and_confirming_the_email_signs_in() -> None:
    client = Client()
    response = _signup(client)
    assert response.status_code == 302
    assert User.objects.get(email="new@example.org").display_name == "Sam Lee"
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.startswith("Hello Sam Lee,")
    assert "Hello from" not in body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body)
    assert link is not None
    path = link.group(0).split("testserver", 1)[1]
    response = client.post(path)
    assert EmailAddress.objects.get(email="new@example.org").verified
    # Confirmed in the browser that signed up: signed in and in the app, not at the log-in page.
    assert response.status_code == 302
    assert response["Location"] == reverse("core-dashboard")
    assert "Hello, Sam Lee" in client.get(reverse("core-dashboard")).content.decode()


def test_sign_up_asks_for_a_name() -> None:
    client = Client()
    assert 'name="display_name"' in client.get(reverse("account_signup")).content.decode()
    response = _signup(client, display_name="")
    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.org").exists()
    assert "This field is required" in response.content.decode()


def test_it_keeps_what_was_typed_when_signup_is_invalid() -> None:
    response = _signup(Client(), email="not-an-email")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="not-an-email"' in body
    assert "valid email" in body.lower()


def test_it_throttles_repeated_failed_logins(owner: User) -> None:
    client = Client()
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": owner.email, "password": "wrong password"}
        )
        assert response.status_code == 200
    # Even the right password is refused now, with a message that says why.
    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_sends_a_password_reset_email(owner: User) -> None:
    response = Client().post(reverse("account_reset_password"), {"email": owner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "password" in mail.outbox[0].subject.lower()


def test_it_stores_only_the_hash_of_a_token(owner: User) -> None:
    token, raw = token_create(user=owner, name="backup")
    assert raw.startswith("hw_")
    assert raw not in token.token_hash
    assert PersonalAccessToken.objects.get(pk=token.pk).token_hash == hash_token(raw)


def test_a_token_authenticates_api_calls_until_revoked(owner_client: Client, owner: User) -> None:
    created = owner_client.post(
        "/api/account/me/tokens", {"name": "script"}, content_type="application/json"
    ).json()
    headers = {"Authorization": f"Bearer {created['secret']}"}
    assert Client().get("/api/account/me", headers=headers).json()["email"] == owner.email
    owner_client.delete(f"/api/account/me/tokens/{created['token']['id']}")
    assert Client().get("/api/account/me", headers=headers).status_code == 401


def test_the_settings_page_creates_a_token_shown_once(owner_client: Client) -> None:
    response = owner_client.post(reverse("accounts-token-create"), {"name": "laptop"})
    assert response.status_code == 200
    raw = re.search(r'value="(hw_[^"]+)"', response.content.decode())
    assert raw is not None
    page = owner_client.get(reverse("accounts-settings")).content.decode()
    assert "laptop" in page
    assert raw.group(1) not in page


def test_an_invalid_token_name_is_explained(owner_client: Client) -> None:
    response = owner_client.post(reverse("accounts-token-create"), {"name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_form_posts_need_a_csrf_token(csrf_client: Client) -> None:
    response = csrf_client.post(reverse("accounts-token-create"), {"name": "x"})
    assert response.status_code == 403


def test_download_my_data_has_every_section(owner_client: Client, owner: User) -> None:
    token_create(user=owner, name="script")
    response = owner_client.get(reverse("accounts-export"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert set(data["sections"]) == set(export_sections())
    assert data["sections"]["account"]["email"] == owner.email
    assert data["sections"]["account"]["tokens"][0]["name"] == "script"
    assert "token_hash" not in response.content.decode()


def _rows_referring_to(user: User) -> dict[str, int]:
    """Count rows in every model that point at the user through a foreign key."""
    counts = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                n = model._default_manager.filter(**{field.name: user.pk}).count()
                if n:
                    counts[f"{model._meta.label}.{field.name}"] = n
    return counts


def test_deleting_the_account_removes_every_row_it_owns(owner_client: Client, owner: User) -> None:
    token_create(user=owner, name="script")
    assert _rows_referring_to(owner)
    response = owner_client.post(
        reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    assert _rows_referring_to(owner) == {}


def test_deleting_the_account_needs_the_password(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("accounts-delete"), {"password": "no", "confirm": "on"})
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_every_response_carries_security_headers() -> None:
    response = Client().get(reverse("core-home"))
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", csp)
    assert script_src is not None
    assert "'unsafe-inline'" not in script_src.group(1)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script() -> None:
    body = Client().get(reverse("core-home")).content.decode()
    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag


def test_unknown_urls_get_the_styled_404() -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_errors_get_the_styled_500_without_a_trace() -> None:
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in body
    assert "Traceback" not in body


def test_production_mode_refuses_the_default_secret_key() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "headway", "check"],
        env={"HEADWAY_MODE": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_mode_passes_the_deploy_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "headway", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            "HEADWAY_MODE": "production",
            "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
            "ALLOWED_HOSTS": "headway.example.org",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_user_can_be_created_without_a_username() -> None:
    user = User.objects.create_user("Someone@Example.org", "pw")
    assert user.email == "Someone@example.org"
    assert UserFactory().email.endswith("@example.org")


def _login(client: Client, user: User) -> Any:
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_two_factor_authentication_can_be_turned_on(owner: User) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        SECRET_SESSION_KEY,
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    client = Client()
    _login(client, owner)
    # Security settings ask for the password again before they change.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    counter = next(iter(yield_hotp_counters_from_time()))
    code = format_hotp_value(hotp_value(secret, counter))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=owner, type=Authenticator.Type.TOTP).exists()

    # From now on a password alone does not sign in: the code is asked for.
    client.logout()
    response = _login(client, owner)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("core-dashboard")).status_code == 302


def test_the_password_can_be_changed(owner: User) -> None:
    client = Client()
    _login(client, owner)
    new = "a brand new passphrase 2027"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)


def test_an_email_address_can_be_added_and_confirmed(owner: User) -> None:
    client = Client()
    _login(client, owner)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "alice.new@example.org"}
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=owner, email="alice.new@example.org").exists()
    assert any("alice.new@example.org" in m.to for m in mail.outbox)


def test_the_settings_page_lists_tokens_a_page_at_a_time(
    owner_client: Client, owner: User, settings: Any
) -> None:
    settings.HEADWAY_PAGE_SIZE = 2
    for n in range(5):
        token_create(user=owner, name=f"script {n}")
    first = owner_client.get(reverse("accounts-settings")).content.decode()
    assert "script 4" in first and "script 3" in first and "script 2" not in first
    last = owner_client.get(reverse("accounts-settings"), {"page": 3}).content.decode()
    assert "script 0" in last and "Page 3 of 3" in last
