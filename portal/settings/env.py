"""One strict way to read configuration from environment variables.

Every setting that can vary between machines goes through these helpers, so a
boolean is parsed the same way everywhere and a typo fails loudly instead of
silently meaning "on" (the string "False" is truthy in Python).
"""

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_UNSET = object()


def env_str(name, default=_UNSET):
    value = os.environ.get(name)
    if value is None:
        if default is _UNSET:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    normalised = value.strip().lower()
    if normalised in _TRUE:
        return True
    if normalised in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean: use one of "
        f"{', '.join(sorted(_TRUE))} or {', '.join(sorted(_FALSE - {''}))}."
    )


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from None


def env_list(name, default=()):
    """A comma-separated list; blanks around items are ignored."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_admins(name):
    """``Nom <a@b.fr>, c@d.fr`` as Django's ADMINS: a list of (name, address) pairs.

    Quoted names may hold commas (``"Dupont, Marie" <m@b.fr>``); an item that is not an address
    stops the start, since a typo would silently send the error reports nowhere.
    """
    value = os.environ.get(name, "")
    if not value.strip():
        return []
    admins = []
    for display, address in getaddresses([value]):
        if address.count("@") != 1 or address.startswith("@") or address.endswith("@") or " " in address:
            raise ImproperlyConfigured(f"{name}={value!r}: {address or display!r} is not an email address.")
        admins.append((display or address, address))
    if not admins:
        raise ImproperlyConfigured(f"{name}={value!r} holds no email address.")
    return admins
