"""Translators per language: each group translates into its language and nothing else.

Also: every site language has its locale, and translated releases stay under
the press workflow and the press office's publishing rights.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState

from home import roles
from press.factories import PressReleasePageFactory
from tests.translation_helpers import locale, translate, translate_tree

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def translated(site_tree):
    """The site's home page and sections in English and Arabic, with a release in each."""
    release = PressReleasePageFactory(parent=site_tree.press, title="Sperrfreie Mitteilung")
    release.save_revision().publish()
    translate_tree(site_tree, "en", "ar", sections=("press", "projects"))
    site_tree.release = release
    site_tree.release_en = translate(release, "en")
    site_tree.release_ar = translate(release, "ar")
    return site_tree


@pytest.fixture
def arabic_translator(translated, make_user):
    return make_user(roles.translator_group_name("ar"), username="uebersetzung-ar")


def test_setup_roles_creates_a_locale_and_a_group_per_site_language(site_tree):
    codes = {code for code, _name in roles.settings.LANGUAGES}
    assert codes <= set(Locale.objects.values_list("language_code", flat=True))
    for code in codes - {"de"}:
        group = Group.objects.get(name=roles.translator_group_name(code))
        assert group.permissions.filter(codename="access_admin").exists()
    assert roles.translator_group_name("en") == "Übersetzung: English (en)"


def test_a_language_added_to_the_settings_gets_its_locale_and_group(site_tree):
    languages = [*roles.settings.LANGUAGES, ("tr", "Türkçe")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        call_command("setup_roles", stdout=io.StringIO())
        assert Locale.objects.filter(language_code="tr").exists()
        assert Group.objects.filter(name="Übersetzung: Türkçe (tr)").exists()


def test_translator_edits_their_language_only(translated, arabic_translator):
    user = fresh(arabic_translator)
    arabic = Page.objects.filter(locale=locale("ar")).exclude(depth=1)
    assert arabic.count() == 4  # home, press, projects, the release
    for page in arabic:
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit(), f"cannot edit {page.url_path}"
        assert not permissions.can_publish(), f"may publish {page.url_path}"
    for page in Page.objects.exclude(locale=locale("ar")).exclude(depth=1):
        permissions = page.permissions_for_user(user)
        assert not permissions.can_edit(), f"may edit {page.url_path} ({page.locale})"
        assert not permissions.can_publish()
        assert not permissions.can_add_subpage()


def test_translator_cannot_open_another_languages_editor(client, translated, arabic_translator):
    client.force_login(arabic_translator)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[translated.release_ar.pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[translated.release_en.pk]))
    german = client.get(reverse("wagtailadmin_pages:edit", args=[translated.release.pk]))
    assert own.status_code == 200
    assert b"js-translation-editor" in own.content  # wagtail-localize's editor
    assert other.status_code != 200
    assert german.status_code != 200


def test_translator_cannot_use_wagtail_localize_submit_form(client, translated, arabic_translator):
    """Its form offers every language; translators create translations in the overview."""
    client.force_login(arabic_translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[translated.release.pk])
    # The admin turns PermissionDenied into a redirect to the dashboard.
    assert client.get(url).status_code != 200


def test_general_translators_group_keeps_admin_access_only(site_tree, make_user):
    user = make_user(roles.TRANSLATORS)
    assert user.has_perm("wagtailadmin.access_admin")
    assert not any(page.permissions_for_user(user).can_edit() for page in Page.objects.all())


def test_press_workflow_and_press_office_cover_translated_press_sections(
    translated, press_officer, editor
):
    english_press = translated.press.get_translation(locale("en"))
    arabic_press = translated.press.get_translation(locale("ar"))
    for section in (english_press, arabic_press):
        assert section.get_workflow().name == roles.PRESS_WORKFLOW
    for release in (translated.release_en, translated.release_ar):
        assert release.get_workflow().name == roles.PRESS_WORKFLOW
        assert release.permissions_for_user(fresh(press_officer)).can_publish()
        assert not release.permissions_for_user(fresh(editor)).can_publish()


def test_translated_release_submitted_by_translator_goes_through_the_workflow(
    client, translated, arabic_translator, press_officer
):
    release = translated.release_ar
    client.force_login(arabic_translator)
    url = reverse("translation_admin:submit", args=[translated.release.pk, "ar"])

    response = client.post(url, {"next": reverse("translation_admin:overview")})

    assert response.status_code == 302
    state = WorkflowState.objects.active().get(object_id=str(release.pk))
    assert state.workflow.name == roles.PRESS_WORKFLOW
    assert state.current_task_state.task.name == roles.REVIEW_TASK
    # The translator could not have published it themselves.
    assert not release.permissions_for_user(fresh(arabic_translator)).can_publish()

    # The press office approves both steps; the translation is published.
    release.refresh_from_db()
    for _step in range(2):
        task_state = release.current_workflow_task_state.specific
        task_state.task.specific.on_action(task_state, fresh(press_officer), "approve")
        release.refresh_from_db()
    assert release.live
    assert not WorkflowState.objects.active().filter(object_id=str(release.pk)).exists()
