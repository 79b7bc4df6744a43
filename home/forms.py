"""The admin form every page type uses."""

from wagtail.admin.forms import WagtailAdminPageForm

from .references import references_of, refused_references


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

    def is_valid(self):
        """Valid only if every reference the edit adds is one its user may choose (see
        home.references): ids posted by hand cannot bring in another collection's image or a
        draft page."""
        user = getattr(self, "for_user", None)
        if user is None or not self.is_bound:
            return super().is_valid()
        if not hasattr(self, "_references_before"):
            # Before validation fills the instance in with the posted values.
            self._references_before = references_of(self.instance, self._saved_children())
        valid = super().is_valid()
        if not valid:
            return False
        references = references_of(self.instance, self._posted_children())
        refused = refused_references(user, references, self._references_before)
        for field_name, messages in refused.items():
            if field_name in self.fields:
                self.add_error(field_name, messages)
                # Shown again as it was: the chooser would echo the refused object's title.
                self.fields[field_name].disabled = True
            else:
                self.add_error(None, messages)
        return not refused

    def _saved_children(self):
        return [form.instance for formset in self.formsets.values() for form in formset.initial_forms]

    def _posted_children(self):
        return [
            form.instance
            for formset in self.formsets.values()
            for form in formset.forms
            if form.has_changed() and not (formset.can_delete and formset._should_delete_form(form))
        ]
