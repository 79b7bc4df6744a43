"""Sync benchmark: N live campaigns synced against the fake platform on loopback (the one
the tests use), in a throwaway test database. Prints figures; asserts nothing.

    .venv/bin/python scripts/bench_sync.py --campaigns 50 --latency 0.05
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment
from django.utils import timezone

from funding.models import FundingCampaign
from funding.sync import sync_all, syncable_campaigns
from tests.fake_platform import FakePlatform


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--campaigns", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds the fake platform takes per answer")
    parser.add_argument("--failing", type=int, default=5, help="campaigns whose platform answers 500")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        with FakePlatform() as fake:
            now = timezone.now()
            for number in range(args.campaigns):
                slug = f"projet-{number}"
                FundingCampaign.objects.create(
                    name=f"Projet {number}",
                    platform="ulule",
                    external_id=slug,
                    goal=Decimal("5000"),
                    starts_at=now - datetime.timedelta(days=5),
                    ends_at=now + datetime.timedelta(days=30),
                )
                if number < args.failing:
                    fake.route("GET", f"/v1/projects/{slug}", mode="status", payload=500)
                else:
                    fake.routes[("GET", f"/v1/projects/{slug}")] = lambda path, body, n=number: (
                        time.sleep(args.latency)
                        or ("json", {"amount_raised": 1000 + n, "supporters_count": 10 + n, "currency": "EUR"})
                    )
            providers = {**settings.FUNDING_PROVIDERS, "ulule": {"API_URL": fake.url + "/v1/", "API_KEY": ""}}
            with override_settings(FUNDING_PROVIDERS=providers):
                campaigns = list(syncable_campaigns())
                report = sync_all(campaigns)
            print(
                f"campaigns: {len(campaigns)} (failing on purpose: {args.failing}), "
                f"platform latency {args.latency * 1000:.0f} ms"
            )
            print(f"synced {len(report.synced)}, failed {len(report.failed)} in {report.seconds:.2f} s")
            print(f"requests received by the fake platform: {len(fake.requests)}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
