import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    """The ``demo`` module of each project app, in INSTALLED_APPS order.

    Apps plug their own demo content in without ``home`` importing them, which
    keeps imports pointing one way (home knows nothing of campaigns).
    """
    for app_config in apps.get_app_configs():
        if Path(app_config.path).parent != Path(settings.BASE_DIR):
            continue
        name = f"{app_config.name}.demo"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        yield app_config.label, module


class Command(BaseCommand):
    help = "Build the demo site (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--section",
            action="append",
            help="Load only these apps' demo content (repeatable), e.g. --section home.",
        )

    def handle(self, *args, section=None, **options):
        for label, module in demo_modules():
            if section and label not in section:
                continue
            with transaction.atomic():
                module.load(self)
            self.stdout.write(f"demo content: {label} ok")
