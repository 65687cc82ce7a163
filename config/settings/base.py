"""Settings shared by every environment. Environment variables: config/env.py."""

import os
from datetime import timedelta

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from config import env as environment

BASE_DIR = environment.BASE_DIR
SITE_DIR = BASE_DIR / "site"

DEBUG = False
ALLOWED_HOSTS = environment.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = environment.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "home",
    "press",
    "search",
    "security",
    "accounts",
    # Sign-in protection: login lockout, second factor (TOTP apps, recovery codes).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Before wagtail.documents: its before_serve_document hook runs first.
    "files",
    # django-comments-xtd before django-comments (its templates win), and our
    # comments app after both: its ready() adjusts xtd's signal handlers.
    "django_comments_xtd",
    "django_comments",
    "comments",
    "wagtail_footnotes",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor, after the user is known (accounts/middleware.py).
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After django-csp, so that it hands django-csp the admin's policy first.
    "security.headers.AdminContentSecurityPolicyMiddleware",
    # A POST body Django cannot parse answers 400 (the site's page, in the reader's
    # language), not 500: read here, before CsrfViewMiddleware.process_view does
    # (security/middleware.py). After auth and the headers, which the page needs.
    "security.middleware.UnreadableBodyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: turns a lockout flagged during the login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": environment.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": environment.cache()}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Members log in on the public site to read minutes; Wagtail's page privacy
# sends anonymous visitors here.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/anmelden/"

# Sign-in protection (accounts/, README "Sign-in protection"). django-axes counts
# failed logins per user name *and* client address, so nobody elsewhere can lock
# out a user who types correctly; the counts live in the database, shared by
# every worker process. The client address is the one every limit uses.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = environment.LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=environment.LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "security.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# No log of successful sign-ins (addresses, browsers): only failures are kept,
# and only until their cool-off has passed. Django's admin is not installed;
# lockouts are listed in Wagtail's (Einstellungen → Anmeldesperren).
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
# Second factor (TOTP apps, recovery codes) for the groups that publish or
# moderate and for every superuser; members sign in with their password only.
TWO_FACTOR_GROUPS = environment.TWO_FACTOR_GROUPS
TWO_FACTOR_REQUIRED = (
    True if environment.TWO_FACTOR_REQUIRED is None else environment.TWO_FACTOR_REQUIRED
)
OTP_TOTP_ISSUER = "LAMSA e.V."

# Internationalisation: German is the source and default language; the others
# come from SITE_LANGUAGES and are named in their own language (a reader who
# does not read German must still find theirs in the switcher).
LANGUAGE_CODE = "de"
if environment.SITE_LANGUAGES[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured("SITE_LANGUAGES must start with de, the source language.")
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in environment.SITE_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# "Translate this page" creates drafts; a live copy with German text under
# /en/ would otherwise appear at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "home.machine_translation.PerLanguageTranslator",
    "OPTIONS": {
        "default": environment.MACHINE_TRANSLATION,
        "by_language": environment.MACHINE_TRANSLATION_BY_LANGUAGE,
        "deepl": {"AUTH_KEY": environment.DEEPL_API_KEY},
        "libretranslate": {
            "LIBRETRANSLATE_URL": environment.LIBRETRANSLATE_URL,
            "API_KEY": environment.LIBRETRANSLATE_API_KEY,
        },
    },
}
# locale/vendor: German for third-party strings without a German catalogue (wagtail-2fa).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = environment.STATIC_ROOT
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = environment.MEDIA_ROOT
# robots.txt, favicon.ico and friends are served from the web root.
WHITENOISE_ROOT = SITE_DIR / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

_email = environment.email()
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = environment.DEFAULT_FROM_EMAIL
SERVER_EMAIL = environment.SERVER_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "LAMSA e.V."
WAGTAILADMIN_BASE_URL = environment.BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
# Search (search/): German analysis on every backend. The database index is
# always kept; with a search engine configured it is the fallback.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.DatabaseSearchBackend"},
}
if environment.ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": (
                "search.backends.OpenSearchBackend"
                if environment.ELASTICSEARCH_ENGINE == "opensearch"
                else "search.backends.ElasticsearchBackend"
            ),
            "URLS": [environment.ELASTICSEARCH_URL],
            "INDEX_PREFIX": environment.ELASTICSEARCH_INDEX_PREFIX,
            "TIMEOUT": environment.ELASTICSEARCH_TIMEOUT,
        },
        "database": {"BACKEND": "search.backends.DatabaseSearchBackend"},
    }
SEARCH_GERMAN_FALLBACK = environment.SEARCH_GERMAN_FALLBACK
SEARCH_QUERY_RETENTION_DAYS = environment.SEARCH_QUERY_RETENTION_DAYS
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Private files (files/): images and documents follow the pages that use them.
# Every file under /media/ and /documents/ passes Python's check; the bytes are
# sent by django-sendfile2's backend (production: nginx's X-Accel-Redirect, see
# production.py and deploy/nginx/protected-files.conf; here: streamed by Python,
# with a backend that also takes the plain paths Wagtail's document view passes).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
SENDFILE_BACKEND = "wagtail.utils.sendfile_streaming_backend"
# Absolute like the paths FileSystemStorage hands out (MEDIA_ROOT may be relative).
SENDFILE_ROOT = os.path.abspath(MEDIA_ROOT)
SENDFILE_URL = "/_protected_media"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = environment.BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_FOOTNOTES_TEXT_FEATURES = ["bold", "italic", "link"]

# Reader comments (comments/): django-comments-xtd with our model and form.
# django-comments needs django.contrib.sites; Wagtail's sites are separate.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.PublicComment"
COMMENTS_XTD_FORM_CLASS = "comments.forms.PublicCommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 3  # levels 0-3: four levels of nesting
# Our own flow stores first and confirms later (comments.views); xtd's
# confirm-before-store flow is off. Whether to confirm is a site setting.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = environment.COMMENTS_CONTACT_EMAIL
COMMENTS_XTD_THREADED_EMAILS = False
COMMENT_MAX_LENGTH = 3000
COMMENTS_OFFICIAL_NAME = "LAMSA e.V."
COMMENTS_CONTACT_EMAIL = environment.COMMENTS_CONTACT_EMAIL
# Rate limits (comments, reports, search, suggestions) count in the default
# cache, which every worker process shares (config/env.py: the database cache
# or Redis); security.checks warns when it does not. The reader's address comes
# from security.client_ip, which honours CLIENT_IP_HEADER and TRUSTED_PROXIES.
# While the cache is unreachable the limits let requests through rather than
# refusing every reader (comments still pass the other hold rules).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "security.client_ip.client_ip"
RATELIMIT_FAIL_OPEN = True
# Requests per address (security.rate_limits); the comment limit is a comment rule.
RATE_LIMITS = {
    "search": "120/m",
    "search:suggestions": "600/m",
    "comments:report": "20/h",
}
CLIENT_IP_HEADER = environment.CLIENT_IP_HEADER
TRUSTED_PROXIES = environment.TRUSTED_PROXIES
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

REST_FRAMEWORK = {
    # The public API is read-only JSON; no browsable HTML API with forms.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Response headers (security.headers; README "Security"). No
# third-party request from any page: everything is self-hosted, and the
# Content-Security-Policy tells the browser so. Public pages allow no inline
# script or style at all; the admin needs 'unsafe-inline' for Wagtail's own
# inline scripts and style attributes, and nothing else beyond 'self'.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        # Framing: no public page may be framed, the same rule as
        # X-Frame-Options: DENY; admin pages may be framed by the admin
        # (Wagtail's preview panel): 'self' and SAMEORIGIN.
        "frame-ancestors": ["'none'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
    },
}
WAGTAIL_ADMIN_URL_PREFIX = "/admin/"
WAGTAIL_ADMIN_CONTENT_SECURITY_POLICY = {
    **_CSP_COMMON,
    "frame-ancestors": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
}
X_FRAME_OPTIONS = "DENY"
# Wagtail's admin shows avatars from Gravatar unless told not to: a request to
# a third party with a hash of each editor's e-mail address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Browser features no page of ours uses are switched off for every page and
# every frame (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
} | {"fullscreen": ["self"]}

# Demo users and their passwords exist only in the dev settings.
DEMO_USERS_PASSWORD = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
