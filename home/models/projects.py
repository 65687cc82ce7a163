"""Project profiles and the project index."""

import datetime

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.models.querysets import ListingQuerySet
from search.attachments import AttachmentTextMixin


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("In Vorbereitung")
    RUNNING = "running", _("Laufend")
    FINISHED = "finished", _("Abgeschlossen")


class ProjectQuerySet(ListingQuerySet):
    """Status filters computed in SQL from the funding period (or the manual override)."""

    def with_status(self, status: str, today: datetime.date | None = None):
        today = today or timezone.localdate()
        derived = {
            ProjectStatus.PLANNED: Q(funding_start__gt=today),
            ProjectStatus.RUNNING: (Q(funding_start__isnull=True) | Q(funding_start__lte=today))
            & (Q(funding_end__isnull=True) | Q(funding_end__gte=today)),
            ProjectStatus.FINISHED: Q(funding_end__lt=today),
        }[status]
        return self.filter(Q(status_override=status) | (Q(status_override="") & derived))

    def running(self):
        return self.with_status(ProjectStatus.RUNNING)


class ProjectIndexPage(Page):
    """Lists the project profiles, filterable by status and topic."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Projektübersicht")

    def get_context(self, request, *args, **kwargs):
        from home.filters import ProjectFilter

        context = super().get_context(request, *args, **kwargs)
        projects = (
            ProjectPage.objects.child_of(self)
            .for_listing()
            .select_related("logo")
            .prefetch_related("topics", "logo__renditions")
            .order_by("title")
        )
        context["filter"] = ProjectFilter(
            request.GET or None, queryset=projects, locale=self.locale
        )
        context["projects"] = context["filter"].qs
        return context


class ProjectPage(AttachmentTextMixin, Page):
    """A project profile: what it does, who funds it, when it runs and whom to ask."""

    acronym = models.CharField(_("Kurzname"), max_length=30, blank=True, help_text=_("z. B. SiSa"))
    summary = models.TextField(_("Kurzbeschreibung"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("Beschreibung"), blank=True)
    logo = models.ForeignKey(
        "home.SiteImage",
        verbose_name=_("Logo oder Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funding_programme = models.CharField(_("Förderprogramm"), max_length=255, blank=True)
    programme_area = models.CharField(_("Programmbereich"), max_length=255, blank=True)
    funders = models.CharField(_("Fördermittelgeber"), max_length=500, blank=True)
    funding_start = models.DateField(_("Förderbeginn"), null=True, blank=True)
    funding_end = models.DateField(_("Förderende"), null=True, blank=True)
    status_override = models.CharField(
        _("Status"),
        max_length=20,
        choices=ProjectStatus.choices,
        blank=True,
        help_text=_("Leer lassen: der Status ergibt sich aus dem Förderzeitraum."),
    )
    target_groups = models.TextField(_("Zielgruppen"), blank=True, help_text=_("Eine pro Zeile."))
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("Themen"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=255, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=255, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    address = models.TextField(_("Anschrift des Projektbüros"), blank=True)

    # Names, acronyms, contact details and the postal address are facts and
    # stay as in the German source; descriptions, programme names and target
    # groups are translated. Dates, logo and status are synchronised anyway.
    override_translatable_fields = [
        SynchronizedField("acronym"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_phone"),
        SynchronizedField("address"),
    ]

    objects = PageManager.from_queryset(ProjectQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                FieldPanel("programme_area"),
                FieldPanel("funders"),
                FieldRowPanel([FieldPanel("funding_start"), FieldPanel("funding_end")]),
                FieldPanel("status_override"),
            ],
            heading=_("Förderung"),
        ),
        InlinePanel("phases", label=_("Projektphasen")),
        FieldPanel("target_groups"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("partners", label=_("Partner")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldPanel("address"),
            ],
            heading=_("Kontakt"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("funding_programme"),
        index.SearchField("target_groups"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.SearchField("attachment_text"),
        index.FilterField("funding_start"),
        index.FilterField("funding_end"),
    ]

    api_fields = [
        APIField("acronym"),
        APIField("summary"),
        APIField("funding_programme"),
        APIField("programme_area"),
        APIField("funding_start"),
        APIField("funding_end"),
        APIField("status"),
        APIField("topic_names"),
    ]

    parent_page_types = ["home.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    @property
    def status(self) -> str:
        """The manual status if set, else derived from the funding period."""
        if self.status_override:
            return self.status_override
        today = timezone.localdate()
        if self.funding_start and self.funding_start > today:
            return ProjectStatus.PLANNED
        if self.funding_end and self.funding_end < today:
            return ProjectStatus.FINISHED
        return ProjectStatus.RUNNING

    @property
    def status_label(self):
        return ProjectStatus(self.status).label

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topics.all()]

    @property
    def target_group_list(self) -> list[str]:
        return [line.strip() for line in self.target_groups.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from home.models.events import EventPage
        from press.models import PressReleasePage

        context = super().get_context(request, *args, **kwargs)
        context["related_releases"] = (
            PressReleasePage.objects.for_listing(self.locale)
            .filter(related_projects=self)
            .order_by("-date")[:5]
        )
        context["related_events"] = (
            EventPage.objects.for_listing(self.locale)
            .filter(related_projects=self)
            .order_by("-start")[:5]
        )
        return context


class ProjectPhase(Orderable):
    """A funding phase of a project (e.g. phase 1: 2020–2022)."""

    page = ParentalKey(ProjectPage, related_name="phases", on_delete=models.CASCADE)
    name = models.CharField(_("Bezeichnung"), max_length=255)
    start = models.DateField(_("Beginn"), null=True, blank=True)
    end = models.DateField(_("Ende"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Projektphase")


class ProjectPartner(Orderable):
    """A partner organisation of a project."""

    page = ParentalKey(ProjectPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("Name"), max_length=255)
    url = models.URLField(_("Website"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Partner")
