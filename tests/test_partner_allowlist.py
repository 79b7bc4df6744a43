"""Partner accounts reach the admin by allowlist (partners/allowlist.py), and nothing else.

The sweep requests every URL pattern registered under /admin/ (Wagtail's, the packages', the
project's) as partner A, with the ids of things A must not see (a draft laureate, partner B's
page, other collections' images and documents, other accounts): each answer must be a refusal,
unless the view is allowlisted, and no answer may hold a secret title or another account's
e-mail. A view a Wagtail upgrade adds is refused by the middleware, and the sweep fails until
someone decides whether partners need it.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Comment, Locale, Workflow

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from campaigns.models import ProjectTheme
from news.models import NewsCategory
from partners.allowlist import (
    ANY,
    CHOSEN_PAGES,
    LIVE_OR_OWN_PAGE,
    OWN_DOCUMENT,
    OWN_IMAGE,
    OWN_PAGE,
    OWN_PAGE_SESSION,
    PARTNER_ALLOWED_NAMESPACES,
    PARTNER_ALLOWED_VIEWS,
    PARTNER_EXPLORER_VIEWS,
    rule_for,
)
from partners.roles import OFFICERS_GROUP, ensure_partner_group
from tests.factories import FundingCampaignFactory, LaureatePageFactory
from tests.test_partner_isolation import make_world

pytestmark = pytest.mark.django_db

SECRET = "Zorglub"  # in every title partner A must not see
OFFICER_EMAIL = "claire.martin@ville.example"
COLLEAGUE_EMAIL = "camille@atelier-a.example"
PARTNER_B_EMAIL = "contact@bureau-b.example"
EMAILS = (OFFICER_EMAIL, COLLEAGUE_EMAIL, PARTNER_B_EMAIL, "officer@example.org")

REFUSED = {403, 404, 405}


def make_sweep_world():
    w = make_world()
    User = get_user_model()
    officer = User.objects.create_user(OFFICER_EMAIL, OFFICER_EMAIL, "pw")
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    colleague = User.objects.create_user(COLLEAGUE_EMAIL, COLLEAGUE_EMAIL, "pw")
    access_a = ensure_partner_group(w["a"])
    colleague.groups.add(access_a.group)
    user_b = User.objects.create_user(PARTNER_B_EMAIL, PARTNER_B_EMAIL, "pw")
    access_b = ensure_partner_group(w["b"])
    user_b.groups.add(access_b.group)

    campaign = FundingCampaignFactory(name=f"Collecte {SECRET}")
    secret = LaureatePageFactory(
        parent=w["call"], title=f"Lauréat {SECRET} pas encore annoncé", slug="secret", live=False, campaign=campaign
    )
    secret_revision = secret.save_revision(user=officer)
    b = w["b"]
    b.title = f"Bureau B {SECRET} brouillon"
    b.save_revision(user=user_b)

    # Partner A's own page: an officer's edit, a colleague's submission, an officer's comment.
    a = w["a"]
    a.save_revision(user=officer, log_action=True)
    a.short_description = "Nouvelle description"
    a_revision = a.save_revision(user=colleague)
    a_workflow_state = a.get_workflow().start(a, colleague)
    Comment.objects.create(
        page=a, user=officer, text="Merci de préciser l’adresse.", contentpath="title", revision_created=a_revision
    )
    page_type = ContentType.objects.get_for_model(a.specific_class)
    a_session = EditingSession.objects.create(
        user=w["user_a"], content_type=page_type, object_id=str(a.pk), last_seen_at=timezone.now()
    )
    EditingSession.objects.create(
        user=colleague, content_type=page_type, object_id=str(a.pk), last_seen_at=timezone.now(), is_editing=True
    )
    officer_session = EditingSession.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(secret.specific_class),
        object_id=str(secret.pk),
        last_seen_at=timezone.now(),
    )
    images = {
        "b": ImageFactory(collection=access_b.collection, title=f"Logo B {SECRET}"),
        "root": ImageFactory(title=f"Image {SECRET}"),
        "a": ImageFactory(collection=access_a.collection, title="Logo A"),
    }
    documents = {
        "b": DocumentFactory(collection=access_b.collection, title=f"Plaquette B {SECRET}"),
        "root": DocumentFactory(title=f"Règlement {SECRET}"),
        "a": DocumentFactory(collection=access_a.collection, title="Plaquette A"),
    }
    return {
        **w,
        "officer2": officer,
        "colleague": colleague,
        "user_b": user_b,
        "campaign": campaign,
        "secret": secret,
        "secret_revision": secret_revision,
        "a_revision": a_revision,
        "a_workflow_state": a_workflow_state,
        "a_session": a_session,
        "officer_session": officer_session,
        "b_collection": access_b.collection,
        "sweep_images": images,
        "sweep_documents": documents,
        "theme": ProjectTheme.objects.create(name=f"Thème {SECRET}", locale=Locale.get_default()),
        "category": NewsCategory.objects.create(
            name=f"Catégorie {SECRET}", slug="zorglub", locale=Locale.get_default()
        ),
        "redirect": Redirect.objects.create(old_path=f"/{SECRET.lower()}", redirect_link="https://example.org"),
        "query": Query.get(SECRET),
        "workflow": Workflow.objects.first(),
    }


@pytest.fixture(scope="session")
def _sweep_build(build_once):
    return build_once("partner allowlist world", make_sweep_world)


@pytest.fixture
def world(db, _sweep_build):
    return _sweep_build.restore()


# --- every admin URL pattern ----------------------------------------------------------------


def admin_patterns():
    """(route, view name or None, kwarg names, positional group count) for every pattern under admin/."""
    found = []

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route, namespaces + ([pattern.namespace] if pattern.namespace else []))
            elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
                name = ":".join([*namespaces, pattern.name]) if pattern.name else None
                found.append((route, name))

    walk(get_resolver().url_patterns, "", [])
    return found


def kwarg_names(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


BULK_ACTIONS = [
    ("wagtailcore", "page", "delete"),
    ("wagtailcore", "page", "publish"),
    ("wagtailcore", "page", "unpublish"),
    ("wagtailcore", "page", "move"),
    ("wagtailimages", "image", "delete"),
    ("wagtailimages", "image", "add_to_collection"),
    ("wagtailimages", "image", "add_tags"),
    ("wagtaildocs", "document", "delete"),
    ("wagtaildocs", "document", "add_to_collection"),
    ("auth", "user", "delete"),
    ("auth", "user", "assign_role"),
    ("auth", "user", "set_active_state"),
]


def foreign_values(w, name):
    """Kwargs naming what partner A must not see, for the view ``name``."""
    namespace = name.split(":")[0]
    pks = {
        "wagtailusers_users": w["officer2"].pk,
        "wagtailusers_groups": Group.objects.get(name=OFFICERS_GROUP).pk,
        "wagtailsites": w["site"].pk,
        "wagtaillocales": Locale.get_default().pk,
        "wagtailadmin_collections": w["b_collection"].pk,
        "wagtailadmin_workflows": w["workflow"].pk,
        "wagtailimages_chooser": w["sweep_images"]["root"].pk,
        "wagtaildocs_chooser": w["sweep_documents"]["root"].pk,
        "wagtailsnippets_campaigns_projecttheme": w["theme"].pk,
        "wagtailsnippetchoosers_campaigns_projecttheme": w["theme"].pk,
        "wagtailsnippets_news_newscategory": w["category"].pk,
        "wagtailsnippetchoosers_news_newscategory": w["category"].pk,
        "wagtailadmin_api": w["secret"].pk,
    }
    if name.startswith("wagtailadmin_api:images"):
        pks["wagtailadmin_api"] = w["sweep_images"]["root"].pk
    if name.startswith("wagtailadmin_api:documents"):
        pks["wagtailadmin_api"] = w["sweep_documents"]["root"].pk
    app_model = {
        "wagtailadmin_editing_sessions:ping": ("wagtailcore", "page"),
        "wagtailadmin_workflows:add_task": ("wagtailcore", "groupapprovaltask"),
        "wagtailadmin_tag_model_autocomplete": ("wagtailimages", "image"),
        "wagtailsettings:edit": ("home", "sitesettings"),
        "wagtailsettings:preview_on_edit": ("home", "sitesettings"),
    }.get(name, ("funding", "fundingcampaign"))
    secret = w["secret"].pk
    return {
        "page_id": secret,
        "parent_page_id": secret,
        "page_to_move_id": secret,
        "destination_id": w["home"].pk,
        "page_pk": secret,
        "workflow_pk": w["workflow"].pk,
        "content_type_app_name": "campaigns",
        "content_type_model_name": "laureatepage",
        "app_label": app_model[0],
        "app_name": app_model[0],
        "model_name": app_model[1],
        "action_name": "approve",
        "task_state_id": w["task_state"].pk,
        "task_id": w["task_state"].task_id,
        "revision_id": w["secret_revision"].pk,
        "workflow_state_id": w["task_state"].workflow_state_id,
        "collection_id": w["b_collection"].pk,
        "object_id": str(secret),
        "session_id": w["officer_session"].pk,
        "translation_source_id": 1,
        "translation_id": 1,
        "string_segment_id": 1,
        "overridable_segment_id": 1,
        "mode": "desktop",
        "redirect_id": w["redirect"].pk,
        "query_id": w["query"].pk,
        "document_id": w["sweep_documents"]["root"].pk,
        "doc_id": w["sweep_documents"]["b"].pk,
        "image_id": w["sweep_images"]["root"].pk,
        "uploaded_file_id": 1,
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "abc-def",
        "pk": pks.get(namespace, w["campaign"].pk),
    }


def query_for(w, name):
    """``?id=`` for bulk and "chosen multiple" views, ``?q=`` for searches: what A must not see."""
    if name.startswith(("wagtailimages", "wagtailadmin_api:images")):
        ident = w["sweep_images"]["root"].pk
    elif name.startswith(("wagtaildocs", "wagtailadmin_api:documents")):
        ident = w["sweep_documents"]["root"].pk
    else:
        ident = w["secret"].pk
    return f"?id={ident}&q={SECRET}"


def sweep_requests(w):
    """(label, url, view name) for every admin pattern, filled with foreign ids."""
    requests = []
    for route, name in admin_patterns():
        if name is None:
            path = "/admin/no-such-view/" if "^.*" in route else "/" + route
            requests.append((route, path, None))
            continue
        names = kwarg_names(route)
        if name == "wagtail_bulk_action":
            for app_label, model_name, action in BULK_ACTIONS:
                ident = {
                    "wagtailcore": w["secret"].pk,
                    "wagtailimages": w["sweep_images"]["root"].pk,
                    "wagtaildocs": w["sweep_documents"]["root"].pk,
                    "auth": w["officer2"].pk,
                }[app_label]
                url = reverse(name, args=[app_label, model_name, action]) + f"?id={ident}"
                requests.append((route, url, name))
            continue
        if name == "wagtailadmin_pages:revisions_compare":
            url = reverse(name, args=[w["secret"].pk, "earliest", "latest"])
        else:
            values = foreign_values(w, name)
            url = reverse(name, kwargs={key: values[key] for key in names})
        requests.append((route, url + query_for(w, name), name))
    return requests


# A hidden object's title: the secret word after another word ("Logo B Zorglub"). The bare word
# alone is what the sweep searches for, and search pages repeat the query ("« Zorglub »").
HIDDEN_TITLE = re.compile(rf"\w {SECRET}")


def secrets_in(w, body):
    found = [secret for secret in (*EMAILS, w["campaign"].name) if secret in body]
    return found + HIDDEN_TITLE.findall(body)


def is_refusal(response):
    if response.status_code in REFUSED:
        return True
    # Wagtail's own permission checks send to the dashboard; the explorer does too.
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_every_admin_url_is_refused_to_a_partner_unless_allowlisted(client, world, capsys):
    client.force_login(world["user_a"])
    tried = refused = allowed = 0
    leaks = []
    for _route, url, name in sweep_requests(world):
        rule = rule_for(resolve(url.split("?")[0])) if name else None
        for method in ("get", "post"):
            if method == "post" and rule is not None:
                continue  # allowed views' POSTs are the isolation table's rows (they change data)
            if "_auth_user_id" not in client.session:
                client.force_login(world["user_a"])  # after the logout view
            response = getattr(client, method)(url)
            tried += 1
            body = response.content.decode(errors="replace")
            found = secrets_in(world, body)
            if found:
                leaks.append(f"{method.upper()} {url} ({name}) shows {found}")
            if is_refusal(response):
                refused += 1
            elif rule == ANY:
                allowed += 1
            else:
                # Not allowlisted, or allowlisted for its own objects only and given someone else's.
                leaks.append(f"{method.upper()} {url} ({name}, rule {rule}) answered {response.status_code}")
            if rule is None and name not in PARTNER_EXPLORER_VIEWS:
                assert response.status_code in REFUSED, f"{url} answered {response.status_code}"
    with capsys.disabled():  # the figures the closing note quotes
        print(f"\nPartner admin sweep: {tried} URLs tried, {refused} refused, {allowed} allowed, {len(leaks)} leaks")  # noqa: T201
    assert "\n".join(leaks) == ""
    assert tried > 250


def own_values(w):
    a = w["a"].pk
    return {
        "page_id": a,
        "parent_page_id": a,
        "revision_id": w["a_revision"].pk,
        "workflow_state_id": w["a_workflow_state"].pk,
        "app_label": "wagtailcore",
        "model_name": "page",
        "object_id": str(a),
        "session_id": w["a_session"].pk,
        "image_id": w["sweep_images"]["a"].pk,
        "document_id": w["sweep_documents"]["a"].pk,
        "doc_id": w["sweep_documents"]["a"].pk,
        "pk": None,
    }


def test_allowlisted_object_views_open_on_the_partners_own_objects(client, world):
    """The other half of the sweep: each view allowlisted for "its own" object answers on it."""
    client.force_login(world["user_a"])
    values = own_values(world)
    tried = 0
    for route, name in admin_patterns():
        rule = PARTNER_ALLOWED_VIEWS.get(name)
        if rule not in (OWN_PAGE, OWN_PAGE_SESSION, LIVE_OR_OWN_PAGE, OWN_IMAGE, OWN_DOCUMENT):
            continue
        own = dict(values)
        if name.startswith("wagtailimages_chooser"):
            own["pk"] = world["sweep_images"]["a"].pk
        if name.startswith("wagtaildocs_chooser"):
            own["pk"] = world["sweep_documents"]["a"].pk
        if name == "wagtailadmin_pages:revisions_compare":
            url = reverse(name, args=[world["a"].pk, "earliest", "latest"])
        else:
            url = reverse(name, kwargs={key: own[key] for key in kwarg_names(route)})
        response = client.post(url) if name == "wagtailadmin_editing_sessions:ping" else client.get(url)
        tried += 1
        # 405: a POST-only view (multiple upload's per-item edit) that the middleware let through.
        assert response.status_code in (200, 302, 405), f"{url} answered {response.status_code}"
        if response.status_code == 302:
            assert response["Location"] != reverse("wagtailadmin_home"), f"{url} was refused"
        assert not secrets_in(world, response.content.decode()), url
    assert tried >= 15


def test_allowlist_has_no_stale_entry():
    names = {name for _route, name in admin_patterns() if name}
    namespaces = {name.split(":")[0] for name in names if ":" in name}
    assert set(PARTNER_ALLOWED_VIEWS) - names == set()
    assert PARTNER_EXPLORER_VIEWS - names == set()
    known_rules = {ANY, CHOSEN_PAGES, OWN_PAGE, OWN_PAGE_SESSION, LIVE_OR_OWN_PAGE, OWN_IMAGE, OWN_DOCUMENT}
    assert set(PARTNER_ALLOWED_VIEWS.values()) <= known_rules
    # The accounts namespace belongs to the two-factor slice: allowed as soon as it exists.
    assert set(PARTNER_ALLOWED_NAMESPACES) - namespaces <= {"accounts"}


def test_officers_keep_the_views_partners_are_refused(client, world):
    client.force_login(world["officer2"])
    for name, args in [
        ("wagtailadmin_explore", [world["call"].pk]),
        ("wagtailadmin_pages:search", []),
        ("wagtailadmin_reports:site_history", []),
        ("wagtailsnippetchoosers_funding_fundingcampaign:choose", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name
    api = client.get("/admin/api/main/pages/")
    assert api.status_code == 200


# --- finding 2: draft titles by id ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("wagtailadmin_explore", args=[w["secret"].pk]),
        lambda w: reverse("wagtailadmin_explore", args=[w["call"].pk]) + "?q=" + SECRET,
        lambda w: reverse("wagtailadmin_choose_page_child", args=[w["secret"].pk]),
        lambda w: reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={w['secret'].pk}",
        lambda w: reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={w['secret'].pk}",
        lambda w: (
            reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
            + f"?id={w['sweep_images']['root'].pk}"
        ),
        lambda w: (
            reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"])
            + f"?id={w['sweep_documents']['root'].pk}"
        ),
        lambda w: reverse("wagtailsnippetchoosers_funding_fundingcampaign:choose"),
        lambda w: reverse("wagtailsnippetchoosers_funding_fundingcampaign:choose_results") + "?q=" + SECRET,
        lambda w: reverse("wagtail_localize:snippets_api_listing", args=["funding", "fundingcampaign"]),
        lambda w: reverse(
            "wagtail_localize:snippets_api_detail", args=["funding", "fundingcampaign", w["campaign"].pk]
        ),
        lambda w: reverse("wagtailadmin_pages:search") + "?q=" + SECRET,
    ],
    ids=[
        "explore-draft",
        "explore-search",
        "page-chooser-under-draft",
        "page-chooser-chosen",
        "bulk-pages",
        "bulk-images",
        "bulk-documents",
        "snippet-chooser",
        "snippet-chooser-results",
        "localize-snippet-listing",
        "localize-snippet-detail",
        "page-search",
    ],
)
def test_draft_titles_are_not_shown_to_a_partner(client, world, url):
    client.force_login(world["user_a"])
    response = client.get(url(world), follow=True)
    body = response.content.decode()
    assert SECRET not in body
    assert world["campaign"].name not in body


@pytest.mark.parametrize("kind", ["pages", "images", "documents"])
def test_admin_api_is_refused_to_a_partner_with_a_json_reason(client, world, kind):
    client.force_login(world["user_a"])
    for url in (f"/admin/api/main/{kind}/", f"/admin/api/main/{kind}/find/?id=1"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]
        assert SECRET not in response.content.decode()


# Links Wagtail still draws on a partner's screens to views the middleware refuses (a 403 page,
# nothing shown): the admin API addresses in the admin's JavaScript configuration (used by the
# page explorer menu, which partners do not have), the image and document listings' bulk actions,
# usage and delete links, tag autocompletion, and the page header's copy and privacy entries.
# Hiding them is still to do; a new kind of link fails this test.
KNOWN_REFUSED_LINKS = {
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:pages:listing",
    "wagtail_bulk_action",
    "wagtaildocs:document_usage",
    "wagtailimages:image_usage",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:set_privacy",
    "wagtailadmin_pages:usage",
    "wagtailadmin_tag_autocomplete",
}


def test_partner_menu_and_pages_lead_only_to_allowlisted_views(client, world):
    """Nothing in the partner's own screens links to a view it would be refused."""
    client.force_login(world["user_a"])
    a = world["a"]
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[a.pk]),
        reverse("wagtailadmin_pages:history", args=[a.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[a.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailimages:edit", args=[world["sweep_images"]["a"].pk]),
        reverse("wagtaildocs:edit", args=[world["sweep_documents"]["a"].pk]),
        reverse("wagtailadmin_account"),
    ]
    refused = []
    for screen in screens:
        body = client.get(screen).content.decode().replace("\\/", "/").replace("&amp;", "&")
        for link in set(re.findall(r'"(/admin/[^"\s<>]*)"', body)):
            path = link.split("?")[0].split("#")[0]
            if "{" in path or "__" in path or "\\" in path or path.startswith("/admin/login"):
                continue  # URL templates filled in by the admin's JavaScript
            match = resolve(path)
            if match.view_name in PARTNER_EXPLORER_VIEWS:
                continue  # breadcrumbs: the explorer answers with the dashboard
            if rule_for(match) is None and match.view_name not in KNOWN_REFUSED_LINKS:
                refused.append(f"{screen} links to {link} ({match.view_name})")
    assert refused == [], "\n".join(refused)


# --- finding 3: other accounts' e-mail addresses -------------------------------------------


def test_partner_never_sees_another_accounts_email(client, world):
    client.force_login(world["user_a"])
    a = world["a"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[a.pk]),
        reverse("wagtailadmin_pages:history", args=[a.pk]),
        reverse("wagtailadmin_pages:history_results", args=[a.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[a.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[a.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:revisions_view", args=[a.pk, world["a_revision"].pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[a.pk]),
        reverse("wagtailadmin_pages:workflow_history_detail", args=[a.pk, world["a_workflow_state"].pk]),
        # The explorer's "Modifié par" filter and the page search's.
        reverse("wagtailadmin_explore", args=[world["index"].pk]),
        reverse("wagtailadmin_explore_results", args=[world["index"].pk]),
        reverse("wagtailadmin_pages:search") + "?q=Atelier",
        reverse("wagtailadmin_pages:search_results") + "?q=Atelier",
    ]
    ping = client.post(
        reverse(
            "wagtailadmin_editing_sessions:ping",
            args=["wagtailcore", "page", str(a.pk), world["a_session"].pk],
        )
    )
    assert ping.status_code == 200
    bodies = {"ping": ping.content.decode()}
    for url in urls:
        bodies[url] = client.get(url, follow=True).content.decode()
    shown = {url: [email for email in EMAILS if email in body] for url, body in bodies.items()}
    assert {url: emails for url, emails in shown.items() if emails} == {}
    # The officers are named by their role, the colleague (no full name given) as a colleague.
    history = bodies[reverse("wagtailadmin_pages:history_results", args=[a.pk])]
    assert "L’équipe de communication" in history
    assert "Un membre de votre équipe" in bodies[reverse("wagtailadmin_pages:workflow_history", args=[a.pk])]
    # The partner's own name stays its own.
    assert "user-a" in bodies[reverse("wagtailadmin_home")]


def test_officers_still_see_who_did_what(client, world):
    client.force_login(world["officer2"])
    history = client.get(reverse("wagtailadmin_pages:history", args=[world["a"].pk])).content.decode()
    assert COLLEAGUE_EMAIL in history


def test_display_names_do_not_leak_out_of_the_request(world):
    # Outside a partner's admin request (e-mails, commands, officers' requests): Wagtail's names.
    assert world["colleague"].get_full_name() == ""


def test_partner_sidebar_search_is_the_image_search(client, world):
    client.force_login(world["user_a"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_pages:search") not in dashboard
    client.force_login(world["officer2"])
    assert reverse("wagtailadmin_pages:search") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_partner_refusal_does_not_reveal_the_title(client, world):
    client.force_login(world["user_a"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world["secret"].pk]))
    assert response.status_code == 403
    assert SECRET not in response.content.decode()


def test_partner_refusal_is_an_admin_page_with_the_way_back(client, world):
    client.force_login(world["user_a"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world["secret"].pk]))
    assert response.status_code == 403
    body = response.content.decode()
    assert 'lang="fr"' in body
    assert f'href="{reverse("wagtailadmin_home")}"' in body
    assert "Retour au tableau de bord" in body
    # Inside the admin's frame (its sidebar), not Django's bare "403 Forbidden".
    assert "Forbidden" not in body
    assert "sidebar" in body


@pytest.mark.parametrize("screen", ["page", "api"])
def test_partner_refusal_speaks_the_accounts_admin_language(client, world, screen):
    from django.utils import translation

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world["user_a"])
    profile.preferred_language = "en"
    profile.save()
    client.force_login(world["user_a"])
    if screen == "page":
        url = reverse("wagtailadmin_pages:edit", args=[world["secret"].pk])
    else:
        url = reverse("wagtailadmin_api:pages:listing")
    with translation.override("fr"):  # the refusal activates English for its answer only
        response = client.get(url)
    assert response.status_code == 403
    assert "not open to partner accounts" in response.content.decode()
    assert "n’est pas ouverte" not in response.content.decode()


def test_partner_deletes_its_own_duplicate_upload_but_nothing_else(client, world):
    """The chooser offers to delete a duplicate just uploaded ("use the existing image")."""
    client.force_login(world["user_a"])
    own = ImageFactory(collection=world["sweep_images"]["a"].collection, uploaded_by_user=world["user_a"])
    response = client.post(reverse("wagtailimages:delete", args=[own.pk]))
    assert response.status_code in (200, 302)
    assert not type(own).objects.filter(pk=own.pk).exists()
    for key in ("b", "root"):
        image = world["sweep_images"][key]
        assert client.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 403
        assert type(image).objects.filter(pk=image.pk).exists()
