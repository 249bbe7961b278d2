"""Absolute links for emails and feeds: from the request being served, else from SITE_URL.

A link built while answering a request (an invitation sent from a form, a calendar feed a
calendar app fetches) uses the address that request came to, so it reaches the server that
sent it. Outside a request (`sendreminders`) nothing says where the site is but `SITE_URL`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_request_base: ContextVar[str | None] = ContextVar("headway_request_base", default=None)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def site_link(path: str = "") -> str:
    """Return an absolute link to `path` on this site (a path from `reverse`, or "")."""
    return f"{_request_base.get() or settings.SITE_URL}{path}"


class RequestBaseMiddleware:
    """Remember the scheme and host of the request being answered, for `site_link`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # get_host() checks ALLOWED_HOSTS, so a forged Host header never reaches an email.
        token = _request_base.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_base.reset(token)


def bind_disagreement(bind: str, site_url: str) -> str | None:
    """Return why links built outside a request would miss a server bound to `bind`, or None.

    Only a local `SITE_URL` is compared: a public name (behind a proxy) rightly differs from
    the address the server binds to.
    """
    site = urlsplit(site_url)
    if site.hostname not in LOOPBACK:
        return None
    host, _, port = bind.rpartition(":")
    host = host.strip("[]")
    site_port = site.port or (443 if site.scheme == "https" else 80)
    if port != str(site_port):
        return f"port {port} is not the port of SITE_URL ({site_port})"
    if host not in LOOPBACK:
        return f"{host} is reached by another address than SITE_URL's {site.hostname}"
    return None
