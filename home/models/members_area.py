"""The members' area: minutes of board and round-table meetings.

The section page is restricted with Wagtail page privacy to the Members and
Board groups (see ``home.roles``); every listing of these pages goes through
``.public()`` querysets or this section's own views, so they never reach
anonymous readers, menus, feeds, the sitemap, search or the API.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index


class MembersAreaPage(Page):
    """Entry page of the members' area; lists the minutes, newest first."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.MinutesPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Mitgliederbereich")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Wagtail has already checked this section's privacy before serving it.
        context["minutes"] = MinutesPage.objects.child_of(self).live().order_by("-meeting_date")
        return context


class MinutesPage(Page):
    """Minutes of one meeting: attendance, agenda items with notes and decisions, actions."""

    meeting_kind = models.CharField(
        _("Gremium"), max_length=255, help_text=_("z. B. Vorstandssitzung, Runder Tisch")
    )
    meeting_date = models.DateField(_("Datum"))
    start_time = models.TimeField(_("Beginn"), null=True, blank=True)
    end_time = models.TimeField(_("Ende"), null=True, blank=True)
    place = models.CharField(_("Ort"), max_length=255, blank=True)
    present = models.TextField(_("Anwesend"), blank=True, help_text=_("Eine Person pro Zeile."))
    absent = models.TextField(
        _("Entschuldigt / abwesend"), blank=True, help_text=_("Eine Person pro Zeile.")
    )
    minute_taker = models.CharField(_("Protokoll"), max_length=255, blank=True)
    next_dates = models.TextField(
        _("Nächste Termine"), blank=True, help_text=_("Ein Termin pro Zeile.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("meeting_kind"),
                FieldRowPanel(
                    [FieldPanel("meeting_date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("place"),
                FieldPanel("minute_taker"),
            ],
            heading=_("Sitzung"),
        ),
        FieldRowPanel([FieldPanel("present"), FieldPanel("absent")]),
        InlinePanel("agenda_items", label=_("Tagesordnungspunkte")),
        InlinePanel("action_items", label=_("Aufgaben")),
        FieldPanel("next_dates"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("meeting_kind"),
        index.RelatedFields(
            "agenda_items", [index.SearchField("title"), index.SearchField("notes")]
        ),
    ]

    parent_page_types = ["home.MembersAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Protokoll")
        verbose_name_plural = _("Protokolle")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def present_list(self):
        return self._lines(self.present)

    @property
    def absent_list(self):
        return self._lines(self.absent)

    @property
    def next_date_list(self):
        return self._lines(self.next_dates)


class AgendaItem(Orderable):
    """An agenda item (TOP) with discussion notes and the decision taken."""

    page = ParentalKey(MinutesPage, related_name="agenda_items", on_delete=models.CASCADE)
    title = models.CharField(_("Tagesordnungspunkt"), max_length=255)
    notes = models.TextField(_("Diskussion"), blank=True)
    decision = models.TextField(_("Beschluss"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Tagesordnungspunkt")


class ActionItem(Orderable):
    """Who does what by when."""

    page = ParentalKey(MinutesPage, related_name="action_items", on_delete=models.CASCADE)
    what = models.CharField(_("Aufgabe"), max_length=500)
    who = models.CharField(_("Wer"), max_length=255)
    due = models.DateField(_("Bis wann"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Aufgabe")
