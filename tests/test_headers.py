"""Headers every answer carries (issue 14, finding 6)."""

import pytest

from portal.headers import PERMISSIONS_POLICY


@pytest.mark.parametrize("url", ["/", "/en/", "/admin/login/", "/healthz", "/page-qui-n-existe-pas/"])
def test_every_answer_refuses_unused_browser_features(client, site_tree, url):
    response = client.get(url)
    policy = response["Permissions-Policy"]
    assert policy == PERMISSIONS_POLICY
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    # Framed videos still go fullscreen.
    assert "fullscreen" not in policy
