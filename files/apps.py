from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Private files that follow their page: images and documents are served only to
    readers who may see a page using them (see ``files.access``)."""

    name = "files"
    verbose_name = _("Dateien")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from files import signal_handlers

        signal_handlers.register()
