"""A real browser (Debian's Chromium): the admin works under its Content-Security-Policy.

The admin's policy allows only what Wagtail 7.4 needs (security.headers). This
walks the screens an editor and a moderator use, opens the editor's choosers
and preview, and fails on any request or script the browser refused, and on
any Permissions-Policy feature the browser does not know. A logged-in editor's
view of a public page (with Wagtail's user bar) runs under the strict public
policy and is checked too.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from home.factories import SiteImageFactory
from press.factories import PressReleasePageFactory
from tests.comments.test_browser import chromium
from tests.helpers import PASSWORD
from tests.i18n.test_browser import site_tree_after_flush

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
            + ` at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def test_the_admin_runs_under_its_policy_without_violations(
    live_server, transactional_db, chromium_path
):
    tree = site_tree_after_flush()
    image = SiteImageFactory(title="Netzwerktreffen", credit="Foto: Test", licence="CC BY 4.0")
    release = PressReleasePageFactory(
        parent=tree.press, title="Richtlinien für Browser", image=image
    )
    get_user_model().objects.create_superuser("sicherheit", "s@example.org", PASSWORD)
    base = live_server.url
    screens = [
        "/admin/",
        f"/admin/pages/{tree.press.pk}/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/kommentare/",
        "/admin/reports/site-history/",
    ]

    violations, console = [], []
    # No ORM call inside this block (Playwright's sync API runs an event loop).
    with chromium(chromium_path) as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.add_init_script(RECORD_VIOLATIONS)
        tab.on(
            "console",
            lambda message: (
                console.append(f"{tab.url}: {message.text}")
                if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
                else None
            ),
        )

        def collect(url):
            violations.extend(f"{url}: {v}" for v in tab.evaluate("window.__cspViolations"))

        tab.goto(base + "/admin/login/")
        tab.fill("input[name=username]", "sicherheit")
        tab.fill("input[name=password]", PASSWORD)
        tab.locator("form button[type=submit]").first.click()
        tab.wait_for_url(base + "/admin/")
        collect("/admin/")

        for url in screens:
            tab.goto(base + url, wait_until="networkidle")
            collect(url)

        # The editor: inline panel, date pickers, the image chooser and the live preview.
        add = f"/admin/pages/add/press/pressreleasepage/{tree.press.pk}/"
        tab.goto(base + add, wait_until="networkidle")
        tab.locator("[data-chooser-action-choose]:visible").first.click()
        expect(tab.locator(".modal-content")).to_be_visible()
        tab.wait_for_load_state("networkidle")
        collect(add + " (chooser)")
        edit = f"/admin/pages/{release.pk}/edit/"
        tab.goto(base + edit, wait_until="networkidle")
        tab.locator("[data-side-panel-toggle='preview']").click()
        expect(tab.locator("iframe#w-preview-iframe")).to_be_attached()
        tab.wait_for_load_state("networkidle")
        collect(edit)

        # The public page with the user bar, under the public policy.
        tab.goto(base + release.url, wait_until="networkidle")
        expect(tab.locator("h1")).to_contain_text("Richtlinien für Browser")
        collect(release.url)

    assert violations == []
    assert sorted(set(console)) == [], "\n".join(sorted(set(console)))
