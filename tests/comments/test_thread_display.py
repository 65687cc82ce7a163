"""What a reader sees of a thread: pages of threads, permalinks, placeholders, count, closing."""

import re

import pytest

from comments import moderation
from comments.models import PublicComment, Status
from tests.comments.helpers import (
    IN_REVIEW,
    REMOVED,
    comment_ids,
    comment_tree,
    days_ago,
    latest_comment,
    make_chain,
    make_comment,
    post_comment,
    section,
    top_level_ids,
)
from tests.helpers import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_five_threads(release):
    """25 top-level comments, the 23rd with a reply."""
    roots = [make_comment(release, f"Strang Nummer {n}.") for n in range(1, 26)]
    reply = make_comment(release, "Antwort im Strang 23.", parent=roots[22])
    return roots, reply


def test_top_level_threads_are_paginated_by_twenty(client, release, twenty_five_threads):
    roots, reply = twenty_five_threads

    first = html(client, release.url)
    second = html(client, release.url, kommentare=2)

    assert top_level_ids(first) == [c.pk for c in roots[:20]]
    assert top_level_ids(second) == [c.pk for c in roots[20:]]
    assert reply.pk in comment_ids(second)
    assert reply.pk not in comment_ids(first)
    assert "?kommentare=2#kommentare" in first
    assert "26 Kommentare" in first


def test_the_page_size_follows_the_comment_rules(client, release, twenty_five_threads, set_rules):
    set_rules(page_size=10)
    roots, _reply = twenty_five_threads

    assert top_level_ids(html(client, release.url, kommentare=3)) == [c.pk for c in roots[20:]]


def test_a_permalink_lands_on_the_page_of_its_thread(client, release, twenty_five_threads):
    roots, reply = twenty_five_threads

    response = client.get(f"/kommentare/{reply.pk}/")
    first = client.get(f"/kommentare/{roots[0].pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{release.url}?kommentare=2#kommentar-{reply.pk}"
    assert first["Location"] == f"{release.url}#kommentar-{roots[0].pk}"
    assert f'id="kommentar-{reply.pk}"' in html(client, release.url, kommentare=2)


def test_a_permalink_of_a_comment_not_public_goes_to_the_section(client, release):
    pending = make_comment(release, "Noch in Prüfung.", status=Status.PENDING)

    response = client.get(f"/kommentare/{pending.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{release.url}#kommentare"
    assert client.get("/kommentare/999999/").status_code == 404


def test_a_rejected_comment_with_an_approved_reply_leaves_a_placeholder(client, release, moderator):
    parent = make_comment(release, "Eine Beleidigung, die entfernt wird.")
    reply = make_comment(release, "Eine sachliche Gegenrede.", parent=parent)
    lonely = make_comment(release, "Ohne Antworten abgelehnt.")

    moderation.reject(parent, moderator, send_statement=False)
    moderation.reject(lonely, moderator, send_statement=False)

    page = html(client, release.url)
    assert REMOVED in page
    assert "Eine Beleidigung" not in page
    assert parent.user_name not in page
    assert "Eine sachliche Gegenrede." in page
    assert comment_tree(page)[reply.pk] == [parent.pk]
    assert lonely.pk not in comment_ids(page)
    assert re.search(r"\b1 Kommentar\b", page)


def test_rejecting_the_whole_branch_hides_the_replies(client, release, moderator):
    root, first, second, third = make_chain(release)

    moderation.reject(first, moderator, branch=True, send_statement=False)

    page = html(client, release.url)
    assert comment_ids(page) == [root.pk]
    assert REMOVED not in page
    for hidden in (first, second, third):
        assert hidden.comment not in page


def test_a_comment_back_in_review_with_replies_shows_the_review_placeholder(
    client, release, moderator
):
    parent = make_comment(release, "Wird noch einmal geprüft.")
    reply = make_comment(release, "Antwort darauf.", parent=parent)

    moderation.mark_unsure(parent, moderator, note="Zweite Meinung: Ironie oder Ernst?")

    page = html(client, release.url)
    assert IN_REVIEW in page
    assert "Wird noch einmal geprüft." not in page
    assert "Zweite Meinung" not in page
    assert reply.pk in comment_ids(page)


def test_the_comment_count_counts_only_public_comments(client, release):
    root = make_comment(release, "Eins.")
    make_comment(release, "Zwei.", parent=root)
    make_comment(release, "Drei.")
    make_comment(release, "Wartet.", status=Status.PENDING)
    make_comment(release, "Spam.", status=Status.SPAM)

    page = section(html(client, release.url))

    assert re.search(r"\b3 Kommentare\b", page)
    assert "Wartet." not in page
    assert "Spam." not in page


def test_a_release_without_comments_says_so(client, release):
    assert "Noch keine Kommentare" in section(html(client, release.url))


def test_comments_close_after_the_pages_number_of_days(client, release_factory):
    closed = release_factory(comments_close_after_days=5, first_published_at=days_ago(10))
    make_comment(closed, "Vor der Schließung geschrieben.")
    still_open = release_factory(comments_close_after_days=30, first_published_at=days_ago(10))

    page = section(html(client, closed.url))

    assert "Vor der Schließung geschrieben." in page
    assert "Die Kommentare zu diesem Beitrag sind geschlossen" in page
    assert 'action="/kommentare/senden/"' not in page
    assert "Antworten" not in page
    assert 'action="/kommentare/senden/"' in html(client, still_open.url)


def test_the_site_wide_closing_rule_applies_without_a_page_value(
    client, release_factory, set_rules
):
    set_rules(close_after_days=3)
    release = release_factory(first_published_at=days_ago(4))

    page = section(html(client, release.url))

    assert "geschlossen" in page
    assert 'action="/kommentare/senden/"' not in page


def test_a_page_with_comments_switched_off_has_no_comment_section(client, release_factory):
    release = release_factory(comments_enabled=False)
    make_comment(release, "Trotzdem gespeichert.")

    page = html(client, release.url)

    assert 'id="kommentare"' not in page
    assert "Trotzdem gespeichert." not in page


def test_email_addresses_never_appear_on_the_page(client, release, open_rules):
    post_comment(client, release, email="geheim.leserin@example.org", comment="Öffentlich.")
    parent = latest_comment()
    make_comment(release, "Antwort.", parent=parent, user_email="noch.geheimer@example.org")

    page = html(client, release.url)
    reply_form = html(client, release.url, antwort=parent.pk)

    assert "Öffentlich." in page
    for markup in (page, reply_form):
        assert "geheim.leserin" not in markup
        assert "noch.geheimer" not in markup


def test_the_reply_link_turns_the_form_into_a_reply(client, release):
    parent = make_comment(release, "Worauf geantwortet wird.", user_name="Ayşe")

    page = html(client, release.url)
    reply_form = section(html(client, release.url, antwort=parent.pk))

    assert f'href="?antwort={parent.pk}#kommentar-formular"' in page
    assert "Antwort an Ayşe" in reply_form
    assert f'name="reply_to" value="{parent.pk}"' in reply_form


def test_no_ip_address_is_stored_when_the_retention_is_zero(client, release, set_rules):
    post_comment(client, release, comment="Mit Adresse.", remote_addr="192.0.2.55")
    with_ip = PublicComment.objects.get(comment="Mit Adresse.")
    set_rules(ip_retention_days=0)
    post_comment(client, release, comment="Ohne Adresse.", remote_addr="192.0.2.56")
    without_ip = PublicComment.objects.get(comment="Ohne Adresse.")

    assert with_ip.ip_address == "192.0.2.55"
    assert without_ip.ip_address is None
