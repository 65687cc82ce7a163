"""Posting a comment as a reader: held or published, replies, nesting, double submits."""

import pytest

from comments.models import PublicComment, Status
from home.factories import ArticlePageFactory
from tests.comments.helpers import (
    comment_ids,
    comment_tree,
    latest_comment,
    make_chain,
    make_comment,
    post_comment,
    section,
)
from tests.helpers import html

pytestmark = pytest.mark.django_db


def hold_codes(comment):
    return {reason["code"] for reason in comment.hold_reasons}


def test_anonymous_comment_is_held_and_the_writer_told_so(client, release):
    text = "Wann kommt die Beratung auch nach Dessau-Roßlau?"
    response = post_comment(client, release, comment=text)

    assert response.status_code == 302
    assert response["Location"].startswith("/kommentare/gesendet/")
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    body = sent.content.decode()
    assert "geprüft" in body
    assert text in body

    comment = PublicComment.objects.get()
    assert comment.status == Status.PENDING
    assert "premoderation" in hold_codes(comment)
    page = html(client, release.url)
    assert text not in page
    assert comment.anchor not in page


def test_without_premoderation_a_comment_appears_at_once(client, release, open_rules):
    text = "Gute Nachricht für die Vereine in Magdeburg."
    response = post_comment(client, release, comment=text)

    comment = PublicComment.objects.get()
    assert comment.status == Status.APPROVED
    assert response["Location"] == f"/kommentare/{comment.pk}/"
    landing = client.get(response["Location"])
    assert landing.status_code == 302
    assert landing["Location"] == f"{release.url}#kommentar-{comment.pk}"
    page = html(client, release.url)
    assert text in section(page)
    assert comment.pk in comment_ids(page)


def test_a_writer_with_an_approved_comment_is_not_held_as_first_time(
    client, release, other_release, set_rules
):
    set_rules(premoderate_anonymous=False, hold_first_time=True)
    make_comment(other_release, "Mein erster Beitrag.", user_email="stamm@example.org")

    post_comment(client, release, email="Stamm@example.org", comment="Wieder dabei.")
    known = latest_comment()
    post_comment(client, release, email="neu@example.org", comment="Zum ersten Mal hier.")
    newcomer = latest_comment()

    assert known.status == Status.APPROVED, known.hold_reasons
    assert "first_time" in hold_codes(newcomer)
    assert newcomer.status == Status.PENDING
    page = html(client, release.url)
    assert "Wieder dabei." in page
    assert "Zum ersten Mal hier." not in page


def test_a_reply_to_a_reply_to_a_reply_renders_four_levels_deep(client, release, open_rules):
    posted = []
    for level in range(4):
        reply_to = posted[-1].pk if posted else 0
        response = post_comment(
            client,
            release,
            name=f"Person {level}",
            email=f"person{level}@example.org",
            comment=f"Beitrag auf Ebene {level}.",
            reply_to=reply_to,
        )
        assert response.status_code == 302
        posted.append(latest_comment())

    assert [c.level for c in posted] == [0, 1, 2, 3]
    assert all(c.status == Status.APPROVED for c in posted)
    tree = comment_tree(html(client, release.url))
    root, first, second, third = (c.pk for c in posted)
    assert tree[root] == []
    assert tree[first] == [root]
    assert tree[second] == [root, first]
    assert tree[third] == [root, first, second]


def test_a_reply_to_the_deepest_level_joins_its_parents_conversation(client, release, open_rules):
    root, first, second, third = make_chain(release)

    response = post_comment(client, release, comment="Ich antworte ganz unten.", reply_to=third.pk)

    assert response.status_code == 302
    reply = latest_comment()
    assert reply.level == 3
    assert reply.parent_id == second.pk
    tree = comment_tree(html(client, release.url))
    assert tree[reply.pk] == [root.pk, first.pk, second.pk]


@pytest.mark.parametrize("case", ["pending", "rejected", "other page"])
def test_a_reply_to_a_comment_that_cannot_be_answered_is_refused(
    client, release, other_release, open_rules, case
):
    if case == "other page":
        parent = make_comment(other_release, "Auf einer anderen Seite.")
    else:
        parent = make_comment(release, "Noch nicht oder nicht mehr öffentlich.", status=case)
    text = "Meine Antwort, die nicht verloren gehen darf."

    response = post_comment(client, release, comment=text, reply_to=parent.pk)

    assert response.status_code == 400
    body = response.content.decode()
    assert "Auf diesen Kommentar kann nicht geantwortet werden." in body
    assert text in body
    assert not PublicComment.objects.filter(comment=text).exists()


def test_a_double_submit_stores_one_comment(client, release):
    first = post_comment(client, release, comment="Doppelt geklickt.")
    second = post_comment(client, release, comment="Doppelt geklickt.")

    assert first.status_code == second.status_code == 302
    assert PublicComment.objects.filter(comment="Doppelt geklickt.").count() == 1
    assert client.get(second["Location"]).status_code == 200


def test_articles_take_comments_too(client, site_tree, open_rules):
    article = ArticlePageFactory(parent=site_tree.articles, title="Mehrsprachigkeit als Stärke")

    response = post_comment(client, article, comment="Ein Kommentar zum Artikel.")

    assert response.status_code == 302
    assert "Ein Kommentar zum Artikel." in section(html(client, article.url))


def test_pages_without_comments_do_not_take_any(client, site_tree):
    data_page = site_tree.impressum

    response = post_comment(client, data_page, comment="Auf dem Impressum?")

    assert response.status_code == 400
    assert "Auf dem Impressum?" in response.content.decode()
    assert not PublicComment.objects.exists()
