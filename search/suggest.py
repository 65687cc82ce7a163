"""Typo tolerance: "Integraton" is read as "Integration".

When a query finds nothing, each word the site does not know is replaced by
the closest word that occurs in the titles and short texts (lead, summary,
intro, description...) of the pages a reader may find; the search page then
shows the results for the corrected query, or offers it as "did you mean".
The same for every engine. The vocabulary is built once per language and
cached until a page is published, unpublished, moved or deleted.
"""

import difflib
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db import models
from wagtail.search import index

from search import analysis

VERSION_KEY = "search:vocabulary-version"
MIN_LENGTH = 4
CUTOFF = 0.78


def invalidate(**kwargs) -> None:
    """Signal receiver: the pages readers can find have changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _text_fields(model) -> list[str]:
    names = []
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        model_field = next(
            (f for f in model._meta.get_fields() if f.name == field.field_name), None
        )
        if isinstance(model_field, models.CharField | models.TextField):
            names.append(field.field_name)
    return names


def _build(locales) -> dict:
    from search.service import searchable_pages

    pages = searchable_pages(locales)
    counts = Counter()
    by_model = defaultdict(list)
    for pk, content_type_id, title, description in pages.values_list(
        "pk", "content_type_id", "title", "search_description"
    ):
        counts.update(_words(title))
        counts.update(_words(description))
        by_model[content_type_id].append(pk)
    from django.contrib.contenttypes.models import ContentType

    for content_type_id, ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        fields = [name for name in _text_fields(model) if name not in ("title",)] if model else []
        if not fields:
            continue
        for row in model.objects.filter(pk__in=ids).values_list(*fields):
            for value in row:
                counts.update(_words(value))
    spellings = {}
    for word, _count in counts.most_common():
        spellings.setdefault(analysis.fold(word.lower()), word)
    known = {analysis.stem(word.lower()) for word in counts}
    return {"spellings": spellings, "known": known}


def _words(text) -> list[str]:
    return [word for word in analysis.WORD.findall(text or "") if len(word) >= MIN_LENGTH]


def vocabulary(locales) -> dict:
    version = cache.get(VERSION_KEY, 0)
    key = "search:vocabulary:{}:{}".format(version, "-".join(str(loc.pk) for loc in locales))
    found = cache.get(key)
    if found is None:
        found = _build(locales)
        cache.set(key, found, 24 * 3600)
    return found


def correct(query_string: str, locales) -> str:
    """The query with unknown words replaced by the closest known ones, or ""."""
    words = analysis.WORD.findall(query_string)
    if not words:
        return ""
    vocab = vocabulary(locales)
    keys = list(vocab["spellings"])
    changed = False
    result = []
    for word in words:
        lower = word.lower()
        if len(word) < MIN_LENGTH or lower in analysis.STOPWORDS or word.isdigit():
            result.append(word)
            continue
        if analysis.stem(lower) in vocab["known"]:
            result.append(word)
            continue
        close = difflib.get_close_matches(analysis.fold(lower), keys, n=1, cutoff=CUTOFF)
        if close:
            result.append(vocab["spellings"][close[0]])
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else ""
