from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "samspill.governance"
    label = "governance"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, permissions  # noqa: F401 (registers the rules)

        for model in (
            models.Body,
            models.MandateVersion,
            models.Appointment,
            models.Meeting,
            models.Case,
            models.CaseItem,
            models.Attendance,
            models.MinutesVersion,
            models.FollowUp,
            models.MinutesSigner,
            models.Disqualification,
            models.Circulation,
            models.CirculationReply,
        ):
            auditlog.register(model)
        _add_menu_items()
        _add_dashboard_panel()


def _add_dashboard_panel() -> None:
    """Bodies that break a rule of their mandate are named on the cluster's dashboard."""
    from samspill.common import dashboard

    from . import queries
    from .permissions import VIEW_BODIES

    def read(cluster):
        found = queries.cluster_warnings(cluster, queries.today())
        return {"bodies": found} if found else None

    dashboard.add(
        dashboard.Panel(
            "governance/_dashboard_warnings.html", read=read, permission=VIEW_BODIES, order=10
        )
    )


def _add_menu_items() -> None:
    from django.utils.translation import gettext_lazy as _

    from samspill.common import menu

    from .permissions import VIEW_BODIES

    menu.add(
        menu.MenuItem("governance:body_list", _("Bodies"), VIEW_BODIES, order=60),
        section="governance",
    )
    menu.add(
        menu.MenuItem(
            "governance:decision_list",
            _("Decisions"),
            VIEW_BODIES,
            order=65,
            pages=("governance:decision",),
        )
    )
