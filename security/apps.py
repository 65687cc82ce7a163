from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(sender, using="default", verbosity=1, **kwargs):
    """``migrate`` also creates the database cache's table, so no setup step can forget it."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class SecurityConfig(AppConfig):
    """What keeps the site safe to run: the client address behind proxies, response
    headers, shared rate-limit counters and the checks that production is set up so."""

    name = "security"
    verbose_name = _("Sicherheit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the system checks, and the path converters <id:> and <year:>
        # before any URLconf (Wagtail's admin URLs from hooks included) is loaded.
        from security import checks, converters  # noqa: F401

        post_migrate.connect(create_cache_tables, sender=self)
