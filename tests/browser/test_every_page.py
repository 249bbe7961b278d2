"""Every page a signed-in user can reach, at a phone's and a laptop's width, in Chromium.

The pages come from the URL resolver; the objects behind parametrised URLs come from the
access tables (`tests/<app>/access.py`), which build real rows for the signed-in user. Each page
must fit the viewport, show every form control whose label shows, log no console error and
have no serious or critical axe-core violation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import Page
from tests.browser.conftest import ConsoleLog
from tests.careers.factories import OccupationFactory
from tests.factories import UserFactory
from tests.plans.factories import GoalFactory, MilestoneFactory
from tests.test_privacy import PAGES

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = ({"width": 390, "height": 844}, {"width": 1280, "height": 900})

# Not HTML pages: files, feeds and fragments a browser never shows as a page.
NOT_HTML = {
    "accounts-export": "JSON download",
    "core-healthz": "plain-text health check",
    "network-contacts-vcard": "vCard download",
    "network-contacts-csv": "CSV download",
    "network-contact-vcard": "vCard download",
    "plans-calendar-feed": "iCalendar feed",
    "assessments-know-skills-suggest": "htmx fragment of the skill combobox",
    "mfa_download_recovery_codes": "text download",
}
# Pages a signed-in user does not reach: they need a one-time key from an email or an
# authenticator app, belong to a signed-out visitor, or end the session.
NOT_SIGNED_IN = {
    "account_login",
    "account_signup",
    "account_logout",
    "account_inactive",
    "account_confirm_email",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "mfa_authenticate",
    # Only with an authenticator app set up.
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "core-home",
    "feedback-accept",
    "coach-public",
}

CHECKS_JS = (Path(__file__).parent / "page_checks.js").read_text()
AXE_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target).join(', ')}`);
}"""


def _names(patterns: list[Any] | None = None) -> list[tuple[str, bool]]:
    """Return (name, takes arguments) for every named URL outside the admin and the API."""
    found: list[tuple[str, bool]] = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(("admin", "api")):
                continue
            found += [
                (n, a or bool(pattern.pattern.regex.groups))
                for n, a in _names(pattern.url_patterns)
            ]
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((pattern.name, bool(pattern.pattern.regex.groups)))
    return found


def _pages_to_visit(user: Any) -> list[tuple[str, str]]:
    """Return (name, path) for every HTML page the user can open, building what they need."""
    table: dict[str, Page] = {page.name: page for page in PAGES}
    visits: list[tuple[str, str]] = []
    unaccounted = []
    for name, takes_arguments in _names():
        if name in NOT_HTML or name in NOT_SIGNED_IN:
            continue
        page = table.get(name)
        if page is None:
            # A library's page (allauth): visited when it needs no key from an email.
            if takes_arguments:
                unaccounted.append(name)
                continue
            visits.append((name, reverse(name)))
        elif "get" in page.methods and page.owner_status == 200:
            visits.append((name, reverse(name, kwargs=page.make(user))))
        elif "get" in page.methods:
            unaccounted.append(name)
    assert not unaccounted, f"say why these pages are not visited: {unaccounted}"
    return visits


def _problems_on(page: Any, console: ConsoleLog, name: str, path: str) -> list[str]:
    console.errors.clear()
    response = page.goto(path, wait_until="load")
    problems = []
    if response is None or response.status != 200:
        problems.append(f"status {response and response.status}")
    elif "text/html" not in response.headers.get("content-type", ""):
        problems.append(f"not HTML ({response.headers.get('content-type')}); list it in NOT_HTML")
    else:
        checks = page.evaluate(CHECKS_JS)
        if checks["scrollWidth"] > checks["width"] + 1:
            problems.append(f"{checks['scrollWidth']}px wide: {', '.join(checks['wide'])}")
        if checks["hidden"]:
            problems.append(f"invisible controls with visible labels: {checks['hidden']}")
        page.evaluate(AXE.read_text())
        problems += page.evaluate(AXE_JS)
    problems += [f"console: {error}" for error in console.errors]
    return [f"{name} {path} at {page.viewport_size['width']}px: {p}" for p in problems]


@pytest.mark.django_db(transaction=True)
def test_every_page_fits_shows_its_controls_and_passes_axe(
    browser: Any, live_server: Any, console: ConsoleLog
) -> None:
    assert AXE.exists(), "axe-core is missing: `make install` runs `npm ci`."
    user = UserFactory(email="sam@example.org", display_name="Sam")
    # A plan with some history, so lists, charts and the roadmap have something to draw.
    first, second = OccupationFactory(), OccupationFactory()
    goal = GoalFactory(
        user=user,
        statement="Give five talks about data engineering at local meetups by 31 March 2027",
        metric_baseline=0,
        metric_target=5,
        metric_current=2,
        metric_unit="talks",
    )
    MilestoneFactory(goal=goal)
    visits = _pages_to_visit(user)
    visits.append(("careers-compare", f"{reverse('careers-compare')}?o={first.key}&o={second.key}"))
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    problems: list[str] = []
    for viewport in VIEWPORTS:
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        console.watch(page)
        for name, path in visits:
            problems += _problems_on(page, console, name, path)
        context.close()
    console.errors.clear()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert len(visits) > 60, json.dumps(visits)
