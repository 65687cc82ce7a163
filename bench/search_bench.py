#!/usr/bin/env python
"""Search benchmark: index throughput and query latency per search backend.

    .venv/bin/python bench/search_bench.py [--pages 10000] [--engines sqlite,postgres,elasticsearch]

For each engine a separate worker process gets a throwaway database (a
temporary SQLite file; for PostgreSQL a database created on the server of
`scripts/postgres url` and dropped afterwards; the engine uses a temporary
SQLite file and a temporary index prefix, deleted afterwards), migrates it,
builds a minimal site, generates German press releases, projects and events
from word lists (fixed seed: every run indexes the same text), builds the
search index the way `manage.py update_index` does, then runs the query mix
through `search.service.search` and title prefixes through
`search.service.autocomplete`, and prints figures only. See bench/README.md.

A script and not a management command: every engine needs its own database,
and Django reads DATABASE_URL once per process, so the script starts one
worker process per engine with its own environment.
"""

import argparse
import datetime
import io
import itertools
import logging
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("sqlite", "postgres", "elasticsearch")
ALIASES = {"opensearch": "elasticsearch", "postgresql": "postgres", "es": "elasticsearch"}
ORM_SAMPLE = 100  # pages created through Page.add_child, to report what the ORM path costs

# ------------------------------------------------------------------ word lists
# Written for this benchmark; facts from the domain brief (Saxony-Anhalt's
# districts and towns, the association's work).

PLACES = [
    "Halle (Saale)", "Magdeburg", "Dessau-Roßlau", "Lutherstadt Wittenberg", "Stendal",
    "Salzwedel", "Halberstadt", "Wernigerode", "Quedlinburg", "Bernburg", "Köthen",
    "Merseburg", "Naumburg", "Weißenfels", "Zeitz", "Sangerhausen", "Bitterfeld-Wolfen",
    "Burg", "Schönebeck", "Staßfurt", "Aschersleben", "Genthin", "Haldensleben",
    "Zerbst", "Gardelegen", "Lutherstadt Eisleben", "Hettstedt", "Querfurt",
]  # fmt: skip
DISTRICTS = [
    "Altmarkkreis Salzwedel", "Anhalt-Bitterfeld", "Landkreis Börde", "Burgenlandkreis",
    "Landkreis Harz", "Jerichower Land", "Mansfeld-Südharz", "Saalekreis",
    "Salzlandkreis", "Landkreis Stendal", "Landkreis Wittenberg",
]  # fmt: skip
TOPICS = [
    "Integrationskurse", "Ausbildungsplätze", "Beratungsstellen", "Sprachmittlung",
    "Gesundheitsversorgung", "Willkommenskultur", "Gemeinschaftsunterkünfte",
    "Anerkennung ausländischer Abschlüsse", "Arbeitsmarktintegration", "Elternarbeit",
    "Jugendbeteiligung", "Antidiskriminierungsarbeit", "Ehrenamtsförderung",
    "Demokratiebildung", "Familienzusammenführung", "Wohnungssuche", "Kinderbetreuung",
    "Schulsozialarbeit", "Frauenförderung", "Sprachcafés", "Nachbarschaftsfeste",
    "Kulturvereine", "Übersetzungsdienste", "Dolmetscherpools", "Berufsorientierung",
    "Fachkräftesicherung", "Einbürgerung", "Teilhabe", "Gewaltschutz",
    "Erstorientierung", "Mentoringprogramme", "Seniorenarbeit", "Sportvereine",
    "Migrantenorganisationen", "Willkommenspartnerschaften", "Bundesfreiwilligendienst",
]  # fmt: skip
PEOPLE = [
    "Migrantinnen und Migranten", "Migrant*innen", "Geflüchtete", "Ärztinnen und Ärzte",
    "Lehrkräfte", "Sozialarbeiter*innen", "Dolmetscherinnen", "Kolleginnen und Kollegen",
    "Ehrenamtliche", "Eltern", "Jugendliche", "Studierende", "Auszubildende",
    "Beraterinnen und Berater", "Mentorinnen", "Bürgermeister*innen",
    "Landtagsabgeordnete", "Vereinsvorstände", "Sprachmittler:innen", "Arbeitgeber",
]  # fmt: skip
ADJECTIVES = [
    "verlässliche", "neue", "mehrsprachige", "kostenlose", "dauerhafte", "bessere",
    "regionale", "ehrenamtliche", "kommunale", "gemeinsame", "flexible", "faire",
]  # fmt: skip
NOUNS = [
    "Förderung", "Finanzierung", "Angebote", "Ansprechpartner", "Strukturen", "Räume",
    "Kursplätze", "Beratung", "Unterstützung", "Zusammenarbeit", "Qualifizierung",
    "Begleitung", "Netzwerke", "Informationen", "Termine", "Übersetzungen",
]  # fmt: skip
PLURAL_VERBS = [
    "fordern", "brauchen", "organisieren", "wünschen sich", "planen", "erhalten",
    "vermissen", "diskutieren über", "entwickeln", "stärken",
]  # fmt: skip
SINGULAR_VERBS = [
    "fordert", "begrüßt", "kritisiert", "unterstützt", "plant", "eröffnet", "koordiniert",
    "verlangt", "beschließt", "startet",
]  # fmt: skip
EVENTS = [
    "Fachtag", "Workshop", "Dialogforum", "Regionalkonferenz", "Netzwerktreffen",
    "Mitgliederversammlung", "Infoabend", "Sprachcafé", "Lesung", "Podiumsdiskussion",
]  # fmt: skip
OCCASIONS = [
    "Woche der Begegnung", "Tag der offenen Tür", "Straße der Vielfalt",
    "Runder Tisch Integration", "Fest der Kulturen", "Interkulturelle Woche",
    "Tag der Muttersprache", "Woche gegen Rassismus",
]  # fmt: skip
FIRST_NAMES = [
    "Aylin", "Olena", "Mohammed", "Samira", "Dmitri", "Fatma", "Jonas", "Leyla", "Minh",
    "Hamid", "Ines", "Tariq", "Marta", "Yusuf", "Anna", "Bashir", "Jana", "Reza",
]  # fmt: skip
LAST_NAMES = [
    "Müller-Öztürk", "Kowalczyk", "Haddad", "Schröder", "Petrenko", "Nguyen", "Yılmaz",
    "Weiß", "Rahimi", "Krüger", "Abebe", "Schäfer", "Hoffmann", "Al-Sayed", "Bäcker",
    "Sokolova", "Größler", "Jüttner",
]  # fmt: skip
ROLES = [
    "Geschäftsführerin", "stellvertretender Geschäftsführer", "Projektleiterin",
    "Vorstandsvorsitzender", "Referentin für Bildung", "Koordinator", "Pressesprecherin",
]  # fmt: skip
PROGRAMMES = ["Demokratie leben!", "AMIF", "ESF Plus", "Landesprogramm Integration"]
MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
]  # fmt: skip


# Compounds for a long tail of rarer words: modifier + head, singular and plural.
MODIFIERS = [
    "Integrations", "Beratungs", "Sprach", "Familien", "Jugend", "Bildungs", "Arbeits",
    "Gesundheits", "Kultur", "Frauen", "Eltern", "Nachbarschafts", "Demokratie",
    "Ehrenamts", "Migrations", "Wohn", "Schul", "Sport", "Medien", "Förder", "Übersetzungs",
    "Begegnungs", "Lern", "Mädchen", "Senioren", "Stadtteil", "Willkommens", "Vereins",
]  # fmt: skip
HEADS = [
    ("kurs", "kurse"), ("stelle", "stellen"), ("projekt", "projekte"),
    ("zentrum", "zentren"), ("angebot", "angebote"), ("netzwerk", "netzwerke"),
    ("programm", "programme"), ("café", "cafés"), ("fest", "feste"), ("tag", "tage"),
    ("woche", "wochen"), ("gruppe", "gruppen"), ("beirat", "beiräte"),
    ("konzept", "konzepte"), ("preis", "preise"), ("forum", "foren"),
    ("werkstatt", "werkstätten"), ("platz", "plätze"), ("büro", "büros"), ("fonds", "fonds"),
]  # fmt: skip
COMPOUNDS = [(m + singular, m + plural) for m in MODIFIERS for singular, plural in HEADS]
random.Random(7).shuffle(COMPOUNDS)  # noqa: S311 - a fixed order: the Zipf ranks
SINGULARS = [singular for singular, _plural in COMPOUNDS]
PLURALS = [plural for _singular, plural in COMPOUNDS]


class Writer:
    """Deterministic German text from the word lists.

    Words are drawn with Zipf weights (the n-th word of a list 1/n as often as
    the first), so, as in real text, a few words are everywhere and most are rare.
    """

    def __init__(self, seed: int):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible text, not secrets
        self.weights = {}

    def pick(self, words):
        weights = self.weights.get(id(words))
        if weights is None:
            weights = self.weights[id(words)] = list(
                itertools.accumulate(1 / rank for rank in range(1, len(words) + 1))
            )
        return self.rng.choices(words, cum_weights=weights)[0]

    def name(self):
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def sentence(self) -> str:
        r = self.rng.randrange(11)
        if r == 8:
            return (
                f"In {self.pick(PLACES)} entstehen {self.pick(ADJECTIVES)} {self.pick(PLURALS)} "
                f"für {self.pick(PEOPLE)}."
            )
        if r == 9:
            return (
                f"Ansprechperson für {self.pick(SINGULARS)} und {self.pick(SINGULARS)} ist "
                f"{self.name()}, {self.pick(ROLES)}."
            )
        if r == 10:
            return (
                f"Das Landesnetzwerk {self.pick(SINGULAR_VERBS)} {self.pick(ADJECTIVES)} "
                f"{self.pick(PLURALS)} im {self.pick(DISTRICTS)}."
            )
        if r == 0:
            return (
                f"{self.pick(PEOPLE)} in {self.pick(PLACES)} {self.pick(PLURAL_VERBS)} "
                f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)} für {self.pick(TOPICS)}."
            )
        if r == 1:
            return (
                f"Das Landesnetzwerk {self.pick(SINGULAR_VERBS)} {self.pick(ADJECTIVES)} "
                f"{self.pick(NOUNS)} im {self.pick(DISTRICTS)}."
            )
        if r == 2:
            return (
                f"„{self.pick(TOPICS)} brauchen {self.pick(ADJECTIVES)} {self.pick(NOUNS)}“, "
                f"sagt {self.name()}, {self.pick(ROLES)}."
            )
        if r == 3:
            return (
                f"Zur {self.pick(OCCASIONS)} laden {self.pick(PEOPLE)} am "
                f"{self.rng.randint(1, 28)}. {self.pick(MONTHS)} nach {self.pick(PLACES)} ein."
            )
        if r == 4:
            return (
                f"Seit {self.rng.randint(2008, 2026)} begleiten {self.pick(PEOPLE)} "
                f"{self.pick(PEOPLE)} bei {self.pick(TOPICS)}."
            )
        if r == 5:
            return (
                f"Im {self.pick(DISTRICTS)} fehlen {self.pick(ADJECTIVES)} {self.pick(NOUNS)} "
                f"für {self.pick(PEOPLE)}."
            )
        if r == 6:
            return (
                f"Gefördert wird das Vorhaben aus dem Programm {self.pick(PROGRAMMES)}; "
                f"Ansprechperson ist {self.name()}."
            )
        return (
            f"Viele {self.pick(PEOPLE)} berichten, dass {self.pick(TOPICS)} in "
            f"{self.pick(PLACES)} besser gelingen, wenn {self.pick(NOUNS)} früh beginnen."
        )

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 5)))

    def body(self) -> list[str]:
        return [self.paragraph() for _ in range(self.rng.randint(3, 5))]

    def title(self, kind: str) -> str:
        if kind == "release":
            r = self.rng.randrange(3)
            if r == 0:
                return f"{self.pick(TOPICS)} in {self.pick(PLACES)}: {self.pick(PEOPLE)} {self.pick(PLURAL_VERBS)} {self.pick(NOUNS)}"  # noqa: E501
            if r == 1:
                return f"Landesnetzwerk {self.pick(SINGULAR_VERBS)} {self.pick(ADJECTIVES)} {self.pick(NOUNS)} für {self.pick(TOPICS)}"  # noqa: E501
            return f"{self.pick(OCCASIONS)} {self.rng.randint(2015, 2026)} in {self.pick(PLACES)}"
        if kind == "project":
            return f"{self.pick(SINGULARS)}: {self.pick(TOPICS)} für {self.pick(PEOPLE)} im {self.pick(DISTRICTS)}"  # noqa: E501
        return f"{self.pick(EVENTS)} „{self.pick(PLURALS)}“ in {self.pick(PLACES)}"


QUERY_TYPES = ["single word", "two words", "phrase", "typo", "gendered/umlaut form"]


def query_mix(seed: int, count: int) -> list[tuple[str, str]]:
    """(type, query) pairs: single words, two words, phrases, typos, gendered forms.

    Words are drawn half from the most frequent ones (Zipf weights, as readers
    mostly search for common topics) and half uniformly (the long tail).
    """
    rng = random.Random(seed + 1)  # noqa: S311
    zipf = Writer(seed + 3)
    vocabulary = [*TOPICS, *SINGULARS, *PLURALS, *NOUNS, *[p for p in PLACES if " " not in p]]

    def word():
        return zipf.pick(vocabulary) if rng.random() < 0.5 else rng.choice(vocabulary)

    gendered = [
        "Migrantin", "Migrant*innen", "Ärztin", "Aerzte", "Kollegin", "Dolmetscher",
        "Sozialarbeiterin", "Beraterin", "Sprachmittlerin", "Mentorin",
    ]  # fmt: skip
    phrases = [*OCCASIONS, *[f"{a} {p}" for a in ADJECTIVES for p in PLURALS[:20]]]
    pairs = []
    for _ in range(count):
        r = rng.random()
        if r < 0.35:
            pairs.append(("single word", word()))
        elif r < 0.60:
            pairs.append(("two words", f"{word()} {rng.choice(PLACES).split()[0]}"))
        elif r < 0.75:
            pairs.append(("phrase", f'"{rng.choice(phrases)}"'))
        elif r < 0.88:
            typed = rng.choice([w for w in vocabulary if len(w) > 8])
            i = rng.randrange(2, len(typed) - 2)
            pairs.append(("typo", typed[:i] + typed[i + 1 :]))
        else:
            pairs.append(("gendered/umlaut form", rng.choice(gendered)))
    return pairs


def prefixes(seed: int, count: int) -> list[str]:
    rng = random.Random(seed + 2)  # noqa: S311
    words = [w for w in [*TOPICS, *EVENTS, *OCCASIONS, *PLACES, *PLURALS] if len(w) >= 5]
    fixed = ["Üb", "Ueb", "Stra", "Straß", "Ärz", "Mül", "Inte", "Bera"]
    return fixed + [
        rng.choice(words).split()[0][: rng.randint(2, 6)] for _ in range(count - len(fixed))
    ]


# ------------------------------------------------------------------ the parent


def machine_facts() -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return [
        f"machine: {os.cpu_count()} cores{', ' + cpu if cpu else ''}, {memory}",
        f"system: {platform.platform()}, Python {platform.python_version()}",
    ]


def script_output(*command) -> str:
    try:
        return subprocess.run(  # noqa: S603 - the project's own scripts
            command, cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def postgres_admin(url: str, statement: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname=parts.path.lstrip("/") or "postgres",
        autocommit=True,
    ) as connection:
        connection.execute(statement)


def delete_indexes(url: str, prefix: str) -> None:
    """Delete the engine's indexes named `prefix`..., one by one (no Django here)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_cat/indices/{prefix}*?h=index", timeout=10) as response:
            names = response.read().decode().split()
        for name in names:
            request = urllib.request.Request(f"{url}/{name}", method="DELETE")  # noqa: S310 - http
            with opener.open(request, timeout=10):
                pass
    except OSError as error:
        print(f"could not delete the indexes {prefix}* on {url}: {error}")


def run_engine(engine: str, args) -> int:
    workdir = Path(tempfile.mkdtemp(prefix=f"lamsa-bench-{engine}-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
    }
    for name in ("ELASTICSEARCH_URL", "ELASTICSEARCH_ENGINE", "ELASTICSEARCH_INDEX_PREFIX"):
        env.pop(name, None)
    database = base = ""
    if engine == "postgres":
        base = args.postgres_url or script_output("scripts/postgres", "url")
        if not base:
            print("postgres: no server (run scripts/postgres start or pass --postgres-url)")
            return 1
        database = f"lamsa_bench_{uuid.uuid4().hex[:8]}"
        try:
            postgres_admin(base, f'CREATE DATABASE "{database}"')
        except Exception as error:
            print(f"postgres: cannot create a database on {base}: {error}")
            return 1
        env["DATABASE_URL"] = with_database(base, database)
    if engine == "elasticsearch":
        url = args.engine_url or script_output("scripts/search-engine", "url")
        kind = args.engine_kind or script_output("scripts/search-engine", "engine")
        env["ELASTICSEARCH_URL"] = url
        env["ELASTICSEARCH_ENGINE"] = kind or "elasticsearch"
        env["ELASTICSEARCH_INDEX_PREFIX"] = f"bench_{uuid.uuid4().hex[:8]}_"
        env["ELASTICSEARCH_TIMEOUT"] = "30"
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        engine,
        "--pages",
        str(args.pages),
        "--queries",
        str(args.queries),
        "--autocomplete",
        str(args.autocomplete),
        "--seed",
        str(args.seed),
        "--budget",
        str(args.budget),
    ]
    prefix = env.get("ELASTICSEARCH_INDEX_PREFIX", "")
    try:
        # This script itself, as the worker for one engine.
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if prefix:
            delete_indexes(env["ELASTICSEARCH_URL"], prefix)  # if the worker could not
        if database:
            postgres_admin(base, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


# ------------------------------------------------------------------ the worker


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def latency_line(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{label:<28} n={len(ms):<4} p50 {percentile(ms, 0.5):7.1f} ms   "
        f"p95 {percentile(ms, 0.95):7.1f} ms   mean {statistics.fmean(ms):7.1f} ms   "
        f"max {max(ms):7.1f} ms"
    )


def engine_version(engine: str) -> str:
    from django.db import connection

    if engine == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (FTS5)"
    if engine == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    from wagtail.search.backends import get_search_backend

    info = get_search_backend("default").es.info()
    version = info["version"]
    return f"{version.get('distribution', 'elasticsearch')} {version['number']}"


def build_site():
    """Root → home → press, projects and events sections (what the pages need)."""
    from wagtail.models import Page, Site

    from home import factories as home_factories
    from press import factories as press_factories

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
    home = home_factories.HomePageFactory(parent=root, slug="start")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return {
        "release": press_factories.PressReleaseIndexPageFactory(parent=home),
        "project": home_factories.ProjectIndexPageFactory(parent=home),
        "event": home_factories.EventIndexPageFactory(parent=home),
    }


def specific_fields(kind: str, writer: Writer, number: int, today: datetime.date) -> dict:
    from django.utils import timezone
    from wagtail.rich_text import RichText

    body = [("paragraph", RichText(f"<p>{text}</p>")) for text in writer.body()]
    lead = " ".join(writer.sentence() for _ in range(2))
    days = writer.rng.randint(0, 3650)
    if kind == "release":
        return {
            "date": today - datetime.timedelta(days=days),
            "place": writer.pick(PLACES),
            "lead": lead,
            "body": body,
        }
    if kind == "project":
        start = today - datetime.timedelta(days=days)
        return {
            "acronym": f"P{number}",
            "summary": lead,
            "body": body,
            "funding_programme": writer.pick(PROGRAMMES),
            "funding_start": start,
            "funding_end": start + datetime.timedelta(days=3 * 365),
            "target_groups": "\n".join(writer.pick(PEOPLE) for _ in range(2)),
        }
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days - 1800)
    return {
        "start": start,
        "end": start + datetime.timedelta(hours=3),
        "location_name": writer.pick(PLACES),
        "summary": lead,
        "body": body,
    }


def create_pages(parents: dict, count: int, writer: Writer) -> dict:
    """`count` live pages: the first ORM_SAMPLE through add_child, the rest in bulk.

    The bulk path writes what add_child would: treebeard paths continuing the
    parent's children, depth, url_path, numchild of the parent, one row per
    page in wagtailcore_page (bulk_create) and one in the specific table
    (save_base(raw=True) inserts only that table). No revisions are created:
    search needs none.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from home.models import EventPage, ProjectPage
    from press.models import PressReleasePage

    models = {"release": PressReleasePage, "project": ProjectPage, "event": EventPage}
    kinds = ["release"] * 2 + ["project", "event"]  # half releases, a quarter each of the rest
    locale = Locale.get_default()
    today = timezone.localdate()
    now = timezone.now()
    plan = [(number, kinds[number % 4]) for number in range(count)]

    started = time.perf_counter()
    sample = plan[:ORM_SAMPLE]
    for number, kind in sample:
        fields = specific_fields(kind, writer, number, today)
        page = models[kind](title=writer.title(kind), slug=f"seite-{number}", **fields)
        parents[kind].add_child(instance=page)
    orm_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        for kind, model in models.items():
            parent = Page.objects.get(pk=parents[kind].pk)
            last = parent.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            content_type = ContentType.objects.get_for_model(model)
            batch = [(n, k) for n, k in plan[ORM_SAMPLE:] if k == kind]
            for offset in range(0, len(batch), 500):
                chunk = batch[offset : offset + 500]
                bases, specifics = [], []
                for number, _kind in chunk:
                    step += 1
                    slug = f"seite-{number}"
                    title = writer.title(kind)
                    bases.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            path=Page._get_path(parent.path, parent.depth + 1, step),
                            depth=parent.depth + 1,
                            numchild=0,
                            url_path=f"{parent.url_path}{slug}/",
                            content_type=content_type,
                            locale=locale,
                            translation_key=uuid.uuid4(),
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=now,
                            last_published_at=now,
                        )
                    )
                    specifics.append(specific_fields(kind, writer, number, today))
                Page.objects.bulk_create(bases)
                for base, fields in zip(bases, specifics, strict=True):
                    specific = model(page_ptr_id=base.pk, **fields)
                    # Only the specific table: the wagtailcore_page row exists.
                    specific.save_base(raw=True, force_insert=True)
            Page.objects.filter(pk=parent.pk).update(numchild=step)
    bulk_seconds = time.perf_counter() - started
    problems = Page.find_problems()
    return {
        "orm_pages": len(sample),
        "orm_seconds": orm_seconds,
        "bulk_pages": count - len(sample),
        "bulk_seconds": bulk_seconds,
        "tree_problems": sum(len(found) for found in problems),
    }


def worker(args) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from search import quality, resilience, service, suggest

    engine = args.worker
    # update_index deletes index names that do not exist yet; the client logs each 404.
    for name in ("opensearch", "elasticsearch", "elastic_transport"):
        logging.getLogger(name).setLevel(logging.ERROR)

    def say(line):
        print(line, flush=True)

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_seconds = time.perf_counter() - started
    say(f"== {engine}: {engine_version(engine)}")
    say(f"{'migrate (throwaway database)':<28} {migrate_seconds:8.1f} s")

    # No index updates while the pages are created: the index is built in bulk below.
    quiet = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    writer = Writer(args.seed)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
            parents = build_site()
            created = create_pages(parents, args.pages, writer)
        orm_ms = created["orm_seconds"] / max(created["orm_pages"], 1) * 1000
        bulk_rate = created["bulk_pages"] / max(created["bulk_seconds"], 1e-9)
        say(
            f"{'create pages':<28} {created['orm_seconds'] + created['bulk_seconds']:8.1f} s   "
            f"({created['orm_pages']} via add_child: {orm_ms:.0f} ms/page, "
            f"{args.pages} that way would take {orm_ms * args.pages / 1000:.0f} s; "
            f"{created['bulk_pages']} in bulk: {bulk_rate:.0f} pages/s; "
            f"tree problems: {created['tree_problems']})"
        )

        pages = Page.objects.filter(depth__gt=1).count()
        started = time.perf_counter()
        call_command("update_index", backend_name="default", stdout=io.StringIO())
        index_seconds = time.perf_counter() - started
        say(
            f"{'index build (update_index)':<28} {index_seconds:8.1f} s   "
            f"{pages / index_seconds:.0f} pages/s ({pages} pages)"
        )
        backend = get_search_backend("default")
        if hasattr(backend, "es"):
            backend.get_index_for_model(Page).refresh()

        locale = Locale.get_default()
        started = time.perf_counter()
        suggest.vocabulary(service.search_locales(locale))
        say(f"{'typo vocabulary build':<28} {time.perf_counter() - started:8.2f} s")
        for query in ("Integrationskurse", "Halle", '"Straße der Vielfalt"'):
            service.search(query, locale)  # warm-up

        by_type, timings, hits, degraded, empty = {}, [], [], 0, []
        deadline = time.perf_counter() + args.budget
        mix = query_mix(args.seed, args.queries)
        for kind, query in mix:
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            outcome = service.search(query, locale)
            elapsed = time.perf_counter() - started
            timings.append(elapsed)
            by_type.setdefault(kind, []).append(elapsed)
            hits.append(outcome.total)
            degraded += outcome.degraded
            if not outcome.total:
                empty.append(query)
        cut = f" (stopped after {args.budget} s)" if len(timings) < len(mix) else ""
        say(latency_line(f"search ({len(timings)} queries){cut}", timings))
        for kind in QUERY_TYPES:
            if by_type.get(kind):
                say(latency_line(f"  {kind}", by_type[kind]))
        say(
            f"{'  results per query':<28} median {statistics.median(hits):.0f} "
            f"(at most {service.MAX_HITS}), none for {sum(1 for h in hits if not h)}, "
            f"database fallback answered {degraded}"
        )
        if empty:
            say(f"{'  no results for':<28} {'; '.join(empty)}")

        timings = []
        deadline = time.perf_counter() + args.budget
        typed = prefixes(args.seed, args.autocomplete)
        for prefix in typed:
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            service.autocomplete(prefix, locale)
            timings.append(time.perf_counter() - started)
        cut = f" (stopped after {args.budget} s)" if len(timings) < len(typed) else ""
        say(latency_line(f"autocomplete ({len(timings)} prefixes){cut}", timings))
        if not resilience.engine_available():
            say("warning: the engine failed during the run; the database answered")
    finally:
        backend = get_search_backend("default")
        if hasattr(backend, "es"):
            prefix = settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]
            quality.delete_engine_indexes(backend, prefix)
    return 0


def main() -> int:
    # A terminated run still drops its database and deletes its index (finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--autocomplete", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--budget",
        type=int,
        default=180,
        help="stop the searches, and then the autocompletes, of one engine after this many "
        "seconds each (default 180: SQLite needs seconds per query at 10,000 pages)",
    )
    parser.add_argument("--postgres-url", help="default: scripts/postgres url")
    parser.add_argument(
        "--engine-url", help="default: $ELASTICSEARCH_URL, scripts/search-engine url"
    )
    parser.add_argument("--engine-kind", help="elasticsearch or opensearch (default: detected)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)

    args.engine_url = args.engine_url or os.environ.get("ELASTICSEARCH_URL", "")
    args.engine_kind = args.engine_kind or os.environ.get("ELASTICSEARCH_ENGINE", "")
    engines = [ALIASES.get(e.strip(), e.strip()) for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    for line in machine_facts():
        print(line)
    print(
        f"run: {args.pages} pages, {args.queries} queries, {args.autocomplete} autocomplete "
        f"prefixes, seed {args.seed}, {datetime.datetime.now():%Y-%m-%d %H:%M}"
    )
    status = 0
    for engine in engines:
        print()
        started = time.perf_counter()
        status = run_engine(engine, args) or status
        print(f"{'total for ' + engine:<28} {time.perf_counter() - started:8.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
