"""Property-based fuzzing: no request to a public address answers 5xx or raises.

Hypothesis draws requests over every public URL pattern of config.urls (the
i18n patterns under every language's prefix), the routes of the routable pages
and every live page's address. Path parameters come from the edges (0,
negative, beyond 32 and 64 bits, other scripts' digits, unicode, dot segments,
broken percent-encoding), query parameters are those the views read, forms are
the ones readers send (comment, report, login, search) with each field bent,
and bodies come malformed (multipart without boundary, foreign charsets,
invalid UTF-8, thousands of fields), under GET, HEAD, OPTIONS, POST, PUT,
PATCH and DELETE, anonymous or signed in.

Each example is a sweep (every address, every comment field, every form,
every content type once), so every pattern is probed however Hypothesis draws.
Bounded: derandomised (the same examples on every run), no example database,
``max_examples`` chosen for about 40 s of requests on SQLite (under 90 s with
the test database's set-up). It runs on PostgreSQL with the rest of the suite
(``make test-postgres``).
"""

import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from hypothesis import HealthCheck, Phase, given, note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from comments import moderation
from comments.models import Status
from comments.views import SENT_SALT
from home import factories as home_factories
from tests.comments.helpers import form_data, make_comment
from tests.security.fuzzing import (
    BODY_CONTENT_TYPES,
    CONTENT_TYPES,
    FIELD_VALUES,
    HEADERS,
    METHODS,
    OUT_OF_RANGE,
    REMOTE_ADDRS,
    REPORT_REASONS,
    SEARCH_WORDS,
    USERS,
    malformed_body,
    page_templates,
    public_templates,
    query_string,
    request_path,
    values,
)
from tests.translation_helpers import translate_tree

pytestmark = pytest.mark.django_db


def bounded(max_examples: int):
    """Deterministic and bounded. No shrinking: each example is a sweep of many
    requests, and the failing request is named as found (assertion and note)."""
    return hypothesis_settings(
        max_examples=max_examples,
        phases=[Phase.explicit, Phase.generate],
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=False,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# -- The site under test -------------------------------------------------------------


class FuzzSite(SimpleNamespace):
    def __repr__(self):
        # Hypothesis prints the arguments of a failing example; the addresses are many.
        return "<the fuzzed site>"


@pytest.fixture
def fuzz_site(site_tree, release_factory, minutes, member, press_officer):
    """Every kind of page, an English tree, comments and tokens, and the addresses."""
    translate_tree(site_tree, "en", sections=("press", "events"))
    release = release_factory(title="Mitteilung zum Fuzzing", date=datetime.date(2024, 3, 1))
    draft = release_factory(title="Entwurf", live=False)
    article = home_factories.ArticlePageFactory(parent=site_tree.articles)
    event = home_factories.EventPageFactory(parent=site_tree.events)
    home_factories.ProjectPageFactory(parent=site_tree.projects)
    home_factories.MemberOrganisationPageFactory(parent=site_tree.members)
    topic = home_factories.TopicFactory()
    release.topics.add(topic)
    parent = make_comment(release, "Ein freigegebener Kommentar.", followup=True)
    reply = make_comment(release, "Eine Antwort.", parent=parent)
    pending = make_comment(article, "Wartet noch.", status=Status.PENDING)
    mute_key = signed.dumps(parent, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    pages = (site_tree.root, site_tree.home, site_tree.press, release, draft, article, event,
             site_tree.intern, minutes)  # fmt: skip
    known = [
        *(str(page.pk) for page in pages),
        *(str(comment.pk) for comment in (parent, reply, pending)),
        "2024", topic.slug, minutes.slug,
        signing.dumps(pending.pk, salt=SENT_SALT),
        signing.dumps(pending.pk, salt=moderation.CONFIRM_SALT),
        mute_key.decode(),
    ]  # fmt: skip
    return FuzzSite(
        templates=public_templates() + page_templates(),
        known=known,
        release=release,
        article=article,
        comment=parent,
        comment_ids=[str(comment.pk) for comment in (parent, reply, pending)],
        users={"anonymous": None, "member": member, "press officer": press_officer},
    )


def send(site, user, method, path, body=b"", content_type=None, csrf=True, **extra):
    """One request as a browser would send it; fails the test on a 5xx."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if site.users[user] is not None:
        client.force_login(site.users[user])
    token = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    if csrf:
        extra["HTTP_X_CSRFTOKEN"] = token
    note(f"{user}: {method} {path} {content_type} {body[:300]!r} {extra}")
    response = client.generic(
        method,
        path,
        body,
        content_type="application/octet-stream" if content_type is None else content_type,
        **extra,
    )
    assert response.status_code < 500, f"{method} {path} answered {response.status_code}"
    return response


@bounded(max_examples=14)
@given(data=st.data())
def test_every_address_with_any_method(fuzz_site, data):
    """Each example is a sweep: every address once, with drawn parameters and query."""
    for template in fuzz_site.templates:
        path = request_path(data.draw, template, fuzz_site.known)
        send(
            fuzz_site,
            data.draw(USERS),
            data.draw(st.sampled_from(METHODS)),
            path + query_string(data.draw, template, fuzz_site.known),
            REMOTE_ADDR=data.draw(REMOTE_ADDRS),
            **data.draw(st.one_of(st.just({}), HEADERS)),
        )


@bounded(max_examples=14)
@given(data=st.data())
def test_comment_posts(fuzz_site, data):
    """Each example bends every field of the comment form in turn (and now and then a
    second one), so the others carry the post past the checks before the bent one."""
    page = data.draw(st.sampled_from([fuzz_site.release, fuzz_site.article]))
    valid = form_data(page, reply_to=fuzz_site.comment.pk if page == fuzz_site.release else 0)
    bent = {
        "content_type": st.sampled_from(CONTENT_TYPES),
        "object_pk": values(fuzz_site.known, numeric=True),
        "reply_to": values(fuzz_site.known, numeric=True),
        "timestamp": values([valid["timestamp"]], numeric=True),
        "security_hash": st.sampled_from(["", "0" * 40, "x", valid["security_hash"][:-1]]),
    }
    names = sorted({*valid, "followup"})
    for name in names:
        fields = dict(valid)
        for bent_name in [name, *data.draw(st.lists(st.sampled_from(names), max_size=1))]:
            if data.draw(st.integers(0, 5)) == 5:
                fields.pop(bent_name, None)  # not sent at all
            else:
                fields[bent_name] = data.draw(bent.get(bent_name, FIELD_VALUES))
        send(
            fuzz_site,
            data.draw(USERS),
            "POST",
            data.draw(st.sampled_from(["", "/en", "/ar"])) + "/kommentare/senden/",
            urlencode(fields, doseq=True).encode(),
            "application/x-www-form-urlencoded",
            REMOTE_ADDR=data.draw(REMOTE_ADDRS),
        )


def report_request(data, site, prefix):
    fields = {
        "reason": data.draw(REPORT_REASONS),
        "explanation": data.draw(FIELD_VALUES),
        "reporter_name": data.draw(FIELD_VALUES),
        "reporter_email": data.draw(st.sampled_from(["", "a@b.de", "x", "a@" + "b" * 300])),
        "good_faith": data.draw(st.sampled_from(["on", "", "1", "false"])),
    }
    pk = data.draw(st.sampled_from(site.comment_ids))
    method = data.draw(st.sampled_from(["POST", "GET"]))
    return method, f"{prefix}/kommentare/{pk}/melden/", urlencode(fields, doseq=True).encode()


def login_request(data, site, prefix):
    fields = {
        "username": data.draw(st.sampled_from(["mitglied", "", "x" * 200, "admin'--"])),
        "password": data.draw(FIELD_VALUES),
        "next": data.draw(st.sampled_from(["/intern/", "//evil.example", "%ff", "javascript:"])),
    }
    return "POST", f"{prefix}/anmelden/", urlencode(fields, doseq=True).encode()


def search_request(data, site, prefix, address="suche/"):
    query = {
        "q": " ".join(
            data.draw(st.lists(st.one_of(SEARCH_WORDS, st.text(max_size=12)), max_size=6))
        ),
        "art": data.draw(st.sampled_from(["", "press", "project", "x", "%ff"])),
        "jahr": data.draw(st.sampled_from([*OUT_OF_RANGE, "1", "2", "2024"])),
        "seite": data.draw(st.sampled_from([*OUT_OF_RANGE, "1", "2", "2024"])),
    }
    return "GET", f"{prefix}/{address}?{urlencode(query)}", b""


def autocomplete_request(data, site, prefix):
    return search_request(data, site, prefix, "suche/vorschlaege/")


@bounded(max_examples=35)
@given(data=st.data())
def test_report_login_and_search_forms(fuzz_site, data):
    """Each example sends each of the four forms once."""
    for build in (report_request, login_request, search_request, autocomplete_request):
        prefix = data.draw(st.sampled_from(["", "/en", "/fa"]))
        method, path, body = build(data, fuzz_site, prefix)
        send(fuzz_site, data.draw(USERS), method, path, body,
             "application/x-www-form-urlencoded", REMOTE_ADDR=data.draw(REMOTE_ADDRS))  # fmt: skip


@bounded(max_examples=10)
@given(data=st.data())
def test_malformed_bodies(fuzz_site, data):
    """Each example sends a body under every content type."""
    targets = ["/kommentare/senden/", "/en/kommentare/senden/", "/anmelden/", "/suche/",
               f"/kommentare/{fuzz_site.comment.pk}/melden/", fuzz_site.release.url,
               "/api/v2/pages/", f"/en/nicht-uebersetzt/{fuzz_site.release.pk}/"]  # fmt: skip
    for content_type in BODY_CONTENT_TYPES:
        send(
            fuzz_site,
            data.draw(USERS),
            data.draw(st.sampled_from(["POST", "POST", "PUT", "PATCH", "DELETE"])),
            data.draw(st.sampled_from(targets)),
            data.draw(malformed_body()),
            content_type,
            csrf=data.draw(st.booleans()),
            REMOTE_ADDR=data.draw(REMOTE_ADDRS),
        )
