"""How far a page's translation lags behind its source: one definition for readers and translators.

The readers' notice on a translated page ("older than the German original")
and the translators' status overview in the admin both ask this module, so
they can never disagree. The state of a page's translation into a locale is

``missing``
    no page in that locale has the source's translation key;
``outdated``
    the source changed after the translation was last brought up to date:
    the source page was published after wagtail-localize last synced its
    content (``TranslationSource.last_updated_at``), or the translation has not
    been published since that sync, so its readers still see the text from
    before. A translation made with Wagtail's plain "copy for translation"
    (no TranslationSource) is outdated when the source was published after it;
``machine``
    up to date, but at least one of its current strings is still a machine
    translator's draft (wagtail-localize's ``StringTranslation.translation_type``
    is ``"machine"``); a person who edits the string in the translation editor
    makes it ``"manual"``;
``current``
    up to date and written or reviewed by a person.

``translation_states()`` answers for many pages and locales in three queries,
whatever their number; the other functions are built on it.
``translation_cells()`` gives the same answer with what the admin's status
overview (``home.translation_admin``) needs besides: which page holds the
translation and why it is outdated.

Decisions: an alias page (a copy Wagtail keeps in step with the original) is
not a translation, so its locale counts as ``missing``. A source that is not
live but scheduled (an embargoed release, translated ahead of its minute)
counts as changed when its latest revision is newer than the last sync. A
machine string counts as reviewed once a person saves it in the translation
editor or uploads it in a PO file (both store it as ``"manual"``), or confirms
the whole translation with "Als geprüft markieren" in the status overview.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

MISSING = "missing"
OUTDATED = "outdated"
MACHINE = "machine"
CURRENT = "current"
STATES = (MISSING, OUTDATED, MACHINE, CURRENT)


def _pk(locale_or_pk) -> int:
    return getattr(locale_or_pk, "pk", locale_or_pk)


def source_of(page: Page) -> Page | None:
    """The page ``page`` was translated from (the German original), or None if it is a source.

    wagtail-localize records where a translation came from; a translation made
    without it counts as translated from the default language (German).
    """
    record = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .values_list("source__locale_id", flat=True)
        .first()
    )
    pages = Page.objects.filter(translation_key=page.translation_key)
    if record is not None:
        source_locale = {"locale_id": record}
    else:
        source_locale = {"locale__language_code": settings.LANGUAGE_CODE}
    return pages.filter(**source_locale).exclude(pk=page.pk).first()


def _machine_drafts(translation_keys, locale_ids) -> set[tuple]:
    """(translation key, locale id) of every translation with a current string still machine-made.

    Only strings that are still segments of a source count: a machine draft of
    a sentence the source no longer contains does not.
    """
    rows = (
        StringTranslation.objects.filter(
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            locale_id__in=locale_ids,
            context__object_id__in=translation_keys,
        )
        .filter(
            Exists(
                StringSegment.objects.filter(
                    context_id=OuterRef("context_id"), string_id=OuterRef("translation_of_id")
                )
            )
        )
        .values_list("context__object_id", "locale_id")
        .distinct()
    )
    return set(rows)


@dataclass(frozen=True)
class TranslationCell:
    """One source page in one locale: the state and what the admin needs to act on it."""

    state: str
    # Why it is outdated: "source_changed" (the original was changed after the
    # last sync) or "not_published" (synced, but the translation has not been
    # saved or published since); "" otherwise.
    reason: str = ""
    page_id: int | None = None  # the translated page, if there is one
    live: bool = False


SOURCE_CHANGED = "source_changed"
NOT_PUBLISHED = "not_published"


def translation_cells(source_pages, locales) -> dict[tuple[int, int], TranslationCell]:
    """Like ``translation_states()``, with the translated page and the reason of each state.

    Three queries, whatever the number of pages and locales.
    """
    source_pages = list(source_pages)
    locale_ids = [_pk(locale) for locale in locales]
    if not source_pages or not locale_ids:
        return {}
    keys = {page.translation_key for page in source_pages}

    translated = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=keys, locale_id__in=locale_ids, alias_of__isnull=True
        ).values(
            "pk",
            "live",
            "translation_key",
            "locale_id",
            "last_published_at",
            "latest_revision_created_at",
        )
    }
    synced_at = {
        (object_id, locale_id): last_updated_at
        for object_id, locale_id, last_updated_at in TranslationSource.objects.filter(
            object_id__in=keys
        ).values_list("object_id", "locale_id", "last_updated_at")
    }
    machine = _machine_drafts(keys, locale_ids)

    cells = {}
    for source in source_pages:
        for locale_id in locale_ids:
            translation = translated.get((source.translation_key, locale_id))
            state, reason = _assess(
                source,
                locale_id,
                translation,
                synced_at.get((source.translation_key, source.locale_id)),
                (source.translation_key, locale_id) in machine,
            )
            cells[(source.pk, locale_id)] = TranslationCell(
                state=state,
                reason=reason,
                page_id=translation["pk"] if translation else None,
                live=bool(translation and translation["live"]),
            )
    return cells


def translation_states(source_pages, locales) -> dict[tuple[int, int], str]:
    """The state of each source page's translation into each locale.

    Returns ``{(source page pk, locale pk): state}``. The source pages are the
    originals (usually German); a locale that is a page's own counts as
    ``current``. Three queries, whatever the number of pages and locales.
    """
    return {key: cell.state for key, cell in translation_cells(source_pages, locales).items()}


def _source_changed_at(source):
    """When the content a sync would extract from ``source`` last changed.

    wagtail-localize extracts the page's database row: the live version of a
    live page, and for a scheduled page the version scheduled to go live.
    """
    changed = source.last_published_at
    if not source.live and source.go_live_at and source.latest_revision_created_at:
        changed = max(filter(None, [changed, source.latest_revision_created_at]))
    return changed


def _assess(source, locale_id, translation, synced_at, has_machine_strings) -> tuple[str, str]:
    """(state, reason): the one definition of the states, see the module docstring."""
    if locale_id == source.locale_id:
        return CURRENT, ""
    if translation is None:
        return MISSING, ""
    source_changed = _source_changed_at(source)
    translated_at = translation["last_published_at"] or translation["latest_revision_created_at"]
    if not translation["live"] and translation["latest_revision_created_at"]:
        # A translation that is not live is as new as its latest draft.
        translated_at = translation["latest_revision_created_at"]
    if synced_at is not None:
        if source_changed is not None and source_changed > synced_at:
            return OUTDATED, SOURCE_CHANGED
        if translated_at is not None and translated_at < synced_at:
            return OUTDATED, NOT_PUBLISHED
    elif (
        source_changed is not None and translated_at is not None and source_changed > translated_at
    ):
        return OUTDATED, SOURCE_CHANGED
    if has_machine_strings:
        return MACHINE, ""
    return CURRENT, ""


def _state(source, locale_id, translation, synced_at, has_machine_strings) -> str:
    return _assess(source, locale_id, translation, synced_at, has_machine_strings)[0]


def translation_state(page_or_source, locale) -> str:
    """The state of the translation of ``page_or_source`` into ``locale``.

    ``page_or_source`` is a wagtail-localize TranslationSource or any page of
    the translation group (the original is looked up when a translation is
    given); ``locale`` a Locale, its pk or its language code.
    """
    if isinstance(page_or_source, TranslationSource):
        source = page_or_source.get_source_instance()
    else:
        source = source_of(page_or_source) or page_or_source
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    return translation_states([source], [locale])[(source.pk, _pk(locale))]


def is_outdated(page: Page) -> bool:
    """Whether ``page`` is a translation that is older than its source."""
    return translation_state(page, page.locale_id) == OUTDATED
