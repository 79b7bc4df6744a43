"""Search benchmark: fills the database with N news pages, then prints the median time of
common queries through the same code path as the results page. Prints figures; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python scripts/bench_search.py --pages 10000

Use a throwaway database: the script migrates it and adds pages to it.
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
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.models import NewsIndexPage, NewsPage
from search.engine import find_page_ids
from search.views import searchable_pages

WORDS = [
    "atelier",
    "réparation",
    "vélo",
    "makers",
    "collecte",
    "économie",
    "circulaire",
    "réemploi",
    "recyclage",
    "textile",
    "bois",
    "palettes",
    "compost",
    "quartier",
    "métropole",
    "projet",
    "lauréat",
    "partenaire",
    "citoyens",
    "dons",
    "fabrication",
    "impression",
    "objets",
    "meubles",
    "verre",
    "café",
    "solidarité",
    "association",
    "commune",
    "jeunes",
    "école",
]
QUERIES = ["maker", "economie circulaire", "réparation vélo", "projets", "palettes recyclées", "zzzz"]


def fill(count):
    index = NewsIndexPage.objects.filter(locale__language_code="fr").first()
    existing = NewsPage.objects.count()
    started = time.perf_counter()
    for number in range(existing, count):
        words = [WORDS[(number * 7 + k * 3) % len(WORDS)] for k in range(12)]
        with transaction.atomic():
            page = NewsPage(
                title=f"{words[0].capitalize()} {words[1]} {number}",
                slug=f"bench-{number}",
                intro=" ".join(words),
            )
            index.add_child(instance=page)
        if number % 1000 == 0:
            print(f"  {number} pages ({time.perf_counter() - started:.0f} s)", flush=True)
    return NewsPage.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    call_command("load_demo", section=["home", "partners", "campaigns", "news"], verbosity=0)
    total = fill(args.pages)
    print(f"news pages: {total}")

    client = Client()
    print(f"{'query':<24} {'hits':>6} {'search median':>14} {'page median':>12} {'SQL':>5}")
    for query in QUERIES:
        scope = searchable_pages()
        hits = len(find_page_ids(query, scope))
        engine_times, page_times = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            find_page_ids(query, scope)
            engine_times.append(time.perf_counter() - started)
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get("/recherche/", {"q": query})
                page_times.append(time.perf_counter() - started)
            assert response.status_code == 200
        print(
            f"{query:<24} {hits:>6} {statistics.median(engine_times) * 1000:>11.1f} ms"
            f" {statistics.median(page_times) * 1000:>9.1f} ms {len(queries):>5}"
        )


if __name__ == "__main__":
    main()
