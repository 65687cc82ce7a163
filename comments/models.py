"""Public reader comments, the reports readers file and the moderation log.

``PublicComment`` is django-comments-xtd's threaded comment with what the
moderation desk needs on top: a moderation status, the rules that held it,
an "edited by moderation" mark and official replies by the association. It is
deliberately not called ``Comment`` so nobody mistakes it for Wagtail's own
editor comments (``wagtailcore.Comment``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

# django-comments-xtd counts levels from 0; 3 means four levels of nesting.
MAX_THREAD_LEVEL = 3


class Status(models.TextChoices):
    """Where a comment stands on the moderation desk."""

    PENDING = "pending", _("Wartet auf Prüfung")
    UNSURE = "unsure", _("Unsicher / zweite Meinung")
    APPROVED = "approved", _("Freigegeben")
    REJECTED = "rejected", _("Abgelehnt")
    SPAM = "spam", _("Spam")


# Visibility on the public page follows the status; django-comments' own flags
# are kept in step so every query of django-comments(-xtd) agrees with the desk.
_VISIBILITY = {
    Status.PENDING: (False, False),
    Status.UNSURE: (False, False),
    Status.APPROVED: (True, False),
    Status.REJECTED: (False, True),
    Status.SPAM: (False, True),
}


class HoldReason(models.TextChoices):
    """Why a comment was not published at once; recorded on the comment."""

    PREMODERATION = "premoderation", _("Vorabprüfung für Kommentare ohne Konto")
    PAGE_PREMODERATION = "page_premoderation", _("Vorabprüfung für diese Seite")
    RAID = "raid", _("Ansturm neuer Schreibender auf diese Seite")
    BLOCKED_TERM = "blocked_term", _("Gesperrter Begriff")
    SUSPECT_TERM = "suspect_term", _("Verdächtiger Begriff")
    LINKS = "links", _("Zu viele Links")
    FIRST_TIME = "first_time", _("Erster Kommentar dieser Person")
    DUPLICATE = "duplicate", _("Gleicher Text bereits vorhanden")
    RATE_LIMIT = "rate_limit", _("Viele Kommentare in kurzer Zeit")
    HONEYPOT = "honeypot", _("Verstecktes Feld ausgefüllt (Bot)")
    UNCONFIRMED = "unconfirmed", _("E-Mail-Adresse noch nicht bestätigt")


class PublicCommentQuerySet(models.QuerySet):
    def for_page(self, page):
        """Every comment on one page, in thread order (django-comments-xtd's order)."""
        return self.filter(content_type_id=page.content_type_id, object_pk=str(page.pk)).order_by(
            "thread_id", "order"
        )

    def public(self):
        return self.filter(status=Status.APPROVED)

    def waiting(self):
        return self.filter(status__in=[Status.PENDING, Status.UNSURE])

    def reported(self):
        """Comments with at least one report nobody has dealt with yet."""
        # A subquery, not reports__resolved_at__isnull: across the reverse
        # relation that is a LEFT JOIN and would match comments without reports.
        return self.filter(pk__in=open_report_comment_ids())

    def by_writer(self, email):
        return self.filter(user_email__iexact=email.strip())


def open_report_comment_ids():
    """Subquery: the ids of comments with at least one unresolved report."""
    return CommentReport.objects.filter(resolved_at__isnull=True).values("comment_id")


class PublicComment(XtdComment):
    """A reader's comment on a page, threaded up to four levels, with its moderation state."""

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    hold_reasons = models.JSONField(
        _("Gründe für die Prüfung"),
        default=list,
        blank=True,
        help_text=_("Welche Regeln den Kommentar zurückgehalten haben."),
    )
    email_confirmed = models.BooleanField(_("E-Mail bestätigt"), default=True)
    is_official = models.BooleanField(
        _("Antwort des Vereins"),
        default=False,
        help_text=_("Von der Moderation im Namen des Vereins geschrieben."),
    )
    edited_at = models.DateTimeField(_("Durch die Moderation bearbeitet am"), null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    rejection_reason = models.ForeignKey(
        "comments.RejectionReason",
        verbose_name=_("Ablehnungsgrund"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderation_note = models.TextField(
        _("Interne Notiz"),
        blank=True,
        help_text=_("Nur für die Moderation sichtbar."),
    )

    objects = PublicCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Leserkommentar")
        verbose_name_plural = _("Leserkommentare")
        permissions = [("moderate_publiccomment", _("Kann Leserkommentare moderieren"))]

    def __str__(self):
        return f"{self.user_name}: {self.comment[:60]}"

    def get_absolute_url(self):
        """The permalink: redirects to the right page of the thread and the comment's anchor."""
        return reverse("comments:permalink", args=[self.pk])

    @property
    def anchor(self) -> str:
        return f"kommentar-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == Status.APPROVED

    def set_status(self, status: str) -> None:
        """Change the status and keep django-comments' visibility flags in step."""
        self.status = status
        self.is_public, self.is_removed = _VISIBILITY[Status(status)]

    def hold_reason_labels(self) -> list[str]:
        labels = []
        for reason in self.hold_reasons:
            try:
                label = str(HoldReason(reason["code"]).label)
            except ValueError:
                label = reason["code"]
            detail = reason.get("detail")
            labels.append(f"{label}: {detail}" if detail else label)
        return labels


class ReportReason(models.TextChoices):
    """What a reader can report (DSA Art. 16 notice and action)."""

    ILLEGAL = (
        "illegal",
        _("Möglicherweise rechtswidriger Inhalt (z. B. Volksverhetzung, Bedrohung)"),
    )
    INSULT = "insult", _("Beleidigung oder persönlicher Angriff")
    HATE = "hate", _("Hetze oder Diskriminierung")
    PRIVACY = "privacy", _("Private Daten einer Person")
    SPAM = "spam", _("Werbung oder Spam")
    OTHER = "other", _("Etwas anderes")


class CommentReport(models.Model):
    """A reader's report of a comment; no account needed (DSA Art. 16)."""

    comment = models.ForeignKey(
        PublicComment, verbose_name=_("Kommentar"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("Grund"), max_length=20, choices=ReportReason.choices)
    explanation = models.TextField(_("Begründung"), max_length=2000, blank=True)
    reporter_name = models.CharField(_("Name"), max_length=100, blank=True)
    reporter_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    good_faith = models.BooleanField(_("In gutem Glauben bestätigt"), default=False)
    created_at = models.DateTimeField(_("Gemeldet am"), default=timezone.now)
    resolved_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erledigt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class Action(models.TextChoices):
    """Every kind of decision or event the moderation log records."""

    HELD = "held", _("Zurückgehalten")
    PUBLISHED = "published", _("Automatisch veröffentlicht")
    CONFIRMED = "confirmed", _("E-Mail bestätigt")
    APPROVED = "approved", _("Freigegeben")
    REJECTED = "rejected", _("Abgelehnt")
    REJECTED_BRANCH = "rejected_branch", _("Mit allen Antworten abgelehnt")
    SPAM = "spam", _("Als Spam markiert")
    UNSURE = "unsure", _("Zur zweiten Meinung gelegt")
    REOPENED = "reopened", _("Wieder zur Prüfung gestellt")
    EDITED = "edited", _("Bearbeitet")
    REPLIED = "replied", _("Als Verein geantwortet")
    REPORTED = "reported", _("Gemeldet")
    STATEMENT_SENT = "statement_sent", _("Begründung verschickt")
    RAID = "raid", _("Ansturm erkannt, Vorabprüfung eingeschaltet")
    RAID_LIFTED = "raid_lifted", _("Vorabprüfung nach Ansturm aufgehoben")
    ERASED = "erased", _("Daten gelöscht (DSGVO)")


class ModerationEvent(models.Model):
    """One entry in the moderation log: who did what to which comment, when and why."""

    comment = models.ForeignKey(
        PublicComment,
        verbose_name=_("Kommentar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    # Kept when the comment itself is deleted, so the log stays complete.
    comment_ref = models.PositiveBigIntegerField(_("Kommentar-Nr."), null=True, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leer, wenn das System entschieden hat."),
    )
    action = models.CharField(_("Was"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("Vorher"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("Nachher"), max_length=20, choices=Status.choices, blank=True)
    reason = models.CharField(_("Grund"), max_length=255, blank=True)
    note = models.TextField(_("Notiz"), blank=True)
    created_at = models.DateTimeField(_("Wann"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Moderationsentscheidung")
        verbose_name_plural = _("Moderationsprotokoll")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} #{self.comment_ref}"


class Ground(models.TextChoices):
    LAW = "law", _("Rechtswidriger Inhalt")
    RULES = "rules", _("Verstoß gegen die Diskussionsregeln")


class RejectionReason(index.Indexed, models.Model):
    """A reason moderators choose when rejecting, with the text of the statement of reasons.

    The statement is sent to the writer (DSA Art. 17) when their e-mail address
    is known; moderators edit these texts as snippets.
    """

    title = models.CharField(_("Kurzbezeichnung"), max_length=100)
    ground = models.CharField(
        _("Grundlage"), max_length=10, choices=Ground.choices, default=Ground.RULES
    )
    statement = models.TextField(
        _("Text der Begründung"),
        help_text=_(
            "Wird der schreibenden Person per E-Mail geschickt. Anrede, Kommentartext "
            "und Hinweise zum Widerspruch ergänzt das System."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("title"),
        FieldPanel("ground"),
        FieldPanel("statement"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("Ablehnungsgrund")
        verbose_name_plural = _("Ablehnungsgründe")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


class RaidLock(models.Model):
    """Pre-moderation switched on for one page after a burst of new writers."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Seite"), on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(_("Seit"), default=timezone.now)
    new_writers = models.PositiveIntegerField(_("Neue Schreibende im Zeitfenster"), default=0)
    lifted_at = models.DateTimeField(_("Aufgehoben am"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Aufgehoben von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Ansturm-Sperre")
        verbose_name_plural = _("Ansturm-Sperren")
        ordering = ["-started_at"]
        constraints = [
            # Concurrent posts of one burst must not open a second lock (and alert twice).
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(lifted_at__isnull=True),
                name="comments_one_open_raid_lock_per_page",
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.started_at:%Y-%m-%d %H:%M}"


@register_setting(icon="comment")
class CommentRules(BaseSiteSetting):
    """The rules that hold comments back before anyone sees them, editable by moderators."""

    premoderate_anonymous = models.BooleanField(
        _("Kommentare ohne Konto vorab prüfen"),
        default=True,
        help_text=_("Empfohlen. Ohne diese Einstellung greifen nur die Regeln unten."),
    )
    require_email_confirmation = models.BooleanField(
        _("E-Mail-Adresse bestätigen lassen"),
        default=False,
        help_text=_("Kommentare erscheinen erst, wenn der Link in der E-Mail angeklickt wurde."),
    )
    hold_first_time = models.BooleanField(_("Erste Kommentare neuer Personen prüfen"), default=True)
    blocked_terms = models.TextField(
        _("Gesperrte Begriffe"),
        blank=True,
        help_text=_(
            "Ein Begriff pro Zeile. Gefunden werden auch Beugungen, Zusammensetzungen, "
            "ae/ä, ss/ß, Groß-/Kleinschreibung und Ziffern statt Buchstaben. "
            "Mit = am Anfang nur als ganzes Wort."
        ),
    )
    suspect_terms = models.TextField(
        _("Verdächtige Begriffe"),
        blank=True,
        help_text=_("Wie oben; solche Kommentare werden zur Prüfung zurückgehalten."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("Höchstzahl Links"), default=2, help_text=_("Mehr Links halten den Kommentar zurück.")
    )
    duplicate_window_hours = models.PositiveSmallIntegerField(
        _("Doppelte Texte erkennen (Stunden)"), default=48
    )
    rate_limit_count = models.PositiveSmallIntegerField(
        _("Kommentare pro Zeitfenster"),
        default=5,
        help_text=_("Je IP-Adresse und je E-Mail-Adresse; mehr werden zurückgehalten."),
    )
    rate_limit_minutes = models.PositiveSmallIntegerField(_("Zeitfenster (Minuten)"), default=10)
    raid_new_writers = models.PositiveSmallIntegerField(
        _("Ansturm: neue Schreibende"),
        default=8,
        help_text=_(
            "So viele Erstkommentierende auf einer Seite im Zeitfenster schalten die "
            "Seite auf Vorabprüfung und benachrichtigen die Moderation."
        ),
    )
    raid_window_minutes = models.PositiveSmallIntegerField(
        _("Ansturm: Zeitfenster (Minuten)"), default=30
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("Kommentare schließen nach (Tagen)"),
        default=30,
        help_text=_("Gezählt ab der ersten Veröffentlichung; je Seite änderbar. 0 = nie."),
    )
    page_size = models.PositiveSmallIntegerField(_("Diskussionsstränge pro Seite"), default=20)
    ip_retention_days = models.PositiveSmallIntegerField(
        _("IP-Adressen speichern (Tage)"),
        default=7,
        help_text=_("0 = IP-Adressen gar nicht speichern. Ältere werden täglich gelöscht."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("premoderate_anonymous"),
                FieldPanel("require_email_confirmation"),
                FieldPanel("hold_first_time"),
            ],
            heading=_("Vorabprüfung"),
        ),
        MultiFieldPanel(
            [FieldPanel("blocked_terms"), FieldPanel("suspect_terms"), FieldPanel("max_links")],
            heading=_("Inhalt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("duplicate_window_hours"),
                FieldPanel("rate_limit_count"),
                FieldPanel("rate_limit_minutes"),
                FieldPanel("raid_new_writers"),
                FieldPanel("raid_window_minutes"),
            ],
            heading=_("Missbrauch"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("close_after_days"),
                FieldPanel("page_size"),
                FieldPanel("ip_retention_days"),
            ],
            heading=_("Anzeige und Datenschutz"),
        ),
    ]

    class Meta:
        verbose_name = _("Kommentarregeln")


class CommentablePage(models.Model):
    """Mixin for page types that take reader comments: switch, pre-moderation, closing."""

    comments_enabled = models.BooleanField(_("Kommentare erlauben"), default=True)
    comments_premoderate = models.BooleanField(
        _("Alle Kommentare vorab prüfen"),
        default=False,
        help_text=_("Auch für angemeldete Personen, z. B. bei heiklen Themen."),
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("Kommentare schließen nach (Tagen)"),
        null=True,
        blank=True,
        help_text=_("Leer = Voreinstellung aus den Kommentarregeln; 0 = nie schließen."),
    )

    comment_panels = [
        MultiFieldPanel(
            [
                FieldPanel("comments_enabled"),
                FieldPanel("comments_premoderate"),
                FieldPanel("comments_close_after_days"),
            ],
            heading=_("Leserkommentare"),
        )
    ]

    class Meta:
        abstract = True

    def comments_closed_at(self, rules: CommentRules):
        """When comments close, or None if they never do."""
        days = self.comments_close_after_days
        if days is None:
            days = rules.close_after_days
        if not days:
            return None
        start = self.first_published_at or timezone.now()
        return start + timedelta(days=days)

    def comments_open(self, rules: CommentRules) -> bool:
        if not self.comments_enabled:
            return False
        closed_at = self.comments_closed_at(rules)
        return closed_at is None or timezone.now() < closed_at
