"""Registers the comment desk, its menu and dashboard panel, and the rejection reasons."""

from django.templatetags.static import static
from django.urls import include, path, reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from comments import desk, moderation
from comments.models import RejectionReason, Status


class RejectionReasonViewSet(SnippetViewSet):
    model = RejectionReason
    icon = "comment"
    menu_label = gettext_lazy("Ablehnungsgründe")
    list_display = ["title", "ground", "sort_order"]
    ordering = ["sort_order", "title"]


register_snippet(RejectionReasonViewSet)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [
        path("kommentare/", include((desk.urlpatterns, desk.app_name), namespace="comment_desk"))
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown to users with any of the given permissions."""

    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in self.permissions)


class CommentsMenuItem(SubmenuMenuItem):
    """ "Kommentare" in the main menu, for moderators, with a badge counting what waits.

    The sidebar truncates long labels, so the number is a badge on the icon
    (site/static/comments/menu.css) and part of the accessible name.
    """

    def is_shown(self, request):
        return request.user.has_perm(desk.PERMISSION)

    def render_component(self, request):
        count = moderation.waiting_count()
        attrs = dict(self.attrs)
        if count:
            attrs["data-comment-count"] = str(count) if count < 100 else "99+"
            attrs["aria-label"] = ngettext(
                "%(label)s (%(count)d wartet)", "%(label)s (%(count)d warten)", count
            ) % {"label": self.label, "count": count}
        return SubMenuItemComponent(
            self.name,
            self.label,
            self.menu.render_component(request),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=attrs,
        )


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                gettext_lazy("Warteschlangen"),
                reverse_lazy("comment_desk:queue"),
                name="comment-queues",
                icon_name="comment",
                order=100,
                permissions=[desk.PERMISSION],
            ),
            PermissionMenuItem(
                gettext_lazy("Moderationsprotokoll"),
                reverse_lazy("comment_desk:log"),
                name="comment-log",
                icon_name="history",
                order=200,
                permissions=[desk.PERMISSION],
            ),
            PermissionMenuItem(
                gettext_lazy("Ablehnungsgründe"),
                reverse_lazy("wagtailsnippets_comments_rejectionreason:list"),
                name="comment-rejection-reasons",
                icon_name="list-ul",
                order=300,
                permissions=[
                    "comments.add_rejectionreason",
                    "comments.change_rejectionreason",
                    "comments.delete_rejectionreason",
                ],
            ),
            PermissionMenuItem(
                gettext_lazy("Kommentarregeln"),
                reverse_lazy("wagtailsettings:edit", args=["comments", "commentrules"]),
                name="comment-rules",
                icon_name="cog",
                order=400,
                permissions=["comments.change_commentrules"],
            ),
        ]
    )
    return CommentsMenuItem(
        gettext_lazy("Kommentare"), menu, name="comments", icon_name="comment", order=150
    )


class CommentQueuesPanel(Component):
    """Dashboard panel: how many comments wait in which queue, each a link to the desk."""

    name = "comment_queues"
    template_name = "comments/desk/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        sizes = moderation.queue_sizes()
        queue_url = reverse("comment_desk:queue")
        return {
            "queues": [
                {
                    "label": queue.label,
                    "count": sizes[queue.slug],
                    "url": f"{queue_url}?queue={queue.slug}",
                    "open": queue.open,
                }
                for queue in desk.QUEUES.values()
            ],
            "waiting": sizes[Status.PENDING] + sizes[Status.UNSURE] + sizes["reported"],
            "queue_url": queue_url,
            "log_url": reverse("comment_desk:log"),
        }


@hooks.register("insert_global_admin_css")
def comments_menu_css():
    return format_html('<link rel="stylesheet" href="{}">', static("comments/menu.css"))


@hooks.register("construct_homepage_panels")
def add_comment_queues_panel(request, panels):
    if request.user.has_perm(desk.PERMISSION):
        panels.append(CommentQueuesPanel())
