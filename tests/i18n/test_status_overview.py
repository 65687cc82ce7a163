"""The translators' status overview in the admin: page × language, states, filters, sync."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.factories import StandardPageFactory
from home.models import StandardPage
from tests.i18n.conftest import catalogue_entry, record_of, soup, translate, translate_site

pytestmark = pytest.mark.django_db

OVERVIEW = "translation_admin:overview"
TITLES = {
    "missing": "Seite ohne Übersetzung",
    "outdated": "Seite mit geändertem Original",
    "machine": "Seite maschinell übersetzt",
    "current": "Seite aktuell übersetzt",
}


def standard_page(parent, title, slug):
    return StandardPageFactory(
        parent=parent, title=title, slug=slug, intro=f"Einleitung von {title}."
    )


@pytest.fixture
def situations(site_tree, client, superuser):
    """One German page in each state for Arabic (German pages under the home page)."""
    translate_site(site_tree, "ar", sections=["press"])
    pages = {
        state: standard_page(site_tree.home, title, f"zustand-{state}")
        for state, title in TITLES.items()
    }
    translate(pages["current"], "ar", {TITLES["current"]: "صفحة مترجمة"})
    translate(pages["outdated"], "ar", {TITLES["outdated"]: "صفحة قديمة"})
    outdated = StandardPage.objects.get(pk=pages["outdated"].pk)
    outdated.intro = "Die Einleitung wurde geändert."
    outdated.save_revision().publish()

    # "Übersetzung anlegen" in the overview (a draft), then the translation
    # editor's "Translate with machine" (the dummy translator in tests).
    client.force_login(superuser)
    response = client.post(reverse("translation_admin:create", args=[pages["machine"].pk, "ar"]))
    assert response.status_code == 302
    record = record_of(pages["machine"], "ar")
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[record.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    client.logout()
    return {state: StandardPage.objects.get(pk=page.pk) for state, page in pages.items()}


def table(response) -> dict[str, dict[str, str]]:
    """{German page title: {language code: state}} from the overview's table."""
    assert response.status_code == 200
    document = soup(response)
    grid = document.select_one("table.translation-table")
    if grid is None:
        return {}
    codes = [header.select_one("span[lang]")["lang"] for header in grid.select("thead th")[2:]]
    rows = {}
    for row in grid.select("tbody tr"):
        title = row.select_one("th a").get_text(strip=True)
        states = {}
        for code, cell in zip(codes, row.select("td.translation-cell"), strict=True):
            (state,) = [
                name.removeprefix("translation-state--")
                for name in cell.select_one(".translation-state")["class"]
                if name.startswith("translation-state--")
            ]
            states[code] = state
        rows[title] = states
    return rows


def overview(client, **params):
    return client.get(reverse(OVERVIEW), params)


def summary(response) -> dict[str, dict[str, int]]:
    """{language code: {state: number}} from the summary above the table."""
    counts = {}
    for item in soup(response).select(".translation-summary li"):
        code = item.select_one("[lang]")["lang"]
        counts[code] = {}
        for link in item.select("a.translation-state"):
            state = link["href"].rsplit("zustand=", 1)[1]
            counts[code][state] = int(link.get_text().rsplit(":", 1)[1])
    return counts


def test_every_state_is_in_its_cell(client, superuser, situations):
    client.force_login(superuser)

    response = overview(client)
    rows = table(response)

    for state, title in TITLES.items():
        assert rows[title]["ar"] == state, title
        # No other language has a translation of these pages.
        assert {value for code, value in rows[title].items() if code != "ar"} == {"missing"}
    # The home page and the sections were translated into Arabic by a person.
    assert rows[situations["current"].get_parent().title]["ar"] == "current"
    assert set(rows[situations["current"].get_parent().title]) == {
        "en",
        "ar",
        "fa",
        "ru",
        "uk",
    }
    # The summary counts what the table shows.
    counts = summary(response)
    for code in ("en", "ar", "fa", "ru", "uk"):
        shown = [states[code] for states in rows.values()]
        assert counts[code] == {state: shown.count(state) for state in TITLES}, code
    assert counts["ar"]["outdated"] == counts["ar"]["machine"] == 1


def test_language_and_state_filters(client, superuser, situations):
    client.force_login(superuser)

    arabic = table(overview(client, sprache="ar"))
    assert {code for states in arabic.values() for code in states} == {"ar"}

    for state, title in TITLES.items():
        rows = table(overview(client, sprache="ar", zustand=state))
        assert title in rows, state
        assert all(states["ar"] == state for states in rows.values()), rows
        assert not set(TITLES.values()) - {title} & set(rows), rows


def test_type_and_section_filters(client, superuser, situations, site_tree, release_factory):
    release = release_factory(title="Mitteilung im Bereich Presse")
    client.force_login(superuser)

    standard = ContentType.objects.get_for_model(StandardPage).pk
    rows = table(overview(client, typ=standard))
    assert set(TITLES.values()) <= set(rows)
    assert release.title not in rows
    assert site_tree.home.title not in rows

    rows = table(overview(client, bereich=site_tree.press.pk))
    assert set(rows) == {site_tree.press.title, release.title}


def cell_reason(response, title, code="ar") -> str:
    """The reason shown under a cell's state (e.g. why it is outdated)."""
    document = soup(response)
    for row in document.select("table.translation-table tbody tr"):
        if row.select_one("th a").get_text(strip=True) == title:
            codes = [
                header.select_one("span[lang]")["lang"]
                for header in document.select("table.translation-table thead th")[2:]
            ]
            cell = row.select("td.translation-cell")[codes.index(code)]
            reasons = cell.select(".translation-cell__reason")
            return " ".join(span.get_text(strip=True) for span in reasons)
    raise AssertionError(f"{title} is not in the table")


def test_sync_turns_outdated_into_current(client, superuser, situations):
    """Sync brings the change into the translation as a draft; published, it is current.

    A live translation stays "outdated" (synced, not yet published) between the
    two steps: its readers still see the old text (home.translation_status).
    """
    page = situations["outdated"]
    client.force_login(superuser)
    response = overview(client, sprache="ar", zustand="outdated")
    assert "Original seit der letzten Synchronisierung geändert" in cell_reason(
        response, TITLES["outdated"]
    )
    sync_url = reverse("translation_admin:sync", args=[page.pk, "ar"])
    assert f'action="{sync_url}"' in response.content.decode()

    response = client.post(sync_url, {"next": reverse(OVERVIEW) + "?sprache=ar"})
    assert response.status_code == 302
    assert response.url == reverse(OVERVIEW) + "?sprache=ar"

    arabic = StandardPage.objects.get(
        translation_key=page.translation_key, locale__language_code="ar"
    )
    # The German change is in the translation's draft, not yet online.
    assert arabic.get_latest_revision_as_object().intro == "Die Einleitung wurde geändert."
    assert arabic.intro == "Einleitung von Seite mit geändertem Original."
    response = overview(client, sprache="ar")
    assert table(response)[TITLES["outdated"]]["ar"] == "outdated"
    reason = cell_reason(response, TITLES["outdated"])
    assert "synchronisiert, aber noch nicht veröffentlicht" in reason
    assert "Original seit der letzten Synchronisierung geändert" not in reason

    arabic.get_latest_revision().publish()
    assert table(overview(client, sprache="ar"))[TITLES["outdated"]]["ar"] == "current"
    client.logout()
    assert "Die Einleitung wurde geändert." in client.get(arabic.url).content.decode()


def test_overview_query_count_does_not_grow_with_pages(client, site_tree, translator):
    translate_site(site_tree, "ar", sections=[])
    client.force_login(translator("ar"))

    def add_pages(start, number):
        for index in range(start, start + number):
            page = standard_page(site_tree.home, f"Seite {index}", f"seite-{index}")
            if index % 2:
                translate(page, "ar")

    def queries():
        overview(client)  # warm caches (content types, permissions)
        with CaptureQueriesContext(connection) as captured:
            rows = table(overview(client))
        return len(captured), len(rows)

    add_pages(0, 4)
    with_n, rows_n = queries()
    add_pages(4, 4)
    with_2n, rows_2n = queries()

    assert rows_2n == rows_n + 4
    assert with_2n == with_n, f"{with_n} queries for {rows_n} rows, {with_2n} for {rows_2n}"


def cell_actions(response, title) -> dict[str, set[str]]:
    """{language code: labels of the buttons and links} in a page's row."""
    document = soup(response)
    codes = [
        header.select_one("span[lang]")["lang"]
        for header in document.select("table.translation-table thead th")[2:]
    ]
    for row in document.select("table.translation-table tbody tr"):
        if row.select_one("th a").get_text(strip=True) == title:
            cells = row.select("td.translation-cell")
            return {
                code: {
                    element.get_text(strip=True)
                    for element in cell.select(
                        ".translation-cell__actions button, .translation-cell__actions a"
                    )
                }
                for code, cell in zip(codes, cells, strict=True)
            }
    raise AssertionError(f"{title} is not in the table")


def test_arabic_translator_gets_actions_in_the_arabic_column_only(client, situations, translator):
    client.force_login(translator("ar"))
    response = overview(client)

    missing = cell_actions(response, TITLES["missing"])
    assert missing["ar"] == {"Übersetzung anlegen"}
    assert all(not actions for code, actions in missing.items() if code != "ar")
    outdated = cell_actions(response, TITLES["outdated"])
    assert "Synchronisieren" in outdated["ar"]
    machine = cell_actions(response, TITLES["machine"])
    assert "Als geprüft markieren" in machine["ar"]


def test_machine_draft_is_marked_for_readers_until_reviewed(client, superuser, situations):
    page = situations["machine"]
    arabic = StandardPage.objects.get(
        translation_key=page.translation_key, locale__language_code="ar"
    )
    arabic.get_latest_revision().publish()
    notice = catalogue_entry(
        "ar",
        "Diese Seite wurde maschinell übersetzt und ist noch nicht von einem Menschen geprüft.",
    )
    assert notice in client.get(arabic.url).content.decode()

    client.force_login(superuser)
    response = client.post(reverse("translation_admin:reviewed", args=[page.pk, "ar"]))
    assert response.status_code == 302
    assert table(overview(client, sprache="ar"))[TITLES["machine"]]["ar"] == "current"
    client.logout()
    assert notice not in client.get(arabic.url).content.decode()
