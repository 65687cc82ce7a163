"""The reader's address, as every rate limit, lockout and log entry sees it.

Behind a reverse proxy REMOTE_ADDR is the proxy's. ``CLIENT_IP_HEADER`` names
the header that carries the reader's address instead; for X-Forwarded-For,
``TRUSTED_PROXIES`` says how many proxies of ours append to it (nginx alone: 1,
a front cache before nginx: 2), so the address is read that many entries from
the right and whatever a client wrote into the header itself is ignored. The
parsing is django-ipware's. A missing or malformed header never raises: the
connection's own address is used, and failing that the unspecified address.
"""

from django.conf import settings
from ipware import get_client_ip

UNKNOWN = "0.0.0.0"  # noqa: S104 - a value to count under, never bound to
LIST_HEADERS = {"HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED_FOR"}


def meta_key(header: str) -> str:
    """``X-Forwarded-For`` and ``HTTP_X_FORWARDED_FOR`` both name the same META key."""
    header = header.strip()
    if header.upper() == "REMOTE_ADDR":
        return "REMOTE_ADDR"
    key = header.upper().replace("-", "_")
    return key if key.startswith("HTTP_") else f"HTTP_{key}"


def client_ip(request) -> str:
    """The client's address for ``request`` (a valid IPv4 or IPv6 address, never a list)."""
    key = meta_key(getattr(settings, "CLIENT_IP_HEADER", "REMOTE_ADDR"))
    address = None
    if key != "REMOTE_ADDR":
        # In ipware's terms, the proxies listed in the header are the hops after
        # the client: the last proxy appends the address it was connected from,
        # so with N trusted proxies N - 1 of them are listed.
        listed = max(getattr(settings, "TRUSTED_PROXIES", 1) - 1, 0) if key in LIST_HEADERS else 0
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=listed,
            request_header_order=[key],
            strict=False,
        )
    if address is None:
        address, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"])
    return address or UNKNOWN
