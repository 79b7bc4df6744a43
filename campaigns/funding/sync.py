"""Fetching a campaign's figures from its platform (being written; see providers.py)."""


def sync_campaign(campaign, *, source="api"):
    """Fetch figures for ``campaign`` from its platform and record them. Returns True on success."""
    raise NotImplementedError
