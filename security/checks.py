"""System checks that production is set up to count and protect across workers."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
NON_ATOMIC_CACHES = {
    "django.core.cache.backends.db.DatabaseCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


@checks.register(checks.Tags.caches)
def rate_limit_cache_is_shared(app_configs=None, **kwargs):
    """Rate limits and counters need one cache that every worker process shares.

    Never silenced outside the test settings: a deployment with a per-process
    cache would let each of four workers accept the full limit (four times as
    many comments, reports and searches from one address).
    """
    if settings.DEBUG:
        return []
    alias = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                f"The cache '{alias}' ({backend}) is not shared between worker processes, "
                "so rate limits count per process.",
                hint="Leave CACHE_URL unset (the shared database cache) or set it to "
                "rediscache://host:6379/1.",
                id="security.W001",
            )
        ]
    if backend in NON_ATOMIC_CACHES:
        return [
            checks.Warning(
                f"The cache '{alias}' ({backend}) does not increment atomically, "
                "so concurrent requests can slip past a rate limit.",
                hint="Use dbcache:// (the project's atomic database cache) or Redis.",
                id="security.W002",
            )
        ]
    return []
