"""Run the German query test set (search.quality) against each configured search backend.

For every backend (`--engine database` or `--engine default`; without the
option every backend in WAGTAILSEARCH_BACKENDS) the command creates the test
pages under the default site's home page inside a transaction that is rolled
back at the end, so the real database keeps nothing, not even the search
statistics of the test queries. A search engine gets a temporary index
prefix: the site (test pages included) is indexed into it, and it is deleted
afterwards; the live index is never touched.

Prints one line per case (PASS/FAIL, category, query; on failure what was
missing or wrongly found, and every title found) and a summary per backend,
e.g. `sqlite: 62/64 passed`. Exits with status 1 if any case failed.

Safe to run against the live site, with three side effects: on SQLite the
database is locked for writes while the command runs (a few seconds); the
typo correction's cached vocabulary is rebuilt afterwards; and an engine that
fails during the run is marked as down for `search.resilience.DOWN_SECONDS`,
for the site too when it shares the cache (CACHE_URL), as any failure would.
On a large site a case could also fail because the service returns at most
`search.service.MAX_HITS` results and the test page was not among them; the
test pages are built to be unmistakable, so this is unlikely.
"""

import contextlib
import io
import logging
import uuid

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import quality, suggest


class Rollback(Exception):
    """Raised to leave the transaction of a run without committing it."""


def _is_engine(backend) -> bool:
    return hasattr(backend, "es")


def _home() -> Page:
    """Where the test pages go: the default site's home page (created if there is none)."""
    from home.factories import HomePageFactory
    from home.models import HomePage

    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    return HomePageFactory(parent=Page.get_first_root_node(), slug="search-quality-home")


@contextlib.contextmanager
def _quiet_client_logs():
    """The engine client logs every failed request (update_index deletes index
    names that do not exist yet); the command reports failures itself."""
    loggers = [logging.getLogger(name) for name in ("opensearch", "elastic_transport")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Run the German query test set against each search backend and report per backend."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["database", "default"],
            help="Only this backend of WAGTAILSEARCH_BACKENDS (default: every configured one).",
        )

    def handle(self, *args, **options):
        configured = settings.WAGTAILSEARCH_BACKENDS
        names = [options["engine"]] if options["engine"] else list(configured)
        if options["engine"] == "database" and "database" not in configured:
            # Without an engine, the database backend is the default one.
            default = get_search_backend("default")
            if _is_engine(default):
                raise CommandError("No 'database' backend is configured.")
            names = ["default"]
        if options["engine"] == "default" and "default" not in configured:
            raise CommandError("No 'default' backend is configured.")

        summaries, failed = [], 0
        for name in names:
            try:
                label, results = self.run_backend(name, configured[name])
            except Exception as error:  # an engine that does not answer at all
                reason = f"{type(error).__name__}: {error}"[:300]
                self.stdout.write(self.style.ERROR(f"FAIL  backend '{name}': {reason}"))
                summaries.append(f"{name}: not run ({type(error).__name__})")
                failed += 1
                continue
            passed = sum(result.passed for result in results)
            failed += len(results) - passed
            summaries.append(f"{label}: {passed}/{len(results)} passed")
        self.stdout.write("")
        for line in summaries:
            self.stdout.write(line)
        if failed:
            raise SystemExit(1)

    def run_backend(self, name: str, config: dict):
        """Create the pages, index them, run the cases, roll everything back."""
        backend = get_search_backend(name)
        prefix = ""
        if _is_engine(backend):
            prefix = f"quality_{uuid.uuid4().hex[:8]}_"
            config = {**config, "INDEX_PREFIX": prefix}
            with _quiet_client_logs():
                info = backend.es.info()
            label = info["version"].get("distribution", "elasticsearch")
        else:
            label = connection.vendor
        self.stdout.write(f"== {label} (backend '{name}')")
        # The backend under test is the only one: no fallback can hide a failure.
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}):
            try:
                results = self._run_in_transaction(prefix)
            finally:
                suggest.invalidate()  # forget the test pages' words
                if prefix:
                    self._delete_indexes(prefix)
        for result in results:
            self.write_result(result)
        return label, results

    def _delete_indexes(self, prefix: str):
        try:
            quality.delete_engine_indexes(get_search_backend("default"), prefix)
        except Exception as error:
            self.stderr.write(f"Could not delete the indexes {prefix}*: {error!r}")

    def _run_in_transaction(self, prefix: str):
        results = []
        try:
            with transaction.atomic():
                if prefix:
                    # A fresh index of the real site under the temporary prefix,
                    # before the test pages: their saves are indexed into it.
                    with _quiet_client_logs():
                        call_command("update_index", backend_name="default", stdout=io.StringIO())
                quality.create_documents(quality.section_parents(_home()))
                if prefix:
                    get_search_backend("default").get_index_for_model(Page).refresh()
                results = quality.run_cases(Locale.get_default())
                raise Rollback
        except Rollback:
            pass
        return results

    def write_result(self, result: quality.CaseResult):
        case = result.case
        line = f"{case.category:<16} {case.kind:<12} {case.query}"
        if result.passed:
            self.stdout.write(f"PASS  {line}")
        else:
            self.stdout.write(self.style.ERROR(f"FAIL  {line}"))
            self.stdout.write(f"      {result.explain()}")
