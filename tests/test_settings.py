"""Settings come from the environment through one strict helper."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from portal.settings.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DUMMY_SECRET = "ci-dummy-secret-key-for-checks-only-9f8e7d6c5b4a39281706f5e4d3c2b1a0"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("ON", True), ("0", False), ("false", False), ("no", False)],
)
def test_env_bool_parses_one_way(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", default=not expected) is expected


def test_env_bool_refuses_what_it_does_not_understand(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", default=False)


def test_env_helpers_defaults_and_lists(monkeypatch):
    monkeypatch.delenv("UNSET_VALUE", raising=False)
    assert env_bool("UNSET_VALUE", default=True) is True
    assert env_int("UNSET_VALUE", default=7) == 7
    assert env_str("UNSET_VALUE", "x") == "x"
    with pytest.raises(ImproperlyConfigured):
        env_str("UNSET_VALUE")
    monkeypatch.setenv("HOSTS", " a.example , b.example,, ")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("COUNT", 1)


def _run_django(settings_module, code, **extra_env):
    dropped = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **extra_env)
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_django("portal.settings.production", "print('started')")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "started" not in result.stdout


def test_production_passes_deploy_checks():
    result = _run_django(
        "portal.settings.production",
        "from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')",
        SECRET_KEY=DUMMY_SECRET,
        ALLOWED_HOSTS="portail.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_uses_redis_cache_and_manifest_storage_when_configured():
    result = _run_django(
        "portal.settings.production",
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.STORAGES['staticfiles']['BACKEND']); "
        "print(s.MIDDLEWARE[1]); print(s.DEBUG)",
        SECRET_KEY=DUMMY_SECRET,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    backend, storage, middleware, debug = result.stdout.split()
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert middleware == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert debug == "False"


def test_database_defaults_to_sqlite_in_the_project():
    result = _run_django(
        "portal.settings.dev",
        "from django.conf import settings as s; d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'])",
        DATABASE_URL="",
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == BASE_DIR / "db.sqlite3"


def test_database_url_selects_postgresql():
    result = _run_django(
        "portal.settings.dev",
        "from django.conf import settings as s; d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])",
        DATABASE_URL="postgres://postgres@db.example:5432/portal",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "portal", "db.example"]


def test_cache_is_local_memory_without_redis():
    result = _run_django(
        "portal.settings.dev",
        "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
        REDIS_URL="",
    )
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"
