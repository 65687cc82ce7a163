"""A real browser: wagtail-localize's translation editor types Arabic right to left.

wagtail-localize renders its editor without lang or dir (its issue 197);
site/static/js/localize-direction.js adds them. The editor pages are rendered
by Django's test client and handed to Chromium through Playwright's request
interception (static files through Django's finders), so the test runs inside
the usual rolled-back transaction.
"""

import mimetypes

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from playwright.sync_api import sync_playwright

from tests.comments.conftest import chromium_path  # noqa: F401 (a fixture)
from tests.comments.test_browser import CHROMIUM_ARGS
from tests.translation_helpers import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ORIGIN = "http://testserver"

# lang/dir of what the editor shows: the source strings, the translation
# boxes, and (after "Übersetzen"/"Translate") the text box one types in.
MEASURE = """() => {
    const attrs = (el) => el && [el.lang, el.dir, getComputedStyle(el).direction];
    return {
        source: attrs(document.querySelector("li.incomplete > p, li.complete > p")),
        target: attrs(document.querySelector("li.incomplete > div, li.complete > div")),
    };
}"""


def serve_static(route, path):
    found = finders.find(path.removeprefix(settings.STATIC_URL).split("?")[0])
    if found:
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        with open(found, "rb") as file:
            route.fulfill(status=200, body=file.read(), content_type=content_type)
    else:
        route.fulfill(status=404, body=b"")


def test_translation_editor_fields_carry_target_language_and_direction(
    request, client, site_tree, make_user
):
    chromium = request.getfixturevalue("chromium_path")
    admin = make_user(username="admin-browser")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    client.force_login(admin)
    editors = {}
    for code in ("ar", "en"):
        page = translate(site_tree.home, code, publish=False)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.get(url)
        assert response.status_code == 200
        assert b"js-translation-editor" in response.content
        assert b"localize-direction.js" in response.content
        editors[code] = (url, response.content)
    # The admin's script catalogues and icon sprite, requested by the editor page.
    admin_assets = {}
    for path in (
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtail_localize:javascript_catalog"),
        reverse("wagtailadmin_sprite"),
    ):
        response = client.get(path)
        assert response.status_code == 200
        admin_assets[path] = (response.content, response["Content-Type"].split(";")[0])

    measured = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for code, (url, body) in editors.items():
                page = browser.new_page(viewport={"width": 1280, "height": 1000})

                def handle(route, req, url=url, body=body):
                    path = req.url.removeprefix(ORIGIN).split("?")[0]
                    if path.startswith(settings.STATIC_URL):
                        serve_static(route, path)
                    elif path == url:
                        route.fulfill(status=200, body=body, content_type="text/html")
                    elif path in admin_assets:
                        route.fulfill(
                            status=200,
                            body=admin_assets[path][0],
                            content_type=admin_assets[path][1],
                        )
                    else:
                        route.fulfill(status=404, body=b"")

                page.route("**/*", handle)
                page.goto(ORIGIN + url, wait_until="networkidle")
                page.wait_for_selector("li.incomplete, li.complete")
                before = page.evaluate(MEASURE)
                # The edit box is rendered only when the translator starts typing.
                page.locator("li.incomplete button, li.complete button").first.click()
                box = page.locator(".js-translation-editor textarea").first
                box.wait_for()
                box.fill("مرحبا" if code == "ar" else "Welcome")
                measured[code] = {
                    **before,
                    "box": box.evaluate("e => [e.lang, e.dir, getComputedStyle(e).direction]"),
                }
                page.close()
        finally:
            browser.close()

    assert measured["ar"] == {
        "source": ["de", "ltr", "ltr"],
        "target": ["ar", "rtl", "rtl"],
        "box": ["ar", "rtl", "rtl"],
    }
    assert measured["en"] == {
        "source": ["de", "ltr", "ltr"],
        "target": ["en", "ltr", "ltr"],
        "box": ["en", "ltr", "ltr"],
    }
