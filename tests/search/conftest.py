"""Search fixtures: the real engine (make test-search), a port that never answers."""

import contextlib
import io
import os
import socket
import uuid
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

ENGINE_BACKENDS = {
    "elasticsearch": "search.backends.ElasticsearchBackend",
    "opensearch": "search.backends.OpenSearchBackend",
}


def engine_settings(url: str, engine: str = "elasticsearch", prefix: str = "", timeout=2.0):
    """WAGTAILSEARCH_BACKENDS as production has them: the engine, the database as fallback."""
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [url],
            "INDEX_PREFIX": prefix or f"test_{uuid.uuid4().hex[:8]}_",
            "TIMEOUT": timeout,
        },
        "database": {"BACKEND": "search.backends.DatabaseSearchBackend"},
    }


@pytest.fixture
def search_engine(settings, db):
    """The real engine from scripts/search-engine, with a fresh index of the test site.

    `engine.refresh()` makes what was just indexed searchable (the engine
    publishes new documents about once a second otherwise).
    """
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("needs a real search engine: make test-search")
    engine = os.environ.get("ELASTICSEARCH_ENGINE", "elasticsearch")
    settings.WAGTAILSEARCH_BACKENDS = engine_settings(url, engine, timeout=10)
    call_command("update_index", backend_name="default", stdout=io.StringIO())
    backend = get_search_backend("default")
    index = backend.get_index_for_model(Page)

    def refresh():
        index.refresh()

    yield SimpleNamespace(backend=backend, index=index, refresh=refresh, url=url, kind=engine)
    prefix = settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]
    with contextlib.suppress(Exception):  # the engine may have been stopped by the test
        backend.es.indices.delete(index=f"{prefix}*")


@pytest.fixture
def hanging_port():
    """A loopback port that accepts connections and never answers a byte."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)  # the kernel completes the handshakes; nobody reads
    yield server.getsockname()[1]
    server.close()


@pytest.fixture
def closed_port():
    """A loopback port where nothing listens (an engine that is stopped)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port
