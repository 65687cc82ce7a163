"""Pages are found by the text of the documents they attach."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

from search.models import DocumentText


class AttachmentTextMixin(models.Model):
    """For page types that attach documents (a document block, a PDF field, a
    document link in rich text): add ``index.SearchField("attachment_text")`` to
    ``search_fields`` and the page is found by what its PDFs say.

    Put it before ``Page`` in the bases. An abstract model without fields, so
    adding it needs no migration; a model rather than a plain class because the
    Elasticsearch/OpenSearch backends name an index field after the model that
    defines it (``site_search_attachmenttextmixin__attachment_text``).
    """

    class Meta:
        abstract = True

    def attached_document_ids(self) -> list[int]:
        """The documents this page references in its current field values, in order.

        Read from the instance itself, not from the reference index table: on
        save, the search index may be updated before the reference index is.
        """
        document_type = ContentType.objects.get_for_model(get_document_model())
        ids = {}
        # Wagtail's own scan of foreign keys, chooser blocks and rich text links.
        for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(
            self
        ):
            if content_type_id == document_type.pk:
                ids[int(object_id)] = None
        return list(ids)

    def attachment_text(self) -> str:
        ids = self.attached_document_ids()
        if not ids:
            return ""
        texts = dict(
            DocumentText.objects.filter(document_id__in=ids)
            .exclude(text="")
            .values_list("document_id", "text")
        )
        return "\n\n".join(texts[pk] for pk in ids if pk in texts)
