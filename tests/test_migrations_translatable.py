"""Phases, key figures and laureate tags of a database made before they became translatable: every
row gets its page's locale and the translation key shared with the same row of the page's other
translations; every tag becomes a theme, in the language of the page first written."""

import uuid

import pytest

from tests.helpers import migrate_to, migrate_to_latest

BEFORE = [("campaigns", "0006_move_funding_and_sharing_models")]


def _page(apps, model_name, path, locale, translation_key, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label="campaigns", model=model_name.lower())
    return apps.get_model("campaigns", model_name).objects.create(
        path=path,
        depth=len(path) // 4,
        numchild=0,
        title=fields.pop("title"),
        draft_title="",
        slug=fields.pop("slug"),
        url_path="",
        content_type=content_type,
        locale=locale,
        translation_key=translation_key,
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_existing_phases_figures_and_tags_become_translatable():
    old = migrate_to(BEFORE)
    Locale = old.get_model("wagtailcore", "Locale")
    french, _created = Locale.objects.get_or_create(language_code="fr")
    english, _created = Locale.objects.get_or_create(language_code="en")
    call_key, laureate_key = uuid.uuid4(), uuid.uuid4()
    call_fields = {"edition_year": 2018, "summary": "Résumé"}
    call_fr = _page(old, "CallPage", "9001", french, call_key, title="Appel", slug="appel", **call_fields)
    call_en = _page(old, "CallPage", "9002", english, call_key, title="Call", slug="call", **call_fields)
    Phase = old.get_model("campaigns", "CallPhase")
    Figure = old.get_model("campaigns", "CallKeyFigure")
    for call, texts in ((call_fr, ["Candidatures", "Collecte"]), (call_en, ["Applications", "Donations"])):
        for position, text in enumerate(texts):
            Phase.objects.create(
                page=call,
                kind="applications",
                start_date="2018-02-01",
                end_date="2018-03-31",
                description=text,
                sort_order=position,
            )
    Figure.objects.create(page=call_fr, value="100 000", label="vues", sort_order=0)
    Figure.objects.create(page=call_en, value="100,000", label="views", sort_order=0)
    Figure.objects.create(page=call_en, value="1", label="English only", sort_order=1)
    laureate_fields = {"makers": "Camille", "pitch": "Pitch"}
    laureate_fr = _page(old, "LaureatePage", "90010001", french, laureate_key, title="L", slug="l", **laureate_fields)
    laureate_en = _page(old, "LaureatePage", "90020001", english, laureate_key, title="L", slug="l", **laureate_fields)
    Tag = old.get_model("taggit", "Tag")
    LaureateTag = old.get_model("campaigns", "LaureateTag")
    reuse = Tag.objects.create(name="réemploi", slug="reemploi")
    glass = Tag.objects.create(name="verre", slug="verre")
    for laureate in (laureate_fr, laureate_en):
        LaureateTag.objects.create(content_object=laureate, tag=reuse)
        LaureateTag.objects.create(content_object=laureate, tag=glass)

    migrate_to_latest()

    from campaigns.models import CallKeyFigure, CallPhase, LaureatePage, LaureateTheme, ProjectTheme

    phases_fr = list(CallPhase.objects.filter(page_id=call_fr.pk).order_by("sort_order"))
    phases_en = list(CallPhase.objects.filter(page_id=call_en.pk).order_by("sort_order"))
    assert [phase.locale.language_code for phase in phases_fr + phases_en] == ["fr", "fr", "en", "en"]
    assert [phase.translation_key for phase in phases_fr] == [phase.translation_key for phase in phases_en]
    assert phases_fr[0].translation_key != phases_fr[1].translation_key
    assert [phase.description for phase in phases_en] == ["Applications", "Donations"]
    figures_en = list(CallKeyFigure.objects.filter(page_id=call_en.pk).order_by("sort_order"))
    figure_fr = CallKeyFigure.objects.get(page_id=call_fr.pk)
    assert figures_en[0].translation_key == figure_fr.translation_key
    assert figures_en[1].translation_key not in (figure_fr.translation_key, figures_en[0].translation_key)

    themes = ProjectTheme.objects.order_by("name")
    assert [(theme.name, theme.locale.language_code) for theme in themes] == [("réemploi", "fr"), ("verre", "fr")]
    for laureate_pk, code in ((laureate_fr.pk, "fr"), (laureate_en.pk, "en")):
        rows = LaureateTheme.objects.filter(laureate_id=laureate_pk).order_by("sort_order")
        assert [(row.theme.name, row.locale.language_code) for row in rows] == [("réemploi", code), ("verre", code)]
    fr_keys = list(LaureateTheme.objects.filter(laureate_id=laureate_fr.pk).values_list("translation_key", flat=True))
    en_keys = list(LaureateTheme.objects.filter(laureate_id=laureate_en.pk).values_list("translation_key", flat=True))
    assert sorted(fr_keys) == sorted(en_keys)
    assert not hasattr(LaureatePage, "tags")
