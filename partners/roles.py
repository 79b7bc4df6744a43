"""Groups, permissions, collections and the moderation workflow, created idempotently.

Communication officers edit and publish everything and moderate. Each partner gets a
group of its own that may only *edit* its own profile page (both languages) and use
its own image and document collection; publishing goes through the officers' approval.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import PartnerAccess, PartnerIndexPage, PartnerPage

OFFICERS_GROUP = "Chargés de communication"
# Documents only officers may download (Wagtail's collection privacy, checked by its document
# serving view); every other collection is public. See README, "Which files are public".
PRIVATE_COLLECTION = "Documents internes"
WORKFLOW_NAME = "Modération des profils partenaires"
TASK_NAME = "Validation par la communication"

OFFICER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
OFFICER_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]
OFFICER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("funding", "add_fundingcampaign"),
    ("funding", "change_fundingcampaign"),
    ("funding", "view_fundingcampaign"),
    ("home", "change_sitesettings"),
    ("partners", "change_partner_promotion"),
    # News categories (a snippet) and the promoted search results the README promises.
    ("news", "add_newscategory"),
    ("news", "change_newscategory"),
    ("news", "delete_newscategory"),
    ("news", "view_newscategory"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    # "Traduire" on pages and snippets (wagtail-localize); editing the translation then needs the
    # same page or snippet permissions as editing the original.
    ("wagtail_localize", "submit_translation"),
    # Translatable snippets the officers look after in both languages.
    ("campaigns", "add_projecttheme"),
    ("campaigns", "change_projecttheme"),
    ("campaigns", "delete_projecttheme"),
]
PARTNER_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant_collection(group, collection, permissions):
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


@transaction.atomic
def ensure_officers_group():
    group, _created = Group.objects.get_or_create(name=OFFICERS_GROUP)
    for app_label, codename in OFFICER_MODEL_PERMISSIONS:
        group.permissions.add(_permission(app_label, codename))
    root = Page.get_first_root_node()
    for codename in OFFICER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=_page_permission(codename))
    _grant_collection(group, Collection.get_first_root_node(), OFFICER_MEDIA_PERMISSIONS)
    ensure_private_collection(group)
    _review_default_workflow(group, root)
    return group


def ensure_private_collection(officers):
    """The officers' own collection, its documents refused to everyone else (visitors, partners)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first() or root.add_child(name=PRIVATE_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(officers)
    return collection


def _review_default_workflow(group, root):
    """The officers review what is submitted to the workflow of the whole tree (Wagtail's default
    one, renamed "Relecture avant publication" by home's migration 0006)."""
    workflow_page = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if workflow_page is None:
        return
    for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow_page.workflow):
        task.groups.add(group)


@transaction.atomic
def ensure_moderation_workflow():
    """One approval task by the officers, on every partner index page (every language)."""
    officers = ensure_officers_group()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(officers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    for index in PartnerIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index.page_ptr, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_partner_group(partner):
    """The partner's own group and collection; grants edit on every translation of its page."""
    access = PartnerAccess.objects.filter(translation_key=partner.translation_key).select_related("group").first()
    if access is None:
        name = _unique_group_name(str(_("Partenaire : %(name)s") % {"name": partner.title}))
        group = Group.objects.create(name=name)
        root = Collection.get_first_root_node()
        collection = root.add_child(name=name)
        access = PartnerAccess.objects.create(
            translation_key=partner.translation_key, group=group, collection=collection
        )
    group = access.group
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    change = _page_permission("change_page")
    for page in Page.objects.filter(translation_key=partner.translation_key):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change)
    _grant_collection(group, access.collection, PARTNER_MEDIA_PERMISSIONS)
    return access


def _unique_group_name(name):
    name = name[:140]
    candidate, suffix = name, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, suffix = f"{name} ({suffix})", suffix + 1
    return candidate


def setup_roles():
    """Everything above, for every partner profile. Safe to run any number of times."""
    ensure_officers_group()
    ensure_moderation_workflow()
    seen = set()
    for partner in PartnerPage.objects.order_by("pk"):
        if partner.translation_key not in seen:
            seen.add(partner.translation_key)
            ensure_partner_group(partner)


def partner_accesses_for(user):
    """The partner profiles a user looks after (through its groups)."""
    return PartnerAccess.objects.filter(group__in=user.groups.all())


def is_partner_only(user):
    """A partner account: in a partner group, not an officer, not a superuser."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if user.groups.filter(name=OFFICERS_GROUP).exists():
        return False
    return partner_accesses_for(user).exists()
