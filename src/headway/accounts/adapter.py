"""How django-allauth reads the client's address and limits failed sign-ins here."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse

from headway.accounts.devices import device_recognised, device_remember
from headway.domain.addresses import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(
            request.META.get("REMOTE_ADDR", ""),
            request.headers.get("X-Forwarded-For"),
            settings.HEADWAY_TRUSTED_PROXIES,
        )

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth adds the request's host, so each name the site answers to (and each server
        # port) would get its own allowance; one account has one.
        return str(credentials.get("email") or credentials.get("username") or "").lower()

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count a recognised device's attempts against that device, everyone else's as usual.

        The count is taken before the password is checked and given back when it is right
        (allauth's `authenticate`), so only failures use up the allowance.
        """
        device = device_recognised(request, str(credentials.get("email") or ""))
        if device is None:
            super().pre_authenticate(request, **credentials)
            return
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed_device", key=device
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def post_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse:
        response = super().post_login(request, user, **kwargs)
        device_remember(response, getattr(user, "email", ""))
        return response
