"""Signing in as a person would: password, then the code from the app."""

import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import PASSWORD

ADMIN_LOGIN = "/admin/login/"
VERIFY = "/admin/2fa/auth"
NEW_DEVICE = "/admin/2fa/devices/new"
RECOVERY_CODES = "/admin/2fa/wiederherstellungscodes/"


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the user's app shows now (or ``steps_ahead`` 30-second steps later).

    django-otp accepts each time step once, so a second sign-in within the same
    half minute uses the next step, which it still accepts (tolerance 1).
    """
    device.refresh_from_db()
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{value:0{device.digits}d}"


def sign_in(client, user, password=PASSWORD):
    response = client.post(ADMIN_LOGIN, {"username": user.get_username(), "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def set_up_app(client, name="Diensthandy"):
    """Open the setup page, 'scan' the new secret, confirm with a code: as the user does."""
    page = client.get(NEW_DEVICE)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    return client.post(
        NEW_DEVICE, {"name": name, "otp_token": code_for(device), "password": PASSWORD}
    )


def confirmed_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


def recovery_codes_on(page: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
