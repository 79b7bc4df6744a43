"""The partner's journey in the admin (issue #13): what a partner sees, the send-for-review
button, the officer's request on the form, the e-mails, the synchronised fields, https links."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from partners.models import SYNCHRONISED_FIELDS, PartnerPage
from partners.roles import ensure_partner_group
from partners.sync import synchronise_translations
from partners.text import long_date
from tests.factories import translate
from tests.helpers import partner_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def submit(client, page, **fields):
    return client.post(edit_url(page), partner_form(page, **{"action-submit": "1", **fields}))


def request_changes(client, officer, page, comment):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    client.force_login(officer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk])
    assert client.post(url, {"comment": comment}).status_code in (200, 302)
    return state


def approve(client, officer, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    client.force_login(officer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk])
    assert client.post(url, {"comment": ""}).status_code in (200, 302)


def set_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


# --- 1 and 5: the dashboard and the menu ----------------------------------------------------


def test_partner_dashboard_has_no_site_counts_nor_explorer_and_a_readable_edit_button(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    page = soup(client.get(reverse("wagtailadmin_home")))
    assert page.select(".w-summary") == []  # no "79 Pages"
    panel = page.select_one(".partner-dashboard")
    button = panel.select_one("a.partner-dashboard__edit")
    assert button["href"] == edit_url(partner_tree["a"])
    # A button of its own, not a link inside a coloured help block (whose link colour made it 1.5:1).
    assert button.find_parent(class_="help-block") is None
    assert "Modifier mon profil" in button.get_text()
    menu = str(page)
    assert '"name": "explorer"' not in menu and "&quot;name&quot;: &quot;explorer&quot;" not in menu

    client.force_login(partner_tree["officer"])
    officer_page = soup(client.get(reverse("wagtailadmin_home")))
    assert officer_page.select(".w-summary")  # officers keep the site summary
    assert "explorer" in str(officer_page)


def test_partner_explorer_leads_to_the_dashboard(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    root = reverse("wagtailadmin_explore_root")
    assert client.get(root)["Location"] == reverse("wagtailadmin_home")
    index = reverse("wagtailadmin_explore", args=[partner_tree["index"].pk])
    assert client.get(index)["Location"] == reverse("wagtailadmin_home")
    # The page search is not on a partner's allowlist (it lists titles the partner has no use for).
    assert client.get(index, {"q": "atelier"})["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_pages:search"), {"q": "atelier"}).status_code == 403
    client.force_login(partner_tree["officer"])
    assert client.get(index).status_code == 200


# --- 2: "Envoyer pour validation" first, the notice, back to the dashboard --------------------


def test_partner_form_offers_send_for_review_as_the_main_action(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    page = soup(client.get(edit_url(partner_tree["a"])))
    buttons = page.select("footer button[type=submit]")
    assert buttons[0]["name"] == "action-submit"
    assert buttons[0].get_text(strip=True) == "Envoyer pour validation"
    # Saving a draft is still offered, behind the arrow (Wagtail's save button has no name).
    assert "action-save" in [cls for button in buttons[1:] for cls in button.get("class", [])]
    notice = page.select_one(".partner-notice")
    assert "l’équipe de communication relit votre profil avant de le publier" in notice.get_text()

    client.force_login(partner_tree["officer"])
    page = soup(client.get(edit_url(partner_tree["a"])))
    first = page.select("footer button[type=submit]")[0]
    assert first.get("name") != "action-submit"  # officers keep Wagtail's order
    assert page.select(".partner-notice") == []


def test_after_submitting_the_partner_is_back_on_its_dashboard(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    # Saving a draft keeps the partner on the form.
    draft = client.post(edit_url(partner_tree["a"]), partner_form(partner_tree["a"], short_description="Brouillon."))
    assert draft["Location"].startswith(edit_url(partner_tree["a"]))
    response = submit(client, partner_tree["a"], short_description="Une nouvelle description.")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(response["Location"]).content.decode()
    assert "attend la validation" in dashboard
    # While the officers review it, the form says so (Wagtail locks it for the partner).
    form = soup(client.get(edit_url(partner_tree["a"])))
    assert "attend la validation" in form.select_one(".partner-notice").find_parent("section").get_text()


# --- 3: the officer's request on the form, and the e-mails ---------------------------------------


def test_change_request_shows_as_a_banner_on_the_form_and_the_button_says_resubmit(client, partner_tree):
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    submit(client, page, short_description="Trop long.")
    request_changes(client, partner_tree["officer"], page, "Merci de citer vos horaires d'ouverture.")

    client.force_login(partner_tree["user_a"])
    form = soup(client.get(edit_url(page)))
    banner = form.select_one(".partner-notice--changes")
    assert "Merci de citer vos horaires d'ouverture." in banner.select_one("blockquote").get_text()
    assert "Renvoyer pour validation" in banner.get_text()
    assert form.select("footer button[type=submit]")[0].get_text(strip=True) == "Renvoyer pour validation"
    # The banner is in the form's first tab, above the fields.
    assert form.find(id="id_title").find_previous(class_="partner-notice--changes") is banner

    # Resubmitting resumes the same moderation, which the officer then approves.
    response = submit(client, page, short_description="Ouvert du mardi au samedi.")
    assert response["Location"] == reverse("wagtailadmin_home")
    assert WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    approve(client, partner_tree["officer"], page)
    assert PartnerPage.objects.get(pk=page.pk).short_description == "Ouvert du mardi au samedi."
    client.force_login(partner_tree["user_a"])
    assert soup(client.get(edit_url(page))).select(".partner-notice--changes") == []


def test_change_request_mail_is_courteous_french_and_says_what_to_do(client, partner_tree):
    page = partner_tree["a"]
    user = partner_tree["user_a"]
    user.first_name = "Camille"
    user.save()
    client.force_login(user)
    submit(client, page, short_description="Trop long.")
    mail.outbox.clear()
    request_changes(client, partner_tree["officer"], page, "Merci de raccourcir la description.")
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    body = message.body
    assert body.startswith("Bonjour Camille,")
    assert "Salut" not in body and "rejet" not in body.lower() and "rejet" not in message.subject.lower()
    assert message.subject == "«\u00a0Atelier A\u00a0»\u00a0: quelques modifications avant publication"
    assert "«\u00a0Merci de raccourcir la description.\u00a0»" in body
    assert "«\u00a0Renvoyer pour validation\u00a0»" in body
    assert "http://testserver" + edit_url(page) in body or edit_url(page) in body
    assert "&#x27;" not in body and "&quot;" not in body  # plain text, not HTML-escaped


def test_mails_are_in_english_for_an_english_speaking_account(client, partner_tree):
    page = partner_tree["a"]
    user = partner_tree["user_a"]
    set_language(user, "en")
    client.force_login(user)
    submit(client, page, short_description="Too long.")
    mail.outbox.clear()
    request_changes(client, partner_tree["officer"], page, "Please shorten it.")
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    assert message.body.startswith("Hello ")
    assert "Resubmit for review" in message.body
    assert "Bonjour" not in message.body and "modification" not in message.body
    assert message.subject == "“Atelier A”: a few changes before publication"

    client.force_login(user)
    submit(client, page, short_description="Shorter.")
    mail.outbox.clear()
    approve(client, partner_tree["officer"], page)
    [approved] = [m for m in mail.outbox if m.to == [user.email]]
    assert approved.subject == "“Atelier A”: your change is published"
    assert "Good news" in approved.body


def test_approval_mail_says_it_is_online_and_where_to_go_next(client, partner_tree):
    page = partner_tree["a"]
    user = partner_tree["user_a"]
    client.force_login(user)
    submit(client, page, short_description="Ouvert à tous.")
    mail.outbox.clear()
    approve(client, partner_tree["officer"], page)
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    assert message.subject == "«\u00a0Atelier A\u00a0»\u00a0: votre modification est publiée"
    assert message.body.startswith("Bonjour ")
    assert "/partenaires/atelier-a/" in message.body
    assert reverse("wagtailadmin_home") in message.body
    assert "Salut" not in message.body


def test_officers_are_greeted_in_french_too(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    mail.outbox.clear()
    submit(client, partner_tree["a"], short_description="Nouveau texte.")
    [message] = [m for m in mail.outbox if m.to == [partner_tree["officer"].email]]
    assert message.body.startswith("Bonjour officer,")
    assert "Salut" not in message.body


# --- 4: synchronised fields, the other language's date, https -------------------------------------


def test_language_independent_fields_are_synchronised_for_wagtail_localize():
    fields = {field.field_name: field for field in get_translatable_fields(PartnerPage)}
    for name in SYNCHRONISED_FIELDS:
        assert isinstance(fields[name], SynchronizedField), name
    for name in ("title", "short_description", "logo_alt", "body"):
        assert isinstance(fields[name], TranslatableField), name


@pytest.fixture
def bilingual(partner_tree):
    english_index = translate(partner_tree["index"], "en", slug="partners")
    english = translate(partner_tree["a"], "en", slug="workshop-a", short_description="A partner association.")
    ensure_partner_group(partner_tree["a"])
    assert english_index.live
    return {**partner_tree, "en": english}


def test_publishing_the_french_profile_gives_the_english_one_the_same_logo_and_website(client, bilingual):
    page, english = bilingual["a"], bilingual["en"]
    logo = ImageFactory(collection=ensure_partner_group(page).collection, title="Nouveau logo")
    client.force_login(bilingual["user_a"])
    submit(
        client,
        page,
        short_description="Une association qui répare.",
        logo=logo.pk,
        logo_alt="Atelier A",
        website="https://atelier-a.example.org",
        mastodon_url="https://mastodon.example/@ateliera",
    )
    english.refresh_from_db()
    assert english.logo_id is None  # nothing moves before the officer approves
    approve(client, bilingual["officer"], page)

    english = PartnerPage.objects.get(pk=english.pk)
    assert english.logo_id == logo.pk
    assert english.website == "https://atelier-a.example.org"
    assert english.mastodon_url == "https://mastodon.example/@ateliera"
    assert english.short_description == "A partner association."  # texts stay the translator's
    assert english.logo_alt == ""
    public = client.get("/en/partners/workshop-a/").content.decode()
    assert "https://atelier-a.example.org" in public


def test_a_draft_of_the_other_language_gets_the_new_values_too(bilingual):
    page, english = bilingual["a"], bilingual["en"]
    english.short_description = "Draft in progress."
    english.save_revision()  # unpublished English draft
    page.website = "https://nouveau.example.org"
    page.save_revision().publish()

    english = PartnerPage.objects.get(pk=english.pk)
    assert english.website == "https://nouveau.example.org"
    draft = Revision.objects.get(pk=english.latest_revision_id).as_object()
    assert draft.website == "https://nouveau.example.org"
    assert draft.short_description == "Draft in progress."
    # Publishing that draft later keeps the new value (and does not send the old one back).
    draft.save_revision().publish()
    assert PartnerPage.objects.get(pk=page.pk).website == "https://nouveau.example.org"
    assert synchronise_translations(PartnerPage.objects.get(pk=page.pk)) == []  # nothing left to copy


def test_dashboard_says_when_the_other_language_is_older(client, bilingual):
    page, english = bilingual["a"], bilingual["en"]
    Revision.objects.filter(object_id=str(english.pk)).update(
        created_at=timezone.make_aware(datetime.datetime(2018, 9, 1, 10))
    )
    PartnerPage.objects.filter(pk=english.pk).update(
        latest_revision_created_at=timezone.make_aware(datetime.datetime(2018, 9, 1, 10))
    )
    client.force_login(bilingual["user_a"])
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    assert dashboard.select(".partner-dashboard__status--stale") == []  # nobody has changed anything yet

    submit(client, page, short_description="Une association qui répare.")
    approve(client, bilingual["officer"], page)
    client.force_login(bilingual["user_a"])
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    [note] = dashboard.select(".partner-dashboard__status--stale")
    today = long_date(timezone.now())
    assert note.get_text(strip=True) == (
        f"La version anglaise date du 1er septembre 2018, avant la modification de la version française du {today}"
        "\u00a0: l’équipe de communication la mettra à jour."
    )
    article = note.find_parent("article")
    assert "English" in article.h3.get_text()
    assert "à jour." not in article.select_one(".partner-dashboard__status").get_text().replace(note.get_text(), "")


def test_long_date_writes_the_first_of_the_month_in_french():
    from django.utils import translation

    with translation.override("fr"):
        assert long_date(datetime.date(2026, 12, 1)) == "1er décembre 2026"
        assert long_date(datetime.date(2026, 12, 2)) == "2 décembre 2026"
    with translation.override("en"):
        assert long_date(datetime.date(2026, 12, 1)) == "1 December 2026"


@pytest.mark.parametrize(
    ("field", "value"),
    [("website", "http://atelier-a.example.org"), ("linkedin_url", "http://linkedin.com/company/a")],
)
def test_links_must_use_https_with_a_clear_french_message(client, partner_tree, field, value):
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    response = submit(client, page, **{field: value})
    assert response.status_code == 200  # the form again, with the error
    errors = response.context["form"].errors[field]
    assert errors == ["Indiquez une adresse sécurisée, qui commence par https:// (par exemple https://www.exemple.fr)."]
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    response = submit(client, page, **{field: value.replace("http://", "https://")})
    assert response.status_code == 302


# --- 5: no Promotion tab for partners, a visible "Remplacer le logo" --------------------------------


def test_partner_form_has_no_promotion_tab_and_cannot_change_the_slug(client, partner_tree):
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    form = soup(client.get(edit_url(page)))
    assert form.find(id="id_slug") is None and form.find(id="id_seo_title") is None
    assert not [tab for tab in form.select("[role=tab]") if tab.get_text(strip=True).startswith("Promotion")]
    submit(client, page, slug="pirate", seo_title="Pirate", short_description="Un texte.")
    approve(client, partner_tree["officer"], page)
    live = PartnerPage.objects.get(pk=page.pk)
    assert (live.slug, live.seo_title, live.short_description) == ("atelier-a", "", "Un texte.")

    client.force_login(partner_tree["officer"])
    form = soup(client.get(edit_url(page)))
    assert form.find(id="id_slug") is not None
    assert [tab for tab in form.select("[role=tab]") if tab.get_text(strip=True).startswith("Promotion")]


def test_replacing_the_logo_is_a_visible_button(client, partner_tree):
    page = partner_tree["a"]
    page.logo = ImageFactory(title="Logo A")
    page.logo_alt = "Atelier A"
    page.save_revision().publish()
    client.force_login(partner_tree["user_a"])
    chooser = soup(client.get(edit_url(page))).find(id="id_logo-chooser")
    visible = chooser.select_one(".chosen > button.partner-logo-replace[data-chooser-action-choose]")
    assert visible.get_text(strip=True) == "Remplacer le logo"
    assert visible["aria-describedby"] == "id_logo-title"


def test_while_pending_the_partner_may_cancel_its_submission_in_plain_words(client, partner_tree):
    page = partner_tree["a"]
    client.force_login(partner_tree["user_a"])
    submit(client, page, short_description="En relecture.")
    form = soup(client.get(edit_url(page)))
    labels = [button.get_text(strip=True) for button in form.select("footer button[type=submit]")]
    assert labels[0] == "Annuler l’envoi pour validation"
    assert "Annuler le workflow" not in labels
    assert "«\u00a0Annuler l’envoi pour validation\u00a0»" in form.select_one(".partner-notice").get_text()
    client.post(edit_url(page), partner_form(page, **{"action-cancel-workflow": "1"}))
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "cancelled"


def test_dashboard_names_the_lagging_language_on_the_same_day_too(client, bilingual):
    client.force_login(bilingual["user_a"])
    submit(client, bilingual["a"], short_description="Une association qui répare.")
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    [note] = dashboard.select(".partner-dashboard__status--stale")
    today = long_date(timezone.now())
    assert note.get_text(strip=True) == (
        f"La version anglaise n’a pas encore repris la modification de la version française du {today}"
        "\u00a0: l’équipe de communication la mettra à jour."
    )
