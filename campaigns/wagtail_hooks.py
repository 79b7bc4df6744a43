from django.urls import path

from wagtail import hooks

from home.blocks import STREAM_BLOCKS_HOOK

from .admin_views import chosen_campaign_figures
from .blocks import stream_blocks

# The progress and results blocks, offered in every page body (see home.blocks).
hooks.register(STREAM_BLOCKS_HOOK, stream_blocks)


@hooks.register("register_admin_urls")
def register_laureate_admin_urls():
    return [
        path(
            "laureats/collecte-choisie/<int:pk>/",
            chosen_campaign_figures,
            name="campaigns_chosen_campaign_figures",
        )
    ]
