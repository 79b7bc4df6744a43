from wagtail.models import Page

import pytest

from tests.factories import build_site


@pytest.fixture
def site_tree(db):
    """French and English home pages; Wagtail's welcome page removed."""
    Page.objects.filter(depth=2, slug="home").delete()
    home, home_en = build_site()
    return {"home": home, "home_en": home_en}
