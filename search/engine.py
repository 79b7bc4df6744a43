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


_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not the non-breaking ones: French typography stays


def query_terms(query):
    """What the visitor typed, as folded words of two letters or more."""
    return [term for term in re.split(r"\W+", _fold(query)) if len(term) > 1]


def _pattern(terms):
    return re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\w*") if terms else None


def matched_terms(text, terms):
    """The query terms that begin a word of ``text`` (accents and case ignored)."""
    folded = _fold(text)
    return {term for term in terms if re.search(r"\b" + re.escape(term), folded)}


def title_rank(title, terms):
    """0 when the title holds every word typed, 1 when it holds some, 2 when none."""
    found = matched_terms(title or "", terms)
    if terms and len(found) == len(set(terms)):
        return 0
    return 1 if found else 2


def rank_by_title(ids, titles, query):
    """``ids`` (best first from the search backend) with title matches first, keeping the
    backend's order within each group: a page named after the query is what people look for."""
    terms = query_terms(query)
    order = {pk: position for position, pk in enumerate(ids)}
    return sorted(ids, key=lambda pk: (title_rank(titles.get(pk, ""), terms), order[pk]))


def page_texts(page):
    """The distinct fields a result may quote, in reading order, as plain text, from the page's
    own ``search_texts()``. A field found whole inside another (a search description cut from the
    summary) is left out, so that no result quotes the same words twice. Tags typed into
    plain-text fields are dropped too: an excerpt never shows markup."""
    parts = page.search_texts() if isinstance(page, BasePage) else [page.search_description]
    texts = [_SPACES.sub(" ", strip_tags(part)).strip() for part in parts if part]
    texts = [text for text in texts if text]
    folded = [_fold(text).rstrip(" .…") for text in texts]
    kept = []
    for index, text in enumerate(texts):
        inside_another = any(
            other != index
            and folded[index] in folded[other]
            and (len(folded[other]) > len(folded[index]) or other < index)
            for other in range(len(texts))
        )
        if not inside_another:
            kept.append(text)
    return kept


def page_text(page):
    """Every field a result may quote, on one line."""
    return " ".join(page_texts(page))


def _window(text, match_start, match_end):
    """(start, end) of a passage of about EXCERPT_LENGTH characters around a match, starting and
    ending between words."""
    if len(text) <= EXCERPT_LENGTH:
        return 0, len(text)
    start = max(0, match_start - EXCERPT_LENGTH // 3)
    if start > 0:
        space = text.find(" ", start - 1, match_start)
        start = space + 1 if space != -1 else match_start
    end = min(len(text), max(start + EXCERPT_LENGTH, match_end))
    if end < len(text):
        space = text.rfind(" ", match_end, end + 1)
        end = space if space != -1 else match_end
    return start, end


def excerpt(page, query):
    """One passage from one field: the field that holds most of the words typed (the first such
    field when several do), around its first match, matched words in <mark>, escaped, never cut
    inside a word. When only the title matches, the start of the page's first field."""
    texts = page_texts(page)
    if not texts:
        return ""
    terms = query_terms(query)
    pattern = _pattern(terms)
    best, best_count = texts[0], 0
    for text in texts:
        count = len(matched_terms(text, terms))
        if count > best_count:
            best, best_count = text, count
    text, folded = best, _fold(best)
    first = pattern.search(folded) if pattern and best_count else None
    start, end = _window(text, first.start(), first.end()) if first else _window(text, 0, 0)
    window, folded_window = text[start:end], folded[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(folded_window) if first else []:
        pieces.append(escape(window[position : match.start()]))
        pieces.append(f"<mark>{escape(window[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)
