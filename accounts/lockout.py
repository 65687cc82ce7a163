"""Login lockouts: when one ends, the page a locked-out user sees, and lifting one.

django-axes counts failed logins per user name and client address (settings:
``AXES_*``, README "Sign-in protection"). A pair of the two is locked out once
its failures within the cool-off reach the limit, until the cool-off has passed
since the last failure. axes keeps one record per pair and browser (user agent);
a pair's failures are the sum over its records, so the helpers here always look
at the pair, as axes does.

The lockout page answers HTTP 429 in the reader's language and says when to
try again, as a local time and in minutes: on the public login in the site's
look, on Wagtail's login in the admin's (German or English, the admin's
languages). It shows the login form again with the user name filled in.
"""

import logging
import math
from datetime import datetime

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled
from wagtail.log_actions import log

from security.client_ip import client_ip

logger = logging.getLogger(__name__)

UNLOCK_ACTION = "accounts.unlock"


def cool_off_threshold() -> datetime:
    """Failures before this moment no longer count."""
    return timezone.now() - get_cool_off()


def pair_attempts(username, ip_address):
    """axes' records of one user name from one address (one per browser)."""
    return AccessAttempt.objects.filter(username=username, ip_address=ip_address)


def locked_until(username, ip_address) -> datetime | None:
    """When the lockout of ``username`` from ``ip_address`` ends; None if there is none."""
    totals = pair_attempts(username, ip_address).aggregate(
        failures=Sum("failures_since_start", default=0), last=Max("attempt_time")
    )
    if totals["last"] is None or totals["failures"] < settings.AXES_FAILURE_LIMIT:
        return None
    until = totals["last"] + get_cool_off()
    return until if until > timezone.now() else None


def unlock(attempt: AccessAttempt, user) -> int:
    """Lift the lockout of the attempt's user name and address, in Wagtail's audit log."""
    log(
        instance=attempt,
        action=UNLOCK_ACTION,
        user=user,
        title=f"{attempt.username} ({attempt.ip_address})",
        data={"username": attempt.username, "ip_address": attempt.ip_address},
    )
    # axes' own reset, so whichever handler is configured forgets the pair.
    return reset(ip=attempt.ip_address, username=attempt.username)


def is_admin_request(request) -> bool:
    return request.path.startswith(reverse("wagtailadmin_home"))


def admin_language() -> str:
    """The admin speaks German or English; every other reader gets German."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    permitted = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    return code if code in permitted else settings.LANGUAGE_CODE


def lockout_response(request, original_response=None, credentials=None):
    """axes' AXES_LOCKOUT_CALLABLE: the lockout page instead of the login form's answer."""
    try:
        return _lockout_page(request, credentials)
    except Exception:
        # The page must never turn a lockout into a server error; the plain
        # answer still refuses the login and says why.
        logger.exception("The lockout page could not be rendered.")
        return HttpResponse(
            _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es später erneut."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )


def _lockout_page(request, credentials):
    username = get_client_username(request, credentials) or ""
    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    now = timezone.now()
    until = locked_until(username, address) or now + get_cool_off()
    seconds = max(int((until - now).total_seconds()), 1)
    context = {
        "locked_until": until,
        "lockout_minutes": math.ceil(seconds / 60),
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    initial = {"username": username}
    if is_admin_request(request):
        with translation.override(admin_language()):
            context["form"] = get_user_login_form()(request, initial=initial)
            context["show_password_reset"] = password_reset_enabled()
            response = render(request, "accounts/admin_lockout.html", context, status=429)
    else:
        context["form"] = AuthenticationForm(request, initial=initial)
        response = render(request, "registration/login.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
