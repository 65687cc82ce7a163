"""Template tags for the site's languages: switcher, hreflang links, translation notice.

One query finds every live version of the page being shown (and one the view
restrictions); the switcher and the hreflang links share the answer through a
per-request cache (home/languages.py), so neither costs more with more
languages.
"""

import operator
from functools import reduce

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home.languages import (
    is_public,
    language_dir,
    page_language,
    page_versions,
    request_cache,
    restricted_paths,
    site_languages,
)
from home.translation_status import MACHINE, OUTDATED, source_of, translation_states

register = template.Library()


# --- Sub-pages of routable pages (archives by year or topic, past events) ---
#
# The switcher keeps a route's sub-path ("/presse/2024/" -> "/en/presse/2024/")
# where the translation answers it. A route without arguments always exists; a
# route with arguments needs a check, registered here, that answers for all
# languages in one query. Routes without a check lead to the translation's
# main view instead.


def _press_year(match, versions, request) -> set[str]:
    from press.models import PressReleasePage

    year = match.kwargs.get("year", match.args[0] if match.args else None)
    parents = reduce(
        operator.or_,
        (Q(path__startswith=page.path, depth=page.depth + 1) for page in versions.values()),
    )
    paths = [
        path
        for path in PressReleasePage.objects.live()
        .filter(parents, date__year=year)
        .values_list("path", flat=True)
        if not any(path.startswith(r) for r in restricted_paths(request))
    ]
    return {
        code for code, page in versions.items() if any(path.startswith(page.path) for path in paths)
    }


def _press_topic(match, versions, request) -> set[str]:
    from home.models import Topic

    locales = set(
        Topic.objects.filter(
            slug=match.kwargs.get("topic"),
            locale_id__in=[page.locale_id for page in versions.values()],
        ).values_list("locale_id", flat=True)
    )
    return {code for code, page in versions.items() if page.locale_id in locales}


ROUTE_CHECKS = {
    ("press.pressreleaseindexpage", "year"): _press_year,
    ("press.pressreleaseindexpage", "topic"): _press_topic,
}


def _sub_route(request, page):
    """The routable sub-page being shown (not the page's main view), or None."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not isinstance(page, RoutablePageMixin) or not match.url_name:
        return None
    try:
        suffix = page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    return match if suffix else None


def _route_languages(request, page, match, versions) -> set[str]:
    if not match.args and not match.kwargs:
        return set(versions)
    check = ROUTE_CHECKS.get((page._meta.label_lower, match.url_name))
    return check(match, versions, request) if check else set()


def _join(url: str, suffix: str) -> str:
    return (url if url.endswith("/") else url + "/") + suffix


def _version_urls(request, page, *, absolute=False) -> dict[str, str]:
    """URL of the current page (or sub-page) in each language that has it."""
    cache = request_cache(request)
    key = ("version_urls", page.pk, absolute)
    if key in cache:
        return cache[key]
    versions = page_versions(request, page)
    match = _sub_route(request, page)
    languages = _route_languages(request, page, match, versions) if match else set()
    urls = {}
    for code, version in versions.items():
        url = version.get_full_url(request) if absolute else version.get_url(request)
        if url is None:
            continue
        if match is not None:
            if code not in languages:
                # The sub-page does not exist there: the translation's main view.
                urls[code] = (url, False)
                continue
            suffix = version.specific_deferred.reverse_subpage(
                match.url_name, args=match.args, kwargs=match.kwargs
            )
            url = _join(url, suffix)
        urls[code] = (url, True)
    cache[key] = urls
    return urls


def untranslated_url(code: str, page: Page) -> str:
    """The page that tells a reader of ``code`` that ``page`` is not translated yet."""
    with translation.override(code):
        return reverse("untranslated", args=[page.pk])


def _view_url(request, code: str) -> str:
    """The current non-page view (search, comments, login) in another language."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        # A page that does not exist (404): the home page of that language.
        with translation.override(code):
            return reverse("wagtail_serve", args=[""])
    return translate_url(request.get_full_path(), code)


def language_links(context) -> list[dict]:
    """One entry per site language for the switcher: where to go and whether that is the page."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return []
    cache = request_cache(request)
    if "language_links" in cache:
        return cache["language_links"]
    links = []
    if isinstance(page, Page) and page.pk is not None:
        current = page_language(page, request)
        urls = _version_urls(request, page)
        public = is_public(page, request)
        versions = page_versions(request, page)
        for language in site_languages():
            code = language["code"]
            found = urls.get(code)
            if found and code != current and public and not is_public(versions[code], request):
                found = None  # a public page's translation behind a login is no translation
            links.append(
                {
                    **language,
                    "url": found[0] if found else untranslated_url(code, page),
                    "current": code == current,
                    "translated": bool(found),
                }
            )
    else:
        current = translation.get_language()
        for language in site_languages():
            code = language["code"]
            links.append(
                {
                    **language,
                    "url": request.get_full_path() if code == current else _view_url(request, code),
                    "current": code == current,
                    "translated": True,
                }
            )
    cache["language_links"] = links
    return links


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The language switcher: every site language, named in itself, leading to this page there."""
    return {"links": language_links(context)}


@register.inclusion_tag("navigation/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for every public live version of the page, and x-default.

    Only for public pages outside previews: search engines see nothing else.
    """
    request = context.get("request")
    page = context.get("page")
    if (
        request is None
        or not isinstance(page, Page)
        or page.pk is None
        or getattr(request, "is_preview", False)
        or not is_public(page, request)
    ):
        return {"alternates": []}
    versions = page_versions(request, page)
    urls = _version_urls(request, page, absolute=True)
    alternates = [
        {"code": language["code"], "url": urls[language["code"]][0]}
        for language in site_languages()
        if language["code"] in urls
        and urls[language["code"]][1]
        and is_public(versions[language["code"]], request)
    ]
    default = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    if len(alternates) < 2:
        # A page in one language only has no alternates to announce.
        return {"alternates": []}
    if default is not None:
        alternates.append({"code": "x-default", "url": default["url"]})
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def content_language(context) -> dict | None:
    """Language and direction of the page's content when it differs from the interface's.

    Wagtail serves the German page under /en/... when there is no English home
    page; its text is then German although the interface is English.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    code = page_language(page, request)
    if code == translation.get_language():
        return None
    return {"code": code, "dir": language_dir(code)}


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context):
    """On a translation: whether it is older than its original, or still a machine draft.

    German pages are the originals and cost no query here.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or page.pk is None:
        return {}
    if page_language(page, request) == settings.LANGUAGE_CODE:
        return {}
    source = source_of(page)
    if source is None:
        return {}
    state = translation_states([source], [page.locale_id])[(source.pk, page.locale_id)]
    if state not in (OUTDATED, MACHINE):
        return {}
    return {
        "state": state,
        "source_url": source.get_url(request) if source.live else None,
        "source_language": page_language(source, request),
    }
