"""Response headers every answer carries (issue 14, "Headers"): Permissions-Policy and the
Content-Security-Policy (its directives are in settings, CONTENT_SECURITY_POLICY)."""

from csp.middleware import CSPMiddleware

from home.blocks import video_frame_sources

# Browser features the portal never uses, refused to its pages and to anything they frame (the
# video block's PeerTube iframe included). Fullscreen stays allowed: framed videos use it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def csp_nonce(request):
    """The answer's nonce for a template rendered without request context ("" without one).
    A string: django-csp's lazy nonce is false in a template's {% if %} until it is read."""
    return str(getattr(request, "csp_nonce", ""))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the video players a video block may frame added to the site
    policy's frame-src on each answer: the list follows VIDEO_PEERTUBE_HOSTS (home.blocks), which
    settings cannot import. A view with its own policy (@csp, the embeds) gets nothing added."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            update = dict(parts.update or {})
            update["frame-src"] = [*update.get("frame-src", []), *video_frame_sources()]
            parts.update = update
        return parts
