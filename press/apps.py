from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    """The press office: press releases, their archive and feeds, press contacts."""

    name = "press"
    verbose_name = _("Pressestelle")
    default_auto_field = "django.db.models.BigAutoField"
