"""The search page against the real engine (make test-search starts it).

German analysis in the engine, umlaut autocomplete (Wagtail issue 13005), no
leaks of unpublished, embargoed, members-only or unconsented pages, and the
engine stopped for real in the middle of use.
"""

import datetime
import io
import subprocess

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from home.factories import MemberOrganisationPageFactory, ProjectPageFactory
from home.models import MemberKind
from search import resilience, service
from search.models import PendingIndexUpdate
from tests.helpers import html, links

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]

NOTICE = "Die Suche arbeitet gerade eingeschränkt"


def analyze(engine, analyzer: str, text: str) -> list[str]:
    response = engine.backend.es.indices.analyze(
        index=engine.index.name, body={"analyzer": analyzer, "text": text}
    )
    return [token["token"] for token in response["tokens"]]


def titles(query: str, **kwargs) -> list[str]:
    outcome = service.search(query, Locale.get_default(), **kwargs)
    assert not outcome.degraded, "the engine did not answer"
    return [hit.page.title for hit in outcome.hits]


def test_the_engine_analyses_german(search_engine):
    indexed = analyze(search_engine, "default", "Migrantenorganisationen und Migrant*innen")
    assert {"organisation", "migrant"} <= set(indexed)
    assert analyze(search_engine, "default_search", "Straße") == analyze(
        search_engine, "default_search", "Strasse"
    )
    assert analyze(search_engine, "autocomplete_search", "Über") == ["uber"]


def test_german_words_find_their_forms(search_engine, site_tree, release_factory):
    release = release_factory(
        title="Neue Ausbildungsplätze für Migrantinnen",
        lead="Die Migrantenorganisationen in der Straße der Vielfalt beraten Ärztinnen.",
    )
    search_engine.refresh()

    for query in ["Ausbildungsplatz", "Organisation", "Strasse", "Migrantin", "Aerztin"]:
        assert release.title in titles(query), query


def test_autocomplete_with_umlauts(search_engine, client, site_tree, release_factory):
    release_factory(title="Übersetzung im Gesundheitswesen")
    release_factory(title="Ärztinnen beraten mehrsprachig")
    search_engine.refresh()

    for typed, expected in [("Üb", "Übersetzung"), ("über", "Übersetzung"), ("Ärz", "Ärztinnen")]:
        response = client.get("/suche/vorschlaege/", {"q": typed})
        found = [item["title"] for item in response.json()["results"]]
        assert any(title.startswith(expected) for title in found), (typed, found)


def test_filters_and_counts(search_engine, client, site_tree, release_factory):
    release_factory(title="Wiesenweihe im Frühjahr", date=datetime.date(2024, 5, 2))
    release_factory(title="Wiesenweihe im Herbst", date=datetime.date(2025, 9, 1))
    project = ProjectPageFactory(
        parent=site_tree.projects,
        title="Projekt Wiesenweihe",
        funding_start=datetime.date(2023, 1, 1),
    )
    search_engine.refresh()

    outcome = service.search("Wiesenweihe", Locale.get_default())
    counts = {facet.value: facet.count for facet in outcome.kinds}
    assert counts == {"pressemitteilungen": 2, "projekte": 1}
    assert titles("Wiesenweihe", kind="pressemitteilungen", year="2025") == [
        "Wiesenweihe im Herbst"
    ]
    found = links(html(client, "/suche/", q="Wiesenweihe", art="projekte"))
    assert project.url in found
    assert not any("/presse/wiesenweihe" in link for link in found)


def test_nothing_a_reader_may_not_see(search_engine, client, site_tree, release_factory, minutes):
    word = "Quendelberg"  # also in the members-only minutes
    live = release_factory(title=f"{word} öffentlich")
    release_factory(title=f"{word} Entwurf", live=False)
    embargoed = release_factory(title=f"{word} Sperrfrist", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    embargoed.save_revision().publish()
    person = MemberOrganisationPageFactory(parent=site_tree.members, title=f"{word} Einzelperson")
    type(person).objects.filter(pk=person.pk).update(
        kind=MemberKind.INDIVIDUAL, consent_recorded_on=None
    )
    search_engine.refresh()

    found = links(html(client, "/suche/", q=word))
    suggested = client.get("/suche/vorschlaege/", {"q": word}).json()["results"]

    assert live.url in found
    assert [item["title"] for item in suggested] == [live.title]
    assert not any(word in title for title in titles(word) if title != live.title)


def test_a_stale_index_shows_no_unpublished_page(
    search_engine, settings, site_tree, release_factory
):
    release = release_factory(title="Kiebitzbrache am Stadtrand")
    search_engine.refresh()
    assert release.title in titles("Kiebitzbrache")

    # The engine misses the unpublication (it is "down" for this update)...
    resilience.mark_down(RuntimeError("test"))
    release.unpublish()
    resilience.mark_up()
    search_engine.refresh()

    # ...and still the page is not shown: results are re-checked in the database.
    assert titles("Kiebitzbrache") == []


def test_the_engine_stopped_mid_use(search_engine, client, site_tree, release_factory):
    """Stop the real engine, publish and search, start it, catch up."""
    before = release_factory(title="Rotmilan über dem Harz")
    search_engine.refresh()
    subprocess.run(["scripts/search-engine", "stop"], check=True)
    try:
        during = release_factory(title="Rotmilan im Winterquartier")
        during.save_revision().publish()
        assert PendingIndexUpdate.objects.filter(object_id=str(during.pk)).exists()

        markup = html(client, "/suche/", q="Rotmilan")
        assert NOTICE in markup
        assert {before.url, during.url} <= set(links(markup))
    finally:
        subprocess.run(["scripts/search-engine", "start"], check=True)

    resilience.mark_up()
    call_command("search_catch_up", stdout=io.StringIO())
    search_engine.refresh()

    assert not PendingIndexUpdate.objects.exists()
    assert set(titles("Rotmilan")) == {before.title, during.title}
