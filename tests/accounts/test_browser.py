"""A real browser (Debian's Chromium via Playwright): a press officer sets up the
authenticator app and reaches the dashboard; a member guessing too often is locked out.

Runs against pytest-django's live server, so the test commits to the database and
pytest-django flushes it afterwards; the site is rebuilt if an earlier live-server
test flushed it.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from home import roles
from tests.accounts.helpers import code_for
from tests.comments.conftest import chromium_path  # noqa: F401 (a fixture)
from tests.comments.test_browser import chromium
from tests.helpers import PASSWORD
from tests.i18n.test_browser import site_tree_after_flush

pytestmark = pytest.mark.browser


def outside_the_event_loop(function):
    """Playwright's sync API runs an event loop in this thread, where Django refuses
    database queries; the app's secret is read in a thread of its own."""

    def run():
        try:
            return function()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def new_app_code(username):
    """What the app shows after scanning the QR code: the unconfirmed device's secret."""
    return code_for(TOTPDevice.objects.get(user__username=username, confirmed=False))


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_press_officer_sets_up_the_app_and_a_member_is_locked_out(
    request, live_server, transactional_db, tmp_path
):
    chromium_binary = request.getfixturevalue("chromium_path")
    site_tree_after_flush()
    users = get_user_model().objects
    officer = users.create_user("pressestelle-browser", password=PASSWORD)
    officer.groups.set([Group.objects.get(name=roles.PRESS_OFFICE)])
    member = users.create_user("mitglied-browser", password=PASSWORD)
    member.groups.set([Group.objects.get(name=roles.MEMBERS)])
    base = live_server.url

    with chromium(chromium_binary) as browser:
        admin = browser.new_page(viewport={"width": 1280, "height": 1000})
        admin.goto(base + "/admin/login/")
        admin.fill("input[name=username]", officer.username)
        admin.fill("input[name=password]", PASSWORD)
        admin.locator("form.login-form button[type=submit]").click()

        # Straight to setting up the app: the QR code and the key are shown.
        admin.wait_for_url(f"{base}/admin/2fa/devices/new?next=/admin/")
        expect(admin.locator("img.two-factor-qr-code")).to_be_visible()
        assert admin.evaluate("document.querySelector('img.two-factor-qr-code').naturalWidth") > 0
        code = outside_the_event_loop(lambda: new_app_code(officer.username))
        admin.get_by_label("Name").fill("Diensthandy")
        admin.get_by_label("Code aus der App").fill(code)
        admin.get_by_label("Aktuelles Passwort").fill(PASSWORD)
        admin.get_by_role("button", name="Einrichten").click()

        admin.wait_for_url(f"{base}/admin/2fa/wiederherstellungscodes/")
        admin.get_by_role("button", name="Neue Wiederherstellungscodes erzeugen").click()
        expect(admin.locator("ol.recovery-codes li")).to_have_count(10)
        admin.screenshot(path=str(tmp_path / "wiederherstellungscodes.png"), full_page=True)
        admin.get_by_role("link", name="Ich habe die Codes gesichert").click()
        admin.wait_for_url(f"{base}/admin/")
        expect(admin.get_by_role("heading", name=officer.username)).to_be_visible()
        admin.screenshot(path=str(tmp_path / "dashboard.png"))

        visitor = browser.new_page(viewport={"width": 1280, "height": 900})
        visitor.goto(base + "/anmelden/")
        for attempt in range(5):
            visitor.fill("input[name=username]", member.username)
            visitor.fill("input[name=password]", f"falsch-{attempt}")
            visitor.locator("form.form button[type=submit]").click()
            visitor.wait_for_load_state()
        alert = visitor.locator(".alert--error").first
        expect(alert).to_contain_text("Zu viele fehlgeschlagene Anmeldeversuche")
        expect(alert).to_contain_text("in 15 Minuten")
        expect(visitor.locator("input[name=username]")).to_have_value(member.username)
        visitor.screenshot(path=str(tmp_path / "sperre.png"), full_page=True)

    assert TOTPDevice.objects.get(user=officer).confirmed
