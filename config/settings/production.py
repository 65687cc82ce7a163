"""Production settings: every secret comes from the environment, or start-up fails."""

from config import env as environment

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = environment.require("SECRET_KEY")
ALLOWED_HOSTS = environment.require("ALLOWED_HOSTS", cast=list)
environment.require("DATABASE_URL")
DATABASES = {"default": environment.database()}
DATABASES["default"]["CONN_MAX_AGE"] = 60

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Private files (files/): Python checks access, nginx sends the bytes from its
# internal location (deploy/nginx/protected-files.conf). FILE_SERVING=python
# streams them from Python instead, for a server without X-Accel-Redirect.
if environment.FILE_SERVING == "nginx":
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = environment.SECURE_SSL
SESSION_COOKIE_SECURE = environment.SECURE_SSL
CSRF_COOKIE_SECURE = environment.SECURE_SSL
# HSTS: browsers keep to HTTPS for a year. Subdomains and the preload list
# are a decision about the whole domain (a subdomain without HTTPS would
# become unreachable), so both are switched on by the administrator.
SECURE_HSTS_SECONDS = environment.HSTS_SECONDS if environment.SECURE_SSL else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = environment.HSTS_INCLUDE_SUBDOMAINS
SECURE_HSTS_PRELOAD = environment.HSTS_PRELOAD
SECURE_CONTENT_TYPE_NOSNIFF = True
ADMINS = [("Admin", address) for address in environment.ADMINS_EMAILS]
