"""Publishing and searching go on when the search engine is down or hangs.

These point the production backend at a loopback port where nothing listens
(a stopped engine) or that accepts and never answers (a hung engine); the
suite against the real engine (test_engine.py) stops the engine itself.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import resilience
from search.models import PendingIndexUpdate
from tests.helpers import html, links
from tests.search.conftest import engine_settings

pytestmark = pytest.mark.django_db

NOTICE = "Die Suche arbeitet gerade eingeschränkt"


@pytest.fixture(params=["closed", "hanging"])
def broken_engine(request, settings, closed_port, hanging_port):
    port = closed_port if request.param == "closed" else hanging_port
    settings.WAGTAILSEARCH_BACKENDS = engine_settings(f"http://127.0.0.1:{port}", timeout=0.5)
    return request.param


def test_publishing_succeeds_and_the_update_waits(broken_engine, site_tree, release_factory):
    release = release_factory(title="Feldhamsterschutz im Saalekreis", live=False)
    release.title = "Feldhamsterschutz im Saalekreis (aktualisiert)"
    release.save_revision().publish()

    release.refresh_from_db()
    assert release.live
    pending = PendingIndexUpdate.objects.get(object_id=str(release.pk))
    assert pending.action == PendingIndexUpdate.Action.INDEX
    assert pending.last_error
    # The engine is left alone for a while: the next saves do not wait for it.
    assert not resilience.engine_available()


def test_search_page_answers_from_the_database(broken_engine, client, site_tree, release_factory):
    release = release_factory(title="Feldhamsterschutz im Saalekreis")

    markup = html(client, "/suche/", q="Feldhamster")

    assert release.url in links(markup)
    assert NOTICE in markup


def test_autocomplete_answers_from_the_database(broken_engine, client, site_tree, release_factory):
    release_factory(title="Übergänge gestalten")

    response = client.get("/suche/vorschlaege/", {"q": "Überg"})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["results"]] == ["Übergänge gestalten"]


def test_deleting_with_the_engine_down_queues_the_removal(
    broken_engine, site_tree, release_factory
):
    release = release_factory(title="Wird gelöscht")
    page_id = release.pk

    release.delete()

    assert not Page.objects.filter(pk=page_id).exists()
    pending = PendingIndexUpdate.objects.get(object_id=str(page_id))
    assert pending.action == PendingIndexUpdate.Action.DELETE


def test_catch_up_keeps_updates_while_the_engine_is_still_down(
    broken_engine, site_tree, release_factory, capsys
):
    release_factory(title="Feldhamsterschutz")
    resilience.mark_up()  # the pause after the failure is over: try again

    with pytest.raises(SystemExit):
        call_command("search_catch_up")

    assert PendingIndexUpdate.objects.count() >= 1
    assert "still fails" in capsys.readouterr().err


def test_without_an_engine_nothing_is_queued(site_tree, release_factory):
    release_factory(title="Nur die Datenbank")
    assert not PendingIndexUpdate.objects.exists()
