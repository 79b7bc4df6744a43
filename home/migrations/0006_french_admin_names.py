"""French names for what Wagtail's own migrations create in English and the admin shows to
officers: the default workflow and its task ("Soumettre à Moderators approval"), the root of the
page tree and of the collections ("Root" in the explorer and the choosers), and the two default
groups. Only the untouched English names are renamed; a name someone changed is left alone."""

from django.db import migrations

WORKFLOW = ("Moderators approval", "Relecture avant publication")
TASK = ("Moderators approval", "Relecture par la communication")
ROOT = ("Root", "Racine")
GROUPS = [("Moderators", "Modérateurs"), ("Editors", "Éditeurs")]


def _rename(apps, forwards):
    pick = (lambda pair: pair) if forwards else (lambda pair: pair[::-1])
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    old, new = pick(WORKFLOW)
    Workflow.objects.filter(name=old).update(name=new)
    old, new = pick(TASK)
    Task.objects.filter(name=old).update(name=new)
    old, new = pick(ROOT)
    Page.objects.filter(depth=1, title=old).update(title=new)
    Page.objects.filter(depth=1, draft_title=old).update(draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)
    for pair in GROUPS:
        old, new = pick(pair)
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, forwards=True)


def backwards(apps, schema_editor):
    _rename(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_help_texts"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
