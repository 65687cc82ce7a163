"""Delete stored search queries older than the retention period (DSGVO; run daily).

A reader may type a name into the search box. The searches without results
(``ZeroResultQuery``, by the day of the last search) and Wagtail's daily search
counts (``QueryDailyHits``) older than ``settings.SEARCH_QUERY_RETENTION_DAYS``
(default 365) are deleted; then ``Query.garbage_collect()`` removes the queries
left without counts, except those editors promote results for.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import ZeroResultQuery

DEFAULT_RETENTION_DAYS = 365


class Command(BaseCommand):
    help = "Löscht gespeicherte Suchanfragen, die älter als die Aufbewahrungsfrist sind."

    def handle(self, *args, **options):
        days = getattr(settings, "SEARCH_QUERY_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        cutoff = timezone.now() - timedelta(days=days)
        zero, _detail = ZeroResultQuery.objects.filter(last_seen__lt=cutoff).delete()
        hits, _detail = QueryDailyHits.objects.filter(date__lt=timezone.localdate(cutoff)).delete()
        Query.garbage_collect()
        self.stdout.write(
            f"Suchen ohne Treffer gelöscht: {zero}, Tageszählungen gelöscht: {hits} "
            f"(älter als {days} Tage)"
        )
