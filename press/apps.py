from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    """The press office: press releases, their archive and feeds, press contacts."""

    name = "press"
    verbose_name = _("Pressestelle")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Translations of an embargoed release go live with it (press.translation).
        from press.translation import register_signal_handlers

        register_signal_handlers()
