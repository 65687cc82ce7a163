"""An authentication backend for the test settings only.

axes' backend refuses ``authenticate()`` without a request, and Django's test
client calls it without one in ``client.login()``. This backend hands axes a
request from the loopback address instead, so lockouts still apply to
``client.login()`` (a locked-out user name is refused) while the rest of the
suite keeps using ``force_login`` or real POSTs to the login pages, which carry
their request and are counted like any other.
"""

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class TestClientAxesBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
        return super().authenticate(request, username=username, password=password, **kwargs)
