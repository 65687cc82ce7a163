"""Settings for the test suite: fast hashing, local caches, in-memory mail."""

import os

from config import env as environment

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One process: a local-memory cache keeps tests independent of each other.
# `make test-redis` runs the rate-limit tests (marker shared_cache) against a
# real Redis instead, through the same settings production uses.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("LAMSA_REDIS_URL"):
    CACHES = {"default": environment.cache(os.environ["LAMSA_REDIS_URL"])}
    # A test must see Redis failing, not a count that was silently skipped.
    CACHES["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] = False
SILENCED_SYSTEM_CHECKS = ["security.W001"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_USERS_PASSWORD = "demo-lamsa-2026"  # noqa: S105
MEDIA_ROOT = BASE_DIR / ".test-media"
SENDFILE_ROOT = str(MEDIA_ROOT)  # files/ follows later overrides of MEDIA_ROOT itself
WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["default"] = "dummy"
# Login protection stays on in tests. Django's test client authenticates
# without a request, which axes refuses; this backend gives it one
# (accounts/backends.py). The second factor is off unless a test switches it on.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.TestClientAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
TWO_FACTOR_REQUIRED = False
