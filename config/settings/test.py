"""Settings for the test suite: fast hashing, local caches, in-memory mail."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_USERS_PASSWORD = "demo-lamsa-2026"  # noqa: S105
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["default"] = "dummy"
