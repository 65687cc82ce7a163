"""Replay index updates the search engine missed while it was down or hanging.

Publishing never waits for the engine: a failed update is kept as a
PendingIndexUpdate. Run this from cron every few minutes (it is cheap when
nothing is pending); it stops at the first failure and leaves the rest for
the next run.
"""

from django.core.management.base import BaseCommand

from search.models import PendingIndexUpdate
from search.resilience import catch_up


class Command(BaseCommand):
    help = "Replay index updates the search engine missed (PendingIndexUpdate)."

    def handle(self, *args, **options):
        pending = PendingIndexUpdate.objects.count()
        if not pending:
            self.stdout.write("Nothing to catch up.")
            return
        done, left = catch_up()
        self.stdout.write(f"Caught up {done} of {pending} index updates; {left} left.")
        if left:
            last = PendingIndexUpdate.objects.order_by("-updated_at").first()
            self.stderr.write(f"The engine still fails: {last.last_error}")
            raise SystemExit(1)
