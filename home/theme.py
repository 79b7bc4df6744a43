"""The portal's colours, written once.

Every other place reads them from here: the site's stylesheet and the 500 page through the CSS
custom properties that ``{% theme_custom_properties %}`` (``home.templatetags.theme_tags``) prints
in ``base.html``, the embeds' inline CSS the same way, and the generated share images
(``campaigns.sharing.share_image``) through ``rgb()``. CSS reads a token as ``var(--color-<name>)``.

Contrasts (WCAG AA at least): text on bg 17:1, primary on bg 8.3:1, on-primary on primary 8.3:1,
on-primary-muted on primary 6.6:1, signal against primary 5.8:1, primary-dark on signal 8.7:1."""

import base64
import hashlib
import re

COLOURS = {
    "text": "#1a1a1a",
    "muted": "#4a4a4a",
    "bg": "#ffffff",
    "surface": "#f3f5f7",
    "primary": "#0b4f8a",
    "primary-dark": "#073659",
    "accent": "#1d6b3a",
    "border": "#8a8f98",
    "focus": "#b35900",
    # Text on primary and primary-dark backgrounds (buttons, footer, share images).
    "on-primary": "#ffffff",
    # Secondary text on primary (share images).
    "on-primary-muted": "#d6e6f5",
    # Focus ring on primary-dark (footer).
    "focus-on-dark": "#ffd08a",
    # The bar and the "goal reached" badge on primary (share images).
    "signal": "#ffd166",
    # A campaign that did not reach its goal.
    "danger": "#8a2a0b",
    # Matched words in search results.
    "highlight": "#fff3b0",
}


_NAME = re.compile(r"[a-z][a-z-]*")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def css_custom_properties():
    """The tokens as one CSS rule: ``:root{--color-text:#1a1a1a;…}``."""
    for name, value in COLOURS.items():
        if not (_NAME.fullmatch(name) and _HEX.fullmatch(value)):
            raise ValueError(f"Colour token {name!r}: {value!r} is not #rrggbb")
    return ":root{" + "".join(f"--color-{name}:{value};" for name, value in COLOURS.items()) + "}"


def css_custom_properties_source():
    """The CSP source that allows the <style> holding ``css_custom_properties()`` by its hash:
    the same on every answer, so cached pages carry no nonce that all their visitors would share."""
    digest = hashlib.sha256(css_custom_properties().encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def rgb(name):
    """A token as an (r, g, b) tuple, for Pillow: rgb("primary") is (11, 79, 138)."""
    value = COLOURS[name].lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
