"""Project profiles: status from the funding period, index filters, related content."""

import datetime

import pytest
from django.utils import timezone

from home.factories import EventPageFactory, ProjectPageFactory, TopicFactory
from home.models import ProjectPage, ProjectStatus
from tests.helpers import html, links

pytestmark = pytest.mark.django_db

ALL_LABELS = {status: str(status.label) for status in ProjectStatus}


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def projects(site_tree):
    education = TopicFactory(name="Bildung", slug="bildung")
    make = ProjectPageFactory
    result = {
        "running": make(
            parent=site_tree.projects,
            title="Brücken bauen",
            funding_start=days(-100),
            funding_end=days(100),
        ),
        "open_ended": make(
            parent=site_tree.projects,
            title="Dauerhafte Beratung",
            funding_start=None,
            funding_end=None,
        ),
        "finished": make(
            parent=site_tree.projects,
            title="Abgeschlossene Werkstatt",
            funding_start=days(-800),
            funding_end=days(-1),
        ),
        "planned": make(
            parent=site_tree.projects,
            title="Künftiges Mentoring",
            funding_start=days(30),
            funding_end=days(400),
        ),
        "stopped_early": make(
            parent=site_tree.projects,
            title="Vorzeitig beendet",
            funding_start=days(-100),
            funding_end=days(100),
            status_override=ProjectStatus.FINISHED,
        ),
        "draft": make(parent=site_tree.projects, title="Geheimer Entwurf", live=False),
    }
    for key in ("running", "finished"):
        result[key].topics.add(education)
        result[key].save_revision().publish()
    return result


EXPECTED_STATUS = {
    "running": ProjectStatus.RUNNING,
    "open_ended": ProjectStatus.RUNNING,
    "finished": ProjectStatus.FINISHED,
    "planned": ProjectStatus.PLANNED,
    "stopped_early": ProjectStatus.FINISHED,
}


def listed(client, **params):
    project_urls = {project.url for project in ProjectPage.objects.all()}
    hrefs = [href for href in links(html(client, "/projekte/", **params)) if href in project_urls]
    return set(hrefs)


@pytest.mark.parametrize("key", list(EXPECTED_STATUS))
def test_project_page_shows_its_status(client, projects, key):
    project = projects[key]
    expected = EXPECTED_STATUS[key]
    assert project.status == expected

    page = html(client, project.url)

    assert ALL_LABELS[expected] in page
    for status, label in ALL_LABELS.items():
        if status != expected:
            assert label not in page, f"{key} page shows {label}"


@pytest.mark.parametrize("status", list(ProjectStatus))
def test_index_filters_by_status(client, projects, status):
    expected = {projects[key].url for key, value in EXPECTED_STATUS.items() if value == status}
    assert expected
    assert listed(client, status=status.value) == expected


def test_status_filter_follows_the_calendar(client, projects):
    """A project's status changes by itself when its funding period ends."""
    running = projects["running"]
    ProjectPage.objects.filter(pk=running.pk).update(funding_end=days(-1))
    assert running.url in listed(client, status="finished")
    assert running.url not in listed(client, status="running")


def test_index_filters_by_topic_and_combines_filters(client, projects):
    assert listed(client, topic="bildung") == {projects["running"].url, projects["finished"].url}
    assert listed(client, topic="bildung", status="finished") == {projects["finished"].url}


def test_index_without_filters_lists_every_live_project(client, projects):
    expected = {project.url for key, project in projects.items() if key != "draft"}
    assert listed(client) == expected


def test_unknown_filter_values_do_not_break_the_index(client, projects):
    for params in ({"status": "unbekannt"}, {"topic": "gibt-es-nicht"}):
        assert client.get("/projekte/", params).status_code == 200


def test_project_page_lists_related_releases_and_events(
    client, site_tree, projects, release_factory
):
    project = projects["running"]
    other = projects["finished"]
    release = release_factory(title="Projektstart Brücken bauen")
    draft_release = release_factory(title="Unfertige Mitteilung", live=False)
    other_release = release_factory(title="Anderes Projekt")
    event = EventPageFactory(parent=site_tree.events, title="Projektwerkstatt")
    draft_event = EventPageFactory(parent=site_tree.events, title="Interne Planung", live=False)
    for page, target in [
        (release, project),
        (draft_release, project),
        (other_release, other),
        (event, project),
        (draft_event, project),
    ]:
        page.related_projects.add(target)
        page.save()

    hrefs = links(html(client, project.url))

    assert release.url in hrefs
    assert event.url in hrefs
    assert draft_release.url not in hrefs
    assert draft_event.url not in hrefs
    assert other_release.url not in hrefs
