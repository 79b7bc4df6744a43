"""The Content-Security-Policy nonce of an answer, for templates rendered without request context
(the 500 and 503 pages) and for template tags that hand it on."""


def csp_nonce(request):
    """The nonce as a string ("" without one): django-csp's lazy nonce is false in a template's
    {% if %} until it is read."""
    return str(getattr(request, "csp_nonce", ""))
