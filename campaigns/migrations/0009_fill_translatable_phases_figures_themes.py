"""Step 2 of 3: every phase and key figure gets its page's locale and a translation key shared
with the row at the same place in the page's other translations; every laureate tag becomes a
theme (in the locale of the page first written, French in practice) and a row per page."""

import uuid

from django.conf import settings
from django.db import migrations


def _groups(pages):
    """Pages by translation key, the source first: the default language's page, else the oldest."""
    groups = {}
    for page in pages.order_by("pk"):
        groups.setdefault(page.translation_key, []).append(page)
    default_code = settings.LANGUAGE_CODE
    for members in groups.values():
        members.sort(key=lambda page: (page.locale.language_code != default_code, page.pk))
    return groups.values()


def fill_child_rows(apps, model_name, parent_model_name):
    model = apps.get_model("campaigns", model_name)
    parents = apps.get_model("campaigns", parent_model_name).objects.select_related("locale")
    for members in _groups(parents):
        keys = []
        for page in members:
            rows = list(model.objects.filter(page_id=page.pk).order_by("sort_order", "pk"))
            for position, row in enumerate(rows):
                if position == len(keys):
                    keys.append(uuid.uuid4())
                row.translation_key = keys[position]
                row.locale_id = page.locale_id
                row.save(update_fields=["translation_key", "locale"])


def tags_to_themes(apps):
    LaureatePage = apps.get_model("campaigns", "LaureatePage")
    LaureateTag = apps.get_model("campaigns", "LaureateTag")
    LaureateTheme = apps.get_model("campaigns", "LaureateTheme")
    ProjectTheme = apps.get_model("campaigns", "ProjectTheme")
    themes = {}  # (locale id, tag id) -> theme
    for members in _groups(LaureatePage.objects.select_related("locale")):
        source_locale_id = members[0].locale_id
        keys = {}  # tag id -> the rows' shared translation key
        for page in members:
            tagged = LaureateTag.objects.filter(content_object_id=page.pk).select_related("tag").order_by("pk")
            for position, item in enumerate(tagged):
                theme = themes.get((source_locale_id, item.tag_id))
                if theme is None:
                    theme = ProjectTheme.objects.filter(locale_id=source_locale_id, name=item.tag.name).first()
                    if theme is None:
                        theme = ProjectTheme.objects.create(locale_id=source_locale_id, name=item.tag.name[:100])
                    themes[(source_locale_id, item.tag_id)] = theme
                LaureateTheme.objects.create(
                    laureate_id=page.pk,
                    theme=theme,
                    locale_id=page.locale_id,
                    translation_key=keys.setdefault(item.tag_id, uuid.uuid4()),
                    sort_order=position,
                )


def forwards(apps, schema_editor):
    fill_child_rows(apps, "CallPhase", "CallPage")
    fill_child_rows(apps, "CallKeyFigure", "CallPage")
    tags_to_themes(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_translatable_phases_figures_themes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
