"""Response headers: the Content-Security-Policy and framing rule of the Wagtail admin.

Public pages get the strict policy of ``CONTENT_SECURITY_POLICY`` (everything
self-hosted, no inline script or style). The admin is Wagtail's, and Wagtail
7.4 still writes a few inline ``<script>`` elements (inline panels, date
pickers) and inline ``style`` attributes, so the admin gets its own policy
(``WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY``): the same sources (self only,
nothing from third parties), plus ``'unsafe-inline'`` for scripts and styles,
and never ``'unsafe-eval'``. README.md ("Security") says why.
"""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Gives admin responses the admin's policy; django-csp's middleware writes the header.

    Sits after ``csp.middleware.CSPMiddleware`` in MIDDLEWARE, so its response
    hook runs first and hands django-csp the policy to use, as django-csp's own
    per-view decorators do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(settings.WAGTAIL_ADMIN_URL_PREFIX):
            # Wagtail renders a preview by sending a made-up request for the
            # page's public address through the middleware, so the preview
            # arrives here carrying the public policy: the admin's replaces it.
            del response["Content-Security-Policy"]
            response._csp_config = settings.WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY
            # The same framing rule in the older header: the admin may frame
            # itself (Wagtail's preview panel), nobody else may.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
