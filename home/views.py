"""Reader-facing views that are not pages."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page, Site

from home.languages import is_public, page_language, page_versions


def untranslated(request, page_id):
    """Where the language switcher leads when a page has no translation in the chosen language.

    Says so in that language and offers the German original and that
    language's home page. If the translation has appeared since the link was
    rendered, goes there instead.
    """
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    language = translation.get_language()
    versions = page_versions(request, page)
    translated = versions.get(language)
    if translated is not None and (is_public(translated, request) or not is_public(page, request)):
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
        # The original's title only where anybody may read the page.
        "original": original if is_public(original, request) else None,
        "original_url": original.get_url(request),
        "original_language": original_language,
        "language_home": home,
    }
    return TemplateResponse(request, "navigation/untranslated.html", context)
