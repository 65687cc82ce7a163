"""German queries every engine must answer (search.quality): one test per case.

`test_database` runs on the database backend the suite uses (SQLite with
`make test`, PostgreSQL with `make test-postgres`); `test_engine` runs the same
cases against the real search engine (`make test-search`).

The pages are created once for the module and the engine index is built once:
per test, creating and indexing them took about 2 s on the database and the
`search_engine` fixture about 3 s (it builds a fresh index), i.e. minutes for
the ~60 cases. Both live inside one transaction that is rolled back after the
module (each test's own transaction is a savepoint inside it).
"""

import contextlib
import io
import os

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import quality
from tests.search.conftest import engine_settings

pytestmark = pytest.mark.django_db

CASES = pytest.mark.parametrize("case", quality.CASES, ids=lambda case: case.id)
# The database index alone, even when ELASTICSEARCH_URL makes the engine the default.
DATABASE_ONLY = {"default": {"BACKEND": "search.backends.DatabaseSearchBackend"}}


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    """The pages of the query set, in a transaction rolled back after the module."""
    from home.models import HomePage

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE_ONLY):
                home = HomePage.objects.get()
                pages = quality.create_documents(quality.section_parents(home))
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield pages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_engine(documents, django_db_blocker):
    """The real engine (like the `search_engine` fixture), indexed once for the module."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("needs a real search engine: make test-search")
    kind = os.environ.get("ELASTICSEARCH_ENGINE", "elasticsearch")
    backends = engine_settings(url, kind, timeout=10)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("default")
        try:
            with django_db_blocker.unblock():
                call_command("update_index", backend_name="default", stdout=io.StringIO())
            backend.get_index_for_model(Page).refresh()
            yield backend
        finally:
            with contextlib.suppress(Exception):  # the engine may be gone already
                quality.delete_engine_indexes(backend, backends["default"]["INDEX_PREFIX"])


def check(case):
    result = quality.run_case(case, Locale.get_default())
    assert result.passed, result.explain()


@CASES
def test_database(case, documents, settings):
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_ONLY
    check(case)


@pytest.mark.search_engine
@CASES
def test_engine(case, module_engine):
    check(case)


def test_every_case_names_known_documents():
    for case in quality.CASES:
        assert case.expected, case.id
        assert case.expected | case.absent <= quality.DOCUMENT_KEYS, case.id
        assert not case.expected & case.absent, case.id
    assert len({case.id for case in quality.CASES}) == len(quality.CASES)
    assert len(quality.KEY_BY_TITLE) == len(quality.DOCUMENTS)
