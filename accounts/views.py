"""The second factor in the admin: wagtail-2fa's views, guarded, and our own.

wagtail-2fa's views do the work (code form, device list, new device with QR code,
rename, remove). Their app is not installed (see ``wagtail_hooks``); these
subclasses add what they lack on Wagtail 7.4 / django-otp 1.7: our settings
instead of ``WAGTAIL_2FA_REQUIRED``, Wagtail's admin page layout, a 404 instead
of a server error for unknown or foreign devices, users managing only their own
devices (administrators reset others' with the audit-logged reset below), and a
recovery-code step. Every URL is behind Wagtail's ``require_admin_access``.
"""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.views.users import change_user_perm
from wagtail_2fa import utils
from wagtail_2fa import views as base

from accounts import two_factor
from accounts.forms import TokenForm


class SettingsMixin:
    """wagtail-2fa's access rule, following TWO_FACTOR_REQUIRED."""

    def user_allowed(self, user):
        if not two_factor.is_required():
            return True
        return user.is_verified() or (self.if_configured and not user_has_device(user))


class AdminPageMixin(WagtailAdminTemplateMixin):
    header_icon = "key"
    page_title = _("Zwei-Faktor-Anmeldung")

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("accounts_two_factor"), "label": _("Zwei-Faktor-Anmeldung")},
        ]
        if self.page_title != items[-1]["label"]:
            items.append({"url": "", "label": self.page_title})
        return items


def remaining_codes_message(user) -> str:
    left = two_factor.recovery_codes_left(user)
    return ngettext(
        "Sie haben noch %(count)d Wiederherstellungscode.",
        "Sie haben noch %(count)d Wiederherstellungscodes.",
        left,
    ) % {"count": left}


class VerifyView(base.LoginView):
    """The second step of signing in: a code from the app or a recovery code."""

    template_name = "wagtail_2fa/otp_form.html"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        if not user_has_device(request.user, confirmed=True):
            return redirect("wagtail_2fa_device_new")
        if request.user.is_verified():
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")

    def form_valid(self, form):
        response = super().form_valid(form)
        if isinstance(self.request.user.otp_device, StaticDevice):
            messages.warning(
                self.request,
                _("Sie haben sich mit einem Wiederherstellungscode angemeldet; er ist verbraucht.")
                + " "
                + remaining_codes_message(self.request.user),
            )
        return response


class OverviewView(SettingsMixin, AdminPageMixin, base.DeviceListView):
    """The user's own apps and recovery codes."""

    template_name = "wagtail_2fa/device_list.html"
    if_configured = True

    def dispatch(self, request, *args, **kwargs):
        # wagtail-2fa lets "user.change_user" (a permission that does not exist)
        # see other people's devices; administrators use the reset instead.
        if kwargs.get("user_id") is None:
            kwargs["user_id"] = request.user.pk
        elif int(kwargs["user_id"]) != request.user.pk:
            raise PermissionDenied
        self.kwargs = kwargs
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recovery_codes_left"] = two_factor.recovery_codes_left(self.request.user)
        context["required"] = two_factor.group_requires_two_factor(self.request.user)
        return context


class DeviceCreateView(SettingsMixin, AdminPageMixin, base.DeviceCreateView):
    template_name = "wagtail_2fa/device_form.html"
    page_title = _("Authenticator-App einrichten")

    def post(self, request, *args, **kwargs):
        # The QR code shown belongs to the device created by the GET; without it
        # (another tab finished first) start again instead of failing.
        if self.device is None:
            return redirect("wagtail_2fa_device_new")
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.device is not None:
            # For typing into an app that cannot scan, in groups of four.
            key = b32encode(self.device.bin_key).decode().rstrip("=")
            context["secret"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
        return context

    def get_success_url(self):
        if not two_factor.recovery_codes_left(self.request.user):
            messages.success(
                self.request,
                _("Die App ist eingerichtet. Erzeugen Sie jetzt Ihre Wiederherstellungscodes."),
            )
            return reverse("accounts_recovery_codes")
        messages.success(self.request, _("Die App ist eingerichtet."))
        return reverse("accounts_two_factor")


class DeviceUpdateView(SettingsMixin, AdminPageMixin, base.DeviceUpdateView):
    template_name = "wagtail_2fa/device_form.html"
    page_title = _("App umbenennen")

    def get_success_url(self):
        return reverse("accounts_two_factor")


class DeviceDeleteView(SettingsMixin, AdminPageMixin, base.DeviceDeleteView):
    template_name = "wagtail_2fa/device_confirm_delete.html"
    page_title = _("App entfernen")

    def dispatch(self, request, *args, **kwargs):
        # wagtail-2fa's own dispatch looks the device up with .get() and fails
        # with a server error for an unknown id; its parent's checks suffice.
        return super(base.DeviceDeleteView, self).dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return TOTPDevice.objects.devices_for_user(self.request.user, confirmed=True)

    def post(self, request, *args, **kwargs):
        device = self.get_object()
        if two_factor.needs_second_factor(request.user) and (
            self.get_queryset().exclude(pk=device.pk).count() == 0
        ):
            messages.error(
                request,
                _(
                    "Ihre letzte App kann nicht entfernt werden, solange die "
                    "Zwei-Faktor-Anmeldung für Sie vorgeschrieben ist. Richten Sie "
                    "zuerst eine neue App ein."
                ),
            )
            return redirect("accounts_two_factor")
        response = super().post(request, *args, **kwargs)
        if not two_factor.has_app(request.user):
            # Recovery codes stand in for an app; without one they would only
            # keep asking for a second factor the user chose to give up.
            StaticDevice.objects.filter(user=request.user).delete()
        return response

    def get_success_url(self):
        return reverse("accounts_two_factor")


class DeviceQRCodeView(SettingsMixin, base.DeviceQRCodeView):
    if_configured = True

    def get(self, request):
        if utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(SettingsMixin, AdminPageMixin, TemplateView):
    """How many recovery codes are left; new ones, shown this one time only."""

    template_name = "accounts/recovery_codes.html"
    page_title = _("Wiederherstellungscodes")
    if_configured = True

    def dispatch(self, request, *args, **kwargs):
        if not self.user_allowed(request.user):
            return redirect("wagtail_2fa_auth")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recovery_codes_left"] = two_factor.recovery_codes_left(self.request.user)
        context["has_app"] = two_factor.has_app(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not two_factor.has_app(request.user):
            return redirect("accounts_two_factor")
        codes = two_factor.new_recovery_codes(request.user)
        return self.render_to_response(self.get_context_data(codes=codes))


User = get_user_model()


class ResetTwoFactorView(AdminPageMixin, TemplateView):
    """An administrator removes a user's apps and recovery codes (a lost phone)."""

    template_name = "accounts/reset_two_factor.html"
    page_title = _("Zwei-Faktor-Anmeldung zurücksetzen")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.target = get_object_or_404(User, pk=kwargs["user_id"])
        if not can_reset(request.user, self.target):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.target.get_username()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": _("Benutzer")},
            {
                "url": reverse("wagtailusers_users:edit", args=[self.target.pk]),
                "label": self.target.get_username(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            target=self.target,
            apps=TOTPDevice.objects.devices_for_user(self.target, confirmed=True).count(),
            recovery_codes_left=two_factor.recovery_codes_left(self.target),
            index_url=reverse_lazy("wagtailusers_users:index"),
        )
        return context

    def post(self, request, *args, **kwargs):
        two_factor.reset_devices(self.target, by=request.user)
        messages.success(
            request,
            _(
                "Die Zwei-Faktor-Anmeldung von „%(user)s“ ist zurückgesetzt. Bei der "
                "nächsten Anmeldung richtet die Person eine neue App ein."
            )
            % {"user": self.target.get_username()},
        )
        return redirect("wagtailusers_users:index")


def can_reset(user, target) -> bool:
    """Whoever may change users may reset them; a superuser's only another superuser."""
    if target.is_superuser and not user.is_superuser:
        return False
    return user.has_perm(change_user_perm)
