from django.core.management.base import BaseCommand

from files.references import rebuild_unpublished_references


class Command(BaseCommand):
    """Recompute which files the unpublished revisions of pages use.

    The signal handlers keep this up to date; run it once after installing the
    files app on a site that already has drafts or scheduled releases (and after
    restoring a database backup). Wagtail's own part of the usage is rebuilt with
    ``manage.py rebuild_references_index``.
    """

    help = "Recompute the files used by unpublished page revisions (files app)."

    def handle(self, *args, **options):
        count = rebuild_unpublished_references()
        self.stdout.write(f"{count} pages with unpublished revisions checked.")
