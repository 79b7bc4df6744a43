"""Embeds, JSON API and open data benchmark: loads the demo content (idempotent), then prints
payload sizes, SQL queries and the median / 95th percentile response time of each endpoint
through Django's test client (the whole middleware stack, no network). Prints figures;
asserts nothing.

    .venv/bin/python scripts/bench_sharing.py --requests 300
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python scripts/bench_sharing.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")  # the test client's host

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from campaigns.models import CallPage, LaureatePage


def measure(client, url, count, headers=None):
    client.get(url, headers=headers)  # warm the caches
    queries = []
    # execute_wrapper rather than CaptureQueriesContext: each request resets the query log.
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        response = client.get(url, headers=headers)
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        client.get(url, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return response, len(queries), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    laureate = LaureatePage.objects.live().filter(locale__language_code="fr", campaign__isnull=False).first()
    call = CallPage.objects.live().get(slug="mel-makers-2018", locale__language_code="fr")
    client = Client()
    api_campaign = reverse("api_campaign", kwargs={"pk": laureate.campaign_id})
    etag = client.get(api_campaign)["ETag"]
    endpoints = [
        ("embed: campaign (fr)", reverse("embed_campaign", kwargs={"pk": laureate.campaign_id}), None),
        ("embed: call results (fr)", reverse("embed_results", kwargs={"pk": call.pk}), None),
        ("API: campaign", api_campaign, None),
        ("API: campaign, If-None-Match (304)", api_campaign, {"If-None-Match": etag}),
        ("API: call with 10 laureates", reverse("api_call", kwargs={"pk": call.pk}), None),
        ("open data: CSV", reverse("opendata_call_csv", kwargs={"pk": call.pk}), None),
        ("open data: JSON", reverse("opendata_call_json", kwargs={"pk": call.pk}), None),
        ("oEmbed", reverse("oembed") + "?url=http://testserver" + laureate.url, None),
    ]
    print(f"database: {connection.vendor}, {args.requests} requests per endpoint, test client in process")
    print(f"{'endpoint':38} {'status':>6} {'bytes':>7} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for label, url, headers in endpoints:
        response, queries, median, p95 = measure(client, url, args.requests, headers)
        size = len(response.content)
        print(f"{label:38} {response.status_code:>6} {size:>7} {queries:>7} {median:>10.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
