"""The public site search: live, public pages of every kind, nothing else."""

import pytest

from home.factories import EventPageFactory, MemberOrganisationPageFactory, ProjectPageFactory
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from tests.helpers import html, links, search_page, tags

pytestmark = pytest.mark.django_db


def result_links(client, query, **params):
    from wagtail.models import Page

    # Content pages only: the sections and legal pages are linked from every page.
    page_urls = {page.url for page in Page.objects.filter(depth__gte=4)}
    hrefs = links(html(client, "/suche/", q=query, **params))
    return list(dict.fromkeys(href for href in hrefs if href in page_urls))


def test_search_finds_live_pages_of_every_kind(client, site_tree, release_factory):
    pages = [
        release_factory(title="Pressemitteilung zum Mauerseglerfest"),
        ProjectPageFactory(parent=site_tree.projects, summary="Das Mauerseglerfest verbindet."),
        EventPageFactory(parent=site_tree.events, title="Mauerseglerfest 2030"),
        MemberOrganisationPageFactory(
            parent=site_tree.members, description="Wir feiern das Mauerseglerfest."
        ),
    ]

    assert set(result_links(client, "Mauerseglerfest")) == {page.url for page in pages}


def test_search_leaves_out_drafts(client, site_tree, release_factory):
    live = release_factory(title="Kranichzug im Herbst")
    draft = release_factory(title="Kranichzug Entwurf", live=False)

    found = result_links(client, "Kranichzug")

    assert live.url in found
    assert draft.url not in found


def test_search_paginates(client, site_tree, release_factory):
    for number in range(RESULTS_PER_PAGE + 2):
        release_factory(title=f"Seidenschwanz Meldung {number}")

    first = result_links(client, "Seidenschwanz")
    second = result_links(client, "Seidenschwanz", seite=2)

    assert len(first) == RESULTS_PER_PAGE
    assert len(second) == 2
    assert not set(first) & set(second)


def test_empty_and_overlong_queries(client, site_tree, release_factory):
    release = release_factory(title="Zilpzalp")
    assert result_links(client, "") == []
    assert result_links(client, "Zilpzalp") == [release.url]

    overlong = "Zilpzalp" * MAX_QUERY_LENGTH
    markup = search_page(client, overlong)
    (field,) = [attrs for tag, attrs in tags(markup) if attrs.get("id") == "search-query"]
    assert field["value"] == overlong[:MAX_QUERY_LENGTH]


# ---------------------------------------------------------------- the page


def test_filters_by_kind_and_year_with_counts(client, site_tree, release_factory):
    import datetime

    release_factory(title="Wiesenweihe im Frühjahr", date=datetime.date(2024, 5, 2))
    release_factory(title="Wiesenweihe im Herbst", date=datetime.date(2025, 9, 1))
    project = ProjectPageFactory(
        parent=site_tree.projects,
        title="Projekt Wiesenweihe",
        funding_start=datetime.date(2023, 1, 1),
    )

    markup = html(client, "/suche/", q="Wiesenweihe")
    assert 'Pressemitteilungen <span class="search-filters__count">(2)</span>' in markup
    assert 'Projekte <span class="search-filters__count">(1)</span>' in markup
    assert '2025 <span class="search-filters__count">(1)</span>' in markup

    only_projects = result_links(client, "Wiesenweihe", art="projekte")
    assert only_projects == [project.url]
    in_2025 = result_links(client, "Wiesenweihe", art="pressemitteilungen", jahr="2025")
    assert [link.rstrip("/").rsplit("/", 1)[-1] for link in in_2025] == ["wiesenweihe-im-herbst"]


def test_matches_are_highlighted_in_a_snippet(client, site_tree, release_factory):
    release_factory(
        title="Neue Ausbildungen",
        lead="Zwölf Betriebe im Harz bieten ab Herbst eine Ausbildung für Geflüchtete an.",
    )

    markup = html(client, "/suche/", q="Ausbildungen")

    assert "<mark>Ausbildungen</mark>" in markup  # the title
    assert "eine <mark>Ausbildung</mark> für" in markup  # the snippet: another form of the word


def test_html_in_page_text_is_escaped_in_snippets(client, site_tree, release_factory):
    release_factory(title="Sicherheitsmeldung", lead="<script>alert(1)</script> Sicherheitsmeldung")

    markup = html(client, "/suche/", q="Sicherheitsmeldung")

    assert "<script>alert(1)</script>" not in markup
    assert "&lt;script&gt;" in markup


def test_a_misspelt_query_shows_the_corrected_results(client, site_tree, release_factory):
    release = release_factory(title="Mauerseglerfest in Dessau")

    markup = html(client, "/suche/", q="Mauerselgerfest")

    assert release.url in links(markup)
    assert "Sie sehen Treffer für „Mauerseglerfest“" in markup


def test_quoted_phrases_need_the_words_together(client, site_tree, release_factory):
    together = release_factory(title="Eröffnung", lead="Die Straße der Vielfalt ist eröffnet.")
    apart = release_factory(title="Stadtfest", lead="Vielfalt gibt es in jeder Straße der Stadt.")

    found = result_links(client, '"Straße der Vielfalt"')

    assert together.url in found
    assert apart.url not in found


def test_nothing_a_reader_may_not_see(client, site_tree, release_factory, minutes):
    import datetime

    from django.utils import timezone

    from home.models import MemberKind

    word = "Quendelberg"  # also in the members-only minutes (fixture)
    live = release_factory(title=f"{word} öffentlich")
    release_factory(title=f"{word} Entwurf", live=False)
    embargoed = release_factory(title=f"{word} Sperrfrist", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    embargoed.save_revision().publish()
    person = MemberOrganisationPageFactory(parent=site_tree.members, title=f"{word} Einzelperson")
    # Consent withdrawn behind the admin's back: clean() would refuse it, the
    # index still has the page; the search must leave it out anyway.
    type(person).objects.filter(pk=person.pk).update(
        kind=MemberKind.INDIVIDUAL, consent_recorded_on=None
    )

    markup = html(client, "/suche/", q=word)
    suggestions = client.get("/suche/vorschlaege/", {"q": word[:5]}).json()["results"]

    assert result_links(client, word) == [live.url]
    assert "Sperrfrist" not in markup and "Vorstandsklausur" not in markup
    assert [item["title"] for item in suggestions] == [live.title]


def test_autocomplete_folds_umlauts(client, site_tree, release_factory):
    release = release_factory(title="Übergänge in den Beruf")
    release_factory(title="Übergänge als Entwurf", live=False)

    for typed in ["Üb", "üb", "Ueberg", "Uberg"]:
        response = client.get("/suche/vorschlaege/", {"q": typed})
        assert response.json()["results"] == [
            {"title": release.title, "url": release.url, "kind": "Pressemitteilung"}
        ], typed


def test_promoted_pages_come_first_and_once(client, site_tree, release_factory):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = release_factory(title="Bienenweide Übersicht")
    other = release_factory(title="Bienenweide im Park")
    SearchPromotion.objects.create(
        query=Query.get("bienenweide"), page=promoted, sort_order=0, description="Alles dazu."
    )

    found = result_links(client, "Bienenweide")

    assert found == [promoted.url, other.url]
    assert "Alles dazu." in html(client, "/suche/", q="Bienenweide")


def test_zero_result_queries_are_counted(client, site_tree):
    from search.models import ZeroResultQuery

    html(client, "/suche/", q="Xylophonorchester")
    html(client, "/suche/", q="xylophonorchester")

    assert ZeroResultQuery.objects.get(query_string="xylophonorchester").count == 2


def test_query_count_does_not_grow_with_the_results(client, site_tree, release_factory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(3):
        release_factory(title=f"Haubentaucher {number}")
    client.get("/suche/", {"q": "Haubentaucher"})  # warm caches (site root, settings)
    with CaptureQueriesContext(connection) as few:
        client.get("/suche/", {"q": "Haubentaucher"})
    for number in range(3, 30):
        release_factory(title=f"Haubentaucher {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/suche/", {"q": "Haubentaucher"})

    assert len(many) == len(few)


def test_the_vocabulary_learns_newly_published_words(client, site_tree, release_factory):
    assert "Sie sehen Treffer" not in html(client, "/suche/", q="Zwergtauchre")  # builds it

    release = release_factory(title="Zwergtaucher am Süßen See", live=False)
    release.save_revision().publish()

    markup = html(client, "/suche/", q="Zwergtauchre")
    assert release.url in links(markup)
    assert "Sie sehen Treffer für „Zwergtaucher“" in markup


def test_german_quotation_marks_make_a_phrase_too(client, site_tree, release_factory):
    together = release_factory(title="Eröffnung", lead="Die Straße der Vielfalt ist eröffnet.")
    apart = release_factory(title="Stadtfest", lead="Vielfalt gibt es in jeder Straße der Stadt.")

    found = result_links(client, "„Straße der Vielfalt“")

    assert together.url in found
    assert apart.url not in found
