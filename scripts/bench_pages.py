"""Page benchmark: serves the demo with production settings under gunicorn (2 workers) and
drives wrk on loopback. For every public page type it prints requests per second, p50 and p99
latency, the ratio to the same server's static CSS file in the same run, and the SQL queries
one anonymous render runs. Prints figures; asserts nothing.

    .venv/bin/python scripts/bench_pages.py                 # this checkout
    .venv/bin/python scripts/bench_pages.py --rev HEAD~1    # this checkout and another revision

Each tree gets a fresh SQLite database with the demo content (or DATABASE_URL's database when
--database-url is given: use a throwaway one, the script migrates it and loads the demo).
Needs wrk (apt-get install wrk).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

# Printed in the tree being measured: one URL per public page type, and the queries of one
# anonymous render of it (Django's test client, same settings as the server).
DISCOVER = r"""
import json, os
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

def first(model_path):
    app, name = model_path.split(".")
    from django.apps import apps
    model = apps.get_model(app, name)
    page = model.objects.live().public().filter(locale__language_code="fr").order_by("path").first()
    return page.url if page else None

urls = {
    "home": "/",
    "news index": first("news.NewsIndexPage"),
    "news story": first("news.NewsPage"),
    "search": "/recherche/?q=atelier",
    "call index": first("campaigns.CallIndexPage"),
    "call page": first("campaigns.CallPage"),
    "laureate page": first("campaigns.LaureatePage"),
    "partner index": first("partners.PartnerIndexPage"),
    "partner page": first("partners.PartnerPage"),
    "content page": first("home.ContentPage"),
}
client = Client()
out = {}
for name, url in urls.items():
    if not url:
        continue
    client.get(url)  # warm, as the server is during the run
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    out[name] = {"url": url, "status": response.status_code, "queries": len(queries),
                 "bytes": len(response.content)}
print("BENCH-JSON" + json.dumps(out))
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(tree, database_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database_url,
        PYTHONPATH=str(tree),
    )
    return env


def run(cmd, tree, env):
    subprocess.run(cmd, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(tree, env):
    run([PYTHON, "manage.py", "compile_translations"], tree, env)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], tree, env)
    run([PYTHON, "manage.py", "load_demo"], tree, env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], tree, env)
    found = subprocess.run([PYTHON, "-c", DISCOVER], cwd=tree, env=env, check=True, capture_output=True, text=True)
    return json.loads(found.stdout.split("BENCH-JSON", 1)[1])


def wait_until_up(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on port {port} within {timeout} s")


def static_css_path(port):
    html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
    return re.search(r'href="(/static/css/portal[^"]*\.css)"', html).group(1)


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", out).groups())
    p99 = to_ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups())
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def bench_tree(label, tree, args):
    work = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    database_url = args.database_url or f"sqlite:///{work / 'bench.sqlite3'}"
    env = environment(tree, database_url)
    print(f"\n## {label} ({tree})", flush=True)
    pages = prepare(tree, env)
    port = free_port()
    server = subprocess.Popen(
        [GUNICORN, "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port)
        base = f"http://127.0.0.1:{port}"
        static = wrk(base + static_css_path(port), args.seconds, args.connections)
        rows = {"static CSS": {**static, "queries": 0, "bytes": 0}}
        for name, page in pages.items():
            rows[name] = {**wrk(base + page["url"], args.seconds, args.connections), **page}
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    print("| page | req/s | p50 ms | p99 ms | % of static | SQL queries | KB | non-2xx |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        share = 100 * row["rps"] / static["rps"]
        print(
            f"| {name} | {row['rps']:.1f} | {row['p50']:.1f} | {row['p99']:.1f} | {share:.1f} % "
            f"| {row['queries']} | {row['bytes'] / 1024:.0f} | {row['errors']} |"
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="also measure this git revision (checked out apart)")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--connections", type=int, default=10, help="wrk connections")
    parser.add_argument("--database-url", help="a throwaway database instead of a new SQLite")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    results = {"this checkout": bench_tree("this checkout", ROOT, args)}
    if args.rev:
        other = Path(tempfile.mkdtemp(prefix="bench-rev-")) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(other), args.rev], cwd=ROOT, check=True)
        try:
            results[args.rev] = bench_tree(args.rev, other, args)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT)
        print(f"\n## req/s, this checkout / {args.rev}")
        for name, row in results["this checkout"].items():
            before = results[args.rev].get(name)
            if before:
                print(f"- {name}: {row['rps']:.1f} / {before['rps']:.1f} = {row['rps'] / before['rps']:.2f}×")


if __name__ == "__main__":
    sys.exit(main())
