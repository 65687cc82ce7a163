"""Production settings refuse to start without their secrets; test settings are fast."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from config.env import BASE_DIR

REQUIRED = {
    "SECRET_KEY": "a-long-production-secret-for-the-test-only",
    "ALLOWED_HOSTS": "www.lamsa.de,lamsa.de",
    "DATABASE_URL": "sqlite:////tmp/lamsa-settings-test.sqlite3",
}
PROBE = (
    "from django.conf import settings; "
    "print(settings.DEBUG, ','.join(settings.ALLOWED_HOSTS), "
    "settings.DATABASES['default']['ENGINE'])"
)


def load_production_settings(**variables):
    """Import the production settings in a fresh interpreter with only ``variables`` set.

    Unset variables are passed as empty strings, which also shadows a developer's
    local .env file (it never overrides variables that exist).
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "PYTHONDONTWRITEBYTECODE": "1",
        **dict.fromkeys(REQUIRED, ""),
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", list(REQUIRED))
def test_production_refuses_to_start_without(missing):
    variables = {name: value for name, value in REQUIRED.items() if name != missing}

    result = load_production_settings(**variables)

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert missing in last_line


def test_production_starts_with_every_variable_set():
    result = load_production_settings(**REQUIRED)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "www.lamsa.de,lamsa.de", "django.db.backends.sqlite3"]


def test_no_secret_key_outside_the_environment():
    """The shared settings carry no key: nothing random per process, nothing committed."""
    import config.settings.base as base

    assert not hasattr(base, "SECRET_KEY")


def test_test_settings_are_fast_and_isolated():
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert not settings.DEBUG
