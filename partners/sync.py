"""Language-independent fields stay the same in every translation of a partner profile.

When one language of a profile is published, its synchronised fields (logo, website, social
links…: ``SYNCHRONISED_FIELDS``) are copied to the other translations: to their live row,
so that the public page shows them at once, and to their latest revision when they have
unpublished changes, so that publishing that draft later does not bring the old values back.
Their texts are left alone, and no revision is created (so "last changed" dates keep
meaning "the text changed").
"""

from django.db import transaction

from wagtail.models import Revision

from .models import SYNCHRONISED_FIELDS, PartnerPage


def synchronised_values(page):
    """{field attribute name: value} and the same values as a revision stores them."""
    serialised = page.serializable_data()
    values, stored = {}, {}
    for name in SYNCHRONISED_FIELDS:
        field = PartnerPage._meta.get_field(name)
        values[field.attname] = getattr(page, field.attname)
        stored[name] = serialised.get(name)
    return values, stored


@transaction.atomic
def synchronise_translations(page):
    """Copy ``page``'s synchronised fields to its other translations; returns the pages changed."""
    values, stored = synchronised_values(page)
    changed = []
    translations = PartnerPage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    for translation in translations.select_for_update():
        if any(getattr(translation, name) != value for name, value in values.items()):
            PartnerPage.objects.filter(pk=translation.pk).update(**values)
            changed.append(translation)
        if translation.has_unpublished_changes and translation.latest_revision_id:
            revision = Revision.objects.select_for_update().get(pk=translation.latest_revision_id)
            if any(revision.content.get(name) != value for name, value in stored.items()):
                revision.content.update(stored)
                revision.save(update_fields=["content"])
                if translation not in changed:
                    changed.append(translation)
    if changed:
        # The search index and the page listings read the row: index the new values.
        from wagtail.search import index

        for translation in changed:
            index.insert_or_update_object(PartnerPage.objects.get(pk=translation.pk))
    return changed


def on_page_published(sender, instance, **kwargs):
    synchronise_translations(instance)


def connect():
    from wagtail.signals import page_published

    page_published.connect(on_page_published, sender=PartnerPage, dispatch_uid="partners_synchronise_translations")
