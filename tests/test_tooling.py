"""The lint tools run at one version: pre-commit's revs are requirements-dev.txt's pins."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
HOOK_PACKAGES = {"astral-sh/ruff-pre-commit": "ruff", "rtts/djhtml": "djhtml"}


def pins():
    lines = (ROOT / "requirements-dev.txt").read_text().splitlines()
    return dict(re.fullmatch(r"([\w.-]+)==(\S+)", line).groups() for line in lines if "==" in line)


def hook_revs():
    text = (ROOT / ".pre-commit-config.yaml").read_text()
    pairs = re.findall(r"repo:\s*https://github\.com/(\S+?)\s+rev:\s*[\"']?v?([\w.]+)", text)
    return {HOOK_PACKAGES[repo]: rev for repo, rev in pairs}


def test_pre_commit_runs_the_pinned_versions():
    revs = hook_revs()
    assert set(revs) == set(HOOK_PACKAGES.values())
    assert revs == {package: pins()[package] for package in revs}


def test_make_lint_checks_the_templates():
    lint = re.search(r"^lint:.*?\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1)
    assert "djhtml --check templates" in lint
    assert "ruff check ." in lint and "ruff format --check ." in lint
