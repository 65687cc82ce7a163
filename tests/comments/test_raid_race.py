"""Raid detection under concurrent posts: one lock per page, one alert (real threads).

A burst of first-time writers is exactly when many posts arrive at once. Each
request checks "is there an open raid lock?" and, if not, opens one; without a
database constraint, requests that overlap each open their own lock and the
moderators get one alert per lock. Runs on PostgreSQL (``make test-postgres``),
where requests really run in parallel; SQLite serialises writers anyway.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client

from comments.models import CommentRules, PublicComment, RaidLock
from home import roles
from press.factories import PressReleasePageFactory
from tests.comments.helpers import form_data, make_comment
from tests.i18n.test_browser import site_tree_after_flush

WRITERS = 8


@pytest.fixture
def burst_setup(transactional_db, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL, where requests run in parallel: make test-postgres")
    tree = site_tree_after_flush()
    release = PressReleasePageFactory(parent=tree.press, title="Stellungnahme unter Beschuss")
    rules = CommentRules.for_site(tree.home.get_site())
    rules.premoderate_anonymous = False
    rules.hold_first_time = False
    rules.raid_new_writers = 3
    rules.raid_window_minutes = 10
    rules.save()
    moderator = django_user_model.objects.create_user("wache", "wache@example.org", "x")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    # Two new writers already: every further new writer tips the page into a raid.
    for number in (1, 2):
        make_comment(release, f"Früher Beitrag {number}.", user_email=f"frueh{number}@example.org")
    return release


def test_concurrent_new_writers_open_one_raid_lock_and_send_one_alert(burst_setup):
    release = burst_setup
    forms = [
        form_data(release, email=f"neu{n}@example.org", comment=f"Beitrag Nummer {n}!")
        for n in range(WRITERS)
    ]
    barrier = threading.Barrier(WRITERS)
    statuses, errors = [], []

    def writer(number):
        try:
            barrier.wait(timeout=30)
            response = Client().post(
                "/kommentare/senden/", forms[number], REMOTE_ADDR=f"198.51.100.{number + 1}"
            )
            statuses.append(response.status_code)
        except Exception as error:  # reported below with the thread's number
            errors.append(f"{number}: {error!r}")
        finally:
            connection.close()

    mail.outbox.clear()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert statuses == [302] * WRITERS
    assert RaidLock.objects.filter(page_id=release.pk, lifted_at__isnull=True).count() == 1
    alerts = [message for message in mail.outbox if release.title in message.subject + message.body]
    assert len(alerts) == 1, [message.subject for message in mail.outbox]
    # Nothing is lost: every comment of the burst is stored.
    burst = PublicComment.objects.filter(user_email__startswith="neu")
    assert burst.count() == WRITERS
