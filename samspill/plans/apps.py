from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "samspill.plans"
    label = "plans"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, permissions  # noqa: F401 (registers the rules)

        for model in (models.Strategy, models.ActionPlan, models.PlanVersion, models.Chapter):
            auditlog.register(model)
        auditlog.register(models.Measure, m2m_fields={"organisations", "bodies", "decisions"})
        _add_menu_items()


def _add_menu_items() -> None:
    from django.utils.translation import gettext_lazy as _

    from samspill.common import menu

    from .permissions import VIEW_PLANS

    menu.add(menu.MenuItem("plans:plan_list", _("Plans"), VIEW_PLANS, order=70), section="plans")
