"""What unpublished page revisions use: the part of a file's usage Wagtail does not index."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnpublishedReference(models.Model):
    """An image or document used by an unpublished revision of a page.

    Wagtail's reference index reads a page's own row, which holds the live content
    of a live page; a draft or scheduled revision of that page (a new attachment
    in tomorrow's version of a release) is not in it. These rows fill the gap so
    such files stay private. They never make a file public; they only say that a
    page not yet showing the file will. Kept up to date by ``files.signal_handlers``;
    ``manage.py rebuild_file_references`` rebuilds them.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Seite")
    )
    # The same pair Wagtail's ReferenceIndex uses for the referenced object.
    to_content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    to_object_id = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("Verwendung in unveröffentlichter Fassung")
        verbose_name_plural = _("Verwendungen in unveröffentlichten Fassungen")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "to_content_type", "to_object_id"],
                name="files_unpublishedreference_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["to_content_type", "to_object_id"], name="files_unpublished_target"
            )
        ]

    def __str__(self):
        return f"{self.to_content_type_id}:{self.to_object_id} ← page {self.page_id}"
