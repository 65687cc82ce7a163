"""Events (Termine): the event index with upcoming/past routes and iCal export."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.models.querysets import ListingQuerySet
from search.attachments import AttachmentTextMixin


class EventQuerySet(ListingQuerySet):
    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        now = timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now)).order_by("start")

    def past(self):
        now = timezone.now()
        return self.filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now)).order_by("-start")


class EventIndexPage(RoutablePageMixin, Page):
    """Lists upcoming events; past events and the iCal feed are routes of this page."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Terminübersicht")

    def events(self):
        return EventPage.objects.child_of(self).for_listing()

    def paginate(self, request, queryset):
        from django.core.paginator import Paginator

        return Paginator(queryset, 12).get_page(request.GET.get("seite"))

    @path("")
    def upcoming_events(self, request):
        return self.render(
            request,
            context_overrides={
                "events": self.paginate(request, self.events().upcoming()),
                "showing_past": False,
            },
        )

    @path("vergangene/", name="past")
    def past_events(self, request):
        return self.render(
            request,
            context_overrides={
                "events": self.paginate(request, self.events().past()),
                "showing_past": True,
            },
        )

    @path("ical/", name="ical")
    def ical_feed(self, request):
        from home.ical import calendar_response

        return calendar_response(
            request, self.events().upcoming(), filename="lamsa-termine.ics", name=self.title
        )


class EventPage(AttachmentTextMixin, RoutablePageMixin, Page):
    """An event: general assembly, workshop, dialogue forum... with calendar export."""

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    location_name = models.CharField(
        _("Ort"), max_length=255, blank=True, help_text=_("z. B. Stadthaus Halle, Festsaal")
    )
    address = models.CharField(_("Anschrift"), max_length=255, blank=True)
    online = models.BooleanField(_("Online-Veranstaltung"), default=False)
    summary = models.TextField(_("Kurzbeschreibung"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Beschreibung"), blank=True)
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    registration_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    # The postal address is the same for every reader; times, links and
    # projects are synchronised anyway. The venue name may be translated.
    override_translatable_fields = [SynchronizedField("address")]
    related_projects = ParentalManyToManyField(
        "home.ProjectPage",
        verbose_name=_("Zugehörige Projekte"),
        blank=True,
        related_name="events",
    )

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("online"),
            ],
            heading=_("Wann und wo"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
        FieldPanel("related_projects", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("location_name"),
        index.SearchField("attachment_text"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("address"),
        APIField("online"),
        APIField("summary"),
        APIField("registration_url"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    @property
    def is_past(self) -> bool:
        return (self.end or self.start) < timezone.now()

    @path("")
    def event_detail(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from home.ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics", name=self.title)
