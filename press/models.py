"""Press releases, the press release index with archives and feeds, press contacts.

Embargo is Wagtail's scheduled publishing: a release with a go-live time in the
future stays unpublished (``live=False``) until ``manage.py publish_scheduled``
publishes it at that minute. Every public channel (page URL, listings, feeds,
sitemap, search, API) only ever shows ``live().public()`` pages, so an embargoed
release appears nowhere before then.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from comments.models import CommentablePage
from home.languages import localized_all
from home.models import SiteImage, Topic
from home.models.querysets import ListingQuerySet
from press.blocks import PressReleaseBody
from search.attachments import AttachmentTextMixin
from security import converters  # noqa: F401 - registers <year:...> for the archive route

RELEASES_PER_PAGE = 10
LISTING_RENDITION = "fill-480x320"


class PressContact(TranslatableMixin, index.Indexed, models.Model):
    """A person journalists can call about releases: name, role, phone, e-mail."""

    name = models.CharField(_("Name"), max_length=255)
    role = models.CharField(
        _("Funktion"), max_length=255, blank=True, help_text=_("z. B. Pressesprecherin")
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("phone"), FieldPanel("email")]
    # A person's name and numbers are the same in every language; the role is translated.
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("phone")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Pressekontakt")
        verbose_name_plural = _("Pressekontakte")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


class PressReleaseQuerySet(ListingQuerySet):
    def for_listing(self, locale=None):
        return (
            super()
            .for_listing(locale)
            .order_by("-date", "-first_published_at")
            .select_related("image")
            .prefetch_related("topics", "image__renditions")
        )


class PressReleaseIndexPage(RoutablePageMixin, Page):
    """The press section: latest releases, archives by year and topic, RSS and Atom."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Pressebereich")

    def releases(self):
        return PressReleasePage.objects.child_of(self).for_listing()

    def archive_years(self) -> list[int]:
        dates = (
            PressReleasePage.objects.child_of(self).live().public().dates("date", "year", "DESC")
        )
        return [d.year for d in dates]

    def render_listing(self, request, releases, **extra):
        page = Paginator(releases, RELEASES_PER_PAGE).get_page(request.GET.get("seite"))
        context = {
            "releases": page,
            "archive_years": self.archive_years(),
            "topics": Topic.objects.filter(locale=self.locale),
            **extra,
        }
        return self.render(request, context_overrides=context)

    @path("")
    def latest(self, request):
        return self.render_listing(request, self.releases())

    # Years Python's dates can hold (1-9999); any other number answers 404.
    @path("<year:year>/", name="year")
    def year_archive(self, request, year):
        releases = self.releases().filter(date__year=year)
        if not releases.exists():
            raise Http404
        return self.render_listing(request, releases, archive_year=year)

    @path("thema/<slug:topic>/", name="topic")
    def topic_archive(self, request, topic):
        topic = get_object_or_404(Topic, slug=topic, locale=self.locale)
        # wagtail-localize does not translate many-to-many relations: a
        # translated release keeps the German topics, so match any language's
        # version of the topic.
        releases = self.releases().filter(topics__translation_key=topic.translation_key)
        return self.render_listing(request, releases.distinct(), archive_topic=topic)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from press.feeds import PressReleaseRssFeed

        return PressReleaseRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from press.feeds import PressReleaseAtomFeed

        return PressReleaseAtomFeed(self)(request)


class PressReleasePage(AttachmentTextMixin, CommentablePage, Page):
    """A press release: date, place, lead, body with quotes, contacts, topics, projects."""

    date = models.DateField(
        _("Datum der Mitteilung"),
        default=timezone.localdate,
        help_text=_("Sperrfrist? Unter „Veröffentlichung planen“ einen Zeitpunkt setzen."),
    )
    place = models.CharField(_("Ort"), max_length=100, default="Halle (Saale)")
    lead = models.TextField(
        _("Vorspann"),
        max_length=1000,
        help_text=_("Die wichtigste Aussage in zwei bis drei Sätzen."),
    )
    image = models.ForeignKey(
        "home.SiteImage",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nur Bilder mit Bildnachweis."),
    )
    body = StreamField(PressReleaseBody(), verbose_name=_("Text"))
    topics = ParentalManyToManyField(
        "home.Topic", verbose_name=_("Themen"), blank=True, related_name="press_releases"
    )
    related_projects = ParentalManyToManyField(
        "home.ProjectPage",
        verbose_name=_("Zugehörige Projekte"),
        blank=True,
        related_name="press_releases",
    )

    objects = PageManager.from_queryset(PressReleaseQuerySet)()

    # Translated: title, lead, body (the words). Synchronised from the German
    # source on every sync: the date and place of the dateline, the image, the
    # press contacts and the comment settings, so a translation can never
    # contradict the original on facts. The embargo time (go_live_at) is never
    # copied by wagtail-localize; press.translation keeps it in step.
    override_translatable_fields = [SynchronizedField("place")]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("contacts", label=_("Pressekontakte"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_projects", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Zuordnung"),
        ),
    ]

    settings_panels = Page.settings_panels + CommentablePage.comment_panels

    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("place"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.SearchField("attachment_text"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("place"),
        APIField("lead"),
        APIField("body"),
        APIField("topic_names"),
        APIField("press_contacts"),
    ]

    parent_page_types = ["press.PressReleaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Pressemitteilung")
        verbose_name_plural = _("Pressemitteilungen")

    def clean(self):
        super().clean()
        if (
            self.image_id
            and not SiteImage.objects.filter(pk=self.image_id).exclude(credit="").exists()
        ):
            raise ValidationError(
                {
                    "image": _(
                        "Dieses Bild hat keinen Bildnachweis. Tragen Sie ihn in der "
                        "Bildverwaltung nach, bevor Sie es hier verwenden."
                    )
                }
            )

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topics.all()]

    @property
    def press_contacts(self) -> list[dict]:
        return [
            {
                "name": c.contact.name,
                "role": c.contact.role,
                "phone": c.contact.phone,
                "email": c.contact.email,
            }
            for c in self.contacts.select_related("contact")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Roles are translated with the snippets; names and numbers are synchronised.
        context["contacts"] = localized_all(
            c.contact for c in self.contacts.select_related("contact")
        )
        context["topics"] = localized_all(self.topics.all())
        context["projects"] = self.related_projects.live().public().order_by("title")
        context["share_url"] = self.get_full_url(request)
        return context


class PressReleaseContact(Orderable):
    """Links a press contact to a release, in the order they should be listed."""

    page = ParentalKey(PressReleasePage, related_name="contacts", on_delete=models.CASCADE)
    contact = models.ForeignKey(
        PressContact, verbose_name=_("Kontakt"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("Pressekontakt")
