"""load_demo builds the site and a second run changes nothing."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

import pytest

from home.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


def test_load_demo_is_idempotent(demo, capsys):
    """The demo fixture is load_demo's first run on the migrated database; the runs below go over it."""
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    with override_settings(DEBUG=True):
        call_command("load_demo")
        with_users = snapshot()
        call_command("load_demo")
        assert snapshot() == with_users
    assert with_users == {**first, "users": 3}  # demo admin, communication officer, partner
    out = capsys.readouterr().out
    assert "password" in out


def test_load_demo_builds_a_bilingual_site_and_hides_credentials_without_debug(client, demo):
    assert "demo content: news ok" in demo.output
    assert "password" not in demo.output
    assert get_user_model().objects.count() == 0

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "fr"
    assert home.get_translation(Locale.objects.get(language_code="en")).live
    assert SiteSettings.for_site(site).organisation_name

    assert client.get("/").status_code == 200
    english = client.get("/en/")
    assert english.status_code == 200
    assert "Funding our area" in english.text
    assert client.get("/en/legal-notice/").status_code == 200
    assert client.get("/accessibilite/").status_code == 200


def test_demo_english_call_shows_its_key_figures_in_english(client, demo):
    english = client.get("/en/calls-for-projects/mel-makers-2018/")
    assert english.status_code == 200
    assert "views of the projects' pages on the platform" in english.text.replace("&#x27;", "'")
    assert "vues des pages des projets" not in english.text
    assert "vues des pages des projets" in client.get("/appels-a-projets/mel-makers-2018/").text


def test_demo_partners_find_their_logo_in_their_own_collection(demo):
    from wagtail.images.permissions import permission_policy

    from partners.models import PartnerPage
    from partners.roles import ensure_partner_group

    with override_settings(DEBUG=True):
        call_command("load_demo")
    partners = PartnerPage.objects.filter(locale__language_code="fr", logo__isnull=False)
    assert partners.exists()
    for partner in partners:
        assert partner.logo.collection_id == ensure_partner_group(partner).collection_id
    account = get_user_model().objects.get(username="partenaire")
    choosable = permission_policy.instances_user_has_any_permission_for(account, ["choose"])
    own = PartnerPage.objects.get(
        pk=account.groups.get().partneraccess.pages().filter(locale__language_code="fr").get().pk
    )
    assert list(choosable.values_list("pk", flat=True)) == [own.logo_id]
