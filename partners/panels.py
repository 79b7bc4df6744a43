"""Admin pieces of the partner's edit form: the moderation notice and the logo chooser."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.images.widgets import AdminImageChooser
from wagtail.models import WorkflowState

from .text import long_date


class ModerationNoticePanel(Panel):
    """At the top of the form: what happens on submission, where the last one stands, and the
    officer's request for changes in full, so that the partner reads it where it must be acted on."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Relecture avant publication"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "moderation_notice"

    class BoundPanel(Panel.BoundPanel):
        template_name = "partners/admin/moderation_notice.html"

        def is_shown(self):
            return self.request is not None and bool(self.instance.pk) and bool(self.notice)

        HEADINGS = {
            "changes": _("Modifications demandées"),
            "pending": _("En attente de validation"),
            "review": _("Relecture avant publication"),
        }

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.request is not None and self.instance.pk and self.notice:
                self.heading = self.HEADINGS[self.notice["kind"]]

        @property
        def notice(self):
            if not hasattr(self, "_notice"):
                self._notice = self._build_notice()
            return self._notice

        def _build_notice(self):
            state = self.instance.current_workflow_state
            may_publish = self.instance.permissions_for_user(self.request.user).can_publish()
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                task_state = state.current_task_state
                return {
                    "kind": "changes",
                    "comment": task_state.get_comment() if task_state else "",
                    "by": task_state.finished_by if task_state else None,
                    "date": long_date(task_state.finished_at) if task_state and task_state.finished_at else "",
                }
            if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
                return None if may_publish else {"kind": "pending"}
            return None if may_publish else {"kind": "review"}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notice"] = self.notice
            return context


class LogoChooser(AdminImageChooser):
    """The image chooser with "Remplacer le logo" as a visible button, not only in the "…" menu."""

    template_name = "partners/admin/logo_chooser.html"
    choose_one_text = _("Choisir un logo")
    choose_another_text = _("Remplacer le logo")
