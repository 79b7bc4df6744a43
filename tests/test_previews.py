"""Every page type can be previewed from its edit form (editors preview before publishing)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import ProjectTheme
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    ContentPageFactory,
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    build_site,
)

COMMON = {"seo_title": "", "search_description": "", "social_image": "", "comments": inline_formset([])}


class PreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        Page.objects.filter(depth=2, slug="home").delete()
        cls.home, _ = build_site()
        cls.calls = CallIndexPageFactory(parent=cls.home)
        cls.call = CallPageFactory(parent=cls.calls)
        cls.laureate = LaureatePageFactory(parent=cls.call)
        cls.theme = ProjectTheme.objects.create(name="réemploi", locale=cls.home.locale)
        cls.partners = PartnerIndexPageFactory(parent=cls.home)
        cls.partner = PartnerPageFactory(parent=cls.partners)
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(parent=cls.news_index)
        cls.content = ContentPageFactory(parent=cls.home)

    def preview(self, page, **fields):
        data = nested_form_data({"title": "Aperçu", "slug": page.slug, **COMMON, **fields})
        self.assertPageIsPreviewable(page, post_data=data)

    def test_home_page(self):
        self.preview(
            self.home,
            hero_title="Accroche",
            intro=rich_text("<p>Intro</p>"),
            hero_image="",
            cta_text="",
            cta_page="",
            body=streamfield([]),
        )

    def test_content_page(self):
        self.preview(self.content, intro="Chapeau", body=streamfield([]))

    def test_index_pages(self):
        for page in (self.calls, self.partners, self.news_index):
            with self.subTest(page=page):
                self.preview(page, intro="Introduction")

    def test_call_page(self):
        self.preview(
            self.call,
            edition_year="2018",
            theme="Économie circulaire",
            summary="Résumé",
            body=streamfield([]),
            eligibility=rich_text("<p>Conditions</p>"),
            platform_name="",
            platform_url="",
            application_url="",
            applications_count="40",
            phases=inline_formset(
                [{"kind": "collection", "start_date": "2018-09-03", "end_date": "2018-10-14", "description": ""}]
            ),
            key_figures=inline_formset([]),
            call_partners=inline_formset([]),
        )

    def test_laureate_page(self):
        self.preview(
            self.laureate,
            makers="Camille",
            commune="Roubaix",
            pitch="Pitch",
            themes=inline_formset([{"theme": str(self.theme.pk)}]),
            hero_image="",
            campaign=str(self.laureate.campaign_id),
            sponsors=inline_formset([{"partner": str(self.partner.pk), "role": "parrain"}]),
            fund_uses=inline_formset([{"label": "Scie à ruban", "amount": "1200"}]),
            story=streamfield([]),
        )

    def test_partner_page(self):
        self.preview(
            self.partner,
            kind="company",
            logo="",
            logo_alt="",
            short_description="Description",
            body=streamfield([]),
            website="",
            contact_email="",
            contact_phone="",
            commune="",
            mastodon_url="",
            linkedin_url="",
            facebook_url="",
            instagram_url="",
        )

    def test_news_page(self):
        self.preview(
            self.news,
            date="2018-09-03",
            byline="",
            category="",
            tags="",
            hero_image="",
            hero_alt="",
            intro="Chapeau",
            body=streamfield([]),
            pinned="",
            related_pages=inline_formset([]),
        )
