"""Registers the report "Suchen ohne Treffer" (Berichte) and its URLs under /admin/suche/."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "suche/ohne-treffer/",
            include((admin_views.urlpatterns, admin_views.app_name), namespace="search_report"),
        )
    ]


class ZeroResultReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return ZeroResultReportMenuItem(
        _("Suchen ohne Treffer"),
        reverse_lazy("search_report:index"),
        name="zero-result-searches",
        icon_name="search",
        order=1400,
    )
