"""Translations made the way wagtail-localize makes them, for tests of roles, status and embargo."""

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def translate(page: Page, code: str, *, publish: bool = True, strings: dict | None = None):
    """``page`` translated into ``code`` through wagtail-localize, as the admin does it.

    A TranslationSource and an enabled Translation record, the given strings
    ({German: translation}) stored as a person's translations, the target page
    saved from them (untranslated strings stay German) and, with ``publish``,
    its revision published right away (wagtail-localize itself publishes on
    commit, which never comes inside a test's transaction).
    """
    page = page.specific
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    target_locale = locale(code)
    Translation.objects.update_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    for german, translated in (strings or {}).items():
        set_string(source, german, code, translated)
    target, _created = source.create_or_update_translation(
        target_locale, publish=False, fallback=True
    )
    if publish:
        target.get_latest_revision().publish()
    return type(target).objects.get(pk=target.pk)


def set_string(source, german: str, code: str, translated: str, *, machine: bool = False):
    """Store the translation of one source string, by a person or by the machine translator."""
    segment = StringSegment.objects.select_related("string", "context").get(
        source=source, string__data=german
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale(code),
        context=segment.context,
        defaults={
            "data": translated,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE
            if machine
            else StringTranslation.TRANSLATION_TYPE_MANUAL,
        },
    )


def translate_tree(site_tree, *codes, sections=("press",)):
    """Home page and ``sections`` in ``codes`` (published), then the roles for them."""
    from home import roles

    for code in codes:
        translate(site_tree.home, code)
        for name in sections:
            translate(getattr(site_tree, name), code)
    roles.setup_roles()
