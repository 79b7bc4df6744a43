"""Private files stay private (issue 14): documents of the officers' private collection are
refused to whoever is not an officer, through Wagtail's document view (which checks collection
privacy) and through the development media address (which would skip the check)."""

from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction

import pytest
from wagtail_factories import DocumentFactory

from partners.roles import PRIVATE_COLLECTION, ensure_partner_group, setup_roles
from portal.media import dev_media

CONTENT = b"Grille de notation du jury, confidentielle."


def document_in(collection, name):
    document = DocumentFactory(collection=collection, title=name)
    document.file.save(f"{name}.txt", ContentFile(CONTENT), save=True)
    return document


@pytest.fixture
def documents(partner_tree):
    private = Collection.objects.get(name=PRIVATE_COLLECTION)
    return {
        "private": document_in(private, "jury"),
        "public": document_in(Collection.get_first_root_node(), "reglement"),
        "partner": document_in(ensure_partner_group(partner_tree["a"]).collection, "plaquette"),
    }


def download(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_setup_roles_makes_one_private_collection_for_the_officers(partner_tree):
    setup_roles()
    setup_roles()  # idempotent
    restrictions = CollectionViewRestriction.objects.filter(collection__name=PRIVATE_COLLECTION)
    assert restrictions.count() == 1
    restriction = restrictions.get()
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == ["Chargés de communication"]
    # The other collections stay public.
    assert CollectionViewRestriction.objects.exclude(collection__name=PRIVATE_COLLECTION).count() == 0


def test_documents_are_served_by_wagtails_view(documents):
    assert documents["private"].url == reverse(
        "wagtaildocs_serve", args=[documents["private"].pk, documents["private"].filename]
    )


def test_visitor_is_refused_a_private_document(client, documents):
    response, body = download(client, documents["private"])
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert CONTENT not in body


def test_partner_is_refused_a_private_document(client, partner_tree, documents):
    client.force_login(partner_tree["user_a"])
    response, body = download(client, documents["private"])
    assert response.status_code in (302, 403)
    assert CONTENT not in body


def test_officer_downloads_a_private_document(client, partner_tree, documents):
    client.force_login(partner_tree["officer"])
    response, body = download(client, documents["private"])
    assert response.status_code == 200
    assert body == CONTENT


@pytest.mark.parametrize("key", ["public", "partner"])
def test_visitor_downloads_public_documents(client, documents, key):
    response, body = download(client, documents[key])
    assert response.status_code == 200
    assert body == CONTENT


@pytest.mark.parametrize(
    "path_of",
    [
        lambda name: name,
        lambda name: f"images/../{name}",
        lambda name: f"./{name}",
        lambda name: f"/{name}",
    ],
    ids=["direct", "dot-dot", "dot", "slash"],
)
def test_development_media_address_never_serves_a_document(documents, path_of):
    from django.http import Http404

    request = RequestFactory().get("/media/")
    with pytest.raises(Http404):
        dev_media(request, path_of(documents["private"].file.name))


def test_development_media_address_serves_images(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "logo.png").write_bytes(b"\x89PNG")
    response = dev_media(RequestFactory().get("/media/"), "original_images/logo.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG"
