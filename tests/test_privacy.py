"""Every page and endpoint is in the access table, and nobody but the owner sees owned data."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from headway.api import api
from tests.access import Endpoint, Page
from tests.clients import BrowserClient, token_client
from tests.factories import UserFactory


def _access_modules() -> list[Any]:
    modules = []
    for info in pkgutil.iter_modules(tests.__path__):
        if info.ispkg:
            try:
                modules.append(importlib.import_module(f"tests.{info.name}.access"))
            except ModuleNotFoundError as error:
                if error.name != f"tests.{info.name}.access":
                    raise
    return modules


PAGES: list[Page] = [p for m in _access_modules() for p in m.PAGES]
ENDPOINTS: list[Endpoint] = [e for m in _access_modules() for e in m.ENDPOINTS]


def _headway_url_names(patterns: list[Any] | None = None) -> set[str]:
    names: set[str] = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            names |= _headway_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "")
            if module.startswith("headway.") and not module.startswith("headway.api"):
                names.add(pattern.name)
    return names


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(path, method) for path, ops in schema["paths"].items() for method in ops}


def test_every_page_is_in_the_access_table() -> None:
    listed = [p.name for p in PAGES]
    assert len(listed) == len(set(listed)), "a page is listed twice"
    assert _headway_url_names() == set(listed)


def test_every_endpoint_is_in_the_access_table() -> None:
    listed = [(e.path, e.method) for e in ENDPOINTS]
    assert len(listed) == len(set(listed)), "an endpoint is listed twice"
    assert _api_operations() == set(listed)


def _request(client: Client, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    if method == "get":
        return client.get(url)
    return client.post(url, data or {})


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_keep_data_private(page: Page) -> None:
    owner, stranger = UserFactory(), UserFactory()
    url = reverse(page.name, kwargs=page.make(owner))
    anonymous, owner_client, stranger_client = Client(), Client(), Client()
    owner_client.force_login(owner)
    stranger_client.force_login(stranger)
    for method in page.methods:
        anon = _request(anonymous, method, url, page.data)
        if page.kind == "public":
            assert anon.status_code == 200
            continue
        # Anonymous visitors are sent to log in (or, for owned data, may get 404).
        assert anon.status_code in (302, 404), (method, anon.status_code)
        if anon.status_code == 302:
            assert anon["Location"].startswith(reverse("account_login"))
        if page.kind == "owned":
            assert _request(stranger_client, method, url, page.data).status_code == 404
    if page.owner_status is not None and "get" in page.methods:
        assert owner_client.get(url).status_code == page.owner_status


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.path}")
def test_endpoints_keep_data_private(endpoint: Endpoint) -> None:
    owner, stranger = UserFactory(), UserFactory()
    path = endpoint.path.format(**endpoint.make(owner))
    body = json.dumps(endpoint.body) if endpoint.body is not None else None

    def call(client: Client) -> Any:
        return client.generic(
            endpoint.method.upper(), path, data=body or "", content_type="application/json"
        )

    anonymous = Client(enforce_csrf_checks=True)
    if endpoint.kind == "public":
        assert call(anonymous).status_code == 200
        return
    refused = call(anonymous)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    if endpoint.kind == "owned":
        assert call(token_client(stranger)).status_code == 404
    if endpoint.owner_status is None:
        return
    # A script with a token needs no CSRF token.
    response = call(token_client(owner))
    assert response.status_code == endpoint.owner_status, response.content[:500]
    # A browser session works too, on the same data made afresh, but writes need the CSRF token.
    browser_owner = UserFactory()
    path = endpoint.path.format(**endpoint.make(browser_owner))
    if endpoint.method != "get":
        forged = Client(enforce_csrf_checks=True)
        forged.force_login(browser_owner)
        assert call(forged).status_code == 403
    browser = BrowserClient()
    browser.force_login(browser_owner)
    response = call(browser)
    assert response.status_code == endpoint.owner_status, response.content[:500]
