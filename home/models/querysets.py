"""Querysets that every public listing goes through, so visibility rules live in one place."""

from wagtail.query import PageQuerySet


class ListingQuerySet(PageQuerySet):
    """Pages a reader may see in lists, feeds and the API: live, public, one locale."""

    def for_listing(self, locale=None):
        queryset = self.live().public()
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset
