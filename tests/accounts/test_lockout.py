"""Password guessing: both logins lock a user name out from one address after the limit."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

PUBLIC_LOGIN = "/anmelden/"
ADMIN_LOGIN = "/admin/login/"
ATTACKER = "198.51.100.23"
ELSEWHERE = "203.0.113.9"
LIMIT = 5  # LOGIN_FAILURE_LIMIT's default
MINUTES = 15  # LOGIN_LOCKOUT_MINUTES's default


def post_login(client, url, username, password, address=ATTACKER, **extra):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, url, username, times, address=ATTACKER):
    """``times`` wrong passwords; returns the last answer."""
    response = None
    for attempt in range(times):
        response = post_login(client, url, username, f"falsch-{attempt}", address)
    return response


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def local_time_of_release(now_before, now_after):
    """The minute(s) a lockout that started between the two moments ends, as "HH:MM"."""
    return {
        timezone.localtime(moment + datetime.timedelta(minutes=MINUTES)).strftime("%H:%M")
        for moment in (now_before, now_after)
    }


@pytest.fixture
def admin_user(site_tree):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


def test_guessing_without_limit_is_over_on_the_public_login(client, member):
    before = timezone.now()
    for attempt in range(LIMIT - 1):
        response = post_login(client, PUBLIC_LOGIN, member.username, f"falsch-{attempt}")
        assert response.status_code == 200
        assert "Zu viele" not in response.content.decode()

    response = post_login(client, PUBLIC_LOGIN, member.username, "falsch-letzter")
    after = timezone.now()

    assert response.status_code == 429
    page = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert f"in {MINUTES} Minuten" in page
    assert any(f"ab {time} Uhr" in page for time in local_time_of_release(before, after))
    assert int(response["Retry-After"]) in range(MINUTES * 60 - 5, MINUTES * 60 + 1)
    # The public site's look, and the login form with the user name typed.
    assert 'class="site-header"' in page
    assert re.search(rf'name="username"[^>]*value="{member.username}"', page)


def test_the_right_password_is_refused_during_the_lockout(client, member):
    fail(client, PUBLIC_LOGIN, member.username, LIMIT)

    response = post_login(client, PUBLIC_LOGIN, member.username, PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)


def test_nobody_elsewhere_can_lock_out_a_user_who_types_correctly(client, member):
    fail(client, PUBLIC_LOGIN, member.username, LIMIT * 3)

    response = post_login(client, PUBLIC_LOGIN, member.username, PASSWORD, address=ELSEWHERE)

    assert response.status_code == 302
    assert signed_in(client)


def test_guessing_without_limit_is_over_on_the_admin_login(client, admin_user):
    before = timezone.now()
    assert fail(client, ADMIN_LOGIN, "admin", LIMIT - 1).status_code == 200

    response = fail(client, ADMIN_LOGIN, "admin", 1)
    after = timezone.now()

    assert response.status_code == 429
    page = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert any(f"ab {time} Uhr" in page for time in local_time_of_release(before, after))
    assert f"in {MINUTES} Minuten" in page
    # Wagtail's login page, in German, with the user name kept.
    assert 'class="login-form"' in page
    assert '<html lang="de"' in page
    assert re.search(r'name="username"[^>]*value="admin"', page)

    response = post_login(client, ADMIN_LOGIN, "admin", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    assert post_login(client, ADMIN_LOGIN, "admin", PASSWORD, ELSEWHERE).status_code == 302


def test_the_admin_lockout_page_speaks_the_admin_languages_only(client, admin_user):
    english = fail(client, ADMIN_LOGIN, "admin", LIMIT, address="192.0.2.1")
    arabic = client.post(
        ADMIN_LOGIN,
        {"username": "admin", "password": "falsch"},
        REMOTE_ADDR=ATTACKER,
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    for _ in range(LIMIT - 1):
        arabic = client.post(
            ADMIN_LOGIN,
            {"username": "admin", "password": "falsch"},
            REMOTE_ADDR=ATTACKER,
            HTTP_ACCEPT_LANGUAGE="ar",
        )

    assert english.status_code == arabic.status_code == 429
    assert '<html lang="de"' in arabic.content.decode()


def test_the_public_lockout_page_is_in_the_readers_language(client, member):
    response = None
    for attempt in range(LIMIT):
        response = client.post(
            "/en/anmelden/",
            {"username": member.username, "password": f"falsch-{attempt}"},
            REMOTE_ADDR=ATTACKER,
        )

    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert 'action="/en/anmelden/"' in page


def test_failures_are_counted_in_the_database_per_name_and_address(client, member):
    fail(client, PUBLIC_LOGIN, member.username, 2)
    fail(client, ADMIN_LOGIN, member.username, 1)
    fail(client, PUBLIC_LOGIN, member.username, 1, address=ELSEWHERE)

    # Every worker process reads the same rows, so the count cannot be dodged by
    # landing on another one.
    here = AccessAttempt.objects.get(username=member.username, ip_address=ATTACKER)
    assert here.failures_since_start == 3
    there = AccessAttempt.objects.get(username=member.username, ip_address=ELSEWHERE)
    assert there.failures_since_start == 1


def test_a_successful_login_resets_the_count(client, member):
    fail(client, PUBLIC_LOGIN, member.username, LIMIT - 1)
    assert post_login(client, PUBLIC_LOGIN, member.username, PASSWORD).status_code == 302
    client.logout()

    assert not AccessAttempt.objects.filter(username=member.username).exists()
    assert fail(client, PUBLIC_LOGIN, member.username, LIMIT - 1).status_code == 200


def test_the_lockout_ends_after_the_cool_off(client, member):
    fail(client, PUBLIC_LOGIN, member.username, LIMIT)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=MINUTES, seconds=1)
    )

    response = post_login(client, PUBLIC_LOGIN, member.username, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


@override_settings(AXES_FAILURE_LIMIT=2, AXES_COOLOFF_TIME=datetime.timedelta(minutes=1))
def test_limit_and_cool_off_are_settings(client, member):
    assert fail(client, PUBLIC_LOGIN, member.username, 1).status_code == 200
    response = fail(client, PUBLIC_LOGIN, member.username, 1)

    assert response.status_code == 429
    assert "in 1 Minute." in response.content.decode()


def test_the_test_clients_login_goes_through_the_lockout(client, member):
    assert client.login(username=member.username, password=PASSWORD)
    client.logout()
    fail(client, PUBLIC_LOGIN, member.username, LIMIT, address="127.0.0.1")

    assert not client.login(username=member.username, password=PASSWORD)
