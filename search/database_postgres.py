"""Wagtail's PostgreSQL search backend with German analysis (search.analysis).

The text-search configuration is `german`, set explicitly: a server's default
configuration usually stems English. PostgreSQL stems; we hand it words that
are already folded (ue/ü, ß), gender forms reduced, and compound parts added,
so it agrees with the other engines.
"""

from functools import reduce

from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Phrase, PlainText

from search import analysis


class GermanPostgresIndexer(modelsearch_postgres.ObjectIndexer):
    """Hands PostgreSQL's German configuration normalised words plus compound parts."""

    def as_vector(self, texts, for_autocomplete=False):
        prepare = analysis.autocomplete_terms if for_autocomplete else analysis.postgres_index_words
        texts = [(" ".join(prepare(text)), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


# modelsearch builds its indexer by the module-level name `ObjectIndexer` and
# offers no hook; pointing that name at ours is the smallest change.
modelsearch_postgres.ObjectIndexer = GermanPostgresIndexer


class GermanPostgresQueryCompiler(modelsearch_postgres.PostgresSearchQueryCompiler):
    prepare = staticmethod(analysis.postgres_query_words)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            terms = self.prepare(query.query_string)
            if not terms:
                return None
            lexemes = [Lexeme(term, invert=invert) for term in terms[:-1]]
            lexemes.append(Lexeme(terms[-1], invert=invert, prefix=self.LAST_TERM_IS_PREFIX))
            if query.operator.lower() == "and":
                combined = reduce(lambda a, b: a & b, lexemes)
            else:
                combined = reduce(lambda a, b: a | b, lexemes)
            return modelsearch_postgres.SearchQuery(combined, search_type="raw", config=config)
        if isinstance(query, Phrase):
            return modelsearch_postgres.SearchQuery(
                " ".join(self.prepare(query.query_string)), search_type="phrase", config=config
            )
        return super().build_tsquery_content(query, config=config, invert=invert)


class GermanPostgresAutocompleteCompiler(
    GermanPostgresQueryCompiler, modelsearch_postgres.PostgresAutocompleteQueryCompiler
):
    prepare = staticmethod(analysis.autocomplete_terms)
    LAST_TERM_IS_PREFIX = True


class GermanPostgresBackend(modelsearch_postgres.PostgresSearchBackend):
    query_compiler_class = GermanPostgresQueryCompiler
    autocomplete_query_compiler_class = GermanPostgresAutocompleteCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "german", **params})
