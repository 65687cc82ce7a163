"""Site-wide editable values: contact data, Impressum data, social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The association's postal address and general contact data (footer, contact page)."""

    organisation_name = models.CharField(
        _("Name der Organisation"),
        max_length=255,
        default="Landesnetzwerk Migrantenorganisationen Sachsen-Anhalt (LAMSA) e.V.",
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    office_hours = models.CharField(_("Bürozeiten"), max_length=255, blank=True)

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Anschrift"),
        ),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("office_hours"),
    ]

    class Meta:
        verbose_name = _("Kontaktdaten")


@register_setting(icon="doc-full")
class ImpressumSettings(BaseSiteSetting):
    """Legal facts for the Impressum (§ 5 DDG, § 18 Abs. 2 MStV) and the legal page links."""

    representatives = models.TextField(
        _("Vertretungsberechtigter Vorstand"),
        blank=True,
        help_text=_("Eine Person pro Zeile, mit Funktion."),
    )
    register_court = models.CharField(_("Registergericht"), max_length=255, blank=True)
    register_number = models.CharField(_("Registernummer"), max_length=100, blank=True)
    tax_note = models.CharField(
        _("Steuerliche Angaben"),
        max_length=255,
        blank=True,
        help_text=_("z. B. Umsatzsteuer-ID, falls vorhanden."),
    )
    journalistic_responsible = models.TextField(
        _("Verantwortlich für journalistisch-redaktionelle Inhalte (§ 18 Abs. 2 MStV)"),
        blank=True,
        help_text=_("Name und Anschrift der verantwortlichen Person."),
    )
    supervisory_note = models.TextField(
        _("Weitere Angaben"),
        blank=True,
        help_text=_("z. B. Förderhinweise."),
    )
    impressum_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("representatives"),
                FieldPanel("register_court"),
                FieldPanel("register_number"),
                FieldPanel("tax_note"),
                FieldPanel("journalistic_responsible"),
                FieldPanel("supervisory_note"),
            ],
            heading=_("Angaben für das Impressum"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("impressum_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Rechtliche Seiten (Links im Fußbereich)"),
        ),
    ]

    class Meta:
        verbose_name = _("Impressum und rechtliche Seiten")

    @property
    def representative_lines(self) -> list[str]:
        return [line.strip() for line in self.representatives.splitlines() if line.strip()]


@register_setting(icon="link")
class SocialLinksSettings(BaseSiteSetting):
    """Links to the association's profiles elsewhere: plain links, no embeds or trackers."""

    mastodon = models.URLField(_("Mastodon"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)

    class Meta:
        verbose_name = _("Soziale Medien")

    @property
    def links(self) -> list[tuple[str, str]]:
        """(label, url) pairs of the profiles that are set, in display order."""
        names = ["mastodon", "instagram", "facebook", "youtube", "linkedin"]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in names
            if getattr(self, name)
        ]
