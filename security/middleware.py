"""A request body Django cannot read answers 400, never 500.

Django parses a POST body the first time anything reads ``request.POST``,
usually CsrfViewMiddleware. For a multipart body without a boundary it raises
``MultiPartParserError`` and clears the parsed data, so its 400 handler can
read ``request.POST`` again. For a form body in another charset than UTF-8
it raises ``BadRequest`` *without* clearing: the 400 handler (and the 500
handler after it), both of which run the CSRF check and so read
``request.POST`` again, raise once more, and the reader gets the web
server's bare 500 (Django 5.2).

This middleware reads the body first, before any other code does. On a
parse error it marks the data as unreadable, the way Django does for the
errors it handles, and raises the error again: Django answers 400 with
templates/400.html in the reader's language, as for any other bad request.
"""

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError

# The content types Django parses into request.POST; no other can fail to parse.
FORM_CONTENT_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


class UnreadableBodyMiddleware:
    """Turns a POST body that cannot be parsed into Django's 400 page.

    Its place in MIDDLEWARE: after the middleware the 400 page needs (the
    reader's language, ``request.user``, the response headers). Its check runs
    before any ``process_view``, so before CsrfViewMiddleware's, the first
    reader of ``request.POST``; no middleware above it may read the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            try:
                request.POST  # noqa: B018 - parsed once here, cached for every later reader
            except (BadRequest, MultiPartParserError, SuspiciousOperation):
                request._mark_post_parse_error()
                raise
        return self.get_response(request)
