"""Compile the interface-string catalogues (locale/*/LC_MESSAGES/*.po) into .mo files.

Django reads translations only from compiled .mo files, and its own
``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh machine may
not have. This command uses polib (installed with wagtail-localize) instead, so
``make install`` can build the catalogues anywhere Python runs. The .po files
are committed; the .mo files are build output and ignored by git.

A catalogue is skipped when its .mo file is newer than the .po file; ``--force``
compiles everything. Fuzzy and untranslated entries are left out of the .mo file,
exactly as ``msgfmt`` does, so Django falls back to the German source text.
"""

import os
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext."

    # Nothing here needs the database or the system checks, and skipping them
    # keeps `make install` fast.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Compile even if the .mo file is up to date."
        )

    def handle(self, *args, force=False, **options):
        catalogues = sorted(
            po
            for locale_path in settings.LOCALE_PATHS
            for po in Path(locale_path).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError(
                f"No catalogues found under {', '.join(map(str, settings.LOCALE_PATHS))}."
            )
        compiled = 0
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            if (
                not force
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            self._write_atomically(catalogue, mo_path)
            compiled += 1
            untranslated = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
            if untranslated and options["verbosity"] >= 1:
                self.stderr.write(
                    f"{po_path}: {untranslated} untranslated or fuzzy entries (German is shown)."
                )
        self.stdout.write(
            f"Compiled {compiled} of {len(catalogues)} catalogues "
            f"({len(catalogues) - compiled} up to date)."
        )

    @staticmethod
    def _write_atomically(catalogue, mo_path):
        # A running development server reloads translations when a .mo file
        # changes; it must never see a half-written one.
        fd, tmp_name = tempfile.mkstemp(dir=mo_path.parent, prefix=".", suffix=".mo.tmp")
        os.close(fd)
        try:
            catalogue.save_as_mofile(tmp_name)
            os.chmod(tmp_name, 0o644)
            os.replace(tmp_name, mo_path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
