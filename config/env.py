"""Every environment variable the project reads, typed and in one place.

The README has a table of them. Variables without a safe default (SECRET_KEY,
ALLOWED_HOSTS, DATABASE_URL in production) are read by the production settings
with ``require()``, which stops start-up with a clear message when one is missing.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# A local, untracked .env file is honoured for convenience; real environment
# variables win over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEFAULT_SQLITE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"


def require(name: str, cast=str):
    """Read a variable that has no safe default; fail loudly without it."""
    if not env.str(name, default=""):
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production "
            f"(see the table in README.md)."
        )
    if cast is list:
        return env.list(name)
    return env.str(name)


def database(default: str = DEFAULT_SQLITE_URL) -> dict:
    """DATABASE_URL as a Django DATABASES entry (default: SQLite file)."""
    return env.db_url("DATABASE_URL", default=default)


DEFAULT_CACHE_URL = "dbcache://lamsa_cache"
DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def cache(url: str | None = None) -> dict:
    """CACHE_URL (or ``url``) as a Django CACHES entry, shared by every worker process.

    Default: the database cache (table ``lamsa_cache``, created by ``migrate``),
    with the project's atomic counters. ``rediscache://host:6379/1``: Redis
    through django-redis, which answers "not cached" instead of raising while
    Redis is down or slow, so an outage slows pages down but never breaks them.
    """
    config = env.cache_url_config(url or env.str("CACHE_URL", default=DEFAULT_CACHE_URL))
    if config["BACKEND"] == DATABASE_CACHE:
        config["BACKEND"] = "security.cache.DatabaseCache"
        # Django culls a third of the entries beyond 300, rate-limit counters included.
        config.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 50_000)
    elif config["BACKEND"] == "django_redis.cache.RedisCache":
        options = config.setdefault("OPTIONS", {})
        options.setdefault("IGNORE_EXCEPTIONS", True)
        options.setdefault("SOCKET_CONNECT_TIMEOUT", 1)
        options.setdefault("SOCKET_TIMEOUT", 1)
    return config


def email() -> dict:
    """EMAIL_URL (smtp://user:pass@host:port, +tls/+ssl) as e-mail settings."""
    return env.email_url("EMAIL_URL", default="consolemail://")


ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="LAMSA e.V. <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# The request header that carries the reader's address behind a reverse proxy
# (X-Forwarded-For, HTTP_X_REAL_IP ...); read by security.client_ip for the rate
# limits, the login lockouts and the comment IP log.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="REMOTE_ADDR")
# With CLIENT_IP_HEADER=X-Forwarded-For: how many proxies of ours append to it
# (nginx alone: 1; a front cache in front of nginx: 2).
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=1)
# Where writers of rejected comments and reporters can object to a decision.
COMMENTS_CONTACT_EMAIL = env.str("COMMENTS_CONTACT_EMAIL", default="moderation@localhost")
ADMINS_EMAILS = env.list("ADMINS", default=[])
# Site languages, German (the source) first. Adding "tr" here (and running
# setup_roles) is all it takes to add Turkish.
SITE_LANGUAGES = env.list("SITE_LANGUAGES", default=["de", "en", "ar", "fa", "ru", "uk"])
# Machine translation for translators' drafts: "deepl", "libretranslate", "dummy" or
# empty (off); per target language with MACHINE_TRANSLATION_BY_LANGUAGE="fa=libretranslate".
MACHINE_TRANSLATION = env.str("MACHINE_TRANSLATION", default="")
MACHINE_TRANSLATION_BY_LANGUAGE = env.dict("MACHINE_TRANSLATION_BY_LANGUAGE", default={})
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
LIBRETRANSLATE_URL = env.str("LIBRETRANSLATE_URL", default="")
LIBRETRANSLATE_API_KEY = env.str("LIBRETRANSLATE_API_KEY", default="")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Who sends the files under /media/ and /documents/ after Python has checked
# access (production only): "nginx" (X-Accel-Redirect) or "python" (streamed).
FILE_SERVING = env.str("FILE_SERVING", default="") or "nginx"
if FILE_SERVING not in ("nginx", "python"):
    raise ImproperlyConfigured(f"FILE_SERVING must be nginx or python, not {FILE_SERVING!r}.")
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "static_collected")))
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
SECURE_SSL = env.bool("SECURE_SSL", default=True)
# Strict-Transport-Security (production, with SECURE_SSL): lifetime, subdomains, preload list.
HSTS_SECONDS = env.int("HSTS_SECONDS", default=60 * 60 * 24 * 365)
HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=False)
HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=False)
# Sign-in protection (accounts/). A user name is locked out from one client
# address after LOGIN_FAILURE_LIMIT wrong passwords, for LOGIN_LOCKOUT_MINUTES.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
# Two-factor sign-in: the groups (home/roles.py) whose members, and every superuser, must use an
# authenticator app. TWO_FACTOR_REQUIRED is read as given or None: each settings
# module has its own default (production on, development and tests off).
TWO_FACTOR_GROUPS = env.list(
    "TWO_FACTOR_GROUPS", default=["Pressestelle", "Redaktion", "Moderation"]
)
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=None)
# Search. Without ELASTICSEARCH_URL the site searches with the German database
# backend (SQLite or PostgreSQL). With it, Elasticsearch 8 (or OpenSearch with
# ELASTICSEARCH_ENGINE=opensearch) answers, and the database index is kept as
# the fallback for when the engine is down. Credentials go into the URL:
# https://user:password@search.example.org:9200
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_ENGINE = env.str("ELASTICSEARCH_ENGINE", default="elasticsearch")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="lamsa_")
# Seconds before a request to the engine is given up; publishing waits at most this long.
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=3.0)
# Under /en/, /ar/ ...: also show German pages that have no translation (marked as German).
SEARCH_GERMAN_FALLBACK = env.bool("SEARCH_GERMAN_FALLBACK", default=True)
# Days to keep the log of search queries (zero-result report, popular queries).
SEARCH_QUERY_RETENTION_DAYS = env.int("SEARCH_QUERY_RETENTION_DAYS", default=365)
