"""Generated share images: a 1200 × 630 PNG per laureate page (and language) with the project's
name, its hero image and its progress, used as the page's default ``og:image``.

Pictures are drawn when the figures or the page change (signals in ``campaigns.signals``, the
``refresh_share_images`` command) and stored in the default file storage; a page view only reads
the stored row. A failure is logged and never reaches the caller: recording figures or publishing
a page must not fail because of a picture.
"""

import hashlib
import io
import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.models import Site

from PIL import Image, ImageDraw, ImageFont, ImageOps

from campaigns.models import LaureatePage
from campaigns.sharing.models import LaureateShareImage
from funding.models import AmountKind, CampaignStatus
from home import theme
from home.formatting import format_count, format_money, format_percentage
from home.models import SiteSettings

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = LaureateShareImage.WIDTH, LaureateShareImage.HEIGHT
# Part of the fingerprint: raise it when the drawing changes so every picture is redrawn.
LAYOUT_VERSION = 1

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

MARGIN = 64
HERO_WIDTH = 470
TITLE_SIZES = (66, 58, 50, 44)
TITLE_LINES = 3
BAR_HEIGHT = 26
BAR_BOTTOM = HEIGHT - MARGIN - 48
TITLE_LEADING = 1.18


def palette():
    """The picture's colours, read from the site's colour tokens (home.theme) at each drawing."""
    return {
        "background": theme.rgb("primary"),
        "track": theme.rgb("primary-dark"),  # the bar's track, the badge's text
        "text": theme.rgb("on-primary"),
        "secondary": theme.rgb("on-primary-muted"),
        "bar": theme.rgb("signal"),  # the bar and the "goal reached" badge
    }


# --- what the picture shows ------------------------------------------------


def _organisation_name(page):
    if not hasattr(page, "_share_organisation"):
        site = page.get_site() or Site.objects.filter(is_default_site=True).first()
        name = (SiteSettings.for_site(site).organisation_name or site.site_name) if site else ""
        page._share_organisation = name or ""
    return page._share_organisation


def _content(page, hero=True):
    campaign = page.campaign
    image = page.hero_image if hero else None
    return {
        "layout": LAYOUT_VERSION,
        "title": page.title,
        "language": page.locale.language_code,
        # Two decimals whatever the instance holds: Decimal("1000") and the stored "1000.00" agree.
        "raised": f"{campaign.raised:.2f}",
        "goal": f"{campaign.goal:.2f}",
        "currency": campaign.currency,
        "donors": campaign.donors,
        "amount_kind": str(campaign.amount_kind()),
        "hero": [
            image.pk,
            image.file.name,
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
        ]
        if image
        else None,
        "organisation": _organisation_name(page),
        "palette": palette(),
    }


def fingerprint(page, hero=True):
    """sha256 of everything the picture shows; ``hero=False`` for a picture drawn without its hero."""
    data = json.dumps(_content(page, hero), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


# --- drawing -----------------------------------------------------------------


@lru_cache(maxsize=32)
def _font(size, bold=False):
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path.exists():
        return ImageFont.truetype(str(path), size)
    # Pillow's own scalable font (no bold face): the picture still works without system fonts.
    return ImageFont.load_default(size=size)


# French typography: these never start a line ("quartier :") and "«" never ends one.
STICKS_TO_PREVIOUS = {":", ";", "!", "?", "»", "%"}


def _tokens(text):
    """(piece, preceded by a space) pairs: the places where a line may break, between words and
    after the hyphens of compound words."""
    words = []
    for word in text.split():
        if words and (word in STICKS_TO_PREVIOUS or words[-1] == "«"):
            words[-1] = f"{words[-1]}\u00a0{word}"
        else:
            words.append(word)
    tokens = []
    for word in words:
        pieces = re.findall(r"[^-]+-*|-+", word)
        tokens.extend((piece, number == 0) for number, piece in enumerate(pieces))
    return tokens


def _wrap(text, font, width, max_lines):
    """Lines of ``text`` no wider than ``width``, at most ``max_lines``; (lines, whether text was cut).
    The last line then ends with "…"."""
    lines, current = [], ""
    for piece, spaced in _tokens(text):
        candidate = f"{current} {piece}" if current and spaced else f"{current}{piece}"
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(piece) > width:  # longer than a line on its own: cut anywhere
            cut = len(piece) - 1
            while cut > 1 and font.getlength(piece[:cut]) > width:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, False
    last = lines[max_lines - 1]
    while last and font.getlength(f"{last}…") > width:
        # Whole words first; a single word left is cut.
        last = last.rsplit(" ", 1)[0] if " " in last.strip() else last[:-1]
    last = last.rstrip(" ,;:–-\u00a0")
    return [*lines[: max_lines - 1], f"{last}…"], True


def _fit_title(title, width, height):
    """(lines, size): the largest size at which the title fits the box in three lines at most,
    else the smallest size, cut with an ellipsis."""
    for size in TITLE_SIZES:
        # The first line takes its size, each further one the leading; descenders take a quarter.
        lines = max(1, int((height - size * 1.25) // round(size * TITLE_LEADING)) + 1)
        wrapped, cut = _wrap(title, _font(size, bold=True), width, min(TITLE_LINES, lines))
        if not cut:
            return wrapped, size
    return wrapped, size


def _fit(text, width, sizes, bold=False):
    """The first font size in ``sizes`` at which ``text`` fits on one line (else the last)."""
    for size in sizes:
        font = _font(size, bold)
        if font.getlength(text) <= width:
            break
    return font


def _hero(page, size):
    """The hero image cropped to fill ``size`` around its focal point, or None if unreadable."""
    image = page.hero_image
    try:
        with image.open_file() as file:
            picture = Image.open(file)
            picture.draft("RGB", size)  # JPEG: decode at a reduced scale, much faster for big photos
            picture = ImageOps.exif_transpose(picture)
            picture.load()
        centering = (0.5, 0.5)
        focal = image.get_focal_point()
        if focal is not None and image.width and image.height:
            centering = (focal.centroid_x / image.width, focal.centroid_y / image.height)
        if picture.mode != "RGB":
            picture = picture.convert("RGBA")
            background = Image.new("RGB", picture.size, palette()["background"])
            background.paste(picture, mask=picture.getchannel("A"))
            picture = background
        return ImageOps.fit(picture, size, method=Image.Resampling.LANCZOS, centering=centering)
    except Exception:
        logger.exception("Share image of laureate page %s: hero image %s unreadable", page.pk, image.pk)
        return None


def _segments(text):
    """[("3 250 €", True), ("collectés sur…", False)] from the progress widget's own phrase, whose
    <strong> marks the amount: the picture says what the page says, already translated."""
    parts = re.split(r"<strong>(.*?)</strong>", text)
    return [(part.strip(), index % 2 == 1) for index, part in enumerate(parts) if part.strip()]


# The widget's words for each kind of amount: collected money, pledges, refunded pledges.
AMOUNT_SENTENCES = {
    AmountKind.COLLECTED: gettext_lazy("<strong>%(raised)s</strong> collectés sur un objectif de %(goal)s"),
    AmountKind.PLEDGED: gettext_lazy("<strong>%(raised)s</strong> promis sur un objectif de %(goal)s"),
    AmountKind.REFUNDED: gettext_lazy(
        "<strong>%(raised)s</strong> promis puis remboursés : objectif de %(goal)s non atteint"
    ),
}


def _draw_progress(draw, x, width, campaign):
    """Amount sentence, bar, percent and donors, laid out from the bottom margin up.
    Returns the top of the block."""
    raised = format_money(campaign.raised, campaign.currency)
    goal = format_money(campaign.goal, campaign.currency)
    sentence = str(AMOUNT_SENTENCES[campaign.amount_kind()]) % {"raised": raised, "goal": goal}
    colours = palette()
    big, small = _fit(raised, width, (60, 52, 44, 36), bold=True), _font(28)
    space = small.getlength(" ")
    segments = [
        (text, big if bold else small, colours["text" if bold else "secondary"]) for text, bold in _segments(sentence)
    ]
    one_line = sum(font.getlength(text) for text, font, _colour in segments) + space * (len(segments) - 1) <= width

    figures_baseline = HEIGHT - MARGIN
    bar_top, bar_bottom = BAR_BOTTOM - BAR_HEIGHT, BAR_BOTTOM
    baseline = bar_top - 28

    # Percent and donors under the bar: the percent is never clamped (122 % is a normal value).
    numbers, labels = _font(36, bold=True), _font(26)
    cursor = x
    for number, label in (
        (format_percentage(campaign.percent), _("de l'objectif")),
        (format_count(campaign.donors), ngettext("contributeur", "contributeurs", campaign.donors)),
    ):
        draw.text((cursor, figures_baseline), number, font=numbers, fill=colours["text"], anchor="ls")
        cursor += numbers.getlength(number) + 10
        draw.text((cursor, figures_baseline), label, font=labels, fill=colours["secondary"], anchor="ls")
        cursor += labels.getlength(label) + 44

    # The bar: the only thing that stops at 100 %.
    radius = (bar_bottom - bar_top) // 2
    draw.rounded_rectangle((x, bar_top, x + width, bar_bottom), radius=radius, fill=colours["track"])
    filled = round(width * campaign.bar_percent / 100)
    if filled:
        filled = max(filled, 2 * radius)  # a few percent still reads as a rounded bar
        draw.rounded_rectangle((x, bar_top, x + filled, bar_bottom), radius=radius, fill=colours["bar"])

    if one_line:
        cursor = x
        for text, font, colour in segments:
            draw.text((cursor, baseline), text, font=font, fill=colour, anchor="ls")
            cursor += font.getlength(text) + space
        return baseline - big.size
    # Too long for one line (the hero takes room, long amounts, a longer translation): one part per line.
    for text, font, colour in reversed(segments):
        font = font if font is big else _fit(text, width, (28, 24, 20))
        draw.text((x, baseline), text, font=font, fill=colour, anchor="ls")
        baseline -= round(font.size * 1.35) if font is not big else big.size + 8
    return baseline + 8


def _draw(page):
    """(PNG bytes, whether the hero image could be drawn) for ``page``, which must have a campaign."""
    campaign = page.campaign
    colours = palette()
    canvas = Image.new("RGB", (WIDTH, HEIGHT), colours["background"])
    draw = ImageDraw.Draw(canvas)
    hero = _hero(page, (HERO_WIDTH, HEIGHT)) if page.hero_image_id else None
    left = MARGIN
    if hero is not None:
        canvas.paste(hero, (0, 0))
        left = HERO_WIDTH + MARGIN
    width = WIDTH - MARGIN - left
    with translation.override(page.locale.language_code):
        block_top = _draw_progress(draw, left, width, campaign)
        top = MARGIN
        room = width
        if campaign.goal_reached:
            label = capfirst(str(CampaignStatus.SUCCEEDED.label))
            font = _font(22, bold=True)
            badge = round(font.getlength(label)) + 32
            # On the hero image's corner, else at the right of the organisation's name.
            x, y = (32, 32) if hero is not None else (left + width - badge, top - 8)
            if hero is None:
                room -= badge + 24
            draw.rounded_rectangle((x, y, x + badge, y + 40), radius=20, fill=colours["bar"])
            draw.text((x + 16, y + 28), label, font=font, fill=colours["track"], anchor="ls")
        organisation = _organisation_name(page)
        if organisation:
            font = _fit(organisation, room, (24, 21, 18))
            text = _wrap(organisation, font, room, 1)[0][0]
            draw.text((left, top + 20), text, font=font, fill=colours["secondary"], anchor="ls")
            draw.rectangle((left, top + 38, left + 56, top + 43), fill=colours["bar"])
            top += 76
        lines, size = _fit_title(page.title, width, block_top - 36 - top)
        font, leading = _font(size, bold=True), round(size * TITLE_LEADING)
        for number, line in enumerate(lines):
            draw.text((left, top + size + number * leading), line, font=font, fill=colours["text"], anchor="ls")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue(), hero is not None or not page.hero_image_id


def render(page):
    """The PNG bytes of ``page``'s share image (the page must have a campaign)."""
    return _draw(page)[0]


# --- storage -----------------------------------------------------------------


def _delete_file(storage, name):
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Share image file %s could not be deleted", name)


def _refresh(page, force):
    current = LaureateShareImage.objects.filter(page=page).first()
    if not page.campaign_id:
        if current is not None:
            current.delete()  # the file goes with the row (campaigns.signals)
        return None
    expected = fingerprint(page)
    if (
        current is not None
        and not force
        and current.fingerprint == expected
        and current.file
        and current.file.storage.exists(current.file.name)
    ):
        return current
    data, complete = _draw(page)
    # Drawn without its (unreadable) hero: stored under another fingerprint so the next refresh retries.
    stored = expected if complete else fingerprint(page, hero=False)
    # Locked so two refreshes at once each delete the file the other replaced, leaving no orphan.
    row = LaureateShareImage.objects.select_for_update().filter(page=page).first()
    row = row or LaureateShareImage(page=page)
    previous = row.file.name if row.file else ""
    row.file.save(f"laureate-{page.pk}-{stored[:16]}.png", ContentFile(data), save=False)
    try:
        row.fingerprint = stored
        row.generated_at = timezone.now()
        row.save()
    except Exception:
        _delete_file(row.file.storage, row.file.name)
        raise
    if previous and previous != row.file.name:
        # After the commit: a rolled back refresh must not lose the picture the row still names.
        storage = row.file.storage
        transaction.on_commit(lambda: _delete_file(storage, previous))
    return row


def _load(pk):
    return LaureatePage.objects.select_related("campaign", "hero_image", "locale").get(pk=pk)


def refresh(page, force=False):
    """Draw and store ``page``'s share image unless the stored one already shows the same thing.

    The page is read again from the database (callers run after a commit, possibly with an old
    instance). Returns the LaureateShareImage, or None for a page without campaign (any old
    picture is then deleted) and when drawing or storing failed (logged; the previous picture stays)."""
    try:
        # A savepoint: a database error here leaves the caller's transaction usable.
        with transaction.atomic():
            return _refresh(_load(page.pk), force)
    except LaureatePage.DoesNotExist:
        return None  # deleted before the commit that asked for its picture
    except Exception:
        logger.exception("Share image of laureate page %s could not be generated", page.pk)
        return None


def _live_pages():
    return LaureatePage.objects.live().order_by("pk")


def refresh_for_campaign(campaign, force=False):
    """Refresh the share image of every live page showing ``campaign``: translations share it."""
    return [refresh(page, force=force) for page in _live_pages().filter(campaign_id=campaign.pk).only("pk")]


def refresh_all(force=False):
    """Refresh every live laureate page's share image; returns how many pictures are in place."""
    return sum(1 for page in _live_pages().only("pk") if refresh(page, force=force) is not None)
