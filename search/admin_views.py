"""The report "Suchen ohne Treffer" in the Wagtail admin (Berichte).

Mounted under /admin/suche/ohne-treffer/ by ``wagtail_hooks`` (namespace
``search_report``). It lists what readers searched for in vain (``ZeroResultQuery``,
filled by ``search.promotions.record_search``), per language, filterable by
language and period, sortable by count and date, exportable as XLSX/CSV; below
it the most frequent searches of the period that found something, for context.

Each row offers "Ergebnis hervorheben": Wagtail's own form for promoted search
results with the query already filled in (``PromoteView``), or the existing
promotion when there is one. Seeing the report takes
``site_search.view_zeroresultquery``; deleting a row or clearing the list takes
``site_search.delete_zeroresultquery`` (Redaktion and Pressestelle have both,
see ``home.roles``). Deletions are not written to Wagtail's history: the query
may hold a name a reader typed, and the log would keep it after the row is gone.
"""

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    ButtonsColumnMixin,
    Column,
    DateColumn,
    NumberColumn,
    Table,
    TitleColumn,
)
from wagtail.admin.views.generic import (
    DeleteView,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, HeaderButton
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views import CreateView as PromotionCreateView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.search.utils import normalise_query_string

from search.models import ZeroResultQuery

VIEW_PERMISSION = "site_search.view_zeroresultquery"
PERIODS = [
    ("7", _("Letzte 7 Tage")),
    ("30", _("Letzte 30 Tage")),
    ("365", _("Letzte 365 Tage")),
]
# Rows of the table of frequent searches that found something.
POPULAR_LIMIT = 20

zero_result_policy = ModelPermissionPolicy(ZeroResultQuery)


def period_start(days: str | None) -> datetime.datetime | None:
    """The start of the period "the last ``days`` days"; None: all time."""
    return timezone.now() - datetime.timedelta(days=int(days)) if days else None


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def _local_time(value):
    return timezone.localtime(value).replace(tzinfo=None)


class ZeroResultFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Sprache"),
        choices=lambda: list(settings.LANGUAGES),
        empty_label=_("Alle Sprachen"),
        widget=forms.RadioSelect,
    )
    period = django_filters.ChoiceFilter(
        label=_("Zeitraum"),
        choices=PERIODS,
        empty_label=_("Gesamter Zeitraum"),
        method="filter_period",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ZeroResultQuery
        fields = ["language", "period"]

    def filter_period(self, queryset, name, value):
        # Searched in the period: the last search counts, not the first.
        return queryset.filter(last_seen__gte=period_start(value))


class QueryColumn(ButtonsColumnMixin, TitleColumn):
    """The query, with a menu of the row's actions."""

    def __init__(self, name, *, get_buttons, **kwargs):
        super().__init__(name, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class PromotionColumn(Column):
    """ "Ergebnis hervorheben", or the promotion the query already has."""

    cell_template_name = "search/admin/promotion_cell.html"

    def __init__(self, name, *, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self._get_url = get_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["promoted"] = instance.promoted_query_id is not None
        context["url"] = self._get_url(instance)
        return context


class PromotionLinks:
    """Where a row's "Ergebnis hervorheben" leads, by the user's rights on promotions."""

    def __init__(self, user):
        self.can_add = user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        self.can_change = user.has_perm("wagtailsearchpromotions.change_searchpromotion")

    def url(self, row) -> str | None:
        if row.promoted_query_id is not None:
            if self.can_change:
                return reverse("wagtailsearchpromotions:edit", args=[row.promoted_query_id])
            return None
        if self.can_add:
            return f"{reverse('search_report:promote')}?{urlencode({'query': row.query_string})}"
        return None


def popular_queries(since: datetime.datetime | None, limit: int = POPULAR_LIMIT):
    """The most frequent searches since ``since`` that found something, most frequent first.

    Wagtail counts every search per day (``QueryDailyHits``) without saying
    whether it found anything; a query counts as having found something when
    it was searched more often in the period than it found nothing (in any
    language) according to ``ZeroResultQuery``.
    """
    hits = Sum("daily_hits__hits")
    zero = ZeroResultQuery.objects.filter(query_string=OuterRef("query_string"))
    if since is not None:
        hits = Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=timezone.localdate(since)))
        zero = zero.filter(last_seen__gte=since)
    zero_total = zero.order_by().values("query_string").annotate(total=Sum("count")).values("total")
    promoted = SearchPromotion.objects.filter(query=OuterRef("pk")).values("query_id")[:1]
    return (
        Query.objects.annotate(
            searches=Coalesce(hits, 0),
            zero_results=Coalesce(Subquery(zero_total, output_field=IntegerField()), 0),
            promoted_query_id=Subquery(promoted),
        )
        .filter(searches__gt=F("zero_results"))
        .order_by("-searches", "query_string")[:limit]
    )


class ZeroResultReportView(ReportView):
    """Searches that found nothing, with the frequent searches that did below."""

    model = ZeroResultQuery
    page_title = _("Suchen ohne Treffer")
    header_icon = "search"
    results_template_name = "search/admin/zero_results_results.html"
    index_url_name = "search_report:index"
    index_results_url_name = "search_report:results"
    permission_policy = zero_result_policy
    permission_required = "view"
    filterset_class = ZeroResultFilterSet
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-count"
    popular_limit = POPULAR_LIMIT
    list_export = ["query_string", "language", "count", "first_seen", "last_seen"]
    export_headings = {
        "query_string": _("Suchanfrage"),
        "language": _("Sprache"),
        "count": _("Anzahl"),
        "first_seen": _("zuerst gesucht"),
        "last_seen": _("zuletzt gesucht"),
    }
    # Local time, as the editors read it, instead of the spreadsheet default (UTC).
    custom_field_preprocess = {
        field: {
            ReportView.FORMAT_XLSX: _local_time,
            ReportView.FORMAT_CSV: lambda value: _local_time(value).isoformat(" ", "minutes"),
        }
        for field in ("first_seen", "last_seen")
    }

    @cached_property
    def promotion_links(self):
        return PromotionLinks(self.request.user)

    @cached_property
    def can_delete(self):
        return zero_result_policy.user_has_permission(self.request.user, "delete")

    @cached_property
    def columns(self):
        return [
            QueryColumn(
                "query_string",
                label=_("Suchanfrage"),
                sort_key="query_string",
                get_buttons=self.row_buttons,
            ),
            Column(
                "language", label=_("Sprache"), accessor=lambda row: language_name(row.language)
            ),
            NumberColumn("count", label=_("Anzahl"), sort_key="count"),
            DateColumn("first_seen", label=_("zuerst gesucht"), sort_key="first_seen"),
            DateColumn("last_seen", label=_("zuletzt gesucht"), sort_key="last_seen"),
            PromotionColumn(
                "promotion", label=_("Hervorgehobenes Ergebnis"), get_url=self.promotion_links.url
            ),
        ]

    def row_buttons(self, row):
        buttons = []
        if url := self.promotion_links.url(row):
            promoted = row.promoted_query_id is not None
            label = _("Hervorhebung bearbeiten") if promoted else _("Ergebnis hervorheben")
            buttons.append(Button(label, url=url, icon_name="pick", priority=10))
        if self.can_delete:
            url = reverse("search_report:delete", args=[row.pk])
            buttons.append(Button(_("Löschen"), url=url, icon_name="bin", priority=30))
        if not buttons:
            return []
        label = gettext("Aktionen für „%(query)s“") % {"query": row.query_string}
        return [
            ButtonWithDropdown(
                buttons=buttons, icon_name="dots-horizontal", attrs={"aria-label": label}
            )
        ]

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.can_delete:
            clear = HeaderButton(
                _("Liste leeren"), url=reverse("search_report:clear"), icon_name="bin"
            )
            buttons.insert(0, clear)
        return buttons

    def get_base_queryset(self):
        promoted = SearchPromotion.objects.filter(query__query_string=OuterRef("query_string"))
        return ZeroResultQuery.objects.annotate(
            promoted_query_id=Subquery(promoted.values("query_id")[:1])
        )

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "-last_seen", "query_string", "language")

    @cached_property
    def period(self) -> str | None:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("period") or None
        return None

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("Keine Suche ohne Treffer passt zu diesen Filtern.")
        return _("Bisher hat jede Suche etwas gefunden.")

    def get_filename(self):
        return f"suchen-ohne-treffer-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.is_export:
            return context
        links = self.promotion_links
        context["popular_table"] = Table(
            [
                TitleColumn("query_string", label=_("Suchanfrage")),
                NumberColumn("searches", label=_("Anzahl Suchen")),
                PromotionColumn(
                    "promotion", label=_("Hervorgehobenes Ergebnis"), get_url=links.url
                ),
            ],
            list(popular_queries(period_start(self.period), self.popular_limit)),
            caption=_("Häufige Suchen mit Treffern"),
        )
        return context


class ZeroResultDeleteView(DeleteView):
    """Delete one row, e.g. a query that names a person."""

    model = ZeroResultQuery
    permission_policy = zero_result_policy
    index_url_name = "search_report:index"
    delete_url_name = "search_report:delete"
    header_icon = "search"
    page_title = _("Löschen")

    @property
    def confirmation_message(self):
        return gettext("Soll die Suchanfrage „%(query)s“ (%(language)s) gelöscht werden?") % {
            "query": self.object.query_string,
            "language": language_name(self.object.language),
        }

    def get_success_message(self):
        return gettext("Suchanfrage „%(query)s“ gelöscht.") % {"query": self.object.query_string}

    def delete_action(self):
        # No history entry: it would keep the query after the row is gone.
        self.object.delete()


class ClearView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Empty the list of searches without results, after a confirmation."""

    permission_policy = zero_result_policy
    permission_required = "delete"
    template_name = "search/admin/confirm_clear.html"
    page_title = _("Liste leeren")
    page_subtitle = _("Suchen ohne Treffer")
    header_icon = "bin"

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["count"] = ZeroResultQuery.objects.count()
        context["index_url"] = reverse("search_report:index")
        return context

    def post(self, request, *args, **kwargs):
        deleted, _rows = ZeroResultQuery.objects.all().delete()
        messages.success(
            request,
            ngettext("%(count)d Suchanfrage gelöscht.", "%(count)d Suchanfragen gelöscht.", deleted)
            % {"count": deleted},
        )
        return redirect("search_report:index")


class PromoteView(PromotionCreateView):
    """Wagtail's form for a new promoted result, with the query from ``?query=`` filled in.

    The form posts to Wagtail's own add view, so saving behaves exactly as there.
    """

    def get_initial(self):
        initial = super().get_initial()
        if query := normalise_query_string(self.request.GET.get("query", "")):
            initial["query_string"] = query
        return initial


app_name = "search_report"
urlpatterns = [
    path("", ZeroResultReportView.as_view(), name="index"),
    path("ergebnisse/", ZeroResultReportView.as_view(results_only=True), name="results"),
    path("leeren/", ClearView.as_view(), name="clear"),
    path("<int:pk>/loeschen/", ZeroResultDeleteView.as_view(), name="delete"),
    path("hervorheben/", PromoteView.as_view(), name="promote"),
]
