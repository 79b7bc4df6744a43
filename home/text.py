"""Plain text out of stored rich text, for summaries, meta descriptions and search excerpts."""

import html
import re

from django.utils.html import strip_tags

_BREAKS = re.compile(r"<br\s*/?>|</(?:p|h[1-6]|li|blockquote|div)>", re.IGNORECASE)


def plain_text(value):
    """Rich text as plain text on one line: tags and entities gone, paragraphs kept apart
    ("<p>A &amp; B</p><p>C</p>" gives "A & B C")."""
    return " ".join(html.unescape(strip_tags(_BREAKS.sub(" ", str(value or "")))).split())
