"""Uploaded files in development (``DEBUG``), as the production proxy serves them.

Images are served straight from ``MEDIA_ROOT``; documents never are: they go through Wagtail's
``/documents/<id>/<name>`` view, which applies collection privacy (WAGTAILDOCS_SERVE_METHOD is
"serve_view"). A direct ``/media/documents/...`` address would skip that check, so it is a 404
here, and docs/deployment.md asks the same of the proxy.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

DOCUMENTS_DIR = "documents"


def dev_media(request, path):
    normalised = posixpath.normpath("/" + path).lstrip("/")
    if normalised.split("/")[0] == DOCUMENTS_DIR:
        raise Http404("Documents are served by /documents/, which checks their privacy.")
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)
