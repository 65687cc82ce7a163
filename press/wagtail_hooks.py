"""Registers the press office's snippets in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from press.models import PressContact


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = _("Pressekontakte")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "role", "phone", "email"]
    list_export = ["name", "role", "phone", "email"]
    search_fields = ["name", "role"]
    list_filter = ["locale"]


register_snippet(PressContactViewSet)
