"""User groups, their permissions and the press workflow, set up idempotently.

Run ``manage.py setup_roles`` after migrating (``load_demo`` and ``make run`` do).
Page permissions are granted on the section pages, so run it again after
creating a section page by hand. Every run resets the managed groups to exactly
the permissions defined here, so a hand-made change in the admin that gives an
editor the right to publish a release is undone on the next deployment.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

PRESS_OFFICE = "Pressestelle"
EDITORS = "Redaktion"
MODERATORS = "Moderation"
TRANSLATORS = "Übersetzung"
MEMBERS = "Mitglieder"
BOARD = "Vorstand"

# Wagtail's initial migration creates these; they would give page rights on the
# whole tree, which our roles must not have.
WAGTAIL_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": MODERATORS}

PRESS_WORKFLOW = "Freigabe Pressemitteilung"
REVIEW_TASK = "Fachliche Prüfung"
APPROVAL_TASK = "Freigabe durch die Pressestelle"

PUBLISHING = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
DRAFTING = ("add_page",)
MEDIA = ("add", "change", "choose")


@dataclass
class Role:
    name: str
    admin: bool = False
    # page type label -> page permission codenames on every page of that type
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "app_label.model" -> model permission codename prefixes (add, change, delete, view)
    models: dict[str, tuple[str, ...]] = field(default_factory=dict)
    media: bool = False


ROLES = [
    Role(
        PRESS_OFFICE,
        admin=True,
        pages={"press.PressReleaseIndexPage": PUBLISHING},
        models={"press.PressContact": ("add", "change", "delete"), "home.Topic": ("add", "change")},
        media=True,
    ),
    Role(
        EDITORS,
        admin=True,
        pages={
            # Editors may draft releases and submit them; only the press office publishes.
            "press.PressReleaseIndexPage": DRAFTING,
            "home.ProjectIndexPage": PUBLISHING,
            "home.MemberDirectoryPage": PUBLISHING,
            "home.EventIndexPage": PUBLISHING,
            "home.ArticleIndexPage": PUBLISHING,
        },
        models={
            "home.Topic": ("add", "change"),
            "home.Language": ("add", "change"),
            "home.FocusArea": ("add", "change"),
        },
        media=True,
    ),
    # Moderators work the comment desk and edit its rules and rejection
    # reasons; they have no rights on pages, images or documents.
    Role(
        MODERATORS,
        admin=True,
        models={
            "comments.PublicComment": ("moderate",),
            "comments.CommentRules": ("change",),
            "comments.RejectionReason": ("add", "change", "delete"),
        },
    ),
    Role(TRANSLATORS, admin=True),
    Role(MEMBERS),
    Role(BOARD),
]


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _reset_group(role: Role) -> Group:
    group, _created = Group.objects.get_or_create(name=role.name)
    permissions = []
    if role.admin:
        permissions.append(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    for label, prefixes in role.models.items():
        model = _model(label)
        content_type = ContentType.objects.get_for_model(model)
        permissions += [
            Permission.objects.get(
                content_type=content_type, codename=f"{prefix}_{model._meta.model_name}"
            )
            for prefix in prefixes
        ]
    group.permissions.set(permissions)

    GroupPagePermission.objects.filter(group=group).delete()
    for label, codenames in role.pages.items():
        for page in _model(label).objects.all():
            for codename in codenames:
                GroupPagePermission.objects.create(
                    group=group, page=page, permission=_page_permission(codename)
                )

    GroupCollectionPermission.objects.filter(group=group).delete()
    if role.media:
        root = Collection.get_first_root_node()
        # Wagtail checks image permissions against its own Image model, also for
        # custom image models.
        for model_label in ("wagtailimages.Image", "wagtaildocs.Document"):
            model = _model(model_label)
            content_type = ContentType.objects.get_for_model(model)
            for prefix in MEDIA:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root,
                    permission=Permission.objects.get(
                        content_type=content_type, codename=f"{prefix}_{model._meta.model_name}"
                    ),
                )
    return group


def _retire_wagtail_default_groups():
    for old_name, new_name in WAGTAIL_DEFAULT_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.get(name=new_name)
        for user in old.user_set.all():
            user.groups.add(new)
        GroupApprovalTask.objects.filter(groups=old).update(active=False)
        old.delete()
    # Wagtail's default "Moderators approval" workflow covers the whole tree.
    for workflow in Workflow.objects.exclude(name=PRESS_WORKFLOW).filter(active=True):
        workflow.deactivate()


def _press_workflow():
    from press.models import PressReleaseIndexPage

    workflow, _created = Workflow.objects.get_or_create(name=PRESS_WORKFLOW)
    workflow.active = True
    workflow.save()
    steps = [
        (REVIEW_TASK, [EDITORS, PRESS_OFFICE]),
        (APPROVAL_TASK, [PRESS_OFFICE]),
    ]
    for order, (task_name, group_names) in enumerate(steps):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        task.active = True
        task.save()
        task.groups.set(Group.objects.filter(name__in=group_names))
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for page in PressReleaseIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles() -> list[Group]:
    """Create or reset every managed group and the press workflow."""
    groups = [_reset_group(role) for role in ROLES]
    _retire_wagtail_default_groups()
    _press_workflow()
    return groups


def role_descriptions():
    """Human-readable summary used by the command's output."""
    return {
        PRESS_OFFICE: _("Pressemitteilungen anlegen, bearbeiten, freigeben und veröffentlichen"),
        EDITORS: _("Projekte, Mitglieder, Termine, Artikel; Pressemitteilungen nur entwerfen"),
        MODERATORS: _("Leserkommentare moderieren, Kommentarregeln und Ablehnungsgründe pflegen"),
        TRANSLATORS: _("Übersetzungen (folgt)"),
        MEMBERS: _("Mitgliederbereich lesen"),
        BOARD: _("Mitgliederbereich lesen"),
    }
