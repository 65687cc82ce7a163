"""The home page and standard pages (about, contact and the legal pages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import StandardPageBody
from search.attachments import AttachmentTextMixin


class HomePage(Page):
    """Start page: introduction, latest releases, current projects, next events."""

    intro = models.TextField(_("Einleitung"), blank=True)
    hero_image = models.ForeignKey(
        "home.SiteImage",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hero_image")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        # Local imports: the listing models live in modules that import this one.
        from home.models.events import EventPage
        from home.models.projects import ProjectPage
        from press.models import PressReleasePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_releases"] = PressReleasePage.objects.for_listing(self.locale)[:3]
        context["current_projects"] = ProjectPage.objects.for_listing(self.locale).running()[:4]
        context["next_events"] = EventPage.objects.for_listing(self.locale).upcoming()[:3]
        return context


class StandardPage(AttachmentTextMixin, Page):
    """A page of text: about us, contact, Impressum, privacy and accessibility statements."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(StandardPageBody(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("attachment_text"),
    ]

    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
