from wagtail import hooks

from home.blocks import STREAM_BLOCKS_HOOK

from .blocks import stream_blocks

# The progress and results blocks, offered in every page body (see home.blocks).
hooks.register(STREAM_BLOCKS_HOOK, stream_blocks)
