"""The member directory: one page per member organisation under a directory page.

Members are pages, not snippets: each gets a shareable address, appears in the
sitemap and site search, goes through Wagtail's moderation and history, and can
be translated with wagtail-localize like every other page.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.districts import District
from home.models.querysets import ListingQuerySet


class MemberKind(models.TextChoices):
    ASSOCIATION = "association", _("Verein")
    INITIATIVE = "initiative", _("Initiative")
    INDIVIDUAL = "individual", _("Einzelperson")


class MemberQuerySet(ListingQuerySet):
    def unpublishable(self):
        """Individuals without recorded consent (clean() refuses them; defence in depth)."""
        return self.filter(kind=MemberKind.INDIVIDUAL, consent_recorded_on__isnull=True)

    def publishable(self):
        return self.exclude(pk__in=self.unpublishable().values("pk"))


class MemberDirectoryPage(Page):
    """The public member directory, filterable by district, language, focus and text."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.MemberOrganisationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Mitgliederverzeichnis")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from home.filters import MemberFilter

        context = super().get_context(request, *args, **kwargs)
        members = (
            MemberOrganisationPage.objects.child_of(self)
            .for_listing()
            .publishable()
            .prefetch_related("languages", "focus_areas")
            .order_by("title")
        )
        member_filter = MemberFilter(request.GET or None, queryset=members, locale=self.locale)
        page = Paginator(member_filter.qs, 24).get_page(request.GET.get("seite"))
        context.update(filter=member_filter, members=page, result_count=page.paginator.count)
        return context


class MemberOrganisationPage(Page):
    """A member of the network: an organisation, an initiative or (with consent) a person.

    Contact data is shown only where the member agreed to publish it.
    """

    kind = models.CharField(
        _("Art"), max_length=20, choices=MemberKind.choices, default=MemberKind.ASSOCIATION
    )
    description = models.TextField(_("Kurzbeschreibung"), blank=True)
    city = models.CharField(_("Ort"), max_length=100)
    district = models.CharField(
        _("Landkreis / kreisfreie Stadt"), max_length=40, choices=District.choices
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    website = models.URLField(_("Website"), blank=True)
    languages = ParentalManyToManyField("home.Language", verbose_name=_("Sprachen"), blank=True)
    focus_areas = ParentalManyToManyField(
        "home.FocusArea", verbose_name=_("Arbeitsschwerpunkte"), blank=True
    )
    year_founded = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=255, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    publish_address = models.BooleanField(_("Anschrift veröffentlichen"), default=False)
    publish_contact_name = models.BooleanField(_("Ansprechperson veröffentlichen"), default=False)
    publish_email = models.BooleanField(_("E-Mail veröffentlichen"), default=False)
    publish_phone = models.BooleanField(_("Telefon veröffentlichen"), default=False)
    consent_recorded_on = models.DateField(
        _("Einwilligung erteilt am"),
        null=True,
        blank=True,
        help_text=_("Pflicht für Einzelpersonen: Datum der schriftlichen Einwilligung."),
    )
    consent_note = models.CharField(
        _("Nachweis der Einwilligung"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „Formular vom 3. März, Ordner Mitglieder 2024“. Nicht öffentlich."),
    )

    # Only the description is translated: place, address, contact person and
    # the consent record are the same facts in every language, and consent
    # given for the German page covers its translations.
    override_translatable_fields = [
        SynchronizedField("city"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("contact_name"),
        SynchronizedField("phone"),
        SynchronizedField("consent_note"),
    ]

    objects = PageManager.from_queryset(MemberQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("street"), FieldPanel("postcode")]),
        FieldPanel("website"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("year_founded"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Kontakt (nur intern, außer wo freigegeben)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("publish_address"),
                FieldPanel("publish_contact_name"),
                FieldPanel("publish_email"),
                FieldPanel("publish_phone"),
                FieldPanel("consent_recorded_on"),
                FieldPanel("consent_note"),
            ],
            heading=_("Freigaben und Einwilligung"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("district"),
        index.FilterField("kind"),
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.RelatedFields("focus_areas", [index.SearchField("name")]),
    ]

    parent_page_types = ["home.MemberDirectoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Mitgliedsorganisation")
        verbose_name_plural = _("Mitgliedsorganisationen")

    def clean(self):
        super().clean()
        if self.kind == MemberKind.INDIVIDUAL and not self.consent_recorded_on:
            raise ValidationError(
                {
                    "consent_recorded_on": _(
                        "Einzelpersonen dürfen nur mit dokumentierter Einwilligung "
                        "im Verzeichnis erscheinen."
                    )
                }
            )

    @property
    def public_contact(self) -> dict:
        """Only the contact data the member agreed to publish."""
        return {
            "address": (
                f"{self.street}, {self.postcode} {self.city}".strip(", ")
                if self.publish_address and self.street
                else ""
            ),
            "name": self.contact_name if self.publish_contact_name else "",
            "email": self.email if self.publish_email else "",
            "phone": self.phone if self.publish_phone else "",
        }

    @property
    def district_label(self):
        return District(self.district).label if self.district else ""

    @property
    def is_publishable(self) -> bool:
        return self.kind != MemberKind.INDIVIDUAL or bool(self.consent_recorded_on)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_publishable else []

    def serve(self, request, *args, **kwargs):
        # The listing hides individuals without consent; their own URL must too.
        if not self.is_publishable:
            raise Http404
        return super().serve(request, *args, **kwargs)
