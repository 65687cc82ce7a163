"""Registers the site's vocabularies as snippets in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import FocusArea, Language, Topic


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    list_export = ["name", "slug"]
    search_fields = ["name"]
    list_filter = ["locale"]


class TopicViewSet(VocabularyViewSet):
    model = Topic
    icon = "tag"


class LanguageViewSet(VocabularyViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code", "slug"]


class FocusAreaViewSet(VocabularyViewSet):
    model = FocusArea
    icon = "list-ul"


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Verzeichnisse")
    menu_icon = "folder-inverse"
    menu_order = 220
    items = (TopicViewSet, LanguageViewSet, FocusAreaViewSet)


register_snippet(VocabularyGroup)
