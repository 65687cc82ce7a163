"""Rate limits over HTTP, with the reader's address as the proxy reports it.

Behind nginx (CLIENT_IP_HEADER=X-Forwarded-For, one trusted proxy), the address
is the one nginx appended; what a client writes into the header itself does
not buy it a fresh counter, and a missing or malformed header never turns a
request into a server error. ``make test-redis`` runs these against a real
Redis (marker shared_cache); ``make test`` against the local-memory cache.
"""

import pytest
from django.test import override_settings

from comments.models import PublicComment, Status
from tests.comments.helpers import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.shared_cache]

BEHIND_NGINX = {"CLIENT_IP_HEADER": "X-Forwarded-For", "TRUSTED_PROXIES": 1}


def post(client, page, forwarded_for, n):
    extra = {"REMOTE_ADDR": "127.0.0.1"}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    response = client.post(
        "/kommentare/senden/",
        form_data(page, email=f"leserin{n}@example.org", comment=f"Meinung Nummer {n}."),
        **extra,
    )
    assert response.status_code == 302
    return PublicComment.objects.get(comment=f"Meinung Nummer {n}.")


def rate_limited(comment) -> bool:
    return any(reason["code"] == "rate_limit" for reason in comment.hold_reasons)


@override_settings(**BEHIND_NGINX)
def test_a_forged_forwarded_for_does_not_escape_the_comment_limit(client, release, open_rules):
    open_rules.rate_limit_count = 2
    open_rules.save()

    # The client writes a different address before its own each time.
    posted = [post(client, release, f"10.9.8.{n}, 203.0.113.7", n) for n in range(4)]

    assert [rate_limited(c) for c in posted] == [False, False, True, True]
    assert posted[0].status == Status.APPROVED
    # The address kept for the moderators (deleted after ip_retention_days) is the reader's.
    assert {c.ip_address for c in posted} == {"203.0.113.7"}
    # Another reader behind the same proxy has a counter of their own.
    assert not rate_limited(post(client, release, "203.0.113.8", 9))


@override_settings(**BEHIND_NGINX)
@pytest.mark.parametrize("header", [None, "", "unknown", "203.0.113.7, , garbage", "::::"])
def test_a_missing_or_malformed_forwarded_for_is_counted_not_an_error(
    client, release, open_rules, header
):
    comment = post(client, release, header, 1)

    assert comment.status == Status.APPROVED
    assert not rate_limited(comment)


@override_settings(RATE_LIMITS={"search": "3/m", "search:suggestions": "3/m"}, **BEHIND_NGINX)
def test_search_and_suggestions_answer_429_past_their_limit(client, site_tree):
    for _ in range(3):
        assert client.get("/suche/", {"q": "Teilhabe"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    limited = client.get("/suche/", {"q": "Teilhabe"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert limited.status_code == 429
    assert "Teilhabe" in limited.content.decode()  # the query is kept in the box
    other = client.get("/suche/", {"q": "Teilhabe"}, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 200

    for _ in range(3):
        client.get("/suche/vorschlaege/", {"q": "Te"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    suggestions = client.get("/suche/vorschlaege/", {"q": "Te"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert suggestions.status_code == 429
    assert suggestions.json() == {"results": []}
