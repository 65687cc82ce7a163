"""Publishing never waits for a search engine that is down.

Every index update goes through `index_call`. When the engine fails (down,
refusing, or hanging until the short timeout), the update is stored as a
`PendingIndexUpdate` and the engine is marked as down for a short while, so
the next saves and searches do not wait for it again. `catch_up` (command
`search_catch_up`, and automatically after the next successful update)
replays what was missed. The search page asks `engine_available()` and falls
back to the database index (see search.service).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.index import get_indexed_instance

logger = logging.getLogger(__name__)

DOWN_KEY = "search:engine-down"
PENDING_KEY = "search:pending-updates"
# After a failure, skip the engine for this long before trying again.
DOWN_SECONDS = 30
CATCH_UP_BATCH = 200


def engine_available() -> bool:
    return not cache.get(DOWN_KEY)


def mark_down(error: BaseException) -> None:
    logger.warning("Search engine unavailable, using the fallback for %ss: %s", DOWN_SECONDS, error)
    cache.set(DOWN_KEY, f"{type(error).__name__}: {error}"[:300], DOWN_SECONDS)


def mark_up() -> None:
    cache.delete(DOWN_KEY)


def _record(obj, action: str, error: str) -> None:
    from search.models import PendingIndexUpdate

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    pending, created = PendingIndexUpdate.objects.get_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        backend="default",
        defaults={"action": action, "last_error": error[:1000]},
    )
    if not created:
        PendingIndexUpdate.objects.filter(pk=pending.pk).update(
            action=action, last_error=error[:1000], attempts=F("attempts") + 1
        )
    # A flag, not a query, tells later successful updates there is a backlog.
    transaction.on_commit(lambda: cache.set(PENDING_KEY, True, None))


def index_call(backend, action: str, obj, call) -> None:
    """Run one index update; keep it for later instead of failing or waiting."""
    if not engine_available():
        _record(obj, action, cache.get(DOWN_KEY) or "engine marked down")
        return
    try:
        call(obj)
    except Exception as error:  # any transport or server error: keep the update
        if action == "delete" and _is_not_found(error):
            return
        mark_down(error)
        _record(obj, action, f"{type(error).__name__}: {error}")
        return
    if cache.get(PENDING_KEY):
        cache.delete(PENDING_KEY)
        transaction.on_commit(lambda: catch_up(backend, limit=CATCH_UP_BATCH))


def _is_not_found(error: BaseException) -> bool:
    return getattr(error, "status_code", None) == 404 or getattr(error, "status", None) == 404


def catch_up(backend=None, limit: int | None = None) -> tuple[int, int]:
    """Replay pending index updates in order; stop at the first failure.

    Returns (done, left)."""
    from wagtail.search.backends import get_search_backend

    from search.models import PendingIndexUpdate

    backend = backend or get_search_backend("default")
    done = 0
    pending = PendingIndexUpdate.objects.filter(backend="default").select_related("content_type")
    for update in pending[:limit] if limit else pending.iterator():
        model = update.content_type.model_class()
        obj = model and model._default_manager.filter(pk=update.object_id).first()
        try:
            if update.action == PendingIndexUpdate.Action.INDEX and obj is not None:
                indexed = get_indexed_instance(obj)
                if indexed is not None:
                    _raw(backend, "add", indexed)
            elif model is not None:
                gone = obj or model(pk=update.object_id)
                _raw(backend, "delete", gone)
        except Exception as error:
            if not (update.action == PendingIndexUpdate.Action.DELETE and _is_not_found(error)):
                mark_down(error)
                PendingIndexUpdate.objects.filter(pk=update.pk).update(
                    attempts=F("attempts") + 1,
                    last_error=f"{type(error).__name__}: {error}"[:1000],
                    updated_at=timezone.now(),
                )
                break
        update.delete()
        done += 1
    else:
        mark_up()
    left = PendingIndexUpdate.objects.filter(backend="default").count()
    if left:
        cache.set(PENDING_KEY, True, None)
    return done, left


def _raw(backend, method: str, obj) -> None:
    """Call the engine directly, bypassing `index_call` (which would queue again)."""
    from search.backends import GermanEngineMixin

    if isinstance(backend, GermanEngineMixin):
        getattr(super(GermanEngineMixin, backend), method)(obj)
    else:
        getattr(backend, method)(obj)
