from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.blocks import STREAM_BLOCKS_HOOK

from .admin_views import chosen_campaign_figures
from .blocks import stream_blocks
from .models import ProjectTheme

# The progress and results blocks, offered in every page body (see home.blocks).
hooks.register(STREAM_BLOCKS_HOOK, stream_blocks)


@hooks.register("register_admin_urls")
def register_laureate_admin_urls():
    return [
        path(
            "laureats/collecte-choisie/<id:pk>/",
            chosen_campaign_figures,
            name="campaigns_chosen_campaign_figures",
        )
    ]


class ProjectThemeViewSet(SnippetViewSet):
    model = ProjectTheme
    icon = "tag"
    menu_label = _("Thèmes de projet")
    add_to_settings_menu = False
    list_display = ["name", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(ProjectThemeViewSet)
