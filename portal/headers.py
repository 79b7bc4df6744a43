"""Response headers every answer carries (issue 14, "Headers"): Permissions-Policy and the
Content-Security-Policy (its directives are in settings, CONTENT_SECURITY_POLICY)."""

from django.utils.functional import LazyObject, empty

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from home.admin_paths import is_admin_request
from home.blocks import video_frame_sources
from home.theme import css_custom_properties_source

THEME_STYLE_SOURCE = css_custom_properties_source()

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


# The one exception to the site policy: the Wagtail admin's screens for signed-in accounts. Wagtail
# 7.4 still writes inline <script> elements in its form widgets (date and time pickers, inline
# panels, multiple choosers), its chooser modals insert their answers' scripts with jQuery,
# wagtail-localize's translation editor starts from an inline script, and the admin's JavaScript
# inserts <style> elements: none of them can carry our nonce, and their contents (widget ids)
# change, so no hash either. tests/browser/test_csp_browser.py shows each of them refused under
# the strict policy. Scoped as narrowly as Wagtail allows: paths under the admin's root, and only
# for a signed-in account (the login and password reset pages, which anyone reaches, keep the
# strict policy). No nonce then: a nonce would make browsers ignore 'unsafe-inline'. Everything
# else (default-src, object-src, base-uri, form-action, frame-ancestors) stays as strict.
ADMIN_POLICY_REPLACE = {"script-src": [SELF, UNSAFE_INLINE], "style-src": [SELF, UNSAFE_INLINE]}


def is_signed_in_admin(request):
    """An admin screen for a signed-in account. Asks nothing of the database: an answer for which
    nothing loaded the account (the 503 maintenance page, whose database is down) is no admin
    screen, and keeps the strict policy."""
    if not is_admin_request(request):
        return False
    user = getattr(request, "user", None)
    if user is None or (isinstance(user, LazyObject) and user._wrapped is empty):
        return False
    return user.is_authenticated


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with two additions on the site policy (a view with its own policy,
    @csp on the embeds, gets neither):

    - the video players a video block may frame added to frame-src on each answer: the list follows
      VIDEO_PEERTUBE_HOSTS (home.blocks), which settings cannot import;
    - the hash of the theme's <style> (base.html) added to style-src: pages served from the page
      cache to every visitor cannot carry a per-answer nonce;
    - the Wagtail admin's exception above (as django-csp's @csp_replace would, on views that are
      Wagtail's and not ours to decorate)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            update = dict(parts.update or {})
            update["frame-src"] = [*update.get("frame-src", []), *video_frame_sources()]
            parts.update = update
            if is_signed_in_admin(request):
                parts.replace = {**ADMIN_POLICY_REPLACE, **(parts.replace or {})}
            else:  # (a hash would make browsers ignore the admin's 'unsafe-inline')
                update["style-src"] = [*update.get("style-src", []), THEME_STYLE_SOURCE]
        return parts
