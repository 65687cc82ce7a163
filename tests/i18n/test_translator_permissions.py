"""A translator of Arabic edits Arabic pages and nothing else; releases go through the workflow."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from home import roles
from home.factories import StandardPageFactory
from press.models import PressReleasePage
from tests.helpers import html
from tests.i18n.conftest import fill_po, record_of, translate, translate_site

pytestmark = pytest.mark.django_db

TITLE = "Netzwerk begrüßt Integrationsgesetz"
ARABIC_TITLE = "الشبكة ترحب بقانون الاندماج"


@pytest.fixture
def release(site_tree, release_factory):
    translate_site(site_tree, "en", "ar", sections=["press"])
    german = release_factory(title=TITLE, slug="integrationsgesetz")
    english = translate(german, "en", {TITLE: "Network welcomes integration law"})
    arabic = translate(german, "ar", {TITLE: ARABIC_TITLE})
    return german, english, arabic


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_arabic_translator_edits_the_arabic_tree_only(client, site_tree, release, translator):
    german, english, arabic = release
    user = translator("ar")
    arabic_home = site_tree.home.get_translation(arabic.locale)
    english_home = site_tree.home.get_translation(english.locale)

    for page in (arabic, arabic.get_parent(), arabic_home):
        assert page.permissions_for_user(user).can_edit(), page.url_path
    for page in (german, english, site_tree.home, english_home, site_tree.press):
        assert not page.permissions_for_user(user).can_edit(), page.url_path

    client.force_login(user)
    response = client.get(edit_url(arabic))
    assert response.status_code == 200
    # wagtail-localize's translation editor, with the German text to translate.
    assert TITLE in response.content.decode()
    for page in (german, english):
        response = client.get(edit_url(page))
        assert response.status_code in (302, 403), page.url_path
        if response.status_code == 302:
            assert response.url != edit_url(page)


def test_translators_of_other_languages_cannot_edit_arabic(release, translator):
    _german, english, arabic = release
    for code in roles.translation_languages():
        if code == "ar":
            continue
        assert not arabic.permissions_for_user(translator(code)).can_edit(), code
    assert english.permissions_for_user(translator("en")).can_edit()


def test_arabic_translator_cannot_publish(client, release, translator):
    german, _english, arabic = release
    user = translator("ar")
    assert not arabic.permissions_for_user(user).can_publish()
    record = record_of(german, "ar")
    fill_po(record, {TITLE: "عنوان غير معتمد"})
    client.force_login(user)

    # The translation editor's "Publish" button, sent anyway.
    response = client.post(edit_url(arabic), {"action": "publish"})

    assert response.status_code in (302, 403)
    client.logout()
    page = html(client, arabic.url)
    assert ARABIC_TITLE in page
    assert "عنوان غير معتمد" not in page


def test_arabic_translator_cannot_create_english_translations(client, site_tree, translator):
    translate_site(site_tree, "en", "ar", sections=[])
    page = StandardPageFactory(parent=site_tree.home, title="Satzung", slug="satzung")
    client.force_login(translator("ar"))

    response = client.post(reverse("translation_admin:create", args=[page.pk, "en"]))
    assert response.status_code in (302, 403)
    assert (
        not type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code="en")
        .exists()
    )

    response = client.post(reverse("translation_admin:create", args=[page.pk, "ar"]))
    arabic = type(page).objects.get(
        translation_key=page.translation_key, locale__language_code="ar"
    )
    assert response.status_code == 302
    assert response.url == edit_url(arabic)
    assert not arabic.live


def test_translated_release_goes_through_the_press_workflow(
    client, release, translator, press_officer
):
    german, _english, arabic = release
    user = translator("ar")
    record = record_of(german, "ar")
    new_title = "الشبكة ترحب بقانون الاندماج الجديد"
    fill_po(record, {TITLE: new_title})
    client.force_login(user)

    # The status overview's "Zur Freigabe einreichen" (the editor offers only Publish).
    response = client.post(reverse("translation_admin:submit", args=[german.pk, "ar"]))
    assert response.status_code == 302

    arabic = PressReleasePage.objects.get(pk=arabic.pk)
    state = arabic.current_workflow_state
    assert state is not None, "no workflow was started"
    assert state.workflow.name == roles.PRESS_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert arabic.current_workflow_task.name == roles.REVIEW_TASK
    client.logout()
    assert new_title not in html(client, arabic.url)

    client.force_login(press_officer)
    for _step in (roles.REVIEW_TASK, roles.APPROVAL_TASK):
        task_state = PressReleasePage.objects.get(pk=arabic.pk).current_workflow_task_state
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[arabic.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
        assert response.status_code == 302

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert new_title in html(client, arabic.url)
