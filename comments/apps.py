from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Public reader comments (django-comments-xtd) and their moderation desk."""

    name = "comments"
    label = "comments"
    verbose_name = _("Leserkommentare")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from comments.models import PublicComment

        # django-comments-xtd hides every reply when a comment is unpublished
        # (and republishes them all on approval). Moderation here must never
        # silence legitimate replies as a side effect, so the cascade is
        # switched off; rejecting a whole branch is an explicit choice
        # (comments.moderation.reject with branch=True).
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=PublicComment._meta.label)
