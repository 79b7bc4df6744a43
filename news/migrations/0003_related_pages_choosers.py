"""Related pages of a news item: from three raw multi-selects (calls, laureates, partners) to
one ordered list chosen with Wagtail's page chooser. Existing links move over, calls first, then
laureates, then partners (the order the page showed them in), both in the tables and in the
saved revisions, so that publishing an older draft keeps its links."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

OLD_FIELDS = ["related_calls", "related_laureates", "related_partners"]


def _revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="news", model="newspage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def forwards(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    NewsRelatedPage = apps.get_model("news", "NewsRelatedPage")
    rows = []
    for news in NewsPage.objects.all():
        page_ids = []
        for name in OLD_FIELDS:
            page_ids += [page.pk for page in getattr(news, name).order_by("pk")]
        for position, page_id in enumerate(dict.fromkeys(page_ids)):
            rows.append(NewsRelatedPage(news_id=news.pk, page_id=page_id, sort_order=position))
    NewsRelatedPage.objects.bulk_create(rows)
    for revision in _revisions(apps, schema_editor):
        content = revision.content
        if not any(name in content for name in OLD_FIELDS):
            continue
        page_ids = []
        for name in OLD_FIELDS:
            page_ids += list(content.pop(name, None) or [])
        content["related_pages"] = [
            {"pk": None, "news": int(revision.object_id), "page": page_id, "sort_order": position}
            for position, page_id in enumerate(dict.fromkeys(page_ids))
        ]
        revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    NewsRelatedPage = apps.get_model("news", "NewsRelatedPage")
    NewsPage = apps.get_model("news", "NewsPage")
    CallPage = apps.get_model("campaigns", "CallPage")
    LaureatePage = apps.get_model("campaigns", "LaureatePage")
    PartnerPage = apps.get_model("partners", "PartnerPage")
    targets = [("related_calls", CallPage), ("related_laureates", LaureatePage), ("related_partners", PartnerPage)]
    for news in NewsPage.objects.all():
        page_ids = list(
            NewsRelatedPage.objects.filter(news_id=news.pk).order_by("sort_order").values_list("page_id", flat=True)
        )
        for name, model in targets:
            getattr(news, name).set(model.objects.filter(pk__in=page_ids))
    for revision in _revisions(apps, schema_editor):
        content = revision.content
        if "related_pages" not in content:
            continue
        page_ids = [row["page"] for row in content.pop("related_pages") or []]
        for name, model in targets:
            content[name] = list(model.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ('news', '0002_help_texts'),
        ('campaigns', '0010_require_translatable_phases_figures_drop_tags'),
        ('partners', '0003_help_texts'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsRelatedPage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('news', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_pages', to='news.newspage')),
                ('page', models.ForeignKey(help_text="Un appel à projets, un lauréat ou un partenaire, choisi dans l'arborescence de sa langue.", on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page', verbose_name='page liée')),
            ],
            options={
                'verbose_name': 'contenu lié',
                'verbose_name_plural': 'contenus liés',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name='newspage',
            name='related_calls',
        ),
        migrations.RemoveField(
            model_name='newspage',
            name='related_laureates',
        ),
        migrations.RemoveField(
            model_name='newspage',
            name='related_partners',
        ),
    ]
