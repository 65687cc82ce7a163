"""The rules that hold a comment: each held comment says which rule fired (the desk shows it)."""

import re

import pytest
from django.core import mail

from comments.models import PublicComment, RaidLock, Status
from home import roles
from tests.comments.helpers import (
    days_ago,
    latest_comment,
    make_comment,
    post_comment,
    section,
)
from tests.helpers import html

pytestmark = pytest.mark.django_db

BLOCKED = "Idiot\nGroßmaul\nSchmarotzer\n=Zecke"


def codes(comment):
    return [reason["code"] for reason in comment.hold_reasons]


def post_and_get(client, page, **fields):
    response = post_comment(client, page, **fields)
    assert response.status_code == 302, response.content.decode()[:500]
    return latest_comment()


@pytest.mark.parametrize(
    "text",
    [
        "Ihr seid doch alle Idioten.",  # inflected
        "So ein Oberidiot, wirklich.",  # compound
        "Was für ein GROSSMAUL.",  # ß folded to ss
        "Das sind Sozialschmarotzer.",  # compound of a second term
        "Du 1d10t!",  # digits for letters
        "I.d.i.o.t, sonst nichts.",  # spaced letters
        "Diese Zecken.",  # a whole-word term, inflected
        "Du Zecke!",  # a whole-word term before an exclamation mark
    ],
)
def test_blocked_terms_hold_a_comment_in_any_spelling(client, release, open_rules, text):
    open_rules.blocked_terms = BLOCKED
    open_rules.save()

    comment = post_and_get(client, release, comment=text)

    assert comment.status == Status.PENDING
    assert "blocked_term" in codes(comment)
    assert text not in html(client, release.url)


@pytest.mark.parametrize(
    "text",
    [
        "Ein idiomatischer Ausdruck, kein Schimpfwort.",
        "Der Zeckenbiss war harmlos.",  # "=Zecke" matches only the whole word
        "Großartige Arbeit des Netzwerks!",
    ],
)
def test_ordinary_words_pass_the_blocked_term_list(client, release, open_rules, text):
    open_rules.blocked_terms = BLOCKED
    open_rules.save()

    comment = post_and_get(client, release, comment=text)

    assert codes(comment) == []
    assert comment.status == Status.APPROVED
    assert text in section(html(client, release.url))


def test_umlauts_in_the_text_match_a_term_written_with_ae(client, release, open_rules):
    open_rules.blocked_terms = "Volksschaedling"
    open_rules.save()

    comment = post_and_get(client, release, comment="Solche Volksschädlinge gehören weg.")

    assert "blocked_term" in codes(comment)
    assert comment.hold_reasons[0]["detail"] == "Volksschaedling"


def test_a_suspect_term_holds_the_comment_for_review(client, release, open_rules):
    open_rules.suspect_terms = "Remigration"
    open_rules.save()

    comment = post_and_get(client, release, comment="Die Lösung heißt Remigration.")

    assert codes(comment) == ["suspect_term"]
    assert comment.status == Status.PENDING


def test_more_links_than_allowed_hold_the_comment(client, release, open_rules):
    two = "Quellen: https://example.org/a und https://example.org/b"
    three = two + " und www.example.net/c"

    within = post_and_get(client, release, comment=two, email="a@example.org")
    over = post_and_get(client, release, comment=three, email="b@example.org")

    assert within.status == Status.APPROVED
    assert codes(over) == ["links"]
    assert over.status == Status.PENDING


def test_the_same_text_by_another_writer_is_held_as_duplicate(client, release, open_rules):
    text = "Kopiert aus dem Kampagnenaufruf: Stoppt das Projekt!"
    first = post_and_get(client, release, comment=text, email="eins@example.org")
    second = post_and_get(client, release, comment=text, email="zwei@example.org", name="Zwei")

    assert first.status == Status.APPROVED
    assert second.pk != first.pk
    assert codes(second) == ["duplicate"]


def test_the_rate_limit_per_ip_address(client, release, open_rules):
    open_rules.rate_limit_count = 2
    open_rules.save()

    posted = [
        post_and_get(
            client,
            release,
            remote_addr="198.51.100.7",
            email=f"person{n}@example.org",
            comment=f"Beitrag Nummer {n}.",
        )
        for n in range(3)
    ]

    assert [codes(c) for c in posted] == [[], [], ["rate_limit"]]
    other_ip = post_and_get(
        client, release, remote_addr="198.51.100.8", email="x@example.org", comment="Anderswo."
    )
    assert other_ip.status == Status.APPROVED


def test_the_rate_limit_per_email_address(client, release, open_rules):
    open_rules.rate_limit_count = 2
    open_rules.save()

    posted = [
        post_and_get(
            client,
            release,
            remote_addr=f"203.0.113.{n}",
            email="vielschreiber@example.org" if n % 2 else "VielSchreiber@example.org",
            comment=f"Schon wieder ich, Nummer {n}.",
        )
        for n in range(3)
    ]

    assert [codes(c) for c in posted] == [[], [], ["rate_limit"]]


def test_a_filled_honeypot_stores_the_comment_as_spam(client, release, open_rules):
    text = "Billige Uhren hier!"
    response = post_comment(client, release, comment=text, honeypot="https://spam.example")

    assert response.status_code == 302
    comment = PublicComment.objects.get(comment=text)
    assert comment.status == Status.SPAM
    assert codes(comment) == ["honeypot"]
    assert "geprüft" in client.get(response["Location"]).content.decode()
    assert text not in html(client, release.url)


def test_a_burst_of_new_writers_switches_the_release_to_premoderation(
    client, release, other_release, set_rules, make_user
):
    set_rules(premoderate_anonymous=False, hold_first_time=False, raid_new_writers=3)
    moderator = make_user(roles.MODERATORS, username="wache")
    make_user(roles.PRESS_OFFICE, username="presse")
    make_comment(
        other_release, "Alter Beitrag.", user_email="stamm@example.org", submit_date=days_ago(30)
    )

    first, second = (
        post_and_get(
            client,
            release,
            email=f"neu{n}@example.org",
            comment=f"Beitrag {n}!",
            remote_addr=f"198.51.100.{n}",
        )
        for n in (1, 2)
    )
    assert not RaidLock.objects.exists()
    assert mail.outbox == []
    third = post_and_get(
        client, release, email="neu3@example.org", comment="Dritter!", remote_addr="198.51.100.3"
    )

    assert [first.status, second.status] == [Status.APPROVED, Status.APPROVED]
    assert "raid" in codes(third)
    assert RaidLock.objects.filter(page_id=release.pk, lifted_at__isnull=True).count() == 1
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert release.title in mail.outbox[0].subject + mail.outbox[0].body

    known = post_and_get(client, release, email="stamm@example.org", comment="Ich bin bekannt.")
    assert codes(known) == ["raid"]
    assert known.status == Status.PENDING
    elsewhere = post_and_get(
        client, other_release, email="stamm@example.org", comment="Auf der anderen Seite."
    )
    assert elsewhere.status == Status.APPROVED


def confirmation_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/kommentare/bestaetigen/[^\s]+/)", message.body)
    assert match, f"no confirmation link in:\n{message.body}"
    return match.group(1)


def test_email_confirmation_publishes_a_comment_only_after_the_link(client, release, open_rules):
    open_rules.require_email_confirmation = True
    open_rules.save()
    text = "Bitte bestätigen Sie mich."

    comment = post_and_get(client, release, comment=text, email="echt@example.org")

    assert codes(comment) == ["unconfirmed"]
    assert text not in html(client, release.url)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["echt@example.org"]
    response = client.get(confirmation_path(mail.outbox[0]))
    assert response.status_code == 200
    assert text in section(html(client, release.url))


def test_confirming_does_not_publish_what_another_rule_holds(client, release, set_rules):
    set_rules(require_email_confirmation=True, premoderate_anonymous=True)
    text = "Bestätigt, aber noch nicht geprüft."

    comment = post_and_get(client, release, comment=text)
    assert set(codes(comment)) >= {"unconfirmed", "premoderation"}
    assert client.get(confirmation_path(mail.outbox[0])).status_code == 200

    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert "unconfirmed" not in codes(comment)
    assert "premoderation" in codes(comment)
    assert text not in html(client, release.url)
