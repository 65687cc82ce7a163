"""Bad input from outside: markup, scripts, forged forms, oversized fields, CSRF.

Each case ends with a clear answer, nothing published that should not be, and
the reader's text still on the screen.
"""

import pytest
from django.test import Client

from comments.forms import PublicCommentForm
from comments.models import PublicComment, Status
from tests.comments.helpers import (
    POST_URL,
    days_ago,
    form_data,
    latest_comment,
    make_comment,
    post_comment,
    section,
)
from tests.helpers import html, tags

pytestmark = pytest.mark.django_db

SCRIPT_NAME = '<script>alert("name")</script>Mallory'
SCRIPT_TEXT = (
    '<script>alert("text")</script> <b>fett</b> <img src=x onerror="alert(1)"> '
    '<a href="https://evil.example">klick</a>'
)


def assert_escaped(markup: str):
    assert '<script>alert("' not in markup
    assert "<img src=x" not in markup
    assert "<b>fett</b>" not in markup
    assert ">klick</a>" not in markup
    assert "&lt;script&gt;alert(" in markup
    assert "&lt;b&gt;fett&lt;/b&gt;" in markup
    assert not [attrs for tag, attrs in tags(markup) if "onerror" in attrs]


def test_markup_in_name_and_text_is_escaped_on_the_page(client, release, open_rules):
    post_comment(client, release, name=SCRIPT_NAME, comment=SCRIPT_TEXT)
    comment = latest_comment()
    assert comment.status == Status.APPROVED

    page = html(client, release.url)
    reply_form = html(client, release.url, antwort=comment.pk)

    assert_escaped(section(page))
    assert_escaped(section(reply_form))
    assert "Mallory" in page


def test_markup_is_escaped_on_the_sent_page_and_in_the_desk(client, release, moderator):
    response = post_comment(client, release, name=SCRIPT_NAME, comment=SCRIPT_TEXT)
    comment = latest_comment()
    assert comment.status == Status.PENDING

    assert_escaped(client.get(response["Location"]).content.decode())
    client.force_login(moderator)
    for url in ("/admin/kommentare/?queue=pending", f"/admin/kommentare/{comment.pk}/"):
        desk = html(client, url)
        assert "Mallory" in desk
        assert_escaped(desk)


def test_a_url_in_the_text_becomes_a_link_that_passes_no_ranking(client, release, open_rules):
    post_comment(
        client, release, comment="Mehr dazu: https://www.lamsa.de/projekte/ und www.example.org"
    )

    page = section(html(client, release.url))

    anchors = {attrs["href"]: attrs.get("rel") for tag, attrs in tags(page) if tag == "a"}
    assert anchors["https://www.lamsa.de/projekte/"] == "nofollow ugc noopener"
    assert anchors["http://www.example.org"] == "nofollow ugc noopener"


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(document.cookie)",
        "Klick javascript://%0Aalert(1) hier",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ],
)
def test_script_urls_are_not_linked(client, release, open_rules, text):
    post_comment(client, release, comment=text)

    page = section(html(client, release.url))

    assert latest_comment().status == Status.APPROVED
    hrefs = [attrs.get("href", "") for tag, attrs in tags(page) if tag == "a"]
    assert not [href for href in hrefs if href.lower().startswith(("javascript:", "data:"))]


def assert_form_error_keeps_text(response, text, message):
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert text in body
    assert not PublicComment.objects.exists()


def test_an_oversized_comment_is_refused_and_the_text_kept(client, release):
    text = ("Sehr lange Rede " * 200)[:3001]

    response = post_comment(client, release, comment=text)

    assert_form_error_keeps_text(response, text.strip(), "3000")


def test_a_comment_of_exactly_the_limit_is_accepted(client, release):
    response = post_comment(client, release, comment="x" * 3000)

    assert response.status_code == 302
    assert len(latest_comment().comment) == 3000


def test_a_malformed_email_is_refused_and_the_text_kept(client, release):
    text = "Mein wichtiger Beitrag zur Debatte."

    response = post_comment(client, release, email="keine-adresse@", comment=text)

    assert_form_error_keeps_text(response, text, "E-Mail")


def test_a_missing_name_is_refused_and_the_text_kept(client, release):
    text = "Ohne Namen geschrieben."

    response = post_comment(client, release, name="", comment=text)

    assert_form_error_keeps_text(response, text, "Pflichtfeld")


@pytest.mark.parametrize(
    "forgery",
    [
        {"content_type": "auth.user", "object_pk": "1"},
        {"content_type": "wagtailcore.page"},
        {"content_type": "press.pressreleasepage", "object_pk": "abc"},
        {"security_hash": "0" * 40},
    ],
)
def test_a_forged_target_is_refused_and_nothing_stored(client, release, forgery):
    text = "Text eines gefälschten Formulars."
    data = form_data(release, comment=text, **forgery)

    response = client.post(POST_URL, data)

    assert response.status_code == 400
    assert text in response.content.decode()
    assert not PublicComment.objects.exists()


def test_the_hash_of_one_release_does_not_post_to_another(client, release, other_release):
    text = "Umgelenkt auf eine andere Mitteilung."
    data = form_data(release, comment=text)
    data["object_pk"] = str(other_release.pk)

    response = client.post(POST_URL, data)

    assert response.status_code == 400
    assert text in response.content.decode()
    assert not PublicComment.objects.exists()


def test_an_expired_form_is_shown_again_with_a_fresh_timestamp(client, release):
    text = "Lange überlegt, dann geschrieben."
    old = PublicCommentForm(release)
    timestamp = int(old.initial["timestamp"]) - 3 * 3600
    data = form_data(
        release,
        comment=text,
        timestamp=timestamp,
        security_hash=old.initial_security_hash(timestamp),
    )

    response = client.post(POST_URL, data)

    assert_form_error_keeps_text(response, text, "zu lange geöffnet")


def test_a_comment_on_an_unpublished_release_is_refused(client, release):
    release.unpublish()
    text = "Vorab gelesen und kommentiert."

    response = post_comment(client, release, comment=text)

    assert response.status_code == 404
    assert not PublicComment.objects.exists()


def test_a_comment_on_a_closed_release_is_refused_with_the_text_shown(client, release_factory):
    closed = release_factory(comments_close_after_days=1, first_published_at=days_ago(2))
    text = "Zu spät, aber wichtig."

    response = post_comment(client, closed, comment=text)

    assert response.status_code == 403
    assert text in response.content.decode()
    assert not PublicComment.objects.exists()


def test_a_comment_on_a_release_with_comments_switched_off_is_refused(client, release_factory):
    release = release_factory(comments_enabled=False)

    response = post_comment(client, release)

    assert response.status_code == 403
    assert not PublicComment.objects.exists()


def test_a_post_without_csrf_token_is_refused(release):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(release.url)
    assert page.status_code == 200
    token = browser.cookies["csrftoken"].value

    refused = browser.post(POST_URL, form_data(release, comment="Ohne Token."))
    accepted = browser.post(
        POST_URL, form_data(release, comment="Mit Token.", csrfmiddlewaretoken=token)
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert list(PublicComment.objects.values_list("comment", flat=True)) == ["Mit Token."]


def test_a_comment_that_is_not_public_cannot_be_reported(client, release):
    pending = make_comment(release, "Wartet noch.", status=Status.PENDING)
    report = {"reason": "insult", "good_faith": "on"}

    assert client.get(f"/kommentare/{pending.pk}/melden/").status_code == 404
    assert client.post(f"/kommentare/{pending.pk}/melden/", report).status_code == 404
    assert not pending.reports.exists()


def test_the_sent_page_needs_a_valid_token(client):
    assert client.get("/kommentare/gesendet/gefaelscht/").status_code == 404
    assert client.get("/kommentare/bestaetigen/gefaelscht/").status_code == 400
