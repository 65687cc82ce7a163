"""Export or erase everything stored about one comment writer, by e-mail (DSGVO Art. 15, 17)."""

import json

from django.core.management.base import BaseCommand, CommandError

from comments import privacy


class Command(BaseCommand):
    help = "Exportiert (export) oder löscht (erase) die Kommentardaten einer E-Mail-Adresse."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Löschen ohne Rückfrage (für Skripte)."
        )

    def handle(self, *args, action, email, yes, **options):
        if action == "export":
            self.stdout.write(
                json.dumps(privacy.export_writer(email), ensure_ascii=False, indent=2)
            )
            return
        if not yes:
            answer = input(f"Alle Kommentardaten von {email} unwiderruflich löschen? [j/N] ")
            if answer.strip().lower() not in {"j", "ja", "y", "yes"}:
                raise CommandError("Abgebrochen, nichts gelöscht.")
        erased = privacy.erase_writer(email, actor=None)
        self.stdout.write(f"Gelöscht: {erased} Kommentare von {email}")
