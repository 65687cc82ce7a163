"""The site's languages and where each page exists in them (shared by tags, views, sitemap).

A page's language is read from the (translated) home page it lives under,
through Wagtail's cached site root paths, not from its locale, which would
cost a query per page. Lookups are cached on the request.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

_CACHE_ATTRIBUTE = "_lamsa_language_cache"


def request_cache(request) -> dict:
    """A per-request cache; a throwaway dict when there is no request."""
    if request is None:
        return {}
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(request, _CACHE_ATTRIBUTE, {})
    return getattr(request, _CACHE_ATTRIBUTE)


def language_dir(code: str) -> str:
    """The writing direction of a language: "rtl" for Arabic and Persian, else "ltr"."""
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


def site_languages() -> list[dict]:
    """The site's languages in settings order: code, name in that language, writing direction."""
    return [
        {"code": code, "name": name, "dir": language_dir(code)} for code, name in settings.LANGUAGES
    ]


def _site_root_paths(request) -> list:
    """Wagtail's site root paths, cached on the request the way Page.get_url does."""
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


def page_language(page: Page, request=None) -> str:
    """The language ``page`` is written in: that of the (translated) home page above it."""
    matches = [
        root for root in _site_root_paths(request) if page.url_path.startswith(root.root_path)
    ]
    if matches:
        return max(matches, key=lambda root: len(root.root_path)).language_code
    return page.locale.language_code


def restricted_paths(request) -> list[str]:
    """Tree paths of every page with a view restriction (one query per request)."""
    cache = request_cache(request)
    if "restricted_paths" not in cache:
        cache["restricted_paths"] = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return cache["restricted_paths"]


def is_public(page: Page, request=None) -> bool:
    """Whether ``page`` and its ancestors carry no view restriction."""
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def page_versions(request, page: Page) -> dict[str, Page]:
    """The live versions of ``page`` by language code, ``page`` itself included (one query)."""
    cache = request_cache(request)
    key = ("versions", page.pk)
    if key not in cache:
        versions = {}
        if page.pk is not None:
            others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
            for version in others.live().order_by("pk"):
                versions.setdefault(page_language(version, request), version)
        versions[page_language(page, request)] = page
        cache[key] = versions
    return cache[key]


def localized_all(objects) -> list:
    """Translatable snippets (topics, press contacts) in the active language, in one query.

    Each object is replaced by its translation where one exists; the rest stay
    as they are (German), like ``TranslatableMixin.localized`` but without a
    query per object.
    """
    from wagtail.models import Locale

    objects = list(objects)
    if not objects:
        return objects
    locale = Locale.get_active()
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    if not keys:
        return objects
    translated = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale=locale)
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]
