"""What the public search page records about searches, and the results editors promote.

``record_search`` counts every search (Wagtail's ``Query``/``QueryDailyHits``, the
"Suchbegriffe" the promotions are keyed by) and every search that found nothing
(``ZeroResultQuery``, per language), so editors see in *Berichte → Suchen ohne
Treffer* what readers look for in vain. Only the normalised query, its language
and counts are stored: nothing about the reader. ``purge_search_queries`` (daily)
deletes what is older than ``SEARCH_QUERY_RETENTION_DAYS``.

``promoted_results`` returns the results editors chose for a query in
*Einstellungen → Hervorgehobene Suchergebnisse* (``wagtail.contrib.search_promotions``).
Editors promote German pages once; a reader of /en/ gets the English translation
of each page, and a page without a live, public translation in the reader's
language is left out. Links to other websites are shown in every language.
"""

import logging
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from home.models import MemberOrganisationPage
from search.models import ZeroResultQuery

logger = logging.getLogger(__name__)


def record_search(query_string: str, language: str, result_count: int) -> None:
    """Count a search; count it again per language if it found nothing.

    The same few queries for every search (a few more the first time a query
    is seen), in a savepoint: a database error is logged and never reaches the
    reader, and leaves no broken transaction behind.
    """
    query_string = normalise_query_string(query_string)
    if not query_string:
        return
    try:
        with transaction.atomic():
            Query.get(query_string).add_hit()
            if result_count == 0:
                _count_zero_result(query_string, language)
    except DatabaseError:
        logger.exception("Suchanfrage nicht gezählt")


def _count_zero_result(query_string: str, language: str) -> None:
    # get_or_create survives two first searches at once (the unique constraint
    # decides); the F() update survives concurrent counts.
    zero, created = ZeroResultQuery.objects.get_or_create(
        query_string=query_string, language=language, defaults={"count": 1}
    )
    if not created:
        ZeroResultQuery.objects.filter(pk=zero.pk).update(
            count=F("count") + 1, last_seen=timezone.now()
        )


@dataclass(frozen=True)
class PromotedResult:
    """A result an editor promoted for a query: a page of the reader's language or a link."""

    title: str
    url: str
    description: str
    page: Page | None = None

    @property
    def is_external(self) -> bool:
        return self.page is None


def promoted_results(query_string: str, locale: Locale) -> list[PromotedResult]:
    """The promoted results for ``query_string`` in the editors' order, for readers of ``locale``.

    A promoted page counts in the reader's language: itself if it is in
    ``locale``, otherwise its translation into ``locale``; either only when live
    and public (the members' area never shows up), like every public channel.
    ``page`` is a plain ``Page`` (call ``.specific`` for more); ``url`` is
    ``page.url``, relative on a single site. Three queries, however many
    promotions (and Wagtail's cached site root paths for the URLs).
    """
    query_string = normalise_query_string(query_string)
    if not query_string:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    translation_keys = {
        promotion.page.translation_key for promotion in promotions if promotion.page
    }
    pages = {}
    if translation_keys:
        # A page and its translations share the translation key, so one lookup
        # finds the promoted page itself or its translation in the reader's locale.
        visible = (
            Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=translation_keys)
            .exclude(pk__in=MemberOrganisationPage.objects.unpublishable().values("pk"))
        )
        pages = {page.translation_key: page for page in visible}

    results, seen = [], set()
    for promotion in promotions:
        if promotion.page_id is None:
            if promotion.external_link_url:
                results.append(
                    PromotedResult(
                        title=promotion.external_link_text or promotion.external_link_url,
                        url=promotion.external_link_url,
                        description=promotion.description,
                    )
                )
            continue
        page = pages.get(promotion.page.translation_key)
        # The German page and its translation may both be promoted: show it once.
        if page is None or page.pk in seen:
            continue
        seen.add(page.pk)
        results.append(
            PromotedResult(
                title=page.title,
                url=page.url,
                # The editor's text is German; a translation brings its own summary.
                description=(
                    promotion.description
                    if page.pk == promotion.page_id
                    else page.search_description
                )
                or page.search_description,
                page=page,
            )
        )
    return results
