"""Fixtures for the comment tests: a live release, the comment rules, moderators, Chromium."""

import os

import pytest

from comments.models import CommentRules
from home import roles


@pytest.fixture
def release(release_factory):
    """A live press release that takes comments."""
    return release_factory(title="Stellungnahme zum Einbürgerungsgesetz")


@pytest.fixture
def other_release(release_factory):
    return release_factory(title="Einladung zum Netzwerktreffen")


@pytest.fixture
def set_rules(site_tree):
    """set_rules(**values) -> the site's CommentRules with those values saved."""

    def _set(**values):
        rules = CommentRules.for_site(site_tree.site)
        for name, value in values.items():
            setattr(rules, name, value)
        rules.save()
        return rules

    return _set


@pytest.fixture
def open_rules(set_rules):
    """No pre-moderation: a comment appears at once unless a content rule holds it."""
    return set_rules(premoderate_anonymous=False, hold_first_time=False)


@pytest.fixture
def moderator(site_tree, make_user):
    """A user of the Moderation group (created by setup_roles in the session site)."""
    return make_user(roles.MODERATORS, username="moderatorin")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture(scope="session")
def chromium_path():
    """Debian's Chromium binary; a missing browser fails the test instead of skipping it."""
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium is missing at {path}. The browser tests need Debian's package: "
            "run `scripts/chromium install` (make test does), or set CHROMIUM to the binary. "
            "Do not use `playwright install`.",
            pytrace=False,
        )
    return path
