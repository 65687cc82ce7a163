from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The public site search."""

    name = "search"
    label = "site_search"
    verbose_name = _("Suche")

    def ready(self):
        from search.signals import register_signal_handlers

        register_signal_handlers()
