"""Partner pages, sponsorships, roles, onboarding and moderation (non-browser)."""

import json
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import streamfield

import pytest
from bs4 import BeautifulSoup

from campaigns.models import CallPartner, LaureateSponsor
from funding.figures import record_figures
from home.models import HomePage
from partners.models import PartnerAccess, PartnerIndexPage, PartnerPage
from partners.roles import setup_roles
from tests.factories import (
    LaureatePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    build_site,
    translate,
)
from tests.helpers import assert_no_script, partner_form

pytestmark = pytest.mark.django_db


# --- public pages ---------------------------------------------------------------


def test_partner_index_groups_by_kind_and_filters(client, partner_tree):
    page = BeautifulSoup(client.get("/partenaires/").content, "html.parser")
    headings = [h.get_text() for h in page.select("main h2")]
    assert headings == ["Entreprise", "Association ou tiers-lieu"]
    filtered = BeautifulSoup(client.get("/partenaires/?type=company").content, "html.parser")
    assert [a.get_text() for a in filtered.select(".logo-wall__name")] == ["Bureau B"]
    assert filtered.select_one('.filter-nav a[aria-current="page"]').get_text().startswith("Entreprise")
    # Unknown or hostile filter values show everyone, never an error.
    for value in ["zzz", "<script>", "' OR 1=1"]:
        response = client.get("/partenaires/", {"type": value})
        assert response.status_code == 200
        assert len(BeautifulSoup(response.content, "html.parser").select(".logo-wall__name")) == 2


def test_partner_page_lists_its_sponsored_laureates_with_their_widgets(client, partner_tree):
    record_figures(partner_tree["laureate"].campaign, raised=Decimal("2500"), donors=30, source="manual")
    page = BeautifulSoup(client.get("/partenaires/atelier-a/").content, "html.parser")
    cards = page.select(".laureate-card")
    assert [card.select_one(".card__title").get_text(strip=True) for card in cards] == ["Lauréat sponsorisé"]
    assert cards[0].select_one('[role="progressbar"]')["aria-valuenow"] == "50"
    assert "Rôle du partenaire\u00a0: parrain" in cards[0].get_text()
    other = BeautifulSoup(client.get("/partenaires/bureau-b/").content, "html.parser")
    assert other.select(".laureate-card") == []


def test_laureate_page_shows_its_sponsors_and_the_call_page_its_partners(client, partner_tree):
    call = partner_tree["call"]
    CallPartner.objects.create(call=call, partner=partner_tree["b"], sort_order=0)
    laureate = BeautifulSoup(client.get("/appels/appel/laureat/").content, "html.parser")
    sponsors = [item.get_text(" ", strip=True) for item in laureate.select(".sponsors__item")]
    assert sponsors == ["Atelier A parrain"]
    call_page = BeautifulSoup(client.get("/appels/appel/").content, "html.parser")
    section = call_page.find(id="call-partners-title").parent
    assert [a["href"] for a in section.select("a")] == ["/partenaires/bureau-b/"]


def test_english_partner_page_lists_the_english_laureates(client, partner_tree):
    translate(partner_tree["index"], "en", slug="partners")
    translate(partner_tree["a"], "en", slug="workshop-a")
    calls = partner_tree["call"].get_parent()
    translate(calls, "en", slug="calls")
    translate(partner_tree["call"], "en", slug="call")
    translate(partner_tree["laureate"], "en", slug="laureate", title="Sponsored laureate")
    page = BeautifulSoup(client.get("/en/partners/workshop-a/").content, "html.parser")
    assert [a.get_text() for a in page.select(".laureate-card .card__title a")] == ["Sponsored laureate"]
    laureate = BeautifulSoup(client.get("/en/calls/call/laureate/").content, "html.parser")
    assert laureate.select_one(".sponsors__item a")["href"] == "/en/partners/workshop-a/"


def test_partner_list_queries_do_not_grow(client, partner_tree, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    index_small, partner_small = count("/partenaires/"), count("/partenaires/atelier-a/")
    for number in range(15):
        PartnerPageFactory(parent=partner_tree["index"], kind="company")
        laureate = LaureatePageFactory(parent=partner_tree["call"])
        LaureateSponsor.objects.create(
            laureate=laureate, partner=partner_tree["a"], role="mecene" if number % 2 else "parrain"
        )
    assert count("/partenaires/") == index_small
    assert count("/partenaires/atelier-a/") == partner_small
    with django_assert_max_num_queries(18):
        client.get("/partenaires/atelier-a/")


def test_logo_needs_its_alternative_text(partner_tree):
    from django.core.exceptions import ValidationError

    from wagtail_factories import ImageFactory

    page = partner_tree["a"]
    page.logo = ImageFactory()
    page.logo_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "logo_alt" in error.value.message_dict


# --- roles ---------------------------------------------------------------------------


def test_setup_roles_is_idempotent_and_grants_only_edit_on_the_own_page(partner_tree):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), PartnerAccess.objects.count())
    call_command("setup_roles")
    call_command("setup_roles")
    assert (Group.objects.count(), GroupPagePermission.objects.count(), PartnerAccess.objects.count()) == counts

    access = PartnerAccess.objects.get(translation_key=partner_tree["a"].translation_key)
    permissions = GroupPagePermission.objects.filter(group=access.group)
    assert {(p.page_id, p.permission.codename) for p in permissions} == {(partner_tree["a"].pk, "change_page")}
    assert set(access.group.permissions.values_list("codename", flat=True)) == {"access_admin"}
    collections = set(access.group.collection_permissions.values_list("collection_id", flat=True))
    assert collections == {access.collection_id}
    user_perms = partner_tree["a"].permissions_for_user(partner_tree["user_a"])
    assert user_perms.can_edit() and not user_perms.can_publish()
    assert not user_perms.can_delete() and not user_perms.can_move() and not user_perms.can_add_subpage()
    assert not partner_tree["b"].permissions_for_user(partner_tree["user_a"]).can_edit()


def test_partner_group_covers_the_translations_of_its_page(partner_tree):
    english = translate(partner_tree["index"], "en", slug="partners")
    assert english.live
    page_en = translate(partner_tree["a"], "en", slug="workshop-a")
    setup_roles()
    assert page_en.permissions_for_user(partner_tree["user_a"]).can_edit()


# --- onboarding -------------------------------------------------------------------------


def test_invite_partner_command_is_idempotent_and_sends_the_set_password_link(
    partner_tree, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_partner", "atelier-a", "Camille@Example.org")
        call_command("invite_partner", str(partner_tree["a"].pk), "camille@example.org")
    users = django_user_model.objects.filter(email="camille@example.org")
    assert users.count() == 1
    user = users.get()
    assert not user.has_usable_password()
    assert user.groups.filter(partneraccess__translation_key=partner_tree["a"].translation_key).exists()
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == ["camille@example.org"]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "Atelier A" in mail.outbox[0].subject


@pytest.mark.parametrize(("partner", "email"), [("nobody", "x@example.org"), ("atelier-a", "not-an-email")])
def test_invite_partner_command_reports_bad_input(partner_tree, partner, email, django_user_model):
    from django.core.management.base import CommandError

    before = django_user_model.objects.count()
    with pytest.raises(CommandError):
        call_command("invite_partner", partner, email)
    assert django_user_model.objects.count() == before
    assert mail.outbox == []


def test_officer_invites_from_the_admin_and_partners_cannot(client, partner_tree, django_user_model):
    url = reverse("partners_invite", args=[partner_tree["a"].pk])
    client.force_login(partner_tree["user_a"])
    # Wagtail answers a refused admin view with a redirect to the dashboard (or a 403).
    assert client.post(url, {"email": "intrus@example.org"}).status_code in (302, 403)
    assert not django_user_model.objects.filter(email="intrus@example.org").exists()

    client.force_login(partner_tree["officer"])
    response = client.post(url, {"email": "pas-une-adresse"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    response = client.post(url, {"email": "nouveau@example.org"})
    assert response.status_code == 302
    assert django_user_model.objects.filter(email="nouveau@example.org").count() == 1
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[partner_tree["a"].pk]))
    assert url in edit.content.decode()


# --- moderation ---------------------------------------------------------------------------


def test_partner_edit_is_published_only_after_approval(client, partner_tree):
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    # Trying to publish directly only saves a draft.
    response = client.post(
        edit_url, partner_form(page, short_description="Publié sans validation ?", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert PartnerPage.objects.get(pk=page.pk).short_description == "Une association partenaire."

    response = client.post(
        edit_url, partner_form(page, short_description="Nouvelle description", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == "in_progress"
    assert client.get("/partenaires/atelier-a/").text.count("Nouvelle description") == 0
    assert any(partner_tree["officer"].email in message.to for message in mail.outbox)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mon profil" in dashboard
    assert "attend la validation" in dashboard

    client.force_login(partner_tree["officer"])
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    assert PartnerPage.objects.get(pk=page.pk).short_description == "Nouvelle description"
    assert "Nouvelle description" in client.get("/partenaires/atelier-a/").text


def submit_then_reject(client, partner_tree, officer, comment):
    """The partner sends a change for validation; the officer asks for changes with ``comment``."""
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        partner_form(page, short_description="Trop long", **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(object_id=str(page.pk))
    client.force_login(officer)
    reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk])
    client.post(reject, {"comment": comment})
    return state


def test_rejection_comment_reaches_the_partner(client, partner_tree):
    page = partner_tree["a"]
    state = submit_then_reject(client, partner_tree, partner_tree["officer"], "Merci de raccourcir la description.")
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert PartnerPage.objects.get(pk=page.pk).short_description == "Une association partenaire."

    client.force_login(partner_tree["user_a"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Merci de raccourcir la description." in dashboard


def test_rejection_email_names_the_team_not_the_officers_account(client, partner_tree, mailoutbox):
    """The officer's username is an e-mail address here; the partner's e-mail must not carry it."""
    officer = partner_tree["officer"]
    officer.username, officer.email = "claire.martin@mel.example", "claire.martin@mel.example"
    officer.save()
    submit_then_reject(client, partner_tree, officer, "Merci de raccourcir la description.")
    rejected = [message for message in mailoutbox if "Merci de raccourcir" in message.body]
    to_partner = [message for message in rejected if partner_tree["user_a"].email in message.to]
    assert len(to_partner) == 1
    body = to_partner[0].body
    assert "Merci de raccourcir la description." in body
    assert "L’équipe de communication vous écrit\u00a0:" in body
    assert "claire.martin" not in body


def test_officer_publishes_directly(client, partner_tree):
    page = partner_tree["b"]
    client.force_login(partner_tree["officer"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        partner_form(page, short_description="Mis à jour par la com", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert PartnerPage.objects.get(pk=page.pk).short_description == "Mis à jour par la com"


def test_rich_text_saved_by_a_partner_cannot_inject_script(client, partner_tree):
    page = partner_tree["a"]
    hostile_state = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": "clic <script>alert(1)</script>",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }
    body = streamfield([("paragraph", json.dumps(hostile_state))])
    client.force_login(partner_tree["user_a"])
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        partner_form(
            page,
            title='Atelier <script>alert("t")</script>',
            short_description='<img src=x onerror="alert(1)">',
            body=body,
            website="javascript:alert(1)",
            **{"action-submit": "1"},
        ),
    )
    state = WorkflowState.objects.filter(object_id=str(page.pk)).first()
    if state is None:  # the website URL was refused: submit again without it
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            partner_form(
                page,
                title='Atelier <script>alert("t")</script>',
                short_description='<img src=x onerror="alert(1)">',
                body=body,
                **{"action-submit": "1"},
            ),
        )
        state = WorkflowState.objects.get(object_id=str(page.pk))
    client.force_login(partner_tree["officer"])
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]))
    live = PartnerPage.objects.get(pk=page.pk)
    assert live.title.startswith("Atelier")
    html = client.get(live.url).text
    assert_no_script(html)
    assert "&lt;img src=x onerror=" in html  # shown as text, harmless


class PartnerTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        Page.objects.filter(depth=2, slug="home").delete()
        cls.home, _ = build_site()
        cls.index = PartnerIndexPageFactory(parent=cls.home)
        cls.partner = PartnerPageFactory(parent=cls.index)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerPage, set())
        self.assertFalse(PartnerIndexPage.can_create_at(self.home))

    def test_pages_render(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.partner)


def test_partner_title_field_starts_no_slug_sync_without_a_slug_field(client, partner_tree):
    """A partner's form has no slug: Wagtail's sync would start with an empty target and fail."""
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    form = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser")
    assert form.select_one("#id_slug") is None
    title = form.select_one("#id_title")
    assert "w-sync" not in title.get("data-controller", "")
    assert "w-sync" not in title.get("data-action", "")
    assert not title.has_attr("data-w-sync-target-value")
    client.force_login(partner_tree["officer"])
    form = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser")
    assert form.select_one("#id_slug") is not None
    assert "w-sync" in form.select_one("#id_title")["data-controller"]
