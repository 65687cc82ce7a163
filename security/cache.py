"""Django's database cache with an atomic ``incr()``: the embedded shared cache.

Rate limits (django-ratelimit) count with ``cache.add()`` then ``cache.incr()``.
Django's database cache implements ``incr()`` as a read followed by a write,
so two worker processes can read the same count and both write count + 1: under
a burst, requests slip past the limit. Here the row is written before it is
read, which takes PostgreSQL's row lock or SQLite's write lock, so increments
from every worker queue up and none is lost. The rest is Django's cache; the
table is created by ``manage.py migrate`` (see ``security.apps``).
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(DjangoDatabaseCache):
    """A database cache every worker process shares, safe for counters."""

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, cache_key, value_column, expires = (
            quote(self._table),
            quote("cache_key"),
            quote("value"),
            quote("expires"),
        )
        try:
            with transaction.atomic(using=db), connection.cursor() as cursor:
                # The write comes first so that the lock is held before the read.
                cursor.execute(
                    f"UPDATE {table} SET {expires} = {expires} WHERE {cache_key} = %s",  # noqa: S608
                    [key],
                )
                if cursor.rowcount != 1:
                    raise ValueError(f"Key '{key}' not found.")
                cursor.execute(
                    f"SELECT {value_column}, {expires} FROM {table} WHERE {cache_key} = %s",  # noqa: S608
                    [key],
                )
                encoded, expiry = cursor.fetchone()
                if self._to_datetime(connection, expiry) < tz_now():
                    raise ValueError(f"Key '{key}' not found.")
                value = pickle.loads(base64.b64decode(encoded.encode())) + delta  # noqa: S301
                cursor.execute(
                    f"UPDATE {table} SET {value_column} = %s WHERE {cache_key} = %s",  # noqa: S608
                    [
                        base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode(
                            "latin1"
                        ),
                        key,
                    ],
                )
        except DatabaseError as error:
            # A busy database must not turn a rate-limit check into a server
            # error: the caller treats a missing key as "could not count".
            raise ValueError(f"Key '{key}' could not be incremented: {error}") from error
        return value

    @staticmethod
    def _to_datetime(connection, value):
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
