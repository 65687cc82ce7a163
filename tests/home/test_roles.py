"""Who may edit and publish what, and the idempotent set-up of the roles."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home import factories, roles
from home.blocks import PARAGRAPH_FEATURES
from home.models import ArticlePage, EventPage, MemberOrganisationPage, ProjectPage
from press.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

MANAGED_GROUPS = [role.name for role in roles.ROLES]


def fresh(user):
    """The user reloaded, so no permission cached on the instance hides a change."""
    return type(user).objects.get(pk=user.pk)


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def editor_form_data(model, slug):
    """Minimal valid admin form data for the content types the newsroom publishes."""
    comments = {"comments": inline_formset([])}
    common = {"title": f"Neu {slug}", "slug": slug, **comments}
    if model is ProjectPage:
        fields = {
            "summary": "Ein neues Projekt.",
            "body": streamfield([]),
            "phases": inline_formset([]),
            "partners": inline_formset([]),
        }
    elif model is EventPage:
        fields = {"start": "2030-05-01 18:00", "summary": "Ein Termin.", "body": streamfield([])}
    elif model is MemberOrganisationPage:
        fields = {"kind": "association", "city": "Stendal", "district": "stendal"}
    else:
        fields = {
            "date": "2026-01-20",
            "authors": inline_formset([{"name": "Mira Beispiel", "role": ""}], min=1),
            "body": streamfield(
                [("paragraph", rich_text("<p>Artikeltext.</p>", features=PARAGRAPH_FEATURES))]
            ),
            "footnotes": inline_formset([]),
        }
    data = nested_form_data({**common, **fields})
    data["action-publish"] = "action-publish"
    return data


SECTION_OF = {
    ProjectPage: "projects",
    EventPage: "events",
    MemberOrganisationPage: "members",
    ArticlePage: "articles",
}


@pytest.mark.parametrize("model", list(SECTION_OF), ids=lambda m: m.__name__)
def test_editor_publishes_newsroom_content_through_the_admin(client, site_tree, editor, model):
    parent = getattr(site_tree, SECTION_OF[model])
    client.force_login(editor)

    response = client.post(add_url(parent, model), editor_form_data(model, "neu-und-live"))

    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get(slug="neu-und-live")
    assert page.live
    assert page.permissions_for_user(editor).can_publish()


@pytest.mark.parametrize(
    "group_name", [roles.MODERATORS, roles.TRANSLATORS, roles.MEMBERS, roles.BOARD]
)
def test_other_roles_cannot_edit_any_page(client, site_tree, make_user, group_name, minutes):
    release = PressReleasePageFactory(parent=site_tree.press)
    factories.ProjectPageFactory(parent=site_tree.projects)
    user = make_user(group_name)

    for page in Page.objects.exclude(depth=1).specific():
        permissions = page.permissions_for_user(user)
        assert not permissions.can_edit(), f"{group_name} may edit {page}"
        assert not permissions.can_publish(), f"{group_name} may publish {page}"
        assert not permissions.can_add_subpage(), f"{group_name} may add under {page}"

    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[release.pk]))
    assert response.status_code != 200
    response = client.get(add_url(site_tree.press, type(release)))
    assert response.status_code != 200


def test_press_office_and_editors_rights_on_the_press_index(site_tree, editor, press_officer):
    release = PressReleasePageFactory(parent=site_tree.press)
    assert release.permissions_for_user(press_officer).can_publish()
    assert site_tree.press.permissions_for_user(press_officer).can_publish_subpage()
    assert site_tree.press.permissions_for_user(editor).can_add_subpage()
    assert not site_tree.press.permissions_for_user(editor).can_publish_subpage()
    # The press office has no business in the project profiles.
    project = factories.ProjectPageFactory(parent=site_tree.projects)
    assert not project.permissions_for_user(press_officer).can_edit()


def roles_snapshot():
    """Everything setup_roles manages, as comparable data."""
    groups = Group.objects.filter(name__in=MANAGED_GROUPS)
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "model_permissions": sorted(
            Permission.objects.filter(group__in=groups).values_list("group__name", "codename")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission__codename"
            )
        ),
        "workflows": sorted(Workflow.objects.filter(active=True).values_list("name", flat=True)),
        "tasks": sorted(Task.objects.filter(active=True).values_list("name", flat=True)),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("workflow__name", "task__name", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


def test_setup_roles_is_idempotent(site_tree):
    before = roles_snapshot()
    assert before["page_permissions"], "the fixture ran setup_roles"

    roles.setup_roles()
    roles.setup_roles()

    assert roles_snapshot() == before
    assert Group.objects.filter(name__in=MANAGED_GROUPS).count() == len(MANAGED_GROUPS)
    assert "Editors" not in before["groups"]
    assert "Moderators" not in before["groups"]


def test_setup_roles_builds_the_two_step_press_workflow(site_tree):
    workflow = Workflow.objects.get(name=roles.PRESS_WORKFLOW, active=True)
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [task.name for task in tasks] == [roles.REVIEW_TASK, roles.APPROVAL_TASK]
    assert all(isinstance(task, GroupApprovalTask) for task in tasks)
    assert {g.name for g in tasks[0].groups.all()} == {roles.EDITORS, roles.PRESS_OFFICE}
    assert {g.name for g in tasks[1].groups.all()} == {roles.PRESS_OFFICE}
    assert site_tree.press.get_workflow() == workflow
    # Only press releases go through it: projects are published directly.
    assert site_tree.projects.get_workflow() is None


def test_setup_roles_revokes_a_hand_added_publish_right(site_tree, editor):
    before = roles_snapshot()
    release = PressReleasePageFactory(parent=site_tree.press)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.EDITORS),
        page=site_tree.press,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )
    assert release.permissions_for_user(fresh(editor)).can_publish()

    roles.setup_roles()

    assert not release.permissions_for_user(fresh(editor)).can_publish()
    assert roles_snapshot() == before


def test_setup_roles_command_moves_wagtail_default_group_members(site_tree, make_user):
    """Users of Wagtail's stock "Editors" group end up in Redaktion, not in limbo."""
    old = Group.objects.create(name="Editors")
    user = make_user()
    user.groups.add(old)

    call_command("setup_roles", stdout=io.StringIO())

    assert not Group.objects.filter(name="Editors").exists()
    assert list(fresh(user).groups.values_list("name", flat=True)) == [roles.EDITORS]
