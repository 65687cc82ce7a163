"""Embargo in every language: the translations of a scheduled release go live with it, not before.

Wagtail schedules a page by publishing a revision whose ``go_live_at`` lies in
the future: the page stays unpublished, the revision gets ``approved_go_live_at``
and ``manage.py publish_scheduled`` publishes it at that minute. wagtail-localize
treats ``go_live_at`` as a field it never copies (its issue 634) and publishes a
translation as soon as somebody asks, so the English text of an embargoed
release would be online before the German one. The rules here close that gap
for press releases (``embargo_models()``); every public channel shows only live
pages, so a translation that is not live is in none of them.

A release is *under embargo* while its source page (the German original,
``home.translation_status.source_of``) is not live and has a revision approved
for a future minute. Then:

1. Every translation saved gets the source's ``go_live_at`` (``pre_save``), so the
   revision wagtail-localize or the editor stores next carries it and Wagtail's
   own publishing schedules that revision instead of making it live.
2. A translation about to be saved live anyway (a revision saved before the
   embargo was set, approved later in the workflow; a translator's or an
   administrator's "Publish") is turned into a scheduled one on the spot: not
   live, its revision approved for the source's minute. Nothing goes live, not
   even for the length of a request.
3. When the source is scheduled or rescheduled, its translations follow: a live
   translation is unpublished and its live revision scheduled; a scheduled one
   moves to the new minute. A translation that is only a draft (nobody approved
   it) stays a draft.
4. When the source's schedule is cancelled (Wagtail's "Cancel scheduled
   publish") or the source is deleted, the translations' schedules are
   cancelled too; publishing them again is a new decision.
5. When the press office publishes the source before its minute, the
   translations held for it go live with it. At the minute itself
   ``publish_scheduled`` publishes source and translations in the same run,
   because they carry the same ``approved_go_live_at``.

Once the minute has passed the release is no longer under embargo: a
translation published later goes live at once.
"""

import datetime
from functools import cache

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_save, pre_delete, pre_save
from django.utils import timezone
from wagtail.models import Page, Revision

from home.translation_status import source_of


@cache
def embargo_models() -> tuple:
    """The page types whose translations follow their original's embargo."""
    from press.models import PressReleasePage

    return (PressReleasePage,)


def _serialize(moment: datetime.datetime | None):
    """A datetime as Wagtail stores it in a revision's JSON (UTC, ``Z``)."""
    if moment is None:
        return None
    return DjangoJSONEncoder().default(timezone.localtime(moment, datetime.UTC))


def embargo_of(source: Page) -> datetime.datetime | None:
    """The minute ``source`` goes live if it is under embargo now, else None."""
    if source is None or source.live or source.pk is None:
        return None
    return (
        source.revisions.filter(approved_go_live_at__gt=timezone.now())
        .order_by("-created_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def translations_of(source: Page):
    """The translated pages of ``source`` (aliases are copies kept in step by Wagtail)."""
    return (
        source.specific_class.objects.filter(
            translation_key=source.translation_key, alias_of__isnull=True
        )
        .exclude(pk=source.pk)
        .order_by("pk")
    )


def _scheduled_revision(page: Page) -> Revision | None:
    return page.revisions.exclude(approved_go_live_at=None).order_by("-created_at").first()


def _publish_for(revision: Revision, go_live_at: datetime.datetime | None):
    """Publish ``revision`` as of ``go_live_at``; Wagtail schedules it if that is still ahead."""
    content = dict(revision.content)
    content["go_live_at"] = _serialize(go_live_at)
    revision.content = content
    revision.save(update_fields=["content"])
    revision.publish()


def hold(translation: Page, go_live_at: datetime.datetime) -> bool:
    """Schedule an approved translation for ``go_live_at`` instead of being (or going) live.

    Returns whether anything changed. A draft-only translation is left alone.
    """
    translation = translation.specific
    if translation.live:
        revision = translation.live_revision or translation.get_latest_revision()
        translation.unpublish()
        if revision is None:  # published without a revision (e.g. created live in code)
            revision = translation.save_revision(clean=False)
    else:
        revision = _scheduled_revision(translation)
        if revision is None:
            return False
        if revision.approved_go_live_at == go_live_at and translation.go_live_at == go_live_at:
            return False
    _publish_for(revision, go_live_at)
    return True


def unschedule(translation: Page) -> bool:
    """Cancel a held translation's schedule, as Wagtail's "Cancel scheduled publish" does."""
    if translation.live:
        return False
    revision = _scheduled_revision(translation)
    if revision is None:
        return False
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])  # Wagtail logs the cancellation
    # Or the next revision saved from the page would carry the old minute.
    type(translation).objects.filter(pk=translation.pk).update(go_live_at=None)
    return True


def release_held(source: Page) -> int:
    """Publish now the translations held for an embargo that was lifted early; returns how many.

    Revisions already due are left to ``publish_scheduled``, which is publishing
    them in the same run as the source.
    """
    count = 0
    for translation in translations_of(source):
        revision = _scheduled_revision(translation)
        if translation.live or revision is None:
            continue
        if revision.approved_go_live_at > timezone.now():
            _publish_for(revision, None)
            count += 1
    return count


def follow_source(source: Page) -> int:
    """Bring the translations of ``source`` in step with its embargo (rule 3); returns how many."""
    go_live_at = embargo_of(source)
    if go_live_at is None:
        return 0
    return sum(hold(translation, go_live_at) for translation in translations_of(source))


# --- signal handlers -----------------------------------------------------------------


def _guard_translation(instance: Page, source: Page):
    """Rules 1 and 2 on a translation about to be saved while its source is under embargo."""
    go_live_at = embargo_of(source)
    if go_live_at is None:
        return
    instance.go_live_at = go_live_at
    if not instance.live:
        return
    # Somebody is publishing it: make that a schedule for the source's minute.
    before = (
        type(instance)
        .objects.filter(pk=instance.pk)
        .values("first_published_at", "last_published_at")
        .first()
        or {}
    )
    revision_id = instance.live_revision_id or instance.latest_revision_id
    instance.live = False
    instance.live_revision = None
    instance.has_unpublished_changes = True
    instance.first_published_at = before.get("first_published_at")
    instance.last_published_at = before.get("last_published_at")
    if revision_id is not None:
        revision = Revision.objects.get(pk=revision_id)
        content = dict(revision.content)
        content["go_live_at"] = _serialize(go_live_at)
        Revision.objects.filter(pk=revision_id).update(
            approved_go_live_at=go_live_at, content=content
        )
        Revision.objects.filter(
            base_content_type=revision.base_content_type, object_id=revision.object_id
        ).exclude(pk=revision_id).update(approved_go_live_at=None)


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, embargo_models()):
        return
    if update_fields is not None and "live" not in update_fields:
        return  # e.g. save_revision() recording its latest revision: no change of state
    source = source_of(instance)
    if source is not None:
        _guard_translation(instance, source)
    elif instance.live and instance.pk is not None:
        # A source going live: was it under embargo until now (rule 5)?
        before = type(instance).objects.filter(pk=instance.pk).values("live", "go_live_at").first()
        instance._embargo_lifted = bool(
            before
            and not before["live"]
            and before["go_live_at"]
            and before["go_live_at"] > timezone.now()
        )


def _after_save(sender, instance, created=False, raw=False, **kwargs):
    if raw or created or not isinstance(instance, embargo_models()):
        return
    if getattr(instance, "_embargo_lifted", False):
        instance._embargo_lifted = False
        release_held(instance)
    elif not instance.live and source_of(instance) is None:
        follow_source(instance)


def _after_revision_save(sender, instance, created=False, update_fields=None, **kwargs):
    """Rule 4: the source's schedule was cancelled."""
    if created or instance.approved_go_live_at is not None:
        return
    if not update_fields or "approved_go_live_at" not in update_fields:
        return
    page = instance.content_object
    if not isinstance(page, embargo_models()) or page.live or source_of(page) is not None:
        return
    if embargo_of(page) is None:
        for translation in translations_of(page):
            unschedule(translation)


def _before_delete(sender, instance, **kwargs):
    """Rule 4 for a deleted source: its held translations must not go live on their own."""
    if not isinstance(instance, embargo_models()) or instance.live:
        return
    if embargo_of(instance) is not None and source_of(instance) is None:
        for translation in translations_of(instance):
            unschedule(translation)


def register_signal_handlers():
    """Connected in ``PressConfig.ready()``."""
    for model in embargo_models():
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"embargo-pre-{model.__name__}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"embargo-post-{model.__name__}")
        pre_delete.connect(
            _before_delete, sender=model, dispatch_uid=f"embargo-delete-{model.__name__}"
        )
    post_save.connect(_after_revision_save, sender=Revision, dispatch_uid="embargo-revision")
