"""What a page form may point at: the images, documents, pages and snippets its user may choose.

The choosers only offer what a user may choose, but a form posts ids, and ids are sequential: a
partner could post another collection's image as its logo, or a link block to a laureate's draft
(issue 14, finding 4). Every page form (``home.forms.PageForm``) therefore checks each reference
its new content holds (foreign keys, StreamField blocks, rich text links and embeds, inline
children), found the way Wagtail's reference index finds them, against the same rules as the
choosers:

- an image or a document: in a collection where the user may choose images (documents);
- a page: live, or one the user may edit (an officer's draft, a partner's own profile);
- a snippet: of a model the user may view, add, change or delete.

A reference the page already held before the edit is left alone: an officer may have placed an
image from the shared collection on a partner's profile, and the partner must still be able to
save its own changes around it.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import get_snippet_models

REFUSED_MESSAGES = {
    "image": _("Cette image n’existe pas ou n’est pas dans une collection que votre compte peut utiliser."),
    "document": _("Ce document n’existe pas ou n’est pas dans une collection que votre compte peut utiliser."),
    "page": _("Cette page n’existe pas ou n’est pas encore publiée : choisissez une page en ligne."),
    "snippet": _("Cet élément n’existe pas ou n’est pas accessible à votre compte."),
}
SNIPPET_ACTIONS = ["add", "change", "delete", "view"]


def references_of(instance, children=()):
    """(model, object id, field name) for every reference the instance and its unsaved inline
    children hold; the reference index's own extraction, so no kind of field is forgotten."""
    found = set()
    for source in (instance, *children):
        for content_type_id, object_id, model_path, _content_path in ReferenceIndex._extract_references_from_object(
            source
        ):
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            found.add((model, str(object_id), model_path.split(".")[0]))
    return found


def kind_of(model):
    """The chooser rule a referenced model falls under, or None for what is not chosen (tags)."""
    if model is None:
        return None
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    if issubclass(model, Page):
        return "page"
    if snippet_model_of(model) is not None:
        return "snippet"
    return None


def snippet_model_of(model):
    """The registered snippet model a referenced model is (the reference index names base models)."""
    return next((s for s in get_snippet_models() if issubclass(model, s) or issubclass(s, model)), None)


def may_choose(user, model, object_id):
    """Whether the user may point at that object from a page it edits."""
    kind = kind_of(model)
    if kind is None:
        return True
    try:
        if kind == "image":
            return image_policy.instances_user_has_any_permission_for(user, ["choose"]).filter(pk=object_id).exists()
        if kind == "document":
            return document_policy.instances_user_has_any_permission_for(user, ["choose"]).filter(pk=object_id).exists()
        if kind == "page":
            page = Page.objects.filter(pk=object_id).first()
            return page is not None and (page.live or page.permissions_for_user(user).can_edit())
        policy = ModelPermissionPolicy(snippet_model_of(model))
        return model._default_manager.filter(pk=object_id).exists() and policy.user_has_any_permission(
            user, SNIPPET_ACTIONS
        )
    except (ValueError, TypeError):  # an id that is not one (posted by hand)
        return False


def refused_references(user, new, old):
    """{field name: [message, ...]} for the references added since ``old`` that the user may not
    choose; the same object twice in a field gives one message."""
    refused = {}
    for model, object_id, field_name in sorted(new - old, key=lambda ref: (ref[2], str(ref[1]))):
        if not may_choose(user, model, object_id):
            message = REFUSED_MESSAGES[kind_of(model)]
            messages = refused.setdefault(field_name, [])
            if message not in messages:
                messages.append(message)
    return refused
