from __future__ import annotations

import pytest

from headway.domain.addresses import client_address


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("192.0.2.1", None, 0, "192.0.2.1"),
        ("192.0.2.1", "198.51.100.7", 0, "192.0.2.1"),  # no proxy trusted: the header is ignored
        ("10.0.0.2", "198.51.100.7", 1, "198.51.100.7"),
        ("10.0.0.2", "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"),  # forged entry on the left
        ("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9", 2, "198.51.100.7"),
        ("10.0.0.2", "198.51.100.7", 2, "10.0.0.2"),  # shorter than the chain
        ("10.0.0.2", "not-an-address", 1, "10.0.0.2"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
        ("10.0.0.2", "198.51.100.7:5123", 1, "198.51.100.7"),
        ("10.0.0.2", "[2001:db8::1]:443", 1, "2001:db8::1"),
        ("10.0.0.2", "2001:db8::1", 1, "2001:db8::1"),
    ],
)
def test_it_reads_the_entry_written_by_the_outermost_trusted_proxy(
    remote: str, forwarded: str | None, proxies: int, expected: str
) -> None:
    assert client_address(remote, forwarded, proxies) == expected
