"""Keep document texts and the pages that attach the documents in the search index current.

Connected in ``SearchConfig.ready()``. Nothing here may break an upload or a
deletion: failures are logged, and ``manage.py extract_document_text`` catches up.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search import index

from search.documents import pages_attaching, reindex_pages_attaching, update_document_text

logger = logging.getLogger(__name__)


def document_saved(instance, raw=False, update_fields=None, **kwargs):
    """A new or replaced file: extract its text and re-index the pages attaching it."""
    if raw:
        return
    if update_fields is not None and not {"file", "file_hash"} & set(update_fields):
        return  # only a title, collection or file size changed
    try:
        # A savepoint: a database error here must not poison the upload's transaction.
        with transaction.atomic():
            if update_document_text(instance):
                reindex_pages_attaching([instance])
    except Exception:
        logger.exception("Could not update the search text of document %s", instance.pk)


def document_deleting(instance, **kwargs):
    """Remember the attaching pages while the reference index still knows them."""
    try:
        instance._search_page_ids = [page.pk for page in pages_attaching([instance])]
    except Exception:
        logger.exception("Could not find the pages attaching document %s", instance.pk)


def document_deleted(instance, **kwargs):
    """The document's text is gone with it: re-index the pages that attached it."""
    page_ids = getattr(instance, "_search_page_ids", None)
    if not page_ids:
        return
    try:
        with transaction.atomic():
            for page in Page.objects.filter(pk__in=page_ids).specific():
                index.insert_or_update_object(page)
    except Exception:
        logger.exception("Could not re-index the pages of deleted document %s", instance.pk)


def register_signal_handlers():
    # The "did you mean" vocabulary is built from what readers can find.
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from search.suggest import invalidate

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"search_vocabulary_{id(signal)}")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="search_vocabulary_deleted")

    document_model = get_document_model()
    post_save.connect(document_saved, sender=document_model, dispatch_uid="search_document_saved")
    pre_delete.connect(
        document_deleting, sender=document_model, dispatch_uid="search_document_deleting"
    )
    post_delete.connect(
        document_deleted, sender=document_model, dispatch_uid="search_document_deleted"
    )
