"""Administrators: the lockout listing with unlock, the second-factor reset, and
wagtail-2fa's URLs that must answer 4xx, never 5xx."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.two_factor import new_recovery_codes
from home import roles
from tests.accounts.helpers import NEW_DEVICE, code_for, confirmed_app, sign_in
from tests.accounts.test_lockout import ATTACKER, ELSEWHERE, LIMIT, PUBLIC_LOGIN, fail, post_login
from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

LOCKOUTS = "/admin/anmeldesperren/"


@pytest.fixture
def superuser(site_tree):
    return get_user_model().objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def refused(response) -> bool:
    """Wagtail answers a refused admin page with a redirect to the dashboard (or 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


def lockout_row(username, address=ATTACKER):
    """The listed row of a pair is its newest record."""
    return AccessAttempt.objects.filter(username=username, ip_address=address).latest(
        "attempt_time"
    )


def test_lockouts_are_listed_under_settings(client, admin_client, member, editor):
    other = client.__class__()
    fail(other, PUBLIC_LOGIN, member.username, LIMIT)
    fail(other, PUBLIC_LOGIN, member.username, 2, address=ELSEWHERE)
    # A second browser from the same address: still one row, failures added up.
    other.post(
        PUBLIC_LOGIN,
        {"username": editor.username, "password": "x"},
        REMOTE_ADDR=ATTACKER,
        HTTP_USER_AGENT="Firefox",
    )
    other.post(PUBLIC_LOGIN, {"username": editor.username, "password": "y"}, REMOTE_ADDR=ATTACKER)

    page = admin_client.get(LOCKOUTS).content.decode()

    assert "Anmeldesperren" in page
    assert page.count(f">{member.username}<") == 2
    assert page.count(f">{editor.username}<") == 1
    assert ATTACKER in page and ELSEWHERE in page
    assert "Gesperrt bis" in page
    assert f"{LOCKOUTS}entsperren/" in page

    locked = admin_client.get(LOCKOUTS, {"status": "locked"}).content.decode()
    assert ATTACKER in locked and ELSEWHERE not in locked
    assert f">{editor.username}<" not in locked
    found = admin_client.get(LOCKOUTS, {"q": editor.username}).content.decode()
    assert f">{editor.username}<" in found and f">{member.username}<" not in found

    settings_menu = admin_client.get("/admin/").content.decode()
    assert LOCKOUTS in settings_menu


def test_unlocking_from_the_listing_lets_the_user_in(client, admin_client, member, superuser):
    visitor = client.__class__()
    fail(visitor, PUBLIC_LOGIN, member.username, LIMIT)
    assert post_login(visitor, PUBLIC_LOGIN, member.username, PASSWORD).status_code == 429
    row = lockout_row(member.username)

    confirm = admin_client.get(f"{LOCKOUTS}entsperren/{row.pk}/")
    assert confirm.status_code == 200
    assert "Ja, entsperren" in confirm.content.decode()
    response = admin_client.post(f"{LOCKOUTS}entsperren/{row.pk}/")
    assert response.status_code == 302

    assert not AccessAttempt.objects.filter(username=member.username).exists()
    assert post_login(visitor, PUBLIC_LOGIN, member.username, PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.get(action="accounts.unlock")
    assert entry.user == superuser
    assert entry.data == {"username": member.username, "ip_address": ATTACKER}
    history = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "Anmeldesperre aufgehoben" in history


def test_bulk_unlock(client, admin_client, member, editor):
    visitor = client.__class__()
    fail(visitor, PUBLIC_LOGIN, member.username, LIMIT)
    fail(visitor, PUBLIC_LOGIN, editor.username, LIMIT)
    ids = [lockout_row(member.username).pk, lockout_row(editor.username).pk]
    url = "/admin/bulk/axes/accessattempt/unlock/?" + "&".join(f"id={pk}" for pk in ids)

    confirm = admin_client.get(url).content.decode()
    assert f"{member.username} ({ATTACKER})" in confirm
    assert f"{editor.username} ({ATTACKER})" in confirm
    response = admin_client.post(url)

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert ModelLogEntry.objects.filter(action="accounts.unlock").count() == 2
    assert post_login(visitor, PUBLIC_LOGIN, editor.username, PASSWORD).status_code == 302


def test_only_superusers_and_holders_of_the_axes_permissions_see_lockouts(
    client, member, make_user
):
    fail(client.__class__(), PUBLIC_LOGIN, member.username, LIMIT)
    row = lockout_row(member.username)
    press_officer = make_user(roles.PRESS_OFFICE)
    client.force_login(press_officer)
    assert refused(client.get(LOCKOUTS))
    assert refused(client.post(f"{LOCKOUTS}entsperren/{row.pk}/"))
    assert AccessAttempt.objects.exists()
    assert LOCKOUTS not in client.get("/admin/").content.decode()

    press_officer.user_permissions.add(Permission.objects.get(codename="view_accessattempt"))
    client.force_login(get_user_model().objects.get(pk=press_officer.pk))
    assert client.get(LOCKOUTS).status_code == 200
    assert refused(client.post(f"{LOCKOUTS}entsperren/{row.pk}/"))
    assert AccessAttempt.objects.exists()


def test_the_user_listing_offers_the_reset_to_user_managers(admin_client, press_officer):
    page = admin_client.get("/admin/users/").content.decode()
    assert f"/admin/2fa/zuruecksetzen/{press_officer.pk}/" in page
    assert "Zwei-Faktor-Anmeldung zurücksetzen" in page


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_an_administrator_resets_a_lost_phone(client, press_officer, superuser):
    confirmed_app(press_officer)
    new_recovery_codes(press_officer)
    admin = client.__class__()
    admin.force_login(superuser)
    device = confirmed_app(superuser)
    sign_in(admin, superuser)
    admin.post("/admin/2fa/auth", {"otp_token": code_for(device)})

    url = f"/admin/2fa/zuruecksetzen/{press_officer.pk}/"
    confirm = admin.get(url).content.decode()
    assert "1 Authenticator-App" in confirm and "10 Wiederherstellungscodes" in confirm
    assert admin.post(url).status_code == 302

    assert not TOTPDevice.objects.filter(user=press_officer).exists()
    assert not StaticDevice.objects.filter(user=press_officer).exists()
    entry = ModelLogEntry.objects.get(action="accounts.reset_two_factor")
    assert entry.user == superuser and entry.object_id == str(press_officer.pk)
    # With the password alone the press officer gets as far as setting up a new app.
    sign_in(client, press_officer)
    assert client.get("/admin/").url.startswith(NEW_DEVICE)


def test_the_reset_is_for_user_managers_only(client, press_officer, superuser, make_user):
    confirmed_app(superuser)
    client.force_login(press_officer)
    assert refused(client.get(f"/admin/2fa/zuruecksetzen/{superuser.pk}/"))

    manager = make_user(roles.EDITORS)
    manager.user_permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(get_user_model().objects.get(pk=manager.pk))
    assert client.get(f"/admin/2fa/zuruecksetzen/{press_officer.pk}/").status_code == 200
    # A superuser's second factor only by another superuser.
    assert refused(client.post(f"/admin/2fa/zuruecksetzen/{superuser.pk}/"))
    assert TOTPDevice.objects.filter(user=superuser).exists()
    assert client.get("/admin/2fa/zuruecksetzen/999999/").status_code == 404


def test_the_command_resets_when_no_administrator_can_sign_in(superuser):
    confirmed_app(superuser)
    new_recovery_codes(superuser)

    call_command("reset_two_factor", "chefin")

    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert not StaticDevice.objects.filter(user=superuser).exists()
    assert ModelLogEntry.objects.get(action="accounts.reset_two_factor").user is None
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "niemand")


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_wagtail_2fa_urls_answer_4xx_never_5xx(client, press_officer, editor):
    foreign = confirmed_app(editor)
    device = confirmed_app(press_officer)
    sign_in(client, press_officer)
    client.post("/admin/2fa/auth", {"otp_token": code_for(device)})
    assert client.get("/admin/").status_code == 200

    assert client.get("/admin/2fa/devices/999999/remove").status_code == 404
    assert client.post("/admin/2fa/devices/999999/remove").status_code == 404
    assert client.post(f"/admin/2fa/devices/{foreign.pk}/remove").status_code == 404
    assert client.get(f"/admin/2fa/devices/{foreign.pk}/update").status_code == 404
    assert refused(client.get(f"/admin/2fa/devices/{editor.pk}"))
    assert client.get("/admin/2fa/devices/qr-code").status_code == 404
    assert client.post(NEW_DEVICE, {"name": "x", "otp_token": "1", "password": "x"}).url == (
        NEW_DEVICE
    )
    assert client.post("/admin/2fa/auth", {"otp_token": ""}).status_code in (200, 302)
    # The last app stays while the second factor is required.
    response = client.post(f"/admin/2fa/devices/{device.pk}/remove")
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert TOTPDevice.objects.filter(pk=foreign.pk).exists()


def test_the_device_pages_render(client, press_officer):
    device = confirmed_app(press_officer)
    client.force_login(press_officer)
    overview = client.get("/admin/2fa/")
    assert overview.status_code == 200
    assert device.name in overview.content.decode()
    assert client.get(f"/admin/2fa/devices/{press_officer.pk}").status_code == 200
    assert client.get(f"/admin/2fa/devices/{device.pk}/update").status_code == 200
    assert client.get(f"/admin/2fa/devices/{device.pk}/remove").status_code == 200
    new_recovery_codes(press_officer)
    assert client.post(f"/admin/2fa/devices/{device.pk}/remove").status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    # Without the requirement and without an app, the codes go with it.
    assert not StaticDevice.objects.filter(user=press_officer).exists()
    account = client.get("/admin/account/").content.decode()
    assert "/admin/2fa/" in account


@pytest.mark.parametrize(
    "url",
    [
        "/admin/anmeldesperren/entsperren/abc/",
        "/admin/anmeldesperren/entsperren/99999999999999999999/",
        "/admin/2fa/devices/99999999999999999999/update",
        "/admin/2fa/devices/99999999999999999999/remove",
        "/admin/2fa/zuruecksetzen/99999999999999999999/",
        "/admin/2fa/zuruecksetzen/0/",
    ],
)
def test_ids_that_cannot_exist_answer_404_in_the_admin(admin_client, url):
    admin_client.raise_request_exception = False

    assert admin_client.get(url).status_code == 404
