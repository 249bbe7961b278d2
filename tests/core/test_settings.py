"""Settings read from the environment refuse what they cannot read, naming the variable."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _check(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headway", "check"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECURE_SSL_REDIRECT", "ture", "SECURE_SSL_REDIRECT='ture' is not a yes/no value"),
        ("BEHIND_PROXY", "maybe", "BEHIND_PROXY='maybe' is not a yes/no value"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT='twenty-five' is not a whole number"),
        ("HEADWAY_TRUSTED_PROXIES", "-1", "HEADWAY_TRUSTED_PROXIES=-1 is below its minimum of 0"),
        ("HEADWAY_WORKERS", "0", "HEADWAY_WORKERS=0 is below its minimum of 1"),
        ("HEADWAY_MODE", "prod", "HEADWAY_MODE='prod' must be one of: local, production"),
        ("CACHE_URL", "memcached://x", "CACHE_URL='memcached://x' is not understood"),
        ("HEADWAY_LOGIN_RATE_LIMIT", "5/5 minutes", "'5/5 minutes' is not a rate"),
    ],
)
def test_an_unreadable_value_refuses_to_start(name: str, value: str, message: str) -> None:
    result = _check(**{name: value})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("TRUE", True),
        (" 1 ", True),
        ("on", True),
        ("no", False),
        ("False", False),
        ("0", False),
        ("off", False),
        ("", None),
    ],
)
def test_the_usual_yes_and_no_words_are_read(
    value: str, expected: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway.settings import env_bool

    monkeypatch.setenv("SOME_SWITCH", value)
    assert env_bool("SOME_SWITCH", True) is (True if expected is None else expected)
    assert env_bool("SOME_SWITCH", False) is (False if expected is None else expected)
