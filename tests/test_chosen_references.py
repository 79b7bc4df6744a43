"""Page forms accept only the images, documents, pages and snippets their user may choose (issue
14, finding 4): ids are sequential, so a partner could post another collection's image as its logo
or link its profile to a laureate's draft, though no chooser offers them."""

import json

from django.urls import reverse

from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from partners.roles import ensure_partner_group

from .factories import LaureatePageFactory
from .helpers import partner_form


@pytest.fixture
def files(partner_tree):
    own = ensure_partner_group(partner_tree["a"]).collection
    root = Collection.get_first_root_node()
    other = root.add_child(name="Collection d’un autre")
    draft = LaureatePageFactory(parent=partner_tree["call"], slug="pas-encore", title="Pas encore annoncé", live=False)
    return {
        "own_image": ImageFactory(collection=own, title="Logo A"),
        "other_image": ImageFactory(collection=other, title="Logo d’un autre"),
        "root_image": ImageFactory(collection=root, title="Image partagée"),
        "own_document": DocumentFactory(collection=own, title="Plaquette A"),
        "other_document": DocumentFactory(collection=other, title="Plaquette d’un autre"),
        "draft": draft,
    }


def edit(client, page, **fields):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), partner_form(page, **fields))


def latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def image_block(image):
    return ("image", {"image": image.pk, "decorative": "", "alt_text": "Un atelier"})


def link_block(page):
    return ("call_to_action", {"text": "Voir", "page": page.pk, "url": ""})


def paragraph_linking(html):
    return ("paragraph", rich_text(html))


def test_partner_cannot_post_another_collections_image(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, logo=files["other_image"].pk, logo_alt="Logo d’essai")
    assert response.status_code == 200
    assert "pas dans une collection que votre compte peut utiliser" in response.content.decode()
    assert latest(page).logo_id is None
    assert files["other_image"].title not in response.content.decode()
    # The rest of the posted form is still there to correct.
    assert response.context["form"]["logo_alt"].value() == "Logo d’essai"


def test_partner_form_ignores_a_posted_social_image(client, partner_tree, files):
    """The promotion tab (social image included) is not in a partner's form at all."""
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    edit(client, page, social_image=files["other_image"].pk)
    assert latest(page).social_image_id is None


def test_partner_may_post_its_own_collections_image(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, logo=files["own_image"].pk, logo_alt="Logo A")
    assert response.status_code == 302
    assert latest(page).logo_id == files["own_image"].pk


@pytest.mark.parametrize("image_key", ["other_image", "root_image"])
def test_partner_cannot_post_an_image_block_from_another_collection(client, partner_tree, files, image_key):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, body=streamfield([image_block(files[image_key])]))
    assert response.status_code == 200
    assert "pas dans une collection que votre compte peut utiliser" in str(response.context["form"].errors["body"])
    assert files[image_key].title not in response.content.decode()
    assert len(latest(page).body) == 0


def test_partner_cannot_link_a_draft_from_a_link_block(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, body=streamfield([link_block(files["draft"])]))
    assert response.status_code == 200
    assert "pas encore publiée" in str(response.context["form"].errors["body"])
    assert len(latest(page).body) == 0
    # The form shows the body as it was: not the draft's title, which the chooser would echo.
    assert files["draft"].title not in response.content.decode()


def test_partner_may_link_a_live_page_from_a_link_block(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, body=streamfield([link_block(partner_tree["laureate"])]))
    assert response.status_code == 302
    assert latest(page).body[0].value["page"].pk == partner_tree["laureate"].pk


@pytest.mark.parametrize(
    "html_of",
    [
        lambda f: f'<p><a linktype="page" id="{f["draft"].pk}">un brouillon</a></p>',
        lambda f: f'<p><a linktype="document" id="{f["other_document"].pk}">un document</a></p>',
    ],
    ids=["draft page", "other document"],
)
def test_partner_cannot_link_a_draft_or_another_document_from_rich_text(client, partner_tree, files, html_of):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, body=streamfield([paragraph_linking(html_of(files))]))
    assert response.status_code == 200
    assert "n’existe pas ou n’est pas" in str(response.context["form"].errors["body"])
    assert len(latest(page).body) == 0


def test_partner_may_link_its_own_document_from_rich_text(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    html = f'<p><a linktype="document" id="{files["own_document"].pk}">notre plaquette</a></p>'
    response = edit(client, page, body=streamfield([paragraph_linking(html)]))
    assert response.status_code == 302
    assert f'id="{files["own_document"].pk}"' in latest(page).body[0].value.source


@pytest.mark.parametrize("bad_id", ["999999", "-1"])
def test_ids_that_are_not_images_answer_with_an_error(client, partner_tree, files, bad_id):
    client.force_login(partner_tree["user_a"])
    page = partner_tree["a"]
    response = edit(client, page, body=streamfield([("image", {"image": bad_id, "decorative": "", "alt_text": "x"})]))
    assert response.status_code in (200, 302)
    # Nothing points at an image that does not exist.
    assert [block.value for block in latest(page).body if block.value] == []


def test_a_reference_an_officer_placed_does_not_block_the_partners_edit(client, partner_tree, files):
    """An officer put the shared collection's image on the profile: the partner may not choose it,
    but must still be able to save its own changes around it."""
    page = partner_tree["a"]
    page.logo = files["root_image"]
    page.logo_alt = "Logo"
    page.save_revision(user=partner_tree["officer"]).publish()
    client.force_login(partner_tree["user_a"])
    response = edit(client, page, logo=files["root_image"].pk, logo_alt="Logo", short_description="Modifiée")
    assert response.status_code == 302
    assert latest(page).short_description == "Modifiée"
    assert latest(page).logo_id == files["root_image"].pk


def test_officer_may_choose_drafts_and_any_collection(client, partner_tree, files):
    client.force_login(partner_tree["officer"])
    page = partner_tree["a"]
    response = edit(
        client,
        page,
        logo=files["other_image"].pk,
        logo_alt="Logo",
        body=streamfield([image_block(files["root_image"]), link_block(files["draft"])]),
    )
    assert response.status_code == 302
    revised = latest(page)
    assert revised.logo_id == files["other_image"].pk
    assert [block.block_type for block in revised.body] == ["image", "call_to_action"]


def test_refusal_names_the_field_without_the_objects_title(client, partner_tree, files):
    client.force_login(partner_tree["user_a"])
    response = edit(client, partner_tree["a"], logo=files["other_image"].pk, logo_alt="Logo")
    form = response.context["form"]
    assert "logo" in form.errors
    assert files["other_image"].title not in json.dumps(form.errors)
