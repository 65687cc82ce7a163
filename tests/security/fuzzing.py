"""Strategies for tests/security/test_fuzz.py: addresses, parameter values, forms, bodies.

A template is a list of literal strings and slots: ("slot", kind) for a path
parameter (kind: a converter's name, "digits" or "segments" for a regex group),
("language",) for the prefix of the i18n patterns and ("page", urls) for the
addresses of one kind of page.
"""

import re
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# The editors' admin is not public (its own tests cover it).
PRIVATE_PREFIXES = ("admin/",)
METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
USERS = st.sampled_from(["anonymous", "anonymous", "member", "press officer"])


# -- Addresses ---------------------------------------------------------------------

ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
LANGUAGE = ("language",)


def regex_group_kind(group: str) -> str:
    if group.startswith("\\d"):
        return "digits"
    return "segments" if "/" in group or group == ".*" else "str"


def pattern_parts(pattern) -> list:
    """One level of a URL pattern as literal strings and slots."""
    if isinstance(pattern, RoutePattern):
        route, parts, last = str(pattern), [], 0
        for match in ROUTE_PARAMETER.finditer(route):
            parts += [route[last : match.start()], ("slot", match["converter"] or "str")]
            last = match.end()
        return [*parts, route[last:]]
    if isinstance(pattern, RegexPattern):
        # Each top-level group is a slot; the text between groups is literal.
        parts, literal, group, depth, escaped = [], "", "", 0, False
        for char in str(pattern).removeprefix("^").removesuffix("$"):
            if depth > 0 and not (char == ")" and depth == 1 and not escaped):
                group += char
            if escaped:
                literal += char if depth == 0 else ""
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    parts += [literal, ("slot", regex_group_kind(group.removeprefix("?P<path>")))]
                    literal, group = "", ""
            elif depth == 0 and char not in "?*+":
                literal += char
        return [*parts, literal]
    return []


def public_templates() -> list[list]:
    """Every public pattern of config.urls, the i18n ones under a language slot."""
    templates = []

    def walk(patterns, prefix: list):
        for entry in patterns:
            if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
                walk(entry.url_patterns, [*prefix, LANGUAGE])
            elif isinstance(entry, URLResolver):
                walk(entry.url_patterns, [*prefix, *pattern_parts(entry.pattern)])
            else:
                templates.append([*prefix, *pattern_parts(entry.pattern)])

    walk(get_resolver().url_patterns, [])
    return [t for t in templates if not "".join(map(str, t[:2])).startswith(PRIVATE_PREFIXES)]


def page_templates() -> list[list]:
    """Every live page's address (one slot choosing among a kind's pages in every
    language), and each routable page's routes below it."""
    addresses: dict[tuple, list[str]] = {}
    for page in Page.objects.live().order_by("path").specific():
        url = page.get_url()
        if not url:
            continue
        routes = [[]]
        if isinstance(page, RoutablePageMixin):
            routes = [pattern_parts(r.pattern) for r in page.get_resolver().url_patterns]
        for route in routes:
            key = (type(page).__name__, repr(route))
            addresses.setdefault(key, [route]).append(url.lstrip("/"))
    return [[("page", tuple(urls)), *route] for route, *urls in addresses.values()]


# -- Values ------------------------------------------------------------------------

# The first is what Hypothesis draws in its first, simplest example: beyond 64 bits
# and beyond any year, the most hostile number for every numeric slot.
OUT_OF_RANGE = [
    "99999999999999999999", "9223372036854775808", "18446744073709551616", "9" * 25, "1" * 40,
    "9223372036854775807", "2147483648", "9999999999", "99999", "10000", "0", "0000", "-1",
]  # fmt: skip
MALFORMED_NUMBERS = ["1.5", "1e3", "0x1f", "+1", " 1", "١٢٣", "１２", "1_000", "NaN"]
NASTY = [
    "", ".", "..", "%2e%2e", "%2E", "%00", "%ff", "%c3%28", "%e2%82", "%", "%zz", "~", "ü",
    "%C3%BC", "😀", "\u202e", "\ufeff", "<script>", "'", '"', "\\", "CON", "%20", "+", ";",
    "a" * 300, "%2F", "..%2F..%2Fetc%2Fpasswd", "null", "true", "[]", "{}",
]  # fmt: skip


NUMERIC_KINDS = {"int", "id", "year", "digits"}


def values(known: list[str], numeric: bool = False):
    """A parameter value: out of range, a real id or slug, malformed, or anything.

    Numeric slots get numbers out of range twice as often.
    """
    out_of_range = st.sampled_from(OUT_OF_RANGE)
    return st.one_of(
        *([out_of_range] if numeric else []),
        out_of_range,
        st.sampled_from(known),
        st.sampled_from(MALFORMED_NUMBERS + NASTY),
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        st.text(max_size=16),
    )


def path_value(draw, part, known: list[str]) -> str:
    """One part of a template as text: literal, a language prefix, a page or a parameter."""
    if isinstance(part, str):
        return part
    if part == LANGUAGE:
        code = draw(st.sampled_from([code for code, _name in settings.LANGUAGES]))
        return "" if code == settings.LANGUAGE_CODE else f"{code}/"
    if part[0] == "page":
        return draw(st.sampled_from(part[1]))
    if part[1] == "segments":
        segments = [quote(value, safe="%") for value in draw(st.lists(values(known), max_size=3))]
        return "".join(f"{segment}/" for segment in segments)
    value = draw(values(known, numeric=part[1] in NUMERIC_KINDS))
    # Ready-made nasties go in as they are (dot segments, broken percent-encoding);
    # anything else is percent-encoded like a browser would.
    return value if value in NASTY else quote(value, safe="")


def request_path(draw, template: list, known: list[str]) -> str:
    path = "".join(path_value(draw, part, known) for part in template)
    # Now and then a suffix (never in the first, simplest sweep).
    if draw(st.integers(0, 4)) == 4:
        path += draw(st.sampled_from(["x/", "../", "%ff/", "index.html", "/", "./"]))
    return "/" + path


# The query parameters the views read (grep request.GET), by address.
API_NAMES = [
    "type", "fields", "order", "limit", "offset", "search", "search_operator", "child_of",
    "descendant_of", "ancestor_of", "locale", "translation_of", "id", "html_path", "slug",
    "show_in_menus", "date", "title",
]  # fmt: skip
QUERY_NAMES = [
    ("api/v2/pages/find/", ["id", "html_path", "type", "fields"]),
    ("api/v2/", API_NAMES),
    ("suche/", ["q", "art", "jahr", "seite"]),
    ("anmelden/", ["next"]),
    ("", ["seite", "kommentare", "antwort", "status", "topic", "district", "language", "focus",
          "q", "next"]),
]  # fmt: skip
API_VALUES = [
    "*", "-title", "random", "id", "title,-id", "_,id", "body(*)", "press.PressReleasePage",
    "wagtailcore.Page", "home.MinutesPage", "x.y", "de", "zz", "or", "and", "true", "-5",
]  # fmt: skip


def query_string(draw, template: list, known: list[str]) -> str:
    literal = "".join(part for part in template if isinstance(part, str))
    names = next(names for address, names in QUERY_NAMES if address in literal)
    value = st.one_of(values(known), st.sampled_from(API_VALUES))
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), value), min_size=1, max_size=3))
    query = urlencode(pairs)
    if draw(st.integers(0, 4)) == 4:
        query += "&" + draw(st.sampled_from(["%ff=%fe", "=", "&&", "a", "seite", "q=%00", "x[]=1"]))
    return f"?{query}" if query else ""


HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(["ar", "*", "xx-YY;q=abc", "en;q=0.5,de", "ü"]),
        "HTTP_X_FORWARDED_FOR": st.sampled_from(["", "1.2.3.4, 5.6.7.8", "nonsense", "::1"]),
        "HTTP_REFERER": st.sampled_from(["", "http://evil.example/", "%ff", "/presse/"]),
        "HTTP_COOKIE": st.sampled_from(["sessionid=x", "csrftoken=short", "a=b=c; ;", "%ff"]),
        "HTTP_HOST": st.sampled_from(["evil.example", "localhost:99999", "[::1", "a b", "ü.de"]),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(["yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"]),
    },
)
REMOTE_ADDRS = st.sampled_from([f"192.0.2.{n}" for n in range(1, 9)] + ["2001:db8::1"])


# -- Forms and bodies ----------------------------------------------------------

FIELD_VALUES = st.one_of(
    st.sampled_from(OUT_OF_RANGE + MALFORMED_NUMBERS + NASTY),
    st.text(max_size=40),
    st.text(min_size=2990, max_size=3010, alphabet="aä ß\r\n"),
    st.lists(st.text(max_size=5), min_size=2, max_size=3),  # the field sent several times
)
CONTENT_TYPES = ["press.pressreleasepage", "home.articlepage", "home.minutespage",
                 "wagtailcore.page", "auth.user", "x", "a.b.c", ""]  # fmt: skip


REPORT_REASONS = st.sampled_from(["illegal", "insult", "hate", "spam", "other", "", "x"])
# Search syntax of the database backends (FTS5, PostgreSQL) and our own quoting.
SEARCH_WORDS = st.sampled_from([
    '"', '"Integration', "*", "NEAR(a b)", "a OR", "-", "^", "AND", "Migrant*innen", "ß" * 50,
    "ü", "%", "_", "\\", "'", ":",
])  # fmt: skip
BODY_CONTENT_TYPES = [
    "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x",
    "multipart/form-data; boundary=\"a b\"", "multipart/form-data; boundary=" + "b" * 300,
    "multipart/form-data; boundary=x; charset=latin-1", "multipart/mixed; boundary=x",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=bogus", "text/plain; charset=bogus",
    "application/json", "", "multipart/form-data; boundary=x; charset=bogus",
]  # fmt: skip


@st.composite
def malformed_body(draw):
    kind = draw(st.sampled_from(["bytes", "fields", "many", "multipart"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "fields":
        return draw(st.sampled_from([b"a=%ff", b"comment=\xff\xfe", b"=&=&", b"a" * 5000, b"%"]))
    if kind == "many":
        # Near and over DATA_UPLOAD_MAX_NUMBER_FIELDS (10,000).
        count = draw(st.sampled_from([500, 9_999, 10_001]))
        return b"&".join(b"f%d=1" % n for n in range(count))
    part = draw(st.sampled_from([
        b'Content-Disposition: form-data; name="comment"\r\n\r\nHallo\r\n',
        b'Content-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\n\x00\r\n',
        b"Content-Disposition: form-data\r\n\r\n", b"garbage", b"\r\n\r\n",
    ]))  # fmt: skip
    return b"--x\r\n" + part + draw(st.sampled_from([b"--x--\r\n", b"", b"--x"]))
