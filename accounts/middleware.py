"""The second factor at request time (wagtail-2fa's middleware, our policy).

wagtail-2fa's ``VerifyUserMiddleware`` wraps django-otp's so ``request.user``
knows whether this session proved a second factor, and redirects a user who has
not to the code form (or, without a device yet, to setting one up). Whom it
applies to is decided here instead of by wagtail-2fa's ``enable_2fa``
permission: ``accounts.two_factor.needs_second_factor`` reads
``TWO_FACTOR_REQUIRED`` and ``TWO_FACTOR_GROUPS`` on every request, so a change of
groups or settings takes effect at once.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from wagtail_2fa.middleware import VerifyUserMiddleware

from accounts.two_factor import needs_second_factor


class TwoFactorMiddleware(VerifyUserMiddleware):
    # Reachable before the second factor: the code form, signing in and out.
    _allowed_url_names = [
        *VerifyUserMiddleware._allowed_url_names,
        "logout",
    ]

    def process_request(self, request):
        # Installs request.user.is_verified() (django-otp) for every request.
        self._install_lazy_accessors(request)
        if not self._require_verified_user(request):
            return None
        user = request.user
        if not user_has_device(user, confirmed=True):
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtail_2fa_device_new")
            )
        if not user.is_verified():
            return redirect_to_login(request.get_full_path(), login_url=reverse("wagtail_2fa_auth"))
        return None

    def _require_verified_user(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not needs_second_factor(user):
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in self._allowed_url_names:
            return False
        # Setting up the first device needs its pages.
        return not (
            url_name in self._allowed_url_names_no_device
            and not user_has_device(user, confirmed=True)
        )
