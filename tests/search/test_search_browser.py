"""A real browser (Debian's Chromium via Playwright): suggestions under the search box.

Runs against pytest-django's live server, so the test commits to the database
and pytest-django flushes it afterwards. An earlier live-server test may have
flushed the session's site, so the test builds whatever it needs itself.
"""

import pytest
from playwright.sync_api import expect

from home.factories import StandardPageFactory
from tests.comments.conftest import chromium_path  # noqa: F401 (a fixture)
from tests.comments.test_browser import chromium
from tests.i18n.test_browser import site_tree_after_flush
from tests.translation_helpers import translate

pytestmark = pytest.mark.browser

TITLE = "Übersetzung im Gesundheitswesen"
BOX = "#site-search"
LIST = "#site-search-suggestions"
GEOMETRY = """() => {
    const box = document.querySelector("#site-search").getBoundingClientRect();
    const list = document.querySelector("#site-search-suggestions").getBoundingClientRect();
    return {
        boxLeft: box.left, boxRight: box.right, listLeft: list.left, listRight: list.right,
        listTop: list.top, boxBottom: box.bottom,
        dir: document.documentElement.dir,
        scrollWidth: document.scrollingElement.scrollWidth,
    };
}"""


def test_suggestions_open_navigate_and_close(request, live_server, transactional_db):
    chromium_binary = request.getfixturevalue("chromium_path")
    tree = site_tree_after_flush()
    page = StandardPageFactory(
        parent=tree.home, title=TITLE, slug="uebersetzung", intro="Sprachmittlung."
    )
    StandardPageFactory(parent=tree.home, title="Übergänge gestalten", slug="uebergaenge")
    # The Arabic site: its home page only, so /ar/ has a header with a search box.
    translate(tree.home, "ar")
    base = live_server.url
    target = base + page.url

    # No ORM call inside this block (Playwright's sync API runs an event loop).
    with chromium(chromium_binary) as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))

        # Typing opens the list; the box becomes an ARIA combobox that controls it.
        tab.goto(base + "/")
        box, listbox = tab.locator(BOX), tab.locator(LIST)
        expect(box).to_have_attribute("role", "combobox")
        expect(box).to_have_attribute("aria-controls", "site-search-suggestions")
        expect(box).to_have_attribute("aria-expanded", "false")
        expect(listbox).to_be_hidden()
        box.press_sequentially("Üb", delay=40)
        expect(listbox).to_be_visible()
        expect(listbox.get_by_role("option").filter(has_text=TITLE)).to_have_count(1)
        expect(box).to_have_attribute("aria-expanded", "true")
        count = listbox.get_by_role("option").count()
        announced = "1 Vorschlag" if count == 1 else f"{count} Vorschläge"
        expect(tab.locator("#search-suggestions-status")).to_have_text(announced)
        geometry = tab.evaluate(GEOMETRY)
        assert geometry["listTop"] >= geometry["boxBottom"], geometry
        assert abs(geometry["listLeft"] - geometry["boxLeft"]) < 2, geometry

        # Arrow keys move the active option; the focus stays in the box.
        for _ in range(count):
            box.press("ArrowDown")
            active = tab.locator(LIST + " [aria-selected=true]")
            expect(active).to_have_count(1)
            expect(box).to_have_attribute("aria-activedescendant", active.get_attribute("id"))
            if TITLE in active.inner_text():
                break
        assert TITLE in active.inner_text()
        expect(box).to_be_focused()
        box.press("Enter")
        tab.wait_for_url(target)

        # Escape closes the list and keeps what was typed; so does a click elsewhere.
        tab.goto(base + "/")
        box.press_sequentially("Üb", delay=40)
        expect(listbox).to_be_visible()
        box.press("Escape")
        expect(listbox).to_be_hidden()
        expect(box).to_have_attribute("aria-expanded", "false")
        expect(box).to_have_value("Üb")
        box.press("ArrowDown")
        expect(listbox).to_be_visible()
        tab.locator("h1").first.click()
        expect(listbox).to_be_hidden()

        # Enter without an active option is a full search.
        box.fill("")
        box.press_sequentially("Über", delay=40)
        expect(listbox).to_be_visible()
        box.press("Enter")
        tab.wait_for_url("**/suche/?q=*")
        expect(tab.locator("#search-query")).to_have_value("Über")

        # Arabic: the list hangs from the box's right edge.
        tab.goto(base + "/ar/")
        box.press_sequentially("Üb", delay=40)
        expect(listbox.get_by_role("option").filter(has_text=TITLE)).to_have_count(1)
        rtl = tab.evaluate(GEOMETRY)
        assert rtl["dir"] == "rtl"
        assert abs(rtl["listRight"] - rtl["boxRight"]) < 2, rtl
        assert rtl["listLeft"] < rtl["boxLeft"], rtl  # wider than the box, toward the left

        # A phone: neither the search page nor the open list scrolls sideways.
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(base + "/suche/?q=%C3%9Cbersetzung")
        expect(phone.locator(".search-results__item").first).to_be_visible()
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= 390
        phone.locator(BOX).fill("")  # the header's box repeats the query
        phone.locator(BOX).press_sequentially("Üb", delay=40)
        expect(phone.locator(LIST)).to_be_visible()
        assert phone.evaluate(GEOMETRY)["scrollWidth"] <= 390
        phone.locator("#search-query").fill("")
        phone.locator("#search-query").press_sequentially("Üb", delay=40)
        expect(phone.locator("#search-query-suggestions").get_by_role("option")).not_to_have_count(
            0
        )
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= 390

        assert errors == []
