"""Wagtail search backends that understand German (see search.analysis).

- `DatabaseSearchBackend`: Wagtail's database backend (SQLite FTS5 or PostgreSQL)
  with German analysis applied in Python at index and query time. On
  PostgreSQL the text-search configuration is German (set explicitly; the
  server default stems English) and gets pre-normalised words and compound
  parts; on SQLite the index stores Snowball stems.
- `ElasticsearchBackend` / `OpenSearchBackend`: Wagtail's backends with the
  German analysis chain as index settings, umlaut-safe autocomplete, short
  timeouts, and failed index updates kept in `PendingIndexUpdate` for
  `search_catch_up` instead of being lost (see search.resilience).
"""

from django.db import connection
from modelsearch.utils import deep_update

from search import analysis, resilience


def DatabaseSearchBackend(params):
    """The German database backend for the database Django uses (SQLite or PostgreSQL).

    Imported lazily: modelsearch's SQLite module needs the SQLite FTS model,
    which does not exist on PostgreSQL, and the other way round.
    """
    if connection.vendor == "postgresql":
        from search.database_postgres import GermanPostgresBackend

        return GermanPostgresBackend(params)
    if connection.vendor == "sqlite":
        from search.database_sqlite import GermanSQLiteBackend

        return GermanSQLiteBackend(params)
    from wagtail.search.backends.database import SearchBackend

    return SearchBackend(params)  # MySQL: Wagtail's own, without German analysis


# ---------------------------------------------------------- search engines


class GermanEngineMixin:
    """German analysis, umlaut-safe autocomplete and resilient index updates."""

    autocomplete_analyzers = {
        "analyzer": "autocomplete_index",
        "search_analyzer": "autocomplete_search",
    }

    def __init__(self, params):
        params = dict(params)
        options = {"max_retries": 0, "retry_on_timeout": False, **params.pop("OPTIONS", {})}
        params["OPTIONS"] = options
        super().__init__(params)
        self.settings = deep_update(
            self.settings, {"settings": {"analysis": analysis.engine_analysis()}}
        )

    def add(self, obj):
        resilience.index_call(self, "index", obj, super().add)

    def delete(self, obj):
        resilience.index_call(self, "delete", obj, super().delete)


def _with_german_mapping(backend_class):
    mapping_class = type(
        f"German{backend_class.mapping_class.__name__}",
        (backend_class.mapping_class,),
        {"edgengram_analyzer_config": GermanEngineMixin.autocomplete_analyzers},
    )
    return type(
        f"German{backend_class.__name__}",
        (GermanEngineMixin, backend_class),
        {"mapping_class": mapping_class, "__module__": __name__},
    )


def _elasticsearch():
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    return _with_german_mapping(Elasticsearch8SearchBackend)


def _opensearch():
    from wagtail.search.backends.opensearch3 import OpenSearch3SearchBackend

    return _with_german_mapping(OpenSearch3SearchBackend)


def ElasticsearchBackend(params):
    """Elasticsearch 8 (official `elasticsearch` client) with German analysis."""
    return _elasticsearch()(params)


def OpenSearchBackend(params):
    """OpenSearch 2/3 (`opensearch-py`) with German analysis."""
    return _opensearch()(params)
