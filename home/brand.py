"""The portal's mark: a heart inside a progress ring on the primary blue, as in "we fund it together".

One geometry, two outputs: the SVG (the header's inline logo and the favicon) and PNG icons drawn
with Pillow (the favicon fallback and the apple-touch-icon). ``scripts/make_brand_assets.py``
writes the files committed under ``static/brand/`` and ``templates/includes/site_logo_mark.svg``;
a test checks they match this module.
"""

import io
import math

from PIL import Image, ImageDraw

from . import theme

VIEWBOX = 64
RADIUS = 14  # the rounded square's corners
RING = (32, 32, 19, 6)  # centre x, centre y, radius, stroke width
PROGRESS = 0.75  # share of the ring in the signal colour, clockwise from the top


def heart_points(steps=48):
    """The heart's outline in the 64 × 64 box (the classic parametric heart, centred on the ring)."""
    points = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((round(32 + x * 0.62, 2), round(33.2 - y * 0.62, 2)))
    return points


def mark_svg(css_class="site-logo__mark", title=None):
    """The mark as an SVG document; decorative (aria-hidden) unless a ``title`` names it."""
    cx, cy, r, width = RING
    circumference = 2 * math.pi * r
    points = " ".join(f"{x:g},{y:g}" for x, y in heart_points())
    label = f'role="img" aria-label="{title}"' if title else 'aria-hidden="true" focusable="false"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEWBOX} {VIEWBOX}" class="{css_class}" {label}>'
        f'<rect width="{VIEWBOX}" height="{VIEWBOX}" rx="{RADIUS}" fill="{theme.COLOURS["primary"]}"/>'
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{theme.COLOURS["primary-dark"]}" '
        f'stroke-width="{width}"/>'
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{theme.COLOURS["signal"]}" stroke-width="{width}" '
        f'stroke-linecap="round" stroke-dasharray="{circumference * PROGRESS:.2f} {circumference:.2f}" '
        f'transform="rotate(-90 {cx} {cy})"/>'
        f'<polygon points="{points}" fill="{theme.COLOURS["on-primary"]}"/>'
        "</svg>"
    )


def icon_png(size, rounded=True):
    """The mark as a ``size`` × ``size`` PNG (transparent corners when ``rounded``)."""
    scale = 8 * size / VIEWBOX  # drawn eight times larger, then scaled down: smooth edges
    big = round(VIEWBOX * scale)
    picture = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    primary = theme.rgb("primary")
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=RADIUS * scale, fill=primary)
    else:
        draw.rectangle((0, 0, big, big), fill=primary)
    cx, cy, r, width = (value * scale for value in RING)
    box = (cx - r - width / 2, cy - r - width / 2, cx + r + width / 2, cy + r + width / 2)
    draw.ellipse(box, outline=theme.rgb("primary-dark"), width=round(width))
    draw.arc(box, -90, -90 + 360 * PROGRESS, fill=theme.rgb("signal"), width=round(width))
    for angle in (-90, -90 + 360 * PROGRESS):  # round caps
        a = math.radians(angle)
        x, y = cx + math.cos(a) * r, cy + math.sin(a) * r
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=theme.rgb("signal"))
    draw.polygon([(x * scale, y * scale) for x, y in heart_points()], fill=theme.rgb("on-primary"))
    picture = picture.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# path (relative to the repository) -> what it holds
def assets():
    return {
        "static/brand/favicon.svg": mark_svg(css_class="favicon").encode(),
        "static/brand/favicon-32.png": icon_png(32),
        "static/brand/icon-192.png": icon_png(192),
        "static/brand/apple-touch-icon.png": icon_png(180, rounded=False),
        "templates/includes/site_logo_mark.svg": (mark_svg() + "\n").encode(),
    }
