"""The admin form every page type uses."""

from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    """The slug may be left empty: the page then takes one made from its title, unique among its
    siblings (Wagtail's ``Page.full_clean`` makes it once the page has its place in the tree).

    The title's panel (``TitleFieldPanel``) already fills the slug as one types; this is for
    when it could not (a title pasted without a key press, JavaScript off), so that "Publier"
    never stops on an error in the hidden "Promotion" tab."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and not self.instance.pk:
            # Only when creating: emptying an existing page's slug must not change its address.
            self.fields["slug"].required = False
