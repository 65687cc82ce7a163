"""Creating, publishing and approving press releases through the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home import roles
from home.blocks import PARAGRAPH_FEATURES
from press.factories import PressContactFactory, PressReleasePageFactory
from press.models import PressReleasePage

pytestmark = pytest.mark.django_db


def release_form_data(title, slug, contact, action):
    """POST data of the admin's "add press release" form, as the browser sends it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-03-02",
            "place": "Magdeburg",
            "lead": "LAMSA fordert mehr Beteiligung von Migrantenorganisationen.",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text("<p>Der Text der Mitteilung.</p>", features=PARAGRAPH_FEATURES),
                    )
                ]
            ),
            "contacts": inline_formset([{"contact": contact.pk}], min=1),
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return data


def add_release_url(site_tree):
    return reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", site_tree.press.pk])


def post_release(client, site_tree, user, slug, action):
    client.force_login(user)
    response = client.post(
        add_release_url(site_tree),
        release_form_data(f"Mitteilung {slug}", slug, PressContactFactory(), action),
    )
    # A successful save redirects; a form with errors is re-rendered with 200.
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    return PressReleasePage.objects.get(slug=slug)


def approve_current_task(client, page, user):
    """Press the "approve" button of the page's current workflow task, as ``user``."""
    task_state = page.current_workflow_task_state
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )


def test_press_office_creates_and_publishes_a_release(client, site_tree, press_officer):
    page = post_release(client, site_tree, press_officer, "sofort-live", "action-publish")

    assert page.live
    assert page.contacts.count() == 1
    assert page.place == "Magdeburg"
    assert page.permissions_for_user(press_officer).can_publish()
    client.logout()
    assert client.get(page.url).status_code == 200


def test_editor_can_draft_but_not_publish_a_release(client, site_tree, editor):
    page = post_release(client, site_tree, editor, "nur-entwurf", "action-publish")

    assert not page.live
    assert page.has_unpublished_changes
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(editor).can_edit()
    client.logout()
    assert client.get(page.url).status_code == 404


def test_editor_submits_and_press_office_approves_both_steps(
    client, site_tree, editor, press_officer
):
    page = post_release(client, site_tree, editor, "zur-freigabe", "action-submit")

    workflow_state = page.current_workflow_state
    assert workflow_state is not None
    assert workflow_state.workflow.name == roles.PRESS_WORKFLOW
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == roles.REVIEW_TASK
    assert not page.live

    response = approve_current_task(client, page, press_officer)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.APPROVAL_TASK
    assert not page.live, "one approval is not enough"

    response = approve_current_task(client, page, press_officer)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(page.url).status_code == 200


def test_editor_cannot_give_the_final_approval(client, site_tree, editor, press_officer):
    page = post_release(client, site_tree, editor, "selbst-freigeben", "action-submit")
    # The editors' review step may be done by a colleague from the newsroom...
    assert approve_current_task(client, page, editor).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.APPROVAL_TASK

    # ...but the last word belongs to the press office.
    response = approve_current_task(client, page, editor)
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == roles.APPROVAL_TASK


def test_workflow_api_approval_publishes_the_release(site_tree, editor, press_officer):
    """The same workflow, driven through Wagtail's task API instead of the admin views."""
    page = PressReleasePageFactory(parent=site_tree.press, live=False, slug="api-freigabe")
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == roles.PRESS_WORKFLOW
    workflow.start(page, editor)

    for step in (roles.REVIEW_TASK, roles.APPROVAL_TASK):
        page.refresh_from_db()
        assert not page.live
        task_state = page.current_workflow_state.current_task_state
        task = task_state.task.specific
        assert task.name == step
        assert "approve" in [action[0] for action in task.get_actions(page, press_officer)]
        task.on_action(task_state, press_officer, "approve")

    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
