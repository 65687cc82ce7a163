"""A release with many comments and a long desk queue cost a fixed number of queries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import CommentReport, Status
from tests.comments.helpers import REMOVED, comment_ids, make_comment
from tests.helpers import count_queries, get_ok

pytestmark = pytest.mark.django_db

RELEASE_MAX_QUERIES = 35
DESK_MAX_QUERIES = 35


def add_thread_groups(page, groups: int, moderator):
    """``groups`` times six comments: a thread four levels deep with a removed comment in it,
    an official reply, an edited comment and a comment still waiting (not shown)."""
    for n in range(groups):
        root = make_comment(page, f"Strang {n}: Ausgangsbeitrag.")
        removed = make_comment(page, f"Strang {n}: entfernt.", parent=root, status=Status.REJECTED)
        second = make_comment(page, f"Strang {n}: Ebene 2.", parent=removed)
        make_comment(
            page,
            f"Strang {n}: Ebene 3, bearbeitet.",
            parent=second,
            edited_at=timezone.now(),
            edited_by=moderator,
        )
        make_comment(
            page,
            f"Strang {n}: Antwort des Vereins.",
            parent=root,
            is_official=True,
            user=moderator,
            user_email="",
        )
        make_comment(page, f"Strang {n}: wartet.", status=Status.PENDING)


def test_a_release_with_sixty_comments_costs_what_one_with_six_costs(
    client, release_factory, moderator
):
    small = release_factory()
    large = release_factory()
    add_thread_groups(small, 1, moderator)
    add_thread_groups(large, 10, moderator)

    small_count = count_queries(client, small.url)
    large_count = count_queries(client, large.url)
    page = get_ok(client, large.url).content.decode()

    assert len(comment_ids(page)) == 50  # 40 public, 10 placeholders, 10 waiting not shown
    assert page.count(REMOVED) == 10
    print(f"release page queries: 6 comments {small_count}, 60 comments {large_count}")
    assert small_count == large_count
    assert large_count <= RELEASE_MAX_QUERIES


def add_waiting(pages, number, moderator, start=0):
    """``number`` comments in the pending queue: replies, repeat writers, reports, edits."""
    parents = [make_comment(page, "Freigegebener Ausgangsbeitrag.") for page in pages]
    for n in range(start, start + number):
        page = pages[n % len(pages)]
        comment = make_comment(
            page,
            f"Wartender Kommentar {n}.",
            parent=parents[n % len(pages)] if n % 3 == 0 else None,
            status=Status.PENDING,
            user_email=f"wiederholt{n % 7}@example.org",
            hold_reasons=[{"code": "premoderation", "detail": ""}],
            edited_at=timezone.now() if n % 10 == 0 else None,
            edited_by=moderator if n % 10 == 0 else None,
        )
        if n % 5 == 0:
            CommentReport.objects.create(comment=comment, reason="insult", good_faith=True)


def desk_queries(client, url) -> int:
    get_ok(client, url)
    cache.clear()
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)


def test_the_pending_queue_with_200_comments_costs_what_one_with_10_costs(
    release_factory, moderator_client, moderator
):
    pages = [release_factory(), release_factory(), release_factory()]
    url = "/admin/kommentare/?queue=pending"
    add_waiting(pages, 10, moderator)
    with_10 = desk_queries(moderator_client, url)
    add_waiting(pages, 190, moderator, start=10)
    with_200 = desk_queries(moderator_client, url)

    print(f"desk queue queries: 10 waiting {with_10}, 200 waiting {with_200}")
    assert with_10 == with_200
    assert with_200 <= DESK_MAX_QUERIES


def test_the_reported_queue_costs_the_same_for_few_and_many(
    release_factory, moderator_client, moderator
):
    pages = [release_factory(), release_factory()]
    url = "/admin/kommentare/?queue=reported"
    add_waiting(pages, 10, moderator)
    few = desk_queries(moderator_client, url)
    add_waiting(pages, 60, moderator, start=10)
    many = desk_queries(moderator_client, url)

    print(f"reported queue queries: {few} and {many}")
    assert few == many
    assert many <= DESK_MAX_QUERIES
