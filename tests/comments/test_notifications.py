"""Opt-in e-mails about replies, with a working unsubscribe link."""

import itertools
import re

import pytest
from django.core import mail

from comments import moderation
from comments.models import Status
from tests.comments.helpers import latest_comment, make_comment, post_comment

pytestmark = pytest.mark.django_db


_addresses = itertools.count(1)


def write(client, page, who, text, reply_to=None, followup=False):
    """Post as ``who`` from an address of its own (the rate limit stays out of the way)."""
    response = post_comment(
        client,
        page,
        name=who.capitalize(),
        email=f"{who}@example.org",
        comment=text,
        reply_to=reply_to.pk if reply_to else 0,
        followup=followup,
        remote_addr=f"192.0.2.{next(_addresses) % 250 + 1}",
    )
    assert response.status_code == 302
    return latest_comment()


def unsubscribe_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/kommentare/abbestellen/\S+/)", message.body)
    assert match, f"no unsubscribe link in:\n{message.body}"
    return match.group(1)


def test_a_subscriber_hears_about_a_reply_and_can_unsubscribe(client, release, open_rules):
    first = write(client, release, "anna", "Wer hilft beim Antrag?", followup=True)
    reply = write(client, release, "bernd", "Die Beratungsstelle in Halle.", reply_to=first)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert "Die Beratungsstelle in Halle." in message.body
    assert release.title in message.subject
    assert f"/kommentare/{reply.pk}/" in message.body

    response = client.get(unsubscribe_path(message))
    assert response.status_code == 200

    write(client, release, "clara", "Auch in Magdeburg gibt es eine.", reply_to=first)
    assert len(mail.outbox) == 1


def test_nobody_is_told_about_their_own_reply(client, release, open_rules):
    first = write(client, release, "anna", "Ich frage nach.", followup=True)
    second = write(client, release, "bernd", "Ich antworte.", reply_to=first, followup=True)
    mail.outbox.clear()

    write(client, release, "anna", "Danke, ich antworte zurück.", reply_to=second)

    assert [message.to for message in mail.outbox] == [["bernd@example.org"]]


def test_without_followup_no_email_is_sent(client, release, open_rules):
    first = write(client, release, "anna", "Keine Benachrichtigung, bitte.")
    write(client, release, "bernd", "Trotzdem eine Antwort.", reply_to=first)

    assert mail.outbox == []


def test_a_held_reply_notifies_only_once_it_is_approved(
    client, release, set_rules, moderator, django_capture_on_commit_callbacks
):
    set_rules(premoderate_anonymous=True)
    first = make_comment(
        release, "Freigegebene Frage.", user_email="anna@example.org", followup=True
    )
    reply = write(client, release, "bernd", "Wartende Antwort.", reply_to=first)
    assert reply.status == Status.PENDING
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(reply, moderator)

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
