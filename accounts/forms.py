"""The admin's login form and the code form of the second step of signing in."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail_2fa.forms import TokenForm as BaseTokenForm

from accounts.two_factor import candidate_devices, normalise_code


class LoginForm(WagtailLoginForm):
    """Wagtail's login form; its password field has no label, so the German admin
    showed Django's field name "Password" (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")


class TokenForm(BaseTokenForm):
    """wagtail-2fa's code form, choosing the device the code is meant for.

    wagtail-2fa 1.8 leaves the device to django-otp, whose current versions refuse
    a code without one ("Please select a device."), so no code was ever accepted.
    Here six digits go to the user's authenticator apps and anything else to the
    recovery codes, typed with or without spaces, hyphens and capitals.
    """

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        field = self.fields["otp_token"]
        field.label = _("Code")
        field.help_text = _(
            "Die sechsstellige Zahl aus Ihrer Authenticator-App oder einer Ihrer "
            "Wiederherstellungscodes."
        )
        field.widget.attrs.update({"autocomplete": "one-time-code", "spellcheck": "false"})

    def clean(self):
        code = normalise_code(self.cleaned_data.get("otp_token") or "")
        if not code:
            return self.cleaned_data
        error = forms.ValidationError(self.otp_error_messages["invalid_token"], code="invalid")
        # Throttling counts must survive a wrong code, so the error leaves the
        # transaction only after it has been committed (as in django-otp's form).
        with transaction.atomic():
            self.user.otp_device = None
            for device in candidate_devices(self.user, code):
                try:
                    self.user.otp_device = self._verify_token(self.user, code, device)
                    break
                except forms.ValidationError as failure:
                    error = failure
        if self.user.otp_device is None:
            raise error
        return self.cleaned_data
