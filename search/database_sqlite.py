"""Wagtail's SQLite (FTS5) search backend with German analysis (search.analysis).

The index stores Snowball stems with compound parts instead of the raw text;
queries are analysed the same way, autocomplete matches folded word prefixes.
"""

from functools import reduce

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import Phrase, PlainText

from search import analysis


def combine(lexemes, operator):
    if operator.lower() == "and":
        return reduce(lambda a, b: a & b, lexemes)
    return reduce(lambda a, b: a | b, lexemes)


class GermanSQLiteIndexer(modelsearch_sqlite.ObjectIndexer):
    """Stores Snowball stems (with compound parts) instead of the raw text."""

    @cached_property
    def title(self):
        return " ".join(analysis.index_terms(super().title))

    @cached_property
    def body(self):
        return " ".join(analysis.index_terms(super().body))

    @cached_property
    def autocomplete(self):
        return " ".join(analysis.autocomplete_terms(super().autocomplete))


# modelsearch builds its indexer by the module-level name `ObjectIndexer` and
# offers no hook; pointing that name at ours is the smallest change. Only this
# project's backend uses the module.
modelsearch_sqlite.ObjectIndexer = GermanSQLiteIndexer


class GermanSQLiteQueryCompiler(modelsearch_sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            terms = analysis.query_terms(query.query_string)
            if not terms:
                return None
            if isinstance(query, Phrase):  # FTS5: a quoted string of terms is a phrase
                return SearchQueryExpression(Lexeme(" ".join(terms)), config=config)
            lexemes = [Lexeme(term) for term in terms]
            return SearchQueryExpression(combine(lexemes, query.operator), config=config)
        return super().build_search_query_content(query, config=config)


class GermanSQLiteAutocompleteCompiler(modelsearch_sqlite.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = analysis.autocomplete_terms(query.query_string)
            if not terms:
                return None
            lexemes = [Lexeme(term) for term in terms[:-1]]
            lexemes.append(Lexeme(terms[-1], prefix=True))
            return SearchQueryExpression(combine(lexemes, "and"), config=config)
        return super().build_search_query_content(query, config=config)


class GermanSQLiteBackend(modelsearch_sqlite.SQLiteSearchBackend):
    query_compiler_class = GermanSQLiteQueryCompiler
    autocomplete_query_compiler_class = GermanSQLiteAutocompleteCompiler
