"""The client's address of a request, read through a known number of trusted proxies."""

from __future__ import annotations

import ipaddress


def client_address(remote_addr: str, forwarded_for: str | None, trusted_proxies: int) -> str:
    """Return the address of the client behind `trusted_proxies` proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the
    entry `trusted_proxies` from the right was written by the outermost trusted proxy; entries
    further left came from the client and may be forged. Without trusted proxies, or when the
    header is shorter than the chain (the request did not come through it), or the entry is not
    an address, the connection's own address is the answer.
    """
    if trusted_proxies > 0 and forwarded_for:
        entries = [entry.strip() for entry in forwarded_for.split(",")]
        if len(entries) >= trusted_proxies:
            address = _parse(entries[-trusted_proxies])
            if address:
                return address
    return _parse(remote_addr) or remote_addr


def _parse(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.5:443
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
