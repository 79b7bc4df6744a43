"""The screenshot helper: nothing without SCREENSHOTS_DIR; with it, a small palette PNG of the viewport."""

from PIL import Image

from tests.browser.conftest import shoot

PAGE = '<html lang="fr"><body style="margin:0;background:linear-gradient(90deg,#c00,#00c)"><h1>Écran</h1></body></html>'


def test_shoot_does_nothing_without_screenshots_dir(browser, monkeypatch, tmp_path):
    monkeypatch.delenv("SCREENSHOTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.set_content(PAGE)
    assert shoot(page, "ecran") is None
    assert list(tmp_path.iterdir()) == []
    page.close()


def test_shoot_saves_the_viewport_as_a_palette_png(browser, monkeypatch, tmp_path):
    target = tmp_path / "captures"
    monkeypatch.setenv("SCREENSHOTS_DIR", str(target))
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.set_content(PAGE + "<div style='height:3000px'></div>")  # taller than the viewport
    path = shoot(page, "ecran-375")
    page.close()
    assert path == target / "ecran-375.png"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (375, 740)  # the viewport, not the whole page
        assert image.mode == "P"
        assert len(image.getcolors(256)) <= 128
