"""Imports point down the apps' order and never back (../shared/ARCHITECTURE.md): home knows
nothing of the apps above it, funding nothing of campaigns, and so on. Every Python file of every
app is read, migrations included; tests/ and scripts/ may import anything."""

import ast
from pathlib import Path

from django.conf import settings

import pytest

# Lowest first: an app may import the apps before it, never those after it. Apps that do not
# exist (yet) are skipped: funding and applications may appear at any time.
ORDER = ["home", "partners", "accounts", "funding", "campaigns", "applications", "news", "search", "portal"]
RANK = {app: rank for rank, app in enumerate(ORDER)}
IMPORT_FUNCTIONS = {"import_module", "__import__"}


def _module_parts(path):
    """("campaigns", "sharing", "embed") for campaigns/sharing/embed.py; a package for __init__.py."""
    parts = list(path.with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(relative_path, source):
    """(line number, imported dotted name, source line) for every import in ``source``.

    Relative imports are resolved against the file's package; ``importlib.import_module("x")``
    and ``__import__("x")`` with a literal name count as imports too."""
    tree = ast.parse(source, filename=str(relative_path))
    lines = source.splitlines()
    module = _module_parts(relative_path)
    package = module if relative_path.name == "__init__.py" else module[:-1]
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level - 1 <= len(package) else []
                names = [".".join([*base, node.module] if node.module else base)]
            else:
                names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if function in IMPORT_FUNCTIONS and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        for name in names:
            if name:
                found.append((node.lineno, name, lines[node.lineno - 1].strip()))
    return found


def violations(relative_path, source):
    """One message per import of an app above the file's own app, naming file, line and import."""
    app = relative_path.parts[0]
    messages = []
    for line, name, text in imported_modules(relative_path, source):
        target = name.split(".")[0]
        if target in RANK and RANK[target] > RANK[app]:
            messages.append(f"{relative_path}:{line}: `{text}`: {app} may not import {target} (an app above it)")
    return messages


def project_files():
    root = Path(settings.BASE_DIR)
    for app in ORDER:
        folder = root / app
        if folder.is_dir():
            for path in sorted(folder.rglob("*.py")):
                yield path.relative_to(root), path


def test_no_app_imports_an_app_above_it():
    files = list(project_files())
    assert {path.parts[0] for path, _full in files} >= {"home", "partners", "campaigns", "news", "search", "portal"}
    assert any("migrations" in path.parts for path, _full in files)
    found = [message for path, full in files for message in violations(path, full.read_text())]
    assert not found, "Imports against the apps' order:\n" + "\n".join(found)


# --- the checker itself --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        (
            "home/models.py",
            "import os\n\nfrom campaigns.models import CallPage\n",
            [
                "home/models.py:3: `from campaigns.models import CallPage`: "
                "home may not import campaigns (an app above it)"
            ],
        ),
        (
            "funding/sync.py",
            "def later():\n    import campaigns.models as models\n",
            [
                "funding/sync.py:2: `import campaigns.models as models`: "
                "funding may not import campaigns (an app above it)"
            ],
        ),
        (
            "partners/templatetags/tags.py",
            "from ...news import models\n",
            [
                "partners/templatetags/tags.py:1: `from ...news import models`: "
                "partners may not import news (an app above it)"
            ],
        ),
        (
            "home/migrations/0009_data.py",
            "import importlib\nimportlib.import_module('search.engine')\n",
            [
                "home/migrations/0009_data.py:2: `importlib.import_module('search.engine')`: "
                "home may not import search (an app above it)"
            ],
        ),
        ("campaigns/sharing/embed.py", "from ..models import LaureatePage\nfrom home.models import BasePage\n", []),
        ("campaigns/models.py", "from funding.models import FundingCampaign\nfrom partners import models\n", []),
        ("portal/urls.py", "from search import views\nfrom news.feeds import Feed\n", []),
        ("news/models.py", "from newsletter import x\nfrom homework import y\n", []),  # not our apps
    ],
)
def test_the_checker_names_file_line_and_import(path, source, expected):
    assert violations(Path(path), source) == expected


def test_relative_imports_resolve_within_the_package():
    names = [
        name for _line, name, _text in imported_modules(Path("campaigns/sharing/embed.py"), "from . import data\n")
    ]
    assert names == ["campaigns.sharing"]
    init = Path("campaigns/sharing/__init__.py")
    assert [name for _line, name, _text in imported_modules(init, "from .views import x\n")] == [
        "campaigns.sharing.views"
    ]
