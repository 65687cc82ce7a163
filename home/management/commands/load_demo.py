"""Load (or refresh) the demo content: pages, media, vocabularies, roles and demo logins.

The texts live as JSON in ``site/demo/``; ``home.demo`` turns them into pages.
Running the command again updates the same objects instead of adding new ones.
Demo logins are created only when ``settings.DEMO_USERS_PASSWORD`` is set (dev and
test settings), never in production.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from home.demo import DemoLoader

DISCARD_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Create or update the demo content (pages, images, documents, vocabularies, "
        "roles, demo logins). Safe to run again: existing objects are updated."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        loader = DemoLoader(stdout=self.stdout)
        # Demo comment writers and reporters are invented: the moderation
        # decisions the loader replays must not e-mail them (the mails go out
        # on commit, hence around the whole transaction).
        with override_settings(EMAIL_BACKEND=DISCARD_MAIL), transaction.atomic():
            summary = loader.run()

        for label, count in summary.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            self.style.SUCCESS(f"Demo-Inhalte geladen in {time.monotonic() - started:.1f} s.")
        )
        if loader.logins:
            self.print_logins(loader.logins, settings.DEMO_USERS_PASSWORD)

    def print_logins(self, logins, password):
        rows = [("Benutzername", "Gruppe", "Passwort"), *[(u, g, password) for u, g in logins]]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        line = "+".join("-" * (w + 2) for w in widths)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo-Zugänge (nur für die Entwicklung):"))
        for index, row in enumerate(rows):
            cells = " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            self.stdout.write(f" {cells}".rstrip())
            if index == 0:
                self.stdout.write(line)
