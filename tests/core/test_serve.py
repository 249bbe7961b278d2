"""Two `headway serve` processes side by side, sharing the login limits through the cache."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

HEADWAY = [sys.executable, "-m", "headway"]
PASSWORD = "correct horse battery staple 42"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


class Browser:
    """A user agent with its own cookies, posting forms with their CSRF token."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, base: str, email: str, password: str) -> tuple[int, str]:
        _, page = self.get(f"{base}/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "login": email, "password": password}
        ).encode()
        request = urllib.request.Request(  # noqa: S310  (http:// to the test server)
            f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def _answers(url: str) -> bool:
    try:
        return Browser().get(url)[0] == 200
    except urllib.error.URLError:  # not listening yet
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.fixture(params=["database", "redis"])
def two_servers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """Start two servers on one host, one worker each, sharing one database and cache."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "XDG_RUNTIME_DIR"))
    }
    env.update(HOME=str(tmp_path / "home"), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip("no Redis server at 127.0.0.1:6379")
        env["CACHE_URL"] = "redis://127.0.0.1:6379/5"
    (tmp_path / "home").mkdir()
    subprocess.run([*HEADWAY, "migrate", "--no-input", "-v0"], env=env, check=True, timeout=300)
    email = f"user-{secrets.token_hex(4)}@example.org"
    create = (
        "from allauth.account.models import EmailAddress;"
        "from headway.accounts.models import User;"
        f"u = User.objects.create_user({email!r}, {PASSWORD!r});"
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True)"
    )
    subprocess.run(
        [*HEADWAY, "shell", "-c", create], env=env, check=True, timeout=120, capture_output=True
    )
    servers = []
    bases = []
    try:
        for name in ("one", "two"):
            port = _free_port()
            server_env = {**env, "HEADWAY_DATA_DIR": str(tmp_path / name)}
            servers.append(
                subprocess.Popen(
                    [*HEADWAY, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                    env=server_env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base, server in zip(bases, servers, strict=True):
            deadline = time.monotonic() + 120
            while not _answers(f"{base}/healthz"):
                assert server.poll() is None, f"the server at {base} stopped"
                assert time.monotonic() < deadline, f"the server at {base} did not start"
                time.sleep(0.3)
        yield bases[0], bases[1], email
        assert all(server.poll() is None for server in servers), "a server stopped"
        assert not (tmp_path / "home" / ".gunicorn").exists()
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def test_two_servers_run_side_by_side_and_share_the_login_limit(
    two_servers: tuple[str, str, str],
) -> None:
    one, two, email = two_servers
    attacker = Browser()
    # Five wrong passwords for one account, spread over the two servers...
    for base in (one, two, one, two, one):
        status, body = attacker.sign_in(base, email, "wrong password")
        assert status == 200
        assert "Too many" not in body
    # ...spend the account's allowance on both: neither server checks the next password.
    for base in (one, two):
        status, body = Browser().sign_in(base, email, PASSWORD)
        assert status == 200
        assert "Too many failed login attempts" in body
