"""Reader-facing views that are not pages."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page, Site

from home.languages import is_public, page_language, page_versions


def _readable(page: Page, request) -> bool:
    """Whether this reader may open ``page`` at its address, as Wagtail's serve would let them.

    Live, below a site's home page (the tree root has no address) and not
    withheld by page privacy (groups, login or password) from this reader.
    """
    if not page.live or page.get_url_parts(request) is None:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def untranslated(request, page_id):
    """Where the language switcher leads when a page has no translation in the chosen language.

    Says so in that language and offers the German original and that
    language's home page. If the translation has appeared since the link was
    rendered, goes there instead.

    A page the reader may not see answers 404 exactly like an id that does not
    exist: neither a redirect nor a link may reveal its address (the slug of a
    members-only minutes page names the meeting and its date).
    """
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    if not _readable(page, request):
        raise Http404
    language = translation.get_language()
    versions = {
        code: version
        for code, version in page_versions(request, page).items()
        if _readable(version, request)
    }
    translated = versions.get(language)
    if translated is not None:
        return redirect(translated.get_url(request))

    original = versions.get(settings.LANGUAGE_CODE) or page
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    home = None
    if site is not None:
        home = next(
            (
                version
                for code, version in page_versions(request, site.root_page).items()
                if code == language
            ),
            None,
        )
    original_language = page_language(original, request)
    context = {
        # The original's title only where anybody may read the page; a member
        # led here from a members-only page gets the link without the title.
        "original": original if is_public(original, request) else None,
        "original_url": original.get_url(request),
        "original_language": original_language,
        "language_home": home,
    }
    return TemplateResponse(request, "navigation/untranslated.html", context)
