"""Where a file is used: Wagtail's reference index plus the unpublished revisions of pages.

The reference index (``wagtail.models.ReferenceIndex``) records what each page's
own row uses: for a live page its live content, for a page that has never been
live its draft or scheduled content. What a draft or scheduled revision of a live
page adds is not in it; ``record_unpublished_references`` keeps those references in
``UnpublishedReference`` so the check at request time stays two indexed queries.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import BooleanField, CharField, Exists, IntegerField, OuterRef, Value
from django.db.models.functions import Cast, Length, Substr
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Revision

from files.models import UnpublishedReference


def file_content_type_ids() -> set[int]:
    """Content types of the objects that own files under MEDIA_ROOT."""
    types = ContentType.objects.get_for_models(get_image_model(), get_document_model())
    return {content_type.pk for content_type in types.values()}


def record_unpublished_references(page_id: int) -> None:
    """Store the files used by the page's unpublished revisions (latest draft, scheduled).

    Called whenever a revision is saved and when the page is published or
    unpublished; the live content never counts here, the reference index has it.
    """
    page = Page.objects.filter(pk=page_id).values("live_revision_id").first()
    if page is None:
        return  # deleted; its rows went with it
    live_revision_id = page["live_revision_id"]
    revisions = Revision.page_revisions.filter(object_id=str(page_id))
    scheduled = revisions.exclude(approved_go_live_at=None)
    unpublished = {revision.pk: revision for revision in scheduled}
    latest = revisions.order_by("-created_at", "-pk").first()
    if latest is not None and latest.pk != live_revision_id:
        unpublished[latest.pk] = latest

    file_types = file_content_type_ids()
    wanted = set()
    for revision in unpublished.values():
        references = ReferenceIndex._extract_references_from_object(revision.as_object())
        for content_type_id, object_id, *_paths in references:
            if content_type_id in file_types:
                wanted.add((content_type_id, str(object_id)))

    with transaction.atomic():
        rows = UnpublishedReference.objects.filter(page_id=page_id)
        existing = {(row.to_content_type_id, row.to_object_id): row.pk for row in rows}
        stale = [pk for key, pk in existing.items() if key not in wanted]
        if stale:
            UnpublishedReference.objects.filter(pk__in=stale).delete()
        UnpublishedReference.objects.bulk_create(
            [
                UnpublishedReference(
                    page_id=page_id, to_content_type_id=content_type_id, to_object_id=object_id
                )
                for content_type_id, object_id in wanted - existing.keys()
            ],
            ignore_conflicts=True,
        )


@dataclass(frozen=True)
class Usage:
    """Who uses a file. ``public``: anyone may have it. Otherwise ``pages`` are the
    pages using it, each with ``shows_file`` (live and its live content uses the
    file) and ``restricted`` (a view restriction on it or an ancestor)."""

    public: bool
    pages: tuple = ()


def file_usage(obj) -> Usage:
    """The usage of an image or document, in two queries (three if pages use it).

    Public: used by nothing, by something that is not a page (site settings,
    snippets), or shown by at least one live page without view restrictions.
    """
    content_type = ContentType.objects.get_for_model(obj)
    page_type = ContentType.objects.get_for_model(Page)
    key = {"to_content_type": content_type, "to_object_id": str(obj.pk)}
    indexed = ReferenceIndex.objects.filter(**key).values_list(
        "base_content_type_id", "object_id", Value(False, output_field=BooleanField())
    )
    unpublished = UnpublishedReference.objects.filter(**key).values_list(
        Value(page_type.pk, output_field=IntegerField()),
        Cast("page_id", output_field=CharField()),
        Value(True, output_field=BooleanField()),
    )
    sources = set(indexed.union(unpublished))
    if not sources or any(type_id != page_type.pk for type_id, _id, _draft in sources):
        return Usage(public=True)

    shown_in_live_content = {int(page_id) for _type, page_id, draft in sources if not draft}
    restriction_above = PageViewRestriction.objects.filter(
        # The restricted page's path is a prefix of (or equal to) the page's path.
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    pages = list(
        Page.objects.filter(pk__in={int(page_id) for _type, page_id, _draft in sources}).annotate(
            restricted=Exists(restriction_above)
        )
    )
    for page in pages:
        page.shows_file = page.live and page.pk in shown_in_live_content
        if page.alias_of_id and not page.restricted:
            # An alias takes its restrictions from the page it mirrors.
            page.restricted = page.get_view_restrictions().exists()
    public = any(page.shows_file and not page.restricted for page in pages)
    return Usage(public=public, pages=() if public else tuple(pages))


def rebuild_unpublished_references() -> int:
    """Recompute the table for every page with an unpublished or scheduled revision."""
    UnpublishedReference.objects.all().delete()
    page_ids = set(
        Page.objects.filter(has_unpublished_changes=True).values_list("pk", flat=True)
    ) | {
        int(object_id)
        for object_id in Revision.page_revisions.exclude(approved_go_live_at=None).values_list(
            "object_id", flat=True
        )
    }
    for page_id in sorted(page_ids):
        record_unpublished_references(page_id)
    return len(page_ids)
