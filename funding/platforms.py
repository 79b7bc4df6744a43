"""The crowdfunding platforms the portal knows, written down once.

The model's choices, the sync filter, the OpenAPI enums, the funding model a new campaign gets
and the settings each platform reads (``portal/settings/base.py`` builds ``FUNDING_PROVIDERS``
and ``FUNDING_WEBHOOK_SECRETS`` from this table) all come from ``PLATFORMS``. This module must
stay importable before Django is set up: the settings read it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Funding models (stored values; the labels live on funding.models.FundingModel).
ALL_OR_NOTHING = "all_or_nothing"
KEEP_WHAT_YOU_RAISE = "keep_what_you_raise"


@dataclass(frozen=True)
class PlatformSpec:
    code: str
    label: str
    # The funding model a new campaign on this platform gets; None: the officer must choose.
    default_funding_model: str | None
    # True when an adapter fetches the figures (funding.providers); False: manual entry and CSV only.
    syncable: bool = False
    # False for an interface the platform does not document (best effort, said so in the admin).
    official_api: bool = True
    # Setting name -> (environment variable, default value), read into FUNDING_PROVIDERS[code].
    settings: dict = field(default_factory=dict)
    # Environment variable holding the Standard Webhooks secret ("" or absent: webhooks refused).
    webhook_env: str = ""


PLATFORMS = (
    PlatformSpec(
        "kisskissbankbank",
        "KissKissBankBank",
        default_funding_model=ALL_OR_NOTHING,
        syncable=True,
        official_api=False,
        settings={"GRAPHQL_URL": ("KKBB_GRAPHQL_URL", "https://api.kisskissbankbank.com/graphql")},
        webhook_env="KKBB_WEBHOOK_SECRET",
    ),
    PlatformSpec(
        "ulule",
        "Ulule",
        default_funding_model=ALL_OR_NOTHING,
        syncable=True,
        settings={"API_URL": ("ULULE_API_URL", "https://api.ulule.com/v1/"), "API_KEY": ("ULULE_API_KEY", "")},
        webhook_env="ULULE_WEBHOOK_SECRET",
    ),
    PlatformSpec(
        "helloasso",
        "HelloAsso",
        # HelloAsso donation forms keep every donation, whatever the goal.
        default_funding_model=KEEP_WHAT_YOU_RAISE,
        syncable=True,
        settings={
            "API_URL": ("HELLOASSO_API_URL", "https://api.helloasso.com/v5/"),
            "TOKEN_URL": ("HELLOASSO_TOKEN_URL", "https://api.helloasso.com/oauth2/token"),
            "CLIENT_ID": ("HELLOASSO_CLIENT_ID", ""),
            "CLIENT_SECRET": ("HELLOASSO_CLIENT_SECRET", ""),
            "ORGANIZATION": ("HELLOASSO_ORGANIZATION", ""),
        },
        webhook_env="HELLOASSO_WEBHOOK_SECRET",
    ),
    PlatformSpec("other", _("Autre plateforme"), default_funding_model=None),
)

BY_CODE = {platform.code: platform for platform in PLATFORMS}
CODES = [platform.code for platform in PLATFORMS]
SYNCABLE_CODES = [platform.code for platform in PLATFORMS if platform.syncable]


def choices():
    return [(platform.code, platform.label) for platform in PLATFORMS]


def get(code):
    """The platform's spec; an unknown code (a removed platform) reads as "other"."""
    return BY_CODE.get(code, BY_CODE["other"])


def provider_settings(read):
    """``FUNDING_PROVIDERS`` for the settings, ``read(variable, default)`` reading the environment."""
    return {
        platform.code: {name: read(variable, default) for name, (variable, default) in platform.settings.items()}
        for platform in PLATFORMS
        if platform.settings
    }


def webhook_secrets(read):
    """``FUNDING_WEBHOOK_SECRETS`` for the settings."""
    return {platform.code: read(platform.webhook_env, "") for platform in PLATFORMS if platform.webhook_env}
