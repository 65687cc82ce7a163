"""Template tags for the site chrome: main navigation and the sections linked from every page.

Every lookup is cached on the request, so a page costs the same few queries no
matter how much content the site holds (the home page's query count is tested).
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

register = template.Library()

_CACHE_ATTRIBUTE = "_lamsa_navigation_cache"


def _cache(request) -> dict:
    """A per-request cache; a throwaway dict when there is no request (e.g. block previews)."""
    if request is None:
        return {}
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(request, _CACHE_ATTRIBUTE, {})
    return getattr(request, _CACHE_ATTRIBUTE)


def site_root(context) -> Page | None:
    """The home page of the current site, in the locale of the page being shown."""
    request = context.get("request")
    cache = _cache(request)
    if "root" in cache:
        return cache["root"]
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    root = site.root_page if site else None
    page = context.get("page")
    if root is not None and isinstance(page, Page):
        if page.locale_id != root.locale_id:
            # A translated page: its menu is the translated home page's children.
            root = (
                Page.objects.filter(translation_key=root.translation_key, locale_id=page.locale_id)
                .live()
                .first()
                or root
            )
    elif root is not None and translation.get_language() != settings.LANGUAGE_CODE:
        # A view that is no page (search, comments) under /en/...: the home page
        # of the active language, where there is one.
        root = (
            Page.objects.filter(
                translation_key=root.translation_key,
                locale__language_code=translation.get_language(),
            )
            .live()
            .first()
            or root
        )
    cache["root"] = root
    return root


def _visible_restricted_ids(request, pages, root) -> set[int]:
    """Ids of the restricted ``pages`` whose every restriction this request passes.

    One query for the restrictions on the pages and their ancestors, whatever the
    number of pages; checking group membership costs a query or two only for
    logged-in users, and only when a restricted page is in the menu.
    """
    steplen = Page.steplen
    ancestor_paths = [root.path[:end] for end in range(steplen, len(root.path) + 1, steplen)]
    paths = ancestor_paths + [page.path for page in pages]
    authenticated = request is not None and request.user.is_authenticated
    restrictions = PageViewRestriction.objects.filter(page__path__in=paths).select_related("page")
    if authenticated:
        restrictions = restrictions.prefetch_related("groups")
    restrictions = list(restrictions)
    if not restrictions:
        return {page.pk for page in pages}
    if not authenticated:
        # Anonymous visitors pass no restriction we show in menus (password-protected
        # pages are never listed: the password form is not a menu destination).
        restricted_paths = [r.page.path for r in restrictions]
        return {
            page.pk
            for page in pages
            if not any(page.path.startswith(path) for path in restricted_paths)
        }
    visible = set()
    for page in pages:
        applying = [r for r in restrictions if page.path.startswith(r.page.path)]
        if all(
            r.restriction_type != PageViewRestriction.PASSWORD and r.accept_request(request)
            for r in applying
        ):
            visible.add(page.pk)
    return visible


def _root_children(context) -> list[Page]:
    """The live children of the site root: one query serves the menu and the section links."""
    request = context.get("request")
    cache = _cache(request)
    if "children" not in cache:
        root = site_root(context)
        cache["children"] = list(root.get_children().live()) if root is not None else []
    return cache["children"]


@register.inclusion_tag("navigation/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The site root's live children that are meant for menus and that this reader may open."""
    request = context.get("request")
    current_page = context.get("page")
    cache = _cache(request)
    if "main_navigation" not in cache:
        candidates = [page for page in _root_children(context) if page.show_in_menus]
        items = []
        if candidates:
            visible = _visible_restricted_ids(request, candidates, site_root(context))
            items = [page for page in candidates if page.pk in visible]
        cache["main_navigation"] = items

    current_path = current_page.path if isinstance(current_page, Page) else ""
    entries = []
    for item in cache["main_navigation"]:
        if current_path == item.path:
            current = "page"
        elif current_path.startswith(item.path):
            current = "true"
        else:
            current = ""
        entries.append({"page": item, "current": current})
    return {"request": request, "entries": entries}


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the language of the page (or view) being shown."""
    return site_root(context)


@register.simple_tag(takes_context=True)
def section_page(context, model_label: str):
    """The first live section page of a type directly below the site root, or None.

    ``{% section_page "home.EventIndexPage" as event_index %}``. Index pages may
    only live below the home page, so no deeper search is needed.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    model = apps.get_model(model_label)
    content_type_id = ContentType.objects.get_for_model(model).pk
    for page in _root_children(context):
        if page.content_type_id == content_type_id:
            # The specific class (for routablepageurl) without another query.
            return page.specific_deferred
    return None


@register.simple_tag(takes_context=True)
def press_index_page(context):
    """The live press release index of the current site (for the feed links in <head>)."""
    return section_page(context, "press.PressReleaseIndexPage")


@register.simple_tag(takes_context=True)
def members_area_page(context):
    """The members' area of the current site (target of the members' login link)."""
    return section_page(context, "home.MembersAreaPage")
