from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page and the site's other page types (projects, members, events...)."""

    name = "home"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"
