"""The admin views a partner-only account may reach, defined once.

Everything under the admin prefix that is not listed here answers 403 (404 for URLs that do not
resolve) to a partner account, whatever Wagtail or a package adds in an upgrade:
tests/test_partner_allowlist.py requests every admin URL pattern and fails on a view that answers
without being listed, and on a listed name that no longer exists.

Each entry maps a resolved view name ("namespace:url_name") to the rule that must also hold:

- ``ANY``: the view is about the account itself, or Wagtail filters what it shows by the user's
  own permissions (slice "files" narrows the image and document views to the partner's collection);
- ``OWN_PAGE``: the page named by the URL (``page_id`` or the first positional argument) must be
  one the partner may edit, its own profile in one of its languages;
- ``OWN_PAGE_SESSION``: an editing-session ping, allowed for its own page only;
- ``OWN_IMAGE``, ``OWN_DOCUMENT``: the image or document named by the URL must be in a collection
  where the partner may change or choose images (documents), its own;
- ``LIVE_OR_OWN_PAGE``: the page chooser browsing under a page, which must be live or its own
  (the chooser's header shows the parent's title: a draft laureate's must not appear);
- ``CHOSEN_PAGES``: the chooser's answer for the pages picked (``?id=`` repeated), each of which
  must be live and public or its own (the answer holds their titles).
"""

from django.utils.translation import gettext_lazy as _

ANY = "any"
OWN_PAGE = "own page"
OWN_PAGE_SESSION = "editing session of own page"
LIVE_OR_OWN_PAGE = "live or own page"
CHOSEN_PAGES = "chosen pages live or own"
OWN_IMAGE = "own image"
OWN_DOCUMENT = "own document"

PARTNER_ALLOWED_VIEWS = {
    # The account itself.
    "wagtailadmin_home": ANY,
    "wagtailadmin_logout": ANY,
    "wagtailadmin_account": ANY,  # name, password, language, notifications: all in one view
    "wagtailadmin_dismissibles": ANY,  # the user's own "do not show again" choices, posted by the admin's JS
    # The admin's own assets.
    "wagtailadmin_javascript_catalog": ANY,
    "wagtailadmin_sprite": ANY,
    "wagtailadmin_block_preview": ANY,  # block picker previews, drawn from each block's preview_value
    # What Django answers to anyone (a logged-in user is sent on to the dashboard).
    "wagtailadmin_login": ANY,
    "wagtailadmin_password_reset": ANY,
    "wagtailadmin_password_reset_done": ANY,
    "wagtailadmin_password_reset_confirm": ANY,
    "wagtailadmin_password_reset_complete": ANY,
    # Its own profile page (submitting and cancelling a submission are actions of the edit view).
    "wagtailadmin_pages:edit": OWN_PAGE,
    "wagtailadmin_pages:preview_on_edit": OWN_PAGE,
    "wagtailadmin_pages:view_draft": OWN_PAGE,
    "wagtailadmin_pages:history": OWN_PAGE,
    "wagtailadmin_pages:history_results": OWN_PAGE,
    "wagtailadmin_pages:revisions_index": OWN_PAGE,
    "wagtailadmin_pages:revisions_view": OWN_PAGE,
    "wagtailadmin_pages:revisions_compare": OWN_PAGE,
    "wagtailadmin_pages:revisions_revert": OWN_PAGE,  # a new draft from an old one, moderated like any edit
    "wagtailadmin_pages:workflow_history": OWN_PAGE,
    "wagtailadmin_pages:workflow_history_detail": OWN_PAGE,
    "wagtailadmin_pages:confirm_workflow_cancellation": OWN_PAGE,  # the modal before cancelling its submission
    "wagtailadmin_editing_sessions:ping": OWN_PAGE_SESSION,
    "wagtailadmin_editing_sessions:release": ANY,  # Wagtail only releases the user's own session
    # Images and documents (Wagtail's collection permissions, then the files slice's filters).
    "wagtailimages:index": ANY,
    "wagtailimages:index_results": ANY,
    "wagtailimages:add": ANY,
    "wagtailimages:edit": OWN_IMAGE,
    "wagtailimages:add_multiple": ANY,
    "wagtailimages:edit_multiple": OWN_IMAGE,
    # Wagtail lets the uploader delete its own upload: the chooser's "use the existing image and
    # delete the new one" after a duplicate upload needs it.
    "wagtailimages:delete": OWN_IMAGE,
    "wagtailimages:create_multiple_from_uploaded_image": ANY,
    "wagtailimages:delete_upload_multiple": ANY,
    "wagtailimages_chooser:choose": ANY,
    "wagtailimages_chooser:choose_results": ANY,
    "wagtailimages_chooser:chosen": OWN_IMAGE,
    "wagtailimages_chooser:chosen_multiple": ANY,
    "wagtailimages_chooser:create": ANY,
    "wagtailimages_chooser:select_format": OWN_IMAGE,
    "wagtaildocs:index": ANY,
    "wagtaildocs:index_results": ANY,
    "wagtaildocs:add": ANY,
    "wagtaildocs:edit": OWN_DOCUMENT,
    "wagtaildocs:add_multiple": ANY,
    "wagtaildocs:edit_multiple": OWN_DOCUMENT,
    "wagtaildocs:delete": OWN_DOCUMENT,
    "wagtaildocs:create_multiple_from_uploaded_document": ANY,
    "wagtaildocs:delete_upload_multiple": ANY,
    "wagtaildocs_chooser:choose": ANY,
    "wagtaildocs_chooser:choose_results": ANY,
    "wagtaildocs_chooser:chosen": OWN_DOCUMENT,
    "wagtaildocs_chooser:chosen_multiple": ANY,
    "wagtaildocs_chooser:create": ANY,
    # The link chooser of rich text and link blocks (live pages only, see wagtail_hooks).
    "wagtailadmin_choose_page": ANY,
    "wagtailadmin_choose_page_child": LIVE_OR_OWN_PAGE,
    "wagtailadmin_choose_page_search": ANY,
    "wagtailadmin_choose_page_chosen_multiple": CHOSEN_PAGES,
    "wagtailadmin_choose_page_external_link": ANY,
    "wagtailadmin_choose_page_email_link": ANY,
    "wagtailadmin_choose_page_phone_link": ANY,
    "wagtailadmin_choose_page_anchor_link": ANY,
}

# Whole namespaces: the accounts app's two-factor set-up and verification.
PARTNER_ALLOWED_NAMESPACES = {"accounts": ANY}

# The page explorer is refused too, but answers with the dashboard rather than an error: the edit
# view's breadcrumbs lead there, and the dashboard is where a partner's profile is.
PARTNER_EXPLORER_VIEWS = {"wagtailadmin_explore_root", "wagtailadmin_explore"}

# Kwargs naming a page, in the order they are looked for.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id")
# Kwargs naming an image or a document.
MEDIA_ID_KWARGS = ("image_id", "document_id", "doc_id", "pk")

REFUSAL_MESSAGE = _("Cette page de l’administration n’est pas ouverte aux comptes partenaires.")


def rule_for(match):
    """The rule for a resolved admin URL, or None when a partner may not reach it."""
    if match.namespace in PARTNER_ALLOWED_NAMESPACES:
        return PARTNER_ALLOWED_NAMESPACES[match.namespace]
    if match.namespaces and match.namespaces[0] in PARTNER_ALLOWED_NAMESPACES:
        return PARTNER_ALLOWED_NAMESPACES[match.namespaces[0]]
    if not match.url_name:
        return None
    return PARTNER_ALLOWED_VIEWS.get(match.view_name)
