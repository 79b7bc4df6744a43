"""Form data the Wagtail admin posts, for tests that drive the admin like a browser."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def partner_form(page, **overrides):
    """What the admin edit form posts for a partner page."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "logo": "",
        "logo_alt": page.logo_alt,
        "short_description": page.short_description,
        "body": streamfield([]),
        "website": page.website,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "commune": page.commune,
        "mastodon_url": "",
        "linkedin_url": "",
        "facebook_url": "",
        "instagram_url": "",
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
