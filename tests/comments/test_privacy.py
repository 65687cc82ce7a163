"""A writer's data (DSGVO): export, erasure, IP addresses purged after the retention period."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from comments import privacy
from comments.models import PublicComment
from tests.comments.helpers import REMOVED, comment_tree, days_ago, make_comment, post_comment
from tests.helpers import html

pytestmark = pytest.mark.django_db

WRITER = "Leyla.Schreiber@example.org"


@pytest.fixture
def writings(release, other_release):
    """Two comments by the writer (one answered by someone else), one by another person."""
    own = make_comment(release, "Mein erster Gedanke.", user_name="Leyla S.", user_email=WRITER)
    make_comment(
        other_release, "Mein zweiter Gedanke.", user_name="Leyla S.", user_email=WRITER.lower()
    )
    reply = make_comment(
        release, "Eine fremde Antwort.", parent=own, user_name="Tom", user_email="tom@example.org"
    )
    return own, reply


def test_the_export_holds_the_writers_comments_and_nothing_of_others(writings):
    exported = json.dumps(privacy.export_writer(WRITER.upper()), ensure_ascii=False)

    assert "Mein erster Gedanke." in exported
    assert "Mein zweiter Gedanke." in exported
    assert "Eine fremde Antwort." not in exported
    assert "tom@example.org" not in exported
    assert "Tom" not in exported


def test_erasure_removes_name_address_and_text_but_keeps_the_replies(
    client, release, writings, moderator
):
    own, reply = writings

    assert privacy.erase_writer(WRITER, moderator) == 2

    page = html(client, release.url)
    assert REMOVED in page
    assert "Leyla" not in page
    assert "Mein erster Gedanke." not in page
    assert "Eine fremde Antwort." in page
    assert comment_tree(page)[reply.pk] == [own.pk]
    assert not PublicComment.objects.by_writer(WRITER).exists()
    assert not PublicComment.objects.filter(comment__contains="Gedanke").exists()
    exported = privacy.export_writer(WRITER)
    assert exported["comments"] == []


def test_the_command_exports_and_erases_a_writer(client, release, writings):
    out = StringIO()
    call_command("comment_writer_data", "export", WRITER, stdout=out)
    data = json.loads(out.getvalue())
    assert {c["text"] for c in data["comments"]} == {
        "Mein erster Gedanke.",
        "Mein zweiter Gedanke.",
    }

    call_command("comment_writer_data", "erase", WRITER, "--yes", stdout=StringIO())

    page = html(client, release.url)
    assert "Mein erster Gedanke." not in page
    assert REMOVED in page
    assert not PublicComment.objects.filter(user_name="Leyla S.").exists()


def test_the_desk_exports_and_erases_a_writer(client, release, writings, moderator_client):
    desk = html(moderator_client, "/admin/kommentare/schreibende/", email=WRITER)
    assert "Mein zweiter Gedanke." in desk

    export = moderator_client.post("/admin/kommentare/schreibende/export/", {"email": WRITER})
    assert export.status_code == 200
    assert "attachment" in export["Content-Disposition"]
    assert "Mein erster Gedanke." in export.content.decode()
    assert "Eine fremde Antwort." not in export.content.decode()

    moderator_client.post("/admin/kommentare/schreibende/loeschen/", {"email": WRITER})
    assert PublicComment.objects.by_writer(WRITER).count() == 2  # asks first
    moderator_client.post(
        "/admin/kommentare/schreibende/loeschen/", {"email": WRITER, "confirm": "1"}
    )
    assert not PublicComment.objects.by_writer(WRITER).exists()
    assert "Mein erster Gedanke." not in html(client, release.url)


def test_ip_addresses_are_purged_after_the_retention_period(client, release, set_rules):
    set_rules(ip_retention_days=7)
    old = make_comment(release, "Alt.", ip_address="192.0.2.1", submit_date=days_ago(8))
    fresh = make_comment(release, "Frisch.", ip_address="192.0.2.2", submit_date=days_ago(6))

    call_command("purge_comment_ips", stdout=StringIO())

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.ip_address is None
    assert fresh.ip_address == "192.0.2.2"


def test_a_shorter_retention_purges_more(release, set_rules):
    set_rules(ip_retention_days=1)
    comment = make_comment(
        release, "Zwei Tage alt.", ip_address="192.0.2.3", submit_date=days_ago(2)
    )

    call_command("purge_comment_ips", stdout=StringIO())

    comment.refresh_from_db()
    assert comment.ip_address is None


def test_the_form_tells_the_writer_the_address_stays_private(client, release):
    page = html(client, release.url)

    assert "Ihre E-Mail-Adresse nicht" in page
    assert "/datenschutz/" in page
    response = post_comment(client, release, email="privat@example.org")
    assert "privat@example.org" not in html(client, release.url)
    assert response.status_code == 302
