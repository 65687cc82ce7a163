"""Registers the comment moderation desk, its dashboard panel and the rejection reasons."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from comments.models import RejectionReason


class RejectionReasonViewSet(SnippetViewSet):
    model = RejectionReason
    icon = "comment"
    menu_label = _("Ablehnungsgründe")
    list_display = ["title", "ground", "sort_order"]
    ordering = ["sort_order", "title"]


register_snippet(RejectionReasonViewSet)
