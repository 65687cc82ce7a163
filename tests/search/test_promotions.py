"""Search statistics, promoted results and the admin report "Suchen ohne Treffer".

``record_search`` and ``promoted_results`` are what the public search page calls
(its display is tested with the page); the report is used over HTTP as the
editors and the press office use it.
"""

import csv
import datetime
import io
import logging
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, ModelLogEntry, PageViewRestriction

from home import roles
from home.demo import DemoLoader
from home.factories import ProjectPageFactory, StandardPageFactory
from search.models import ZeroResultQuery
from search.promotions import promoted_results, record_search
from tests.helpers import html, links
from tests.translation_helpers import translate

pytestmark = pytest.mark.django_db

REPORT = "/admin/suche/ohne-treffer/"
PROMOTE = f"{REPORT}hervorheben/"
POPULAR_HEADING = "Häufige Suchen mit Treffern"


def german():
    return Locale.objects.get(language_code="de")


def hits(query_string: str) -> int:
    query = Query.objects.filter(query_string=query_string).first()
    return query.hits if query else 0


def zero_results() -> dict[tuple[str, str], int]:
    return {(row.query_string, row.language): row.count for row in ZeroResultQuery.objects.all()}


def zero_result(query_string, language="de", count=1, *, first_seen=0, last_seen=0):
    """A row of the report, first and last searched the given number of days ago."""
    row = ZeroResultQuery.objects.create(query_string=query_string, language=language, count=count)
    now = timezone.now()
    ZeroResultQuery.objects.filter(pk=row.pk).update(
        first_seen=now - datetime.timedelta(days=first_seen),
        last_seen=now - datetime.timedelta(days=last_seen),
    )
    return ZeroResultQuery.objects.get(pk=row.pk)


def promote(query_string, sort_order=0, **fields):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), sort_order=sort_order, **fields
    )


# -- record_search ----------------------------------------------------------------------


def test_record_search_counts_every_search(site_tree):
    record_search("Presse", "de", 12)
    record_search("presse", "en", 3)

    assert hits("presse") == 2
    assert zero_results() == {}


def test_record_search_counts_searches_without_results_per_language(site_tree):
    record_search("Kitaplatz", "de", 0)
    first = ZeroResultQuery.objects.get()
    record_search("kitaplatz", "de", 0)
    record_search("kitaplatz", "en", 0)
    record_search("kitaplatz", "de", 4)  # found something: counted as a search only

    assert zero_results() == {("kitaplatz", "de"): 2, ("kitaplatz", "en"): 1}
    assert hits("kitaplatz") == 4
    again = ZeroResultQuery.objects.get(pk=first.pk)
    assert again.first_seen == first.first_seen
    assert again.last_seen > first.last_seen


def test_record_search_normalises_the_query_and_skips_empty_ones(site_tree):
    record_search("  Wohngeld   ANTRAG ", "de", 0)
    record_search("   ", "de", 0)
    record_search("", "de", 0)

    assert list(Query.objects.values_list("query_string", flat=True)) == ["wohngeld antrag"]
    assert zero_results() == {("wohngeld antrag", "de"): 1}


def test_record_search_costs_the_same_queries_for_every_search(
    site_tree, django_assert_num_queries
):
    record_search("sprachmittlung", "de", 5)
    record_search("kitaplatz", "de", 0)

    # A query seen before: read and update the day's count (and the zero-result row).
    with django_assert_num_queries(5):
        record_search("Sprachmittlung", "de", 5)
    with django_assert_num_queries(7):
        record_search("Kitaplatz", "de", 0)


def test_record_search_never_fails_the_search_page(site_tree, monkeypatch, caplog):
    def broken(query_string):
        raise DatabaseError("database gone")

    monkeypatch.setattr(Query, "get", broken)
    with caplog.at_level(logging.ERROR, logger="search.promotions"):
        record_search("kitaplatz", "de", 0)

    assert "Suchanfrage nicht gezählt" in caplog.text
    # The transaction is still usable: the savepoint was rolled back.
    assert ZeroResultQuery.objects.count() == 0


# -- promoted_results -------------------------------------------------------------------


def test_promoted_results_in_the_editors_order(site_tree, release_factory):
    release = release_factory(title="Stellungnahme zum Kitagesetz", search_description="Kurz")
    promote("kita", sort_order=1, page=release, description="Unsere Position")
    promote(
        "kita",
        sort_order=0,
        external_link_url="https://www.example.org/kita",
        external_link_text="Kita-Portal des Landes",
        description="Plätze suchen",
    )

    results = promoted_results("  KITA ", german())

    assert [(r.title, r.url, r.description) for r in results] == [
        ("Kita-Portal des Landes", "https://www.example.org/kita", "Plätze suchen"),
        ("Stellungnahme zum Kitagesetz", release.url, "Unsere Position"),
    ]
    assert results[0].page is None and results[0].is_external
    assert results[1].page.pk == release.pk
    assert promoted_results("kita schließung", german()) == []
    assert promoted_results("", german()) == []


def test_promoted_page_without_description_shows_its_search_description(site_tree, release_factory):
    release = release_factory(search_description="Die Meldung in einem Satz.")
    promote("meldung", page=release)

    (result,) = promoted_results("meldung", german())

    assert result.description == "Die Meldung in einem Satz."


def test_promoted_drafts_are_left_out(site_tree, release_factory):
    draft = release_factory(title="Entwurf", live=False)
    live = release_factory(title="Veröffentlicht")
    promote("meldung", sort_order=0, page=draft)
    promote("meldung", sort_order=1, page=live)

    assert [result.page.pk for result in promoted_results("meldung", german())] == [live.pk]


def test_promoted_private_pages_are_left_out(site_tree, release_factory, minutes):
    restricted = release_factory(title="Nur mit Passwort")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    promote("protokoll", sort_order=0, page=minutes)
    promote("protokoll", sort_order=1, page=site_tree.intern)
    promote("protokoll", sort_order=2, page=restricted)

    assert promoted_results("protokoll", german()) == []


def test_promoted_german_page_shows_its_translation_to_english_readers(site_tree, release_factory):
    translated = release_factory(title="Sprachmittlung gestartet")
    untranslated = release_factory(title="Nur auf Deutsch")
    for code in ("en",):
        translate(site_tree.home, code)
        translate(site_tree.press, code)
    english = translate(translated, "en", strings={"Sprachmittlung gestartet": "Launched"})
    promote("sprachmittlung", sort_order=0, page=translated, description="Deutscher Text")
    promote("sprachmittlung", sort_order=1, page=untranslated)
    promote(
        "sprachmittlung",
        sort_order=2,
        external_link_url="https://www.example.org/",
        external_link_text="Beispiel",
    )

    results = promoted_results("sprachmittlung", Locale.objects.get(language_code="en"))

    assert [r.title for r in results] == ["Launched", "Beispiel"]
    assert results[0].page.pk == english.pk
    assert results[0].url == english.url
    assert results[0].url.startswith("/en/")
    # The editor's German text does not describe the English page.
    assert results[0].description == english.search_description
    assert [r.title for r in promoted_results("sprachmittlung", german())] == [
        "Sprachmittlung gestartet",
        "Nur auf Deutsch",
        "Beispiel",
    ]


def test_promoted_results_cost_the_same_queries_however_many(
    site_tree, release_factory, django_assert_num_queries
):
    promote("eins", page=release_factory())
    for order in range(5):
        promote("fünf", sort_order=order, page=release_factory())
    promote("fünf", sort_order=9, external_link_url="https://example.org/", external_link_text="x")
    locale = german()
    promoted_results("eins", locale)  # fills the site cache the URLs come from

    with django_assert_num_queries(3):
        assert len(promoted_results("eins", locale)) == 1
    with django_assert_num_queries(3):
        assert len(promoted_results("fünf", locale)) == 6


# -- the report -------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer(site_tree, make_user):
    """Admin access and the right to see the report, not to delete from it."""
    group = Group.objects.create(name="Nur lesen")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", "view_zeroresultquery"],
            content_type__app_label__in=["wagtailadmin", "site_search"],
        )
    )
    return make_user("Nur lesen")


def report_rows(markup: str) -> list[str]:
    """The queries in the report's main table, in order."""
    main_table = markup.split(POPULAR_HEADING, 1)[0]
    return re.findall(r'<div class="title-wrapper">\s*(.*?)\s*</div>', main_table)


def popular_rows(markup: str) -> list[str]:
    """The queries in the table of frequent searches that found something."""
    popular_table = markup.split(POPULAR_HEADING, 1)[1]
    return re.findall(r'<div class="title-wrapper">\s*(.*?)\s*</div>', popular_table)


def cells(markup: str) -> list[str]:
    return [cell.strip() for cell in re.findall(r"<td[^>]*>([^<]*)</td>", markup)]


def test_editor_sees_searches_without_results(editor_client):
    zero_result("kitaplatz", count=14, first_seen=40, last_seen=2)
    zero_result("language course", "en", count=3)

    page = html(editor_client, REPORT)

    assert "Suchen ohne Treffer" in page
    assert report_rows(page) == ["kitaplatz", "language course"]
    assert cells(page)[:2] == ["Deutsch", "14"]
    assert "English" in cells(page)
    assert f"{PROMOTE}?query=kitaplatz" in links(page)
    assert f"{REPORT}leeren/" in links(page)


def test_report_filters_by_language_and_period_and_sorts(editor_client):
    zero_result("kitaplatz", count=14, last_seen=40)
    zero_result("wohngeld", count=3, last_seen=1)
    zero_result("language course", "en", count=5, last_seen=3)

    assert report_rows(html(editor_client, REPORT, language="en")) == ["language course"]
    assert report_rows(html(editor_client, REPORT, period="7")) == ["language course", "wohngeld"]
    assert report_rows(html(editor_client, REPORT, period="30", language="de")) == ["wohngeld"]
    assert report_rows(html(editor_client, REPORT, period="365")) == [
        "kitaplatz",
        "language course",
        "wohngeld",
    ]
    assert report_rows(html(editor_client, REPORT, ordering="-last_seen")) == [
        "wohngeld",
        "language course",
        "kitaplatz",
    ]
    assert report_rows(html(editor_client, REPORT, q="kita")) == ["kitaplatz"]
    # The results part the admin reloads when a filter changes.
    assert report_rows(html(editor_client, f"{REPORT}ergebnisse/", language="en")) == [
        "language course"
    ]


def test_report_exports_csv(editor_client):
    zero_result("kitaplatz", count=14)

    response = editor_client.get(REPORT, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Suchanfrage", "Sprache", "Anzahl", "zuerst gesucht", "zuletzt gesucht"]
    assert rows[1][:3] == ["kitaplatz", "de", "14"]


def test_promote_link_fills_in_wagtails_form_and_the_report_shows_the_promotion(
    editor_client, site_tree
):
    zero_result("kitaplatz", count=14)

    form = html(editor_client, PROMOTE, query="Kitaplatz")
    assert 'value="kitaplatz"' in form
    assert 'action="/admin/searchpicks/add/"' in form

    response = editor_client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "kitaplatz",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(site_tree.home.pk),
            "editors_picks-0-description": "Beratung zur Kinderbetreuung",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    promotion = SearchPromotion.objects.get()
    assert promotion.query.query_string == "kitaplatz"

    page = html(editor_client, REPORT)
    assert f"/admin/searchpicks/{promotion.query_id}/" in links(page)
    assert "Hervorgehoben – bearbeiten" in page
    assert f"{PROMOTE}?query=kitaplatz" not in links(page)


def test_report_shows_frequent_searches_that_found_something(editor_client):
    for _ in range(3):
        record_search("sprachmittlung", "de", 8)
    record_search("kitaplatz", "de", 0)
    old = Query.get("jahresbericht")
    QueryDailyHits.objects.create(
        query=old, date=timezone.localdate() - datetime.timedelta(days=60), hits=9
    )

    assert popular_rows(html(editor_client, REPORT)) == ["jahresbericht", "sprachmittlung"]
    assert popular_rows(html(editor_client, REPORT, period="30")) == ["sprachmittlung"]


def test_report_is_in_the_reports_menu_of_editors_only(client, editor, make_user):
    client.force_login(editor)
    assert REPORT in html(client, "/admin/")
    client.force_login(make_user(roles.MODERATORS))
    assert REPORT not in html(client, "/admin/")


@pytest.mark.parametrize("group_name", [roles.MODERATORS, roles.TRANSLATORS])
def test_other_roles_cannot_see_the_report(client, site_tree, make_user, group_name):
    row = zero_result("kitaplatz")
    client.force_login(make_user(group_name))

    for url in (REPORT, f"{REPORT}ergebnisse/", f"{REPORT}leeren/", f"{REPORT}{row.pk}/loeschen/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == "/admin/", url
    assert client.post(f"{REPORT}leeren/").status_code == 302
    assert ZeroResultQuery.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(client, site_tree):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_clearing_the_list_takes_the_delete_permission(client, viewer):
    zero_result("kitaplatz")
    zero_result("wohngeld")
    client.force_login(viewer)

    page = html(client, REPORT)
    assert sorted(report_rows(page)) == ["kitaplatz", "wohngeld"]
    assert f"{REPORT}leeren/" not in links(page)
    assert client.get(f"{REPORT}leeren/").status_code == 302
    client.post(f"{REPORT}leeren/")
    assert ZeroResultQuery.objects.count() == 2


def test_editor_clears_the_list(editor_client):
    zero_result("kitaplatz")
    zero_result("wohngeld")
    promote("kitaplatz", external_link_url="https://example.org/", external_link_text="Kita")

    confirm = html(editor_client, f"{REPORT}leeren/")
    assert "2 Suchen ohne Treffer" in confirm
    response = editor_client.post(f"{REPORT}leeren/")

    assert response.status_code == 302
    assert response.url == REPORT
    assert ZeroResultQuery.objects.count() == 0
    assert SearchPromotion.objects.count() == 1


def test_editor_deletes_a_row_without_keeping_it_in_the_history(editor_client):
    row = zero_result("max mustermann telefon")
    other = zero_result("kitaplatz")

    confirm = html(editor_client, f"{REPORT}{row.pk}/loeschen/")
    assert "max mustermann telefon" in confirm
    response = editor_client.post(f"{REPORT}{row.pk}/loeschen/")

    assert response.status_code == 302
    assert list(ZeroResultQuery.objects.all()) == [other]
    assert not ModelLogEntry.objects.filter(label__icontains="mustermann").exists()


def test_row_delete_takes_the_delete_permission(client, viewer):
    row = zero_result("kitaplatz")
    client.force_login(viewer)

    assert f"{REPORT}{row.pk}/loeschen/" not in links(html(client, REPORT))
    client.post(f"{REPORT}{row.pk}/loeschen/")
    assert ZeroResultQuery.objects.filter(pk=row.pk).exists()


# -- roles ------------------------------------------------------------------------------


def test_press_office_and_editors_may_promote_results_and_read_the_report(
    site_tree, editor, press_officer, make_user
):
    permissions = [
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailsearchpromotions.view_searchpromotion",
        "site_search.view_zeroresultquery",
        "site_search.delete_zeroresultquery",
    ]
    for user in (editor, press_officer):
        assert user.has_perms(permissions), user
    moderator = make_user(roles.MODERATORS)
    assert not any(moderator.has_perm(permission) for permission in permissions)


# -- retention --------------------------------------------------------------------------


def test_purge_search_queries_deletes_what_is_older_than_the_retention(site_tree, settings):
    settings.SEARCH_QUERY_RETENTION_DAYS = 30
    today = timezone.localdate()
    zero_result("alter name", first_seen=90, last_seen=31)
    recent = zero_result("kitaplatz", first_seen=90, last_seen=29)
    old_query, recent_query, promoted = (Query.get(q) for q in ("alt", "neu", "beworben"))
    QueryDailyHits.objects.create(query=old_query, date=today - datetime.timedelta(days=31))
    QueryDailyHits.objects.create(query=recent_query, date=today - datetime.timedelta(days=31))
    QueryDailyHits.objects.create(query=recent_query, date=today - datetime.timedelta(days=2))
    QueryDailyHits.objects.create(query=promoted, date=today - datetime.timedelta(days=40))
    promote("beworben", external_link_url="https://example.org/", external_link_text="x")
    out = io.StringIO()

    call_command("purge_search_queries", stdout=out)

    assert list(ZeroResultQuery.objects.all()) == [recent]
    assert list(QueryDailyHits.objects.values_list("query__query_string", "date")) == [
        ("neu", today - datetime.timedelta(days=2))
    ]
    # Queries without counts go, unless editors promote results for them.
    assert set(Query.objects.values_list("query_string", flat=True)) == {"neu", "beworben"}
    assert "älter als 30 Tage" in out.getvalue()


# -- demo -------------------------------------------------------------------------------


def test_demo_search_data_is_repeatable_and_promotes_the_press_section(site_tree):
    loader = DemoLoader()
    loader.pages.update(
        presse=site_tree.press,
        projekte=site_tree.projects,
        **{"ueber-uns": StandardPageFactory(parent=site_tree.home, slug="ueber-uns")},
    )
    ProjectPageFactory(parent=site_tree.projects, slug="sisa-sprachmittlung")

    def counts():
        return [
            model.objects.count()
            for model in (Query, QueryDailyHits, SearchPromotion, ZeroResultQuery)
        ]

    loader.load_search()
    first = counts()
    loader.load_search()

    assert counts() == first
    assert all(first)
    (result,) = promoted_results("Presse", german())
    assert result.page.pk == site_tree.press.pk
    assert ZeroResultQuery.objects.filter(query_string="kitaplatz", language="de").exists()
