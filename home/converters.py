"""``<id:pk>`` in URL patterns: a database id, digits only and within a 64-bit signed integer.

Django's ``<int:…>`` accepts any number of digits, and SQLite raises ``OverflowError`` (a 500)
for an id of 2⁶³ or more. This converter refuses such an id at the URL: the address simply does
not match, so the visitor gets the ordinary 404 (or the JSON 404 of the API's catch-all)."""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def parse_id(value):
    """The id in ``value`` (a string from the request), or None when it is not one."""
    value = str(value)
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # no match: the resolver tries the next pattern, then 404
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
