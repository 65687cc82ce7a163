"""A real browser (Debian's Chromium via Playwright) lays an Arabic page out right to left.

The pages are rendered by Django's test client first and handed to the browser
through Playwright's request interception (static files from site/static), so
the test runs inside the usual rolled-back transaction: no live server, no
database flush.
"""

import mimetypes
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

from tests.comments.conftest import chromium_path  # noqa: F401 (a fixture)
from tests.comments.test_browser import CHROMIUM_ARGS
from tests.helpers import html
from tests.home.test_languages import locales, translate  # noqa: F401 (locales: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.usefixtures("locales")]

ORIGIN = "http://testserver"
STATIC = Path(settings.BASE_DIR) / "site" / "static"
QUOTE = {"text": "Gemeinsam sind wir stark.", "speaker": "Amal Haddad", "role": "Vorsitzende"}

# Where things are, measured in the page: positions along the line, computed
# styles, and the direction the "back" arrow points to.
MEASURE = """() => {
    const box = (selector) => document.querySelector(selector)?.getBoundingClientRect() ?? {};
    const quote = getComputedStyle(document.querySelector(".quote"));
    const arrow = getComputedStyle(document.querySelector(".back-link a"), "::before");
    const [a, b] = arrow.transform.match(/matrix\\(([^)]*)\\)/)[1].split(",").map(Number);
    return {
        dir: document.documentElement.dir,
        width: document.documentElement.clientWidth,
        logoLeft: box(".site-logo").left,
        logoRight: box(".site-logo").right,
        searchRight: box(".search-form").right,
        firstNav: box(".main-nav__item:first-child").left,
        secondNav: box(".main-nav__item:nth-child(2)").left,
        quoteBorderRight: quote.borderRightWidth,
        quoteBorderLeft: quote.borderLeftWidth,
        // The chevron is the corner of a turned square between its block-start
        // border and its inline-end one: (1, -1) from the centre in a
        // left-to-right page, (-1, -1) in a right-to-left one. Turned by the
        // matrix (a, b, -b, a), its x is a * x + b.
        arrowPointsRight: a * (document.documentElement.dir === "rtl" ? -1 : 1) + b > 0,
        fontFamily: getComputedStyle(document.querySelector("h1")).fontFamily,
    };
}"""


def serve_static(route, path):
    file = STATIC / path.removeprefix(settings.STATIC_URL)
    if file.is_file():
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=file.read_bytes(), content_type=content_type)
    else:
        route.fulfill(status=404, body=b"")


@pytest.fixture
def arabic_release(site_tree, release_factory):
    return release_factory(
        title="Wahlprüfsteine",
        body=[("paragraph", "<p>Text der Mitteilung.</p>"), ("quote", QUOTE)],
    )


def test_an_arabic_page_is_laid_out_right_to_left(
    request, client, site_tree, arabic_release, tmp_path
):
    chromium = request.getfixturevalue("chromium_path")
    translate(site_tree.home, "ar")
    translate(site_tree.press, "ar")
    translate(site_tree.projects, "ar")
    arabic = translate(arabic_release, "ar")
    pages = {
        arabic_release.url: html(client, arabic_release.url),
        arabic.url: html(client, arabic.url),
    }

    requested = {url: [] for url in pages}
    measured = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for url in pages:
                for width in (390, 1280):
                    page = browser.new_page(viewport={"width": width, "height": 1400})

                    def handle(route, request, url=url):
                        path = request.url.removeprefix(ORIGIN)
                        requested[url].append(path)
                        if path.startswith(settings.STATIC_URL):
                            serve_static(route, path)
                        elif path in pages:
                            route.fulfill(status=200, body=pages[path], content_type="text/html")
                        else:
                            route.fulfill(status=404, body=b"")

                    page.route("**/*", handle)
                    page.goto(ORIGIN + url, wait_until="networkidle")
                    page.evaluate("document.fonts.ready")
                    measured[(url, width)] = page.evaluate(MEASURE)
                    page.screenshot(path=str(tmp_path / f"{width}{url.replace('/', '_')}.png"))
                    page.close()
        finally:
            browser.close()

    for width in (390, 1280):
        german = measured[(arabic_release.url, width)]
        rtl = measured[(arabic.url, width)]
        assert german["dir"] == "ltr"
        assert rtl["dir"] == "rtl"
        # The logo starts the header: at the left in German, at the right in Arabic.
        assert german["logoLeft"] < german["width"] / 4
        assert rtl["logoRight"] > rtl["width"] * 3 / 4
        # The quote's rule stands at the start of the line.
        assert (german["quoteBorderLeft"], german["quoteBorderRight"]) == ("4px", "0px")
        assert (rtl["quoteBorderLeft"], rtl["quoteBorderRight"]) == ("0px", "4px")
        # "Back" points to where lines start: left in German, right in Arabic.
        assert not german["arrowPointsRight"]
        assert rtl["arrowPointsRight"]
        assert "Noto Naskh Arabic" in rtl["fontFamily"].split(",")[0]
    # Menus run from the start of the line; the search form follows the logo.
    german, rtl = measured[(arabic_release.url, 1280)], measured[(arabic.url, 1280)]
    assert german["firstNav"] < german["secondNav"]
    assert rtl["firstNav"] > rtl["secondNav"]
    assert rtl["logoLeft"] > rtl["searchRight"]

    # Fonts by script: the German page fetches no Arabic font, the Arabic one does.
    german_fonts = [path for path in requested[arabic_release.url] if "/fonts/" in path]
    arabic_fonts = [path for path in requested[arabic.url] if "/fonts/" in path]
    assert german_fonts
    assert not [path for path in german_fonts if "arabic" in path or "vazirmatn" in path]
    assert [path for path in arabic_fonts if "noto-naskh-arabic" in path]
