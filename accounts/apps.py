from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in protection: login lockouts (django-axes) and the second factor for the
    groups that publish or moderate (django-otp, wagtail-2fa's views)."""

    name = "accounts"
    verbose_name = _("Anmeldeschutz")
    default_auto_field = "django.db.models.BigAutoField"
