"""Finding pages for what people type, in French: full-text search (stemmed, accent-free on
PostgreSQL) combined with prefix matching, so that "maker" also finds "makers"."""

import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.search.backends import get_search_backend

from home.models import BasePage

MAX_QUERY_LENGTH = 200
MAX_HITS = 300  # nobody reads past this; it keeps every search bounded
EXCERPT_LENGTH = 220


def clean_query(raw):
    """Whitespace collapsed, control characters dropped, at most MAX_QUERY_LENGTH characters.

    Returns (query, truncated)."""
    text = "".join(char for char in (raw or "") if unicodedata.category(char)[0] != "C")
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


def backend_query(query):
    """Words only: quotes, brackets and operators mean syntax to full-text engines (SQLite's
    FTS5 fails on a lone quote), never something a visitor meant."""
    return " ".join(re.sub(r"[^\w'-]+", " ", query).replace("'", " ").split())


def find_page_ids(query, queryset):
    """Page ids, best first: all-words full-text matches, then prefix matches, then any-word matches."""
    query = backend_query(query)
    if not query:
        return []
    backend = get_search_backend()
    searches = [
        lambda: backend.search(query, queryset, operator="and"),
        lambda: backend.autocomplete(query, queryset),
        lambda: backend.search(query, queryset, operator="or"),
    ]
    ids = []
    for run in searches:
        try:
            results = list(run()[:MAX_HITS])
        except NotImplementedError:  # a backend without prefix search
            continue
        for page in results:
            if page.pk not in ids:
                ids.append(page.pk)
        if len(ids) >= MAX_HITS:
            break
    return ids[:MAX_HITS]


def _fold(text):
    """Lower case without accents, one character for one character (positions are kept)."""
    return "".join((unicodedata.normalize("NFKD", char)[:1] or char).lower() for char in text)


def page_text(page):
    """The words a result may quote, from the page's own ``search_texts()``. Tags typed into
    plain-text fields are dropped too: an excerpt never shows markup."""
    parts = page.search_texts() if isinstance(page, BasePage) else [page.search_description]
    return " ".join(" ".join(strip_tags(part).split()) for part in parts if part)


def excerpt(page, query):
    """A short passage around the first match, matched words in <mark>, escaped."""
    text = page_text(page)
    if not text:
        return ""
    terms = [term for term in re.split(r"\W+", _fold(query)) if len(term) > 1]
    folded = _fold(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\w*") if terms else None
    first = pattern.search(folded) if pattern else None
    start = max(0, (first.start() if first else 0) - EXCERPT_LENGTH // 3)
    end = min(len(text), start + EXCERPT_LENGTH)
    window, folded_window = text[start:end], folded[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(folded_window) if pattern else []:
        pieces.append(escape(window[position : match.start()]))
        pieces.append(f"<mark>{escape(window[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)
