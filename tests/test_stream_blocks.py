"""Page bodies: home's shared blocks plus the blocks higher apps contribute through a hook
(campaigns' progress and results), offered in every body without ``home`` importing campaigns."""

import json

from wagtail import blocks, hooks

import pytest
from bs4 import BeautifulSoup

from campaigns.blocks import FundingProgressBlock, ProgrammeResultsBlock
from campaigns.models import CallPage, LaureatePage
from home.blocks import STREAM_BLOCKS_HOOK, BaseStreamBlock
from home.models import ContentPage, HomePage
from news.models import NewsPage
from partners.models import PartnerPage
from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory

BODIES = [
    (HomePage, "body"),
    (ContentPage, "body"),
    (CallPage, "body"),
    (LaureatePage, "story"),
    (PartnerPage, "body"),
    (NewsPage, "body"),
]
SHARED = ["heading", "paragraph", "quote", "image", "figure", "video", "key_figures", "call_to_action"]


@pytest.mark.parametrize(("model", "field"), BODIES, ids=lambda value: getattr(value, "__name__", value))
def test_every_body_offers_the_shared_then_the_campaign_blocks(model, field):
    children = model._meta.get_field(field).stream_block.child_blocks
    # The order is part of the migrations' serialised fields: the campaign blocks come last.
    assert list(children) == [*SHARED, "funding_progress", "programme_results"]
    assert isinstance(children["funding_progress"], FundingProgressBlock)
    assert isinstance(children["programme_results"], ProgrammeResultsBlock)


def test_apps_contribute_blocks_through_the_hook():
    extra = blocks.CharBlock(label="Test")
    with hooks.register_temporarily(STREAM_BLOCKS_HOOK, lambda: [("extra", extra)]):
        children = BaseStreamBlock().child_blocks
    assert list(children)[-1] == "extra"
    assert "funding_progress" in children
    assert "extra" not in BaseStreamBlock().child_blocks


def block_picker(html, field):
    """{name: label} of the blocks the editor's "+" menu offers in ``field`` (from the telepath
    definition the edit form hands to Wagtail's JavaScript)."""
    element = BeautifulSoup(html, "html.parser").select_one(f'[data-contentpath="{field}"] [data-w-block-data-value]')
    definition = json.loads(element["data-w-block-data-value"])
    assert definition["_type"] == "wagtail.blocks.StreamBlock"
    _name, groups, *_rest = definition["_args"]
    return {child["_args"][0]: child["_args"][-1].get("label") for _group, children in groups for child in children}


@pytest.mark.django_db
def test_the_editors_block_picker_offers_the_campaign_blocks(client, partner_tree, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "pw"))
    content = ContentPageFactory(parent=partner_tree["home"])
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=partner_tree["home"]))
    pages = [partner_tree["home"], content, partner_tree["call"], partner_tree["laureate"], partner_tree["a"], news]
    fields = dict(BODIES)
    for page in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
        picker = block_picker(response.content.decode(), fields[type(page)])
        assert set(picker) == {*SHARED, "funding_progress", "programme_results"}, type(page)
        assert picker["funding_progress"] == "Progression d'une collecte"
        assert picker["programme_results"] == "Résultats du programme"
