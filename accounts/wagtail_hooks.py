"""Registers the sign-in protection in the admin: second-factor pages, the lockout
listing (Einstellungen → Anmeldesperren), the reset button on the user listing and
the audit-log actions.

wagtail-2fa's own app is not installed: its hooks would add an untranslatable
"2FA Setup" menu, a user-listing button checking a permission that does not
exist, and URLs whose views fail with server errors. Its views are mounted here
instead, under the same URL names, as guarded subclasses (accounts/views.py).
"""

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from accounts import two_factor, views
from accounts.lockout import UNLOCK_ACTION
from accounts.lockouts import LockoutViewSet, UnlockBulkAction


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", views.OverviewView.as_view(), name="accounts_two_factor"),
        path("2fa/auth", views.VerifyView.as_view(), name="wagtail_2fa_auth"),
        re_path(
            r"^2fa/devices/(?P<user_id>\d+)$",
            views.OverviewView.as_view(),
            name="wagtail_2fa_device_list",
        ),
        path("2fa/devices/new", views.DeviceCreateView.as_view(), name="wagtail_2fa_device_new"),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/update$",
            views.DeviceUpdateView.as_view(),
            name="wagtail_2fa_device_update",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/remove$",
            views.DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        path(
            "2fa/devices/qr-code",
            views.DeviceQRCodeView.as_view(),
            name="wagtail_2fa_device_qrcode",
        ),
        path(
            "2fa/wiederherstellungscodes/",
            views.RecoveryCodesView.as_view(),
            name="accounts_recovery_codes",
        ),
        path(
            "2fa/zuruecksetzen/<id:user_id>/",
            views.ResetTwoFactorView.as_view(),
            name="accounts_reset_two_factor",
        ),
    ]


@hooks.register("construct_main_menu")
def only_the_second_factor_until_it_is_proved(request, menu_items):
    """Before the second factor, the menu offers nothing the middleware would refuse."""
    user = request.user
    if two_factor.needs_second_factor(user) and not user.is_verified():
        menu_items[:] = [
            MenuItem(
                _("Zwei-Faktor-Anmeldung einrichten"),
                reverse("wagtail_2fa_device_new"),
                name="two-factor-setup",
                icon_name="key",
            )
        ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Zwei-Faktor-Anmeldung"),
        "help_text": _("Authenticator-Apps und Wiederherstellungscodes verwalten."),
    }


@hooks.register("register_user_listing_buttons")
def register_reset_button(user, request_user):
    if views.can_reset(request_user, user):
        yield Button(
            _("Zwei-Faktor-Anmeldung zurücksetzen"),
            reverse("accounts_reset_two_factor", args=[user.pk]),
            icon_name="key",
            priority=90,
        )


@hooks.register("register_log_actions")
def register_sign_in_log_actions(actions):
    actions.register_action(
        UNLOCK_ACTION, _("Anmeldesperre aufheben"), _("Anmeldesperre aufgehoben")
    )
    actions.register_action(
        two_factor.RESET_ACTION,
        _("Zwei-Faktor-Anmeldung zurücksetzen"),
        _("Zwei-Faktor-Anmeldung zurückgesetzt"),
    )


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


hooks.register("register_bulk_action", UnlockBulkAction)
