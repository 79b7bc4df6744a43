"""What an uploaded image or document must be before the portal keeps it.

Images (``WAGTAILIMAGES_IMAGE_FORM_BASE``): Wagtail already checks the extension against the
format it detects, the file size and the number of pixels. On top of that, Pillow must decode the
whole file, a file carrying HTML, SVG or script markup beside its pixels (a "polyglot") is
refused, and the ORIGINAL is re-encoded without its metadata: EXIF (the GPS position of a phone
photo, the camera's serial number), XMP, IPTC and comments. Orientation is applied to the pixels
first, so the photo stays upright; the colour profile is kept when it is a real, small ICC
profile (it describes colours, not people). Renditions are drawn from the cleaned original, so
they carry nothing either (Willow copies the original's EXIF into JPEG and PNG renditions).

The cleaned bytes replace the uploaded file's content in place: every admin path that saves the
upload (add, multiple upload, chooser upload, edit with a new file, and the multiple uploader's
"complete the other fields" step, which re-reads ``request.FILES``) stores the clean file.

Documents (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): the content must be what the extension says
(a PDF starts with ``%PDF-``, an Office or OpenDocument file is a zip with that format's parts,
text has no NUL byte…), so that a renamed executable or HTML page is refused."""

import io
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PillowImage
from PIL import ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from .formatting import format_count

# Pillow's format for each accepted extension (settings.WAGTAILIMAGES_EXTENSIONS). MPO is how
# Pillow reads many phone JPEGs (a main picture plus depth or preview pictures): kept as a
# plain JPEG of its main picture.
IMAGE_FORMATS = {
    "jpg": {"JPEG", "MPO"},
    "jpeg": {"JPEG", "MPO"},
    "png": {"PNG"},
    "gif": {"GIF"},
    "webp": {"WEBP"},
    "avif": {"AVIF"},
}
SAVE_FORMAT = {"MPO": "JPEG"}
# What may stay in Pillow's ``info`` when saving: how to draw the pixels, nothing about the photo.
KEPT_INFO = {"transparency", "duration", "loop", "background", "disposal"}
MAX_ICC_PROFILE_BYTES = 64 * 1024
JPEG_QUALITY = 90
WEBP_QUALITY = 90
AVIF_QUALITY = 85

# Markup that a browser (or an old one sniffing the content) could run if the file were ever
# served as HTML: an image that carries it is not only an image.
MARKUP = re.compile(rb"<(?:script|html|svg|iframe|object|embed|body|!doctype|\?php)\b", re.IGNORECASE)


class UploadRefused(ValidationError):
    pass


# --- images -----------------------------------------------------------------------------------


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _open_verified(data, extension):
    """The decoded Pillow image of ``data``, or UploadRefused."""
    try:
        with PillowImage.open(io.BytesIO(data)) as probe:
            real_format = probe.format
            probe.verify()  # checks the structure (chunks, checksums) without decoding
        image = PillowImage.open(io.BytesIO(data))
        image.load()  # decodes the pixels: a truncated or corrupt file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError) as error:
        raise UploadRefused(
            _("Ce fichier n'est pas une image lisible (%(error)s)."), code="unreadable_image", params={"error": error}
        ) from error
    if real_format not in IMAGE_FORMATS.get(extension, set()):
        raise UploadRefused(
            _("Ce fichier n'est pas une image .%(extension)s : son contenu est au format %(format)s."),
            code="wrong_image_format",
            params={"extension": extension, "format": real_format},
        )
    return image


def _harmless_icc_profile(image):
    profile = image.info.get("icc_profile")
    if not profile or len(profile) > MAX_ICC_PROFILE_BYTES:
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(profile))  # a real profile, not arbitrary bytes
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError):
        return None
    return profile


def _frames(image):
    """The frames to save, each with only the drawing keys of its info."""
    frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    for frame in frames:
        frame.info = {key: value for key, value in frame.info.items() if key in KEPT_INFO}
    return frames


def strip_image_metadata(data, extension):
    """``data`` re-encoded without metadata, in its own format; UploadRefused if it is not a clean image."""
    if MARKUP.search(data):
        raise UploadRefused(
            _("Ce fichier contient du code (HTML, SVG ou script) en plus de l'image : il est refusé."),
            code="image_polyglot",
        )
    image = _open_verified(data, extension)
    save_format = SAVE_FORMAT.get(image.format, image.format)
    icc_profile = _harmless_icc_profile(image)
    animated = getattr(image, "n_frames", 1) > 1 and save_format != "JPEG"
    # A still image: upright pixels from the EXIF orientation, then the EXIF goes with the rest.
    frames = _frames(image) if animated else _frames(ImageOps.exif_transpose(image))[:1]
    first = frames[0]
    options = {"exif": b""}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if animated:
        options.update(save_all=True, append_images=frames[1:])
        if save_format in ("GIF", "WEBP", "AVIF"):
            options["duration"] = [frame.info.get("duration", 100) for frame in frames]
            options["loop"] = image.info.get("loop", 0)
    if save_format == "JPEG":
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif save_format == "WEBP":
        options["quality"] = WEBP_QUALITY
    elif save_format == "AVIF":
        options["quality"] = AVIF_QUALITY
    elif save_format == "GIF" and "transparency" in first.info:
        options["transparency"] = first.info["transparency"]
    output = io.BytesIO()
    first.save(output, save_format, **options)
    return output.getvalue()


def image_metadata(data):
    """The metadata left in an image file's bytes (names of what was found), for checks and tests."""
    found = []
    with PillowImage.open(io.BytesIO(data)) as image:
        if len(image.getexif()):
            found.append("exif")
        for key in image.info:
            if key in KEPT_INFO or key in ("icc_profile", "dpi", "jfif", "jfif_version", "jfif_unit", "jfif_density"):
                continue
            if key in ("progressive", "progression", "adobe", "adobe_transform", "interlace", "version"):
                continue
            if key in ("gamma", "srgb", "aspect", "extension", "background", "optimize", "mp", "mpoffset"):
                continue
            found.append(key)  # exif, xmp, XML:com.adobe.xmp, comment, photoshop (IPTC), text chunks…
    if re.search(rb"<x:xmpmeta|http://ns\.adobe\.com/xap", data) and "xmp" not in found:
        found.append("xmp")
    return found


def _replace_content(uploaded, data):
    """Put ``data`` in the uploaded file itself, so whoever reads the upload reads the clean bytes."""
    target = uploaded.file
    target.seek(0)
    target.truncate()
    target.write(data)
    target.seek(0)
    uploaded.size = len(data)


class PortalImageField(WagtailImageField):
    """Wagtail's image field, whose "too many pixels" message counts in millions ("50 millions")
    and which refuses an unreadable file instead of failing on it."""

    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        try:
            width, height = f.image.get_size()
            pixels = width * height * f.image.get_frame_count()
        except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError) as error:
            # A truncated or corrupt file: Wagtail lets Pillow's error through (a 500).
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        if pixels > self.max_image_pixels:
            raise ValidationError(
                _(
                    "Cette image est trop grande : %(pixels)s millions de pixels, pour %(limit)s millions au plus. "
                    "Réduisez-la avant de l'envoyer."
                ),
                code="file_too_many_pixels",
                params={
                    "pixels": format_count(round(pixels / 1_000_000)),
                    "limit": format_count(self.max_image_pixels // 1_000_000),
                },
            )


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields and type(self.fields["file"]) is WagtailImageField:
            old = self.fields["file"]
            self.fields["file"] = PortalImageField(
                label=old.label, required=old.required, widget=old.widget, initial=old.initial
            )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # editing without a new file
        uploaded.seek(0)
        data = uploaded.read()
        clean = strip_image_metadata(data, _extension(uploaded.name))
        _replace_content(uploaded, clean)
        return uploaded


# --- documents --------------------------------------------------------------------------------

OFFICE_PARTS = {
    "docx": ("word/document.xml", _("un document Word (.docx)")),
    "xlsx": ("xl/workbook.xml", _("un classeur Excel (.xlsx)")),
    "pptx": ("ppt/presentation.xml", _("une présentation PowerPoint (.pptx)")),
}
OPENDOCUMENT_TYPES = {
    "odt": ("application/vnd.oasis.opendocument.text", _("un texte OpenDocument (.odt)")),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", _("un classeur OpenDocument (.ods)")),
}
# Starts of executables and archives that have no place in a text file.
BINARY_STARTS = (b"%PDF-", b"PK\x03\x04", b"MZ", b"\x7fELF", b"\xd0\xcf\x11\xe0")
RENAMED = _("Vérifiez qu'il n'a pas simplement été renommé.")


def _refuse(message, code):
    raise UploadRefused(f"{message} {RENAMED}", code=code)


def _zip_names(data):
    """The names in the zip archive ``data``, or None when it is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def _read_zip_member(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def check_document_content(data, extension):
    """UploadRefused when ``data`` is not what a ``.extension`` file is."""
    if extension == "pdf":
        if not data.startswith(b"%PDF-"):
            _refuse(_("Ce fichier n'est pas un PDF : son contenu ne commence pas par « %PDF- »."), "not_pdf")
    elif extension in OFFICE_PARTS or extension in OPENDOCUMENT_TYPES or extension == "zip":
        names = _zip_names(data)
        if names is None:
            message = _("Ce fichier n'est pas une archive valide (.%(extension)s).")
            _refuse(message % {"extension": extension}, "not_zip")
        not_the_kind = _("Ce fichier n'est pas %(kind)s : il n'en a pas le contenu.")
        if extension in OFFICE_PARTS:
            part, kind = OFFICE_PARTS[extension]
            if "[Content_Types].xml" not in names or part not in names:
                _refuse(not_the_kind % {"kind": kind}, "not_office")
        elif extension in OPENDOCUMENT_TYPES:
            mimetype, kind = OPENDOCUMENT_TYPES[extension]
            parts = {"mimetype", "content.xml"} <= names
            if not parts or _read_zip_member(data, "mimetype").strip() != mimetype.encode():
                _refuse(not_the_kind % {"kind": kind}, "not_opendocument")
    elif extension in ("csv", "txt", "rtf"):
        if b"\x00" in data or data.startswith(BINARY_STARTS):
            _refuse(_("Ce fichier n'est pas du texte : il contient des données binaires."), "not_text")
        if extension == "rtf" and not data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
            _refuse(_("Ce fichier n'est pas un RTF : son contenu ne commence pas par « {\\rtf »."), "not_rtf")


class PortalDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if field is not None and limit:
            field.help_text = _("Formats acceptés : %(formats)s. Taille maximale : %(size)s.") % {
                "formats": ", ".join(settings.WAGTAILDOCS_EXTENSIONS).upper(),
                "size": filesizeformat(limit),
            }

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded
        uploaded.seek(0)
        check_document_content(uploaded.read(), _extension(uploaded.name))
        uploaded.seek(0)
        return uploaded
