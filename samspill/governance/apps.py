from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "samspill.governance"
    label = "governance"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, permissions  # noqa: F401 (registers the rules)

        for model in (
            models.Body,
            models.Appointment,
            models.Meeting,
            models.Case,
            models.CaseItem,
            models.Attendance,
        ):
            auditlog.register(model)
        _add_menu_items()


def _add_menu_items() -> None:
    from django.utils.translation import gettext_lazy as _

    from samspill.common import menu

    from .permissions import VIEW_BODIES

    menu.add(
        menu.MenuItem("governance:body_list", _("Bodies"), VIEW_BODIES, order=60),
        section="governance",
    )
