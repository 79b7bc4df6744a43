"""Uploads: images lose their metadata (GPS first) in the original and every rendition, images and
documents are checked by their content, and the size limits say what they are (finding 7)."""

import html
import io
import zipfile

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PillowImage
from PIL import ImageCms, PngImagePlugin

from home.uploads import image_metadata, strip_image_metadata
from partners.roles import ensure_partner_group

pytestmark = pytest.mark.django_db

XMP = b'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta><?xpacket end="w"?>'
ORIENTATION_ROTATE_90 = 6  # EXIF: the camera was held sideways; viewers turn the picture


def gps_exif():
    exif = PillowImage.Exif()
    exif[0x010F] = "Fabricant du téléphone"  # Make
    exif[0x0131] = "Appareil 12.3"  # Software
    exif[0x0112] = ORIENTATION_ROTATE_90
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (48.0, 51.0, 29.6), "E", (2.0, 17.0, 40.2)
    return exif


def photo(fmt="JPEG", size=(64, 32), **options):
    """A 64×32 photo (a sideways phone photo: it shows 32×64) with GPS EXIF, XMP, a comment and an sRGB profile."""
    image = PillowImage.new("RGB", size, (200, 60, 30))
    image.paste((20, 90, 200), (0, 0, size[0] // 2, size[1]))
    output = io.BytesIO()
    extra = {"exif": gps_exif(), "xmp": XMP}
    if fmt in ("JPEG", "WEBP"):
        extra["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    if fmt == "JPEG":
        extra["comment"] = b"Chez moi, 12 rue des Lilas"
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Camille Martin")
        extra = {"exif": gps_exif(), "pnginfo": info}
    image.save(output, fmt, **{**extra, **options})
    return output.getvalue()


def assert_clean(data):
    assert image_metadata(data) == []
    assert b"Lilas" not in data and b"xmpmeta" not in data and b"Camille" not in data
    with PillowImage.open(io.BytesIO(data)) as image:
        assert not image.getexif()


def stored_bytes(image):
    with image.file.open("rb") as handle:
        return handle.read()


def rendition_bytes(image, spec="width-20"):
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


@pytest.fixture
def officer(client, partner_tree):
    client.force_login(partner_tree["officer"])
    return client, Collection.get_first_root_node()


@pytest.fixture
def partner(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    return client, ensure_partner_group(partner_tree["a"]).collection


ACCOUNTS = ["officer", "partner"]


def upload(client, collection, data=None, name="photo.jpg", title="Photo"):
    data = photo() if data is None else data
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "collection": collection.pk, "file": SimpleUploadedFile(name, data)},
    )


# --- metadata -----------------------------------------------------------------------------------


def test_the_test_photo_really_carries_gps_and_other_metadata():
    data = photo()
    assert "exif" in image_metadata(data) and b"Lilas" in data
    with PillowImage.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(0x8825)[2] == (48.0, 51.0, 29.6)  # the GPS latitude


@pytest.mark.parametrize("account", ACCOUNTS)
def test_a_gps_photo_added_in_the_admin_keeps_no_metadata_in_original_or_renditions(account, request):
    client, collection = request.getfixturevalue(account)
    response = upload(client, collection)
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Photo")
    original = stored_bytes(image)
    assert_clean(original)
    assert_clean(rendition_bytes(image))
    # The orientation went into the pixels: the sideways photo is stored upright.
    assert (image.width, image.height) == (32, 64)
    assert image.file_size == len(original)


@pytest.mark.parametrize("account", ACCOUNTS)
def test_the_multiple_uploader_stores_a_clean_original(account, request):
    client, collection = request.getfixturevalue(account)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": collection.pk, "files[]": SimpleUploadedFile("multi.jpg", photo())},
    )
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert_clean(stored_bytes(image))
    assert_clean(rendition_bytes(image))


def test_the_multiple_uploaders_second_step_stores_the_clean_bytes_too(officer):
    """When another field fails (here a collection the user may not use), Wagtail keeps the upload
    from ``request.FILES`` and saves it later: that object already holds the clean bytes."""
    from wagtail.models import UploadedFile

    client, _root = officer
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": "999999", "files[]": SimpleUploadedFile("later.jpg", photo())},
    )
    assert response.status_code == 200
    kept = UploadedFile.objects.get()
    with kept.file.open("rb") as handle:
        assert_clean(handle.read())
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("account", ACCOUNTS)
def test_the_chooser_upload_stores_a_clean_original(account, request):
    client, collection = request.getfixturevalue(account)
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Du sélecteur",
            "image-chooser-upload-collection": collection.pk,
            "image-chooser-upload-file": SimpleUploadedFile("chooser.jpg", photo()),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] in ("chosen", "select_format"), response.json()
    image = get_image_model().objects.get(title="Du sélecteur")
    assert_clean(stored_bytes(image))


@pytest.mark.parametrize("account", ACCOUNTS)
def test_replacing_the_file_of_an_image_stores_a_clean_original(account, request):
    client, collection = request.getfixturevalue(account)
    upload(client, collection, data=photo(fmt="PNG"), name="first.png")
    image = get_image_model().objects.get(title="Photo")
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Photo", "collection": collection.pk, "file": SimpleUploadedFile("second.jpg", photo())},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_clean(stored_bytes(image))
    assert_clean(rendition_bytes(image))


@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("AVIF", "avif")])
def test_every_accepted_format_loses_its_metadata_and_keeps_its_format(fmt, extension):
    data = photo(fmt)
    assert image_metadata(data)
    clean = strip_image_metadata(data, extension)
    assert_clean(clean)
    with PillowImage.open(io.BytesIO(clean)) as image:
        assert image.format == fmt
        assert image.size == (32, 64)


def test_a_gif_loses_its_comment_and_keeps_its_frames():
    frames = [PillowImage.new("RGB", (10, 10), colour) for colour in ("red", "green", "blue")]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0, comment=b"Lilas")
    clean = strip_image_metadata(output.getvalue(), "gif")
    assert_clean(clean)
    with PillowImage.open(io.BytesIO(clean)) as image:
        assert image.n_frames == 3


def test_a_harmless_colour_profile_is_kept():
    clean = strip_image_metadata(photo(), "jpg")
    with PillowImage.open(io.BytesIO(clean)) as image:
        assert ImageCms.getProfileName(ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))).strip()


# --- content checks -----------------------------------------------------------------------------

PNG_WITH_SCRIPT = photo("PNG") + b"<script>alert(document.domain)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("piege.png", PNG_WITH_SCRIPT, "contient du code"),
        ("dessin.png", SVG, None),
        ("page.png", HTML, None),
        ("photo.png", photo(), "ne correspond pas"),
        ("coupee.jpg", photo()[:300], "corrompu"),
    ],
)
def test_polyglots_and_disguised_files_are_refused_and_nothing_is_saved(officer, name, data, message):
    client, collection = officer
    response = upload(client, collection, data=data, name=name)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert errors
    if message:
        assert message in errors
    assert not get_image_model().objects.exists()


def test_a_polyglot_is_refused_by_the_multiple_uploader_with_its_reason(officer):
    client, collection = officer
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": collection.pk, "files[]": SimpleUploadedFile("piege.png", PNG_WITH_SCRIPT)},
    )
    assert response.json()["success"] is False
    assert "contient du code" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_a_too_big_image_is_refused_with_the_limit_in_french(officer):
    client, collection = officer
    response = upload(client, collection, data=photo(size=(400, 400), quality=100, subsampling=0))
    errors = " ".join(response.context["form"].errors["file"])
    assert "trop gros" in errors and "1000 octets" in errors.replace("\u00a0", " ")
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=2_000_000)
def test_an_image_with_too_many_pixels_is_refused_with_the_limit_in_millions(officer):
    client, collection = officer
    data = io.BytesIO()
    PillowImage.new("L", (2000, 1500)).save(data, "PNG")
    response = upload(client, collection, data=data.getvalue(), name="grande.png")
    errors = " ".join(response.context["form"].errors["file"])
    assert "3 millions de pixels, pour 2 millions au plus" in errors
    assert not get_image_model().objects.exists()


# --- documents ----------------------------------------------------------------------------------


def zipped(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return output.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
PPTX = zipped({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<presentation/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})
ODS = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document/>"})
GOOD_DOCUMENTS = {
    "reglement.pdf": b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    "dossier.docx": DOCX,
    "budget.xlsx": XLSX,
    "jury.pptx": PPTX,
    "texte.odt": ODT,
    "tableau.ods": ODS,
    "pieces.zip": zipped({"a.txt": "a"}),
    "laureats.csv": "nom;commune\nLes Palettes;Lille\n".encode("cp1252"),
    "lisez-moi.txt": "Règlement de l'appel".encode(),
    "lettre.rtf": b"{\\rtf1\\ansi Bonjour}",
}
BAD_DOCUMENTS = {
    "reglement.pdf": (HTML, "n'est pas un PDF"),
    "dossier.docx": (b"MZ\x90\x00 not really word", "n'est pas une archive valide"),
    "budget.xlsx": (DOCX, "n'est pas un classeur Excel"),
    "texte.odt": (ODS, "n'est pas un texte OpenDocument"),
    "tableau.ods": (zipped({"content.xml": "<x/>"}), "n'est pas un classeur OpenDocument"),
    "pieces.zip": (b"%PDF-1.4 renamed", "n'est pas une archive valide"),
    "laureats.csv": (b"nom\x00\x00\x01\x02", "n'est pas du texte"),
    "lisez-moi.txt": (b"MZ\x90\x00\x03\x00\x00\x00", "n'est pas du texte"),
    "lettre.rtf": (b"Bonjour, pas du RTF", "n'est pas un RTF"),
}


def upload_document(client, collection, name, data):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "collection": collection.pk, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.parametrize("account", ACCOUNTS)
@pytest.mark.parametrize("name", sorted(GOOD_DOCUMENTS))
def test_real_documents_of_every_accepted_kind_are_accepted(account, name, request):
    client, collection = request.getfixturevalue(account)
    response = upload_document(client, collection, name, GOOD_DOCUMENTS[name])
    assert response.status_code == 302, response.context["form"].errors
    assert get_document_model().objects.get(title=name).collection == collection


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_a_document_whose_content_is_not_its_extension_is_refused(officer, name):
    client, collection = officer
    data, message = BAD_DOCUMENTS[name]
    response = upload_document(client, collection, name, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors and "renommé" in errors
    assert not get_document_model().objects.exists()


def test_the_document_chooser_upload_checks_the_content_too(partner):
    client, collection = partner
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Faux PDF",
            "document-chooser-upload-collection": collection.pk,
            "document-chooser-upload-file": SimpleUploadedFile("faux.pdf", HTML),
        },
    )
    assert response.status_code == 200
    assert "n'est pas un PDF" in html.unescape(response.json()["htmlFragment"])
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_a_too_big_document_is_refused_with_the_limit_in_french(officer):
    client, collection = officer
    response = upload_document(client, collection, "gros.pdf", b"%PDF-1.7\n" + b"0" * 200)
    errors = " ".join(response.context["form"].errors["file"]).replace("\u00a0", " ")
    assert "trop gros (209 octets)" in errors and "100 octets" in errors
    assert not get_document_model().objects.exists()


# --- existing images ----------------------------------------------------------------------------


def test_strip_image_metadata_cleans_existing_images_once_and_reports_counts(root_collection):
    from wagtail.images.models import Image

    dirty = Image(title="Ancienne", collection=root_collection, file=ImageFile(io.BytesIO(photo()), "ancienne.jpg"))
    dirty.save()
    old_rendition = dirty.get_rendition("width-20")
    assert "exif" in image_metadata(stored_bytes(dirty)) and "exif" in image_metadata(rendition_bytes(dirty))
    clean_bytes = strip_image_metadata(photo("PNG"), "png")
    Image.objects.create(title="Propre", collection=root_collection, file=ImageFile(io.BytesIO(clean_bytes), "p.png"))

    output = io.StringIO()
    call_command("strip_image_metadata", stdout=output)
    assert "1 image nettoyée, 1 déjà propre, 0 illisible" in output.getvalue()
    dirty.refresh_from_db()
    assert_clean(stored_bytes(dirty))
    assert not dirty.renditions.filter(pk=old_rendition.pk).exists()  # drawn from the old file
    assert_clean(rendition_bytes(dirty))
    assert dirty.file_size == len(stored_bytes(dirty)) and (dirty.width, dirty.height) == (32, 64)

    again = io.StringIO()
    call_command("strip_image_metadata", stdout=again)
    assert "0 image nettoyée, 2 déjà propres, 0 illisible" in again.getvalue()


def test_demo_images_carry_no_metadata(demo):
    images = list(get_image_model().objects.all())
    assert images
    for image in images:
        assert image_metadata(stored_bytes(image)) == [], image.title
