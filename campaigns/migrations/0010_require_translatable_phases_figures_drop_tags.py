"""Step 3 of 3: phases and key figures require their locale and translation key (unique
together, as wagtail-localize expects); the laureate tags, now themes, go."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0009_fill_translatable_phases_figures_themes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="callphase",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="callphase",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="callkeyfigure",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="callkeyfigure",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name="callphase", unique_together={("translation_key", "locale")}),
        migrations.AlterUniqueTogether(name="callkeyfigure", unique_together={("translation_key", "locale")}),
        migrations.RemoveField(model_name="laureatepage", name="tags"),
        migrations.DeleteModel(name="LaureateTag"),
    ]
