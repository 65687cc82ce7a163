"""The reader's address behind proxies: one function for rate limits, lockouts and the IP log."""

import pytest
from django.test import RequestFactory, override_settings

from security.client_ip import client_ip

NGINX = "203.0.113.7"


@pytest.mark.parametrize(
    ("header", "proxies", "meta", "expected"),
    [
        # Directly connected (development, or no proxy).
        ("REMOTE_ADDR", 1, {}, "127.0.0.1"),
        # nginx appends the address it was connected from; the client's own
        # entries before it are ignored, however many there are.
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": NGINX}, NGINX),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": f"10.0.0.1, 1.2.3.4, {NGINX}"}, NGINX),
        ("HTTP_X_FORWARDED_FOR", 1, {"HTTP_X_FORWARDED_FOR": f"1.2.3.4,{NGINX}"}, NGINX),
        # A front cache before nginx: two proxies, the client is second from the right.
        ("X-Forwarded-For", 2, {"HTTP_X_FORWARDED_FOR": f"1.2.3.4, {NGINX}, 127.0.0.1"}, NGINX),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "2001:db8::7"}, "2001:db8::7"),
        # Missing, empty or malformed: the connection's address, never an exception.
        ("X-Forwarded-For", 1, {}, "127.0.0.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": ""}, "127.0.0.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "unknown"}, "127.0.0.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "a, b, c"}, "127.0.0.1"),
        ("X-Forwarded-For", 3, {"HTTP_X_FORWARDED_FOR": NGINX}, "127.0.0.1"),
        ("HTTP_X_REAL_IP", 1, {"HTTP_X_REAL_IP": NGINX}, NGINX),
        # A list where one address is expected: the entry the proxy wrote last.
        ("HTTP_X_REAL_IP", 1, {"HTTP_X_REAL_IP": f"1.2.3.4, {NGINX}"}, NGINX),
        ("X-Real-IP", 1, {"HTTP_X_REAL_IP": "not an address"}, "127.0.0.1"),
    ],
)
def test_the_client_address_behind_proxies(header, proxies, meta, expected):
    request = RequestFactory().get("/", **meta)
    with override_settings(CLIENT_IP_HEADER=header, TRUSTED_PROXIES=proxies):
        assert client_ip(request) == expected


def test_without_any_address_the_unspecified_one_is_counted():
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = ""  # gunicorn on a Unix socket
    assert client_ip(request) == "0.0.0.0"
