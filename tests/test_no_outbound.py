"""Public pages never call a platform (or anything else outside this machine)."""

import ipaddress
import socket

from django.urls import reverse

from wagtail.models import Page

import pytest
import requests

from campaigns.models import CallPage, LaureatePage

pytestmark = pytest.mark.django_db


def test_public_pages_make_no_outbound_http_call(client, monkeypatch, demo):
    outbound = []
    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host in ("localhost",) or isinstance(address, str)  # unix sockets are local
        if not loopback:
            outbound.append(address)
            raise OSError(f"outbound connection attempted to {address}")
        return real_connect(sock, address)

    def no_http(*args, **kwargs):
        outbound.append(("requests", args))
        raise AssertionError("a public page called requests")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(requests, "request", no_http)
    monkeypatch.setattr(requests.Session, "request", no_http)

    # The guard itself works (it refuses before any packet leaves): 192.0.2.1 is a documentation address.
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    outbound.clear()

    urls = [page.url for page in Page.objects.live().filter(depth__gte=2)]
    urls += ["/recherche/?q=maker", "/en/search/?q=makers", "/actualites/rss/", "/sitemap.xml", "/robots.txt"]
    # Embeds, API, open data and oEmbed read the stored figures too.
    laureate = LaureatePage.objects.live().exclude(campaign=None).first()
    call = CallPage.objects.live().first()
    urls += [
        reverse("embed_campaign", kwargs={"pk": laureate.campaign_id}),
        reverse("embed_results", kwargs={"pk": call.pk}),
        reverse("api_campaign", kwargs={"pk": laureate.campaign_id}),
        reverse("api_call", kwargs={"pk": call.pk}),
        reverse("api_openapi"),
        reverse("opendata_call_csv", kwargs={"pk": call.pk}),
        reverse("opendata_call_json", kwargs={"pk": call.pk}),
        f"{reverse('oembed')}?url=http://testserver{laureate.url}",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert len(urls) > 50
    assert outbound == []
