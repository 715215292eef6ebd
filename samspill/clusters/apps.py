from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "samspill.clusters"
    label = "clusters"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, permissions  # noqa: F401 (registers the rules)

        for model in (
            models.Cluster,
            models.ClusterRole,
            models.Region,
            models.Organisation,
            models.Person,
            models.Affiliation,
            models.Node,
            models.Subgroup,
            models.Membership,
            models.Agreement,
            models.AgreementVersion,
            models.AgreementAppendix,
            models.AgreementSignature,
        ):
            auditlog.register(model)
        # Who uploaded and confirmed each import; the parsed rows are too bulky for the log.
        auditlog.register(models.ImportBatch, exclude_fields=["rows"])
        _add_menu_items()
        _watch_changes()


def _watch_changes() -> None:
    """Every row with a cluster, of every app, raises its cluster's data version when it
    changes (`freshness.py`)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from . import freshness
    from .models import Cluster, ClusterScoped

    for model in apps.get_models():
        if model is Cluster or issubclass(model, ClusterScoped):
            uid = f"samspill.freshness.{model._meta.label_lower}"
            post_save.connect(freshness.row_changed, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(freshness.row_changed, sender=model, dispatch_uid=f"{uid}.delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    freshness.row_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}.{field.name}",
                )
    post_save.connect(
        freshness.user_changed, sender=get_user_model(), dispatch_uid="samspill.freshness.user"
    )


def _add_menu_items() -> None:
    """The registry's items in the main menu; each list's item is current on its records'
    pages too (an organisation's page under Organisations), the rest under Registry."""
    from django.utils.translation import gettext_lazy as _

    from samspill.common import menu

    from .access import VIEW

    menu.add(
        menu.MenuItem("clusters:dashboard", _("Registry"), VIEW, order=10),
        menu.MenuItem(
            "clusters:organisation_list",
            _("Organisations"),
            VIEW,
            order=20,
            pages=("clusters:organisation",),
        ),
        menu.MenuItem(
            "clusters:person_list",
            _("People"),
            VIEW,
            order=30,
            pages=("clusters:person", "clusters:affiliation"),
        ),
        menu.MenuItem(
            "clusters:membership_list",
            _("Memberships"),
            VIEW,
            order=40,
            pages=("clusters:membership",),
        ),
        menu.MenuItem(
            "clusters:agreement_list",
            _("Agreements"),
            VIEW,
            order=50,
            pages=("clusters:agreement", "clusters:appendix", "clusters:signature"),
        ),
        section="clusters",
    )
