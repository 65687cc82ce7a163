"""Local development: `make run`. Never use in production."""

from config import env as environment

from .base import *  # noqa: F403

DEBUG = True
# A fixed, public development key: it signs nothing of value because this
# settings module is never used in production (which requires SECRET_KEY).
SECRET_KEY = "dev-only-insecure-key-lamsa-not-for-production"  # noqa: S105
# Any host name reaches the development server (e.g. HOST=0.0.0.0 from a phone).
ALLOWED_HOSTS = environment.ALLOWED_HOSTS or ["*"]

# Demo logins printed by `make run`; load_demo creates users only when this is set.
DEMO_USERS_PASSWORD = "demo-lamsa-2026"  # noqa: S105

# Without a configured engine, development offers wagtail-localize's dummy
# translator (it reverses word order) so the machine-draft path can be tried.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["default"] = (
    environment.MACHINE_TRANSLATION or "dummy"
)

# The demo logins printed by `make run` sign in with their password alone;
# TWO_FACTOR_REQUIRED=true tries the second factor locally.
TWO_FACTOR_REQUIRED = bool(environment.TWO_FACTOR_REQUIRED)
