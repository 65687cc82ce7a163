"""The translators' status overview: states per page and language, filters, one-click actions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from home import roles
from home.translation_status import (
    CURRENT,
    MACHINE,
    MISSING,
    NOT_PUBLISHED,
    OUTDATED,
    SOURCE_CHANGED,
    translation_cells,
    translation_state,
)
from press.factories import PressReleasePageFactory
from tests.translation_helpers import locale, set_string, translate, translate_tree

pytestmark = pytest.mark.django_db

OVERVIEW = "/admin/uebersetzungen/"
LEAD = "Das Landesnetzwerk nimmt Stellung."


def publish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def tree(site_tree):
    translate_tree(site_tree, "en", "ar")
    return site_tree


@pytest.fixture
def releases(tree):
    """One German release per state, seen from English."""
    made = {}
    for name in ("current", "outdated", "machine", "missing"):
        release = PressReleasePageFactory(parent=tree.press, title=f"Mitteilung {name}")
        made[name] = publish(release)
    for name in ("current", "outdated", "machine"):
        translate(made[name], "en", strings={LEAD: "The network takes a stand."})
    source = TranslationSource.objects.get_for_instance(made["machine"])
    set_string(source, made["machine"].title, "en", "Release machine", machine=True)
    translate(made["machine"], "en")
    made["outdated"] = publish(made["outdated"], lead="Neuer Vorspann.")
    return made


@pytest.fixture
def arabic_translator(tree, make_user):
    return make_user(roles.translator_group_name("ar"), username="uebersetzung-ar")


def cell_texts(markup: str, title: str) -> str:
    """The text of the table row of the German page ``title``."""
    row = re.search(
        rf"<tr>\s*<th scope=\"row\"[^>]*>\s*<a [^>]*>{re.escape(title)}</a>.*?</tr>", markup, re.S
    )
    assert row, f"no row for {title}"
    return re.sub(r"<[^>]+>", " ", row.group(0))


def test_states(releases):
    en = locale("en")
    assert {name: translation_state(page, en) for name, page in releases.items()} == {
        "current": CURRENT,
        "outdated": OUTDATED,
        "machine": MACHINE,
        "missing": MISSING,
    }
    cell = translation_cells([releases["outdated"]], [en])[(releases["outdated"].pk, en.pk)]
    assert cell.reason == SOURCE_CHANGED
    # The English page of a translation answers for it too.
    assert translation_state(releases["current"].get_translation(en), "en") == CURRENT


def test_overview_shows_each_state_with_its_actions(client, releases, press_officer):
    client.force_login(press_officer)
    markup = client.get(
        OVERVIEW, {"sprache": "en", "bereich": releases["current"].get_parent().pk}
    ).content.decode()

    assert "aktuell" in cell_texts(markup, "Mitteilung current")
    outdated = cell_texts(markup, "Mitteilung outdated")
    assert "veraltet" in outdated and "Synchronisieren" in outdated
    assert "maschinell, ungeprüft" in cell_texts(markup, "Mitteilung machine")
    missing = cell_texts(markup, "Mitteilung missing")
    assert "fehlt" in missing and "Übersetzung anlegen" in missing


def test_filter_by_state_and_language(client, releases, press_officer):
    client.force_login(press_officer)
    markup = client.get(OVERVIEW, {"sprache": "en", "zustand": "outdated"}).content.decode()
    assert "Mitteilung outdated" in markup
    assert "Mitteilung current" not in markup
    header = re.search(r"<thead>.*?</thead>", markup, re.S).group(0)
    assert "(en)" in header
    assert "(ar)" not in header


def test_whole_table_costs_the_same_queries_for_more_pages(client, tree, press_officer):
    client.force_login(press_officer)
    client.get(OVERVIEW)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(OVERVIEW).status_code == 200
        return len(captured)

    before = queries()
    for n in range(6):
        release = PressReleasePageFactory(parent=tree.press, title=f"Weitere {n}")
        publish(release)
        if n % 2:
            translate(release, "en")
    assert queries() == before


def test_sync_updates_the_source_and_drafts_without_publishing(client, releases, press_officer):
    outdated = releases["outdated"]
    english = outdated.get_translation(locale("en")).specific
    live_lead = english.lead
    revisions = Revision.page_revisions.filter(object_id=str(english.pk)).count()
    client.force_login(press_officer)

    response = client.post(reverse("translation_admin:sync", args=[outdated.pk, "en"]))

    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(outdated)
    assert "Neuer Vorspann." in source.content_json
    english = type(english).objects.get(pk=english.pk)
    assert english.live
    assert english.lead == live_lead, "the public version changed"
    assert Revision.page_revisions.filter(object_id=str(english.pk)).count() == revisions + 1
    assert english.get_latest_revision_as_object().lead == "Neuer Vorspann."
    cell = translation_cells([outdated], [locale("en")])[(outdated.pk, locale("en").pk)]
    assert (cell.state, cell.reason) == (OUTDATED, NOT_PUBLISHED)

    # Publishing it (what "Publish in English" does) brings it up to date.
    english.get_latest_revision().publish()
    assert translation_state(outdated, "en") == CURRENT


def test_mark_reviewed_turns_a_machine_draft_current(client, releases, press_officer):
    machine = releases["machine"]
    client.force_login(press_officer)

    client.post(reverse("translation_admin:reviewed", args=[machine.pk, "en"]))

    assert translation_state(machine, "en") == CURRENT
    assert not StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, locale=locale("en")
    ).exists()


def test_translator_creates_a_translation_in_their_language_only(
    client, releases, arabic_translator
):
    missing = releases["missing"]
    client.force_login(arabic_translator)

    response = client.post(reverse("translation_admin:create", args=[missing.pk, "ar"]))

    arabic = missing.get_translation(locale("ar"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    assert not arabic.live, "a new translation is a draft"
    assert arabic.permissions_for_user(arabic_translator).can_edit()

    response = client.post(reverse("translation_admin:create", args=[missing.pk, "en"]))
    assert response.status_code != 302 or "/admin/pages/" not in response.url
    assert not Page.objects.filter(translation_key=missing.translation_key, locale=locale("en"))


def test_translator_sees_actions_for_their_language_only(client, releases, arabic_translator):
    translate(releases["current"], "ar")
    client.force_login(arabic_translator)
    markup = client.get(OVERVIEW, {"zustand": ""}).content.decode()
    row = re.search(
        r"<tr>\s*<th scope=\"row\"[^>]*>\s*<a [^>]*>Mitteilung current</a>.*?</tr>", markup, re.S
    ).group(0)
    cells = re.findall(r"<td class=\"translation-cell\">.*?</td>", row, re.S)
    english, arabic = cells[0], cells[1]
    assert "Übersetzen/Bearbeiten" not in english
    assert "Übersetzen/Bearbeiten" in arabic
    forbidden = client.post(reverse("translation_admin:sync", args=[releases["outdated"].pk, "en"]))
    assert forbidden.status_code != 302 or forbidden.url == "/admin/"


def test_menu_item_for_translators_and_editors_not_for_moderators(
    client, tree, arabic_translator, make_user
):
    menu_item = '"name": "translations"'  # in the sidebar's JSON
    client.force_login(arabic_translator)
    assert client.get(OVERVIEW).status_code == 200
    assert menu_item in client.get("/admin/").content.decode()
    client.force_login(make_user(roles.MODERATORS))
    assert client.get(OVERVIEW).status_code != 200
    assert menu_item not in client.get("/admin/").content.decode()
