"""The site's languages, all read from ``settings.LANGUAGES`` (codes, names, default first) and
``settings.LANGUAGE_REGIONS`` (the country whose conventions each language follows). Open Graph
locales, number formats and the API's language enum derive from them; nothing else lists them."""

from django.conf import settings
from django.core import checks
from django.utils import translation


def language_codes():
    """The site's language codes, in settings order: ["fr", "en"]."""
    return [code for code, _name in settings.LANGUAGES]


def regional_locale(language=None):
    """The language with its region, as Babel and Open Graph spell it: "fr_FR", "en_GB".

    ``language`` defaults to the active one; a language the site does not offer gets the
    default language's locale."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    if code not in language_codes():
        code = settings.LANGUAGE_CODE
    return f"{code}_{settings.LANGUAGE_REGIONS[code]}"


@checks.register()
def check_language_regions(app_configs=None, **kwargs):
    """Every language needs its region: a new language added to LANGUAGES alone is an error."""
    regions = getattr(settings, "LANGUAGE_REGIONS", {})
    return [
        checks.Error(f"settings.LANGUAGE_REGIONS has no region for {code!r}.", id="home.E001")
        for code in language_codes()
        if not regions.get(code)
    ]
