"""Response headers on every kind of response, and `check --deploy` with production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(
    "url",
    ["/", "/presse/", "/presse/feed/rss/", "/api/v2/pages/", "/gibt-es-nicht/", "/suche/?q=x"],
)
def test_every_public_response_switches_off_unused_browser_features(client, site_tree, url):
    response = client.get(url)

    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert "fullscreen=(self)" in policy


def test_public_pages_may_not_be_framed_and_allow_no_inline_code(client, site_tree):
    response = client.get("/")

    csp = directives(response)
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_the_admin_has_its_own_policy_without_eval(client, admin_user, site_tree, url):
    if url != "/admin/login/":
        client.force_login(admin_user)
    response = client.get(url)

    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_avatars_are_not_fetched_from_gravatar(admin_client, site_tree):
    html = admin_client.get("/admin/").content.decode()

    assert "gravatar" not in html


def deploy_check(**variables) -> str:
    env = {
        **{name: value for name, value in os.environ.items() if name != "CACHE_URL"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 20 + "-deploy-check-" + "y" * 30,
        "ALLOWED_HOSTS": "www.example.org",
        "DATABASE_URL": "sqlite:////tmp/lamsa-deploy-check.sqlite3",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout + result.stderr


def test_check_deploy_leaves_only_the_hsts_choices_the_readme_explains():
    output = deploy_check()

    warnings = sorted(
        line.split(")")[0].split("(")[-1] for line in output.splitlines() if line.startswith("?:")
    )
    assert warnings == ["security.W005", "security.W021"], output
    readme = (PROJECT / "README.md").read_text()
    assert "security.W005" in readme
    assert "security.W021" in readme


def test_check_deploy_is_clean_with_subdomains_and_preload_switched_on():
    output = deploy_check(HSTS_INCLUDE_SUBDOMAINS="true", HSTS_PRELOAD="true")

    assert "no issues" in output, output


def test_check_deploy_warns_about_a_per_process_cache():
    output = deploy_check(CACHE_URL="locmemcache://")

    assert "security.W001" in output
