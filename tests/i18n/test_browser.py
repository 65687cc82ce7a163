"""A real browser (Debian's Chromium via Playwright) shows an Arabic page right to left.

Runs against pytest-django's live server, so the test commits to the database
and pytest-django flushes it afterwards (and runs it after the tests that roll
back). An earlier live-server test may have flushed the session's site, so the
test builds whatever it needs itself.
"""

from types import SimpleNamespace

import pytest

from home.factories import StandardPageFactory
from home.models import HomePage
from tests.comments.test_browser import chromium
from tests.conftest import SECTIONS, ensure_site
from tests.i18n.conftest import translate, translate_site

pytestmark = pytest.mark.browser

WIDTH = 1280
MEASURE = """() => {
    const box = (element) => element.getBoundingClientRect();
    const items = [...document.querySelectorAll(".main-nav__item")];
    const logo = box(document.querySelector(".site-logo"));
    return {
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        width: document.documentElement.clientWidth,
        logoLeft: logo.left,
        logoRight: logo.right,
        navCount: items.length,
        firstNav: items.length ? box(items[0]).left : null,
        lastNav: items.length ? box(items[items.length - 1]).left : null,
        h1Align: getComputedStyle(document.querySelector("h1")).textAlign,
        h1Right: box(document.querySelector("h1")).right,
        h1Direction: getComputedStyle(document.querySelector("h1")).direction,
    };
}"""


def site_tree_after_flush():
    """The session's site, rebuilt if an earlier live-server test flushed the database."""
    ensure_site()
    home = HomePage.objects.get(locale__language_code="de")
    tree = SimpleNamespace(home=home)
    for name, factory in SECTIONS.items():
        setattr(tree, name, factory._meta.model.objects.get(locale__language_code="de"))
    return tree


def measure(browser, url, screenshot):
    page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
    response = page.goto(url, wait_until="load")
    assert response.status == 200, f"{url} answered {response.status}"
    page.evaluate("document.fonts.ready")
    result = page.evaluate(MEASURE)
    page.screenshot(path=str(screenshot), full_page=False)
    page.close()
    return result


def test_arabic_page_is_laid_out_right_to_left(
    live_server, chromium_path, transactional_db, tmp_path
):
    tree = site_tree_after_flush()
    translate_site(tree, "ar")
    german = StandardPageFactory(
        parent=tree.home, title="Über uns", slug="ueber-uns", intro="Wer wir sind."
    )
    arabic = translate(german, "ar", {"Über uns": "من نحن", "Wer wir sind.": "من نحن."})
    urls = {"de": live_server.url + german.url, "ar": live_server.url + arabic.url}
    shots = {code: tmp_path / f"{code}-{WIDTH}.png" for code in urls}

    # No ORM call inside this block (Playwright's sync API runs an event loop).
    with chromium(chromium_path) as browser:
        measured = {code: measure(browser, url, shots[code]) for code, url in urls.items()}

    ltr, rtl = measured["de"], measured["ar"]
    assert (ltr["dir"], ltr["lang"]) == ("ltr", "de")
    assert (rtl["dir"], rtl["lang"]) == ("rtl", "ar")
    assert rtl["h1Direction"] == "rtl"
    half = rtl["width"] / 2
    # The header starts with the logo: on the left in German, on the right in Arabic.
    assert ltr["logoRight"] < ltr["width"] / 2
    assert rtl["logoLeft"] > half, rtl
    # The navigation runs from the start of the line.
    assert rtl["navCount"] == ltr["navCount"] >= 2
    assert ltr["firstNav"] < ltr["lastNav"]
    assert rtl["firstNav"] > rtl["lastNav"], rtl
    # The heading starts at the right.
    assert rtl["h1Right"] > half
    for shot in shots.values():
        assert shot.stat().st_size > 1000
