"""What the site search keeps in the database besides the index itself."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The extracted text of an uploaded document (PDF), so pages that attach it
    can be found by what the document says. Filled when a document is saved;
    `extract_document_text` fills it for documents uploaded before."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    text = models.TextField(blank=True)
    # The file hash the text was extracted from: a new upload re-extracts.
    file_hash = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)
    # Why there is no text (encrypted, damaged, scanned image without text...).
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("Dokumenttext")
        verbose_name_plural = _("Dokumenttexte")

    def __str__(self):
        return str(self.document)


class ZeroResultQuery(models.Model):
    """A search that found nothing, counted per language, so editors can see
    what readers look for in vain and promote a page for it."""

    query_string = models.CharField(_("Suchanfrage"), max_length=255)
    language = models.CharField(_("Sprache"), max_length=12)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)
    first_seen = models.DateTimeField(_("zuerst gesucht"), auto_now_add=True)
    last_seen = models.DateTimeField(_("zuletzt gesucht"), auto_now=True)

    class Meta:
        verbose_name = _("Suche ohne Treffer")
        verbose_name_plural = _("Suchen ohne Treffer")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language"], name="unique_zero_result_query"
            )
        ]
        ordering = ["-last_seen"]

    def __str__(self):
        return self.query_string


class PendingIndexUpdate(models.Model):
    """An index update the search engine did not accept (down, hanging, refused).
    Publishing goes on regardless; `search_catch_up` (cron) and the next
    successful update retry these."""

    class Action(models.TextChoices):
        INDEX = "index", _("indizieren")
        DELETE = "delete", _("entfernen")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.INDEX)
    backend = models.CharField(max_length=50, default="default")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ausstehende Index-Aktualisierung")
        verbose_name_plural = _("ausstehende Index-Aktualisierungen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "backend"], name="unique_pending_index_update"
            )
        ]
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.action} {self.content_type_id}:{self.object_id}"
