import pytest

from tests.browser.conftest import assert_no_axe_violations


def test_axe_helper_reports_violations(browser):
    """Guards the guard: a page with known WCAG failures must not pass."""
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(page)
    page.close()
