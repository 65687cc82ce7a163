"""Articles and publications: longer texts by named authors, with footnotes and a PDF."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from comments.models import CommentablePage
from home.blocks import ArticleBody
from home.models.querysets import ListingQuerySet
from search.attachments import AttachmentTextMixin


class ArticleIndexPage(Page):
    """Lists articles and publications, newest first."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Publikationsübersicht")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.child_of(self)
            .for_listing()
            .prefetch_related("authors")
            .order_by("-date")
        )
        context["articles"] = Paginator(articles, 10).get_page(request.GET.get("seite"))
        return context


class ArticlePage(AttachmentTextMixin, CommentablePage, Page):
    """A longer text by named authors, with numbered footnotes and an optional PDF version."""

    date = models.DateField(_("Datum"))
    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(ArticleBody(), verbose_name=_("Text"))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF-Fassung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(ListingQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        InlinePanel("authors", label=_("Autor*innen"), min_num=1),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("footnotes", label=_("Fußnoten")),
        FieldPanel("pdf"),
    ]

    settings_panels = Page.settings_panels + CommentablePage.comment_panels

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.SearchField("attachment_text"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Artikel / Publikation")
        verbose_name_plural = _("Artikel und Publikationen")

    @property
    def author_names(self) -> str:
        return ", ".join(author.name for author in self.authors.all())


class ArticleAuthor(Orderable):
    """A named author of an article, with their role."""

    page = ParentalKey(ArticlePage, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(_("Name"), max_length=255)
    role = models.CharField(_("Funktion"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Autor*in")
