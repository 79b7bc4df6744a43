"""Flat illustrations for the demo content, drawn with Pillow (no download, no asset files).

Each scene is a small drawing function over a 1200 × 630 canvas: a sky, a row of Flemish
brick houses with stepped gables for the Lille area, the ground, then the project's own
objects (a workbench of pallets, a cargo bike, sewing machines, a 3D printer…). Drawing is
deterministic: the same code draws the same picture, so ``load_demo`` never needs to redraw.

Shapes are drawn three times larger and scaled down, which smooths their edges. The result
is a palette PNG of a few tens of kilobytes.

``SCENES`` maps a scene name (the French slug of the page that shows it) to its drawing and to
what it shows, in French, for the image's description; the English text comes from the
translation catalogue (``BasePage.card_image_alt`` passes image descriptions through gettext).
"""

import io
import math

from django.utils import translation
from django.utils.translation import gettext_noop

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 630
GROUND = 520  # the line on which things stand
SUPERSAMPLE = 3

# A warm, flat palette around the site's own colours (home.theme).
C = {
    "sky": (220, 235, 247),
    "sky-warm": (250, 236, 214),
    "sky-green": (226, 240, 222),
    "sun": (255, 209, 102),
    "blue": (11, 79, 138),
    "blue-dark": (7, 54, 89),
    "blue-light": (120, 170, 214),
    "green": (29, 107, 58),
    "green-light": (110, 175, 110),
    "leaf": (64, 145, 80),
    "brick": (178, 84, 58),
    "brick-light": (214, 150, 120),
    "brick-pale": (232, 196, 174),
    "roof": (90, 60, 56),
    "wood": (205, 150, 92),
    "wood-dark": (140, 92, 50),
    "wood-light": (230, 190, 135),
    "ground": (196, 186, 170),
    "street": (150, 146, 140),
    "grass": (150, 196, 120),
    "cream": (250, 245, 236),
    "white": (255, 255, 255),
    "grey": (138, 143, 152),
    "grey-light": (205, 208, 214),
    "grey-dark": (60, 64, 72),
    "ink": (34, 36, 40),
    "orange": (224, 122, 63),
    "red": (200, 60, 60),
    "pink": (226, 120, 150),
    "purple": (110, 80, 160),
    "teal": (20, 120, 130),
    "yellow": (255, 209, 102),
    "coffee": (92, 60, 40),
    "coffee-light": (150, 105, 70),
    "glass": (120, 190, 160),
    "skin-1": (240, 200, 170),
    "skin-2": (200, 145, 105),
    "skin-3": (140, 95, 65),
    "hair-1": (60, 40, 30),
    "hair-2": (170, 110, 50),
    "hair-3": (25, 25, 30),
}


class Canvas:
    """Pillow drawing in 1200 × 630 coordinates, on a larger picture scaled down at the end."""

    def __init__(self, background, size=(WIDTH, HEIGHT), width=WIDTH):
        """``width``: the drawing's own width in its coordinates, scaled to the picture's width."""
        self.size = size
        self.scale = SUPERSAMPLE * size[0] / width
        self.image = Image.new("RGB", (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), C.get(background, background))
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points):
        return [(x * self.scale, y * self.scale) for x, y in points]

    @staticmethod
    def _c(colour):
        return C.get(colour, colour) if isinstance(colour, str) else colour

    def rect(self, x0, y0, x1, y1, fill, radius=0, outline=None, width=0):
        box = self._xy([(min(x0, x1), min(y0, y1)), (max(x0, x1), max(y0, y1))])
        self.draw.rounded_rectangle(
            box,
            radius=radius * self.scale,
            fill=self._c(fill) if fill else None,
            outline=self._c(outline) if outline else None,
            width=round(width * self.scale),
        )

    def circle(self, x, y, r, fill=None, outline=None, width=0):
        self.ellipse(x, y, r, r, fill, outline, width)

    def ellipse(self, x, y, rx, ry, fill=None, outline=None, width=0):
        self.draw.ellipse(
            self._xy([(x - rx, y - ry), (x + rx, y + ry)]),
            fill=self._c(fill) if fill else None,
            outline=self._c(outline) if outline else None,
            width=round(width * self.scale),
        )

    def poly(self, points, fill):
        self.draw.polygon(self._xy(points), fill=self._c(fill))

    def line(self, points, fill, width=4):
        points = self._xy(points)
        w = round(width * self.scale)
        self.draw.line(points, fill=self._c(fill), width=w, joint="curve")
        for x, y in (points[0], points[-1]):  # round caps
            self.draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=self._c(fill))

    def arc(self, x, y, r, start, end, fill, width):
        self.draw.arc(
            self._xy([(x - r, y - r), (x + r, y + r)]), start, end, fill=self._c(fill), width=round(width * self.scale)
        )

    def pieslice(self, x, y, r, start, end, fill):
        self.draw.pieslice(self._xy([(x - r, y - r), (x + r, y + r)]), start, end, fill=self._c(fill))

    def result(self):
        return self.image.resize(self.size, Image.Resampling.LANCZOS)


# --- settings ------------------------------------------------------------------


def backdrop(c, sky="sky", ground="ground", houses=True, sun=(1040, 110), hue="brick"):
    c.rect(0, 0, WIDTH, GROUND, sky)
    if sun:
        c.circle(*sun, 54, "sun")
    clouds(c, 220, 90)
    clouds(c, 760, 60, 0.8)
    if houses:
        skyline(c, hue)
    c.rect(0, GROUND, WIDTH, HEIGHT, ground)
    c.rect(0, GROUND, WIDTH, GROUND + 8, "street")


def clouds(c, x, y, k=1.0):
    for dx, dy, r in ((0, 0, 34), (40, -18, 40), (86, 0, 32), (42, 10, 36)):
        c.circle(x + dx * k, y + dy * k, r * k, "white")


def gabled_house(c, x, width, height, colour, roof="roof", windows="cream", steps=4):
    """A Flemish brick house with a stepped gable."""
    top = GROUND - height
    c.rect(x, top, x + width, GROUND, colour)
    step_w = width / (2 * steps + 1)
    for i in range(steps):
        c.rect(x + step_w * i, top - 18 * (i + 1), x + width - step_w * i, top - 18 * i, colour)
    c.rect(x + width / 2 - step_w / 2, top - 18 * steps - 14, x + width / 2 + step_w / 2, top, colour)
    rows = max(1, int((height - 60) // 70))
    for row in range(rows):
        for col in range(2):
            wx = x + width * (0.2 + 0.4 * col)
            wy = top + 26 + row * 70
            c.rect(wx, wy, wx + width * 0.2, wy + 40, windows, radius=4)


def skyline(c, hue="brick"):
    """Pale houses and a belfry far behind the scene."""
    pale = {"brick": "brick-pale", "blue": (200, 218, 236), "green": (206, 226, 200)}[hue]
    x = -20
    widths = [110, 90, 130, 100, 120, 95, 140, 105, 115, 100, 125]
    heights = [150, 190, 130, 170, 210, 140, 160, 200, 145, 180, 150]
    for w, h in zip(widths, heights, strict=True):
        gabled_house(c, x, w, h, pale, windows=C["cream"], steps=3)
        x += w + 6
    # The belfry.
    c.rect(560, GROUND - 300, 610, GROUND, pale)
    c.poly([(552, GROUND - 300), (618, GROUND - 300), (585, GROUND - 370)], pale)
    c.rect(575, GROUND - 270, 595, GROUND - 240, "cream", radius=8)


def person(c, x, height, shirt, skin="skin-1", hair="hair-1", trousers="blue-dark", arms="down", long_hair=False):
    """A standing person, feet on the ground; ``arms`` is "down", "up", "forward" or "back"."""
    feet = GROUND
    head_r = height * 0.085
    hip = feet - height * 0.46
    shoulder = feet - height * 0.80
    c.rect(x - height * 0.07, hip - 4, x - height * 0.01, feet, trousers, radius=6)
    c.rect(x + height * 0.01, hip - 4, x + height * 0.07, feet, trousers, radius=6)
    c.rect(x - height * 0.1, feet - 10, x - height * 0.0, feet, "ink", radius=4)
    c.rect(x + height * 0.02, feet - 10, x + height * 0.12, feet, "ink", radius=4)
    arm_w = height * 0.055
    ends = {
        "down": ((x - height * 0.14, hip + 10), (x + height * 0.14, hip + 10)),
        "up": ((x - height * 0.2, shoulder - height * 0.22), (x + height * 0.2, shoulder - height * 0.22)),
        "forward": ((x + height * 0.26, shoulder + height * 0.14), (x + height * 0.3, shoulder + height * 0.1)),
        "back": ((x - height * 0.28, shoulder + height * 0.12), (x - height * 0.3, shoulder + height * 0.08)),
    }[arms]
    for side, end in zip((-1, 1), ends, strict=True):
        start = (x + side * height * 0.09, shoulder + 8)
        c.line([start, end], shirt, arm_w)
        c.circle(*end, arm_w * 0.55, skin)
    c.rect(x - height * 0.12, shoulder, x + height * 0.12, hip + 6, shirt, radius=height * 0.06)
    neck_y = shoulder - head_r * 0.9
    if long_hair:
        c.rect(x - head_r * 1.05, neck_y - head_r * 1.1, x + head_r * 1.05, neck_y + head_r * 1.1, hair, radius=head_r)
    c.circle(x, neck_y - head_r * 0.2, head_r, skin)
    c.pieslice(x, neck_y - head_r * 0.35, head_r * 1.05, 180, 360, hair)


def plant(c, x, size=1.0, pot="brick", leaves="leaf"):
    c.poly(
        [
            (x - 26 * size, GROUND - 52 * size),
            (x + 26 * size, GROUND - 52 * size),
            (x + 19 * size, GROUND),
            (x - 19 * size, GROUND),
        ],
        pot,
    )
    for dx, dy, r in ((-18, -80, 22), (16, -88, 24), (0, -112, 24), (-4, -70, 20)):
        c.circle(x + dx * size, GROUND + dy * size, r * size, leaves)


def tree(c, x, size=1.0):
    c.rect(x - 10 * size, GROUND - 120 * size, x + 10 * size, GROUND, "wood-dark")
    for dx, dy, r in ((0, -190, 70), (-50, -150, 52), (52, -150, 55), (0, -130, 50)):
        c.circle(x + dx * size, GROUND + dy * size, r * size, "green-light" if dy < -160 else "leaf")


def wheel(c, x, y, r, tyre="ink", spokes=True, width=None):
    width = width or max(4, r * 0.16)
    c.circle(x, y, r, outline=tyre, width=width)
    if spokes:
        for angle in range(0, 180, 30):
            a = math.radians(angle)
            c.line(
                [
                    (x - math.cos(a) * r * 0.9, y - math.sin(a) * r * 0.9),
                    (x + math.cos(a) * r * 0.9, y + math.sin(a) * r * 0.9),
                ],
                "grey",
                1.6,
            )
    c.circle(x, y, r * 0.12, "grey-dark")


def bicycle(c, x, r=62, frame="red", ground=GROUND, lifted=0):
    """A bicycle centred on ``x``, wheels of radius ``r`` standing on ``ground`` (minus ``lifted``)."""
    y = ground - r - lifted
    rear, front = (x - r * 1.25, y), (x + r * 1.25, y)
    crank = (x - r * 0.15, y)
    seat = (x - r * 0.45, y - r * 1.05)
    head = (x + r * 0.9, y - r * 0.95)
    wheel(c, *rear, r)
    wheel(c, *front, r)
    for a, b in ((rear, crank), (rear, seat), (crank, seat), (seat, head), (crank, head), (head, front)):
        c.line([a, b], frame, r * 0.1)
    c.line([(seat[0] - r * 0.05, seat[1]), (seat[0] - r * 0.1, seat[1] - r * 0.22)], "grey-dark", r * 0.08)
    c.rect(seat[0] - r * 0.32, seat[1] - r * 0.3, seat[0] + r * 0.12, seat[1] - r * 0.18, "ink", radius=r * 0.06)
    c.line(
        [head, (head[0] - r * 0.08, head[1] - r * 0.28), (head[0] - r * 0.35, head[1] - r * 0.3)], "grey-dark", r * 0.08
    )
    c.circle(*crank, r * 0.16, "grey-dark")


def cargo_bike(c, x, r=56, frame="blue", box="wood", box_width=190, ground=GROUND):
    """A long-john cargo bike: a box between the rider and the small front wheel."""
    y = ground - r
    rear = (x - box_width * 0.5 - r * 1.4, y)
    front = (x + box_width * 0.5 + r * 0.8, ground - r * 0.7)
    crank = (x - box_width * 0.5 - r * 0.3, y)
    seat = (x - box_width * 0.5 - r * 0.6, y - r * 1.15)
    head = (x + box_width * 0.5 + r * 0.55, y - r * 1.2)
    wheel(c, *rear, r)
    wheel(c, *front, r * 0.7)
    c.line([crank, (x + box_width * 0.5 + r * 0.3, y + r * 0.25), front], frame, r * 0.12)
    for a, b in ((rear, crank), (rear, seat), (crank, seat), (seat, (head[0] - box_width - 40, head[1]))):
        c.line([a, b], frame, r * 0.11)
    c.line([(x + box_width * 0.5 + r * 0.3, y + r * 0.2), head], frame, r * 0.1)
    c.line([head, (head[0] - r * 0.4, head[1] - r * 0.2)], "grey-dark", r * 0.09)
    c.rect(seat[0] - r * 0.35, seat[1] - r * 0.32, seat[0] + r * 0.15, seat[1] - r * 0.18, "ink", radius=r * 0.06)
    c.rect(x - box_width * 0.5, y - r * 1.0, x + box_width * 0.5, y + r * 0.25, box, radius=8)
    c.rect(x - box_width * 0.5, y - r * 1.0, x + box_width * 0.5, y - r * 0.85, "wood-dark", radius=4)
    c.circle(*crank, r * 0.16, "grey-dark")
    return (x - box_width * 0.5, y - r * 1.0, x + box_width * 0.5)


def trailer(c, x, width=170, height=80, colour="green", load=None):
    y = GROUND - 34
    c.line([(x + width / 2, y - 10), (x + width / 2 + 74, y - 30)], "grey-dark", 6)  # hitch, to the right
    c.rect(x - width / 2, y - height, x + width / 2, y, colour, radius=8)
    wheel(c, x, GROUND - 34, 34)
    return (x - width / 2, y - height, x + width / 2)


def workbench(c, x0, x1, top=GROUND - 150, colour="wood", legs="wood-dark"):
    c.rect(x0 + 14, top, x0 + 34, GROUND, legs)
    c.rect(x1 - 34, top, x1 - 14, GROUND, legs)
    c.rect(x0 + 20, GROUND - 50, x1 - 20, GROUND - 38, legs)
    c.rect(x0, top - 18, x1, top + 6, colour, radius=4)
    return top - 18


def pallet(c, x, y, width=220, colour="wood", dark="wood-dark", upright=False):
    """A pallet seen from the side (lying) or its face (``upright``)."""
    if upright:
        height = width * 0.8
        for i in range(5):
            sx = x + i * (width / 5)
            c.rect(sx + 4, y - height, sx + width / 5 - 6, y, colour, radius=3)
        for fy in (y - height + 14, y - height / 2, y - 24):
            c.rect(x - 6, fy, x + width + 6, fy + 16, dark, radius=3)
        return
    c.rect(x, y - 16, x + width, y, colour, radius=3)
    for bx in (x, x + width / 2 - 16, x + width - 32):
        c.rect(bx, y - 42, bx + 32, y - 16, dark)
    c.rect(x, y - 58, x + width, y - 42, colour, radius=3)


def shelf(c, x0, x1, top, levels=3, colour="wood", dark="wood-dark"):
    c.rect(x0, top, x0 + 14, GROUND, dark)
    c.rect(x1 - 14, top, x1, GROUND, dark)
    step = (GROUND - top) / levels
    ys = []
    for i in range(levels):
        y = top + step * i + 20
        c.rect(x0, y, x1, y + 14, colour, radius=3)
        ys.append(y)
    return ys


def awning(c, x0, x1, y, colours=("red", "white")):
    n = 8
    w = (x1 - x0) / n
    for i in range(n):
        colour = colours[i % 2]
        c.rect(x0 + i * w, y, x0 + (i + 1) * w, y + 40, colour)
        c.pieslice(x0 + i * w + w / 2, y + 40, w / 2, 0, 180, colour)


def bunting(c, x0, x1, y, colours=("yellow", "blue", "green", "red", "orange")):
    c.line([(x0, y), ((x0 + x1) / 2, y + 30), (x1, y)], "grey-dark", 2)
    n = int((x1 - x0) // 48)
    for i in range(n):
        t = (i + 0.5) / n
        px = x0 + (x1 - x0) * t
        py = y + 30 * (1 - abs(2 * t - 1))
        c.poly([(px - 16, py), (px + 16, py), (px, py + 34)], colours[i % len(colours)])


def bag(c, x, y, width, height, colours, handle="ink"):
    """A patchwork tote bag whose top edge is at ``y``."""
    c.arc(x + width / 2, y, width * 0.28, 180, 360, handle, 6)
    cols, rows = 3, 3
    w, h = width / cols, height / rows
    for i in range(cols):
        for j in range(rows):
            c.rect(x + i * w, y + j * h, x + (i + 1) * w, y + (j + 1) * h, colours[(i + 2 * j) % len(colours)])
    c.rect(x, y, x + width, y + height, None, outline=(255, 255, 255), width=2)


def sewing_machine(c, x, y, colour="teal"):
    """A sewing machine standing on the surface at ``y``."""
    c.rect(x, y - 24, x + 190, y, colour, radius=8)
    c.rect(x + 130, y - 130, x + 176, y - 20, colour, radius=10)
    c.rect(x + 20, y - 130, x + 176, y - 92, colour, radius=14)
    c.rect(x + 28, y - 92, x + 44, y - 50, "grey-dark", radius=3)
    c.line([(x + 36, y - 50), (x + 36, y - 28)], "grey", 3)
    c.circle(x + 176, y - 100, 16, "grey-dark")
    c.rect(x + 140, y - 80, x + 166, y - 60, "cream", radius=4)
    c.rect(x + 86, y - 150, x + 104, y - 130, "cream", radius=3)  # spool


def printer_3d(c, x, y, colour="grey-dark", printed="orange"):
    """A 3D printer on the surface at ``y`` (a cubic frame, nozzle, part, spool)."""
    c.rect(x, y - 200, x + 180, y, None, outline=colour, width=12)
    c.rect(x, y - 26, x + 180, y, colour)
    c.rect(x + 6, y - 140, x + 174, y - 128, "grey")
    c.rect(x + 74, y - 150, x + 108, y - 110, "blue", radius=4)
    c.poly([(x + 82, y - 110), (x + 100, y - 110), (x + 91, y - 98)], "grey-light")
    c.rect(x + 60, y - 40, x + 122, y - 26, "grey", radius=2)
    c.poly([(x + 70, y - 40), (x + 112, y - 40), (x + 104, y - 78), (x + 78, y - 78)], printed)
    c.rect(x + 196, y - 170, x + 204, y - 110, "grey-dark")
    c.circle(x + 200, y - 180, 34, "green")
    c.circle(x + 200, y - 180, 12, "grey-light")
    c.rect(x + 20, y - 20, x + 60, y - 8, "yellow", radius=3)


def gear(c, x, y, r, colour, teeth=8):
    for i in range(teeth):
        a = 2 * math.pi * i / teeth
        dx, dy = math.cos(a), math.sin(a)
        px, py = -dy, dx
        w = r * 0.28
        c.poly(
            [
                (x + dx * r * 0.8 + px * w, y + dy * r * 0.8 + py * w),
                (x + dx * r * 1.2 + px * w * 0.7, y + dy * r * 1.2 + py * w * 0.7),
                (x + dx * r * 1.2 - px * w * 0.7, y + dy * r * 1.2 - py * w * 0.7),
                (x + dx * r * 0.8 - px * w, y + dy * r * 0.8 - py * w),
            ],
            colour,
        )
    c.circle(x, y, r, colour)
    c.circle(x, y, r * 0.4, "cream")


def compost_bin(c, x, width=170, height=130, colour="wood", dark="wood-dark"):
    top = GROUND - height
    for dx, dy, r in ((0.25, 10, 34), (0.55, 0, 40), (0.8, 12, 30)):
        c.circle(x + width * dx, top + dy, r, "coffee")
    c.circle(x + width * 0.4, top - 8, 14, "green-light")
    c.circle(x + width * 0.66, top - 14, 12, "orange")
    c.circle(x + width * 0.3, top - 2, 10, "yellow")
    for i in range(4):
        y = top + i * (height / 4)
        c.rect(x, y + 4, x + width, y + height / 4 - 4, colour, radius=3)
    c.rect(x - 8, top - 10, x + 10, GROUND, dark)
    c.rect(x + width - 10, top - 10, x + width + 8, GROUND, dark)


def bucket(c, x, y, colour="green", lid="green-light", size=1.0):
    w, h = 52 * size, 62 * size
    c.poly([(x - w / 2, y - h), (x + w / 2, y - h), (x + w * 0.4, y), (x - w * 0.4, y)], colour)
    c.rect(x - w / 2 - 4, y - h - 10, x + w / 2 + 4, y - h + 2, lid, radius=4)
    c.arc(x, y - h - 4, w * 0.4, 200, 340, "grey-dark", 3)


def cup(c, x, y, colour="cream", size=1.0):
    w, h = 46 * size, 56 * size
    c.poly([(x - w / 2, y - h), (x + w / 2, y - h), (x + w * 0.38, y), (x - w * 0.38, y)], colour)
    c.arc(x + w * 0.5, y - h * 0.55, h * 0.22, 270, 90, colour, 6 * size)
    for i, dx in enumerate((-10, 6)):
        c.arc(x + dx * size, y - h - 20 * size - i * 6, 10 * size, 200, 340, "grey", 3)


def pot(c, x, y, colour="coffee-light", size=1.0):
    w, h = 64 * size, 56 * size
    c.poly([(x - w / 2, y - h), (x + w / 2, y - h), (x + w * 0.36, y), (x - w * 0.36, y)], colour)
    c.rect(x - w / 2 - 5, y - h - 12, x + w / 2 + 5, y - h + 2, colour, radius=3)
    for dx in (-0.2, 0.05, 0.25):
        c.circle(x + w * dx, y - h * 0.45, 3 * size, "coffee")


def drill(c, x, y, colour="orange"):
    """A drill hanging with its tip pointing right; (x, y) is the top left of its body."""
    c.rect(x, y, x + 90, y + 34, colour, radius=12)
    c.rect(x + 14, y + 30, x + 44, y + 90, colour, radius=8)
    c.rect(x + 10, y + 80, x + 48, y + 96, "grey-dark", radius=4)
    c.rect(x + 90, y + 11, x + 120, y + 23, "grey")


def saw(c, x, y):
    c.poly([(x, y), (x + 150, y + 14), (x + 150, y + 44), (x, y + 40)], "grey-light")
    for i in range(10):
        tx = x + i * 15
        c.poly([(tx, y + 40 + i * 0.3), (tx + 15, y + 41 + i * 0.3), (tx + 7, y + 48 + i * 0.3)], "grey")
    c.rect(x - 40, y - 4, x + 6, y + 44, "wood-dark", radius=10)
    c.rect(x - 30, y + 8, x - 8, y + 30, "cream", radius=6)


def hammer(c, x, y):
    c.rect(x + 18, y + 20, x + 30, y + 120, "wood", radius=4)
    c.rect(x, y, x + 54, y + 24, "grey-dark", radius=4)


def wrench(c, x, y, length=120, colour="grey"):
    c.rect(x, y, x + 14, y + length, colour, radius=6)
    c.circle(x + 7, y, 16, colour)
    c.rect(x + 2, y - 18, x + 12, y - 4, "cream")


def pegboard(c, x0, y0, x1, y1):
    c.rect(x0, y0, x1, y1, "wood-light", radius=6)
    for i in range(int((x1 - x0) // 30)):
        for j in range(int((y1 - y0) // 30)):
            c.circle(x0 + 15 + i * 30, y0 + 15 + j * 30, 2.5, "wood")


def door(c, x, y, width=90, height=200, colour="blue"):
    c.rect(x, y - height, x + width, y, colour, radius=4)
    c.rect(x + 12, y - height + 14, x + width - 12, y - height / 2 - 6, None, outline="cream", width=4)
    c.rect(x + 12, y - height / 2 + 6, x + width - 12, y - 14, None, outline="cream", width=4)
    c.circle(x + width - 18, y - height / 2, 5, "yellow")


def window_frame(c, x, y, width=110, height=120, colour="white"):
    c.rect(x, y - height, x + width, y, colour, radius=3)
    c.rect(x + 10, y - height + 10, x + width / 2 - 4, y - 10, "sky")
    c.rect(x + width / 2 + 4, y - height + 10, x + width - 10, y - 10, "sky")


def van(c, x, colour="white", stripe="green"):
    y = GROUND - 30
    c.rect(x, y - 170, x + 260, y, colour, radius=14)
    c.poly([(x + 260, y - 120), (x + 320, y - 80), (x + 330, y), (x + 260, y)], colour)
    c.poly([(x + 268, y - 112), (x + 312, y - 80), (x + 268, y - 80)], "sky")
    c.rect(x, y - 60, x + 330, y - 44, stripe)
    wheel(c, x + 70, GROUND - 30, 30, spokes=False)
    wheel(c, x + 270, GROUND - 30, 30, spokes=False)


def bottle(c, x, y, colour="glass", size=1.0):
    w = 30 * size
    c.rect(x - w / 2, y - 100 * size, x + w / 2, y, colour, radius=8 * size)
    c.rect(x - w * 0.2, y - 136 * size, x + w * 0.2, y - 96 * size, colour, radius=3 * size)
    c.rect(x - w * 0.3, y - 70 * size, x + w * 0.3, y - 40 * size, "cream", radius=3 * size)


def pendant_lamp(c, x, y_top, drop, colour="glass", glow=True):
    c.line([(x, y_top), (x, y_top + drop)], "grey-dark", 3)
    y = y_top + drop
    if glow:
        c.circle(x, y + 40, 60, (255, 236, 180))
    c.pieslice(x, y + 30, 52, 180, 360, colour)
    c.rect(x - 52, y + 26, x + 52, y + 34, colour)
    c.circle(x, y + 36, 12, "yellow")


def lunchbox(c, x, y, colour="green", lid="green-light", width=120):
    c.rect(x, y - 46, x + width, y, colour, radius=10)
    c.rect(x - 4, y - 58, x + width + 4, y - 40, lid, radius=8)
    c.rect(x + width / 2 - 14, y - 30, x + width / 2 + 14, y - 18, "cream", radius=4)


def bottle_caps(c, x0, y0, x1, y1, count=28):
    colours = ["red", "blue", "yellow", "green", "orange", "white", "purple", "teal"]
    for i in range(count):
        px = x0 + ((i * 37) % 100) / 100 * (x1 - x0)
        py = y0 + ((i * 61) % 100) / 100 * (y1 - y0)
        c.circle(px, py, 13, colours[i % len(colours)])
        c.circle(px, py, 7, None, outline="grey-light", width=1.5)


def shredder(c, x, colour="blue"):
    top = GROUND - 250
    c.rect(x + 20, top + 150, x + 40, GROUND, "grey-dark")
    c.rect(x + 140, top + 150, x + 160, GROUND, "grey-dark")
    c.rect(x, top + 60, x + 180, top + 160, colour, radius=10)
    c.poly([(x + 20, top), (x + 160, top), (x + 130, top + 60), (x + 50, top + 60)], "grey-light")
    gear(c, x + 90, top + 110, 26, "grey-light")
    c.line([(x + 180, top + 100), (x + 230, top + 70)], "grey-dark", 10)
    c.circle(x + 232, top + 68, 12, "red")
    c.rect(x + 60, top + 160, x + 120, top + 210, "grey-light", radius=6)
    for i in range(6):
        c.circle(x + 70 + i * 9, top + 178 + (i % 2) * 12, 6, ["red", "blue", "yellow", "green", "orange", "purple"][i])


def ruler(c, x, y, colours=("red", "blue", "yellow", "green")):
    c.rect(x, y - 26, x + 200, y, None, outline="grey-dark", width=2)
    for i in range(8):
        c.rect(x + i * 25, y - 26, x + (i + 1) * 25, y, colours[i % len(colours)])
    for i in range(9):
        c.line([(x + i * 25, y - 26), (x + i * 25, y - 14)], "ink", 2)


def poster(c, x0, y0, x1, y1, colour="blue", accent="yellow", percent=0.7):
    """A programme poster: a heading, a progress bar and a heart."""
    c.rect(x0, y0, x1, y1, colour, radius=6)
    w = x1 - x0
    c.rect(x0 + w * 0.12, y0 + 28, x1 - w * 0.12, y0 + 48, "cream", radius=8)
    c.rect(x0 + w * 0.12, y0 + 62, x0 + w * 0.6, y0 + 78, "cream", radius=8)
    heart(c, (x0 + x1) / 2, (y0 + y1) / 2 + 10, w * 0.18, accent)
    bar_y = y1 - 46
    c.rect(x0 + w * 0.12, bar_y, x1 - w * 0.12, bar_y + 18, "blue-dark", radius=9)
    c.rect(x0 + w * 0.12, bar_y, x0 + w * 0.12 + (w * 0.76) * percent, bar_y + 18, accent, radius=9)


def heart(c, x, y, size, colour):
    points = []
    for i in range(60):
        t = 2 * math.pi * i / 60
        hx = 16 * math.sin(t) ** 3
        hy = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((x + hx * size / 16, y - hy * size / 16))
    c.poly(points, colour)


def trophy(c, x, y, size=1.0, colour="yellow"):
    c.rect(x - 60 * size, y - 24 * size, x + 60 * size, y, "blue-dark", radius=4)
    c.rect(x - 14 * size, y - 80 * size, x + 14 * size, y - 24 * size, colour)
    c.pieslice(x, y - 170 * size, 80 * size, 0, 180, colour)
    c.rect(x - 80 * size, y - 200 * size, x + 80 * size, y - 168 * size, colour, radius=4)
    for side in (-1, 1):
        c.arc(x + side * 82 * size, y - 150 * size, 34 * size, 0, 360, colour, 10 * size)
    star(c, x, y - 150 * size, 28 * size, "cream")


def star(c, x, y, r, colour):
    points = []
    for i in range(10):
        a = math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.45
        points.append((x + math.cos(a) * rr, y - math.sin(a) * rr))
    c.poly(points, colour)


def phone(c, x, y, percent=0.6):
    c.rect(x, y, x + 110, y + 200, "ink", radius=16)
    c.rect(x + 8, y + 18, x + 102, y + 180, "white", radius=6)
    c.rect(x + 16, y + 30, x + 94, y + 86, "green-light", radius=4)
    c.rect(x + 16, y + 100, x + 80, y + 110, "grey-light", radius=4)
    c.rect(x + 16, y + 126, x + 94, y + 136, "grey-light", radius=5)
    c.rect(x + 16, y + 126, x + 16 + 78 * percent, y + 136, "green", radius=5)
    c.rect(x + 16, y + 148, x + 94, y + 170, "blue", radius=6)


def megaphone(c, x, y, colour="orange"):
    c.poly([(x, y - 20), (x + 110, y - 60), (x + 110, y + 60), (x, y + 20)], colour)
    c.rect(x - 30, y - 24, x + 6, y + 24, "blue-dark", radius=6)
    c.rect(x + 104, y - 64, x + 120, y + 64, "blue-dark", radius=6)
    for i, r in enumerate((40, 70, 100)):
        c.arc(x + 130, y, r, -35, 35, "orange" if i % 2 else "yellow", 8)


def confetti(c, x0, y0, x1, y1, count=40):
    colours = ["yellow", "red", "blue", "green", "orange", "purple"]
    for i in range(count):
        px = x0 + ((i * 53) % 97) / 97 * (x1 - x0)
        py = y0 + ((i * 29) % 89) / 89 * (y1 - y0)
        if i % 3:
            c.rect(px, py, px + 14, py + 8, colours[i % len(colours)], radius=2)
        else:
            c.circle(px, py, 6, colours[i % len(colours)])


# --- scenes ------------------------------------------------------------------------


def scene_pallets(c):
    """Les Palettes Retrouvées: a workshop yard with stacked pallets, a bench made of them."""
    backdrop(c, sky="sky-warm")
    pallet(c, 90, GROUND, 230)
    pallet(c, 90, GROUND - 58, 230)
    pallet(c, 90, GROUND - 116, 230)
    pallet(c, 120, GROUND - 174, 200, upright=True)
    # A pallet bench with cushions and planters.
    c.rect(430, GROUND - 110, 760, GROUND - 90, "wood", radius=4)
    c.rect(440, GROUND - 90, 470, GROUND, "wood-dark")
    c.rect(720, GROUND - 90, 750, GROUND, "wood-dark")
    for i in range(4):
        c.rect(440 + i * 80, GROUND - 200, 500 + i * 80, GROUND - 118, "wood-light", radius=3)
    c.rect(450, GROUND - 136, 590, GROUND - 110, "teal", radius=10)
    c.rect(600, GROUND - 136, 740, GROUND - 110, "orange", radius=10)
    plant(c, 820, 1.0, pot="wood")
    person(c, 960, 250, "green", skin="skin-2", hair="hair-3", arms="forward")
    c.rect(990, GROUND - 190, 1100, GROUND - 170, "wood", radius=3)  # a plank being carried
    person(c, 1100, 230, "orange", skin="skin-1", hair="hair-2", long_hair=True, arms="forward")


def scene_repair_cargo_bike(c):
    """Le Triporteur de la Réparation: the repair cargo bike at a market, under an awning."""
    backdrop(c)
    c.rect(60, GROUND - 210, 360, GROUND - 160, "cream")
    awning(c, 40, 380, GROUND - 250, ("red", "cream"))
    c.rect(60, GROUND - 160, 360, GROUND - 80, "wood", radius=4)
    for i, colour in enumerate(("orange", "green", "red", "yellow", "green-light")):
        c.circle(90 + i * 60, GROUND - 170, 22, colour)
    c.rect(70, GROUND - 80, 90, GROUND, "wood-dark")
    c.rect(330, GROUND - 80, 350, GROUND, "wood-dark")
    x0, top, x1 = cargo_bike(c, 700, r=60, frame="blue", box="yellow", box_width=230)
    # The box opened as a workbench, with a toaster and tools on it.
    c.rect(x0 - 10, top - 16, x1 + 10, top, "wood-dark", radius=4)
    c.rect(x0 + 20, top - 70, x0 + 110, top - 16, "grey-light", radius=10)
    c.rect(x0 + 38, top - 84, x0 + 58, top - 70, "grey-dark")
    c.rect(x0 + 68, top - 84, x0 + 88, top - 70, "grey-dark")
    wrench(c, x0 + 140, top - 96, 70)
    c.circle(x0 + 190, top - 40, 22, "red")
    person(c, 960, 240, "blue-light", skin="skin-1", hair="hair-2", long_hair=True, arms="forward")
    person(c, 1090, 200, "purple", skin="skin-3", hair="hair-3", arms="down")


def scene_offcut_threads(c):
    """Chutes de Fil: two sewing machines on a table and patchwork tote bags on a rail."""
    backdrop(c, sky="sky-warm", houses=False, sun=None)
    # Inside the workshop: a wall with big windows, like a former mill.
    c.rect(0, 0, WIDTH, GROUND, "brick-pale")
    for x in (80, 420, 760):
        c.rect(x, 60, x + 300, 260, "sky", radius=40)
        c.rect(x + 146, 60, x + 154, 260, "brick-pale")
        c.rect(x, 156, x + 300, 164, "brick-pale")
    c.rect(0, GROUND, WIDTH, HEIGHT, "wood-light")
    top = workbench(c, 60, 620, top=GROUND - 140)
    sewing_machine(c, 90, top, "teal")
    sewing_machine(c, 360, top, "red")
    # Fabric offcuts on the table.
    for i, colour in enumerate(("yellow", "purple", "orange", "blue-light")):
        c.rect(290 + i * 12, top - 14 - i * 8, 350 + i * 12, top - 6 - i * 8, colour, radius=2)
    # A rail of patchwork bags.
    c.rect(700, 280, 1140, 292, "grey-dark", radius=6)
    c.rect(712, 292, 724, GROUND, "grey-dark")
    c.rect(1116, 292, 1128, GROUND, "grey-dark")
    palettes = [
        ("orange", "teal", "yellow", "purple"),
        ("blue", "pink", "cream", "green-light"),
        ("red", "yellow", "blue-light", "teal"),
    ]
    for i, colours in enumerate(palettes):
        bag(c, 750 + i * 130, 330, 110, 130, colours)
        c.line([(805 + i * 130, 292), (805 + i * 130, 300)], "ink", 3)
    c.rect(760, GROUND - 60, 1100, GROUND, "wood", radius=4)  # a box of offcuts
    for i, colour in enumerate(("pink", "teal", "yellow", "orange", "blue-light", "purple", "green-light")):
        c.circle(790 + i * 46, GROUND - 62, 26, colour)


def scene_piece_by_piece(c):
    """Pièce par Pièce: a fablab bench with a 3D printer, a calliper and printed spare parts."""
    backdrop(c, sky="sky", houses=False, sun=None)
    c.rect(0, 0, WIDTH, GROUND, (228, 234, 242))
    pegboard(c, 700, 70, 1140, 320)
    wrench(c, 740, 120, 140)
    wrench(c, 790, 120, 110, "blue-light")
    hammer(c, 850, 100)
    saw(c, 960, 130)
    gear(c, 1060, 260, 30, "orange")
    c.rect(0, GROUND, WIDTH, HEIGHT, "grey-light")
    top = workbench(c, 60, 660, top=GROUND - 160, colour="grey", legs="grey-dark")
    printer_3d(c, 100, top, printed="orange")
    printer_3d(c, 380, top, printed="green-light")
    # Printed parts: a knob, a hinge, a clip.
    c.circle(640 - 10, top - 22, 22, "orange")
    c.circle(640 - 10, top - 22, 8, "grey-light")
    person(c, 860, 260, "teal", skin="skin-1", hair="hair-1", arms="forward")
    c.rect(930, GROUND - 190, 1010, GROUND - 150, "white", radius=4)  # a washing machine knob shown
    c.circle(970, GROUND - 210, 24, "grey-dark")
    c.circle(970, GROUND - 210, 10, "orange")
    person(c, 1080, 230, "yellow", skin="skin-2", hair="hair-3", long_hair=True, arms="back")


def scene_compost(c):
    """Compost à Vélo: compost bins in a shared garden and a bike trailer full of buckets."""
    backdrop(c, sky="sky-green", ground="grass", hue="green")
    compost_bin(c, 70)
    compost_bin(c, 270)
    for i in range(5):
        x = 80 + i * 70
        c.rect(x, GROUND + 20, x + 50, GROUND + 60, "coffee")
        c.circle(x + 25, GROUND + 12, 18, "leaf")
    x0, top, x1 = trailer(c, 640, width=200, height=70, colour="blue")
    bicycle(c, x1 + 74 + 58 * 1.25, r=58, frame="green")
    for i, colour in enumerate(("green", "orange", "green", "yellow")):
        bucket(c, x0 + 30 + i * 46, top + 6, colour=colour, lid="cream", size=0.75)
    tree(c, 1110, 1.0)
    person(c, 470, 220, "orange", skin="skin-2", hair="hair-1", long_hair=True, arms="down")


def scene_second_spin(c):
    """Deuxième Tour: refurbished bikes in a row near the campus, one up on a repair stand."""
    backdrop(c, hue="blue")
    # The repair stand.
    c.rect(180, GROUND - 190, 192, GROUND, "grey-dark")
    c.rect(130, GROUND - 8, 240, GROUND, "grey-dark", radius=4)
    c.line([(186, GROUND - 190), (250, GROUND - 230)], "grey-dark", 8)
    bicycle(c, 300, r=56, frame="orange", lifted=90)
    # Reconditioned bikes for sale with price tags, in front of the campus shed.
    c.rect(560, GROUND - 330, 1160, GROUND, (200, 214, 230))
    c.poly([(540, GROUND - 330), (1180, GROUND - 330), (1160, GROUND - 370), (560, GROUND - 370)], "blue-dark")
    for i in range(4):
        wheel(c, 650 + i * 140, GROUND - 250, 40)
    for i, colour in enumerate(("blue", "green", "purple")):
        x = 660 + i * 200
        bicycle(c, x, r=46, frame=colour)
        c.rect(x - 22, GROUND - 150, x + 28, GROUND - 122, "yellow", radius=4)
    person(c, 470, 240, "red", skin="skin-3", hair="hair-3", arms="forward")


def scene_grounds_and_matter(c):
    """Marc & Matière: coffee grounds drying, a press, and the pots and trivets made from them."""
    backdrop(c, sky="sky-warm", houses=False, sun=None)
    c.rect(0, 0, WIDTH, GROUND, (240, 226, 208))
    ys = shelf(c, 700, 1140, 120, levels=3, colour="wood", dark="wood-dark")
    for row, y in enumerate(ys):
        for i in range(4):
            pot(c, 760 + i * 100, y, colour=["coffee-light", "coffee", "coffee-light"][row], size=0.8)
    c.rect(0, GROUND, WIDTH, HEIGHT, "wood-light")
    top = workbench(c, 60, 640, top=GROUND - 150)
    # Trays of grounds, a press, cups.
    c.rect(90, top - 30, 260, top, "grey", radius=4)
    for i in range(6):
        c.circle(110 + i * 28, top - 30, 16, "coffee")
    c.rect(320, top - 160, 340, top, "grey-dark")
    c.rect(470, top - 160, 490, top, "grey-dark")
    c.rect(310, top - 176, 500, top - 150, "grey-dark", radius=4)
    c.rect(380, top - 150, 430, top - 100, "grey", radius=4)
    c.rect(350, top - 100, 460, top - 70, "grey-light", radius=4)
    c.ellipse(405, top - 30, 60, 26, "coffee")
    cup(c, 560, top, "cream")
    cup(c, 610, top, "blue-light", size=0.8)


def scene_tool_library(c):
    """L'Outilthèque de Wattrelos: a wall of tools to borrow, a counter, a borrower with a drill."""
    backdrop(c, sky="sky", houses=False, sun=None)
    c.rect(0, 0, WIDTH, GROUND, (232, 238, 230))
    pegboard(c, 60, 60, 700, 360)
    drill(c, 100, 100, "orange")
    drill(c, 260, 100, "green")
    saw(c, 470, 120)
    hammer(c, 110, 230)
    hammer(c, 190, 230)
    wrench(c, 290, 240, 100)
    wrench(c, 330, 240, 90, "blue")
    c.rect(400, 240, 660, 330, "blue", radius=8)  # a pressure washer case
    c.rect(420, 256, 520, 270, "cream", radius=4)
    wheel(c, 430, 330, 16, spokes=False)
    wheel(c, 630, 330, 16, spokes=False)
    c.rect(0, GROUND, WIDTH, HEIGHT, "wood-light")
    # Counter with a label book.
    c.rect(80, GROUND - 130, 620, GROUND, "wood", radius=6)
    c.rect(80, GROUND - 140, 620, GROUND - 120, "wood-dark", radius=6)
    c.rect(140, GROUND - 160, 230, GROUND - 140, "yellow", radius=2)
    c.rect(250, GROUND - 100, 450, GROUND - 40, "cream", radius=4)
    person(c, 820, 250, "purple", skin="skin-1", hair="hair-2", long_hair=True, arms="forward")
    drill(c, 860, GROUND - 230, "orange")
    person(c, 1040, 240, "green", skin="skin-3", hair="hair-3", arms="down")
    plant(c, 1150, 0.8)


def scene_materials_bank(c):
    """La Matériauthèque d'Armentières: salvaged doors, windows and tiles in a warehouse, a van."""
    backdrop(c, sky="sky", houses=False, sun=None)
    c.rect(0, 0, WIDTH, GROUND, (226, 228, 232))
    for x in range(0, WIDTH, 150):  # the warehouse's steel frame
        c.rect(x, 0, x + 12, GROUND, "grey-light")
    c.rect(0, GROUND, WIDTH, HEIGHT, "grey-light")
    door(c, 60, GROUND, colour="blue")
    door(c, 150, GROUND, colour="green")
    door(c, 240, GROUND, colour="red")
    window_frame(c, 360, GROUND - 180, colour="white")
    window_frame(c, 360, GROUND - 40, colour="cream", height=110)
    # Stacks of tiles and planks.
    for i in range(5):
        c.rect(
            500,
            GROUND - 30 * (i + 1),
            640,
            GROUND - 30 * i - 4,
            ["brick", "brick-light", "teal", "brick", "yellow"][i],
            radius=3,
        )
    for i in range(4):
        c.rect(480, GROUND - 170 - i * 16, 700, GROUND - 158 - i * 16, "wood" if i % 2 else "wood-dark", radius=2)
    van(c, 760, colour="white", stripe="green")


def scene_plastic_loop(c):
    """Plastique en Boucle: a shredder fed with colourful bottle caps, rulers made from them."""
    backdrop(c, sky="sky")
    shredder(c, 120, colour="blue")
    c.rect(420, GROUND - 120, 700, GROUND, "wood", radius=4)  # a crate of caps
    bottle_caps(c, 440, GROUND - 150, 680, GROUND - 110, count=22)
    ruler(c, 760, GROUND - 120)
    ruler(c, 780, GROUND - 150, ("teal", "orange", "purple", "yellow"))
    c.rect(740, GROUND - 120, 1010, GROUND, "wood-dark", radius=4)
    person(c, 1080, 150, "yellow", skin="skin-2", hair="hair-1", arms="up")  # a pupil
    person(c, 1150, 160, "red", skin="skin-1", hair="hair-2", long_hair=True, arms="down")


def scene_bike_workshop(c):
    """Atelier vélo du quartier: a neighbourhood workshop, a bike on a stand, parts to reuse."""
    backdrop(c, hue="brick")
    c.rect(60, GROUND - 300, 640, GROUND, "brick")  # the workshop's shopfront
    c.rect(60, GROUND - 320, 640, GROUND - 290, "blue-dark")
    c.rect(100, GROUND - 270, 600, GROUND - 20, (240, 232, 220), radius=6)
    for i in range(3):
        wheel(c, 170 + i * 110, GROUND - 200, 38)
    c.rect(180, GROUND - 120, 192, GROUND - 20, "grey-dark")
    c.line([(186, GROUND - 120), (250, GROUND - 150)], "grey-dark", 8)
    bicycle(c, 380, r=48, frame="green", lifted=60, ground=GROUND - 20)
    person(c, 560, 210, "orange", skin="skin-3", hair="hair-3", arms="forward")
    bicycle(c, 860, r=58, frame="blue")
    person(c, 1060, 240, "teal", skin="skin-1", hair="hair-2", long_hair=True, arms="down")


def scene_deposit_tableware(c):
    """Vaisselle consignée: a restaurant counter with stacks of returnable lunch boxes."""
    backdrop(c, sky="sky-warm")
    c.rect(60, GROUND - 320, 700, GROUND, "cream")
    awning(c, 40, 720, GROUND - 360, ("green", "cream"))
    c.rect(100, GROUND - 280, 660, GROUND - 170, "sky", radius=4)
    c.rect(80, GROUND - 140, 680, GROUND, "wood", radius=6)
    for stack in range(4):
        for level in range(3 - stack % 2):
            lunchbox(
                c,
                110 + stack * 140,
                GROUND - 140 - level * 58,
                colour=["green", "teal", "orange", "blue"][stack],
                lid=["green-light", "cream", "yellow", "blue-light"][stack],
            )
    # A return crate and a customer.
    c.rect(780, GROUND - 90, 960, GROUND, "green", radius=8)
    c.rect(800, GROUND - 70, 940, GROUND - 50, "cream", radius=4)
    person(c, 1060, 240, "blue", skin="skin-2", hair="hair-1", long_hair=True, arms="forward")


def scene_glass_lamps(c):
    """Lampes en verre recyclé: pendant lamps of green bottle glass above a workbench of bottles."""
    backdrop(c, sky=(44, 54, 74), houses=False, sun=None)
    c.rect(0, 0, WIDTH, GROUND, (52, 62, 84))
    for x, drop, colour in (
        (200, 120, "glass"),
        (420, 70, (170, 120, 60)),
        (640, 140, "glass"),
        (860, 90, "blue-light"),
        (1060, 130, (170, 120, 60)),
    ):
        pendant_lamp(c, x, 0, drop, colour)
    c.rect(0, GROUND, WIDTH, HEIGHT, (110, 96, 84))
    top = workbench(c, 120, 1080, top=GROUND - 120, colour="wood", legs="wood-dark")
    for i in range(9):
        bottle(c, 190 + i * 100, top, colour=["glass", (170, 120, 60), "blue-light"][i % 3], size=0.9)


def scene_home(c):
    """The home page: a street party with makers' stands, a cargo bike and a big poster."""
    backdrop(c)
    bunting(c, 0, WIDTH, 40)
    poster(c, 90, GROUND - 330, 330, GROUND - 20, percent=0.72)
    c.rect(200, GROUND - 20, 220, GROUND, "grey-dark")
    person(c, 420, 230, "orange", skin="skin-2", hair="hair-3", arms="up")
    x0, top, x1 = cargo_bike(c, 700, r=54, frame="green", box="yellow", box_width=200)
    plant(c, x0 + 50, 0.7, pot="wood")
    plant(c, x0 + 140, 0.6, pot="brick")
    c.rect(880, GROUND - 200, 1130, GROUND - 160, "cream")
    awning(c, 870, 1140, GROUND - 230, ("blue", "cream"))
    c.rect(880, GROUND - 160, 1130, GROUND - 80, "wood", radius=4)
    for i, colour in enumerate(("teal", "orange", "purple", "yellow")):
        bag(c, 900 + i * 58, GROUND - 150, 44, 56, (colour, "cream", colour, "cream"))
    person(c, 1010, 180, "purple", skin="skin-1", hair="hair-2", long_hair=True, arms="down")


def scene_news_launch(c):
    """News, the launch: a poster on a wall, a megaphone announcing the call."""
    backdrop(c, sky="sky")
    c.rect(100, GROUND - 340, 620, GROUND - 40, "brick")
    poster(c, 170, GROUND - 310, 390, GROUND - 60, colour="blue", percent=0.15)
    poster(c, 410, GROUND - 310, 580, GROUND - 110, colour="green", accent="yellow", percent=0.4)
    person(c, 800, 250, "teal", skin="skin-2", hair="hair-3", long_hair=True, arms="forward")
    megaphone(c, 870, GROUND - 200)
    person(c, 1150, 200, "orange", skin="skin-1", hair="hair-1", arms="down")


def scene_news_laureates(c):
    """News, the laureates chosen: ten stars above a group of makers, applause."""
    backdrop(c, sky="sky-warm")
    for i in range(10):
        star(c, 150 + i * 100, 120 + (i % 2) * 40, 26, "yellow" if i % 3 else "orange")
    shirts = ["green", "orange", "blue", "purple", "teal", "red", "yellow"]
    skins = ["skin-1", "skin-2", "skin-3"]
    hairs = ["hair-1", "hair-2", "hair-3"]
    for i in range(7):
        person(
            c,
            200 + i * 135,
            220 + (i % 3) * 18,
            shirts[i],
            skin=skins[i % 3],
            hair=hairs[(i + 1) % 3],
            long_hair=i % 2 == 0,
            arms="up" if i % 2 else "down",
        )


def scene_news_collection(c):
    """News, the collection opens: a big phone with the donate button, hearts rising."""
    backdrop(c, sky="sky")
    c.rect(0, 0, WIDTH, 0, "sky")
    poster(c, 120, GROUND - 320, 380, GROUND - 20, colour="blue", percent=0.35)
    c.rect(240, GROUND - 20, 260, GROUND, "grey-dark")
    person(c, 560, 240, "orange", skin="skin-1", hair="hair-2", long_hair=True, arms="forward")
    phone(c, 650, GROUND - 330, percent=0.35)
    for i, (x, y, s) in enumerate(((820, 160, 30), (900, 100, 22), (980, 190, 36), (1060, 120, 26))):
        heart(c, x, y, s, "red" if i % 2 else "pink")
    person(c, 1080, 220, "green", skin="skin-3", hair="hair-3", arms="up")


def scene_news_results(c):
    """News, the results: a rising bar chart of the nine funded projects, confetti."""
    backdrop(c, sky="sky-green", hue="green")
    confetti(c, 60, 40, 1140, 260)
    heights = [150, 190, 170, 230, 210, 250, 200, 270, 240, 90]
    for i, h in enumerate(heights):
        x = 200 + i * 80
        c.rect(x, GROUND - h, x + 56, GROUND, "green" if i < 9 else "grey", radius=6)
        if i < 9:
            star(c, x + 28, GROUND - h - 24, 14, "yellow")
    person(c, 110, 220, "orange", skin="skin-2", hair="hair-1", arms="up")
    person(c, 1090, 230, "blue", skin="skin-1", hair="hair-2", long_hair=True, arms="up")


def scene_news_award(c):
    """News, the Cap'Com award: a trophy on a podium, confetti, applause."""
    backdrop(c, sky=(236, 230, 246), hue="blue")
    confetti(c, 60, 30, 1140, 220, count=30)
    c.rect(460, GROUND - 120, 740, GROUND, "blue", radius=6)
    c.rect(300, GROUND - 60, 460, GROUND, "blue-light", radius=6)
    c.rect(740, GROUND - 80, 900, GROUND, "blue-light", radius=6)
    trophy(c, 600, GROUND - 120, 1.2)
    person(c, 180, 230, "teal", skin="skin-3", hair="hair-3", arms="up")
    person(c, 1020, 240, "orange", skin="skin-1", hair="hair-1", long_hair=True, arms="up")


# Scene name -> (drawing, what it shows). The texts are marked for translation (English in the
# catalogue) and stored in French as the image's description, i.e. its alternative text.
SCENES = {
    "accueil": (
        scene_home,
        gettext_noop(
            "Illustration : une fête de quartier devant des maisons flamandes, avec l'affiche de l'appel "
            "à projets, un vélo cargo chargé de plantes et un stand de sacs cousus main."
        ),
    ),
    "les-palettes-retrouvees": (
        scene_pallets,
        gettext_noop(
            "Illustration : une pile de palettes dans une cour d'atelier, un banc fabriqué en bois de palette "
            "avec ses coussins et deux makers qui portent une planche."
        ),
    ),
    "le-triporteur-de-la-reparation": (
        scene_repair_cargo_bike,
        gettext_noop(
            "Illustration : un vélo cargo dont la caisse s'ouvre en établi de réparation, installé près d'un "
            "étal de marché, avec un grille-pain et des outils posés dessus."
        ),
    ),
    "chutes-de-fil": (
        scene_offcut_threads,
        gettext_noop(
            "Illustration : un atelier de couture aux grandes fenêtres, deux machines à coudre sur une table "
            "et des sacs en patchwork de chutes de tissu suspendus à un portant."
        ),
    ),
    "piece-par-piece": (
        scene_piece_by_piece,
        gettext_noop(
            "Illustration : un fablab avec deux imprimantes 3D qui impriment des pièces détachées, un mur "
            "d'outils et une maker qui montre un bouton de lave-linge."
        ),
    ),
    "compost-a-velo": (
        scene_compost,
        gettext_noop(
            "Illustration : des composteurs en bois dans un jardin partagé et un vélo tirant une remorque "
            "chargée de seaux de biodéchets."
        ),
    ),
    "deuxieme-tour": (
        scene_second_spin,
        gettext_noop(
            "Illustration : un vélo sur un pied d'atelier, un mécanicien au travail et trois vélos "
            "reconditionnés alignés avec leur étiquette de prix."
        ),
    ),
    "marc-et-matiere": (
        scene_grounds_and_matter,
        gettext_noop(
            "Illustration : un atelier où sèche du marc de café, une presse sur l'établi et des étagères "
            "de pots bruns moulés en marc de café."
        ),
    ),
    "l-outiltheque-de-wattrelos": (
        scene_tool_library,
        gettext_noop(
            "Illustration : un mur d'outils à emprunter (perceuses, scie, marteaux, clés), un comptoir de "
            "prêt et une habitante qui repart avec une perceuse."
        ),
    ),
    "la-materiautheque-d-armentieres": (
        scene_materials_bank,
        gettext_noop(
            "Illustration : un entrepôt où sont rangés des portes anciennes, des fenêtres, des carrelages et "
            "des planches de réemploi, à côté d'un utilitaire."
        ),
    ),
    "plastique-en-boucle": (
        scene_plastic_loop,
        gettext_noop(
            "Illustration : un broyeur à plastique alimenté en bouchons colorés, une caisse de bouchons et "
            "des règles moulées, devant deux élèves."
        ),
    ),
    "atelier-velo-du-quartier": (
        scene_bike_workshop,
        gettext_noop(
            "Illustration : la vitrine d'un atelier vélo de quartier, des roues au mur, un vélo sur un pied "
            "d'atelier et une habitante qui arrive avec son vélo."
        ),
    ),
    "vaisselle-consignee": (
        scene_deposit_tableware,
        gettext_noop(
            "Illustration : le comptoir d'un restaurant de quartier sous un store rayé, avec des piles de "
            "boîtes repas consignées et une caisse de retour."
        ),
    ),
    "lampes-en-verre-recycle": (
        scene_glass_lamps,
        gettext_noop(
            "Illustration : des suspensions en verre de bouteille vert et ambré allumées au-dessus d'un "
            "établi où attendent des bouteilles collectées."
        ),
    ),
    "lancement-mel-makers-2018": (
        scene_news_launch,
        gettext_noop(
            "Illustration : les affiches de l'appel à projets collées sur un mur de briques et une habitante "
            "qui l'annonce au mégaphone."
        ),
    ),
    "dix-laureats-choisis": (
        scene_news_laureates,
        gettext_noop("Illustration : un groupe de makers qui se réjouissent sous dix étoiles."),
    ),
    "la-collecte-est-ouverte": (
        scene_news_collection,
        gettext_noop(
            "Illustration : une affiche de la collecte et un grand téléphone montrant la barre de progression "
            "et le bouton de don, d'où s'envolent des cœurs."
        ),
    ),
    "neuf-projets-sur-dix-finances": (
        scene_news_results,
        gettext_noop(
            "Illustration : un histogramme de dix barres, dont neuf vertes couronnées d'une étoile, sous des confettis."
        ),
    ),
    "prix-capcom-2018": (
        scene_news_award,
        gettext_noop("Illustration : un trophée doré sur un podium bleu, sous des confettis et des applaudissements."),
    ),
}


# What a page without a scene of its own shows.
DEFAULT_SCENE = "accueil"


def describe(scene, language=None):
    """What the scene shows: in French (the image's description), or translated in ``language``."""
    text = SCENES.get(scene, SCENES[DEFAULT_SCENE])[1]
    if language is None:
        return text
    with translation.override(language):
        return translation.gettext(text)


def render(scene, size=(WIDTH, HEIGHT)):
    """The scene as PNG bytes: a palette image, a few tens of kilobytes."""
    drawing, _text = SCENES.get(scene, SCENES[DEFAULT_SCENE])
    canvas = Canvas("sky", size)
    drawing(canvas)
    picture = canvas.result().quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- wordmarks -------------------------------------------------------------------

FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def _font(size, bold=False):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(f"{FONT_DIR}/DejaVuSans{'-Bold' if bold else ''}.ttf", size)
    except OSError:
        # Pillow's own scalable font: the logo still draws (and keeps its accents) without system fonts.
        return ImageFont.load_default(size=size)


def _symbol(c, kind, x, y, s, colour, initials):
    """A partner's mark in the ``s`` × ``s`` square at (x, y)."""
    if kind == "gear":
        gear(c, x + s / 2, y + s / 2, s * 0.34, colour, teeth=9)
        c.circle(x + s / 2, y + s / 2, s * 0.14, "white")
    elif kind == "heart":
        c.circle(x + s / 2, y + s / 2, s / 2, colour)
        heart(c, x + s / 2, y + s / 2 + s * 0.04, s * 0.3, "white")
    elif kind == "columns":
        c.poly([(x + s * 0.08, y + s * 0.34), (x + s / 2, y + s * 0.06), (x + s * 0.92, y + s * 0.34)], colour)
        for i in range(4):
            cx = x + s * (0.18 + i * 0.215)
            c.rect(cx, y + s * 0.4, cx + s * 0.12, y + s * 0.82, colour)
        c.rect(x + s * 0.06, y + s * 0.86, x + s * 0.94, y + s * 0.96, colour)
    elif kind == "bars":
        for i, h in enumerate((0.35, 0.6, 0.9)):
            c.rect(
                x + s * (0.08 + i * 0.31),
                y + s * (0.95 - h),
                x + s * (0.3 + i * 0.31),
                y + s * 0.95,
                colour,
                radius=s * 0.04,
            )
    elif kind == "blocks":
        for i, j in ((0, 1), (1, 1), (0.5, 0), (1.5, 0.0)):
            if (i, j) == (1.5, 0.0):
                continue
            c.rect(
                x + s * (0.06 + i * 0.44),
                y + s * (0.08 + j * 0.46),
                x + s * (0.46 + i * 0.44),
                y + s * (0.5 + j * 0.46),
                colour,
                radius=s * 0.06,
            )
    elif kind == "arch":
        c.rect(x + s * 0.05, y + s * 0.1, x + s * 0.95, y + s * 0.95, colour, radius=s * 0.06)
        c.rect(x + s * 0.3, y + s * 0.5, x + s * 0.7, y + s * 0.95, "white")
        c.circle(x + s / 2, y + s * 0.5, s * 0.2, "white")
        for i in range(3):
            c.rect(x + s * 0.05, y + s * (0.25 + i * 0.12), x + s * 0.95, y + s * (0.27 + i * 0.12), "white")
    elif kind == "shield":
        c.poly(
            [
                (x + s * 0.12, y + s * 0.06),
                (x + s * 0.88, y + s * 0.06),
                (x + s * 0.88, y + s * 0.5),
                (x + s / 2, y + s * 0.96),
                (x + s * 0.12, y + s * 0.5),
            ],
            colour,
        )
        star(c, x + s / 2, y + s * 0.42, s * 0.2, "white")
    elif kind == "hexagon":
        c.poly(
            [
                (
                    x + s / 2 + math.cos(math.radians(60 * i + 30)) * s / 2,
                    y + s / 2 + math.sin(math.radians(60 * i + 30)) * s / 2,
                )
                for i in range(6)
            ],
            colour,
        )
        wrench(c, x + s * 0.45, y + s * 0.32, s * 0.45, "white")
    else:  # "letters": initials on a rounded square
        c.rect(x, y, x + s, y + s, colour, radius=s * 0.2)
        font = _font(round(s * (0.56 if len(initials) < 3 else 0.4) * c.scale), bold=True)
        c.draw.text(((x + s / 2) * c.scale, (y + s / 2) * c.scale), initials, font=font, fill="white", anchor="mm")


def _split(name, font_for, width, lines=None):
    """(lines, size): the given ``lines`` at the largest size where they fit; else the name on one
    line at the largest size where it fits, or on the two lines whose longer one is shortest."""
    words = name.split()
    splits = [lines] if lines else [[" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words))]
    for size in range(60, 26, -2):
        font = font_for(size)
        if not lines and font.getlength(name) <= width:
            return [name], size
        fitting = [lines for lines in splits if max(font.getlength(line) for line in lines) <= width]
        if fitting:
            return min(fitting, key=lambda lines: max(font.getlength(line) for line in lines)), size
    return [name], 26


def wordmark(name, colour, symbol="letters", lines=None):
    """A partner's logo: its mark and its full name (accents included), as PNG bytes; ``lines``
    may say where the name breaks (["Maker Faire", "Lille"]).

    The picture is cropped to what is drawn, so that templates scale it with no blank margin."""
    colour = C.get(colour, colour)
    canvas = Canvas("white", size=(760, 240), width=760)
    s = 150
    _symbol(canvas, symbol, 24, 45, s, colour, "".join(w[0] for w in name.split() if w[0].isupper())[:3])
    left, width = 24 + s + 28, 760 - (24 + s + 28) - 24
    scale = canvas.scale
    lines, size = _split(name, lambda size: _font(round(size * scale), bold=True), width * scale, lines)
    leading = size * 1.12
    top = 120 - leading * len(lines) / 2
    for number, line in enumerate(lines):
        font = _font(round(size * scale), bold=number == 0)
        fill = colour if number == 0 else C["grey-dark"]
        canvas.draw.text(
            (left * scale, (top + leading * (number + 0.5)) * scale), line, font=font, fill=fill, anchor="lm"
        )
    picture = canvas.result()
    # Crop to the drawing plus a margin.
    from PIL import ImageChops

    box = ImageChops.difference(picture, Image.new("RGB", picture.size, "white")).getbbox()
    if box:
        margin = 16
        box = (
            max(0, box[0] - margin),
            max(0, box[1] - margin),
            min(picture.width, box[2] + margin),
            min(picture.height, box[3] + margin),
        )
        picture = picture.crop(box)
    picture = picture.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
