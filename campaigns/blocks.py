"""The campaigns' StreamField blocks: a laureate's donation progress and a call's results.

They are offered in every page body (home, content, call, laureate, partner and news pages):
``campaigns.wagtail_hooks`` contributes them to ``home.blocks.BaseStreamBlock`` through
``home.blocks.STREAM_BLOCKS_HOOK``, so ``home`` and ``partners`` never import this app.
Their templates use the campaigns template tags."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class FundingProgressBlock(blocks.StructBlock):
    """A laureate's donation progress (page types named by string: no import of the models)."""

    laureate = blocks.PageChooserBlock(label=_("Lauréat"), page_type="campaigns.LaureatePage")

    class Meta:
        icon = "pick"
        label = _("Progression d'une collecte")
        template = "blocks/funding_progress_block.html"
        description = _("Montant collecté, objectif, contributeurs et jours restants d'un lauréat.")
        group = _("Collectes")


class ProgrammeResultsBlock(blocks.StructBlock):
    """A call's results: applications, laureates, funded campaigns, total raised and donors."""

    call = blocks.PageChooserBlock(label=_("Appel à projets"), page_type="campaigns.CallPage")

    class Meta:
        icon = "table"
        label = _("Résultats du programme")
        template = "blocks/programme_results_block.html"
        description = _("Candidatures, lauréats, collectes réussies, total collecté et contributeurs d'un appel.")
        group = _("Collectes")


def stream_blocks():
    """The (name, block) pairs added to every page body, fresh instances at each call."""
    return [("funding_progress", FundingProgressBlock()), ("programme_results", ProgrammeResultsBlock())]
