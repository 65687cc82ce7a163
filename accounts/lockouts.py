"""Einstellungen → Anmeldesperren: axes' failed logins, with "unlock" for administrators.

A listing on Wagtail's generic views: one row per user name and address (the
pair axes locks out), with its failures, last attempt and the end of its lockout;
filters by status and date, search by name or address. "Entsperren" lifts a
lockout (single, with a confirmation, or in bulk); every unlock goes to Wagtail's
audit log. Superusers see it, and whoever has been given axes' permissions on
access attempts ("view" to look, "delete" to unlock). Nothing is added or edited
by hand.
"""

import django_filters
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery, Sum
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from accounts.lockout import cool_off_threshold, unlock

OBJ_TYPE = "lockout"


def lockout_rows():
    """The newest record of every user name and address, with the pair's failures."""
    pair = AccessAttempt.objects.filter(
        username=OuterRef("username"), ip_address=OuterRef("ip_address")
    )
    newest = pair.order_by("-attempt_time", "-pk").values("pk")[:1]
    failures = (
        pair.order_by()
        .values("username")
        .annotate(total=Sum("failures_since_start"))
        .values("total")[:1]
    )
    return AccessAttempt.objects.filter(pk=Subquery(newest)).annotate(
        total_failures=Subquery(failures)
    )


def is_locked_q():
    return Q(total_failures__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gt=cool_off_threshold())


def locked_until(row):
    if row.total_failures < settings.AXES_FAILURE_LIMIT:
        return None
    until = row.attempt_time + get_cool_off()
    return until if until > timezone.now() else None


def describe(row) -> str:
    return f"{row.username} ({row.ip_address})"


class LockoutFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("locked", _("Gesperrt")), ("open", _("Nicht gesperrt"))],
        method="filter_status",
        empty_label=_("Alle"),
    )
    attempt_time = django_filters.DateFromToRangeFilter(
        label=_("Letzter Versuch"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AccessAttempt
        fields = []

    def filter_status(self, queryset, name, value):
        if value == "locked":
            return queryset.filter(is_locked_q())
        return queryset.exclude(is_locked_q())


class LockoutIndexView(generic.IndexView):
    page_title = _("Anmeldesperren")
    search_fields = ["username", "ip_address"]
    search_backend_name = None

    def get_base_queryset(self):
        return lockout_rows()

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    @cached_property
    def columns(self):
        # The title column carries the row's buttons, as in Wagtail's own listings.
        title_column = self._get_title_column_class(TitleColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=OBJ_TYPE),
            title_column(
                "username",
                label=_("Benutzername"),
                sort_key="username",
                get_url=lambda row: None,
                get_title_id=lambda row: f"{OBJ_TYPE}_{row.pk}_title",
            ),
            Column("ip_address", label=_("Adresse"), sort_key="ip_address"),
            Column("total_failures", label=_("Fehlversuche"), sort_key="total_failures"),
            DateColumn("attempt_time", label=_("Letzter Versuch"), sort_key="attempt_time"),
            Column(
                "locked_until",
                label=_("Gesperrt bis"),
                accessor=lambda row: (
                    date_format(timezone.localtime(until), "SHORT_DATETIME_FORMAT")
                    if (until := locked_until(row))
                    else "–"
                ),
            ),
        ]

    def get_list_more_buttons(self, instance):
        url = self.get_delete_url(instance)
        if not url:
            return []
        return [MenuItem(_("Entsperren"), url=url, icon_name="lock-open", priority=10)]


class UnlockView(generic.DeleteView):
    """Lifts the lockout of one user name from one address, after a confirmation."""

    page_title = _("Anmeldesperre aufheben")
    template_name = "accounts/lockouts/confirm_unlock.html"

    def get_page_subtitle(self):
        return describe(self.object)

    def get_usage_url(self):
        # Nothing refers to a failed login; the viewset has no usage view.
        return None

    @property
    def confirmation_message(self):
        return _(
            "„%(user)s“ kann sich danach von dieser Adresse aus sofort wieder anmelden. "
            "Die Aufhebung wird protokolliert."
        ) % {"user": self.object.username}

    def delete_action(self):
        unlock(self.object, self.request.user)

    def get_success_message(self):
        return _("Die Anmeldesperre für %(pair)s ist aufgehoben.") % {"pair": describe(self.object)}


class UnlockBulkAction(PermissionCheckedMixin, BulkAction):
    display_name = _("Entsperren")
    action_type = "unlock"
    aria_label = _("Ausgewählte Anmeldesperren aufheben")
    template_name = "accounts/lockouts/confirm_bulk_unlock.html"
    models = [AccessAttempt]
    permission_policy = ModelPermissionPolicy(AccessAttempt)
    permission_required = "delete"

    def get_all_objects_in_listing_query(self, parent_id):
        return lockout_rows().values_list("pk", flat=True)

    def object_context(self, obj):
        return {"item": obj, "description": describe(obj)}

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for attempt in objects:
            unlock(attempt, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Anmeldesperre aufgehoben.",
            "%(count)d Anmeldesperren aufgehoben.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "anmeldesperren"
    icon = "lock"
    menu_label = _("Anmeldesperren")
    menu_name = "login-lockouts"
    menu_order = 610  # after Wagtail's users (600)
    add_to_settings_menu = True
    add_to_reference_index = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    filterset_class = LockoutFilterSet
    index_template_name = "accounts/lockouts/index.html"
    ordering = ["-attempt_time"]

    def get_urlpatterns(self):
        # Only the listing and the unlock ("delete" in Wagtail's terms, so the
        # generic views find it); lockouts are never created or edited by hand.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("entsperren/<id:pk>/", self.delete_view, name="delete"),
        ]
