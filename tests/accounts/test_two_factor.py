"""The second factor for the groups that publish or moderate: setting up, signing in,
recovery codes, and members who never see it."""

import pytest
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import roles
from tests.accounts.helpers import (
    NEW_DEVICE,
    RECOVERY_CODES,
    VERIFY,
    code_for,
    confirmed_app,
    recovery_codes_on,
    set_up_app,
    sign_in,
)
from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

two_factor_on = override_settings(TWO_FACTOR_REQUIRED=True)


def redirect_path(response) -> str:
    assert response.status_code == 302
    return response.url.split("?")[0]


@two_factor_on
def test_a_press_officer_sets_up_an_app_then_needs_its_code(client, press_officer):
    sign_in(client, press_officer)

    # Nothing of the admin before an app is set up.
    assert redirect_path(client.get("/admin/")) == NEW_DEVICE
    assert redirect_path(client.get("/admin/pages/")) == NEW_DEVICE
    page = client.get(NEW_DEVICE)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'src="/admin/2fa/devices/qr-code"' in text
    assert "Zwei-Faktor-Anmeldung einrichten" in text  # the only menu item
    assert '"name": "explorer"' not in text and '"name":"explorer"' not in text
    qr_code = client.get("/admin/2fa/devices/qr-code")
    assert qr_code.status_code == 200
    assert qr_code["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr_code.content

    # A wrong code does not set it up.
    device = TOTPDevice.objects.get(user=press_officer, confirmed=False)
    wrong = "000000" if code_for(device) != "000000" else "111111"
    response = client.post(NEW_DEVICE, {"name": "Handy", "otp_token": wrong, "password": PASSWORD})
    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()

    response = set_up_app(client)
    assert redirect_path(response) == RECOVERY_CODES
    assert client.get("/admin/").status_code == 200
    device = TOTPDevice.objects.get(user=press_officer)
    assert device.confirmed and device.name == "Diensthandy"

    # The next sign-in asks for the code before anything else.
    client.post("/admin/logout/")
    sign_in(client, press_officer)
    assert redirect_path(client.get("/admin/")) == VERIFY
    assert redirect_path(client.get("/admin/pages/")) == VERIFY
    assert redirect_path(client.get("/")) == VERIFY

    response = client.post(VERIFY, {"otp_token": "123 456", "next": "/admin/"})
    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()
    assert redirect_path(client.get("/admin/")) == VERIFY

    device.throttle_reset()  # django-otp waits a second after each wrong code
    response = client.post(VERIFY, {"otp_token": code_for(device, 1), "next": "/admin/pages/"})
    assert redirect_path(response) == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@two_factor_on
def test_a_recovery_code_works_once_and_the_user_is_told_how_many_remain(client, editor):
    device = confirmed_app(editor)
    sign_in(client, editor)
    client.post(VERIFY, {"otp_token": code_for(device)})
    page = client.post(RECOVERY_CODES).content.decode()
    codes = recovery_codes_on(page)
    assert len(codes) == 10
    assert "nur jetzt angezeigt" in page
    # Shown once: afterwards the page gives the count only.
    later = client.get(RECOVERY_CODES).content.decode()
    assert "Sie haben noch 10 Wiederherstellungscodes" in later
    assert not set(codes) & set(recovery_codes_on(later))
    client.post("/admin/logout/")

    # Lost phone: a code, typed in capitals with a hyphen, lets the editor in.
    sign_in(client, editor)
    typed = f"{codes[0][:4].upper()}-{codes[0][4:].upper()}"
    response = client.post(VERIFY, {"otp_token": typed, "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Sie haben noch 9 Wiederherstellungscodes" in response.content.decode()
    client.post("/admin/logout/")

    sign_in(client, editor)
    response = client.post(VERIFY, {"otp_token": codes[0]})
    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()
    assert redirect_path(client.get("/admin/")) == VERIFY


@two_factor_on
def test_new_recovery_codes_replace_the_old_ones(client, editor):
    device = confirmed_app(editor)
    sign_in(client, editor)
    client.post(VERIFY, {"otp_token": code_for(device)})
    old = recovery_codes_on(client.post(RECOVERY_CODES).content.decode())
    new = recovery_codes_on(client.post(RECOVERY_CODES).content.decode())
    assert len(new) == 10 and not set(old) & set(new)
    assert StaticDevice.objects.filter(user=editor).count() == 1


@two_factor_on
@pytest.mark.parametrize("group_name", [roles.MEMBERS, roles.BOARD])
def test_members_are_never_asked_for_a_second_factor(
    client, site_tree, minutes, make_user, group_name
):
    member = make_user(group_name)
    response = client.post(
        f"/anmelden/?next={minutes.url}",
        {"username": member.username, "password": PASSWORD, "next": minutes.url},
    )
    assert response.url == minutes.url
    assert "Zaunkönig" in client.get(minutes.url).content.decode()


@two_factor_on
def test_a_moderator_and_a_superuser_need_it_too_but_a_translator_not(client, make_user, site_tree):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chefin", "c@example.org", PASSWORD)
    for user in (make_user(roles.MODERATORS), admin):
        client.logout()
        sign_in(client, user)
        assert redirect_path(client.get("/admin/")) == NEW_DEVICE

    client.logout()
    sign_in(client, make_user(roles.TRANSLATORS))
    assert client.get("/admin/").status_code == 200


@two_factor_on
@override_settings(TWO_FACTOR_GROUPS=["Redaktion"])
def test_the_groups_are_a_setting(client, press_officer, editor):
    sign_in(client, press_officer)
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, editor)
    assert redirect_path(client.get("/admin/")) == NEW_DEVICE


@override_settings(TWO_FACTOR_REQUIRED=False)
def test_without_the_requirement_the_demo_path_is_password_only(client, press_officer):
    sign_in(client, press_officer)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/", follow=True).status_code == 200


def test_the_test_settings_leave_it_off_and_dev_too():
    from django.conf import settings

    from config.settings import dev

    assert settings.TWO_FACTOR_REQUIRED is False
    assert dev.TWO_FACTOR_REQUIRED is False


@two_factor_on
def test_the_setup_pages_are_german(client, press_officer):
    sign_in(client, press_officer)
    text = client.get(NEW_DEVICE).content.decode()
    assert "Aktuelles Passwort" in text
    assert "Code aus der App" in text
    assert "Current password" not in text
    assert "OTP token" not in text
