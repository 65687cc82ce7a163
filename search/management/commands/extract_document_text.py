"""Extract the text of uploaded PDF documents for the site search.

Uploads extract their text as they are saved; this command catches up on
documents that have none yet (uploaded before, or while extraction failed) or
whose file changed since, and with ``--all`` reads every document again. Pages
that attach a document whose text changed are re-indexed. Running it twice
changes nothing the second time.
"""

from django.core.management.base import BaseCommand
from django.db.models import F
from wagtail.documents import get_document_model

from search.documents import reindex_pages_attaching, update_document_text
from search.models import DocumentText


class Command(BaseCommand):
    help = (
        "Extract the text of documents that have none yet (or --all), "
        "then re-index the pages that attach them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="redo_all",
            help="Read every document again, not only those without a current text.",
        )

    def handle(self, *args, redo_all=False, **options):
        documents = get_document_model().objects.order_by("pk")
        if not redo_all:
            # No text row yet, or one extracted from another file than the current one.
            documents = documents.exclude(search_text__file_hash=F("file_hash"))

        checked, changed, failed = [], [], []
        for document in documents.iterator(chunk_size=100):
            checked.append(document.pk)
            try:
                if update_document_text(document, force=redo_all):
                    changed.append(document)
            except Exception as error:  # report it and go on with the next one
                failed.append((document, repr(error)))

        without_text = DocumentText.objects.filter(document__in=checked).exclude(error="")
        for row in without_text.select_related("document").order_by("document_id"):
            self.stdout.write(f"  {row.document.title}: {row.error}")
        for document, error in failed:
            self.stderr.write(f"  {document.title}: {error}")

        reindexed = reindex_pages_attaching(changed)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(checked)} Dokumente geprüft, {len(changed)} mit neuem Text, "
                f"{without_text.count()} ohne Text, {len(failed)} fehlgeschlagen; "
                f"{reindexed} Seiten neu indiziert."
            )
        )
