"""Path converters and a parser that accept only numbers the database can answer for.

Django's ``<int:...>`` matches any run of digits. A year of 0 or 99999 makes
``date__year`` raise, and an id beyond 64 bits overflows SQLite's integer
binding where a lookup goes through a relation (a comment's parent pointer).
Such a number names nothing, so these converters refuse it and the address
answers 404 like any other that matches no route.

Importing this module registers ``<id:...>`` and ``<year:...>``; URL modules
and routable pages import it before they declare their routes.
"""

from django.urls import register_converter

# The largest value of a signed 64-bit integer column (BigAutoField on every backend).
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """``value`` as a database id (1 to MAX_ID), or None when it cannot be one.

    Only ASCII digits count: ``int()`` would also take signs, spaces,
    underscores and digits of other scripts.
    """
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    """A database id: 1 to MAX_ID."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # no match: the resolver answers 404
        return number

    def to_url(self, value) -> str:
        return str(value)


class YearConverter:
    """A calendar year Python's dates can hold: 1 to 9999."""

    regex = "[0-9]{1,4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if year < 1:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "id")
register_converter(YearConverter, "year")
