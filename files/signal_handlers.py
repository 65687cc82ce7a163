"""Keep ``UnpublishedReference`` in step with page revisions, and sendfile with the settings."""

from django.core.signals import setting_changed
from django.db.models.signals import post_save
from wagtail.models import Revision, get_default_page_content_type
from wagtail.signals import page_published, page_unpublished

from files.references import record_unpublished_references


def revision_saved(sender, instance, raw=False, **kwargs):
    # A new draft, a scheduled revision, or a schedule cancelled. Fixtures (raw)
    # are left alone: their pages may not exist yet.
    if raw or instance.base_content_type_id != get_default_page_content_type().pk:
        return
    record_unpublished_references(int(instance.object_id))


def page_published_or_unpublished(sender, instance, **kwargs):
    # Publishing turns the latest revision into live content (now in Wagtail's
    # reference index) or clears a schedule; unpublishing makes the row a draft.
    record_unpublished_references(instance.pk)


def sendfile_settings_changed(setting, value, **kwargs):
    """Tests override MEDIA_ROOT and SENDFILE_BACKEND; sendfile must follow.

    SENDFILE_ROOT is MEDIA_ROOT by definition, and both django-sendfile2 and
    Wagtail's copy of it cache the backend they imported first.
    """
    from django.conf import settings

    if setting == "MEDIA_ROOT":
        settings.SENDFILE_ROOT = str(value)
    elif setting == "SENDFILE_BACKEND":
        from django_sendfile.utils import _get_sendfile
        from wagtail.utils.sendfile import _get_sendfile as _get_wagtail_sendfile

        _get_sendfile.cache_clear()
        _get_wagtail_sendfile.clear()


def register():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="files_revision_saved")
    page_published.connect(page_published_or_unpublished, dispatch_uid="files_page_published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="files_page_unpublished")
    setting_changed.connect(sendfile_settings_changed, dispatch_uid="files_sendfile_settings")
