"""German text analysis, defined once for every search engine.

The database backends get it in Python (Snowball's German stemmer from the
`snowballstemmer` library, our compound-part list, the gender rule below) at
index and at query time; Elasticsearch/OpenSearch get the equivalent chain as
index settings (`engine_analysis`), built from the same resources, so all
engines agree on what matches:

- folding: case, ä/ö/ü/ß and their spellings ae/oe/ue/ss
- stemming: "Ausbildungen" → "Ausbildung"
- gendered person nouns: "Migrantinnen", "Migrant*innen", "Migrant:innen" → "Migrant"
- compounds: "Migrantenorganisationen" is also indexed as "Migranten" and
  "Organisationen" (parts from search/resources/de_compound_parts.txt), at
  index time only, so a query for the compound stays precise
- stopwords: the words that carry no meaning for a search ("und", "für" ...)
"""

import functools
import re
import unicodedata
from pathlib import Path

import snowballstemmer

RESOURCES = Path(__file__).resolve().parent / "resources"
MIN_SUBWORD = 4

# "Migrant*innen", "Migrant:innen", "Migrant_innen", "Migrant/-innen" → "Migrantinnen".
GENDER_JOIN_PATTERN = r"(?<=\w)(?:[*:_·]|/-?)(?=(?:in|innen)\b)"
GENDER_JOIN = re.compile(GENDER_JOIN_PATTERN, re.IGNORECASE)
# The feminine suffix of person nouns after the endings that form them:
# Beraterin, Migrantin, Studentin, Journalistin, Autorin, Redakteurin, Kollegin,
# Ärztin, Soziologin, Pädagogin. "Termin", "Medizin" or "Verein" do not match.
# Applied to a folded (ä → a), not yet stemmed word; the same pattern goes to the engine.
FEMININE_ENDINGS = "er|ant|ent|ist|or|eur|eg|arzt|log|gog|oph|iker|ier"
FEMININE_PATTERN = rf"^(?=.{{5,}})(.*(?:{FEMININE_ENDINGS}))in(?:nen)?$"
FEMININE = re.compile(FEMININE_PATTERN)
# Spellings without umlauts, as Lucene's German normalisation reads them:
# "ae"/"oe" always, "ue" not after a vowel or q ("Frauen", "Queue" stay).
UMLAUT_SPELLINGS = re.compile(r"([ao])e|(?<![aeiouyq])(u)e")
WORD = re.compile(r"\w+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("german")


def _load_words(name: str) -> frozenset[str]:
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


STOPWORDS = _load_words("de_stopwords.txt")
COMPOUND_PARTS = _load_words("de_compound_parts.txt")


def fold(word: str) -> str:
    """Lower case, ß → ss, umlauts and their ae/oe/ue spellings → a/o/u, no accents."""
    word = word.casefold().replace("ß", "ss")
    word = word.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    word = UMLAUT_SPELLINGS.sub(lambda match: match.group(1) or match.group(2), word)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of a text, lower case, gender forms joined."""
    return WORD.findall(GENDER_JOIN.sub("", text or "").lower())


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The search term of one lower-case word."""
    # Fold first, so "Aerztinnen" loses its feminine ending like "Ärztinnen".
    word = FEMININE.sub(r"\1", fold(word))
    return fold(_stemmer.stemWord(word))


def compound_parts(word: str) -> list[str]:
    """Known parts inside a compound ("integrationskurse" → integration, kurse)."""
    found = []
    if len(word) < 2 * MIN_SUBWORD:
        return found
    for start in range(len(word) - MIN_SUBWORD + 1):
        for end in range(start + MIN_SUBWORD, len(word) + 1):
            part = word[start:end]
            if part != word and part in COMPOUND_PARTS:
                found.append(part)
    return found


def index_terms(text: str) -> list[str]:
    """Terms to index for a text: stems of the words and of their compound parts."""
    terms, parts = [], []
    for word in words(text):
        if word in STOPWORDS:
            continue
        terms.append(stem(word))
        parts.extend(stem(part) for part in compound_parts(word))
    # The parts go after the text, so the words of a phrase stay neighbours.
    return terms + parts


def query_terms(text: str) -> list[str]:
    """Terms of a query: stems without stopwords; compounds stay whole (precise)."""
    return [stem(word) for word in words(text) if word not in STOPWORDS] or [
        stem(word) for word in words(text)
    ]


def postgres_index_words(text: str) -> list[str]:
    """Words for PostgreSQL's German configuration to stem: normalised, plus compound parts."""
    found, parts = [], []
    for word in words(text):
        found.append(FEMININE.sub(r"\1", fold(word)))
        parts.extend(fold(part) for part in compound_parts(word))
    return found + parts  # parts last: phrases keep their neighbours


def postgres_query_words(text: str) -> list[str]:
    """Query words for PostgreSQL, normalised like the indexed ones (compounds whole)."""
    return [FEMININE.sub(r"\1", fold(word)) for word in words(text)]


def autocomplete_terms(text: str) -> list[str]:
    """Folded but unstemmed words, for prefix matching as the reader types."""
    return [fold(word) for word in words(text)]


def engine_analysis() -> dict:
    """The same analysis as Elasticsearch/OpenSearch index settings.

    Everything comes inline (word lists included), so the settings work on any
    cluster without files on its nodes. Needs the analysis-common module that
    every full distribution has.
    """
    chain = {"type": "custom", "char_filter": ["german_gender_join"], "tokenizer": "standard"}
    tail = ["german_normalization", "german_feminine", "german_light_stem"]
    autocomplete_index = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "german_normalization", "autocomplete_edge"],
    }
    return {
        "char_filter": {
            "german_gender_join": {
                "type": "pattern_replace",
                "pattern": GENDER_JOIN_PATTERN,
                "flags": "CASE_INSENSITIVE",
                "replacement": "",
            }
        },
        "filter": {
            "german_stop": {"type": "stop", "stopwords": sorted(STOPWORDS)},
            "german_decompound": {
                "type": "dictionary_decompounder",
                "word_list": sorted(COMPOUND_PARTS),
                "min_subword_size": MIN_SUBWORD,
                "only_longest_match": False,
            },
            "german_feminine": {
                "type": "pattern_replace",
                "pattern": FEMININE_PATTERN,
                "replacement": "$1",
            },
            "german_light_stem": {"type": "stemmer", "language": "light_german"},
            "autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
        },
        "analyzer": {
            # Every text field without its own analyzer: compound parts at
            # index time, none at query time (a query for the compound stays precise).
            "default": {
                **chain,
                "filter": ["lowercase", "german_stop", "german_decompound", *tail],
            },
            "default_search": {**chain, "filter": ["lowercase", "german_stop", *tail]},
            # Autocomplete: prefixes of folded words at index time, the folded
            # word at query time. Folding on both sides is what makes "Üb"
            # find "Übersetzung" (Wagtail issue 13005: its index side folds
            # with asciifolding, its query side does not fold at all).
            "autocomplete_index": autocomplete_index,
            "autocomplete_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "german_normalization"],
            },
            # Wagtail's own name, used by any index whose mapping we do not set.
            "edgengram_analyzer": autocomplete_index,
        },
    }
