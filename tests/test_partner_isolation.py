"""A partner account, sending requests to the admin as a browser would, can neither see
nor change anything but its own profile. Table-driven: add a row for each new admin view.

Every row is a request by partner A's user; each must be refused (403, 404, 405, or
Wagtail's redirect to the dashboard) and leave the database exactly as it was.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision, Site, TaskState, WorkflowState

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from funding.figures import record_figures
from funding.models import FundingCampaign
from partners.roles import ensure_partner_group
from tests.factories import make_partner_tree, make_site_tree
from tests.helpers import partner_form

pytestmark = pytest.mark.django_db

REFUSED = {302, 403, 404, 405}


def make_world():
    t = make_partner_tree(make_site_tree())
    b = t["b"]
    b.save_revision()  # a draft, so revisions exist to view and compare
    revision = b.latest_revision
    workflow_state = b.get_workflow().start(b, t["officer"])
    images = {
        "b": ImageFactory(collection=ensure_partner_group(b).collection, title="Logo B"),
        "root": ImageFactory(title="Image officielle"),
    }
    documents = {
        "b": DocumentFactory(collection=ensure_partner_group(b).collection, title="Plaquette B"),
        "root": DocumentFactory(title="Règlement"),
    }
    record_figures(t["laureate"].campaign, raised=Decimal("1000"), donors=10, source="manual")
    return {
        **t,
        "revision": revision,
        "task_state": workflow_state.current_task_state,
        "images": images,
        "documents": documents,
        "site": Site.objects.get(is_default_site=True),
    }


@pytest.fixture(scope="session")
def _world_build(build_once):
    return build_once("partner isolation world", make_world)


@pytest.fixture
def world(db, _world_build):
    """Built once per test process (it is the slow part of these 105 tests), copied into each."""
    return _world_build.restore()


def snapshot():
    """Everything a forbidden request could change."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values(
                "pk", "title", "slug", "path", "live", "locked", "has_unpublished_changes", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values("pk", "status", "comment")),
        "restrictions": PageViewRestriction.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values("pk", "title", "collection_id")),
        "documents": list(get_document_model().objects.order_by("pk").values("pk", "title", "collection_id")),
        "campaigns": list(FundingCampaign.objects.order_by("pk").values("pk", "raised", "donors", "name")),
        "users": list(get_user_model().objects.order_by("pk").values("pk", "username", "is_superuser")),
    }


def page_rows(target):
    """Admin actions on a page that is not the partner's own."""
    p = lambda w: w[target].pk  # noqa: E731
    return [
        ("GET", "wagtailadmin_pages:edit", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:edit", lambda w: [p(w)], lambda w: {"title": "Piraté", "action-publish": "1"}),
        ("GET", "wagtailadmin_pages:preview_on_edit", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:preview_on_edit", lambda w: [p(w)], lambda w: {"title": "Aperçu pirate"}),
        ("GET", "wagtailadmin_pages:view_draft", lambda w: [p(w)], None),
        ("GET", "wagtailadmin_pages:history", lambda w: [p(w)], None),
        ("GET", "wagtailadmin_pages:revisions_index", lambda w: [p(w)], None),
        ("GET", "wagtailadmin_pages:workflow_history", lambda w: [p(w)], None),
        ("GET", "wagtailadmin_pages:copy", lambda w: [p(w)], None),
        (
            "POST",
            "wagtailadmin_pages:copy",
            lambda w: [p(w)],
            lambda w: {
                "new_title": "Copie",
                "new_slug": "copie",
                "new_parent_page": w["index"].pk,
                "publish_copies": "on",
            },
        ),
        ("GET", "wagtailadmin_pages:move", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:move_confirm", lambda w: [p(w), w["home"].pk], lambda w: {}),
        ("GET", "wagtailadmin_pages:delete", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:delete", lambda w: [p(w)], lambda w: {}),
        ("GET", "wagtailadmin_pages:unpublish", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:unpublish", lambda w: [p(w)], lambda w: {}),
        ("POST", "wagtailadmin_pages:lock", lambda w: [p(w)], lambda w: {}),
        ("POST", "wagtailadmin_pages:unlock", lambda w: [p(w)], lambda w: {}),
        (
            "POST",
            "wagtailadmin_pages:set_privacy",
            lambda w: [p(w)],
            lambda w: {"restriction_type": "password", "password": "x"},
        ),
        ("GET", "wagtailadmin_pages:add_subpage", lambda w: [p(w)], None),
        ("POST", "wagtailadmin_pages:convert_alias", lambda w: [p(w)], lambda w: {}),
        ("POST", "wagtailadmin_pages:confirm_workflow_cancellation", lambda w: [p(w)], lambda w: {}),
    ]


B_ONLY_ROWS = [
    ("GET", "wagtailadmin_pages:revisions_view", lambda w: [w["b"].pk, w["revision"].pk], None),
    ("GET", "wagtailadmin_pages:revisions_revert", lambda w: [w["b"].pk, w["revision"].pk], None),
    ("GET", "wagtailadmin_pages:revisions_compare", lambda w: [w["b"].pk, "earliest", "latest"], None),
    ("POST", "wagtailadmin_pages:revisions_unschedule", lambda w: [w["b"].pk, w["revision"].pk], lambda w: {}),
    (
        "POST",
        "wagtailadmin_pages:workflow_action",
        lambda w: [w["b"].pk, "approve", w["task_state"].pk],
        lambda w: {"comment": ""},
    ),
    (
        "POST",
        "wagtailadmin_pages:workflow_action",
        lambda w: [w["b"].pk, "reject", w["task_state"].pk],
        lambda w: {"comment": "non"},
    ),
    ("GET", "wagtailadmin_pages:workflow_preview", lambda w: [w["b"].pk, w["task_state"].task_id], None),
]

OWN_PAGE_ROWS = [
    # Its own profile: editing is allowed, nothing else is.
    ("POST", "wagtailadmin_pages:delete", lambda w: [w["a"].pk], lambda w: {}),
    ("POST", "wagtailadmin_pages:unpublish", lambda w: [w["a"].pk], lambda w: {}),
    ("POST", "wagtailadmin_pages:move_confirm", lambda w: [w["a"].pk, w["home"].pk], lambda w: {}),
    (
        "POST",
        "wagtailadmin_pages:copy",
        lambda w: [w["a"].pk],
        lambda w: {"new_title": "Copie", "new_slug": "copie-a", "new_parent_page": w["index"].pk},
    ),
    ("POST", "wagtailadmin_pages:set_privacy", lambda w: [w["a"].pk], lambda w: {"restriction_type": "login"}),
    ("POST", "wagtailadmin_pages:lock", lambda w: [w["a"].pk], lambda w: {}),
    ("GET", "wagtailadmin_pages:add_subpage", lambda w: [w["a"].pk], None),
    (
        "POST",
        "wagtailadmin_pages:add",
        lambda w: ["partners", "partnerpage", w["index"].pk],
        lambda w: {"title": "Nouveau", "slug": "nouveau"},
    ),
]

MEDIA_AND_ADMIN_ROWS = [
    ("GET", "wagtailimages:edit", lambda w: [w["images"]["b"].pk], None),
    ("POST", "wagtailimages:edit", lambda w: [w["images"]["b"].pk], lambda w: {"title": "Volé"}),
    ("POST", "wagtailimages:delete", lambda w: [w["images"]["b"].pk], lambda w: {}),
    ("POST", "wagtailimages:edit", lambda w: [w["images"]["root"].pk], lambda w: {"title": "Volé"}),
    ("POST", "wagtailimages:delete", lambda w: [w["images"]["root"].pk], lambda w: {}),
    ("GET", "wagtaildocs:edit", lambda w: [w["documents"]["b"].pk], None),
    ("POST", "wagtaildocs:edit", lambda w: [w["documents"]["b"].pk], lambda w: {"title": "Volé"}),
    ("POST", "wagtaildocs:delete", lambda w: [w["documents"]["b"].pk], lambda w: {}),
    ("POST", "wagtaildocs:delete", lambda w: [w["documents"]["root"].pk], lambda w: {}),
    ("GET", "wagtailusers_users:index", lambda w: [], None),
    ("GET", "wagtailusers_groups:index", lambda w: [], None),
    ("GET", "wagtailsettings:edit", lambda w: ["home", "sitesettings", w["site"].pk], None),
    ("GET", "wagtailsnippets_funding_fundingcampaign:list", lambda w: [], None),
    (
        "POST",
        "wagtailsnippets_funding_fundingcampaign:edit",
        lambda w: [w["laureate"].campaign.pk],
        lambda w: {"name": "x", "raised": "1"},
    ),
    ("GET", "wagtailadmin_reports:workflow", lambda w: [], None),
    ("GET", "wagtailadmin_reports:workflow_tasks", lambda w: [], None),
    ("GET", "wagtailadmin_reports:site_history", lambda w: [], None),
    ("GET", "wagtailadmin_workflows:index", lambda w: [], None),
    ("GET", "wagtailadmin_collections:index", lambda w: [], None),
    ("GET", "wagtailsites:index", lambda w: [], None),
    ("GET", "wagtaillocales:index", lambda w: [], None),
]

ROWS = (
    [("partner B", *row) for row in page_rows("b")]
    + [("partner B", *row) for row in B_ONLY_ROWS]
    + [("home page", *row) for row in page_rows("home")]
    + [("laureate page", *row) for row in page_rows("laureate")]
    + [("own page", *row) for row in OWN_PAGE_ROWS]
    + [("admin", *row) for row in MEDIA_AND_ADMIN_ROWS]
)


@pytest.mark.parametrize(
    ("target", "method", "url_name", "args", "data"),
    ROWS,
    ids=[f"{target}:{method}:{name}" for target, method, name, _args, _data in ROWS],
)
def test_partner_cannot_reach_what_is_not_theirs(client, world, target, method, url_name, args, data):
    client.force_login(world["user_a"])
    url = reverse(url_name, args=args(world))
    before = snapshot()
    response = client.get(url) if method == "GET" else client.post(url, data(world) if data else {})
    assert response.status_code in REFUSED, f"{url} answered {response.status_code}"
    if response.status_code == 302:
        assert response["Location"] in (reverse("wagtailadmin_home"), "/admin/login/") or response[
            "Location"
        ].startswith("/admin/login/"), response["Location"]
    assert snapshot() == before


def test_partner_can_edit_preview_and_see_history_of_its_own_page(client, world):
    client.force_login(world["user_a"])
    page = world["a"]
    for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:history", "wagtailadmin_pages:revisions_index"):
        assert client.get(reverse(name, args=[page.pk]), follow=True).status_code == 200, name
    preview = client.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), partner_form(page, short_description="Aperçu")
    )
    assert preview.status_code == 200
    assert preview.json()["is_valid"]


def test_partner_admin_lists_show_nothing_of_others(client, world):
    client.force_login(world["user_a"])
    # The explorer sends a partner to its dashboard, which shows its own profile only.
    explorer = client.get(reverse("wagtailadmin_explore", args=[world["index"].pk]), follow=True).content.decode()
    assert "Atelier A" in explorer
    assert "Bureau B" not in explorer
    images = client.get(reverse("wagtailimages:index")).content.decode()
    assert "Logo B" not in images and "Image officielle" not in images
    documents = client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Plaquette B" not in documents and "Règlement" not in documents
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mon profil" in dashboard
    assert reverse("wagtailadmin_reports:workflow") not in dashboard


def test_partner_page_chooser_shows_no_drafts(client, world):
    from tests.factories import LaureatePageFactory

    LaureatePageFactory(parent=world["call"], title="Lauréat secret pas encore annoncé", live=False)
    browse = reverse("wagtailadmin_choose_page_child", args=[world["call"].pk])
    search = reverse("wagtailadmin_choose_page_search")

    def chooser_html(url, **params):
        response = client.get(url, params)
        return response.json()["html"] if response["Content-Type"].startswith("application/json") else response.text

    client.force_login(world["officer"])  # officers do see drafts: the test can tell
    assert "Lauréat secret" in chooser_html(browse)
    assert "Lauréat secret" in chooser_html(search, q="secret")
    client.force_login(world["user_a"])
    html = chooser_html(browse)
    assert "Lauréat sponsorisé" in html
    assert "Lauréat secret" not in html
    assert "Lauréat secret" not in chooser_html(search, q="secret")
