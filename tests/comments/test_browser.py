"""A real browser (Debian's Chromium via Playwright): reply, approve in the admin, see it nested.

Runs against pytest-django's live server, so the test commits to the database;
pytest-django runs it after the tests that roll back.
"""

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect, sync_playwright

from comments.models import PublicComment, Status
from home import roles
from tests.comments.helpers import make_comment
from tests.helpers import PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
REPLY = "Die Beratung gibt es auch in Stendal, jeden Dienstag."


@contextmanager
def chromium(path):
    """Playwright's sync API runs an event loop, so no ORM call may happen inside this block."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def test_a_reply_is_posted_approved_in_the_admin_and_shown_nested(
    live_server, chromium_path, release_factory, make_user, tmp_path
):
    release = release_factory(title="Beratung für Neuzugewanderte")
    comment = make_comment(release, "Gibt es die Beratung auch im Norden?", user_name="Jana")
    moderator = make_user(roles.MODERATORS, username="moderation-browser")
    page_url = live_server.url + release.url
    with chromium(chromium_path) as browser:
        reply_and_approve(browser, live_server.url, page_url, comment.pk, moderator, tmp_path)

    reply = PublicComment.objects.get(comment=REPLY)
    assert reply.status == Status.APPROVED
    assert reply.parent_id == comment.pk


def reply_and_approve(browser, base_url, page_url, comment_pk, moderator, tmp_path):
    page = browser.new_page()
    page.goto(page_url)
    page.locator(f"#kommentar-{comment_pk}").get_by_role("link", name="Antworten").click()
    form = page.locator("#kommentar-formular")
    expect(form).to_contain_text("Antwort an Jana")
    form.get_by_role("textbox", name="Name", exact=True).fill("Karim")
    form.get_by_role("textbox", name="E-Mail-Adresse", exact=True).fill("karim@example.org")
    form.get_by_role("textbox", name="Kommentar", exact=True).fill(REPLY)
    form.get_by_role("button", name="Antwort senden").click()
    expect(page.locator("main, body").first).to_contain_text("geprüft")
    expect(page.locator("body")).to_contain_text(REPLY)
    page.goto(page_url)
    expect(page.locator("#kommentare")).not_to_contain_text(REPLY)

    admin = browser.new_page()
    admin.goto(base_url + "/admin/login/")
    admin.fill("input[name=username]", moderator.get_username())
    admin.fill("input[name=password]", PASSWORD)
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(base_url + "/admin/")
    admin.goto(base_url + "/admin/kommentare/?queue=pending")
    card = admin.locator("[data-desk-card]").filter(has_text=REPLY)
    expect(card).to_have_count(1)
    card.locator("form[data-desk-action=approve] button").click()
    expect(admin.locator("[data-desk-card]").filter(has_text=REPLY)).to_have_count(0)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page_url)
    nested = page.locator(f"li:has(> #kommentar-{comment_pk}) li article").filter(has_text=REPLY)
    expect(nested).to_have_count(1)
    expect(nested).to_contain_text("Karim")
    shot = tmp_path / "kommentare-390.png"
    page.locator("#kommentare").screenshot(path=str(shot))
    assert shot.stat().st_size > 1000
