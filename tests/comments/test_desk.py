"""The moderation desk in the Wagtail admin, used over HTTP as a member of the Moderation group."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from comments.models import CommentReport, PublicComment, RaidLock, RejectionReason, Status
from home import roles
from tests.comments.helpers import (
    EDITED,
    IN_REVIEW,
    OFFICIAL,
    REMOVED,
    comment_ids,
    comment_tree,
    latest_comment,
    make_comment,
    post_comment,
    section,
)
from tests.helpers import html

pytestmark = pytest.mark.django_db

DESK = "/admin/kommentare/"


def queue(client, name="pending", **params) -> str:
    return html(client, DESK, queue=name, **params)


def card_ids(markup: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="karte-(\d+)"', markup)]


def decide(client, comment, action, **data):
    response = client.post(f"{DESK}{comment.pk}/{action}/", data)
    assert response.status_code == 302, response.content.decode()[:300]
    comment.refresh_from_db()
    return response


@pytest.fixture
def reason():
    return RejectionReason.objects.create(
        title="Angriff auf Mitarbeitende",
        statement="Ihr Kommentar greift eine namentlich genannte Mitarbeiterin persönlich an.",
    )


def test_the_pending_queue_shows_held_comments_with_reasons_and_history(
    client, release, other_release, set_rules, moderator
):
    set_rules(blocked_terms="Idiot", hold_first_time=True)
    make_comment(other_release, "Früher freigegeben.", user_email="wieder@example.org")
    make_comment(
        other_release, "Früher abgelehnt.", user_email="wieder@example.org", status=Status.REJECTED
    )
    make_comment(release, "Schon öffentlich.")
    post_comment(client, release, email="wieder@example.org", comment="Lauter Idioten hier.")
    held = latest_comment()
    post_comment(client, release, email="neu@example.org", comment="Zum ersten Mal.")
    newcomer = latest_comment()

    client.force_login(moderator)
    desk = queue(client)

    assert card_ids(desk) == [held.pk, newcomer.pk]
    assert "Lauter Idioten hier." in desk
    assert "Schon öffentlich." not in desk
    assert "Gesperrter Begriff: Idiot" in desk
    assert "Vorabprüfung für Kommentare ohne Konto" in desk
    assert "Erster Kommentar dieser Person" in desk
    assert "1 freigegeben" in desk
    assert "1 abgelehnt" in desk
    assert "keine weiteren Kommentare" in desk
    assert release.title in desk


def test_approving_publishes_the_comment_and_logs_the_decision(
    client, release, moderator_client, moderator
):
    comment = make_comment(release, "Bitte freigeben.", status=Status.PENDING)
    assert "Bitte freigeben." not in html(client, release.url)

    decide(moderator_client, comment, "freigeben")

    assert comment.status == Status.APPROVED
    assert "Bitte freigeben." in section(html(client, release.url))
    assert comment.pk not in card_ids(queue(moderator_client))
    assert comment.pk in card_ids(queue(moderator_client, "approved"))
    log = html(moderator_client, f"{DESK}protokoll/")
    assert "Freigegeben" in log
    assert moderator.get_username() in log
    assert f"#{comment.pk} {comment.user_name}" in log


def test_rejecting_with_a_reason_sends_the_statement_of_reasons(
    client, release, moderator_client, reason, django_capture_on_commit_callbacks
):
    comment = make_comment(
        release, "Frau M. ist unfähig und gehört entlassen.", user_email="wut@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, comment, "ablehnen", reason=reason.pk, send_statement="1")

    assert comment.status == Status.REJECTED
    assert "Frau M." not in html(client, release.url)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wut@example.org"]
    assert reason.statement in message.body
    assert "Frau M. ist unfähig und gehört entlassen." in message.body
    assert release.title in message.body
    log = html(moderator_client, f"{DESK}protokoll/")
    assert "Abgelehnt" in log
    assert reason.title in log
    assert "Begründung verschickt" in log


def test_rejecting_without_a_reason_changes_nothing(client, release, moderator_client):
    comment = make_comment(release, "Bleibt stehen.")

    decide(moderator_client, comment, "ablehnen")

    assert comment.status == Status.APPROVED
    assert "Bleibt stehen." in html(client, release.url)


def test_rejecting_keeps_the_replies_visible_under_a_placeholder(
    client, release, moderator_client, reason
):
    parent = make_comment(release, "Hetze, die entfernt wird.")
    reply = make_comment(release, "Widerspruch, der bleibt.", parent=parent)

    decide(moderator_client, parent, "ablehnen", reason=reason.pk)

    page = html(client, release.url)
    assert REMOVED in page
    assert "Hetze, die entfernt wird." not in page
    assert "Widerspruch, der bleibt." in page
    assert comment_tree(page)[reply.pk] == [parent.pk]


def test_rejecting_the_branch_removes_the_replies_too(client, release, moderator_client, reason):
    keep = make_comment(release, "Ein anderer Strang.")
    parent = make_comment(release, "Hetze mit Gefolge.")
    make_comment(release, "Zustimmung zur Hetze.", parent=parent)

    decide(moderator_client, parent, "ablehnen", reason=reason.pk, branch="1")

    page = html(client, release.url)
    assert comment_ids(page) == [keep.pk]
    assert REMOVED not in page
    assert "Zustimmung zur Hetze." not in page


def test_marking_spam(client, release, moderator_client):
    comment = make_comment(release, "Günstige Kredite!", status=Status.PENDING)

    decide(moderator_client, comment, "spam")

    assert comment.status == Status.SPAM
    assert comment.pk in card_ids(queue(moderator_client, "spam"))
    assert comment.pk not in card_ids(queue(moderator_client))
    assert "Günstige Kredite!" not in html(client, release.url)


def test_an_unsure_comment_carries_an_internal_note_never_shown_to_readers(
    client, release, moderator_client
):
    parent = make_comment(release, "Ironie oder Ernst?")
    make_comment(release, "Eine Antwort darauf.", parent=parent)
    note = "Zweite Meinung bitte: Satire oder Hetze?"

    decide(moderator_client, parent, "unsicher", note=note)

    assert parent.status == Status.UNSURE
    desk = queue(moderator_client, "unsure")
    assert parent.pk in card_ids(desk)
    assert note in desk
    page = html(client, release.url)
    assert note not in page
    assert IN_REVIEW in page
    assert "Ironie oder Ernst?" not in page


def test_an_edited_comment_is_marked_and_the_log_keeps_the_old_text(
    client, release, moderator_client
):
    comment = make_comment(release, "Ruft an unter 0170 1234567, Frau M. wohnt in der Hauptstraße.")
    new_text = "[Telefonnummer und Adresse von der Moderation entfernt]"

    response = moderator_client.post(
        f"{DESK}{comment.pk}/bearbeiten/", {"text": new_text, "note": "Private Daten"}
    )

    assert response.status_code == 302
    page = section(html(client, release.url))
    assert new_text in page
    assert EDITED in page
    assert "0170" not in page
    detail = html(moderator_client, f"{DESK}{comment.pk}/")
    assert "0170 1234567" in detail
    assert "0170 1234567" in html(moderator_client, f"{DESK}protokoll/")


def test_a_reply_as_the_association_appears_on_the_page(client, release, moderator_client):
    question = make_comment(release, "Wo kann ich mich beraten lassen?")
    answer = "Montags bis donnerstags in unserer Geschäftsstelle in Halle."

    response = moderator_client.post(f"{DESK}{question.pk}/antworten/", {"text": answer})

    assert response.status_code == 302
    reply = latest_comment()
    assert reply.is_official
    page = section(html(client, release.url))
    assert answer in page
    assert OFFICIAL in page
    assert comment_tree(page)[reply.pk] == [question.pk]


def test_bulk_approval_of_selected_comments(client, release, moderator_client):
    waiting = [make_comment(release, f"Wartet {n}.", status=Status.PENDING) for n in range(3)]

    response = moderator_client.post(
        f"{DESK}sammelaktion/",
        {"ids": [waiting[0].pk, waiting[2].pk], "action": "approve", "next": DESK},
    )

    assert response.status_code == 302
    page = html(client, release.url)
    assert "Wartet 0." in page
    assert "Wartet 2." in page
    assert "Wartet 1." not in page
    assert card_ids(queue(moderator_client)) == [waiting[1].pk]


def test_bulk_rejection_needs_a_reason(release, moderator_client):
    comment = make_comment(release, "Ohne Grund abgelehnt?", status=Status.PENDING)

    moderator_client.post(f"{DESK}sammelaktion/", {"ids": [comment.pk], "action": "reject"})

    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_a_report_lands_in_the_reported_queue_until_a_decision(
    client, release, moderator_client, reason, django_capture_on_commit_callbacks
):
    comment = make_comment(release, "Alle Ausländer sind kriminell.")
    report_url = f"/kommentare/{comment.pk}/melden/"
    assert client.get(report_url).status_code == 200

    response = client.post(
        report_url,
        {
            "reason": "hate",
            "explanation": "Pauschale Herabwürdigung einer Gruppe.",
            "reporter_name": "Aufmerksame Leserin",
            "reporter_email": "leserin@example.org",
            "good_faith": "on",
        },
    )

    assert response.status_code == 200
    assert "Danke für Ihre Meldung" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["leserin@example.org"]]
    desk = queue(moderator_client, "reported")
    assert card_ids(desk) == [comment.pk]
    assert "Hetze oder Diskriminierung" in desk
    assert "Pauschale Herabwürdigung einer Gruppe." in desk

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, comment, "ablehnen", reason=reason.pk)

    assert card_ids(queue(moderator_client, "reported")) == []
    assert CommentReport.objects.get().resolved_at is not None
    assert "Alle Ausländer" not in html(client, release.url)
    # The reporter learns the outcome (DSA Art. 16(5)).
    decision = next(m for m in mail.outbox if m.to == ["leserin@example.org"])
    assert "nicht (mehr) öffentlich sichtbar" in decision.body


def test_confirming_a_reported_comment_resolves_the_report(client, release, moderator_client):
    comment = make_comment(release, "Deutliche, aber zulässige Kritik.")
    client.post(f"/kommentare/{comment.pk}/melden/", {"reason": "insult", "good_faith": "on"})
    assert card_ids(queue(moderator_client, "reported")) == [comment.pk]

    decide(moderator_client, comment, "freigeben")

    assert card_ids(queue(moderator_client, "reported")) == []
    assert "Deutliche, aber zulässige Kritik." in html(client, release.url)


@pytest.mark.parametrize(
    "data, error",
    [
        ({"reason": "insult"}, "good_faith"),
        ({"reason": "illegal", "good_faith": "on"}, "explanation"),
        ({"good_faith": "on"}, "reason"),
    ],
)
def test_an_incomplete_report_is_refused(client, release, data, error):
    comment = make_comment(release, "Gemeldet.")

    response = client.post(f"/kommentare/{comment.pk}/melden/", data)

    assert response.status_code == 400
    assert f'id="id_{error}_error"' in response.content.decode()
    assert not comment.reports.exists()


def test_the_moderation_group_cannot_edit_pages(release, moderator_client):
    response = moderator_client.get(f"/admin/pages/{release.pk}/edit/")

    assert response.status_code != 200
    assert html(moderator_client, DESK)


@pytest.mark.parametrize("role", [roles.EDITORS, roles.PRESS_OFFICE, roles.TRANSLATORS])
def test_other_admin_roles_get_no_desk(client, release, make_user, role):
    comment = make_comment(release, "Nur für die Moderation.", status=Status.PENDING)
    client.force_login(make_user(role))

    for url in (DESK, f"{DESK}{comment.pk}/", f"{DESK}protokoll/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Nur für die Moderation." not in response.content.decode()
    assert client.post(f"{DESK}{comment.pk}/freigeben/").status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(DESK)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_dashboard_shows_the_queue_sizes(release, moderator_client):
    for n in range(3):
        make_comment(release, f"Wartet {n}.", status=Status.PENDING)
    make_comment(release, "Unsicher.", status=Status.UNSURE)

    dashboard = html(moderator_client, "/admin/")

    assert "Leserkommentare" in dashboard
    assert "4 Kommentare warten auf eine Entscheidung." in dashboard
    assert re.search(r"Wartend</a></td>\s*<td><strong>3</strong>", dashboard)


def test_the_digest_goes_to_moderators_only_when_comments_wait(release, make_user, moderator):
    make_user(roles.PRESS_OFFICE)
    call_command("send_moderation_digest")
    assert mail.outbox == []

    make_comment(release, "Wartet.", status=Status.PENDING)
    make_comment(release, "Wartet auch.", status=Status.PENDING)
    call_command("send_moderation_digest")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [moderator.email]
    assert "2" in message.subject
    assert "/admin/kommentare/" in message.body
    assert PublicComment.objects.waiting().count() == 2


def test_a_card_shows_the_thread_around_the_comment(release, moderator_client):
    parent = make_comment(release, "Der Ausgangsbeitrag, auf den geantwortet wird.")
    make_comment(release, "Eine schon sichtbare Antwort.", parent=parent)
    waiting = make_comment(release, "Die wartende Antwort.", parent=parent, status=Status.PENDING)
    make_comment(release, "Eine Antwort auf die wartende.", parent=waiting)

    desk = queue(moderator_client)

    assert card_ids(desk) == [waiting.pk]
    assert "Antwort auf" in desk
    assert "Der Ausgangsbeitrag, auf den geantwortet wird." in desk
    assert "1 sichtbare Antwort" in desk
    assert "Eine Antwort auf die wartende." in desk


def test_lifting_a_raid_lock_ends_the_premoderation_of_the_release(
    client, release, open_rules, moderator_client
):
    lock = RaidLock.objects.create(page=release, new_writers=9)
    post_comment(client, release, comment="Während des Ansturms.", remote_addr="192.0.2.1")
    assert latest_comment().status == Status.PENDING
    assert release.title in queue(moderator_client)

    response = moderator_client.post(f"{DESK}ansturm/{lock.pk}/aufheben/")

    assert response.status_code == 302
    post_comment(client, release, comment="Nach dem Ansturm.", remote_addr="192.0.2.2")
    assert latest_comment().status == Status.APPROVED
    assert "Nach dem Ansturm." in html(client, release.url)
    assert "Vorabprüfung nach Ansturm aufgehoben" in html(moderator_client, f"{DESK}protokoll/")
