"""One search, whatever the engine: what the search page and the autocomplete show.

The engine (database backend or Elasticsearch/OpenSearch) only ranks: it
returns up to MAX_HITS page ids for the query within a queryset that already
holds the rules (live, public, the reader's language, members who consented).
Everything after that is done here, the same for every engine, on the
database, so a stale index can never show a page that is no longer public:
the German fallback, counts per kind and year, filters, pagination, the
highlighted snippets and the "did you mean".
"""

import dataclasses
import datetime
import logging
import re
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText

from search import analysis, resilience, suggest

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_HITS = 500
AUTOCOMPLETE_LIMIT = 8
SNIPPET_WORDS = 32


@dataclasses.dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    model_label: str  # "app_label.ModelName"; empty for "all other pages"
    date_field: str = ""


KINDS = [
    Kind("pressemitteilungen", _("Pressemitteilungen"), "press.PressReleasePage", "date"),
    Kind("projekte", _("Projekte"), "home.ProjectPage", "funding_start"),
    Kind("mitglieder", _("Mitglieder"), "home.MemberOrganisationPage"),
    Kind("termine", _("Termine"), "home.EventPage", "start"),
    Kind("artikel", _("Artikel und Publikationen"), "home.ArticlePage", "date"),
    Kind("seiten", _("Weitere Seiten"), ""),
]
KIND_BY_SLUG = {kind.slug: kind for kind in KINDS}


@dataclasses.dataclass
class Hit:
    page: Page
    title_html: str
    snippet_html: str
    kind: Kind
    date: datetime.date | None
    in_fallback_language: bool


@dataclasses.dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclasses.dataclass
class Outcome:
    query: str
    hits: object = None  # a Paginator page of Hit
    total: int = 0
    kinds: list = dataclasses.field(default_factory=list)
    years: list = dataclasses.field(default_factory=list)
    kind: str = ""
    year: int | None = None
    corrected_query: str = ""  # results shown are for this query instead
    suggestion: str = ""  # "did you mean", when nothing was found at all
    promoted: list = dataclasses.field(default_factory=list)
    degraded: bool = False  # the engine failed; the database answered


TYPOGRAPHIC_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"'})


def parse_query(query_string: str):
    """Quoted parts are phrases ("…", „…“, «…»), the rest are words that must all occur."""
    query_string = query_string.translate(TYPOGRAPHIC_QUOTES)
    phrases = re.findall(r'"([^"]+)"', query_string) if query_string.count('"') >= 2 else []
    rest = re.sub(r'"[^"]*"', " ", query_string) if phrases else query_string.replace('"', " ")
    parts = [Phrase(phrase.strip()) for phrase in phrases if analysis.words(phrase)]
    if analysis.words(rest):
        parts.append(PlainText(rest.strip(), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def search_locales(locale: Locale) -> list[Locale]:
    """The reader's language, then German where the German fallback is on."""
    default = Locale.get_default()
    if locale.pk != default.pk and settings.SEARCH_GERMAN_FALLBACK:
        return [locale, default]
    return [locale]


def searchable_pages(locales):
    """The pages anyone may find: live, public, in these languages, consent given."""
    from home.models import MemberOrganisationPage

    hidden_members = list(
        MemberOrganisationPage.objects.unpublishable().values_list("pk", flat=True)
    )
    pages = Page.objects.live().public().filter(locale__in=locales)
    if hidden_members:
        pages = pages.exclude(pk__in=hidden_members)
    return pages


def _backends():
    """(backend, degraded) pairs to try in order: the engine, then the database."""
    configured = settings.WAGTAILSEARCH_BACKENDS
    if "database" not in configured:
        return [(get_search_backend("default"), False)]
    database = (get_search_backend("database"), True)
    if not resilience.engine_available():
        return [database]
    return [(get_search_backend("default"), False), database]


def _run(method: str, query, queryset, limit: int):
    """Ask the engine; if it fails, ask the database index. Returns (pages, degraded)."""
    backends = _backends()
    for backend, degraded in backends:
        try:
            found = getattr(backend, method)(query, queryset)
            return list(found[:limit]), degraded
        except Exception as error:
            if backend is backends[-1][0]:
                raise
            logger.exception("Search engine failed; answering from the database index")
            resilience.mark_down(error)
    return [], True


def kind_of(page: Page) -> Kind:
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    model_label = model._meta.label if model else ""
    for kind in KINDS:
        if kind.model_label == model_label:
            return kind
    return KINDS[-1]


def _dates(pages: list[Page]) -> dict[int, datetime.date | None]:
    """The date a reader would file each page under (release date, event start...)."""
    from django.apps import apps

    dates = {}
    by_kind = {}
    for page in pages:
        kind = kind_of(page)
        if kind.date_field:
            by_kind.setdefault(kind, []).append(page.pk)
        else:
            published = page.first_published_at
            dates[page.pk] = timezone.localtime(published).date() if published else None
    for kind, ids in by_kind.items():
        model = apps.get_model(kind.model_label)
        for pk, value in model.objects.filter(pk__in=ids).values_list("pk", kind.date_field):
            if isinstance(value, datetime.datetime):
                value = timezone.localtime(value).date()
            dates[pk] = value
    return dates


def _drop_translated_fallbacks(pages: list[Page], locale: Locale) -> list[Page]:
    """German pages only where the reader's language has no live translation."""
    fallback_keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
    if not fallback_keys:
        return pages
    translated = set(
        Page.objects.live()
        .filter(locale=locale, translation_key__in=fallback_keys)
        .values_list("translation_key", flat=True)
    )
    return [
        page
        for page in pages
        if page.locale_id == locale.pk or page.translation_key not in translated
    ]


def search(
    query_string: str,
    locale: Locale,
    *,
    kind: str = "",
    year: str = "",
    page_number=1,
    correct: bool = True,
) -> Outcome:
    query_string = " ".join(query_string.split())[:MAX_QUERY_LENGTH]
    outcome = Outcome(query=query_string, kind=kind if kind in KIND_BY_SLUG else "")
    outcome.year = int(year) if str(year).isdigit() and len(str(year)) == 4 else None
    query = parse_query(query_string)
    if query is None:
        return outcome
    from search.promotions import promoted_results, record_search

    locales = search_locales(locale)
    pages, outcome.degraded = _run("search", query, searchable_pages(locales), MAX_HITS)
    pages = _drop_translated_fallbacks(pages, locale)
    if not pages and correct:
        corrected = suggest.correct(query_string, locales)
        if corrected:
            retry, degraded = _run(
                "search", parse_query(corrected), searchable_pages(locales), MAX_HITS
            )
            retry = _drop_translated_fallbacks(retry, locale)
            if retry:
                pages, outcome.corrected_query = retry, corrected
                outcome.degraded = outcome.degraded or degraded
            else:
                outcome.suggestion = corrected
    outcome.promoted = promoted_results(query_string, locale)
    promoted_ids = {item.page.pk for item in outcome.promoted if item.page}
    pages = [page for page in pages if page.pk not in promoted_ids]

    dates = _dates(pages)
    kinds = {page.pk: kind_of(page) for page in pages}
    in_year = [
        page
        for page in pages
        if outcome.year is None or (dates.get(page.pk) and dates[page.pk].year == outcome.year)
    ]
    kind_counts = Counter(kinds[page.pk].slug for page in in_year)
    outcome.kinds = [
        Facet(k.slug, k.label, kind_counts[k.slug], k.slug == outcome.kind)
        for k in KINDS
        if kind_counts[k.slug]
    ]
    of_kind = [page for page in pages if not outcome.kind or kinds[page.pk].slug == outcome.kind]
    year_counts = Counter(dates[page.pk].year for page in of_kind if dates.get(page.pk))
    outcome.years = [
        Facet(str(y), str(y), year_counts[y], y == outcome.year)
        for y in sorted(year_counts, reverse=True)
    ]
    in_year_ids = {page.pk for page in in_year}
    selected = [page for page in of_kind if page.pk in in_year_ids]
    outcome.total = len(selected)
    if str(page_number or 1) == "1":  # one search, however many pages the reader turns
        record_search(query_string, locale.language_code, outcome.total + len(outcome.promoted))

    paginator = Paginator(selected, RESULTS_PER_PAGE)
    outcome.hits = paginator.get_page(page_number)
    ids = [page.pk for page in outcome.hits.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    terms = analysis.query_terms(outcome.corrected_query or query_string)
    outcome.hits.object_list = [
        Hit(
            page=specific[pk],
            title_html=highlight(specific[pk].title, terms, whole=True),
            snippet_html=snippet(specific[pk], terms),
            kind=kinds[pk],
            date=dates.get(pk),
            in_fallback_language=specific[pk].locale_id != locale.pk,
        )
        for pk in ids
        if pk in specific
    ]
    return outcome


def autocomplete(query_string: str, locale: Locale) -> list[Page]:
    """Pages whose title starts with what the reader typed (umlauts folded)."""
    query_string = " ".join(query_string.split())[:MAX_QUERY_LENGTH]
    if not analysis.words(query_string):
        return []
    pages, _degraded = _run(
        "autocomplete",
        query_string,
        searchable_pages(search_locales(locale)),
        3 * AUTOCOMPLETE_LIMIT,
    )
    return _drop_translated_fallbacks(pages, locale)[:AUTOCOMPLETE_LIMIT]


# ------------------------------------------------------------- highlighting


def page_text(page) -> str:
    """The text a result's snippet is cut from: description, lead, then body."""
    parts = [page.search_description]
    for name in ("lead", "summary", "intro", "description"):
        parts.append(getattr(page, name, "") or "")
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        field = page._meta.get_field("body")
        parts.extend(str(text) for text in field.get_searchable_content(body))
    return " ".join(" ".join(part.split()) for part in parts if part)


def snippet(page, terms: list[str]) -> str:
    """The page's text around the matches; the attached PDFs' text if only they match.

    The PDFs cost queries, so they are read only for a hit that neither its
    title nor its text explains.
    """
    text = page_text(page)
    marked = highlight(text, terms)
    explained = "<mark>" in marked or "<mark>" in highlight(page.title, terms, whole=True)
    if not explained and hasattr(page, "attachment_text"):
        attached = " ".join(page.attachment_text().split())
        if attached:
            found_in_pdf = highlight(attached, terms)
            if "<mark>" in found_in_pdf:
                return found_in_pdf
    return marked


def _matches(word: str, terms: set[str]) -> bool:
    lower = word.lower()
    if analysis.stem(lower) in terms:
        return True
    return any(analysis.stem(part) in terms for part in analysis.compound_parts(lower))


def highlight(text: str, terms: list[str], whole: bool = False) -> str:
    """Escaped text with the matching words in <mark>; a window of it unless `whole`."""
    if not text:
        return ""
    term_set = set(terms)
    tokens = re.split(r"(\w+)", text)
    marks = [i for i, token in enumerate(tokens) if i % 2 and _matches(token, term_set)]
    if not whole:
        words_at = list(range(1, len(tokens), 2))
        window = SNIPPET_WORDS
        if len(words_at) > window:
            best_start, best = 0, -1
            mark_set = set(marks)
            for start in range(0, len(words_at) - window + 1, 4):
                span = words_at[start : start + window]
                score = sum(1 for i in span if i in mark_set)
                if score > best:
                    best_start, best = start, score
            first = words_at[best_start]
            last = words_at[min(best_start + window, len(words_at)) - 1]
            prefix = "… " if best_start else ""
            suffix = " …" if best_start + window < len(words_at) else ""
            tokens = tokens[first : last + 1]
            marks = [i - first for i in marks if first <= i <= last]
            return mark_safe(prefix + _render(tokens, marks) + suffix)  # noqa: S308
    return mark_safe(_render(tokens, marks))  # noqa: S308 - every piece is escaped


def _render(tokens: list[str], marks: list[int]) -> str:
    mark_set = set(marks)
    return "".join(
        f"<mark>{escape(token)}</mark>" if i in mark_set else escape(token)
        for i, token in enumerate(tokens)
    )
