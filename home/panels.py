"""Admin panels shared by every app."""

from django import forms

from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.panels import TitleFieldPanel as WagtailTitleFieldPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page


class StartingPageChooser(AdminPageChooser):
    """A page chooser that, while empty, opens at ``start_page_id`` (set per form); once a page
    is chosen, Wagtail opens it at that page's parent. Wagtail's script reads ``parentId`` only
    for a chosen page, so ours (static/js/admin/page-chooser-start.js) reads ``startParentId``."""

    start_page_id = None

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if self.start_page_id:
            opts["startParentId"] = self.start_page_id
        return opts

    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin/page-chooser-start.js"])


def editing_locale_id(request):
    """The language of the page being created or edited in the admin, from its URL, or None."""
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    page_id = kwargs.get("page_id") or kwargs.get("parent_page_id")
    if not page_id:
        return None
    return Page.objects.filter(pk=page_id).values_list("locale_id", flat=True).first()


def start_page_id(request, models):
    """Where the chooser should open: the closest page above every page of these types in the
    edited page's language (the partners index for partners, the home page for a mix)."""
    locale_id = editing_locale_id(request)
    if locale_id is None:
        return None
    cache = request.__dict__.setdefault("_chooser_start_pages", {})
    key = (locale_id, tuple(sorted(model._meta.label for model in models)))
    if key not in cache:
        pages = Page.objects.type(*models).filter(locale_id=locale_id)
        cache[key] = pages.first_common_ancestor().pk if pages.exists() else None
    return cache[key]


class LocalizedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to its page types that opens where the choice lives, in the
    edited page's language: Wagtail's own opens at the common ancestor of all those pages, which is
    the root of the tree once the site has two languages, and shows both languages' pages."""

    def target_models(self):
        if self.page_type:
            return StartingPageChooser(target_models=self.page_type).target_models
        return [self.model._meta.get_field(self.field_name).related_model]

    def get_form_options(self):
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = StartingPageChooser(
            target_models=self.target_models(), can_choose_root=self.can_choose_root
        )
        return opts

    class BoundPanel(PageChooserPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None and self.request is not None:
                widget = self.bound_field.field.widget
                if isinstance(widget, StartingPageChooser):
                    widget.start_page_id = start_page_id(self.request, self.panel.target_models())


class TitleFieldPanel(WagtailTitleFieldPanel):
    """Wagtail's title panel, without its slug sync when the form has no slug field (a partner's
    form has no Promotion tab): Wagtail still starts the sync with an empty target, and its
    script then fails with "The provided selector is empty" on every load."""

    class BoundPanel(WagtailTitleFieldPanel.BoundPanel):
        def get_attrs(self):
            attrs = super().get_attrs()
            if attrs.get("data-w-sync-target-value"):
                return attrs
            attrs.pop("data-w-sync-target-value", None)
            for name in ("data-controller", "data-action"):
                kept = [word for word in attrs.get(name, "").split() if "w-sync" not in word]
                if kept:
                    attrs[name] = " ".join(kept)
                else:
                    attrs.pop(name, None)
            return attrs
