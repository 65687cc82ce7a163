"""Registers the vocabularies as snippets, the translation overview and the editor's direction."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import include, path, reverse_lazy
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import translation_admin
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


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    return [
        path(
            "uebersetzungen/",
            include(
                (translation_admin.urlpatterns, translation_admin.app_name),
                namespace="translation_admin",
            ),
        )
    ]


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return translation_admin.can_view_overview(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_overview_menu_item():
    return TranslationOverviewMenuItem(
        _("Übersetzungen"),
        reverse_lazy("translation_admin:overview"),
        name="translations",
        icon_name="wagtail-localize-language",
        order=230,
    )


@hooks.register("insert_editor_js")
def localize_direction_js():
    """lang and dir on the target-language fields of wagtail-localize's editor (its issue 197)."""
    rtl = [
        code for code, _name in settings.LANGUAGES if translation.get_language_info(code)["bidi"]
    ]
    return format_html(
        '<script src="{}" data-rtl-languages="{}" defer></script>',
        static("js/localize-direction.js"),
        " ".join(rtl),
    )


@hooks.register("insert_global_admin_css")
def localize_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/localize-direction.css"))
