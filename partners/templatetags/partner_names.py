"""``{% seen_by recipient %}…{% endseen_by %}``: what is inside names other accounts as that
recipient may see them (partners/display_names.py). Wagtail's notification e-mails are rendered
during the request of whoever acted (an officer rejecting a change), so without this a partner's
e-mail would name the officer by username, often an e-mail address."""

from django import template

from ..display_names import viewing_as
from ..roles import is_partner_only

register = template.Library()


class SeenByNode(template.Node):
    def __init__(self, recipient, nodelist):
        self.recipient = recipient
        self.nodelist = nodelist

    def render(self, context):
        recipient = self.recipient.resolve(context)
        if recipient is None or not getattr(recipient, "pk", None) or not is_partner_only(recipient):
            return self.nodelist.render(context)
        with viewing_as(recipient):
            return self.nodelist.render(context)


@register.tag
def seen_by(parser, token):
    try:
        _tag, recipient = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("seen_by takes one argument: the recipient") from error
    nodelist = parser.parse(("endseen_by",))
    parser.delete_first_token()
    return SeenByNode(parser.compile_filter(recipient), nodelist)
