"""The German query test set: what every search engine of the site must find.

A handful of small pages (`DOCUMENTS`) with distinctive German content and the
queries readers type (`CASES`), grouped by what the analysis must get right:
singular and plural, compound words found by their parts, umlaut and ß
spellings, feminine and gendered forms of person nouns, typos, quoted phrases,
autocomplete on umlaut prefixes, and precision (a query must not drag in an
unrelated page). Each case names the documents that must be among the results
and, optionally, those that must not.

Every case goes through `search.service` exactly as the search page and the
autocomplete use it. The typo correction (which rewrites a query that found
nothing) is accepted for the typo cases only: any other case that is found
only through it fails, because then the analysis did not match the query.
Used by tests/search/test_german_queries.py (database backend and real engine)
and by `manage.py search_quality`, which reports per configured backend.
The texts are written for this project; the facts come from the domain brief.
"""

import dataclasses
import datetime

from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from search import resilience, service

# Categories, in the order the report lists them.
PLURAL = "plural"
COMPOUND = "compound"
SPELLING = "umlaut-spelling"
GENDER = "gender"
TYPO = "typo"
PHRASE = "phrase"
AUTOCOMPLETE = "autocomplete"
PRECISION = "precision"


@dataclasses.dataclass(frozen=True)
class Document:
    """A page to create: `lead` goes to the kind's short text (lead, summary, intro...)."""

    key: str
    kind: str  # release | project | event | article | member | page
    title: str
    lead: str
    body: tuple[str, ...] = ()
    place: str = "Halle (Saale)"


@dataclasses.dataclass(frozen=True)
class Case:
    category: str
    query: str
    expected: frozenset[str]  # document keys that must be among the results
    absent: frozenset[str] = frozenset()  # document keys that must not be
    kind: str = "search"  # search | autocomplete

    @property
    def id(self) -> str:
        return f"{self.category}: {self.query}"


@dataclasses.dataclass
class CaseResult:
    case: Case
    found_keys: list[str]  # our documents among the results, in result order
    found_titles: list[str]  # every result, in order
    corrected_query: str = ""
    degraded: bool = False  # the engine failed and the database index answered
    error: str = ""

    @property
    def missing(self) -> set[str]:
        return set(self.case.expected) - set(self.found_keys)

    @property
    def unwanted(self) -> set[str]:
        return set(self.case.absent) & set(self.found_keys)

    @property
    def rescued(self) -> bool:
        """Found only because the typo correction rewrote a query that is no typo."""
        return bool(self.corrected_query) and self.case.category != TYPO

    @property
    def passed(self) -> bool:
        return not (self.error or self.degraded or self.missing or self.unwanted or self.rescued)

    def explain(self) -> str:
        """One line for a failure report: what was missing or wrongly there, what was found."""
        parts = []
        if self.error:
            parts.append(f"error: {self.error}")
        if self.degraded:
            parts.append("the engine failed, the database fallback answered")
        if self.missing:
            parts.append("missing: " + ", ".join(sorted(self.missing)))
        if self.unwanted:
            parts.append("should not be found: " + ", ".join(sorted(self.unwanted)))
        if self.rescued:
            parts.append(
                f"found only through the typo correction to {self.corrected_query!r}: "
                "the analysis does not match the query as typed"
            )
        elif self.corrected_query:
            parts.append(f"corrected to {self.corrected_query!r}")
        found = "; ".join(self.found_titles) if self.found_titles else "nothing"
        parts.append(f"found: {found}")
        return " | ".join(parts)


DOCUMENTS = [
    Document(
        "frauen_magdeburg",
        "release",
        "Integrationskurse für geflüchtete Frauen in Magdeburg",
        "Gute Integration beginnt mit einem freien Platz: Das Landesnetzwerk fordert "
        "mehr Integrationskurse mit Kinderbetreuung in der Landeshauptstadt.",
        (
            "Viele Mütter warten in Magdeburg über ein Jahr auf einen Kursplatz, weil "
            "niemand ihre Kinder betreut, während sie lernen.",
            "„Wer Deutsch lernen will, darf nicht an fehlender Betreuung scheitern“, "
            "sagt die Geschäftsführerin des Landesnetzwerks.",
        ),
        place="Magdeburg",
    ),
    Document(
        "laendlicher_raum",
        "release",
        "Migrantenorganisationen im ländlichen Raum stärken",
        "Vereine in der Altmark, im Harz und im Burgenlandkreis leisten viel "
        "ehrenamtliche Arbeit, erhalten aber kaum Fördermittel.",
        (
            "Das Landesnetzwerk schlägt eine Servicestelle vor, die kleine Vereine bei "
            "Anträgen, Abrechnungen und der Suche nach Räumen unterstützt.",
        ),
    ),
    Document(
        "sprachmittlung",
        "project",
        "Sprachmittlerinnen im Gesundheitswesen",
        "Geschulte Sprachmittlerinnen begleiten Patientinnen und Patienten zu "
        "Ärztinnen und Ärzten in Halle und im Saalekreis.",
        (
            "Sie sorgen dafür, dass Befunde verstanden werden und Behandlungen gelingen. "
            "Jedes Jahr schult das Projekt neue Ehrenamtliche.",
        ),
    ),
    Document(
        "strasse_vielfalt",
        "event",
        "Straße der Vielfalt: Lesung mit Aylin Müller-Öztürk",
        "Zum Abschluss des Sommerfests liest die Autorin Aylin Müller-Öztürk aus ihrem "
        "Buch über Nachbarschaften in Halle-Neustadt.",
        (
            "Die Straße der Vielfalt verbindet an diesem Nachmittag Vereine aus zwölf "
            "Herkunftsländern mit Musik, Essen und Gesprächen.",
        ),
    ),
    Document(
        # The decoy of the phrase cases: both words, never side by side.
        "vielfalt_decoy",
        "page",
        "Unsere Mitglieder vor Ort",
        "Unsere Mitglieder sind in fast jeder Straße von Dessau-Roßlau zu Hause. Ihre "
        "Vielfalt macht das Netzwerk stark.",
        ("Manche Vereine gibt es seit drei Jahrzehnten, andere sind gerade gegründet.",),
    ),
    Document(
        "uebersetzung",
        "article",
        "Übersetzung ist Vertrauenssache",
        "Warum Dolmetscher*innen in Behörden, Schulen und Kliniken mehr brauchen als "
        "gute Sprachkenntnisse.",
        (
            "Wer in einem Amt zwischen zwei Sprachen vermittelt, trägt Verantwortung für "
            "Entscheidungen, die ein Leben verändern können.",
            "Eine gute Übertragung braucht Zeit, Schulung und ein faires Honorar.",
        ),
    ),
    Document(
        "ausbildung",
        "release",
        "Mehr Ausbildungsplätze für junge Zugewanderte",
        "Betriebe in Sachsen-Anhalt suchen Nachwuchs, und viele junge Migranten suchen "
        "eine Lehrstelle.",
        (
            "Das Landesnetzwerk bringt Kammern, Betriebe und Vereine an einen Tisch, "
            "damit die duale Ausbildung öfter gelingt.",
        ),
    ),
    Document(
        "beratungsstellen",
        "page",
        "Beratungsstellen im Überblick",
        "Hier finden Ratsuchende Beratungsstellen zu Aufenthalt, Arbeit und Familie in "
        "allen Landkreisen.",
        ("Die Liste wird jedes Quartal aktualisiert.",),
    ),
    Document(
        "familienverein",
        "member",
        "Familienzentrum Regenbogen e.V.",
        "Der Verein betreibt eine Beratungsstelle für Familien und lädt jeden Freitag "
        "Migrant*innen zum Sprachcafé ein.",
        place="Dessau-Roßlau",
    ),
    Document(
        "kolleginnen",
        "release",
        "Zwei neue Kolleginnen in der Geschäftsstelle",
        "Seit diesem Monat verstärken eine Referentin für Öffentlichkeitsarbeit und eine "
        "Projektkoordinatorin das Team in Halle.",
        ("Beide sprechen neben Deutsch auch Arabisch und Russisch.",),
    ),
    Document(
        "empowerment",
        "event",
        "Empowerment-Workshop für Migrantinnen",
        "Ein Wochenende für alle, die sich in Vereinen engagieren wollen: auftreten, "
        "verhandeln, Netzwerke knüpfen.",
        ("Kinderbetreuung wird angeboten; die Teilnahme ist kostenlos.",),
        place="Lutherstadt Wittenberg",
    ),
    Document(
        "aerzte_netzwerk",
        "member",
        "Netzwerk zugewanderter Ärzte Sachsen-Anhalt",
        "Ärzte aus Syrien, der Ukraine und Afghanistan helfen einander bei der "
        "Anerkennung ihrer Abschlüsse.",
        place="Magdeburg",
    ),
    Document(
        "kommunen",
        "article",
        "Was Kommunen von Migrantenorganisationen haben",
        "Ein Beitrag über demografischen Wandel, Willkommenskultur und Partnerschaft "
        "statt Dienstleistung.",
        (
            "Wo Verwaltungen früh mit Vereinen sprechen, kommen Angebote dort an, wo sie "
            "gebraucht werden.",
        ),
    ),
    Document(
        "gewaltschutz",
        "project",
        "Gewaltschutz in Gemeinschaftsunterkünften",
        "Geflüchtete in Gemeinschaftsunterkünften, besonders Frauen und Kinder, erfahren, "
        "wo sie Schutz und Hilfe finden.",
        ("Das Projekt schult Mitarbeitende und Bewohnerräte in den Heimen.",),
    ),
    Document(
        # Integration and courses, but not the compound "Integrationskurs".
        "integration_sport",
        "page",
        "Integration durch Sport",
        "Sportvereine leisten Integration im Alltag. Im Herbst beginnen neue Kurse für "
        "Trainerinnen und Trainer.",
    ),
]
DOCUMENT_KEYS = {document.key for document in DOCUMENTS}
KEY_BY_TITLE = {document.title: document.key for document in DOCUMENTS}


def _case(category, query, expected, absent=(), kind="search"):
    return Case(category, query, frozenset(expected), frozenset(absent), kind)


MIGRANTS = {"empowerment", "familienverein", "ausbildung"}
DOCTORS = {"sprachmittlung", "aerzte_netzwerk"}
COUNSELLING = {"beratungsstellen", "familienverein"}
STREET = {"strasse_vielfalt", "vielfalt_decoy"}
ORGANISATIONS = {"laendlicher_raum", "kommunen"}
REFUGEES = {"frauen_magdeburg", "gewaltschutz"}

CASES = [
    # Singular finds plural and back.
    _case(PLURAL, "Ausbildungsplatz", {"ausbildung"}),
    _case(PLURAL, "Ausbildungsplätze", {"ausbildung"}),
    _case(PLURAL, "Beratungsstelle", COUNSELLING),
    _case(PLURAL, "Beratungsstellen", COUNSELLING),
    _case(PLURAL, "Kommune", {"kommunen"}),
    _case(PLURAL, "Gemeinschaftsunterkunft", {"gewaltschutz"}),
    _case(PLURAL, "Geflüchteten", REFUGEES),
    # A part finds the compound.
    _case(COMPOUND, "Organisation", ORGANISATIONS),
    _case(COMPOUND, "Organisationen", ORGANISATIONS),
    _case(COMPOUND, "Kurs", {"frauen_magdeburg"}),
    _case(COMPOUND, "Gesundheit", {"sprachmittlung"}),
    _case(COMPOUND, "Beratung", COUNSELLING),
    _case(COMPOUND, "Unterkunft", {"gewaltschutz"}),
    # Umlauts and ß, and their spellings without them.
    _case(SPELLING, "Straße", STREET),
    _case(SPELLING, "Strasse", STREET),
    _case(SPELLING, "Übersetzung", {"uebersetzung"}),
    _case(SPELLING, "Uebersetzung", {"uebersetzung"}),
    _case(SPELLING, "Müller-Öztürk", {"strasse_vielfalt"}),
    _case(SPELLING, "Mueller", {"strasse_vielfalt"}),
    _case(SPELLING, "Mueller-Oeztuerk", {"strasse_vielfalt"}),
    _case(SPELLING, "Aerztinnen", DOCTORS),
    _case(SPELLING, "Aerztin", DOCTORS),
    _case(SPELLING, "laendlichen Raum", {"laendlicher_raum"}),
    _case(SPELLING, "Dessau-Rosslau", {"familienverein", "vielfalt_decoy"}),
    # Person nouns: feminine, masculine, plural and gendered spellings find each other.
    _case(GENDER, "Migrantin", MIGRANTS),
    _case(GENDER, "Migrantinnen", MIGRANTS),
    _case(GENDER, "Migranten", MIGRANTS),
    _case(GENDER, "Migrant*innen", MIGRANTS),
    _case(GENDER, "Migrant:innen", MIGRANTS),
    _case(GENDER, "Ärztin", DOCTORS),
    _case(GENDER, "Ärzt*innen", DOCTORS),
    _case(GENDER, "Ärzte", DOCTORS),
    _case(GENDER, "Arzt", DOCTORS),
    _case(GENDER, "Kollegin", {"kolleginnen"}),
    _case(GENDER, "Kollegen", {"kolleginnen"}),
    _case(GENDER, "Kolleg*innen", {"kolleginnen"}),
    _case(GENDER, "Dolmetscherin", {"uebersetzung"}),
    _case(GENDER, "Dolmetscher", {"uebersetzung"}),
    _case(GENDER, "Dolmetscher:innen", {"uebersetzung"}),
    _case(GENDER, "Sprachmittler", {"sprachmittlung"}),
    # Typos: nothing found, so the service searches for the corrected query.
    _case(TYPO, "Integraton", {"frauen_magdeburg", "integration_sport"}),
    _case(TYPO, "Migrantenorganisaton", ORGANISATIONS),
    _case(TYPO, "Beratunsstelle", COUNSELLING),
    _case(TYPO, "Gesundheitwesen", {"sprachmittlung"}),
    # Quoted phrases: the words side by side, not merely on the same page.
    _case(PHRASE, '"Straße der Vielfalt"', {"strasse_vielfalt"}, {"vielfalt_decoy"}),
    _case(PHRASE, '"Strasse der Vielfalt"', {"strasse_vielfalt"}, {"vielfalt_decoy"}),
    _case(PHRASE, "Straße Vielfalt", STREET),
    _case(PHRASE, '"geflüchtete Frauen"', {"frauen_magdeburg"}, {"gewaltschutz"}),
    _case(PHRASE, "geflüchtete Frauen", REFUGEES),
    # A compound inside the phrase: its parts must not push the next word away.
    _case(PHRASE, '"Integrationskurse für geflüchtete Frauen"', {"frauen_magdeburg"}),
    _case(PHRASE, '"Migrantenorganisationen im ländlichen Raum"', {"laendlicher_raum"}),
    # Autocomplete: title prefixes as typed, with and without umlauts.
    _case(AUTOCOMPLETE, "Üb", {"uebersetzung", "beratungsstellen"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Ueb", {"uebersetzung"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Ärz", {"aerzte_netzwerk"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Aerz", {"aerzte_netzwerk"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Straß", {"strasse_vielfalt"}, {"vielfalt_decoy"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Strass", {"strasse_vielfalt"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Mül", {"strasse_vielfalt"}, kind="autocomplete"),
    _case(AUTOCOMPLETE, "Integrationsk", {"frauen_magdeburg"}, kind="autocomplete"),
    # Precision: what must stay out.
    _case(PRECISION, "Magdeburg", {"frauen_magdeburg"}, {"strasse_vielfalt", "kolleginnen"}),
    _case(PRECISION, "Integrationskurse", {"frauen_magdeburg"}, {"integration_sport"}),
    _case(PRECISION, "Migrantenorganisationen", ORGANISATIONS, {"empowerment"}),
    _case(PRECISION, "Beratungsstelle Dessau", {"familienverein"}, {"beratungsstellen"}),
    _case(PRECISION, "Gesundheitswesen", {"sprachmittlung"}, {"kommunen", "frauen_magdeburg"}),
]


# ------------------------------------------------------------- the pages


def section_parents(home: Page) -> dict[str, Page]:
    """The parent page of each document kind under `home`, created where missing.

    The sections are looked up among home's children; a database without them
    (a fresh one) gets them from the factories, inside the caller's transaction.
    """
    from home import factories as home_factories
    from home.models import (
        ArticleIndexPage,
        EventIndexPage,
        MemberDirectoryPage,
        ProjectIndexPage,
    )
    from press import factories as press_factories
    from press.models import PressReleaseIndexPage

    sections = {
        "release": (PressReleaseIndexPage, press_factories.PressReleaseIndexPageFactory),
        "project": (ProjectIndexPage, home_factories.ProjectIndexPageFactory),
        "event": (EventIndexPage, home_factories.EventIndexPageFactory),
        "article": (ArticleIndexPage, home_factories.ArticleIndexPageFactory),
        "member": (MemberDirectoryPage, home_factories.MemberDirectoryPageFactory),
    }
    parents = {"page": home}
    for kind, (model, factory) in sections.items():
        existing = model.objects.child_of(home).first()
        parents[kind] = existing or factory(parent=home, slug=f"{model._meta.model_name}-quality")
    return parents


def _body(document: Document) -> list:
    return [("paragraph", RichText(f"<p>{paragraph}</p>")) for paragraph in document.body]


def create_page(document: Document, parent: Page, **extra) -> Page:
    """One document as a live page of its kind under `parent`."""
    from home import factories as home_factories
    from home.models import District
    from press import factories as press_factories

    today = timezone.localdate()
    common = {"parent": parent, "title": document.title, "live": True, **extra}
    if document.kind == "release":
        return press_factories.PressReleasePageFactory(
            **common, lead=document.lead, body=_body(document), place=document.place, contacts=[]
        )
    if document.kind == "project":
        return home_factories.ProjectPageFactory(
            **common, summary=document.lead, body=_body(document), acronym=""
        )
    if document.kind == "event":
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=21)
        return home_factories.EventPageFactory(
            **common,
            summary=document.lead,
            body=_body(document),
            location_name=document.place,
            start=start,
            end=start + datetime.timedelta(hours=3),
        )
    if document.kind == "article":
        return home_factories.ArticlePageFactory(
            **common, intro=document.lead, body=_body(document), date=today
        )
    if document.kind == "member":
        district = {
            "Dessau-Roßlau": District.DESSAU_ROSSLAU,
            "Magdeburg": District.MAGDEBURG,
        }.get(document.place, District.HALLE)
        return home_factories.MemberOrganisationPageFactory(
            **common, description=document.lead, city=document.place, district=district
        )
    if document.kind == "page":
        return home_factories.StandardPageFactory(
            **common, intro=document.lead, body=_body(document)
        )
    raise ValueError(f"unknown document kind {document.kind!r}")


def create_documents(parent_pages: dict[str, Page]) -> dict[str, Page]:
    """Create every document (live, published) under its kind's parent; key → page.

    `parent_pages` maps a kind to its parent, as `section_parents` returns it.
    The pages are indexed by the search signals of the configured backends; an
    engine still needs a refresh before they can be found.
    """
    from search import suggest

    pages = {
        document.key: create_page(document, parent_pages[document.kind]) for document in DOCUMENTS
    }
    suggest.invalidate()  # the typo correction's vocabulary now has new words
    return pages


# ------------------------------------------------------------ running cases


def _key(page: Page) -> str | None:
    return KEY_BY_TITLE.get(page.title)


def run_case(case: Case, locale: Locale) -> CaseResult:
    """Run one case through search.service as the search page or the autocomplete does."""
    corrected, degraded = "", False
    try:
        if case.kind == "autocomplete":
            pages = service.autocomplete(case.query, locale)
        else:
            outcome = service.search(case.query, locale)
            pages = list(outcome.hits.paginator.object_list) if outcome.hits else []
            pages = [item.page for item in outcome.promoted if item.page] + pages
            corrected, degraded = outcome.corrected_query, outcome.degraded
    except Exception as error:  # an engine error is a failed case, not a crash
        return CaseResult(case, [], [], error=f"{type(error).__name__}: {error}")
    # A failing engine marks itself down (autocomplete does not report it otherwise).
    degraded = degraded or not resilience.engine_available()
    keys = [key for key in map(_key, pages) if key]
    return CaseResult(
        case, keys, [page.title for page in pages], corrected_query=corrected, degraded=degraded
    )


def delete_engine_indexes(backend, prefix: str) -> None:
    """Delete a search engine's indexes whose names start with `prefix`.

    One by one, by name: Elasticsearch 8 refuses a wildcard delete by default
    (`action.destructive_requires_name`).
    """
    response = backend.es.indices.get(index=f"{prefix}*")
    for name in list(getattr(response, "body", response)):
        backend.es.indices.delete(index=name)


def run_cases(locale: Locale | None = None, cases=None) -> list[CaseResult]:
    """Run every case (the documents must exist and be indexed)."""
    locale = locale or Locale.get_default()
    return [run_case(case, locale) for case in (CASES if cases is None else cases)]
