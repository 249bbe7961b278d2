"""Sign-in limits, the client's address behind proxies, the admin's login, new passwords."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from headway.accounts.devices import COOKIE_NAME
from headway.accounts.models import User
from headway.accounts.services import token_create
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def _login(client: Client, email: str, password: str = PASSWORD, **headers: str) -> Any:
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, headers=headers
    )


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _device(owner: User) -> Client:
    """A browser the owner signed in from before: it holds the device cookie."""
    client = Client()
    assert _login(client, owner.email).status_code == 302
    device = client.cookies[COOKIE_NAME]
    client.logout()  # the test client's logout also drops every cookie
    client.cookies[COOKIE_NAME] = device.value
    return client


def test_a_flood_on_made_up_accounts_does_not_lock_out_the_owners_browser(owner: User) -> None:
    browser = _device(owner)
    attacker = Client()
    for number in range(30):
        _login(attacker, f"nobody{number}@example.org", "guess")
    # The address is spent: the attacker's next try is refused unchecked...
    assert TOO_MANY in _login(attacker, owner.email).content.decode()
    # ...while the owner's browser, from the same address, signs in.
    assert _login(browser, owner.email).status_code == 302
    assert _signed_in(browser)


def test_a_flood_on_the_owners_address_does_not_lock_out_the_owners_browser(owner: User) -> None:
    browser = _device(owner)
    for _ in range(10):
        _login(Client(), owner.email, "guess", REMOTE_ADDR="203.0.113.9")
    stranger_browser = Client()
    assert TOO_MANY in _login(stranger_browser, owner.email).content.decode()
    assert not _signed_in(stranger_browser)
    assert _login(browser, owner.email).status_code == 302


def test_a_recognised_browser_has_its_own_limit(owner: User) -> None:
    browser = _device(owner)
    for _ in range(5):
        assert _login(browser, owner.email, "wrong").status_code == 200
    response = _login(browser, owner.email)
    assert TOO_MANY in response.content.decode()
    assert not _signed_in(browser)


def test_a_device_cookie_counts_only_for_the_account_it_was_earned_on(owner: User) -> None:
    other = UserFactory(email="bob@example.org")
    browser = _device(owner)
    for _ in range(5):
        _login(Client(), other.email, "guess", REMOTE_ADDR="203.0.113.9")
    assert TOO_MANY in _login(browser, other.email).content.decode()


def test_a_forged_device_cookie_is_ignored(owner: User) -> None:
    for _ in range(5):
        _login(Client(), owner.email, "guess", REMOTE_ADDR="203.0.113.9")
    browser = Client()
    browser.cookies[COOKIE_NAME] = "made-up"
    assert TOO_MANY in _login(browser, owner.email).content.decode()


def _spend_address_through_proxy(forwarded_for: str) -> None:
    for number in range(10):
        _login(
            Client(),
            f"nobody{number}@example.org",
            "guess",
            REMOTE_ADDR="10.0.0.2",
            X_FORWARDED_FOR=forwarded_for,
        )


def test_behind_a_trusted_proxy_each_client_has_its_own_address(owner: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEADWAY_TRUSTED_PROXIES = 1
    # The attacker forges the left entries; the proxy appends the address it saw.
    _spend_address_through_proxy("1.2.3.4, 198.51.100.7")
    blocked = _login(Client(), owner.email, REMOTE_ADDR="10.0.0.2", X_FORWARDED_FOR="198.51.100.7")
    assert TOO_MANY in blocked.content.decode()
    other_client = _login(
        Client(), owner.email, REMOTE_ADDR="10.0.0.2", X_FORWARDED_FOR="1.2.3.4, 192.0.2.50"
    )
    assert other_client.status_code == 302


def test_without_trusted_proxies_the_connection_address_counts(owner: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEADWAY_TRUSTED_PROXIES = 0
    _spend_address_through_proxy("198.51.100.7")
    response = _login(Client(), owner.email, REMOTE_ADDR="10.0.0.2", X_FORWARDED_FOR="192.0.2.50")
    assert TOO_MANY in response.content.decode()


def test_the_admin_login_sends_staff_to_the_one_login_page() -> None:
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"
    response = Client().get("/admin/")
    assert response.status_code == 302
    assert Client().get(response["Location"]).status_code == 302  # on to the login page


def test_a_password_posted_to_the_admin_login_signs_no_one_in() -> None:
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    client = Client()
    response = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not _signed_in(client)


def _enable_totp(user: User) -> None:
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, "JBSWY3DPEHPK3PXP")


def test_staff_with_two_factor_need_the_code_to_reach_the_admin() -> None:
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    _enable_totp(staff)
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=/admin/", {"login": staff.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302
    assert not _signed_in(client)


def test_staff_sign_ins_are_throttled_like_everyone_elses() -> None:
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    for _ in range(5):
        _login(Client(), staff.email, "guess")
    assert TOO_MANY in _login(Client(), staff.email).content.decode()


def test_a_non_staff_user_is_refused_the_admin(owner_client: Client) -> None:
    assert owner_client.get("/admin/login/").status_code == 403


def _api_status(raw: str) -> int:
    return Client().get("/api/account/me", headers={"Authorization": f"Bearer {raw}"}).status_code


def test_changing_the_password_revokes_tokens_and_other_sessions(owner: User) -> None:
    _, raw = token_create(user=owner, name="script")
    here, elsewhere = Client(), Client()
    _login(here, owner.email)
    _login(elsewhere, owner.email)
    assert _api_status(raw) == 200
    new = "a brand new passphrase 2027"
    response = here.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert _api_status(raw) == 401
    assert here.get(reverse("core-dashboard")).status_code == 200
    assert elsewhere.get(reverse("core-dashboard")).status_code == 302


def test_resetting_the_password_revokes_tokens_and_sessions(owner: User) -> None:
    _, raw = token_create(user=owner, name="script")
    session = Client()
    _login(session, owner.email)
    Client().post(reverse("account_reset_password"), {"email": owner.email})
    link = re.search(r"https?://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link is not None
    client = Client()
    form_url = client.get(link.group(1))["Location"]
    new = "a brand new passphrase 2027"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert _api_status(raw) == 401
    assert session.get(reverse("core-dashboard")).status_code == 302


def test_each_name_of_the_site_shares_one_allowance_per_account(owner: User) -> None:
    for host in ("localhost", "127.0.0.1", "localhost", "127.0.0.1", "localhost"):
        _login(Client(HTTP_HOST=host), owner.email, "guess", REMOTE_ADDR="203.0.113.9")
    assert TOO_MANY in _login(Client(HTTP_HOST="127.0.0.1"), owner.email).content.decode()


def test_a_password_set_outside_the_login_pages_revokes_tokens_too(owner: User) -> None:
    # `changepassword` and scripts set it so; the admin's form below does the same.
    _, raw = token_create(user=owner, name="script")
    owner.display_name = "Alice Example"
    owner.save()
    assert _api_status(raw) == 200  # other changes to the account leave tokens alone
    owner.set_password("a brand new passphrase 2027")
    owner.save()
    assert _api_status(raw) == 401


def test_the_admin_password_form_revokes_the_users_tokens(owner: User) -> None:
    staff = UserFactory(is_staff=True, is_superuser=True)
    _, raw = token_create(user=owner, name="script")
    admin = Client()
    _login(admin, staff.email)
    new = "a brand new passphrase 2027"
    response = admin.post(
        f"/admin/accounts/user/{owner.pk}/password/",
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _api_status(raw) == 401
