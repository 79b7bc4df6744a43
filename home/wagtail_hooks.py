from wagtail import hooks

from home import layout, page_cache


@hooks.register("before_serve_page")
def keep_public_pages(page, request, serve_args, serve_kwargs):
    """A page without view restriction may go to the page cache (home.page_cache)."""
    if layout.is_public(page):
        page_cache.mark_cacheable(request)
